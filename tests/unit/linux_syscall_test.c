/*
 * Syscall handlers driven through linux_syscall() with guest registers and
 * real guest memory (base-offset placement, so a guest address mistaken for
 * a host pointer faults): register layouts (pread64's r4:r5 pair,
 * _llseek), struct conversions written into guest memory with guard bytes
 * around them, iovecs, ARM open flags, EFAULT and partial transfers, the
 * recorded signal state, and --strace lines that read guest strings.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "linux/guest_abi.h"
#include "linux/linux.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"
#include "tools/strace.h"

static int failures;
static int checks;

#define CHECK(cond) do { \
    checks++; \
    if (!(cond)) { \
        failures++; \
        fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    } \
} while (0)

static struct guest_thread thread;
static uint32_t scratch;        /* 4 guest pages, then one unmapped page */

static uint32_t call(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2,
                     uint32_t a3, uint32_t a4, uint32_t a5)
{
    uint32_t args[6] = { a0, a1, a2, a3, a4, a5 };
    memcpy(thread.cpu.r, args, sizeof args);
    thread.cpu.r[6] = 0;
    thread.cpu.r[7] = nr;
    linux_syscall(&thread);
    return thread.cpu.r[0];
}

#define ERR(e) ((uint32_t)-(e))

static uint32_t put_string(uint32_t addr, const char *s)
{
    memcpy(guest_to_host(addr), s, strlen(s) + 1);
    return addr;
}

static uint32_t u32_at(uint32_t addr)
{
    uint32_t v;
    memcpy(&v, guest_to_host(addr), 4);
    return v;
}

static uint64_t u64_at(uint32_t addr)
{
    uint64_t v;
    memcpy(&v, guest_to_host(addr), 8);
    return v;
}

static void test_read_write(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    uint32_t buf = scratch;
    put_string(buf, "guest data");
    CHECK(call(4, (uint32_t)p[1], buf, 10, 0, 0, 0) == 10);          /* write */
    char host[16] = {0};
    CHECK(read(p[0], host, sizeof host) == 10 && !memcmp(host, "guest data", 10));
    CHECK(write(p[1], "from host", 9) == 9);
    memset(guest_to_host(buf), 0, 32);
    CHECK(call(3, (uint32_t)p[0], buf, 32, 0, 0, 0) == 9);           /* read */
    CHECK(!memcmp(guest_to_host(buf), "from host", 9));

    /* Unmapped buffer: EFAULT, nothing consumed. */
    uint32_t unmapped = scratch + 4 * GUEST_PAGE_SIZE;
    CHECK(call(4, (uint32_t)p[1], unmapped, 4, 0, 0, 0) == ERR(EFAULT));
    CHECK(call(4, (uint32_t)p[1], 8, 4, 0, 0, 0) == ERR(EFAULT));
    /* A count running past the mapping: the accessible prefix is used. */
    CHECK(write(p[1], "abc", 3) == 3);
    CHECK(call(3, (uint32_t)p[0], unmapped - 2, 100, 0, 0, 0) == 2);
    CHECK(!memcmp(guest_to_host(unmapped - 2), "ab", 2));
    CHECK(call(3, (uint32_t)p[0], unmapped - 4, 100, 0, 0, 0) == 1);

    /* writev with 32-bit iovecs: { base, len } pairs in guest memory. */
    uint32_t iov = scratch + 256, data = scratch + 512;
    put_string(data, "0123456789");
    uint32_t vec[6] = { data, 3, data + 5, 0, data + 7, 3 };
    memcpy(guest_to_host(iov), vec, sizeof vec);
    CHECK(call(146, (uint32_t)p[1], iov, 3, 0, 0, 0) == 6);          /* writev */
    CHECK(read(p[0], host, sizeof host) == 6 && !memcmp(host, "012789", 6));
    uint32_t bad_vec[4] = { data, 2, unmapped, 4 };
    memcpy(guest_to_host(iov), bad_vec, sizeof bad_vec);
    CHECK(call(146, (uint32_t)p[1], iov, 2, 0, 0, 0) == 2);          /* stops at the fault */
    CHECK(read(p[0], host, sizeof host) == 2);
    bad_vec[1] = 0;
    memcpy(guest_to_host(iov), bad_vec, sizeof bad_vec);
    CHECK(call(146, (uint32_t)p[1], iov, 2, 0, 0, 0) == ERR(EFAULT));
    CHECK(call(146, (uint32_t)p[1], unmapped, 1, 0, 0, 0) == ERR(EFAULT));
    CHECK(call(146, (uint32_t)p[1], iov, 1025, 0, 0, 0) == ERR(EINVAL));

    /* readv */
    CHECK(write(p[1], "abcdef", 6) == 6);
    uint32_t rvec[4] = { data, 2, data + 100, 4 };
    memcpy(guest_to_host(iov), rvec, sizeof rvec);
    CHECK(call(145, (uint32_t)p[0], iov, 2, 0, 0, 0) == 6);
    CHECK(!memcmp(guest_to_host(data), "ab", 2) && !memcmp(guest_to_host(data + 100), "cdef", 4));

    /* pipe2 with ARM O_CLOEXEC | O_NONBLOCK: two ints in guest memory. */
    uint32_t fds = scratch + 1024;
    CHECK(call(359, fds, GUEST_O_CLOEXEC | GUEST_O_NONBLOCK, 0, 0, 0, 0) == 0);
    int r0 = (int)u32_at(fds), r1 = (int)u32_at(fds + 4);
    CHECK(fcntl(r0, F_GETFD) == FD_CLOEXEC && (fcntl(r1, F_GETFL) & O_NONBLOCK));
    CHECK(call(359, fds, 1u << 30, 0, 0, 0, 0) == ERR(EINVAL));
    CHECK(call(359, unmapped, 0, 0, 0, 0, 0) == ERR(EFAULT));
    close(r0);
    close(r1);
    close(p[0]);
    close(p[1]);
}

static void test_files(void)
{
    char dir[] = "/tmp/a32run-linux-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/file", dir);
    uint32_t gpath = put_string(scratch + 2048, path);

    /* openat(AT_FDCWD, path, O_RDWR|O_CREAT|O_LARGEFILE (ARM), 0640) */
    uint32_t fd = call(322, (uint32_t)AT_FDCWD, gpath,
                       02 | GUEST_O_CREAT | GUEST_O_LARGEFILE, 0640, 0, 0);
    CHECK((int32_t)fd >= 0);
    /* ARM's O_DIRECTORY (040000) on a file: ENOTDIR; x86's value there
     * would be O_DIRECT and succeed. */
    CHECK(call(322, (uint32_t)AT_FDCWD, gpath, GUEST_O_DIRECTORY, 0, 0, 0) == ERR(ENOTDIR));
    uint32_t gdir = put_string(scratch + 3072, dir);
    uint32_t dfd = call(5, gdir, GUEST_O_DIRECTORY, 0, 0, 0, 0);      /* open */
    CHECK((int32_t)dfd >= 0);

    /* pwrite64(fd, buf, count, pad, off_lo, off_hi): offset in r4:r5. */
    uint32_t buf = put_string(scratch, "PAIR");
    CHECK(call(181, fd, buf, 4, 0xdeadbeef, 0x00000005, 0x1) == 4);
    char host[8] = {0};
    CHECK(pread((int)fd, host, 4, 0x100000005ll) == 4 && !memcmp(host, "PAIR", 4));
    memset(guest_to_host(buf), 0, 8);
    CHECK(call(180, fd, buf, 4, 0x12345678, 0x00000005, 0x1) == 4);  /* pread64 */
    CHECK(!memcmp(guest_to_host(buf), "PAIR", 4));

    /* _llseek(fd, high, low, result*, whence): 64-bit result in guest memory. */
    uint32_t result = scratch + 128;
    CHECK(call(140, fd, 0x1, 0x10, result, SEEK_SET, 0) == 0);
    CHECK(u64_at(result) == 0x100000010ull && lseek((int)fd, 0, SEEK_CUR) == 0x100000010ll);
    CHECK(call(140, fd, 0, 0, scratch + 4 * GUEST_PAGE_SIZE, SEEK_SET, 0) == ERR(EFAULT));
    CHECK(call(19, fd, 0, SEEK_CUR, 0, 0, 0) == ERR(EOVERFLOW));     /* 32-bit lseek */
    CHECK(call(19, fd, 3, SEEK_SET, 0, 0, 0) == 3);

    /* fstat64 into guest memory: 104 bytes, guard bytes untouched. */
    uint32_t st = scratch + 4096;
    memset(guest_to_host(st - 8), 0xee, 104 + 16);
    CHECK(call(197, fd, st, 0, 0, 0, 0) == 0);
    struct stat hst;
    CHECK(fstat((int)fd, &hst) == 0);
    CHECK(u64_at(st + 96) == (uint64_t)hst.st_ino && u32_at(st + 12) == (uint32_t)hst.st_ino);
    CHECK(u32_at(st + 16) == (uint32_t)hst.st_mode && (u32_at(st + 16) & 0777) == 0640);
    CHECK(u64_at(st + 48) == (uint64_t)hst.st_size && u32_at(st + 56) == (uint32_t)hst.st_blksize);
    CHECK(u32_at(st + 80) == (uint32_t)hst.st_mtim.tv_sec);
    CHECK(u64_at(st - 8) == 0xeeeeeeeeeeeeeeeeull && u64_at(st + 104) == 0xeeeeeeeeeeeeeeeeull);
    /* stat64 / lstat64 / fstatat64 on the same file agree. */
    uint32_t st2 = scratch + 4096 + 512;
    CHECK(call(195, gpath, st2, 0, 0, 0, 0) == 0 && !memcmp(guest_to_host(st), guest_to_host(st2), 104));
    CHECK(call(327, dfd, put_string(scratch + 3500, "file"), st2, 0, 0, 0) == 0 &&
          u64_at(st2 + 96) == (uint64_t)hst.st_ino);
    CHECK(call(195, gpath, scratch + 4 * GUEST_PAGE_SIZE - 50, 0, 0, 0, 0) == ERR(EFAULT));
    CHECK(call(195, scratch + 4 * GUEST_PAGE_SIZE, st2, 0, 0, 0, 0) == ERR(EFAULT));

    /* fcntl64: F_GETFL in ARM numbering; locks through struct flock64. */
    uint32_t flags = call(221, fd, F_GETFL, 0, 0, 0, 0);
    CHECK((flags & GUEST_O_ACCMODE) == 02 && (flags & GUEST_O_LARGEFILE));
    CHECK(call(221, fd, F_SETFL, GUEST_O_APPEND | GUEST_O_NONBLOCK, 0, 0, 0) == 0);
    flags = call(221, fd, F_GETFL, 0, 0, 0, 0);
    CHECK((flags & GUEST_O_APPEND) && (flags & GUEST_O_NONBLOCK));
    CHECK((call(221, dfd, F_GETFL, 0, 0, 0, 0) & GUEST_O_DIRECTORY) == GUEST_O_DIRECTORY);
    uint32_t lock = scratch + 8192;
    struct guest_flock64 fl = { F_WRLCK, SEEK_SET, {0}, 0x100000000ll, 100, 0, {0} };
    memcpy(guest_to_host(lock), &fl, sizeof fl);
    CHECK(call(221, fd, GUEST_F_SETLK64, lock, 0, 0, 0) == 0);
    fl.l_type = F_RDLCK;
    memcpy(guest_to_host(lock), &fl, sizeof fl);
    CHECK(call(221, fd, GUEST_F_GETLK64, lock, 0, 0, 0) == 0);
    CHECK(((struct guest_flock64 *)guest_to_host(lock))->l_type == F_UNLCK);  /* own lock */
    CHECK(call(221, fd, 9999, 0, 0, 0, 0) == ERR(EINVAL));

    /* getdents64 into guest memory. */
    uint32_t dents = scratch + 8192 + 256;
    uint32_t n = call(217, dfd, dents, 1024, 0, 0, 0);
    CHECK((int32_t)n > 0);
    bool found = false;
    for (uint32_t off = 0; off < n;) {
        const uint8_t *d = guest_to_host(dents + off);
        uint16_t reclen;
        memcpy(&reclen, d + 16, 2);
        if (!strcmp((const char *)d + 19, "file"))
            found = true;
        if (reclen == 0)
            break;
        off += reclen;
    }
    CHECK(found);

    /* readlink of a symlink, and of /proc/self/exe (the guest program). */
    char link[160];
    snprintf(link, sizeof link, "%s/link", dir);
    CHECK(symlink("file", link) == 0);
    uint32_t glink = put_string(scratch + 3600, link), out = scratch + 3900;
    CHECK(call(85, glink, out, 100, 0, 0, 0) == 4 && !memcmp(guest_to_host(out), "file", 4));
    CHECK(call(85, glink, out, 0, 0, 0, 0) == ERR(EINVAL));
    linux_set_exe_path("/bin/true");
    uint32_t self = put_string(scratch + 3600, "/proc/self/exe");
    uint32_t len = call(85, self, out, 100, 0, 0, 0);
    CHECK(len > 0 && len < 100 && !memcmp((char *)guest_to_host(out) + len - 4, "true", 4));
    CHECK(call(85, self, out, 3, 0, 0, 0) == 3);                     /* truncated */

    /* --strace reads guest strings. */
    char line[256];
    static const uint8_t open_kinds[STRACE_MAX_ARGS] = { ARG_DIRFD, ARG_STR, ARG_OFLAGS, ARG_OCT };
    uint32_t args[STRACE_MAX_ARGS] = { (uint32_t)AT_FDCWD, put_string(scratch + 3600, "/etc/x\n"),
                                       GUEST_O_DIRECTORY | GUEST_O_CLOEXEC, 0 };
    struct strace_call sc = { "openat", 322, RET_INT, open_kinds, args };
    strace_format(line, sizeof line, &sc, ERR(ENOENT), 1);
    CHECK(!strcmp(line, "openat(AT_FDCWD, \"/etc/x\\n\", O_RDONLY|O_DIRECTORY|O_CLOEXEC, 0) = "
                        "-1 ENOENT (No such file or directory)"));
    args[1] = scratch + 4 * GUEST_PAGE_SIZE;        /* unreadable: shown as an address */
    strace_format(line, sizeof line, &sc, 3, 1);
    char expect[128];
    snprintf(expect, sizeof expect, "openat(AT_FDCWD, %#x, O_RDONLY|O_DIRECTORY|O_CLOEXEC, 0) = 3",
             scratch + 4 * GUEST_PAGE_SIZE);
    CHECK(!strcmp(line, expect));

    close((int)fd);
    close((int)dfd);
    unlink(link);
    unlink(path);
    rmdir(dir);
}

static void test_process_state(void)
{
    /* uname: machine armv7l, 390 bytes. */
    uint32_t u = scratch + 100;
    memset(guest_to_host(u), 0xee, 400);
    CHECK(call(122, u, 0, 0, 0, 0, 0) == 0);
    CHECK(!strcmp((char *)guest_to_host(u + 4 * 65), "armv7l"));
    CHECK(*(uint8_t *)guest_to_host(u + 390) == 0xee);

    /* clock_gettime: 8 bytes for the 32-bit call, 16 for time64. */
    uint32_t ts = scratch + 600;
    memset(guest_to_host(ts), 0xee, 24);
    CHECK(call(263, CLOCK_REALTIME, ts, 0, 0, 0, 0) == 0);
    CHECK((int32_t)u32_at(ts) > 1600000000 && u32_at(ts + 4) < 1000000000 &&
          u32_at(ts + 8) == 0xeeeeeeee);
    CHECK(call(403, CLOCK_MONOTONIC, ts, 0, 0, 0, 0) == 0);
    CHECK(u64_at(ts + 8) < 1000000000 && u32_at(ts + 16) == 0xeeeeeeee);
    CHECK(call(263, 12345, ts, 0, 0, 0, 0) == ERR(EINVAL));

    /* rt_sigaction: recorded and returned; layout 20 bytes. */
    uint32_t act = scratch + 700, old = scratch + 800;
    struct guest_sigaction sa = { 0x10000, 0x04000000, 0x10100, { 0x5, 0 } };
    memcpy(guest_to_host(act), &sa, sizeof sa);
    CHECK(call(174, SIGUSR1, act, 0, 8, 0, 0) == 0);
    memset(guest_to_host(old), 0, 24);
    CHECK(call(174, SIGUSR1, 0, old, 8, 0, 0) == 0);
    CHECK(!memcmp(guest_to_host(old), &sa, sizeof sa));
    CHECK(call(174, SIGUSR1, act, old, 4, 0, 0) == ERR(EINVAL));     /* sigsetsize */
    CHECK(call(174, SIGKILL, act, 0, 8, 0, 0) == ERR(EINVAL));
    CHECK(call(174, 65, 0, old, 8, 0, 0) == ERR(EINVAL));
    CHECK(call(174, SIGUSR1, scratch + 4 * GUEST_PAGE_SIZE, 0, 8, 0, 0) == ERR(EFAULT));
    sa.handler = GUEST_SIG_DFL;
    memcpy(guest_to_host(act), &sa, sizeof sa);
    CHECK(call(174, SIGUSR1, act, 0, 8, 0, 0) == 0);

    /* rt_sigprocmask: the guest mask, SIGKILL/SIGSTOP never blocked. */
    uint32_t set = scratch + 900, oset = scratch + 920;
    uint64_t mask = (1ull << (SIGUSR2 - 1)) | (1ull << (SIGKILL - 1)) | (1ull << 40);
    memcpy(guest_to_host(set), &mask, 8);
    CHECK(call(175, SIG_SETMASK, set, 0, 8, 0, 0) == 0);
    CHECK(call(175, SIG_BLOCK, 0, oset, 8, 0, 0) == 0);
    CHECK(u64_at(oset) == ((1ull << (SIGUSR2 - 1)) | (1ull << 40)));
    CHECK(call(175, 7, set, 0, 8, 0, 0) == ERR(EINVAL));
    mask = 0;
    memcpy(guest_to_host(set), &mask, 8);
    CHECK(call(175, SIG_SETMASK, set, 0, 8, 0, 0) == 0);

    /* sigaltstack: recorded; too small is ENOMEM. */
    uint32_t ss = scratch + 1000, oss = scratch + 1020;
    uint32_t stack[3] = { scratch, 0, 1024 };
    memcpy(guest_to_host(ss), stack, sizeof stack);
    CHECK(call(186, ss, 0, 0, 0, 0, 0) == ERR(ENOMEM));
    stack[2] = 8192;
    memcpy(guest_to_host(ss), stack, sizeof stack);
    CHECK(call(186, ss, 0, 0, 0, 0, 0) == 0);
    CHECK(call(186, 0, oss, 0, 0, 0, 0) == 0 && u32_at(oss) == scratch && u32_at(oss + 8) == 8192);

    /* sysinfo: 64 bytes; ugetrlimit: 8 bytes. */
    uint32_t si = scratch + 1100;
    memset(guest_to_host(si), 0xee, 72);
    CHECK(call(116, si, 0, 0, 0, 0, 0) == 0 && u32_at(si + 64) == 0xeeeeeeee && u32_at(si + 52) != 0);
    memset(guest_to_host(si), 0xee, 16);
    CHECK(call(191, RLIMIT_NOFILE, si, 0, 0, 0, 0) == 0 && u32_at(si + 8) == 0xeeeeeeee &&
          u32_at(si) > 0);

    /* TLS and the ARM-private calls. */
    CHECK(call(0xf0005, 0xabcd0000, 0, 0, 0, 0, 0) == 0 && thread.cpu.tpidruro == 0xabcd0000);
    CHECK(call(0xf0006, 0, 0, 0, 0, 0, 0) == 0xabcd0000);
    CHECK(call(0xf0002, scratch, scratch + 64, 0, 0, 0, 0) == 0);    /* cacheflush */
    CHECK(call(0xf0003, 0, 0, 0, 0, 0, 0) == ERR(ENOSYS));           /* usr26 */

    /* ids and their 16-bit forms. */
    CHECK(call(199, 0, 0, 0, 0, 0, 0) == (uint32_t)getuid());
    CHECK(call(224, 0, 0, 0, 0, 0, 0) == (uint32_t)gettid());
    CHECK(call(205, 0x40000001, scratch, 0, 0, 0, 0) == (uint32_t)getgroups(0, NULL) ||
          getgroups(0, NULL) > 0x40000001);
    uint32_t ids = scratch + 1200;
    CHECK(call(209, ids, ids + 4, ids + 8, 0, 0, 0) == 0 && u32_at(ids) == (uint32_t)getuid());

    /* getrandom: the accessible prefix, EFAULT when none. */
    CHECK(call(384, scratch + 4 * GUEST_PAGE_SIZE - 10, 64, 0, 0, 0, 0) == 10);
    CHECK(call(384, scratch + 4 * GUEST_PAGE_SIZE, 64, 0, 0, 0, 0) == ERR(EFAULT));

    /* ioctl: known requests only. */
    int p[2];
    CHECK(pipe(p) == 0 && write(p[1], "12345", 5) == 5);
    CHECK(call(54, (uint32_t)p[0], GUEST_FIONREAD, scratch, 0, 0, 0) == 0 && u32_at(scratch) == 5);
    CHECK(call(54, (uint32_t)p[0], GUEST_TCGETS, scratch, 0, 0, 0) == ERR(ENOTTY));
    CHECK(call(54, (uint32_t)p[0], 0x8004667d /* FIOASYNC-like unknown */, scratch, 0, 0, 0) ==
          ERR(ENOTTY));
    CHECK(call(54, (uint32_t)p[0], GUEST_FIONREAD, scratch + 4 * GUEST_PAGE_SIZE, 0, 0, 0) ==
          ERR(EFAULT));
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    struct guest_mem_options options = { .force_offset = true };
    int r = guest_mem_init(&options);
    if (r < 0) {
        fprintf(stderr, "linux_syscall_test: guest_mem_init failed: %s\n", strerror(-r));
        return 1;
    }
    int64_t base = guest_mmap(0, 5 * GUEST_PAGE_SIZE, GUEST_PROT_READ | GUEST_PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base < 0) {
        fprintf(stderr, "linux_syscall_test: guest_mmap failed\n");
        return 1;
    }
    scratch = (uint32_t)base;
    CHECK(guest_munmap(scratch + 4 * GUEST_PAGE_SIZE, GUEST_PAGE_SIZE) == 0);
    current_guest_thread = &thread;
    test_read_write();
    test_files();
    test_process_state();
    if (failures) {
        fprintf(stderr, "linux_syscall_test: %d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("linux_syscall_test: %d checks passed\n", checks);
    return 0;
}
