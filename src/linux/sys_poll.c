/*
 * Event waiting that needs layout conversion: epoll (struct epoll_event
 * is 16 bytes on ARM EABI, 12 on x86-64) and timerfd (32-bit and time64
 * itimerspec). poll/ppoll/select and eventfd/pipe2/dup3, whose layouts
 * match, are in sys_file.c.
 *
 * epoll_pwait/epoll_pwait2 apply their signal mask for the wait through
 * the host call's own mask argument (signal_temp_mask_begin/end).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>

#include "linux/safe_syscall.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

_Static_assert(EPOLL_CLOEXEC == O_CLOEXEC && TFD_CLOEXEC == O_CLOEXEC &&
               TFD_NONBLOCK == O_NONBLOCK, "epoll/timerfd flags are the open flags");
_Static_assert(EPOLLIN == 1 && EPOLLOUT == 4 && EPOLLET == (1u << 31) &&
               EPOLLONESHOT == (1u << 30) && EPOLLEXCLUSIVE == (1u << 28),
               "epoll event bits are arch-independent");

#define GUEST_EPOLL_CTL_ADD 1
#define GUEST_EPOLL_CTL_DEL 2
#define GUEST_EPOLL_CTL_MOD 3
#define EPOLL_MAX_EVENTS (INT_MAX / (int)sizeof(struct guest_epoll_event))

long sys_epoll_create(struct guest_thread *thread, const uint32_t *arg)
{
    if ((int32_t)arg[0] <= 0)
        return -EINVAL;
    return host_result(epoll_create1(0));
}

long sys_epoll_create1(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[0] & ~GUEST_O_CLOEXEC)
        return -EINVAL;
    return host_result(epoll_create1(arg[0] ? EPOLL_CLOEXEC : 0));
}

long sys_epoll_ctl(struct guest_thread *thread, const uint32_t *arg)
{
    int op = (int)arg[1];
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    /* The kernel reads the event for every op but DEL (where it may be NULL). */
    if (op != GUEST_EPOLL_CTL_DEL) {
        struct guest_epoll_event g;
        if (guest_copy_from(&g, arg[3], sizeof g) < 0)
            return -EFAULT;
        ev.events = g.events;
        ev.data.u64 = g.data;
    }
    return host_result(epoll_ctl((int)arg[0], op, (int)arg[2], &ev));
}

/* Waits into a host array, then stores the ready events in the guest's.
 * sigmask_addr: the guest's temporary mask (epoll_pwait*), or 0. */
static long do_epoll_wait(const uint32_t *arg, int timeout_ms, const struct timespec *timeout_ts,
                          uint32_t sigmask_addr)
{
    int max = (int)arg[2];
    if (max <= 0 || max > EPOLL_MAX_EVENTS)
        return -EINVAL;
    uint32_t bytes = (uint32_t)max * sizeof(struct guest_epoll_event);
    if (!guest_access_ok(arg[1], bytes, GUEST_PROT_WRITE))
        return -EFAULT;
    /* All the guest asked for (bounded by what its buffer holds): programs
     * watching thousands of ready descriptors expect them in one call. */
    int host_max = max < (1 << 20) ? max : (1 << 20);   /* the rest: next call */
    struct epoll_event *host = calloc((size_t)host_max, sizeof *host);
    if (!host)
        return -ENOMEM;
    /* epoll waits are never restarted (EINTR even under SA_RESTART). */
    uint64_t temp = 0, host_mask = 0;
    if (sigmask_addr && guest_copy_from(&temp, sigmask_addr, 8) < 0) {
        free(host);
        return -EFAULT;
    }
    if (sigmask_addr && !signal_temp_mask_begin(temp, &host_mask)) {
        free(host);
        return -EINTR;
    }
    void *mask = sigmask_addr ? &host_mask : NULL;
    long n;
    if (timeout_ts)
        n = safe_syscall(SYS_epoll_pwait2, (int)arg[0], host, host_max, timeout_ts, mask, 8);
    else
        n = safe_syscall(SYS_epoll_pwait, (int)arg[0], host, host_max, timeout_ms, mask, 8);
    if (sigmask_addr)
        n = signal_temp_mask_end(temp, n);
    if (n == -GUEST_ERESTARTSYS || n == -GUEST_ERESTARTNOHAND)
        n = -EINTR;
    if (n >= 0) {
        for (long i = 0; i < n; i++) {
            struct guest_epoll_event g = { host[i].events, 0, host[i].data.u64 };
            guest_copy_to(arg[1] + (uint32_t)i * sizeof g, &g, sizeof g);
        }
    }
    free(host);
    return n;
}

static long check_sigmask(uint32_t mask, uint32_t size)
{
    if (mask && size != 8)
        return -EINVAL;
    if (mask && !guest_access_ok(mask, 8, GUEST_PROT_READ))
        return -EFAULT;
    return 0;
}

long sys_epoll_wait(struct guest_thread *thread, const uint32_t *arg)
{
    return do_epoll_wait(arg, (int)arg[3], NULL, 0);
}

long sys_epoll_pwait(struct guest_thread *thread, const uint32_t *arg)
{
    long r = check_sigmask(arg[4], arg[5]);
    return r < 0 ? r : do_epoll_wait(arg, (int)arg[3], NULL, arg[4]);
}

/* epoll_pwait2: the timeout is a __kernel_timespec (64-bit) or NULL. */
long sys_epoll_pwait2(struct guest_thread *thread, const uint32_t *arg)
{
    long r = check_sigmask(arg[4], arg[5]);
    if (r < 0)
        return r;
    if (!arg[3])
        return do_epoll_wait(arg, -1, NULL, arg[4]);
    struct guest_timespec64 g;
    struct timespec ts;
    if (guest_copy_from(&g, arg[3], sizeof g) < 0)
        return -EFAULT;
    r = guest_timespec64_to_host(&ts, &g);
    return r < 0 ? r : do_epoll_wait(arg, 0, &ts, arg[4]);
}

/* --- timerfd ------------------------------------------------------------- */

long sys_timerfd_create(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[1] & ~(GUEST_O_CLOEXEC | GUEST_O_NONBLOCK))
        return -EINVAL;
    return host_result(timerfd_create((int)arg[0], guest_open_flags_to_host(arg[1])));
}

static long do_timerfd_settime(const uint32_t *arg, bool time64)
{
    struct itimerspec new_value, old_value;
    long r = guest_itimerspec_read(&new_value, arg[2], time64);
    if (r < 0)
        return r;
    uint32_t size = time64 ? sizeof(struct guest_itimerspec64) : sizeof(struct guest_itimerspec32);
    if (arg[3] && !guest_access_ok(arg[3], size, GUEST_PROT_WRITE))
        return -EFAULT;
    /* TFD_TIMER_ABSTIME 1, TFD_TIMER_CANCEL_ON_SET 2: arch-independent */
    if (timerfd_settime((int)arg[0], (int)arg[1], &new_value, &old_value) < 0)
        return -errno;
    return arg[3] ? guest_itimerspec_write(arg[3], &old_value, time64) : 0;
}

static long do_timerfd_gettime(const uint32_t *arg, bool time64)
{
    struct itimerspec cur;
    if (timerfd_gettime((int)arg[0], &cur) < 0)
        return -errno;
    return guest_itimerspec_write(arg[1], &cur, time64);
}

long sys_timerfd_settime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timerfd_settime(arg, false);
}

long sys_timerfd_settime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timerfd_settime(arg, true);
}

long sys_timerfd_gettime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timerfd_gettime(arg, false);
}

long sys_timerfd_gettime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timerfd_gettime(arg, true);
}
