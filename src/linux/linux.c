/*
 * The Linux personality's run loop and process-level exits: linux_run()
 * alternates between the executor and the syscall layer; guest signals
 * raised by guest code terminate the process the way the guest would have
 * died (signal delivery to guest handlers comes with the signal layer).
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "linux/linux.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "linux/thread.h"
#include "mem/guest_mem.h"
#include "options.h"

__thread struct linux_thread_state linux_thread;
struct guest_sigaction linux_sigactions[GUEST_NSIG + 1];
const char *linux_exe_path;

void linux_set_exe_path(const char *path)
{
    char *resolved = realpath(path, NULL);
    linux_exe_path = resolved ? resolved : strdup(path);
}

/* Without linux_set_exe_path(), the program path comes from AT_EXECFN of
 * the initial guest stack (argc, argv, NULL, envp, NULL, auxv pairs), made
 * absolute against the current directory, which is still a32run's start
 * directory. */
#define GUEST_AT_NULL 0u
#define GUEST_AT_EXECFN 31u
static void exe_path_from_initial_stack(uint32_t sp)
{
    uint32_t argc, word, pair[2];
    if (guest_copy_from(&argc, sp, 4) < 0 || argc > 0x100000u)
        return;
    uint32_t at = sp + 4 + (argc + 1) * 4;
    for (unsigned i = 0; i < 0x100000u; i++, at += 4) {     /* envp */
        if (guest_copy_from(&word, at, 4) < 0)
            return;
        if (word == 0)
            break;
    }
    for (at += 4; guest_copy_from(pair, at, 8) == 0 && pair[0] != GUEST_AT_NULL; at += 8) {
        if (pair[0] == GUEST_AT_EXECFN) {
            long len = guest_strlen_checked(pair[1], GUEST_PATH_MAX);
            if (len > 1)
                linux_set_exe_path(guest_to_host(pair[1]));
            return;
        }
    }
}

static void print_stats_if_asked(void)
{
    if (a32run_options.stats)
        exec_print_stats(2);
}

noreturn void linux_exit_group(int status)
{
    linux_threads_process_exit();
    linux_strace_process_end(status & 0xff, 0);
    print_stats_if_asked();
    _exit(status & 0xff);
}

noreturn void linux_die_of_signal(int signo)
{
    linux_threads_process_exit();
    linux_strace_process_end(0, signo);
    print_stats_if_asked();
    /* No core file from the translator: it would show a32run, not the
     * guest, and can be huge (the 4 GiB reservation). */
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    /* Raw calls: the host C library would refuse signals 32 and 33. The
     * kernel's struct sigaction starts with the handler; SIG_DFL needs no
     * restorer. */
    if (signo > 0 && signo <= 64) {
        if (signo != SIGKILL && signo != SIGSTOP) {
            unsigned long dfl[4] = { 0, 0, 0, 0 };     /* SIG_DFL, no flags */
            syscall(SYS_rt_sigaction, signo, dfl, NULL, 8);
        }
        uint64_t unblock = 1ull << (signo - 1);
        syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &unblock, NULL, 8);
        syscall(SYS_tgkill, getpid(), gettid(), signo);
    }
    _exit(128 + (signo & 0x7f));
}

noreturn void linux_force_signal(struct guest_thread *thread, int signo)
{
    (void)thread;
    linux_die_of_signal(signo);
}

noreturn void linux_run(struct guest_thread *thread)
{
    if (!linux_exe_path)
        exe_path_from_initial_stack(thread->cpu.r[13]);
    linux_signal_state_init();
    linux_thread_init_main(thread);
    linux_thread_loop(thread);
    /* Only other threads return from their loop. */
    abort();
}

void linux_thread_loop(struct guest_thread *thread)
{
    for (;;) {
        switch (exec_run(thread)) {
        case EXEC_EXIT_SYSCALL: {
            /* The kernel's ARM sigreturn sequences (sigpage, frame
             * retcode) use "swi #0x900000+nr" with r7 = nr. */
            if (thread->svc_imm == 0x900000u + thread->cpu.r[7] &&
                (thread->cpu.r[7] == 119 || thread->cpu.r[7] == 173))
                thread->svc_imm = 0;
            if (thread->svc_imm != 0) {
                /* OABI encodes the number in the SVC immediate; EABI
                 * programs always use svc #0. */
                char line[96];
                int n = snprintf(line, sizeof line,
                                 "a32run: OABI system call (svc #0x%x) is not supported\n",
                                 thread->svc_imm);
                ssize_t ignored = write(2, line, (size_t)n);
                (void)ignored;
                linux_force_signal(thread, SIGILL);
            }
            uint32_t nr = thread->cpu.r[7], orig_r0 = thread->cpu.r[0];
            linux_syscall(thread);
            signal_after_syscall(thread, nr, orig_r0);
            break;
        }
        case EXEC_EXIT_SIGNAL:
            signal_handle_fault(thread);
            break;
        case EXEC_EXIT_INTERRUPT:
            signal_deliver_pending(thread);
            break;
        }
    }
}
