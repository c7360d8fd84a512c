/*
 * Bad pointers handed to system calls, self-checking: NULL, an unmapped
 * page, an address range that wraps past 4 GiB, and buffers or strings
 * that run off the end of a mapping. Each call must fail with EFAULT the
 * way Linux does for a 32-bit ARM process (or transfer the accessible
 * prefix, for read/write-like calls that Linux also cuts short), and
 * a32run must neither crash nor write outside the guest space (the ASan
 * build runs this with a guest base offset). Raw syscall() calls are used
 * so that the C library does not touch the pointers itself. qemu-arm 7.2
 * differs: a read or write running off a mapping fails with EFAULT
 * instead of transferring the mapped part, and nanosleep with a bad
 * pointer fails with EINVAL.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "check.h"

/* r == -1 with EFAULT */
#define EXPECT_EFAULT(call, what) do { errno = 0; long r_ = (call); \
    CHECK(r_ == -1 && errno == EFAULT, "%s: EFAULT (got %ld)", what, r_); } while (0)

int main(void)
{
    /* page: one mapped page followed by an unmapped one */
    char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /* mapped before the hole is made, so that it does not land there */
    void *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page + 4096, 4096);
    char *hole = page + 4096;
    char *edge = hole - 8;                       /* 8 valid bytes, then the hole */
    void *wrap = (void *)(uintptr_t)0xfffffff0u; /* + 32 bytes wraps past 4 GiB */
    void *bad[3] = { NULL, hole, wrap };
    const char *bad_name[3] = { "NULL", "unmapped", "wrapping" };

    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    char tmp[] = "/tmp/a32run-efault-XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(write(fd, "0123456789abcdefghij", 20) == 20, "write a test file");

    for (int i = 0; i < 3; i++) {
        char what[80];
        snprintf(what, sizeof what, "read into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_pread64, fd, bad[i], 32, 0, 0LL), what);
        snprintf(what, sizeof what, "write from %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_write, p[1], bad[i], 32), what);
        snprintf(what, sizeof what, "open %s path", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_openat, AT_FDCWD, bad[i], O_RDONLY), what);
        snprintf(what, sizeof what, "stat64 into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_stat64, "/", bad[i]), what);
        snprintf(what, sizeof what, "fstat64 into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_fstat64, fd, bad[i]), what);
        snprintf(what, sizeof what, "clock_gettime into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_clock_gettime, CLOCK_REALTIME, bad[i]), what);
        snprintf(what, sizeof what, "clock_gettime64 into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_clock_gettime64, CLOCK_REALTIME, bad[i]), what);
        if (i > 0) {    /* NULL means "no timeval" */
            snprintf(what, sizeof what, "gettimeofday into %s", bad_name[i]);
            EXPECT_EFAULT(syscall(SYS_gettimeofday, bad[i], NULL), what);
        }
        snprintf(what, sizeof what, "uname into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_uname, bad[i]), what);
        snprintf(what, sizeof what, "pipe into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_pipe, bad[i]), what);
        snprintf(what, sizeof what, "getcwd into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_getcwd, bad[i], 64), what);
        snprintf(what, sizeof what, "readv iovec array at %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_readv, fd, bad[i], 2), what);
        snprintf(what, sizeof what, "nanosleep request at %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_nanosleep, bad[i], NULL), what);
        snprintf(what, sizeof what, "poll array at %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_poll, bad[i], 2, 0), what);
        if (i > 0) {    /* NULL means "no new action" */
            snprintf(what, sizeof what, "rt_sigaction new action at %s", bad_name[i]);
            EXPECT_EFAULT(syscall(SYS_rt_sigaction, SIGUSR1, bad[i], NULL, 8), what);
        }
        snprintf(what, sizeof what, "getdents64 into %s", bad_name[i]);
        int dir = open("/", O_RDONLY | O_DIRECTORY);
        EXPECT_EFAULT(syscall(SYS_getdents64, dir, bad[i], 4096), what);
        close(dir);
        snprintf(what, sizeof what, "socketpair into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, bad[i]), what);
        snprintf(what, sizeof what, "sendmsg header at %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_sendmsg, p[1], bad[i], 0), what);
        snprintf(what, sizeof what, "getrandom into %s", bad_name[i]);
        EXPECT_EFAULT(syscall(SYS_getrandom, bad[i], 16, 0), what);
        snprintf(what, sizeof what, "ioctl TIOCGWINSZ into %s", bad_name[i]);
        errno = 0;
        long r = syscall(SYS_ioctl, p[0], 0x5413, bad[i]);
        CHECK(r == -1 && (errno == EFAULT || errno == ENOTTY), "%s: EFAULT or ENOTTY (errno %d)", what, errno);
    }

    /* the edge: a buffer running off the end of a mapping */
    long r = syscall(SYS_pread64, fd, edge, 16, 0, 0LL);
    CHECK(r == 8 && !memcmp(edge, "01234567", 8), "read across the end: %ld bytes (the mapped part)", r);
    r = syscall(SYS_pwrite64, fd, edge, 16, 0, 100LL);
    CHECK(r == 8, "write to a file across the end: %ld bytes", r);
    /* a pipe copies page by page and drops a faulting copy */
    EXPECT_EFAULT(syscall(SYS_write, p[1], edge, 16), "write to a pipe across the end");
    memcpy(edge, "/tmp/abc", 8);                 /* no NUL before the hole */
    EXPECT_EFAULT(syscall(SYS_openat, AT_FDCWD, edge, O_RDONLY), "path running into the hole");
    EXPECT_EFAULT(syscall(SYS_clock_gettime, CLOCK_REALTIME, hole - 4), "timespec straddling the end");
    EXPECT_EFAULT(syscall(SYS_fstat64, fd, edge), "stat64 straddling the end");
    EXPECT_EFAULT(syscall(SYS_uname, edge), "uname straddling the end");
    struct iovec iov[2] = { { edge, 8 }, { hole, 8 } };
    r = syscall(SYS_preadv, fd, iov, 2, 0, 0);
    CHECK(r == 8, "preadv stops at the bad iovec: %ld", r);
    iov[0].iov_base = hole;
    EXPECT_EFAULT(syscall(SYS_preadv, fd, iov, 1, 0, 0), "preadv into the hole");
    /* read-only memory as an output buffer */
    EXPECT_EFAULT(syscall(SYS_pread64, fd, ro, 16, 0, 0LL), "read into read-only memory");
    EXPECT_EFAULT(syscall(SYS_clock_gettime, CLOCK_REALTIME, ro), "clock_gettime into read-only memory");
    /* a length that wraps the 32-bit space from a valid start */
    r = syscall(SYS_write, p[1], page, 0x80000000u);
    CHECK(r == 4096, "write to a pipe with a count far past the mapping: %ld (the mapped page)", r);
    close(fd);
    unlink(tmp);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
