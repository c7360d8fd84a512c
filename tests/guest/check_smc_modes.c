/*
 * Generated code in the ways JITs produce it, self-checking, in ARM and
 * Thumb encodings (tests/guest/smc.c covers in-place rewriting with
 * cacheflush and RW->RX mprotect cycles):
 *  - rewritten in place with no cacheflush at all (a32run write-protects
 *    pages holding decoded code and notices the write);
 *  - munmap and a new mapping with other code at the same address;
 *  - dual mapping: code written through a writable view of a memfd and
 *    run through a second, executable view, with cacheflush on the
 *    executable range after each change, as Android's ART and V8 do
 *    (no write fault happens on the executable view, so cacheflush must
 *    invalidate: qemu-arm 7.2 keeps running the old code here).
 *  - concurrent: threads keep running generated functions while another
 *    thread rewrites them (in place, with cacheflush): every call returns
 *    a value that was written at some point, nothing crashes, and after
 *    the last rewrite every thread sees the last value (exercises the
 *    shared block cache's invalidation while other threads execute).
 * Each function returns an 8-bit constant; a stale translation shows up
 * as the previous constant.
 */
// variants: arm-O2 thumb-O2
// cflags: -pthread
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "check.h"

typedef int (*fn_t)(void);

/* Writes "return imm" at p; returns the callable address. */
static fn_t emit(void *p, int thumb, unsigned imm)
{
    if (thumb) {
        uint16_t *h = p;
        h[0] = (uint16_t)(0x2000u | (imm & 0xffu));    /* movs r0, #imm */
        h[1] = 0x4770u;                                 /* bx lr */
        return (fn_t)((uintptr_t)p | 1u);
    }
    uint32_t *w = p;
    w[0] = 0xe3a00000u | (imm & 0xffu);                 /* mov r0, #imm */
    w[1] = 0xe12fff1eu;                                 /* bx lr */
    return (fn_t)p;
}

static void flush(void *p, size_t len)
{
    __builtin___clear_cache((char *)p, (char *)p + len);
}

static void check_no_cacheflush(int thumb)
{
    uint8_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fn_t f = emit(page, thumb, 11);
    flush(page, 8);
    int a = f();
    int ok = a == 11;
    for (unsigned i = 12; i < 40; i++) {
        f = emit(page, thumb, i);           /* no cacheflush */
        ok &= f() == (int)i;
    }
    CHECK(ok, "%s: code rewritten in place without cacheflush runs the new code",
          thumb ? "thumb" : "arm");
    munmap(page, 4096);
}

static void check_remap(int thumb)
{
    int ok = 1;
    void *want = NULL;
    for (unsigned i = 1; i <= 20; i++) {
        uint8_t *page = mmap(want, 4096, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | (want ? MAP_FIXED : 0), -1, 0);
        if (page == MAP_FAILED) {
            ok = 0;
            break;
        }
        want = page;
        fn_t f = emit(page, thumb, 50 + i);
        mprotect(page, 4096, PROT_READ | PROT_EXEC);
        flush(page, 8);
        ok &= f() == (int)(50 + i);
        munmap(page, 4096);
    }
    CHECK(ok, "%s: munmap and a new mapping at the same address run the new code",
          thumb ? "thumb" : "arm");
}

static void check_dual_mapping(int thumb)
{
    int fd = (int)syscall(SYS_memfd_create, "jit", 0);
    if (fd < 0 || ftruncate(fd, 4096) < 0) {
        CHECK(0, "memfd_create");
        return;
    }
    uint8_t *rw = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    uint8_t *rx = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (rw == MAP_FAILED || rx == MAP_FAILED) {
        CHECK(0, "dual mmap");
        return;
    }
    int ok = 1;
    for (unsigned i = 100; i < 130; i++) {
        emit(rw, thumb, i);
        flush(rx, 8);           /* the executable view, as ART and V8 do */
        fn_t f = (fn_t)((uintptr_t)rx | (thumb ? 1u : 0u));
        int got = f();
        if (got != (int)i) {
            printf("  dual mapping: wrote %u, ran %d\n", i, got);
            ok = 0;
        }
    }
    CHECK(ok, "%s: dual mapping (write through RW view, cacheflush RX view) runs the new code",
          thumb ? "thumb" : "arm");
    munmap(rw, 4096);
    munmap(rx, 4096);
    close(fd);
}

#define RUNNERS 3
#define FUNCS 16
static uint8_t *shared_code;
static volatile int writer_done, runner_bad;
static volatile unsigned final_value;

static void *runner(void *arg)
{
    int thumb = (int)(intptr_t)arg;
    for (;;) {
        int done = writer_done;
        for (int k = 0; k < FUNCS; k++) {
            fn_t f = (fn_t)((uintptr_t)(shared_code + 64 * k) | (thumb ? 1u : 0u));
            int v = f();
            if (v < 1 || v > 255)
                runner_bad = 1;
            if (done && v != (int)final_value)
                runner_bad = 1;
        }
        if (done)
            return NULL;
    }
}

static void check_concurrent(int thumb)
{
    shared_code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int k = 0; k < FUNCS; k++)
        emit(shared_code + 64 * k, thumb, 1);
    flush(shared_code, 4096);
    writer_done = 0;
    runner_bad = 0;
    pthread_t t[RUNNERS];
    for (int i = 0; i < RUNNERS; i++)
        pthread_create(&t[i], NULL, runner, (void *)(intptr_t)thumb);
    unsigned v = 1;
    for (int round = 0; round < 400; round++) {
        v = 1 + (unsigned)(round % 250);
        for (int k = 0; k < FUNCS; k++)
            emit(shared_code + 64 * k, thumb, v);
        flush(shared_code, 4096);
        if (round % 50 == 0)
            usleep(1000);
    }
    final_value = v;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    writer_done = 1;
    for (int i = 0; i < RUNNERS; i++)
        pthread_join(t[i], NULL);
    CHECK(!runner_bad, "%s: %d threads run code while another rewrites it 400 times; "
          "all see the last version", thumb ? "thumb" : "arm", RUNNERS);
    munmap(shared_code, 4096);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int thumb = 0; thumb < 2; thumb++) {
        check_no_cacheflush(thumb);
        check_remap(thumb);
        check_dual_mapping(thumb);
        check_concurrent(thumb);
    }
    printf("%s: %d failures\n", failures ? "FAIL" : "PASS", failures);
    return failures != 0;
}
