/*
 * Signals a program sends itself: blocked ones stay pending (sigpending,
 * sigwait see them), ignored ones vanish, and an unblocked default-action
 * SIGTERM kills it (exit status 143 under the test runner). Regression:
 * a32run used to drop a blocked default-action signal sent to self.
 */
// variants: arm-O2 thumb-O2
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0); sigset_t s, p; sigemptyset(&s); sigaddset(&s, SIGTERM); sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, NULL);
    kill(getpid(), SIGTERM); syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
    sigpending(&p);
    printf("pending TERM=%d USR1=%d\n", sigismember(&p, SIGTERM), sigismember(&p, SIGUSR1));
    int sig; sigwait(&s, &sig); printf("sigwait %d\n", sig);
    sigwait(&s, &sig); printf("sigwait %d\n", sig);
    signal(SIGTERM, SIG_IGN); kill(getpid(), SIGTERM); printf("ignored ok\n");
    signal(SIGTERM, SIG_DFL); sigprocmask(SIG_UNBLOCK, &s, NULL); kill(getpid(), SIGTERM);
    printf("not reached\n");
    return 0;
}
