/*
 * Polling and event descriptors: epoll (the 16-byte ARM struct
 * epoll_event with the 64-bit data at offset 8), epoll_pwait, timerfd
 * (32-bit and time64 itimerspec via glibc), eventfd, poll/ppoll/select/
 * pselect with pipes, pipe2 flags and dup3. Deterministic: timers are
 * only checked for "armed / expired", never for exact remaining times.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>

static void test_epoll(void)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll_create1: ok=%d cloexec=%d\n", ep >= 0, (fcntl(ep, F_GETFD) & FD_CLOEXEC) != 0);
    printf("epoll_create(0): %d errno=%d\n", epoll_create(0), errno);
    printf("epoll_create1(bad): %d errno=%d\n", epoll_create1(1), errno);
    int p[2];
    pipe(p);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ull };
    printf("ctl add: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    printf("ctl add again: %d errno=%d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), errno);
    struct epoll_event out[4];
    memset(out, 0xee, sizeof out);
    printf("wait empty: %d\n", epoll_wait(ep, out, 4, 0));
    write(p[1], "x", 1);
    int n = epoll_wait(ep, out, 4, 1000);
    printf("wait: %d events=0x%x data=0x%llx next untouched=%d\n", n, out[0].events,
           (unsigned long long)out[0].data.u64, out[1].events == 0xeeeeeeeeu);
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u64 = 7;
    int ep2 = epoll_create(1);
    printf("ctl add write end: %d\n", epoll_ctl(ep2, EPOLL_CTL_ADD, p[1], &ev));
    ev.data.fd = 42;
    printf("ctl mod: %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    n = epoll_pwait(ep, out, 4, 0, NULL);
    printf("pwait: %d data.fd=%d\n", n, out[0].data.fd);
    n = epoll_wait(ep2, out, 4, 0);
    printf("wait write end: %d events=0x%x data=%llu\n", n, out[0].events, (unsigned long long)out[0].data.u64);
    printf("ctl del: %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
    printf("wait after del: %d\n", epoll_wait(ep, out, 4, 0));
    printf("wait maxevents 0: %d errno=%d\n", epoll_wait(ep, out, 0, 0), errno);
    struct epoll_event *volatile bad = (struct epoll_event *)8;
    printf("wait bad buffer: %d errno=%d\n", epoll_wait(ep2, bad, 4, 0), errno);
    printf("ctl bad event: %d errno=%d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], bad), errno);
    printf("ctl bad fd: %d errno=%d\n", epoll_ctl(ep, EPOLL_CTL_ADD, 999, &ev), errno);
    close(ep);
    close(ep2);
    close(p[0]);
    close(p[1]);
}

static void test_timerfd(void)
{
    int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    printf("timerfd_create: ok=%d nonblock=%d\n", t >= 0, (fcntl(t, F_GETFL) & O_NONBLOCK) != 0);
    uint64_t count = 0;
    printf("read unarmed: %d errno=%d\n", (int)read(t, &count, 8), errno);
    struct itimerspec its = { { 0, 0 }, { 0, 20 * 1000 * 1000 } }, old;
    printf("settime: %d\n", timerfd_settime(t, 0, &its, &old));
    printf("old value zero: %d\n", old.it_value.tv_sec == 0 && old.it_value.tv_nsec == 0);
    struct itimerspec cur;
    timerfd_gettime(t, &cur);
    printf("gettime armed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
                                   cur.it_value.tv_nsec <= 20 * 1000 * 1000);
    struct pollfd pfd = { t, POLLIN, 0 };
    printf("poll: %d revents=0x%x\n", poll(&pfd, 1, 2000), pfd.revents);
    printf("read: %d count=%llu\n", (int)read(t, &count, 8), (unsigned long long)count);
    its.it_value.tv_nsec = 1000000000;
    printf("settime bad nsec: %d errno=%d\n", timerfd_settime(t, 0, &its, NULL), errno);
    /* the old 32-bit syscall directly */
    struct { int32_t s, ns, vs, vns; } t32 = { 5, 0, 100, 0 }, o32 = { -1, -1, -1, -1 };
    printf("timerfd_settime32: %ld\n", syscall(353 /* timerfd_settime */, t, 0, &t32, &o32));
    printf("old32: %d %d %d %d\n", o32.s, o32.ns, o32.vs, o32.vns);
    syscall(354 /* timerfd_gettime */, t, &o32);
    printf("get32 interval=%d value in (90,100]: %d\n", o32.s, o32.vs > 90 && o32.vs <= 100);
    printf("timerfd_create bad flags: %d errno=%d\n", timerfd_create(CLOCK_MONOTONIC, 1), errno);
    close(t);
}

static void test_eventfd_poll_select(void)
{
    int e = eventfd(3, EFD_NONBLOCK | EFD_SEMAPHORE);
    eventfd_t v;
    printf("eventfd read: %d v=%llu\n", eventfd_read(e, &v), (unsigned long long)v);
    eventfd_write(e, 10);
    struct pollfd pfd[2] = { { e, POLLIN | POLLOUT, 0 }, { 999, POLLIN, 0 } };
    printf("poll: %d revents=0x%x 0x%x\n", poll(pfd, 2, 0), pfd[0].revents, pfd[1].revents);
    struct timespec ts = { 0, 1000 };
    printf("ppoll: %d\n", ppoll(pfd, 1, &ts, NULL));
    int p[2];
    printf("pipe2: %d\n", pipe2(p, O_NONBLOCK | O_CLOEXEC));
    printf("pipe2 flags: nonblock=%d cloexec=%d\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0,
           (fcntl(p[1], F_GETFD) & FD_CLOEXEC) != 0);
    int high = dup3(p[0], 70, O_CLOEXEC);
    printf("dup3: %d cloexec=%d\n", high, (fcntl(70, F_GETFD) & FD_CLOEXEC) != 0);
    printf("dup3 same: %d errno=%d\n", dup3(70, 70, 0), errno);
    write(p[1], "ab", 2);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(70, &rd);
    FD_SET(p[1], &wr);
    FD_SET(e, &rd);
    struct timeval tv = { 1, 0 };
    int n = select(71, &rd, &wr, NULL, &tv);
    printf("select: %d rd70=%d rde=%d wr=%d\n", n, FD_ISSET(70, &rd), FD_ISSET(e, &rd), FD_ISSET(p[1], &wr));
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    char buf[4];
    read(p[0], buf, 2);
    ts.tv_sec = 0;
    ts.tv_nsec = 1000;
    printf("pselect empty: %d isset=%d\n", pselect(p[0] + 1, &rd, NULL, NULL, &ts, NULL), FD_ISSET(p[0], &rd));
    close(70);
    close(p[0]);
    close(p[1]);
    close(e);
}

int main(void)
{
    test_epoll();
    test_timerfd();
    test_eventfd_poll_select();
    return 0;
}
