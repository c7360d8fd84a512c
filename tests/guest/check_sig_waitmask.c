/*
 * Waits with a temporary signal mask (ppoll, pselect, epoll_pwait),
 * self-checking. SIGUSR1 is blocked; each call waits on an empty pipe with
 * a mask that lets SIGUSR1 through, while another thread sends SIGUSR1 to
 * the waiting thread. Linux: the call fails with EINTR, the handler has
 * run (with SIGUSR1 unblocked by the call's mask), and afterwards the
 * original mask (SIGUSR1 blocked) is back. A SIGUSR1 already pending when
 * the call starts interrupts it at once.
 */
// variants: arm-O2 thumb-O2
// cflags: -pthread
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>

#include "check.h"

static volatile int handled;
static void on_usr1(int sig)
{
    (void)sig;
    handled++;
}

static volatile pid_t waiter_tid;
static void *sender(void *arg)
{
    (void)arg;
    usleep(30000);
    syscall(SYS_tgkill, getpid(), waiter_tid, SIGUSR1);
    return NULL;
}

enum kind { PPOLL, PSELECT, EPOLL_PWAIT };
static const char *names[] = { "ppoll", "pselect", "epoll_pwait" };

static int wait_once(enum kind k, int fd, int epfd, const sigset_t *mask)
{
    struct timespec ts = { 5, 0 };
    switch (k) {
    case PPOLL: {
        struct pollfd p = { fd, POLLIN, 0 };
        return ppoll(&p, 1, &ts, mask);
    }
    case PSELECT: {
        fd_set r;
        FD_ZERO(&r);
        FD_SET(fd, &r);
        return pselect(fd + 1, &r, NULL, NULL, &ts, mask);
    }
    default: {
        struct epoll_event ev;
        return epoll_pwait(epfd, &ev, 1, 5000, mask);
    }
    }
}

static int usr1_blocked(void)
{
    sigset_t cur;
    pthread_sigmask(SIG_SETMASK, NULL, &cur);
    return sigismember(&cur, SIGUSR1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGUSR1, on_usr1);
    sigset_t block, open_mask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &block, NULL);
    pthread_sigmask(SIG_SETMASK, NULL, &open_mask);
    sigdelset(&open_mask, SIGUSR1);
    waiter_tid = (pid_t)syscall(SYS_gettid);

    int fds[2];
    if (pipe(fds) < 0)
        return 2;
    int epfd = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN };
    epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0], &ev);

    for (enum kind k = PPOLL; k <= EPOLL_PWAIT; k++) {
        handled = 0;
        pthread_t t;
        pthread_create(&t, NULL, sender, NULL);
        errno = 0;
        int r = wait_once(k, fds[0], epfd, &open_mask);
        int e = errno;
        pthread_join(t, NULL);
        CHECK(r == -1 && e == EINTR && handled == 1 && usr1_blocked(),
              "%s: SIGUSR1 let through by the call's mask interrupts it (r=%d errno=%d "
              "handled=%d), original mask back", names[k], r, e, handled);

        /* Pending before the call: interrupts at once. */
        handled = 0;
        raise(SIGUSR1);
        int before = handled;
        r = wait_once(k, fds[0], epfd, &open_mask);
        e = errno;
        CHECK(before == 0 && r == -1 && e == EINTR && handled == 1 && usr1_blocked(),
              "%s: SIGUSR1 pending (blocked) before the call is delivered by it", names[k]);

        /* A mask that keeps SIGUSR1 blocked: the call times out normally. */
        handled = 0;
        struct timespec short_ts = { 0, 20000000 };
        struct pollfd p = { fds[0], POLLIN, 0 };
        raise(SIGUSR1);
        if (k == PPOLL) {
            r = ppoll(&p, 1, &short_ts, &block);
            CHECK(r == 0 && handled == 0, "ppoll: a mask blocking SIGUSR1 keeps it pending");
            sigset_t pending;
            sigpending(&pending);
            CHECK(sigismember(&pending, SIGUSR1), "ppoll: SIGUSR1 still pending afterwards");
        }
        /* Drain the pending SIGUSR1 (handler runs once unblocked). */
        pthread_sigmask(SIG_UNBLOCK, &block, NULL);
        pthread_sigmask(SIG_BLOCK, &block, NULL);
    }
    printf("%s: %d failures\n", failures ? "FAIL" : "PASS", failures);
    return failures != 0;
}
