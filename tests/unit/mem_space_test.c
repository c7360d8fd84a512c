/*
 * Guest memory layer tests: reservation, mmap/munmap/mprotect/mremap/brk
 * semantics, pointer checks and code write protection. The suite runs in
 * forked children under several placements: the default (identity when
 * the host allows it), a forced base offset, and a pretended 16 KiB and
 * 64 KiB host page size (to exercise the large-page paths on a 4 KiB host).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"
#include "mem/vector_page.h"

static int failures, checks;
static const char *config_name = "";

#define CHECK(cond) do {                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "[%s] %s:%d: CHECK(%s) failed\n", config_name,     \
                    __FILE__, __LINE__, #cond);                                \
        }                                                                      \
    } while (0)
#define CHECK_EQ(a, b) do {                                                    \
        long long a_ = (long long)(a), b_ = (long long)(b);                    \
        checks++;                                                              \
        if (a_ != b_) {                                                        \
            failures++;                                                        \
            fprintf(stderr, "[%s] %s:%d: %s = %lld (0x%llx), expected %lld (0x%llx)\n", \
                    config_name, __FILE__, __LINE__, #a, a_, (unsigned long long)a_, \
                    b_, (unsigned long long)b_);                               \
        }                                                                      \
    } while (0)

#define RW (GUEST_PROT_READ | GUEST_PROT_WRITE)
#define ANON (GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS)
#define PG GUEST_PAGE_SIZE

static uint8_t flags_at(uint32_t a) { return guest_page_flags[a >> GUEST_PAGE_SHIFT]; }

/* Stores that may fault must happen where the test says (the compiler
 * could otherwise sink them past the volatile fault counter). */
static void store32_now(uint32_t a, uint32_t v)
{
    guest_store32(a, v);
    __asm__ volatile("" ::: "memory");
}

/* A write fault handler standing in for the executor's. */
static volatile int write_faults;
static void segv_handler(int sig, siginfo_t *info, void *uc)
{
    uint32_t addr;
    if (host_to_guest((uintptr_t)info->si_addr, &addr) && guest_mem_handle_code_write(addr)) {
        write_faults++;
        return;
    }
    signal(sig, SIG_DFL);
}

static void test_placement(bool forced)
{
    CHECK(guest_page_flags != NULL);
    CHECK(host_page_size >= 4096);
    if (forced) {
        CHECK(!guest_mem_is_identity());
        CHECK(guest_base != 0);
    }
    if (guest_mem_is_identity())
        CHECK_EQ(guest_base, 0);
    /* The guard after 4 GiB is reserved: some mapping covers it (read from
     * /proc/self/maps: qemu-user does not honour MAP_FIXED_NOREPLACE). */
    uintptr_t guard = guest_base + (1ull << 32), guard_end = guard + GUEST_GUARD_SIZE;
    bool covered = false;
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512];
    uintptr_t cursor = guard;
    while (maps && fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= cursor && hi > cursor)
            cursor = hi;
    }
    if (maps)
        fclose(maps);
    covered = cursor >= guard_end;
    CHECK(covered);
    /* Host allocations stay outside the space. */
    void *m = malloc(1 << 20);
    uint32_t dummy;
    CHECK(!host_to_guest((uintptr_t)m, &dummy) || guest_base + (1ull << 32) <= (uintptr_t)m);
    free(m);
}

static void test_anon_and_fixed(void)
{
    int64_t a = guest_mmap(0, 3 * PG, RW, ANON, -1, 0);
    CHECK(a > 0 && a < GUEST_STACK_TOP);
    CHECK_EQ(a % PG, 0);
    CHECK_EQ(a % host_page_size, 0);
    CHECK(flags_at((uint32_t)a) & GPAGE_MAPPED);
    memset(guest_to_host((uint32_t)a), 0x5a, 3 * PG);
    CHECK_EQ(guest_load32((uint32_t)a + 2 * PG + 8), 0x5a5a5a5a);
    int64_t b = guest_mmap(0, PG, RW, ANON, -1, 0);
    CHECK(b > 0 && b != a);
    CHECK(b + PG <= a || b >= a + 3 * PG);   /* no overlap */

    const uint32_t F = 0x10000000;
    CHECK_EQ(guest_mmap(F, 4 * PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), F);
    memset(guest_to_host(F), 0x11, 4 * PG);
    CHECK_EQ(guest_mmap(F + PG, PG, RW, ANON | GUEST_MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
    CHECK_EQ(guest_mmap(F + PG, PG, GUEST_PROT_READ, ANON | GUEST_MAP_FIXED, -1, 0), F + PG);
    CHECK_EQ(guest_load8(F + PG), 0);                 /* replaced: zero */
    CHECK_EQ(guest_load8(F), 0x11);                   /* neighbours kept */
    CHECK_EQ(guest_load8(F + 2 * PG), 0x11);
    CHECK(!(flags_at(F + PG) & GPAGE_WRITE));
    CHECK(!guest_access_ok(F + PG, 1, GUEST_PROT_WRITE));
    CHECK(guest_access_ok(F + PG, 1, GUEST_PROT_READ));
    /* A hint that is free is honoured. */
    CHECK_EQ(guest_mmap(0x20000000, PG, RW, ANON, -1, 0), 0x20000000);
    /* A hint that is taken is not. */
    int64_t h = guest_mmap(F, PG, RW, ANON, -1, 0);
    CHECK(h > 0 && h != F);

    /* Bad arguments. */
    CHECK_EQ(guest_mmap(0, 0, RW, ANON, -1, 0), -EINVAL);
    CHECK_EQ(guest_mmap(F + 1, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), -EINVAL);
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_ANONYMOUS, -1, 0), -EINVAL);   /* no type */
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_PRIVATE, -1, 0), -EBADF);
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_PRIVATE, 12345, 0), -EBADF);
    CHECK_EQ(guest_mmap(0, PG, RW, ANON, -1, 100), -EINVAL);
    CHECK_EQ(guest_mmap(0, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), -EPERM);
    CHECK_EQ(guest_mmap(0xfffe0000, 0x20000, RW, ANON | GUEST_MAP_FIXED, -1, 0), -ENOMEM);
    CHECK_EQ(guest_mmap(0, 0xfffff000, RW, ANON, -1, 0), -ENOMEM);

    /* munmap with partial overlap. */
    CHECK_EQ(guest_munmap(F + 3 * PG, 2 * PG), 0);    /* past the end too */
    CHECK(!(flags_at(F + 3 * PG) & GPAGE_MAPPED));
    CHECK(flags_at(F + 2 * PG) & GPAGE_MAPPED);
    CHECK(!guest_access_ok(F + 2 * PG, PG + 1, GUEST_PROT_READ));
    CHECK(guest_access_ok(F + 2 * PG, PG, GUEST_PROT_READ));
    CHECK_EQ(guest_munmap(F + 1, PG), -EINVAL);
    CHECK_EQ(guest_munmap(F, 0), -EINVAL);
    CHECK_EQ(guest_munmap(0x40000000, PG), 0);         /* nothing there: fine */

    /* mprotect. */
    CHECK_EQ(guest_mprotect(F, PG, GUEST_PROT_READ), 0);
    CHECK(!guest_access_ok(F, 4, GUEST_PROT_WRITE));
    CHECK_EQ(guest_load8(F), 0x11);
    CHECK_EQ(guest_mprotect(F, 4 * PG, RW), -ENOMEM);  /* hole at F+3*PG */
    CHECK_EQ(guest_mprotect(F + 1, PG, RW), -EINVAL);
    CHECK_EQ(guest_mprotect(F, PG, 0x100), -EINVAL);
    CHECK_EQ(guest_mprotect(F, PG, RW), 0);
    guest_store8(F, 0x22);
    CHECK_EQ(guest_load8(F), 0x22);
    CHECK_EQ(guest_mprotect(F, 0, 0), 0);
    CHECK_EQ(guest_mprotect(F, PG, 0), 0);
    CHECK(flags_at(F) & GPAGE_MAPPED);
    CHECK(!guest_access_ok(F, 1, GUEST_PROT_READ));
    guest_munmap(F, 4 * PG);
    guest_munmap(0x20000000, PG);
    guest_munmap((uint32_t)a, 3 * PG);
    guest_munmap((uint32_t)b, PG);
    guest_munmap((uint32_t)h, PG);
}

static void test_topdown(void)
{
    /* Top-down below the mmap base, reusing holes left by munmap. */
    const uint32_t U = (uint32_t)host_page_size;   /* placement unit */
    int64_t a = guest_mmap(0, 5 * U, RW, ANON, -1, 0);
    int64_t b = guest_mmap(0, 5 * U, RW, ANON, -1, 0);
    int64_t c = guest_mmap(0, 5 * U, RW, ANON, -1, 0);
    CHECK(a > 0 && b > 0 && c > 0);
    CHECK(b < a && c < b);
    CHECK(a + 5 * U <= guest_mmap_base);
    CHECK_EQ(guest_munmap((uint32_t)b, 5 * U), 0);
    CHECK_EQ(guest_mmap(0, 5 * U, RW, ANON, -1, 0), b);
    CHECK_EQ(guest_munmap((uint32_t)a, 5 * U), 0);
    CHECK_EQ(guest_mmap(0, 2 * U, RW, ANON, -1, 0), a + 3 * U);
    guest_munmap((uint32_t)a + 3 * U, 2 * U);
    guest_munmap((uint32_t)b, 5 * U);
    guest_munmap((uint32_t)c, 5 * U);
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_SHARED_VALIDATE | GUEST_MAP_ANONYMOUS | 0x40, -1, 0),
             -EOPNOTSUPP);
    /* Linux refuses MAP_SHARED_VALIDATE for anonymous memory. */
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_SHARED_VALIDATE | GUEST_MAP_ANONYMOUS, -1, 0), -EINVAL);
    CHECK(guest_range_is_free(guest_min_addr, GUEST_MAP_LIMIT - guest_min_addr));
}

static void test_files(void)
{
    char path[] = "/tmp/a32run-mem-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    unlink(path);
    uint8_t buf[3 * PG + 100];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i / PG + 1);
    CHECK_EQ(write(fd, buf, sizeof buf), (long long)sizeof buf);

    /* Private, at an offset that is not host-page aligned on big pages. */
    int64_t a = guest_mmap(0, 2 * PG, RW, GUEST_MAP_PRIVATE, fd, PG);
    CHECK(a > 0);
    CHECK_EQ(guest_load8((uint32_t)a), 2);
    CHECK_EQ(guest_load8((uint32_t)a + PG), 3);
    guest_store8((uint32_t)a, 99);                 /* private: file unchanged */
    uint8_t c = 0;
    CHECK_EQ(pread(fd, &c, 1, PG), 1);
    CHECK_EQ(c, 2);
    /* Past the end of the file: the last page is partially zero. */
    int64_t t = guest_mmap(0, 2 * PG, GUEST_PROT_READ, GUEST_MAP_PRIVATE, fd, 3 * PG);
    CHECK(t > 0);
    CHECK_EQ(guest_load8((uint32_t)t + 99), 4);
    CHECK_EQ(guest_load8((uint32_t)t + 100), 0);

    /* Shared and writable: writes reach the file. */
    int64_t s = guest_mmap(0, PG, RW, GUEST_MAP_SHARED, fd, 0);
    CHECK(s > 0);
    /* Exact when the file reaches the host page's last real page (always
     * on a real host; not for the 64 KiB pretence with this small file). */
    bool shared_exact = sizeof buf + (size_t)sysconf(_SC_PAGESIZE) > host_page_size;
    guest_store8((uint32_t)s + 5, 77);
    CHECK_EQ(pread(fd, &c, 1, 5), 1);
    if (shared_exact)
        CHECK_EQ(c, 77);
    else
        CHECK_EQ(pwrite(fd, "\x4d", 1, 5), 1);

    /* A neighbour in the same host page as a shared file mapping must not
     * write into the file (large-page hosts). */
    int64_t s2 = guest_mmap(0, PG, RW, GUEST_MAP_SHARED, fd, 0);
    CHECK(s2 > 0);
    CHECK_EQ(guest_mmap((uint32_t)s2 + PG, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), s2 + PG);
    CHECK_EQ(guest_load8((uint32_t)s2 + PG), 0);
    guest_store8((uint32_t)s2 + PG, 0xab);
    CHECK_EQ(pread(fd, &c, 1, PG), 1);
    CHECK_EQ(c, 2);
    if (shared_exact)
        CHECK_EQ(guest_load8((uint32_t)s2 + 5), 77);
    guest_munmap((uint32_t)s2, 2 * PG);
    CHECK_EQ(pread(fd, &c, 1, PG), 1);
    CHECK_EQ(c, 2);

    /* Read-only descriptor: shared writable mapping refused. */
    int rfd = open("/proc/self/exe", O_RDONLY);
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_SHARED, rfd, 0), -EACCES);
    int64_t r = guest_mmap(0, PG, GUEST_PROT_READ, GUEST_MAP_SHARED, rfd, 0);
    CHECK(r > 0);
    CHECK_EQ(guest_load32((uint32_t)r), 0x464c457f);    /* \177ELF */
    close(rfd);
    CHECK_EQ(guest_mmap(0, PG, RW, GUEST_MAP_PRIVATE, open("/", O_RDONLY), 0), -ENODEV);

    /* A file mapping longer than the file (as ld.so maps a library span),
     * then something mapped over its tail: the pages past the end of the
     * file must not be touched (they would raise SIGBUS). */
    {
        char bigpath[] = "/tmp/a32run-mem-test-XXXXXX";
        int bfd = mkstemp(bigpath);
        unlink(bigpath);
        static uint8_t big[20 * PG + 100];
        for (size_t i = 0; i < sizeof big; i++)
            big[i] = (uint8_t)(i / PG + 1);
        CHECK_EQ(write(bfd, big, sizeof big), (long long)sizeof big);
        int64_t m = guest_mmap(0, 40 * PG, GUEST_PROT_READ, GUEST_MAP_PRIVATE, bfd, 0);
        CHECK(m > 0);
        CHECK_EQ(guest_load8((uint32_t)m + 16 * PG), 17);
        CHECK_EQ(guest_mmap((uint32_t)m + 28 * PG, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0),
                 m + 28 * PG);
        CHECK_EQ(guest_load8((uint32_t)m + 16 * PG), 17);
        CHECK_EQ(guest_load8((uint32_t)m + 20 * PG + 99), 21);
        CHECK_EQ(guest_load8((uint32_t)m + 28 * PG), 0);
        CHECK_EQ(guest_munmap((uint32_t)m + 30 * PG, PG), 0);
        CHECK_EQ(guest_load8((uint32_t)m + 16 * PG), 17);
        guest_munmap((uint32_t)m, 40 * PG);
        close(bfd);
    }

    /* MAP_FIXED file mapping in the middle of an anonymous one. */
    const uint32_t F = 0x30000000;
    CHECK_EQ(guest_mmap(F, 4 * PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), F);
    memset(guest_to_host(F), 0xee, 4 * PG);
    CHECK_EQ(guest_mmap(F + PG, PG, GUEST_PROT_READ, GUEST_MAP_PRIVATE | GUEST_MAP_FIXED, fd, 2 * PG), F + PG);
    CHECK_EQ(guest_load8(F + PG), 3);
    CHECK_EQ(guest_load8(F + PG - 1), 0xee);
    CHECK_EQ(guest_load8(F + 2 * PG), 0xee);
    guest_munmap(F, 4 * PG);
    guest_munmap((uint32_t)a, 2 * PG);
    guest_munmap((uint32_t)t, 2 * PG);
    guest_munmap((uint32_t)s, PG);
    guest_munmap((uint32_t)r, PG);
    close(fd);
}

static void test_mremap(void)
{
    const uint32_t F = 0x50000000;
    CHECK_EQ(guest_mmap(F, 2 * PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), F);
    guest_store32(F, 0x12345678);
    guest_store32(F + PG, 0x9abcdef0);
    /* Grow in place. */
    CHECK_EQ(guest_mremap(F, 2 * PG, 4 * PG, 0, 0), F);
    CHECK(flags_at(F + 3 * PG) & GPAGE_WRITE);
    CHECK_EQ(guest_load32(F), 0x12345678);
    CHECK_EQ(guest_load32(F + 3 * PG), 0);
    guest_store32(F + 3 * PG, 1);
    /* Shrink. */
    CHECK_EQ(guest_mremap(F, 4 * PG, 2 * PG, 0, 0), F);
    CHECK(!(flags_at(F + 2 * PG) & GPAGE_MAPPED));
    /* Blocked: fails without MAYMOVE, moves with it. */
    CHECK_EQ(guest_mmap(F + 2 * PG, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), F + 2 * PG);
    CHECK_EQ(guest_mremap(F, 2 * PG, 3 * PG, 0, 0), -ENOMEM);
    int64_t n = guest_mremap(F, 2 * PG, 3 * PG, GUEST_MREMAP_MAYMOVE, 0);
    CHECK(n > 0 && n != F);
    CHECK_EQ(guest_load32((uint32_t)n), 0x12345678);
    CHECK_EQ(guest_load32((uint32_t)n + PG), 0x9abcdef0);
    CHECK(!(flags_at(F) & GPAGE_MAPPED));
    CHECK(!guest_access_ok(F, 1, GUEST_PROT_READ));
    /* MREMAP_FIXED onto an occupied range replaces it. */
    const uint32_t G = 0x58000000;
    CHECK_EQ(guest_mmap(G, PG, GUEST_PROT_READ, ANON | GUEST_MAP_FIXED, -1, 0), G);
    CHECK_EQ(guest_mremap((uint32_t)n, 3 * PG, 2 * PG, GUEST_MREMAP_MAYMOVE | GUEST_MREMAP_FIXED, G), G);
    CHECK_EQ(guest_load32(G + PG), 0x9abcdef0);
    CHECK(flags_at(G) & GPAGE_WRITE);
    CHECK(!(flags_at((uint32_t)n) & GPAGE_MAPPED));
    /* Errors. */
    CHECK_EQ(guest_mremap(G, 2 * PG, PG, GUEST_MREMAP_FIXED, 0x60000000), -EINVAL);
    CHECK_EQ(guest_mremap(G, 2 * PG, 4 * PG, GUEST_MREMAP_MAYMOVE | GUEST_MREMAP_FIXED, G + PG), -EINVAL);
    CHECK_EQ(guest_mremap(0x70000000, PG, 2 * PG, GUEST_MREMAP_MAYMOVE, 0), -EFAULT);
    CHECK_EQ(guest_mremap(G + 1, PG, 2 * PG, 0, 0), -EINVAL);
    CHECK_EQ(guest_mremap(G, PG, 0, 0, 0), -EINVAL);
    guest_munmap(G, 2 * PG);
    guest_munmap(F + 2 * PG, PG);

    /* Moving and growing mappings that hold write-protected code pages. */
    const uint32_t H = 0x5a000000, U = (uint32_t)host_page_size;
    CHECK_EQ(guest_mmap(H, 3 * U, RW | GUEST_PROT_EXEC, ANON | GUEST_MAP_FIXED, -1, 0), H);
    guest_store32(H + U, 0xc0de);
    guest_mem_mark_code(H + U);
    CHECK(flags_at(H + U) & GPAGE_WPROTECT);
    CHECK_EQ(guest_mremap(H, 3 * U, 4 * U, 0, 0), H);            /* in place */
    CHECK_EQ(flags_at(H + U) & (GPAGE_CODE | GPAGE_WPROTECT), 0);
    guest_mem_mark_code(H + U);
    int64_t moved = guest_mremap(H, 4 * U, 4 * U, GUEST_MREMAP_MAYMOVE | GUEST_MREMAP_FIXED, 0x5b000000);
    CHECK_EQ(moved, 0x5b000000);
    CHECK_EQ(guest_load32(0x5b000000 + U), 0xc0de);
    CHECK_EQ(flags_at(0x5b000000 + U) & (GPAGE_CODE | GPAGE_WPROTECT), 0);
    CHECK(guest_access_ok(0x5b000000, 4 * U, RW));
    guest_munmap(0x5b000000, 4 * U);
}

static void test_brk(void)
{
    const uint32_t B = 0x00800123;
    guest_brk_init(B);
    uint32_t start = guest_brk(0);
    CHECK_EQ(start, 0x00801000);
    CHECK_EQ(guest_brk(start + 10000), start + 10000);
    CHECK(guest_access_ok(start, 10000, RW));
    CHECK_EQ(guest_load32(start + 9000), 0);
    guest_store32(start + 9000, 42);
    CHECK_EQ(guest_brk(start + 100), start + 100);     /* shrink */
    CHECK(!guest_access_ok(start + PG, 1, GUEST_PROT_READ));
    CHECK_EQ(guest_brk(start + 10000), start + 10000);
    CHECK_EQ(guest_load32(start + 9000), 0);           /* fresh zero pages */
    CHECK_EQ(guest_brk(start - PG), start + 10000);    /* below start: refused */
    /* Growing into a mapping fails and returns the old break. */
    CHECK_EQ(guest_mmap(start + 0x10000, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), start + 0x10000);
    CHECK_EQ(guest_brk(start + 0x20000), start + 10000);
    CHECK_EQ(guest_brk(start), start);
    guest_munmap(start + 0x10000, PG);
}

static void test_checks(void)
{
    const uint32_t F = 0x61000000;
    CHECK(guest_access_ok(0, 0, RW));
    CHECK(guest_access_ok(0xfffffff0, 0, RW));
    CHECK(!guest_access_ok(0xfffffff0, 0x20, GUEST_PROT_READ));
    CHECK(!guest_access_ok(F, 1, GUEST_PROT_READ));
    CHECK_EQ(guest_mmap(F, 2 * PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), F);
    CHECK(guest_access_ok(F, 2 * PG, RW));
    CHECK(!guest_access_ok(F, 2 * PG + 1, GUEST_PROT_READ));
    CHECK(!guest_access_ok(F - 1, 2, GUEST_PROT_READ));
    memcpy(guest_to_host(F), "hello", 6);
    CHECK_EQ(guest_strlen_checked(F, 4096), 6);
    CHECK_EQ(guest_strlen_checked(F, 5), -ENAMETOOLONG);
    CHECK_EQ(guest_strlen_checked(F, 6), 6);
    memset(guest_to_host(F + PG), 'x', PG);       /* runs off the end */
    CHECK_EQ(guest_strlen_checked(F + PG, 1 << 20), -EFAULT);
    CHECK_EQ(guest_strlen_checked(0x70000000, 10), -EFAULT);
    memcpy(guest_to_host(F + 2 * PG - 3), "ab", 3);
    CHECK_EQ(guest_strlen_checked(F + PG, 1 << 20), PG);
    char buf[16];
    CHECK_EQ(guest_copy_from(buf, F, 6), 0);
    CHECK(!strcmp(buf, "hello"));
    CHECK_EQ(guest_copy_from(buf, F + 2 * PG - 4, 8), -EFAULT);
    CHECK_EQ(guest_copy_to(F + 100, "xyz", 4), 0);
    CHECK(!strcmp((char *)guest_to_host(F + 100), "xyz"));
    CHECK_EQ(guest_mprotect(F, PG, GUEST_PROT_READ), 0);
    CHECK_EQ(guest_copy_to(F + 100, "xyz", 4), -EFAULT);
    CHECK_EQ(guest_copy_from(buf, F + 100, 4), 0);
    CHECK_EQ(guest_copy_to(F, buf, 0), 0);
    guest_munmap(F, 2 * PG);
}

static void test_code_pages(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    const uint32_t F = 0x62000000;
    CHECK_EQ(guest_mmap(F, 4 * PG, RW | GUEST_PROT_EXEC, ANON | GUEST_MAP_FIXED, -1, 0), F);
    guest_mem_mark_code(F + PG);
    CHECK_EQ(flags_at(F + PG) & (GPAGE_CODE | GPAGE_WPROTECT), GPAGE_CODE | GPAGE_WPROTECT);
    CHECK(guest_access_ok(F + PG, 4, GUEST_PROT_READ));
    CHECK_EQ(flags_at(F + PG) & GPAGE_WPROTECT, GPAGE_WPROTECT);   /* reads keep it */
    write_faults = 0;
    store32_now(F + PG + 8, 0xdeadbeef);       /* faults once, then retried */
    CHECK_EQ(write_faults, 1);
    CHECK_EQ(guest_load32(F + PG + 8), 0xdeadbeef);
    CHECK_EQ(flags_at(F + PG) & (GPAGE_CODE | GPAGE_WPROTECT), 0);
    /* Sibling guest pages of a large host page: their writes fault too and
     * are recovered the same way. */
    guest_mem_mark_code(F + PG);
    write_faults = 0;
    uint32_t sibling = (uint32_t)(((F + PG) & ~(uint64_t)(host_page_size - 1)) +
                                  (host_page_size > PG ? 0 : 2 * PG));
    if (sibling == F + PG)
        sibling += PG;
    store32_now(sibling, 7);
    CHECK_EQ(guest_load32(sibling), 7);
    CHECK_EQ(write_faults, host_page_size > PG ? 1 : 0);
    /* A syscall-style write check un-protects too. */
    guest_mem_mark_code(F + 2 * PG);
    CHECK(flags_at(F + 2 * PG) & GPAGE_WPROTECT);
    CHECK(guest_access_ok(F + 2 * PG, 16, GUEST_PROT_WRITE));
    CHECK_EQ(flags_at(F + 2 * PG) & (GPAGE_CODE | GPAGE_WPROTECT), 0);
    write_faults = 0;
    store32_now(F + 2 * PG, 5);
    CHECK_EQ(write_faults, 0);
    /* Read-only code pages are marked but not write-protected. */
    CHECK_EQ(guest_mprotect(F + 3 * PG, PG, GUEST_PROT_READ | GUEST_PROT_EXEC), 0);
    guest_mem_mark_code(F + 3 * PG);
    CHECK_EQ(flags_at(F + 3 * PG) & (GPAGE_CODE | GPAGE_WPROTECT), GPAGE_CODE);
    CHECK(!guest_mem_handle_code_write(F + 3 * PG));
    /* munmap / mprotect forget code marks. */
    CHECK_EQ(guest_mprotect(F + 3 * PG, PG, GUEST_PROT_READ), 0);
    CHECK_EQ(flags_at(F + 3 * PG) & GPAGE_CODE, 0);
    guest_mem_mark_code(F);
    CHECK_EQ(guest_munmap(F, 4 * PG), 0);
    CHECK_EQ(flags_at(F), 0);
    CHECK(!guest_mem_handle_code_write(F));
    /* Unmapped pages are never marked. */
    guest_mem_mark_code(F);
    CHECK_EQ(flags_at(F), 0);
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
}

static void test_exhaustion(void)
{
    int64_t big = guest_mmap(0, 0xa0000000u, 0, ANON | GUEST_MAP_NORESERVE, -1, 0);
    CHECK(big > 0);
    int64_t big2 = guest_mmap(0, 0x80000000u, 0, ANON | GUEST_MAP_NORESERVE, -1, 0);
    CHECK_EQ(big2, -ENOMEM);
    int64_t small = guest_mmap(0, PG, RW, ANON, -1, 0);
    CHECK(small > 0);
    CHECK(guest_find_free(0, 0x80000000u) < 0);
    if (big > 0)
        CHECK_EQ(guest_munmap((uint32_t)big, 0xa0000000u), 0);
    guest_munmap((uint32_t)small, PG);
    CHECK(guest_find_free(0, 0x80000000u) > 0);
    /* A hint search returns ranges at or above the hint. */
    int64_t f = guest_find_free(0x12345000, PG);
    CHECK(f >= 0x12345000);
}

static void test_vector_page(void)
{
    CHECK_EQ(guest_mem_map_vector_page(), 0);
    CHECK_EQ(guest_mem_map_vector_page(), 0);     /* idempotent */
    CHECK_EQ(guest_load32(KUSER_VERSION), KUSER_HELPER_VERSION);
    CHECK_EQ(guest_load32(KUSER_GET_TLS), 0xee1d0f70);
    CHECK(flags_at(GUEST_VECTOR_PAGE) & GPAGE_EXEC);
    CHECK(!(flags_at(GUEST_VECTOR_PAGE) & GPAGE_WRITE));
    CHECK(!guest_access_ok(GUEST_VECTOR_PAGE, 4, GUEST_PROT_WRITE));
    CHECK(guest_access_ok(GUEST_VECTOR_PAGE, 4, GUEST_PROT_READ));
    CHECK_EQ(guest_munmap(GUEST_VECTOR_PAGE, PG), 0);
    CHECK(flags_at(GUEST_VECTOR_PAGE) & GPAGE_MAPPED);
    CHECK_EQ(guest_mmap(GUEST_VECTOR_PAGE, PG, RW, ANON | GUEST_MAP_FIXED, -1, 0), -ENOMEM);
    CHECK_EQ(guest_mprotect(GUEST_VECTOR_PAGE, PG, RW), -ENOMEM);
}

static int run_config(const char *name, bool force_offset, size_t page_size)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        config_name = name;
        if (page_size)
            guest_mem_test_set_host_page_size(page_size);
        struct guest_mem_options o = { .force_offset = force_offset };
        int err = guest_mem_init(&o);
        if (err) {
            fprintf(stderr, "[%s] guest_mem_init: %s\n", name, strerror(-err));
            _exit(1);
        }
        test_placement(force_offset);
        test_anon_and_fixed();
        test_topdown();
        test_files();
        test_mremap();
        test_brk();
        test_checks();
        test_code_pages();
        test_exhaustion();
        test_vector_page();
        printf("mem_space [%s]: base %#lx%s, host page %zu: %d checks, %d failed\n", name,
               (unsigned long)guest_base, guest_mem_is_identity() ? " (identity)" : "",
               host_page_size, checks, failures);
        fflush(NULL);
        _exit(failures ? 1 : 0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status)) {
        fprintf(stderr, "[%s] FAILED (status %#x)\n", name, status);
        return 1;
    }
    return 0;
}

int main(void)
{
    int bad = 0;
    bad += run_config("default", false, 0);
    bad += run_config("offset", true, 0);
    bad += run_config("offset-16k", true, 16384);
    bad += run_config("default-64k", false, 65536);
    printf("mem_space_test: %s\n", bad ? "FAILED" : "ok");
    return bad ? 1 : 0;
}
