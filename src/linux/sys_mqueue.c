/*
 * POSIX message queues: mq_open, mq_unlink, mq_timedsend/receive (32-bit
 * and time64 timeouts), mq_notify and mq_getsetattr.
 *
 * Queue names are not paths (the mqueue file system is separate), so
 * they are never rewritten by the sysroot rules. struct mq_attr has long
 * fields (translated); message buffers and the priority word pass in
 * place. mq_notify translates struct sigevent: the signal number goes
 * through the guest/host signal map, and for SIGEV_THREAD (glibc passes a
 * netlink socket in sigev_signo and a 32-byte cookie at sigev_value) the
 * cookie pointer becomes a host pointer into guest memory.
 */
#include <errno.h>
#include <mqueue.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "linux/safe_syscall.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

#define NOTIFY_COOKIE_LEN 32    /* include/linux/mqueue.h */

static long attr_from_guest(struct mq_attr *h, uint32_t addr)
{
    struct guest_mq_attr g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    memset(h, 0, sizeof *h);
    h->mq_flags = g.mq_flags;
    h->mq_maxmsg = g.mq_maxmsg;
    h->mq_msgsize = g.mq_msgsize;
    h->mq_curmsgs = g.mq_curmsgs;
    return 0;
}

static long attr_to_guest(uint32_t addr, const struct mq_attr *h)
{
    struct guest_mq_attr g;
    memset(&g, 0, sizeof g);
    g.mq_flags = (int32_t)h->mq_flags;
    g.mq_maxmsg = (int32_t)h->mq_maxmsg;
    g.mq_msgsize = (int32_t)h->mq_msgsize;
    g.mq_curmsgs = (int32_t)h->mq_curmsgs;
    return guest_copy_to(addr, &g, sizeof g);
}

/* mq_open(name, oflag, mode, attr) */
long sys_mq_open(struct guest_thread *thread, const uint32_t *arg)
{
    const char *name;
    long r = guest_path(arg[0], &name);
    if (r < 0)
        return r;
    struct mq_attr attr, *attrp = NULL;
    if (arg[3] && (arg[1] & GUEST_O_CREAT)) {
        r = attr_from_guest(&attr, arg[3]);
        if (r < 0)
            return r;
        attrp = &attr;
    }
    return host_result(syscall(SYS_mq_open, name, guest_open_flags_to_host(arg[1]),
                               (mode_t)arg[2], attrp));
}

long sys_mq_unlink(struct guest_thread *thread, const uint32_t *arg)
{
    const char *name;
    long r = guest_path(arg[0], &name);
    if (r < 0)
        return r;
    return host_result(syscall(SYS_mq_unlink, name));
}

static long timeout_from_guest(struct timespec *ts, uint32_t addr, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        if (guest_copy_from(&g, addr, sizeof g) < 0)
            return -EFAULT;
        return guest_timespec64_to_host(ts, &g);
    }
    struct guest_timespec32 g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    return guest_timespec32_to_host(ts, &g);
}

/* mq_timedsend(mqd, msg, len, prio, abs_timeout) and
 * mq_timedreceive(mqd, msg, len, prio *, abs_timeout) */
static long do_transfer(const uint32_t *arg, bool receive, bool time64)
{
    struct timespec ts, *tsp = NULL;
    if (arg[4]) {
        long r = timeout_from_guest(&ts, arg[4], time64);
        if (r < 0)
            return r;
        tsp = &ts;
    }
    if (!guest_access_ok(arg[1], arg[2], receive ? GUEST_PROT_WRITE : GUEST_PROT_READ))
        return -EFAULT;
    if (receive) {
        if (arg[3] && !guest_access_ok(arg[3], 4, GUEST_PROT_WRITE))
            return -EFAULT;
        return safe_syscall(SYS_mq_timedreceive, (int)arg[0], guest_to_host(arg[1]),
                            (size_t)arg[2], arg[3] ? guest_to_host(arg[3]) : NULL, tsp);
    }
    return safe_syscall(SYS_mq_timedsend, (int)arg[0], guest_to_host(arg[1]),
                        (size_t)arg[2], (unsigned)arg[3], tsp);
}

long sys_mq_timedsend(struct guest_thread *thread, const uint32_t *arg)
{
    return do_transfer(arg, false, false);
}

long sys_mq_timedreceive(struct guest_thread *thread, const uint32_t *arg)
{
    return do_transfer(arg, true, false);
}

long sys_mq_timedsend_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_transfer(arg, false, true);
}

long sys_mq_timedreceive_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_transfer(arg, true, true);
}

/* The guest's SIGEV_* values are the generic ones. */
_Static_assert(SIGEV_SIGNAL == 0 && SIGEV_NONE == 1 && SIGEV_THREAD == 2 &&
               SIGEV_THREAD_ID == 4, "host SIGEV_* values differ");

long sys_mq_notify(struct guest_thread *thread, const uint32_t *arg)
{
    if (!arg[1])
        return host_result(syscall(SYS_mq_notify, (int)arg[0], NULL));
    struct guest_sigevent g;
    if (guest_copy_from(&g, arg[1], sizeof g) < 0)
        return -EFAULT;
    struct sigevent h;
    memset(&h, 0, sizeof h);
    h.sigev_notify = g.sigev_notify;
    h.sigev_value.sival_ptr = (void *)(uintptr_t)g.sigev_value;
    switch (g.sigev_notify) {
    case SIGEV_NONE:
        break;
    case SIGEV_SIGNAL:
    case SIGEV_THREAD_ID:
        if (g.sigev_signo <= 0 || g.sigev_signo > GUEST_NSIG)
            return -EINVAL;
        h.sigev_signo = signal_guest_to_host(g.sigev_signo);
        if (!h.sigev_signo) {
            linux_report_once("mq_notify", (uint32_t)g.sigev_signo,
                              "mq_notify: guest signal %d has no host counterpart (EINVAL)",
                              g.sigev_signo);
            return -EINVAL;
        }
        if (g.sigev_notify == SIGEV_THREAD_ID)
            h._sigev_un._tid = (int)g.sigev_un[0];
        break;
    case SIGEV_THREAD:
        /* netlink socket in sigev_signo, cookie buffer at sigev_value */
        if (!guest_access_ok(g.sigev_value, NOTIFY_COOKIE_LEN, GUEST_PROT_READ))
            return -EFAULT;
        h.sigev_signo = g.sigev_signo;
        h.sigev_value.sival_ptr = guest_to_host(g.sigev_value);
        break;
    default:
        return -EINVAL;
    }
    return host_result(syscall(SYS_mq_notify, (int)arg[0], &h));
}

long sys_mq_getsetattr(struct guest_thread *thread, const uint32_t *arg)
{
    struct mq_attr new_attr, old_attr;
    long r;
    if (arg[1]) {
        r = attr_from_guest(&new_attr, arg[1]);
        if (r < 0)
            return r;
    }
    if (arg[2] && !guest_access_ok(arg[2], sizeof(struct guest_mq_attr), GUEST_PROT_WRITE))
        return -EFAULT;
    r = host_result(syscall(SYS_mq_getsetattr, (int)arg[0], arg[1] ? &new_attr : NULL,
                            arg[2] ? &old_attr : NULL));
    if (r == 0 && arg[2])
        r = attr_to_guest(arg[2], &old_attr);
    return r;
}
