/*
 * ioctl translation, self-checking: terminal requests on a pseudo-terminal
 * (TIOCGPTN/TIOCSPTLCK, TCGETS/TCSETS and TCGETS2, window size, FIONREAD,
 * TIOCOUTQ, TCFLSH, TCXONC, TCSBRK, and in a new session TIOCSCTTY,
 * TIOCGSID, TIOCGPGRP/TIOCSPGRP, TIOCNOTTY), descriptor requests
 * (FIONBIO, FIOCLEX/FIONCLEX, FIOASYNC), the network interface requests
 * with ARM's 32-byte struct ifreq (SIOCGIFCONF, SIOCGIFINDEX/NAME/FLAGS/
 * ADDR/NETMASK/MTU/HWADDR on the loopback interface), block and file
 * system requests on a regular file (BLKGETSIZE64 and BLKSSZGET: ENOTTY;
 * FS_IOC_GETFLAGS; FICLONE), an unknown request (ENOTTY; EBADF on a bad
 * descriptor) and a bad argument pointer (EFAULT). Expectations are
 * Linux's for a 32-bit ARM process. qemu-arm 7.2 differs: requests it does
 * not know (TIOCGPTLCK, TCGETS2/TCSETS2, unknown numbers even on a bad
 * descriptor) fail with ENOSYS, and TIOCGSID fails.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <linux/fs.h>

#include "check.h"

/* asm/termbits.h's struct termios2 (its struct termios clashes with
 * glibc's): the kernel's 36-byte termios plus two speeds. */
struct kernel_termios2 {
    unsigned c_iflag, c_oflag, c_cflag, c_lflag;
    unsigned char c_line, c_cc[19];
    unsigned c_ispeed, c_ospeed;
};
#define K_TCGETS2 0x802c542a    /* _IOR('T', 0x2A, struct termios2) */
#define K_TCSETS2 0x402c542b

static void test_pty(void)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    CHECK(master >= 0, "posix_openpt");
    if (master < 0)
        return;
    unsigned ptn = 9999;
    CHECK(ioctl(master, TIOCGPTN, &ptn) == 0 && ptn < 9999, "TIOCGPTN %u", ptn);
    int lock = 1;
    CHECK_HOSTDEP(ioctl(master, TIOCGPTLCK, &lock) == 0 && lock == 1, "TIOCGPTLCK locked");
    int unlock = 0;
    CHECK(ioctl(master, TIOCSPTLCK, &unlock) == 0, "TIOCSPTLCK unlock");
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%u", ptn);
    int slave = open(name, O_RDWR | O_NOCTTY);
    CHECK(slave >= 0, "open %s", name);
    if (slave < 0)
        return;
    struct termios t;
    CHECK(tcgetattr(slave, &t) == 0 && (t.c_lflag & ICANON), "TCGETS: canonical mode");
    cfmakeraw(&t);
    CHECK(tcsetattr(slave, TCSANOW, &t) == 0, "TCSETS raw");
    CHECK(tcgetattr(slave, &t) == 0 && !(t.c_lflag & ICANON), "TCGETS sees raw mode");
    struct kernel_termios2 t2;
    memset(&t2, 0xff, sizeof t2);
    CHECK_HOSTDEP(ioctl(slave, K_TCGETS2, &t2) == 0 && !(t2.c_lflag & ICANON) && t2.c_ispeed < 10000000,
          "TCGETS2 (ispeed %u ospeed %u)", t2.c_ispeed, t2.c_ospeed);
    CHECK_HOSTDEP(ioctl(slave, K_TCSETS2, &t2) == 0, "TCSETS2");
    struct winsize ws = { 33, 101, 0, 0 }, back;
    CHECK(ioctl(master, TIOCSWINSZ, &ws) == 0, "TIOCSWINSZ");
    CHECK(ioctl(slave, TIOCGWINSZ, &back) == 0 && back.ws_row == 33 && back.ws_col == 101,
          "TIOCGWINSZ %ux%u", back.ws_row, back.ws_col);
    CHECK(ioctl(slave, TIOCGWINSZ, (void *)12) == -1 && errno == EFAULT, "TIOCGWINSZ bad pointer: EFAULT");
    CHECK(write(master, "abcde", 5) == 5, "write to master");
    int avail = -1;
    for (int i = 0; i < 100 && avail != 5; i++) {
        ioctl(slave, FIONREAD, &avail);
        if (avail != 5)
            usleep(1000);
    }
    CHECK(avail == 5, "FIONREAD %d", avail);
    int outq = -1;
    CHECK(ioctl(slave, TIOCOUTQ, &outq) == 0 && outq >= 0, "TIOCOUTQ %d", outq);
    CHECK(tcflush(slave, TCIFLUSH) == 0, "TCFLSH");
    CHECK(ioctl(slave, FIONREAD, &avail) == 0 && avail == 0, "nothing left after flush");
    CHECK(tcflow(slave, TCOON) == 0, "TCXONC");
    CHECK(tcdrain(slave) == 0, "TCSBRK (tcdrain)");
    pid_t pg;
    CHECK(ioctl(slave, TIOCGPGRP, &pg) == -1 && errno == ENOTTY, "TIOCGPGRP without a controlling tty: ENOTTY");
    pid_t child = fork();
    if (child == 0) {
        int bad = 0;
        if (setsid() < 0) bad |= 1;
        if (ioctl(slave, TIOCSCTTY, 0) != 0) bad |= 2;
        pid_t sid = 0, grp = 0;
        if (ioctl(slave, TIOCGSID, &sid) != 0 || sid != getpid()) bad |= 4;
        if (ioctl(slave, TIOCGPGRP, &grp) != 0 || grp != getpid()) bad |= 8;
        if (ioctl(slave, TIOCSPGRP, &grp) != 0) bad |= 16;
        if (tcgetpgrp(slave) != getpid()) bad |= 32;
        signal(SIGHUP, SIG_IGN);
        if (ioctl(slave, TIOCNOTTY) != 0) bad |= 64;
        _exit(bad);
    }
    int status = -1;
    waitpid(child, &status, 0);
    CHECK_HOSTDEP(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "TIOCSCTTY/TIOCGSID/TIOCGPGRP/TIOCSPGRP/TIOCNOTTY in a new session (bits %d)", WEXITSTATUS(status));
    close(slave);
    close(master);
}

static void test_fd_requests(void)
{
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    int on = 1, off = 0;
    CHECK(ioctl(p[0], FIONBIO, &on) == 0, "FIONBIO on");
    char c;
    CHECK(read(p[0], &c, 1) == -1 && errno == EAGAIN, "read: EAGAIN");
    CHECK(ioctl(p[0], FIONBIO, &off) == 0 && !(fcntl(p[0], F_GETFL) & O_NONBLOCK), "FIONBIO off");
    CHECK(ioctl(p[0], FIOCLEX) == 0 && (fcntl(p[0], F_GETFD) & FD_CLOEXEC), "FIOCLEX");
    CHECK(ioctl(p[0], FIONCLEX) == 0 && !(fcntl(p[0], F_GETFD) & FD_CLOEXEC), "FIONCLEX");
    CHECK(ioctl(p[0], FIOASYNC, &on) == 0 && (fcntl(p[0], F_GETFL) & O_ASYNC), "FIOASYNC");
    CHECK(ioctl(p[0], 0x12345678, 0) == -1 && errno == ENOTTY, "unknown request: ENOTTY");
    CHECK(ioctl(-1, 0x12345678, 0) == -1 && errno == EBADF, "unknown request on a bad fd: EBADF");
    CHECK(ioctl(p[0], FIONREAD, (void *)0) == -1 && errno == EFAULT, "FIONREAD NULL: EFAULT");
    close(p[0]);
    close(p[1]);
}

static void test_interfaces(void)
{
    CHECK(sizeof(struct ifreq) == 32, "ARM struct ifreq is 32 bytes");
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(s >= 0, "socket");
    struct ifconf ifc = { .ifc_len = 0, .ifc_buf = NULL };
    CHECK(ioctl(s, SIOCGIFCONF, &ifc) == 0 && ifc.ifc_len > 0 && ifc.ifc_len % 32 == 0,
          "SIOCGIFCONF length query: %d", ifc.ifc_len);
    struct ifreq reqs[32];
    ifc.ifc_len = sizeof reqs;
    ifc.ifc_req = reqs;
    CHECK(ioctl(s, SIOCGIFCONF, &ifc) == 0 && ifc.ifc_len % 32 == 0, "SIOCGIFCONF: %d bytes", ifc.ifc_len);
    int found_lo = 0;
    for (int i = 0; i < ifc.ifc_len / 32; i++) {
        struct sockaddr_in *sin = (struct sockaddr_in *)&reqs[i].ifr_addr;
        if (!strcmp(reqs[i].ifr_name, "lo") && sin->sin_family == AF_INET &&
            sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK))
            found_lo = 1;
    }
    CHECK(found_lo, "lo with 127.0.0.1 in the list");
    struct ifreq r;
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "lo");
    CHECK(ioctl(s, SIOCGIFINDEX, &r) == 0 && r.ifr_ifindex > 0, "SIOCGIFINDEX lo = %d", r.ifr_ifindex);
    int index = r.ifr_ifindex;
    memset(&r, 0, sizeof r);
    r.ifr_ifindex = index;
    CHECK(ioctl(s, SIOCGIFNAME, &r) == 0 && !strcmp(r.ifr_name, "lo"), "SIOCGIFNAME %d = %s", index, r.ifr_name);
    CHECK(ioctl(s, SIOCGIFFLAGS, &r) == 0 && (r.ifr_flags & IFF_LOOPBACK) && (r.ifr_flags & IFF_UP),
          "SIOCGIFFLAGS 0x%x", r.ifr_flags);
    CHECK(ioctl(s, SIOCGIFADDR, &r) == 0 &&
          ((struct sockaddr_in *)&r.ifr_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "SIOCGIFADDR");
    CHECK(ioctl(s, SIOCGIFNETMASK, &r) == 0 &&
          ((struct sockaddr_in *)&r.ifr_netmask)->sin_addr.s_addr == htonl(0xff000000u), "SIOCGIFNETMASK");
    CHECK(ioctl(s, SIOCGIFMTU, &r) == 0 && r.ifr_mtu > 0, "SIOCGIFMTU %d", r.ifr_mtu);
    CHECK(ioctl(s, SIOCGIFHWADDR, &r) == 0 && r.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK,
          "SIOCGIFHWADDR family %d", r.ifr_hwaddr.sa_family);
    strcpy(r.ifr_name, "no-such-if0");
    CHECK(ioctl(s, SIOCGIFINDEX, &r) == -1 && errno == ENODEV, "unknown interface: ENODEV");
    close(s);
}

static void test_file_requests(void)
{
    char path[] = "/tmp/a32run-ioctl-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    CHECK(write(fd, "data", 4) == 4, "write");
    uint64_t size;
    CHECK(ioctl(fd, BLKGETSIZE64, &size) == -1 && errno == ENOTTY, "BLKGETSIZE64 on a file: ENOTTY");
    int ssz;
    CHECK(ioctl(fd, BLKSSZGET, &ssz) == -1 && errno == ENOTTY, "BLKSSZGET on a file: ENOTTY");
    int flags = -1;
    int r = ioctl(fd, FS_IOC_GETFLAGS, &flags);
    CHECK((r == 0 && flags >= 0) || (r == -1 && (errno == ENOTTY || errno == EOPNOTSUPP)),
          "FS_IOC_GETFLAGS: %d (flags 0x%x)", r, flags);
    if (r == 0)
        CHECK(ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0 || errno == EPERM || errno == EOPNOTSUPP,
              "FS_IOC_SETFLAGS with the same flags");
    char path2[] = "/tmp/a32run-ioctl2-XXXXXX";
    int fd2 = mkstemp(path2);
    r = ioctl(fd2, FICLONE, fd);
    CHECK(r == 0 || errno == EOPNOTSUPP || errno == EXDEV || errno == EINVAL,
          "FICLONE reaches the file system (%d, errno %d)", r, r ? errno : 0);
    close(fd2);
    unlink(path2);
    close(fd);
    unlink(path);
}

int main(void)
{
    test_pty();
    test_fd_requests();
    test_interfaces();
    test_file_requests();
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
