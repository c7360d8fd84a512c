/* STUB: replaced by the Linux personality. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "linux/linux.h"
noreturn void linux_die_of_signal(int signo) { signal(signo, SIG_DFL); raise(signo); _exit(128 + signo); }
noreturn void linux_exit_group(int status) { _exit(status); }
void linux_syscall(struct guest_thread *thread) {}
noreturn void linux_run(struct guest_thread *thread)
{
    for (;;) {
        if (exec_run(thread) == EXEC_EXIT_SIGNAL)
            linux_die_of_signal(thread->fault.signo);
        linux_syscall(thread);
    }
}
