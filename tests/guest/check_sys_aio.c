/*
 * Linux native AIO with the 32-bit ABI (4-byte aio_context_t, 64-byte iocb
 * with 32-bit pointers zero-extended, 32-byte io_event), self-checking:
 * io_setup (EINVAL if *ctxp is not 0), io_submit of PWRITE, PREAD,
 * PREADV, FDSYNC and POLL requests, io_getevents returning each request's
 * aio_data, obj (the guest iocb address) and result, a timeout with no
 * events, io_cancel of an unknown iocb (EINVAL), EFAULT for a bad iocb
 * array, a bad buffer failing in its event, and io_pgetevents (its time64 form in the _t64
 * build). Raw syscalls, as libaio makes them. qemu-arm 7.2 differs: it has
 * no AIO at all (ENOSYS).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/aio_abi.h>

#include "check.h"

struct ts32 { int32_t sec, nsec; };
struct ts64 { int64_t sec, nsec; };

/* io_getevents with a relative timeout of ms milliseconds (-1: none) */
static long get_events(aio_context_t ctx, long min, long nr, struct io_event *ev, int ms, int use_pget)
{
#if defined(_TIME_BITS) && _TIME_BITS == 64
    struct ts64 t = { ms / 1000, (ms % 1000) * 1000000LL };
    (void)use_pget;
    return syscall(__NR_io_pgetevents_time64, ctx, min, nr, ev, ms < 0 ? NULL : &t, NULL);
#else
    struct ts32 t = { ms / 1000, (ms % 1000) * 1000000 };
    if (use_pget)
        return syscall(__NR_io_pgetevents, ctx, min, nr, ev, ms < 0 ? NULL : &t, NULL);
    return syscall(__NR_io_getevents, ctx, min, nr, ev, ms < 0 ? NULL : &t);
#endif
}

static void prep(struct iocb *cb, int op, int fd, void *buf, size_t len, long long off, uint64_t data)
{
    memset(cb, 0, sizeof *cb);
    cb->aio_lio_opcode = (uint16_t)op;
    cb->aio_fildes = (uint32_t)fd;
    cb->aio_buf = (uint64_t)(uintptr_t)buf;
    cb->aio_nbytes = len;
    cb->aio_offset = off;
    cb->aio_data = data;
}

int main(void)
{
    CHECK(sizeof(aio_context_t) == 4 && sizeof(struct iocb) == 64 && sizeof(struct io_event) == 32,
          "32-bit AIO ABI sizes");
    aio_context_t ctx = 0;
    long setup = syscall(__NR_io_setup, 8, &ctx);
    if (setup < 0 && errno == ENOSYS && getenv("A32RUN_HOST_EMULATED")) {
        printf("skip: io_setup: the host (%s) has no AIO\n", getenv("A32RUN_HOST_EMULATED"));
        return 0;
    }
    CHECK(setup == 0 && ctx != 0, "io_setup");
    aio_context_t again = 1;
    CHECK(syscall(__NR_io_setup, 8, &again) == -1 && errno == EINVAL, "io_setup with *ctxp != 0: EINVAL");
    char tmp[] = "/tmp/a32run-aio-XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0, "mkstemp");

    static char out[8192], in[8192], a[100], b[100];
    for (int i = 0; i < 8192; i++)
        out[i] = (char)(i * 7);
    struct iocb w, *list[4];
    prep(&w, IOCB_CMD_PWRITE, fd, out, sizeof out, 0, 0x1122334455667788ull);
    list[0] = &w;
    CHECK(syscall(__NR_io_submit, ctx, 1, list) == 1, "submit PWRITE");
    struct io_event ev[4];
    memset(ev, 0, sizeof ev);
    long n = get_events(ctx, 1, 4, ev, 2000, 0);
    CHECK(n == 1 && ev[0].data == 0x1122334455667788ull && ev[0].obj == (uintptr_t)&w &&
          ev[0].res == 8192, "PWRITE event: n %ld data %llx obj %llx res %lld", n,
          (unsigned long long)ev[0].data, (unsigned long long)ev[0].obj, (long long)ev[0].res);

    struct iocb r, rv, sync, pl;
    prep(&r, IOCB_CMD_PREAD, fd, in, sizeof in, 0, 1);
    struct iovec iov[2] = { { a, sizeof a }, { b, sizeof b } };
    prep(&rv, IOCB_CMD_PREADV, fd, iov, 2, 1000, 2);
    prep(&sync, IOCB_CMD_FDSYNC, fd, NULL, 0, 0, 3);
    int p[2];
    CHECK(pipe(p) == 0 && write(p[1], "x", 1) == 1, "pipe with data");
    prep(&pl, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 0, 0, 4);
    list[0] = &r; list[1] = &rv; list[2] = &sync; list[3] = &pl;
    CHECK(syscall(__NR_io_submit, ctx, 4, list) == 4, "submit PREAD, PREADV, FDSYNC, POLL");
    int got = 0, good = 0;
    for (int tries = 0; tries < 20 && got < 4; tries++) {
        n = get_events(ctx, 1, 4 - got, ev, 2000, tries & 1);
        for (long i = 0; i < n; i++, got++) {
            switch (ev[i].data) {
            case 1: good += ev[i].obj == (uintptr_t)&r && ev[i].res == 8192 && !memcmp(in, out, 8192); break;
            case 2: good += ev[i].obj == (uintptr_t)&rv && ev[i].res == 200 &&
                            !memcmp(a, out + 1000, 100) && !memcmp(b, out + 1100, 100); break;
            case 3: good += ev[i].obj == (uintptr_t)&sync && ev[i].res == 0; break;
            case 4: good += ev[i].obj == (uintptr_t)&pl && (ev[i].res & POLLIN); break;
            }
        }
    }
    CHECK(got == 4 && good == 4, "four completions, all right (%d got, %d good)", got, good);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    n = get_events(ctx, 1, 4, ev, 50, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    CHECK(n == 0 && waited >= 0.04, "no events: 0 after %.3f s", waited);
    CHECK(syscall(__NR_io_cancel, ctx, &r, ev) == -1 && errno == EINVAL, "io_cancel of a finished request: EINVAL");
    list[0] = (struct iocb *)8;
    CHECK(syscall(__NR_io_submit, ctx, 1, list) == -1 && errno == EFAULT, "bad iocb pointer: EFAULT");
    CHECK(syscall(__NR_io_submit, ctx, 1, (void *)8) == -1 && errno == EFAULT, "bad iocb array: EFAULT");
    /* an unmapped buffer is accepted and faults when the request runs */
    prep(&r, IOCB_CMD_PREAD, fd, (void *)16, 100, 0, 5);
    list[0] = &r;
    CHECK(syscall(__NR_io_submit, ctx, 1, list) == 1, "bad buffer: submitted");
    n = get_events(ctx, 1, 1, ev, 2000, 0);
    CHECK(n == 1 && ev[0].data == 5 && ev[0].res == -EFAULT, "bad buffer: event res %lld", (long long)ev[0].res);
    CHECK(syscall(__NR_io_submit, 12345, 1, list) == -1 && errno == EINVAL, "bad context: EINVAL");
    CHECK(syscall(__NR_io_destroy, ctx) == 0, "io_destroy");
    CHECK(syscall(__NR_io_destroy, ctx) == -1 && errno == EINVAL, "io_destroy again: EINVAL");
    close(fd);
    unlink(tmp);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
