/*
 * Unit tests of the second syscall slice's guest layouts and conversions:
 * the old struct stat and 32-bit statfs (overflow rules of the kernel's
 * compat code), and, compiled against the ARM headers with the cross
 * compiler when it is installed, the layouts of struct epoll_event,
 * msghdr/mmsghdr/cmsghdr, siginfo (SIGCHLD fields), old stat and statfs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "linux/guest_abi.h"

static int failures, checks;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; \
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static void test_stat_old(void)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_dev = makedev(8, 1);
    st.st_rdev = makedev(136, 3);
    st.st_ino = 123456;
    st.st_mode = 0100644;
    st.st_nlink = 3;
    st.st_uid = 70000;
    st.st_gid = 100;
    st.st_size = 0x7fffffff;
    st.st_blksize = 4096;
    st.st_blocks = 16;
    st.st_mtim.tv_sec = 1700000000;
    st.st_mtim.tv_nsec = 5;
    struct guest_stat_old g;
    CHECK(guest_stat_old_from_host(&g, &st) == 0);
    uint8_t raw[64];
    memcpy(raw, &g, 64);
    CHECK(raw[0] == 1 && raw[1] == 8);              /* st_dev = 8:1 old encoding */
    CHECK(g.st_rdev == (136u << 8 | 3));
    CHECK(g.st_ino == 123456 && g.st_mode == 0100644 && g.st_nlink == 3);
    CHECK(g.st_uid == 65534 && g.st_gid == 100);
    CHECK(g.st_size == 0x7fffffffu && g.st_mtime_sec == 1700000000u && g.st_mtime_nsec == 5);
    st.st_size = 0x80000000ll;
    CHECK(guest_stat_old_from_host(&g, &st) == -EOVERFLOW);
    st.st_size = 1;
    st.st_ino = 0x100000000ull;
    CHECK(guest_stat_old_from_host(&g, &st) == -EOVERFLOW);
    st.st_ino = 1;
    st.st_dev = makedev(259, 0);
    CHECK(guest_stat_old_from_host(&g, &st) == -EOVERFLOW);
    st.st_dev = makedev(8, 1);
    st.st_nlink = 70000;
    CHECK(guest_stat_old_from_host(&g, &st) == -EOVERFLOW);
}

static void test_statfs32(void)
{
    struct statfs in;
    memset(&in, 0, sizeof in);
    in.f_type = 0xef53;
    in.f_bsize = 4096;
    in.f_blocks = 1000;
    in.f_files = (fsfilcnt_t)-1;
    in.f_ffree = (fsfilcnt_t)-1;
    in.f_namelen = 255;
    in.f_frsize = 4096;
    in.f_flags = 0x20;
    struct guest_statfs32 g;
    CHECK(guest_statfs32_from_host(&g, &in) == 0);
    CHECK(g.f_type == 0xef53 && g.f_blocks == 1000 && g.f_files == 0xffffffffu);
    CHECK(g.f_namelen == 255 && g.f_flags == 0x20);
    in.f_blocks = 0x100000000ull;
    CHECK(guest_statfs32_from_host(&g, &in) == -EOVERFLOW);
    in.f_blocks = 1;
    in.f_files = 0x100000000ull;
    CHECK(guest_statfs32_from_host(&g, &in) == -EOVERFLOW);
}

static const char arm_layout_source[] =
    "#include <stddef.h>\n#include <asm/stat.h>\n#include <asm/statfs.h>\n"
    "#include <sys/epoll.h>\n#include <signal.h>\n#include <sys/socket.h>\n"
    "#define C(x) _Static_assert(x, #x);\n"
    "C(sizeof(struct epoll_event) == 16) C(offsetof(struct epoll_event, data) == 8)\n"
    "C(sizeof(struct stat) == 64) C(offsetof(struct stat, st_rdev) == 16)\n"
    "C(offsetof(struct stat, st_atime) == 32)\n"
    "C(sizeof(struct statfs) == 64) C(offsetof(struct statfs, f_fsid) == 28)\n"
    "C(sizeof(struct msghdr) == 28) C(sizeof(struct mmsghdr) == 32)\n"
    "C(sizeof(struct cmsghdr) == 12) C(CMSG_ALIGN(1) == 4)\n"
    "C(sizeof(siginfo_t) == 128) C(offsetof(siginfo_t, si_pid) == 12)\n"
    "C(offsetof(siginfo_t, si_status) == 20) C(offsetof(siginfo_t, si_utime) == 24)\n"
    "C(SO_RCVTIMEO_OLD == 20 && SO_SNDTIMEO_OLD == 21 && SO_RCVTIMEO_NEW == 66 && SO_SNDTIMEO_NEW == 67)\n"
    "C(SO_TIMESTAMP_OLD == 29 && SO_TIMESTAMPNS_OLD == 35 && SOL_SOCKET == 1)\n";

static void test_arm_headers(void)
{
    if (system("command -v arm-linux-gnueabihf-gcc >/dev/null 2>&1") != 0) {
        printf("linux_compat_test: arm-linux-gnueabihf-gcc not found, ARM header check skipped\n");
        return;
    }
    char path[] = "/tmp/a32run-compat-XXXXXX.c";
    int fd = mkstemps(path, 2);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, arm_layout_source, sizeof arm_layout_source - 1) ==
          (ssize_t)(sizeof arm_layout_source - 1));
    close(fd);
    char command[256];
    snprintf(command, sizeof command, "arm-linux-gnueabihf-gcc -D_GNU_SOURCE -fsyntax-only %s", path);
    CHECK(system(command) == 0);
    unlink(path);
}

int main(void)
{
    test_stat_old();
    test_statfs32();
    test_arm_headers();
    printf("linux_compat_test: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
