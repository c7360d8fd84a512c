/*
 * abort() with a SIGABRT handler that returns: the handler runs once, then
 * the process dies of SIGABRT. Compared with qemu-arm (exit status).
 */
// variants: arm-O2 thumb-O2
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void on_abort(int sig)
{
    static const char msg[] = "SIGABRT handler ran\n";
    if (write(1, msg, sizeof msg - 1) < 0)
        _exit(3);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_abort;
    sigaction(SIGABRT, &sa, NULL);
    printf("before abort\n");
    fflush(stdout);
    abort();
}
