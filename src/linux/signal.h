/*
 * Guest signal delivery: synchronous faults, asynchronous signals recorded
 * by host handlers, default actions, the guest mask mirrored on the host,
 * and the syscall restart rules (ERESTART* results never reach the guest).
 */
#ifndef A32RUN_LINUX_SIGNAL_H
#define A32RUN_LINUX_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "exec/exec.h"
#include "linux/guest_abi.h"

/* Kernel-internal results a handler may return (include/linux/errno.h):
 * the run loop turns them into a restart or -EINTR. */
#define GUEST_ERESTARTSYS 512
#define GUEST_ERESTARTNOINTR 513
#define GUEST_ERESTARTNOHAND 514
#define GUEST_ERESTART_RESTARTBLOCK 516

/* Guest signal number <-> host signal number. Guest 1..31 and 34..64 map
 * to the same host numbers; guest 32 and 33 have no host counterpart (the
 * host C library keeps them) and work only when sent by a thread to its
 * own process through the syscall layer. Returns 0 when unmapped. */
int signal_guest_to_host(int guest_signo);
int signal_host_to_guest(int host_signo);

/* Run loop hooks (linux.c). */
void signal_handle_fault(struct guest_thread *thread);      /* EXEC_EXIT_SIGNAL */
void signal_after_syscall(struct guest_thread *thread, uint32_t nr, uint32_t orig_r0);
void signal_deliver_pending(struct guest_thread *thread);

/* rt_sigaction changed signo's disposition: installs or removes the host
 * handler. */
void signal_action_changed(int signo);
/* The guest mask (linux_thread.sigmask) changed: mirrors it on the host. */
void signal_mask_changed(void);
/* Records signo as pending for this thread with info (signals sent to
 * self that the host cannot carry). */
void signal_record_self(int signo, int code);

/* Is any recorded signal deliverable under the current guest mask? */
bool signal_deliverable(void);

#endif
