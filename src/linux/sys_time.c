/*
 * Time system calls: clocks (32-bit and time64 forms), sleeps, times(),
 * the round-robin interval, and futex, whose timeouts are the other main
 * user of guest timespecs.
 */
#include <sched.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <linux/futex.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

/* Clocks: clock ids (including the negative CPU-clock encodings) mean the
 * same on the host; the translator process is the guest process. */
static long put_timespec(uint32_t addr, const struct timespec *ts, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        guest_timespec64_from_host(&g, ts);
        return guest_copy_to(addr, &g, sizeof g);
    }
    struct guest_timespec32 g;
    long r = guest_timespec32_from_host(&g, ts);
    if (r < 0)
        return r;
    return guest_copy_to(addr, &g, sizeof g);
}

static long get_timespec(struct timespec *ts, uint32_t addr, bool time64)
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

static long do_clock_gettime(const uint32_t *arg, bool time64)
{
    struct timespec ts;
    if (clock_gettime((clockid_t)arg[0], &ts) < 0)
        return -errno;
    return put_timespec(arg[1], &ts, time64);
}

long sys_clock_gettime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_gettime(arg, false);
}

long sys_clock_gettime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_gettime(arg, true);
}

static long do_clock_getres(const uint32_t *arg, bool time64)
{
    struct timespec ts;
    if (clock_getres((clockid_t)arg[0], &ts) < 0)
        return -errno;
    return arg[1] ? put_timespec(arg[1], &ts, time64) : 0;
}

long sys_clock_getres(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_getres(arg, false);
}

long sys_clock_getres_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_getres(arg, true);
}

long sys_gettimeofday(struct guest_thread *thread, const uint32_t *arg)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (arg[0]) {
        struct guest_timeval32 tv = { (int32_t)ts.tv_sec, (int32_t)(ts.tv_nsec / 1000) };
        if (guest_copy_to(arg[0], &tv, sizeof tv) < 0)
            return -EFAULT;
    }
    if (arg[1]) {
        /* The kernel's sys_tz; glibc always reports zeros nowadays. */
        struct guest_timezone tz = { 0, 0 };
        if (guest_copy_to(arg[1], &tz, sizeof tz) < 0)
            return -EFAULT;
    }
    return 0;
}

/* clock_nanosleep(clock, flags, request, remain): remain is written only
 * for an interrupted relative sleep. */
static long do_clock_nanosleep(clockid_t clock, int flags, uint32_t req_addr,
                               uint32_t rem_addr, bool time64)
{
    struct timespec req, rem;
    long r = get_timespec(&req, req_addr, time64);
    if (r < 0)
        return r;
    /* A signal already pending (safe_syscall's -GUEST_ERESTARTSYS) means
     * no time slept. Interrupted sleeps end with EINTR whatever SA_RESTART
     * says (Linux's ERESTART_RESTARTBLOCK with a handler). */
    rem = req;
    long err = safe_syscall(SYS_clock_nanosleep, clock, flags, &req, &rem);
    if (err == -GUEST_ERESTARTSYS)
        err = -EINTR;
    if (err == -EINTR && rem_addr && !(flags & TIMER_ABSTIME)) {
        if (put_timespec(rem_addr, &rem, time64) < 0)
            return -EFAULT;
    }
    return err;
}

long sys_nanosleep(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_nanosleep(CLOCK_MONOTONIC, 0, arg[0], arg[1], false);
}

long sys_clock_nanosleep(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_nanosleep((clockid_t)arg[0], (int)arg[1], arg[2], arg[3], false);
}

long sys_clock_nanosleep_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_nanosleep((clockid_t)arg[0], (int)arg[1], arg[2], arg[3], true);
}

long sys_times(struct guest_thread *thread, const uint32_t *arg)
{
    struct tms t;
    clock_t now = times(&t);
    if (now == (clock_t)-1)
        return -errno;
    if (arg[0]) {
        struct guest_tms g = { (int32_t)t.tms_utime, (int32_t)t.tms_stime,
                               (int32_t)t.tms_cutime, (int32_t)t.tms_cstime };
        if (guest_copy_to(arg[0], &g, sizeof g) < 0)
            return -EFAULT;
    }
    return (long)(uint32_t)now;
}

static long do_sched_rr_get_interval(const uint32_t *arg, bool time64)
{
    struct timespec ts;
    if (sched_rr_get_interval((pid_t)arg[0], &ts) < 0)
        return -errno;
    return put_timespec(arg[1], &ts, time64);
}

long sys_sched_rr_get_interval(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sched_rr_get_interval(arg, false);
}

long sys_sched_rr_get_interval_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sched_rr_get_interval(arg, true);
}
