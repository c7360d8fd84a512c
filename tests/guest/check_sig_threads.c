/*
 * Signals and threads, self-checking:
 *  - signal storm: a thread blocked in read() on a pipe (SA_RESTART
 *    handler) receives STORM real-time signals queued with values by
 *    another thread; every value arrives exactly once (count and sum), and
 *    the read is restarted, never failing with EINTR; prints the figures;
 *  - latency: a signal sent to a thread spinning without system calls is
 *    handled promptly (the requirement is under 10 ms; the check allows
 *    100 ms for loaded machines and prints the measured value);
 *  - signals 32 and 33 (the guest C library's own) between threads;
 *  - the VFP registers a thread uses survive a handler that clobbers them;
 *  - (Thumb build) a read() issued by a conditional SVC inside an IT block
 *    and restarted under SA_RESTART resumes inside the IT block: the
 *    following "else" instruction stays conditional (skipped), instead of
 *    running as a flag-setting MOVS outside the block.
 * Argument: number of storm signals (default 100000).
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- storm ---- */
static volatile long storm_count;
static volatile long long storm_sum;
static volatile int storm_dup;
static unsigned char *seen;
static int pipefd[2];
static volatile pid_t reader_tid;
static volatile ssize_t read_result = -2;
static volatile int read_errno;

static void storm_handler(int sig, siginfo_t *info, void *uc)
{
    (void)sig;
    (void)uc;
    int v = info->si_value.sival_int;
    if (seen[v])
        storm_dup = 1;
    seen[v] = 1;
    storm_count++;
    storm_sum += v;
}

static void *reader(void *arg)
{
    (void)arg;
    reader_tid = (pid_t)syscall(SYS_gettid);
    char c;
    ssize_t r;
    r = read(pipefd[0], &c, 1);
    read_errno = errno;
    read_result = r;
    return NULL;
}

static int sigqueue_thread(pid_t tid, int sig, int value)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = sig;
    si.si_code = SI_QUEUE;
    si.si_pid = getpid();
    si.si_uid = getuid();
    si.si_value.sival_int = value;
    return (int)syscall(SYS_rt_tgsigqueueinfo, getpid(), tid, sig, &si);
}

static void check_storm(long storm)
{
    seen = calloc((size_t)storm + 1, 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = storm_handler;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGRTMIN + 1, &sa, NULL);
    if (pipe(pipefd) < 0)
        return;
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    while (!reader_tid)
        usleep(1000);
    usleep(10000);
    double start = now();
    long sent = 0, retries = 0;
    for (long v = 1; v <= storm; v++) {
        while (sigqueue_thread(reader_tid, SIGRTMIN + 1, (int)v) < 0) {
            if (errno != EAGAIN) {
                printf("FAIL: rt_tgsigqueueinfo: %s\n", strerror(errno));
                failures++;
                goto done;
            }
            retries++;
            sched_yield();
        }
        sent++;
    }
    /* Wait until everything is handled, then end the read. */
    for (int i = 0; i < 10000 && storm_count < sent; i++)
        usleep(1000);
done:
    if (write(pipefd[1], "x", 1) != 1)
        failures++;
    pthread_join(t, NULL);
    double elapsed = now() - start;
    long long want_sum = (long long)sent * (sent + 1) / 2;
    printf("storm: %ld signals sent (%ld queue-full retries), %ld received, %.3f s\n",
           sent, retries, (long)storm_count, elapsed);
    CHECK(sent == storm && storm_count == sent && storm_sum == want_sum && !storm_dup,
          "signal storm: %ld queued RT signals each delivered exactly once to the reader", sent);
    CHECK(read_result == 1, "read() blocked through the storm restarted under SA_RESTART "
          "(result %ld, errno %d)", (long)read_result, read_errno);
}

/* ---- latency to a spinning thread ---- */
static volatile double handled_at;
static volatile int spin_go = 1;
static volatile pid_t spinner_tid;
static void latency_handler(int sig)
{
    (void)sig;
    handled_at = now();
    spin_go = 0;
}

static void *spinner(void *arg)
{
    (void)arg;
    spinner_tid = (pid_t)syscall(SYS_gettid);
    volatile unsigned x = 0;
    while (spin_go)
        x = x * 1103515245u + 12345u;
    return NULL;
}

static void check_latency(void)
{
    signal(SIGUSR2, latency_handler);
    pthread_t t;
    pthread_create(&t, NULL, spinner, NULL);
    while (!spinner_tid)
        usleep(1000);
    usleep(20000);
    double sent_at = now();
    syscall(SYS_tgkill, getpid(), spinner_tid, SIGUSR2);
    pthread_join(t, NULL);
    double ms = (handled_at - sent_at) * 1000.0;
    printf("latency: signal to a spinning thread handled after %.3f ms\n", ms);
    CHECK(handled_at > 0 && ms < 100.0, "signal to a thread spinning without syscalls is handled promptly");
}

/* ---- signals 32 and 33 ---- */
static volatile int got32, got33;
static void low_rt_handler(int sig)
{
    if (sig == 32)
        got32++;
    if (sig == 33)
        got33++;
}

static volatile pid_t waiter_tid;
static void *waiter(void *arg)
{
    (void)arg;
    waiter_tid = (pid_t)syscall(SYS_gettid);
    while (!(got32 && got33))
        usleep(1000);
    return NULL;
}

static void check_signals_32_33(void)
{
    /* glibc's sigaction refuses 32 and 33 (they are its own): the raw
     * call, as glibc does internally, with its restorer-less ARM ABI. */
    struct {
        void (*handler)(int);
        unsigned long flags;
        void (*restorer)(void);
        unsigned long mask[2];
    } act = { low_rt_handler, 0, 0, { 0, 0 } };
    long r1 = syscall(SYS_rt_sigaction, 32, &act, NULL, 8);
    long r2 = syscall(SYS_rt_sigaction, 33, &act, NULL, 8);
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    while (!waiter_tid)
        usleep(1000);
    long k1 = syscall(SYS_tgkill, getpid(), waiter_tid, 32);
    long k2 = syscall(SYS_tgkill, getpid(), waiter_tid, 33);
    pthread_join(t, NULL);
    CHECK(r1 == 0 && r2 == 0 && k1 == 0 && k2 == 0 && got32 == 1 && got33 == 1,
          "signals 32 and 33 handled by the guest (got %d, %d)", got32, got33);
}

/* ---- VFP state across a handler ---- */
static volatile int vfp_handler_ran;
static void vfp_clobber(int sig)
{
    (void)sig;
    __asm__ volatile("vmov.f64 d8, #1.0\n\tvmov.f64 d0, #2.0\n\tvmov.f64 d15, #3.0" ::: "d0", "d8", "d15");
    vfp_handler_ran = 1;
}

static void check_vfp_preserved(void)
{
    signal(SIGUSR1, vfp_clobber);
    double before = 0, after = 0;
    __asm__ volatile("vmov.f64 d8, #0.5\n\t"
                     "vmov.f64 %P0, d8\n\t"
                     : "=w"(before) :: "d8");
    raise(SIGUSR1);
    __asm__ volatile("vmov.f64 %P0, d8" : "=w"(after));
    CHECK(vfp_handler_ran && before == 0.5 && after == 0.5,
          "callee-saved d8 survives a handler that clobbers it (%g)", after);
}

#ifdef __thumb__
static int it_pipe[2];
static volatile int it_reader_ready;
static volatile pid_t it_reader_tid;
static void it_handler(int sig)
{
    (void)sig;
}

static void *it_reader(void *arg)
{
    (void)arg;
    char c;
    it_reader_tid = (pid_t)syscall(SYS_gettid);
    it_reader_ready = 1;
    register long r0 asm("r0") = it_pipe[0];
    register void *r1 asm("r1") = &c;
    register long r2 asm("r2") = 1;
    asm volatile("push {r7}\n\t"
                 "mov r7, #3\n\t"             /* read */
                 "cmp r7, #3\n\t"             /* Z set */
                 "ite eq\n\t"
                 "svceq #0\n\t"
                 "movne r0, #99\n\t"
                 "pop {r7}\n"
                 : "+r"(r0) : "r"(r1), "r"(r2) : "memory", "cc");
    return (void *)r0;
}

static void check_restart_in_it_block(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = it_handler;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, NULL);
    if (pipe(it_pipe) < 0)
        return;
    pthread_t t;
    pthread_create(&t, NULL, it_reader, NULL);
    while (!it_reader_ready)
        usleep(1000);
    usleep(30000);
    syscall(SYS_tgkill, getpid(), it_reader_tid, SIGWINCH);
    usleep(30000);
    if (write(it_pipe[1], "z", 1) != 1)
        failures++;
    void *ret;
    pthread_join(t, &ret);
    CHECK((long)ret == 1, "thumb: read restarted inside an IT block stays in the block (r0=%ld)",
          (long)ret);
}
#endif

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    long storm = argc > 1 ? atol(argv[1]) : 100000;
    check_storm(storm);
    check_latency();
    check_signals_32_33();
    check_vfp_preserved();
#ifdef __thumb__
    check_restart_in_it_block();
#endif
    printf("%s: %d failures\n", failures ? "FAIL" : "PASS", failures);
    return failures != 0;
}
