/*
 * pidfd_open, pidfd_send_signal with a siginfo, and a pidfd polled for the
 * child's exit; compared with qemu-arm.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { pause(); _exit(0); }
    int fd = syscall(SYS_pidfd_open, pid, 0);
    siginfo_t si; memset(&si, 0, sizeof si); si.si_signo = SIGTERM; si.si_code = SI_QUEUE; si.si_pid = getpid(); si.si_uid = getuid(); si.si_value.sival_int = 5;
    long r = syscall(SYS_pidfd_send_signal, fd, SIGTERM, &si, 0);
    struct pollfd p = { fd, POLLIN, 0 };
    int pr = poll(&p, 1, 5000);
    int st; waitpid(pid, &st, 0);
    printf("fd>=0:%d send=%ld poll=%d revents=%x signaled=%d sig=%d\n", fd >= 0, r, pr, p.revents, WIFSIGNALED(st), WTERMSIG(st));
    return 0;
}
