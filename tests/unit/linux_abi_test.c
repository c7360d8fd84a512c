/*
 * Unit tests of the Linux personality that need no guest memory: guest
 * ABI conversions (guest_abi.c) checked byte by byte at the ARM offsets,
 * syscall dispatch for register-only calls, strace formatting, and (when
 * the ARM cross compiler is installed) the layout numbers of guest_abi.h
 * compiled against the real ARM UAPI headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/resource.h>

#include "linux/guest_abi.h"
#include "linux/linux.h"
#include "linux/syscall.h"
#include "tools/strace.h"
#include "options.h"

static int failures;
static int checks;

#define CHECK(cond) do { \
    checks++; \
    if (!(cond)) { \
        failures++; \
        fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    } \
} while (0)

static uint32_t u32_at(const void *base, size_t off)
{
    uint32_t v;
    memcpy(&v, (const uint8_t *)base + off, 4);
    return v;
}

static uint64_t u64_at(const void *base, size_t off)
{
    uint64_t v;
    memcpy(&v, (const uint8_t *)base + off, 8);
    return v;
}

static void test_stat64(void)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_dev = 0x0102030405060708ull;
    st.st_ino = 0x1122334455667788ull;
    st.st_mode = 0100644;
    st.st_nlink = 3;
    st.st_uid = 1000;
    st.st_gid = 1001;
    st.st_rdev = 0x0a0b;
    st.st_size = 0x123456789ll;
    st.st_blksize = 4096;
    st.st_blocks = 0x987654321ll;
    st.st_atim.tv_sec = 1700000001; st.st_atim.tv_nsec = 11;
    st.st_mtim.tv_sec = 1700000002; st.st_mtim.tv_nsec = 22;
    st.st_ctim.tv_sec = 1700000003; st.st_ctim.tv_nsec = 33;
    struct guest_stat64 g;
    memset(&g, 0xaa, sizeof g);
    guest_stat64_from_host(&g, &st);
    /* Offsets from asm/stat.h (struct stat64, ARM EABI). */
    CHECK(u64_at(&g, 0) == 0x0102030405060708ull);
    CHECK(u32_at(&g, 8) == 0);                  /* __pad0 zeroed */
    CHECK(u32_at(&g, 12) == 0x55667788u);       /* __st_ino */
    CHECK(u32_at(&g, 16) == 0100644);
    CHECK(u32_at(&g, 20) == 3);
    CHECK(u32_at(&g, 24) == 1000);
    CHECK(u32_at(&g, 28) == 1001);
    CHECK(u64_at(&g, 32) == 0x0a0b);
    CHECK(u64_at(&g, 48) == 0x123456789ull);
    CHECK(u32_at(&g, 56) == 4096);
    CHECK(u64_at(&g, 64) == 0x987654321ull);
    CHECK(u32_at(&g, 72) == 1700000001u && u32_at(&g, 76) == 11);
    CHECK(u32_at(&g, 80) == 1700000002u && u32_at(&g, 84) == 22);
    CHECK(u32_at(&g, 88) == 1700000003u && u32_at(&g, 92) == 33);
    CHECK(u64_at(&g, 96) == 0x1122334455667788ull);
}

static void test_open_flags(void)
{
    /* ARM numbering: O_DIRECTORY 040000, O_NOFOLLOW 0100000,
     * O_DIRECT 0200000, O_LARGEFILE 0400000. */
    CHECK(guest_open_flags_to_host(040000) == O_DIRECTORY);
    CHECK(guest_open_flags_to_host(0100000) == O_NOFOLLOW);
    CHECK(guest_open_flags_to_host(0200000) == O_DIRECT);
    CHECK(guest_open_flags_to_host(0400000) == 0);
    CHECK(guest_open_flags_to_host(02 | 0100 | 01000 | 02000000) ==
          (O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC));
    CHECK(guest_open_flags_to_host(04010000) == O_SYNC);
    CHECK(guest_open_flags_to_host(020040000) == O_TMPFILE);
    CHECK(host_open_flags_to_guest(O_WRONLY | O_APPEND | O_NONBLOCK) ==
          (01 | 02000 | 04000 | GUEST_O_LARGEFILE));
    CHECK(host_open_flags_to_guest(O_DIRECTORY | O_NOFOLLOW) ==
          (040000 | 0100000 | GUEST_O_LARGEFILE));
}

static void test_time(void)
{
    struct timespec ts;
    struct guest_timespec64 g64 = { 5, (int64_t)0x7fffffff00000000ll | 123 };
    CHECK(guest_timespec64_to_host(&ts, &g64) == 0);    /* upper half ignored */
    CHECK(ts.tv_sec == 5 && ts.tv_nsec == 123);
    struct guest_timespec32 g32 = { 1, 1000000000 };
    CHECK(guest_timespec32_to_host(&ts, &g32) == -EINVAL);
    g32.tv_nsec = -1;
    CHECK(guest_timespec32_to_host(&ts, &g32) == -EINVAL);
    ts.tv_sec = 0x100000000ll;
    ts.tv_nsec = 7;
    CHECK(guest_timespec32_from_host(&g32, &ts) == -EOVERFLOW);
    guest_timespec64_from_host(&g64, &ts);
    CHECK(g64.tv_sec == 0x100000000ll && g64.tv_nsec == 7);
}

static void test_sysinfo(void)
{
    struct sysinfo si;
    memset(&si, 0, sizeof si);
    si.uptime = 100;
    si.totalram = 64ull << 30;      /* 64 GiB in bytes: needs scaling */
    si.freeram = 10ull << 30;
    si.procs = 321;
    si.mem_unit = 1;
    struct guest_sysinfo g;
    guest_sysinfo_from_host(&g, &si);
    CHECK(g.uptime == 100 && g.procs == 321);
    CHECK((uint64_t)g.totalram * g.mem_unit == 64ull << 30);
    CHECK((uint64_t)g.freeram * g.mem_unit == 10ull << 30);
    CHECK(u32_at(&g, 52) == g.mem_unit);
    si.totalram = 1u << 30;
    si.freeram = 1u << 29;
    guest_sysinfo_from_host(&g, &si);
    CHECK(g.mem_unit == 1 && g.totalram == 1u << 30);
}

static void test_flock_rlimit(void)
{
    struct guest_flock64 g = { F_WRLCK, SEEK_SET, {0}, 0x100000000ll, 10, 0, {0} };
    struct flock fl;
    guest_flock64_to_host(&fl, &g);
    CHECK(fl.l_type == F_WRLCK && fl.l_start == 0x100000000ll && fl.l_len == 10);
    struct guest_flock g32;
    CHECK(guest_flock_from_host(&g32, &fl) == -EOVERFLOW);
    fl.l_start = 5;
    fl.l_pid = 42;
    CHECK(guest_flock_from_host(&g32, &fl) == 0 && g32.l_start == 5 && g32.l_pid == 42);
    struct guest_flock64 back;
    guest_flock64_from_host(&back, &fl);
    CHECK(u64_at(&back, 8) == 5 && u32_at(&back, 24) == 42);
    CHECK(guest_rlim32_from_host(RLIM_INFINITY) == 0xffffffffu);
    CHECK(guest_rlim32_from_host(1ull << 33) == 0xffffffffu);
    CHECK(guest_rlim32_from_host(8u << 20) == 8u << 20);
    CHECK(guest_rlim32_to_host(0xffffffffu) == RLIM_INFINITY);
}

static void test_statfs_rusage(void)
{
    struct statfs sf;
    memset(&sf, 0, sizeof sf);
    sf.f_type = 0xef53;
    sf.f_bsize = 4096;
    sf.f_blocks = 0x123456789ull;
    sf.f_ffree = 77;
    sf.f_namelen = 255;
    sf.f_flags = 0x1020;
    struct guest_statfs64 g;
    guest_statfs64_from_host(&g, &sf);
    CHECK(u32_at(&g, 0) == 0xef53 && u32_at(&g, 4) == 4096);
    CHECK(u64_at(&g, 8) == 0x123456789ull && u64_at(&g, 40) == 77);
    CHECK(u32_at(&g, 56) == 255 && u32_at(&g, 64) == 0x1020);

    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    ru.ru_utime.tv_sec = 3; ru.ru_utime.tv_usec = 4;
    ru.ru_stime.tv_sec = 5; ru.ru_stime.tv_usec = 6;
    ru.ru_maxrss = 1000;
    ru.ru_nivcsw = 9;
    struct guest_rusage gr;
    guest_rusage_from_host(&gr, &ru);
    CHECK(u32_at(&gr, 0) == 3 && u32_at(&gr, 4) == 4 && u32_at(&gr, 8) == 5 && u32_at(&gr, 12) == 6);
    CHECK(u32_at(&gr, 16) == 1000 && u32_at(&gr, 68) == 9);
}

static void test_dispatch(void)
{
    static struct guest_thread t;
    memset(&t, 0, sizeof t);
    t.cpu.r[7] = 20;                        /* getpid */
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == (uint32_t)getpid());
    t.cpu.r[7] = 0xf0005;                   /* set_tls */
    t.cpu.r[0] = 0x12345678;
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == 0 && t.cpu.tpidruro == 0x12345678);
    t.cpu.r[7] = 0xf0006;                   /* get_tls */
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == 0x12345678);
    t.cpu.r[7] = 9999;                      /* no such number */
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == (uint32_t)-ENOSYS);
    t.cpu.r[7] = 21;                        /* mount: no handler */
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == (uint32_t)-ENOSYS);
    t.cpu.r[7] = 0xf0002;                   /* cacheflush with end < start */
    t.cpu.r[0] = 0x2000; t.cpu.r[1] = 0x1000; t.cpu.r[2] = 0;
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == (uint32_t)-EINVAL);
    t.cpu.r[7] = 6;                         /* close(-1) */
    t.cpu.r[0] = (uint32_t)-1;
    linux_syscall(&t);
    CHECK(t.cpu.r[0] == (uint32_t)-EBADF);

    CHECK(!strcmp(linux_syscall_name(4), "write"));
    CHECK(!strcmp(linux_syscall_name(192), "mmap2"));
    CHECK(!strcmp(linux_syscall_name(0xf0002), "cacheflush"));
    CHECK(!strcmp(linux_syscall_name(450), "set_mempolicy_home_node"));
    CHECK(linux_syscall_name(7) == NULL);   /* waitpid: OABI only */
    CHECK(linux_syscall_name(0xf0007) == NULL);
    CHECK(linux_syscall_name(0x900004) == NULL);
}

static void test_strace_format(void)
{
    char line[256];
    static const uint8_t close_kinds[STRACE_MAX_ARGS] = { ARG_FD };
    uint32_t args[STRACE_MAX_ARGS] = { 3 };
    struct strace_call call = { "close", 6, RET_INT, close_kinds, args };
    strace_format(line, sizeof line, &call, 0, 1);
    CHECK(!strcmp(line, "close(3) = 0"));
    strace_format(line, sizeof line, &call, (uint32_t)-EBADF, 1);
    CHECK(!strcmp(line, "close(3) = -1 EBADF (Bad file descriptor)"));

    static const uint8_t pread_kinds[STRACE_MAX_ARGS] = {
        ARG_FD, ARG_PTR, ARG_UINT, ARG_PAD, ARG_I64 };
    uint32_t pargs[STRACE_MAX_ARGS] = { 4, 0, 16, 0xdead, 0x00000001, 0x00000002 };
    struct strace_call pcall = { "pread64", 180, RET_INT, pread_kinds, pargs };
    strace_format(line, sizeof line, &pcall, 16, 1);
    CHECK(!strcmp(line, "pread64(4, NULL, 16, 8589934593) = 16"));

    static const uint8_t exit_kinds[STRACE_MAX_ARGS] = { ARG_INT };
    uint32_t eargs[STRACE_MAX_ARGS] = { (uint32_t)-2 };
    struct strace_call ecall = { "exit_group", 248, RET_NORETURN, exit_kinds, eargs };
    strace_format(line, sizeof line, &ecall, 0, 0);
    CHECK(!strcmp(line, "exit_group(-2) = ?"));

    static const uint8_t mmap_kinds[STRACE_MAX_ARGS] = {
        ARG_HEX, ARG_UINT, ARG_HEX, ARG_HEX, ARG_FD, ARG_HEX };
    uint32_t margs[STRACE_MAX_ARGS] = { 0, 8192, 3, 0x22, (uint32_t)-1, 0 };
    struct strace_call mcall = { "mmap2", 192, RET_HEX, mmap_kinds, margs };
    strace_format(line, sizeof line, &mcall, 0xb6f00000u, 1);
    CHECK(!strcmp(line, "mmap2(0, 8192, 0x3, 0x22, -1, 0) = 0xb6f00000"));

    static const uint8_t none_kinds[STRACE_MAX_ARGS] = { ARG_NONE };
    struct strace_call gcall = { "getpid", 20, RET_INT, none_kinds, args };
    strace_format(line, sizeof line, &gcall, 77, 1);
    CHECK(!strcmp(line, "getpid() = 77"));
}

/* Every number of the ARM EABI header is in the table under its name. */
static void test_table_covers_header(void)
{
    FILE *f = fopen("/usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h", "r");
    if (!f) {
        printf("linux_abi_test: unistd-eabi.h not found, table coverage check skipped\n");
        return;
    }
    char line[256], name[128];
    unsigned nr, seen = 0, missing = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "#define __NR_%127s (__NR_SYSCALL_BASE + %u)", name, &nr) != 2)
            continue;
        seen++;
        const char *table_name = linux_syscall_name(nr);
        if (!table_name || strcmp(table_name, name) != 0) {
            missing++;
            fprintf(stderr, "syscall %u (%s) missing from the table\n", nr, name);
        }
    }
    fclose(f);
    CHECK(seen > 390);
    CHECK(missing == 0);
    static const char *const arm_private[] = {
        NULL, "breakpoint", "cacheflush", "usr26", "usr32", "set_tls", "get_tls" };
    for (unsigned i = 1; i <= 6; i++)
        CHECK(linux_syscall_name(0xf0000 + i) && !strcmp(linux_syscall_name(0xf0000 + i), arm_private[i]));
}

/* The layout numbers above and in guest_abi.h, compiled against the ARM
 * UAPI headers themselves. */
static const char arm_layout_source[] =
    "#include <stddef.h>\n#include <asm/stat.h>\n#include <asm/fcntl.h>\n"
    "#include <linux/sysinfo.h>\n#include <linux/time_types.h>\n"
    "#include <asm/termbits.h>\n#include <linux/utsname.h>\n#include <asm/signal.h>\n"
    "#include <asm/statfs.h>\n#include <linux/resource.h>\n"
    "#define C(x) _Static_assert(x, #x);\n"
    "C(sizeof(struct stat64) == 104) C(offsetof(struct stat64, __st_ino) == 12)\n"
    "C(offsetof(struct stat64, st_mode) == 16) C(offsetof(struct stat64, st_uid) == 24)\n"
    "C(offsetof(struct stat64, st_rdev) == 32) C(offsetof(struct stat64, st_size) == 48)\n"
    "C(offsetof(struct stat64, st_blksize) == 56) C(offsetof(struct stat64, st_blocks) == 64)\n"
    "C(offsetof(struct stat64, st_atime) == 72) C(offsetof(struct stat64, st_mtime) == 80)\n"
    "C(offsetof(struct stat64, st_ctime) == 88) C(offsetof(struct stat64, st_ino) == 96)\n"
    "C(sizeof(struct flock64) == 32) C(offsetof(struct flock64, l_start) == 8)\n"
    "C(offsetof(struct flock64, l_pid) == 24) C(sizeof(struct flock) == 16)\n"
    "C(sizeof(struct sysinfo) == 64) C(offsetof(struct sysinfo, procs) == 40)\n"
    "C(offsetof(struct sysinfo, mem_unit) == 52)\n"
    "C(sizeof(struct __kernel_timespec) == 16) C(sizeof(struct __kernel_old_timeval) == 8)\n"
    "C(sizeof(struct termios) == 36) C(sizeof(struct new_utsname) == 390)\n"
    "C(sizeof(stack_t) == 12) C(MINSIGSTKSZ == 2048)\n"
    "C(O_DIRECTORY == 040000 && O_NOFOLLOW == 0100000 && O_DIRECT == 0200000 && O_LARGEFILE == 0400000)\n"
    "C(F_GETLK64 == 12 && F_SETLK64 == 13 && F_SETLKW64 == 14)\n"
    "C(sizeof(struct statfs64) == 84) C(offsetof(struct statfs64, f_fsid) == 48)\n"
    "C(offsetof(struct statfs64, f_flags) == 64) C(sizeof(struct rusage) == 72)\n";

static void test_arm_headers(void)
{
    if (system("command -v arm-linux-gnueabihf-gcc >/dev/null 2>&1") != 0) {
        printf("linux_abi_test: arm-linux-gnueabihf-gcc not found, ARM header check skipped\n");
        return;
    }
    char path[] = "/tmp/a32run-abi-XXXXXX.c";
    int fd = mkstemps(path, 2);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, arm_layout_source, sizeof arm_layout_source - 1) ==
          (ssize_t)(sizeof arm_layout_source - 1));
    close(fd);
    char command[256];
    snprintf(command, sizeof command, "arm-linux-gnueabihf-gcc -fsyntax-only %s", path);
    CHECK(system(command) == 0);
    unlink(path);
}

int main(void)
{
    test_stat64();
    test_open_flags();
    test_time();
    test_sysinfo();
    test_flock_rlimit();
    test_statfs_rusage();
    test_dispatch();
    test_strace_format();
    test_table_covers_header();
    test_arm_headers();
    if (failures) {
        fprintf(stderr, "linux_abi_test: %d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("linux_abi_test: %d checks passed\n", checks);
    return 0;
}
