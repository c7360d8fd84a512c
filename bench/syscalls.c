/*
 * syscalls: system-call micro-benchmarks, built for the guest (static
 * armhf) and for the host, so the difference of their times per call is
 * what translation adds to each call.
 *
 * Usage: syscalls TEST [ITERATIONS]
 *   getpid     syscall(SYS_getpid)
 *   pipe       write 1 byte to a pipe and read it back (one pair per call)
 *   readv      readv of 8 iovecs of 16 bytes from /dev/zero
 *   stat       stat("/tmp")
 *   clock      clock_gettime(CLOCK_MONOTONIC) (the vDSO where there is one)
 *   futex      a futex wake/wait round trip between two threads
 *   signal     kill(self, SIGUSR1): delivered, handled, returned from
 * Prints "TEST ns_per_call N.NN iterations K clock cpu|wall". A tenth of
 * the iterations runs first, untimed, so that code is translated before it
 * is measured. The time is the process's CPU time (user + system), which
 * other load on a shared machine disturbs far less than elapsed time; the
 * futex test, whose cost is mostly the sleeping and waking, uses elapsed
 * time.
 * Exit status 1 with a message on stderr if a call fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "syscalls: %s: %s\n", what, strerror(errno));
    exit(1);
}

static double now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* ---- one call per iteration ------------------------------------------- */

static void run_getpid(long n)
{
    for (long i = 0; i < n; i++)
        if (syscall(SYS_getpid) <= 0)
            die("getpid");
}

static int pipe_fds[2];
static void run_pipe(long n)
{
    char c = 'x';
    for (long i = 0; i < n; i++) {
        if (write(pipe_fds[1], &c, 1) != 1)
            die("write");
        if (read(pipe_fds[0], &c, 1) != 1)
            die("read");
    }
}

static int zero_fd;
static void run_readv(long n)
{
    char buf[8][16];
    struct iovec iov[8];
    for (int k = 0; k < 8; k++) {
        iov[k].iov_base = buf[k];
        iov[k].iov_len = sizeof buf[k];
    }
    for (long i = 0; i < n; i++)
        if (readv(zero_fd, iov, 8) != (ssize_t)sizeof buf)
            die("readv");
}

static void run_stat(long n)
{
    struct stat st;
    for (long i = 0; i < n; i++)
        if (stat("/tmp", &st) != 0)
            die("stat");
}

static void run_clock(long n)
{
    struct timespec ts;
    for (long i = 0; i < n; i++)
        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
            die("clock_gettime");
}

/* ---- futex ping-pong ---------------------------------------------------
 * turn is 0 while the main thread may go on, 1 while the partner may.
 * Each round: main hands over (1, wake), the partner hands back (0, wake);
 * each side sleeps in FUTEX_WAIT while it is not its turn. */
static _Atomic int turn;
static long futex_rounds;

static long futex_op(_Atomic int *addr, int op, int val)
{
    return syscall(SYS_futex, (int *)addr, op | FUTEX_PRIVATE_FLAG, val, NULL, NULL, 0);
}

static void *futex_partner(void *unused)
{
    (void)unused;
    for (long i = 0; i < futex_rounds; i++) {
        while (atomic_load(&turn) == 0)
            futex_op(&turn, FUTEX_WAIT, 0);
        atomic_store(&turn, 0);
        futex_op(&turn, FUTEX_WAKE, 1);
    }
    return NULL;
}

static void run_futex(long n)
{
    pthread_t partner;
    futex_rounds = n;
    atomic_store(&turn, 0);
    int err = pthread_create(&partner, NULL, futex_partner, NULL);
    if (err) {
        errno = err;
        die("pthread_create");
    }
    for (long i = 0; i < n; i++) {
        atomic_store(&turn, 1);
        futex_op(&turn, FUTEX_WAKE, 1);
        while (atomic_load(&turn) == 1)
            futex_op(&turn, FUTEX_WAIT, 1);
    }
    pthread_join(partner, NULL);
}

/* ---- signal delivery ---------------------------------------------------- */
static volatile sig_atomic_t signals_seen;
static void on_usr1(int sig)
{
    (void)sig;
    signals_seen++;
}

static pid_t self_pid;
static void run_signal(long n)
{
    long before = signals_seen;
    for (long i = 0; i < n; i++)
        if (syscall(SYS_kill, self_pid, SIGUSR1) != 0)
            die("kill");
    if (signals_seen - before != n) {
        fprintf(stderr, "syscalls: signal: %ld delivered of %ld\n",
                (long)(signals_seen - before), n);
        exit(1);
    }
}

/* ------------------------------------------------------------------------ */
static const struct test {
    const char *name;
    void (*run)(long n);
    long default_n;
    bool elapsed;           /* elapsed time, not CPU time */
} tests[] = {
    { "getpid", run_getpid, 200000, false },
    { "pipe", run_pipe, 50000, false },
    { "readv", run_readv, 100000, false },
    { "stat", run_stat, 50000, false },
    { "clock", run_clock, 500000, false },
    { "futex", run_futex, 10000, true },
    { "signal", run_signal, 50000, false },
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: syscalls TEST [ITERATIONS]\n");
        return 2;
    }
    const struct test *t = NULL;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        if (!strcmp(argv[1], tests[i].name))
            t = &tests[i];
    if (!t) {
        fprintf(stderr, "syscalls: unknown test %s\n", argv[1]);
        return 2;
    }
    long n = argc > 2 ? atol(argv[2]) : t->default_n;
    if (n < 10)
        n = 10;

    if (pipe(pipe_fds) != 0)
        die("pipe");
    zero_fd = open("/dev/zero", O_RDONLY);
    if (zero_fd < 0)
        die("/dev/zero");
    self_pid = getpid();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, NULL) != 0)
        die("sigaction");

    clockid_t clock = t->elapsed ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID;
    t->run(n / 10);
    double t0 = now_ns(clock);
    t->run(n);
    double t1 = now_ns(clock);
    printf("%s ns_per_call %.2f iterations %ld clock %s\n", t->name, (t1 - t0) / (double)n, n,
           t->elapsed ? "wall" : "cpu");
    return 0;
}
