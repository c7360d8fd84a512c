/*
 * Time system calls: clocks (32-bit and time64 forms), sleeps, times(),
 * clock adjustment (adjtimex, clock_adjtime with the 32-bit and the
 * time64 struct timex), and the scheduler calls with time-like
 * parameters: the round-robin interval and sched_attr (whose deadline
 * fields are nanoseconds). Futexes are in sys_futex.c, POSIX timers in
 * sys_timer.c.
 */
#include <sched.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

/* Clocks: clock ids (including the negative CPU-clock encodings) mean the
 * same on the host; the translator process is the guest process. */
static long do_clock_gettime(const uint32_t *arg, bool time64)
{
    struct timespec ts;
    if (clock_gettime((clockid_t)arg[0], &ts) < 0)
        return -errno;
    return guest_timespec_write(arg[1], &ts, time64);
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
    return arg[1] ? guest_timespec_write(arg[1], &ts, time64) : 0;
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

/* settimeofday(tv, tz) and clock_settime(clock, tp): the host kernel
 * checks privilege and the values, as for a native 32-bit process. */
long sys_settimeofday(struct guest_thread *thread, const uint32_t *arg)
{
    struct timeval tv;
    struct guest_timezone tz;           /* two ints: the host's layout too */
    if (arg[0]) {
        struct guest_timeval32 guest_tv;
        if (guest_copy_from(&guest_tv, arg[0], sizeof guest_tv) < 0)
            return -EFAULT;
        tv.tv_sec = guest_tv.tv_sec;
        tv.tv_usec = guest_tv.tv_usec;
    }
    if (arg[1] && guest_copy_from(&tz, arg[1], sizeof tz) < 0)
        return -EFAULT;
    long r = syscall(SYS_settimeofday, arg[0] ? &tv : NULL, arg[1] ? &tz : NULL);
    return r < 0 ? -errno : 0;
}

static long do_clock_settime(const uint32_t *arg, bool time64)
{
    struct timespec ts;
    long r = guest_timespec_read(&ts, arg[1], time64);
    if (r < 0)
        return r;
    r = syscall(SYS_clock_settime, (clockid_t)arg[0], &ts);
    return r < 0 ? -errno : 0;
}

long sys_clock_settime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_settime(arg, false);
}

long sys_clock_settime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_clock_settime(arg, true);
}

/* clock_nanosleep(clock, flags, request, remain): remain is written only
 * for an interrupted relative sleep. */
static long do_clock_nanosleep(clockid_t clock, int flags, uint32_t req_addr,
                               uint32_t rem_addr, bool time64)
{
    struct timespec req, rem;
    long r = guest_timespec_read(&req, req_addr, time64);
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
        if (guest_timespec_write(rem_addr, &rem, time64) < 0)
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
    return guest_timespec_write(arg[1], &ts, time64);
}

long sys_sched_rr_get_interval(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sched_rr_get_interval(arg, false);
}

long sys_sched_rr_get_interval_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sched_rr_get_interval(arg, true);
}

/* ---- adjtimex, clock_adjtime, clock_adjtime64 ----
 * The host kernel validates and applies (CAP_SYS_TIME for any change);
 * the clock ids are the same. The 32-bit struct timex is converted as the
 * kernel's get_old_timex32/put_old_timex32 do. */

/* adjtimex of a 32-bit kernel (sys_adjtimex_time32) writes the structure
 * back even when do_adjtimex fails; clock_adjtime only on success. */
static long do_adjtime32(clockid_t clock, uint32_t addr, bool copy_back_on_error)
{
    struct guest_timex32 g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    struct timex host;
    guest_timex32_to_host(&host, &g);
    long r = host_result(syscall(SYS_clock_adjtime, clock, &host));
    if (r >= 0 || copy_back_on_error) {
        guest_timex32_from_host(&g, &host);
        if (guest_copy_to(addr, &g, sizeof g) < 0)
            return -EFAULT;
    }
    return r;
}

long sys_adjtimex(struct guest_thread *thread, const uint32_t *arg)
{
    return do_adjtime32(CLOCK_REALTIME, arg[0], true);
}

long sys_clock_adjtime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_adjtime32((clockid_t)arg[0], arg[1], false);
}

/* struct __kernel_timex is the host's struct timex byte for byte (64-bit
 * fields, the same explicit padding): copied through. */
_Static_assert(sizeof(struct timex) == sizeof(struct guest_timex64) &&
               offsetof(struct timex, tick) == offsetof(struct guest_timex64, tick) &&
               offsetof(struct timex, tai) == offsetof(struct guest_timex64, tai),
               "host struct timex differs from __kernel_timex");

long sys_clock_adjtime64(struct guest_thread *thread, const uint32_t *arg)
{
    struct timex host;
    if (guest_copy_from(&host, arg[1], sizeof host) < 0)
        return -EFAULT;
    long r = host_result(syscall(SYS_clock_adjtime, (clockid_t)arg[0], &host));
    if (r >= 0 && guest_copy_to(arg[1], &host, sizeof host) < 0)
        return -EFAULT;
    return r;
}

/* ---- sched_setattr, sched_getattr ----
 * struct sched_attr has the same bytes on ARM and the hosts
 * (struct guest_sched_attr); it is size-versioned, so the guest's bytes
 * go to the host kernel in a page-sized buffer with the guest's size, and
 * the kernel's own size rules apply: 0 means VER0 (48), sizes below 48 or
 * above the page size are E2BIG with the kernel's size written back, a
 * larger struct is accepted when its extra bytes are zero. The page size
 * in those rules is the guest's 4096, also on hosts with larger pages. */
long sys_sched_setattr(struct guest_thread *thread, const uint32_t *arg)
{
    if (!arg[1] || (int32_t)arg[0] < 0 || arg[2])
        return -EINVAL;
    uint32_t size;
    if (guest_copy_from(&size, arg[1], sizeof size) < 0)
        return -EFAULT;
    static __thread uint8_t buf[GUEST_PAGE_SIZE];
    memset(buf, 0, sizeof buf);
    uint32_t copy = size ? size : GUEST_SCHED_ATTR_SIZE_VER0;
    if (copy >= GUEST_SCHED_ATTR_SIZE_VER0 && copy <= GUEST_PAGE_SIZE) {
        if (guest_copy_from(buf, arg[1], copy) < 0)
            return -EFAULT;
    } else {
        /* The host refuses it too (a size beyond any host page size) and
         * writes its sizeof(struct sched_attr) back into the buffer. */
        uint32_t too_big = size < GUEST_SCHED_ATTR_SIZE_VER0 ? size : UINT32_MAX;
        memcpy(buf, &too_big, sizeof too_big);
    }
    long r = host_result(syscall(SYS_sched_setattr, (pid_t)arg[0], buf, 0));
    if (r == -E2BIG) {
        /* put_user of the kernel's size; its failure is ignored there too */
        guest_copy_to(arg[1], buf, sizeof size);
    }
    return r;
}

long sys_sched_getattr(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t usize = arg[2];
    if (!arg[1] || (int32_t)arg[0] < 0 || usize > GUEST_PAGE_SIZE ||
        usize < GUEST_SCHED_ATTR_SIZE_VER0 || arg[3])
        return -EINVAL;
    static __thread uint8_t buf[GUEST_PAGE_SIZE];
    memset(buf, 0, sizeof buf);
    long r = host_result(syscall(SYS_sched_getattr, (pid_t)arg[0], buf, usize, 0));
    if (r < 0)
        return r;
    /* The kernel copies min(usize, its size) bytes and says so in size. */
    uint32_t copied;
    memcpy(&copied, buf, sizeof copied);
    if (copied > usize)
        copied = usize;
    return guest_copy_to(arg[1], buf, copied) < 0 ? -EFAULT : 0;
}
