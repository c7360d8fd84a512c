/*
 * Asynchronous guest signals: raise/kill/tgkill to self, blocked signals
 * left pending (sigpending) and delivered on unblock, SA_RESETHAND,
 * SA_NODEFER, nested handlers, VFP registers preserved across a handler
 * that clobbers them, sigaltstack with SA_ONSTACK, sigsuspend,
 * sigtimedwait (signal and timeout), queued real-time signals with values,
 * and SIGALRM from setitimer reaching a loop that makes no system calls.
 * Compared with qemu-arm.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static char log_buf[256];
static volatile int log_len;
static volatile int depth, max_depth, calls;

static void note(char c)
{
    if (log_len < (int)sizeof log_buf - 1)
        log_buf[log_len++] = c;
}

static void flush_log(const char *what)
{
    log_buf[log_len] = 0;
    printf("%s: %s\n", what, log_buf);
    log_len = 0;
}

static void install(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void simple(int sig)
{
    note(sig == SIGUSR1 ? '1' : sig == SIGUSR2 ? '2' : '?');
}

static void raiser(int sig)
{
    note('<');
    if (++depth > max_depth)
        max_depth = depth;
    if (++calls < 3)
        raise(sig);
    note('>');
    depth--;
}

static void outer(int sig)
{
    note('[');
    raise(SIGUSR2);
    note(']');
}

static volatile double vfp_seen;
static void clobber_vfp(int sig)
{
    double x = 0;
    __asm__ volatile("vmov.f64 d0, #1.0\n\tvmov.f64 d8, #2.0\n\tvmov.f64 d15, #3.0\n\t"
                     "vadd.f64 %P0, d8, d15" : "=w"(x) : : "d0", "d8", "d15");
    vfp_seen = x;
}

static char altstack[16384];
static volatile int on_alt;
static void alt_handler(int sig)
{
    char here;
    on_alt = &here >= altstack && &here < altstack + sizeof altstack;
}

static volatile int rt_values[8], rt_count;
static void rt_handler(int sig, siginfo_t *si, void *ctx)
{
    if (rt_count < 8)
        rt_values[rt_count++] = (sig - SIGRTMIN) * 100 + si->si_value.sival_int;
}

static volatile sig_atomic_t alarmed;
static void on_alarm(int sig)
{
    alarmed = 1;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    install(SIGUSR1, simple, 0);
    install(SIGUSR2, simple, 0);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR2);
    flush_log("raise/kill");

    sigset_t block, old, pend;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR2);
    raise(SIGUSR1);
    raise(SIGUSR1);
    note('.');
    sigpending(&pend);
    printf("pending: usr1 %d usr2 %d term %d\n", sigismember(&pend, SIGUSR1),
           sigismember(&pend, SIGUSR2), sigismember(&pend, SIGTERM));
    sigprocmask(SIG_SETMASK, &old, NULL);
    flush_log("blocked then unblocked");

    install(SIGUSR1, simple, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction cur;
    sigaction(SIGUSR1, NULL, &cur);
    printf("resethand: handler now default %d\n", cur.sa_handler == SIG_DFL);
    flush_log("resethand");

    install(SIGUSR1, raiser, SA_NODEFER);
    depth = max_depth = calls = 0;
    raise(SIGUSR1);
    flush_log("nodefer");
    printf("nodefer max depth %d\n", max_depth);
    install(SIGUSR1, raiser, 0);
    depth = max_depth = calls = 0;
    raise(SIGUSR1);
    flush_log("defer");
    printf("defer max depth %d\n", max_depth);

    install(SIGUSR1, outer, 0);
    raise(SIGUSR1);
    flush_log("nested");

    install(SIGUSR1, clobber_vfp, 0);
    double a = 0.25, b = 0.5;
    __asm__ volatile("vmov.f64 d0, %P0\n\tvmov.f64 d8, %P1\n\tvmov.f64 d15, %P0"
                     : : "w"(a), "w"(b) : "d0", "d8", "d15");
    kill(getpid(), SIGUSR1);
    double d0, d8, d15;
    __asm__ volatile("vmov.f64 %P0, d0\n\tvmov.f64 %P1, d8\n\tvmov.f64 %P2, d15"
                     : "=w"(d0), "=w"(d8), "=w"(d15));
    printf("vfp after handler: %g %g %g (handler saw %g)\n", d0, d8, d15, vfp_seen);

    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    install(SIGUSR2, alt_handler, SA_ONSTACK);
    raise(SIGUSR2);
    printf("altstack: on alt %d\n", on_alt);
    install(SIGUSR2, alt_handler, 0);
    raise(SIGUSR2);
    printf("no onstack: on alt %d\n", on_alt);
    stack_t cur_ss;
    sigaltstack(NULL, &cur_ss);
    printf("altstack query: size %u flags %d\n", (unsigned)cur_ss.ss_size, cur_ss.ss_flags);

    install(SIGUSR1, simple, 0);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);
    sigset_t empty;
    sigemptyset(&empty);
    int r = sigsuspend(&empty);
    int e = errno;
    sigprocmask(SIG_SETMASK, NULL, &pend);
    printf("sigsuspend: %d %s, usr1 blocked again %d\n", r, e == EINTR ? "EINTR" : "?",
           sigismember(&pend, SIGUSR1));
    flush_log("sigsuspend");

    raise(SIGUSR2);
    siginfo_t si;
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    r = sigtimedwait(&block, &si, &ts);
    printf("sigtimedwait: %d code %d pid ok %d\n", r, si.si_code, si.si_pid == getpid());
    r = sigtimedwait(&block, &si, &ts);
    printf("sigtimedwait timeout: %d %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
    sigprocmask(SIG_SETMASK, &old, NULL);
    flush_log("after sigtimedwait");

    struct sigaction rsa;
    memset(&rsa, 0, sizeof rsa);
    rsa.sa_sigaction = rt_handler;
    rsa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 2, &rsa, NULL);
    sigaction(SIGRTMIN + 5, &rsa, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGRTMIN + 2);
    sigaddset(&block, SIGRTMIN + 5);
    sigprocmask(SIG_BLOCK, &block, &old);
    for (int i = 1; i <= 3; i++) {
        union sigval v = { .sival_int = i };
        sigqueue(getpid(), SIGRTMIN + 5, v);
        v.sival_int = 10 + i;
        sigqueue(getpid(), SIGRTMIN + 2, v);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("rt:");
    for (int i = 0; i < rt_count; i++)
        printf(" %d", rt_values[i]);
    printf(" (%d)\n", rt_count);

    install(SIGALRM, on_alarm, 0);
    struct itimerval it = { { 0, 0 }, { 0, 30 * 1000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    unsigned long spins = 0;
    while (!alarmed)
        spins++;
    printf("alarm reached the spinning loop: %d\n", spins > 0);
    return 0;
}
