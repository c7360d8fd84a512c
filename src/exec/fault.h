/*
 * Host fault handling: turns host SIGSEGV/SIGBUS raised by guest memory
 * accesses into guest signals.
 *
 * While thread->in_guest_code is set, a fault at a host address inside the
 * guest reservation is either a write to a write-protected code page (the
 * memory layer invalidates the code and the access is retried) or a guest
 * fault: thread->fault is filled (SIGSEGV SEGV_MAPERR/SEGV_ACCERR by the
 * guest page flags, or SIGBUS with the host's code) and control returns to
 * exec_run through thread->fault_jump. Any other fault is a translator bug:
 * one line naming the host pc and address, then abort().
 *
 * Signals sent with kill()/tgkill()/sigqueue() (si_code <= 0) are not
 * faults: they go to exec_external_signal_hook if the Linux layer set one,
 * otherwise the process dies of them as it would without a handler.
 */
#ifndef A32RUN_EXEC_FAULT_H
#define A32RUN_EXEC_FAULT_H

#include <signal.h>
#include <stdint.h>

/* Installs the SIGSEGV/SIGBUS handlers. Returns 0 or -1. */
int exec_fault_init(void);

/* Gives the calling thread its alternate signal stack (once per thread). */
void exec_fault_thread_setup(void);
/* Thread exit: gives back the alternate stack (restores the previous
 * one). No guest code may run in the thread afterwards. */
void exec_fault_thread_teardown(void);

/* Optional: receives SIGSEGV/SIGBUS that were sent, not caused by a fault. */
extern void (*exec_external_signal_hook)(int signo, siginfo_t *info, void *ucontext);

/* Host-specific (src/host/<arch>/): the program counter in a signal
 * ucontext, for the translator-bug report. */
uintptr_t host_signal_context_pc(const void *ucontext);

#endif
