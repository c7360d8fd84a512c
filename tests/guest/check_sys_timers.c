/*
 * POSIX timers with the 32-bit ABI, self-checking: timer_create with
 * SIGEV_SIGNAL (a handler sees si_code SI_TIMER, si_timerid = the kernel
 * id, si_value, si_overrun), SIGEV_NONE (counts down, no signal),
 * SIGEV_THREAD_ID to this thread (sigwaitinfo), a NULL sigevent (SIGALRM
 * with si_value = the id), glibc's SIGEV_THREAD (a helper thread woken by
 * signal 32); timer_settime relative and absolute with the old value
 * returned, timer_gettime, timer_getoverrun after a periodic timer ran
 * blocked, timer_delete; errors as Linux gives them (EINVAL for a bad
 * clock, signal, notify kind, thread id, timer id, nanoseconds or a NULL
 * new value; EFAULT for bad sigevent, id and itimerspec pointers).
 * Raw syscalls for the settime/gettime forms: the 32-bit ones here,
 * timer_settime64/timer_gettime64 in the _t64 build (glibc's own wrappers
 * use the time64 calls in both builds, and are also exercised).
 * qemu-arm 7.2 differs: it hands the guest its own encoded timer ids
 * (0xcafe0000 | index) rather than the kernel's, so si_timerid (and the
 * si_value of a NULL-sigevent timer, which Linux sets to the id) disagree
 * with the id timer_create returned there.
 */
// variants: arm-O2 thumb-O2
// cflags: -pthread
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "check.h"

#if defined(_TIME_BITS) && _TIME_BITS == 64
#define FORM "timer_*time64"
struct kts { int64_t sec, nsec; };
#define NR_SETTIME __NR_timer_settime64
#define NR_GETTIME __NR_timer_gettime64
#else
#define FORM "timer_*time"
struct kts { int32_t sec, nsec; };
#define NR_SETTIME __NR_timer_settime
#define NR_GETTIME __NR_timer_gettime
#endif
struct kitspec { struct kts interval, value; };

/* The guest's struct sigevent: 64 bytes, sigval, signo, notify, tid. */
struct ksigevent {
    uint32_t value;
    int32_t signo, notify;
    int32_t tid;
    int32_t pad[12];
};
_Static_assert(sizeof(struct ksigevent) == 64, "ARM sigevent");

static long k_create(clockid_t clock, struct ksigevent *ev, int *id)
{
    return syscall(__NR_timer_create, clock, ev, id);
}

static long k_settime(int id, int flags, long long interval_ns, long long value_ns,
                      struct kitspec *old)
{
    struct kitspec n = { { interval_ns / 1000000000, interval_ns % 1000000000 },
                         { value_ns / 1000000000, value_ns % 1000000000 } };
    return syscall(NR_SETTIME, id, flags, &n, old);
}

static long long ns_of(struct kts t)
{
    return (long long)t.sec * 1000000000LL + t.nsec;
}

static volatile sig_atomic_t handler_calls;
static volatile int handler_code, handler_timerid, handler_value, handler_overrun;

static void on_timer(int sig, siginfo_t *si, void *uc)
{
    handler_calls++;
    handler_code = si->si_code;
    handler_timerid = si->si_timerid;
    handler_value = si->si_value.sival_int;
    handler_overrun = si->si_overrun;
}

static void test_signal_handler(void)
{
    int sig = SIGRTMIN + 3;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_timer;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
    struct ksigevent ev = { 0 };
    ev.value = 0x12345678;
    ev.signo = sig;
    ev.notify = SIGEV_SIGNAL;
    int id = -1;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) == 0 && id >= 0, "timer_create SIGEV_SIGNAL (id %d)", id);
    struct kitspec old;
    memset(&old, 0x55, sizeof old);
    CHECK(k_settime(id, 0, 0, 20000000, &old) == 0, FORM ": settime 20 ms relative");
    CHECK(ns_of(old.value) == 0 && ns_of(old.interval) == 0, "old value of a new timer is zero");
    struct timespec limit = { 2, 0 };
    while (!handler_calls && nanosleep(&limit, &limit) < 0 && errno == EINTR)
        if (handler_calls)
            break;
    CHECK(handler_calls == 1, "handler ran once (%d)", (int)handler_calls);
    CHECK(handler_code == SI_TIMER, "si_code SI_TIMER (%d)", handler_code);
    CHECK(handler_value == 0x12345678, "si_value 0x%x", handler_value);
    CHECK_HOSTDEP(handler_timerid == id, "si_timerid %d = id %d", handler_timerid, id);
    CHECK(handler_overrun == 0, "si_overrun 0 (%d)", handler_overrun);
    struct kitspec cur;
    CHECK(syscall(NR_GETTIME, id, &cur) == 0 && ns_of(cur.value) == 0, FORM ": expired one-shot reads 0");
    CHECK(syscall(__NR_timer_delete, id) == 0, "timer_delete");
    CHECK(syscall(__NR_timer_delete, id) < 0 && errno == EINVAL, "timer_delete twice: EINVAL");
    signal(sig, SIG_DFL);
}

static void test_none_and_settime(void)
{
    struct ksigevent ev = { 0 };
    ev.notify = SIGEV_NONE;
    int id = -1;
    CHECK(k_create(CLOCK_REALTIME, &ev, &id) == 0, "timer_create SIGEV_NONE");
    CHECK(k_settime(id, 0, 250000000, 10000000000LL, NULL) == 0, FORM ": arm 10 s, interval 0.25 s");
    struct kitspec cur;
    CHECK(syscall(NR_GETTIME, id, &cur) == 0, FORM ": gettime");
    CHECK(ns_of(cur.value) > 9000000000LL && ns_of(cur.value) <= 10000000000LL,
          "remaining %lld ns within (9 s, 10 s]", ns_of(cur.value));
    CHECK(ns_of(cur.interval) == 250000000, "interval 0.25 s (%lld)", ns_of(cur.interval));
    struct kitspec old;
    CHECK(k_settime(id, 0, 0, 0, &old) == 0 && ns_of(old.interval) == 250000000 &&
          ns_of(old.value) > 9000000000LL, "disarm returns the old setting");
    /* absolute: one hour from now on CLOCK_REALTIME */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long long abs_ns = ((long long)now.tv_sec + 3600) * 1000000000LL;
    CHECK(k_settime(id, TIMER_ABSTIME, 0, abs_ns, NULL) == 0, FORM ": TIMER_ABSTIME");
    CHECK(syscall(NR_GETTIME, id, &cur) == 0 && ns_of(cur.value) > 3590000000000LL &&
          ns_of(cur.value) <= 3600000000000LL, "absolute timer: about an hour left");
    /* errors */
    struct kitspec bad = { { 0, 0 }, { 1, 1000000000 } };
    errno = 0;
    CHECK(syscall(NR_SETTIME, id, 0, &bad, NULL) < 0 && errno == EINVAL, "nsec 1e9: EINVAL");
    errno = 0;
    CHECK(syscall(NR_SETTIME, id, 0, NULL, NULL) < 0 && errno == EINVAL, "NULL new value: EINVAL");
    errno = 0;
    CHECK(syscall(NR_SETTIME, id, 0, (void *)16, NULL) < 0 && errno == EFAULT, "bad new pointer: EFAULT");
    errno = 0;
    CHECK(syscall(NR_GETTIME, id, (void *)16) < 0 && errno == EFAULT, "bad gettime pointer: EFAULT");
    errno = 0;
    CHECK(k_settime(id + 1000, 0, 0, 1000000, NULL) < 0 && errno == EINVAL, "unknown id: EINVAL");
    errno = 0;
    CHECK(syscall(NR_GETTIME, 0x7fff0000, &cur) < 0 && errno == EINVAL, "gettime unknown id: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_timer_getoverrun, 0x7fff0000) < 0 && errno == EINVAL, "getoverrun unknown id: EINVAL");
    CHECK(syscall(__NR_timer_delete, id) == 0, "timer_delete SIGEV_NONE timer");
}

static void test_thread_id_and_overrun(void)
{
    int sig = SIGRTMIN + 4;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct ksigevent ev = { 0 };
    ev.value = 77;
    ev.signo = sig;
    ev.notify = SIGEV_THREAD_ID;
    ev.tid = gettid();
    int id = -1;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) == 0, "timer_create SIGEV_THREAD_ID (own tid)");
    CHECK(k_settime(id, 0, 1000000, 1000000, NULL) == 0, "periodic 1 ms timer");
    struct timespec pause_ts = { 0, 60000000 };
    nanosleep(&pause_ts, NULL);
    siginfo_t si;
    struct timespec wait = { 2, 0 };
    int got = sigtimedwait(&set, &si, &wait);
    CHECK(got == sig, "sigtimedwait got the timer signal (%d)", got);
    CHECK(si.si_code == SI_TIMER && si.si_value.sival_int == 77, "SI_TIMER, value 77 (%d, %d)",
          si.si_code, si.si_value.sival_int);
    CHECK(si.si_overrun > 10, "si_overrun counts missed expiries (%d)", si.si_overrun);
    CHECK_HOSTDEP(si.si_timerid == id, "si_timerid %d = id %d", si.si_timerid, id);
    long over = syscall(__NR_timer_getoverrun, id);
    CHECK(over == si.si_overrun, "timer_getoverrun = si_overrun (%ld)", over);
    syscall(__NR_timer_delete, id);
    while (sigtimedwait(&set, &si, &(struct timespec){ 0, 0 }) == sig)
        ;
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    ev.tid = 0x7ffffff0;
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) < 0 && errno == EINVAL, "SIGEV_THREAD_ID unknown tid: EINVAL");
}

static void test_default_sigevent(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int id = -1;
    CHECK(k_create(CLOCK_MONOTONIC, NULL, &id) == 0, "timer_create NULL sigevent");
    k_settime(id, 0, 0, 1000000, NULL);
    siginfo_t si;
    struct timespec wait = { 2, 0 };
    CHECK(sigtimedwait(&set, &si, &wait) == SIGALRM, "default: SIGALRM");
    CHECK(si.si_code == SI_TIMER, "default: SI_TIMER");
    CHECK_HOSTDEP(si.si_value.sival_int == id, "default: si_value = id (%d, %d)", si.si_value.sival_int, id);
    syscall(__NR_timer_delete, id);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static volatile int thread_notified;
static void on_thread_notify(union sigval v)
{
    __atomic_add_fetch(&thread_notified, v.sival_int, __ATOMIC_SEQ_CST);
}

static void test_libc_sigev_thread(void)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_thread_notify;
    ev.sigev_value.sival_int = 5;
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0, "glibc timer_create SIGEV_THREAD");
    struct itimerspec its = { { 0, 0 }, { 0, 10000000 } };
    CHECK(timer_settime(t, 0, &its, NULL) == 0, "glibc timer_settime");
    for (int i = 0; i < 200 && !__atomic_load_n(&thread_notified, __ATOMIC_SEQ_CST); i++)
        usleep(10000);
    CHECK(thread_notified == 5, "SIGEV_THREAD callback ran with its value (%d)", thread_notified);
    struct itimerspec cur;
    CHECK(timer_gettime(t, &cur) == 0 && cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0,
          "glibc timer_gettime after expiry");
    CHECK(timer_delete(t) == 0, "glibc timer_delete");
}

static void test_create_errors(void)
{
    struct ksigevent ev = { 0 };
    int id;
    ev.notify = SIGEV_SIGNAL;
    ev.signo = SIGUSR1;
    errno = 0;
    CHECK(k_create((clockid_t)1234, &ev, &id) < 0 && errno == EINVAL, "bad clock: EINVAL");
    ev.signo = 65;
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) < 0 && errno == EINVAL, "signal 65: EINVAL");
    ev.signo = 0;
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) < 0 && errno == EINVAL, "signal 0: EINVAL");
    ev.signo = SIGUSR1;
    ev.notify = 99;
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) < 0 && errno == EINVAL, "notify 99: EINVAL");
    ev.notify = SIGEV_SIGNAL;
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, (void *)16, &id) < 0 && errno == EFAULT, "bad sigevent: EFAULT");
    errno = 0;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, NULL) < 0 && errno == EFAULT, "NULL id pointer: EFAULT");
    /* Signal 32 (glibc's SIGTIMER/SIGCANCEL, which a32run takes over from
     * the host C library) directed at this thread: process-directed it
     * could land in glibc's SIGEV_THREAD helper, which owns signal 32. */
    uint64_t set = 1ull << 31, old_set;
    syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, &old_set, 8);
    ev.signo = 32;
    ev.notify = SIGEV_THREAD_ID;
    ev.tid = gettid();
    ev.value = 32;
    id = -1;
    CHECK(k_create(CLOCK_MONOTONIC, &ev, &id) == 0, "signal 32 accepted");
    k_settime(id, 0, 0, 1000000, NULL);
    siginfo_t si;
    struct kts wait = { 2, 0 };
#if defined(_TIME_BITS) && _TIME_BITS == 64
    long got = syscall(__NR_rt_sigtimedwait_time64, &set, &si, &wait, 8);
#else
    long got = syscall(__NR_rt_sigtimedwait, &set, &si, &wait, 8);
#endif
    CHECK(got == 32 && si.si_code == SI_TIMER && si.si_value.sival_int == 32,
          "signal 32 delivered (%ld, code %d)", got, si.si_code);
    syscall(__NR_timer_delete, id);
    syscall(__NR_rt_sigprocmask, SIG_SETMASK, &old_set, NULL, 8);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_signal_handler();
    test_none_and_settime();
    test_thread_id_and_overrun();
    test_default_sigevent();
    test_libc_sigev_thread();
    test_create_errors();
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
