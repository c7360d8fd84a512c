/*
 * A signal during a blocking read on an empty pipe: without SA_RESTART the
 * read fails with EINTR; with SA_RESTART it is restarted and returns the
 * byte the handler wrote. Also nanosleep interrupted by a handler (EINTR,
 * remaining time written) and pause() returning EINTR. The signal comes
 * from setitimer. Compared with qemu-arm.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static volatile int handled;

static void on_alarm(int sig)
{
    handled++;
    if (handled == 2) {
        char c = 'x';
        if (write(fds[1], &c, 1) != 1)
            handled = 100;
    }
}

static void arm_timer(void)
{
    struct itimerval it = { { 0, 0 }, { 0, 20 * 1000 } };
    setitimer(ITIMER_REAL, &it, NULL);
}

static void install(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
}

int main(void)
{
    if (pipe(fds) < 0)
        return 1;
    char buf[4];
    install(0);
    arm_timer();
    ssize_t n = read(fds[0], buf, sizeof buf);
    printf("read without SA_RESTART: %zd %s handled %d\n", n, n < 0 && errno == EINTR ? "EINTR" : "?", handled);

    install(SA_RESTART);
    arm_timer();
    n = read(fds[0], buf, sizeof buf);
    printf("read with SA_RESTART: %zd '%c' handled %d\n", n, n == 1 ? buf[0] : '?', handled);

    arm_timer();
    struct timespec req = { 5, 0 }, rem = { 0, 0 };
    int r = nanosleep(&req, &rem);
    printf("nanosleep: %d %s remaining plausible %d handled %d\n", r, r < 0 && errno == EINTR ? "EINTR" : "?",
           rem.tv_sec >= 3 && rem.tv_sec <= 5, handled);

    arm_timer();
    r = pause();
    printf("pause: %d %s handled %d\n", r, errno == EINTR ? "EINTR" : "?", handled);
    return 0;
}
