/*
 * Race-free blocking host system calls for guest syscall handlers.
 *
 * A guest signal that arrives just before a blocking host call enters the
 * kernel would otherwise be recorded by the host handler and then wait
 * until the call returns by itself (possibly never). safe_syscall() checks
 * the thread's signal_pending flag and then executes the syscall
 * instruction (host assembly, src/host/<arch>/safe_syscall.S); the host
 * signal handler calls safe_syscall_rewind(), which moves a thread caught
 * between the check and the syscall instruction to a path returning
 * -GUEST_ERESTARTSYS. A call the kernel interrupts returns -EINTR (the
 * host handlers have no SA_RESTART), which safe_syscall() also reports as
 * -GUEST_ERESTARTSYS when a guest signal is pending.
 *
 * Usage in a handler: long r = safe_syscall(SYS_read, fd, buf, len);
 * return r;  (result or -errno; -GUEST_ERESTARTSYS goes back to the run
 * loop, which restarts the guest call under SA_RESTART or returns EINTR).
 * Calls Linux never restarts (poll, nanosleep, ...) should map
 * -GUEST_ERESTARTSYS to -GUEST_ERESTARTNOHAND (or write the remaining time
 * and return -EINTR), as the kernel does.
 */
#ifndef A32RUN_LINUX_SAFE_SYSCALL_H
#define A32RUN_LINUX_SAFE_SYSCALL_H

#include <stdbool.h>

#include "linux/signal.h"

/* Host assembly: returns the raw kernel result (-errno), or
 * -GUEST_ERESTARTSYS if *pending was set before the call entered the
 * kernel. */
long safe_syscall_base(const volatile int *pending, long nr, long a1, long a2,
                       long a3, long a4, long a5, long a6);

/* Host-specific: called from host signal handlers with their ucontext. */
void safe_syscall_rewind(void *ucontext);

long safe_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#define SAFE_SYSCALL_ARGS_(nr, a1, a2, a3, a4, a5, a6, ...) \
    safe_syscall6((long)(nr), (long)(a1), (long)(a2), (long)(a3), (long)(a4), \
                  (long)(a5), (long)(a6))
#define safe_syscall(...) SAFE_SYSCALL_ARGS_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)

#endif
