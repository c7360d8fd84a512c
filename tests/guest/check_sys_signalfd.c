/*
 * signalfd and signalfd4 with the 32-bit ABI, self-checking: blocked
 * signals read as 128-byte struct signalfd_siginfo records (ssi_signo,
 * ssi_code, ssi_pid, ssi_uid, ssi_int/ssi_ptr of a sigqueue'd value), a
 * real-time signal and signal 33 (which a host glibc wrapper would drop
 * from the mask), one record per queued real-time instance, poll
 * readiness, SFD_NONBLOCK (EAGAIN when empty) and SFD_CLOEXEC
 * (FD_CLOEXEC), updating the mask of an existing signalfd, the old
 * signalfd call (no flags), a short read (EINVAL); errors: sizemask other
 * than 8 (EINVAL), a bad mask pointer (EFAULT), unknown flags (EINVAL),
 * a descriptor that is not a signalfd (EINVAL).
 * Raw syscalls: the kernel's 8-byte mask, as the guest C library passes it.
 * qemu-arm 7.2 differs: it accepts any sizemask (Linux: EINVAL unless 8).
 * The kill()ed signals have handlers: with SIG_DFL, a32run's kill to self
 * of a blocked signal does not leave it pending yet (sys_signal.c).
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
#include <unistd.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>

#include "check.h"

#define BIT(s) (1ull << ((s) - 1))

static long k_signalfd4(int fd, const uint64_t *mask, unsigned size, int flags)
{
    return syscall(__NR_signalfd4, fd, mask, size, flags);
}

static volatile int handled;
static void on_signal(int sig)
{
    handled = sig;      /* never runs: the signals stay blocked */
}

static void block(uint64_t set)
{
    syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    _Static_assert(sizeof(struct signalfd_siginfo) == 128, "signalfd_siginfo is 128 bytes");
    int rt = SIGRTMIN + 2;
    uint64_t mask = BIT(SIGUSR1) | BIT(rt) | BIT(33);
    block(mask);
    /* Handlers for the kill()ed signals (a blocked signal stays pending
     * whatever its action; the real-time one keeps SIG_DFL and arrives by
     * sigqueue). Signal 33 needs the raw rt_sigaction: glibc refuses it. */
    signal(SIGUSR1, on_signal);
    signal(SIGUSR2, on_signal);
    struct { uint32_t handler, flags, restorer; uint32_t mask[2]; } act33 = {
        (uint32_t)(uintptr_t)on_signal, 0, 0, { 0, 0 } };
    CHECK(syscall(__NR_rt_sigaction, 33, &act33, NULL, 8) == 0, "handler for signal 33");

    int fd = (int)k_signalfd4(-1, &mask, 8, SFD_NONBLOCK | SFD_CLOEXEC);
    CHECK(fd >= 0, "signalfd4(-1, {USR1, RTMIN+2, 33}, 8, NONBLOCK|CLOEXEC) = %d", fd);
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0, "SFD_CLOEXEC sets FD_CLOEXEC");
    CHECK((fcntl(fd, F_GETFL) & O_NONBLOCK) != 0, "SFD_NONBLOCK sets O_NONBLOCK");

    struct signalfd_siginfo si[4];
    errno = 0;
    CHECK(read(fd, si, sizeof si) < 0 && errno == EAGAIN, "empty nonblocking read: EAGAIN");
    struct pollfd pfd = { fd, POLLIN, 0 };
    CHECK(poll(&pfd, 1, 0) == 0, "poll: not readable while nothing pending");

    kill(getpid(), SIGUSR1);
    CHECK(poll(&pfd, 1, 1000) == 1 && (pfd.revents & POLLIN), "poll: readable after kill");
    ssize_t n = read(fd, si, sizeof si);
    CHECK(n == 128, "read one 128-byte record (%zd)", n);
    CHECK(si[0].ssi_signo == SIGUSR1 && si[0].ssi_code == SI_USER, "SIGUSR1, SI_USER (%u, %d)",
          si[0].ssi_signo, si[0].ssi_code);
    CHECK(si[0].ssi_pid == (uint32_t)getpid() && si[0].ssi_uid == getuid(), "ssi_pid and ssi_uid");

    /* queued real-time instances: one record each, with their values */
    union sigval v1 = { .sival_int = 1111 }, v2 = { .sival_int = -2 };
    CHECK(sigqueue(getpid(), rt, v1) == 0 && sigqueue(getpid(), rt, v2) == 0, "sigqueue twice");
    n = read(fd, si, sizeof si);
    CHECK(n == 256, "two records (%zd)", n);
    CHECK(si[0].ssi_signo == (uint32_t)rt && si[0].ssi_code == SI_QUEUE && si[0].ssi_int == 1111,
          "first: RT signal, SI_QUEUE, value 1111 (%d)", si[0].ssi_int);
    CHECK(si[1].ssi_int == -2 && si[1].ssi_ptr == 0xfffffffeull,
          "second: value -2, ssi_ptr the 32-bit pointer zero-extended (0x%llx)",
          (unsigned long long)si[1].ssi_ptr);

    /* signal 33: glibc keeps it for setxid, the guest's mask has it */
    syscall(__NR_tgkill, getpid(), gettid(), 33);
    n = read(fd, si, sizeof si);
    CHECK(n == 128 && si[0].ssi_signo == 33 && si[0].ssi_code == SI_TKILL, "signal 33 read (%zd, %u)",
          n, n > 0 ? si[0].ssi_signo : 0);

    errno = 0;
    CHECK(read(fd, si, 64) < 0 && errno == EINVAL, "read shorter than a record: EINVAL");

    /* changing the mask of an existing signalfd: flags are ignored there */
    uint64_t mask2 = BIT(SIGUSR2);
    block(mask2);
    CHECK(k_signalfd4(fd, &mask2, 8, 0) == fd, "update mask returns the same fd");
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR2);
    n = read(fd, si, sizeof si);
    CHECK(n == 128 && si[0].ssi_signo == SIGUSR2, "only SIGUSR2 read now");
    uint64_t pending = 0;
    syscall(__NR_rt_sigpending, &pending, 8);
    CHECK(pending & BIT(SIGUSR1), "SIGUSR1 still pending");
    close(fd);

    /* old signalfd: no flags, blocking descriptor */
    fd = (int)syscall(__NR_signalfd, -1, &mask, 8);
    CHECK(fd >= 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK) && !(fcntl(fd, F_GETFD) & FD_CLOEXEC),
          "signalfd (old) = %d, blocking, no CLOEXEC", fd);
    n = read(fd, si, sizeof si);
    CHECK(n == 128 && si[0].ssi_signo == SIGUSR1, "old signalfd reads the pending SIGUSR1");
    close(fd);

    /* errors */
    errno = 0;
    CHECK(k_signalfd4(-1, &mask, 4, 0) < 0 && errno == EINVAL, "sizemask 4: EINVAL");
    errno = 0;
    CHECK(k_signalfd4(-1, &mask, 16, 0) < 0 && errno == EINVAL, "sizemask 16: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_signalfd, -1, &mask, 128) < 0 && errno == EINVAL, "old signalfd sizemask 128: EINVAL");
    errno = 0;
    CHECK(k_signalfd4(-1, (void *)16, 8, 0) < 0 && errno == EFAULT, "bad mask pointer: EFAULT");
    errno = 0;
    CHECK(k_signalfd4(-1, &mask, 8, 1) < 0 && errno == EINVAL, "unknown flag: EINVAL");
    errno = 0;
    CHECK(k_signalfd4(0, &mask, 8, 0) < 0 && errno == EINVAL, "fd 0 is not a signalfd: EINVAL");
    errno = 0;
    CHECK(k_signalfd4(999, &mask, 8, 0) < 0 && errno == EBADF, "closed fd: EBADF");
    CHECK(handled == 0, "no handler ran");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
