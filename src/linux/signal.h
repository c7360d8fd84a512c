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

/* Guest signal number <-> host signal number: the same for 1..64 (signal.c
 * takes over 32 and 33 from the host C library). Returns 0 when out of
 * range. */
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

/* Blocks every host signal a32run does not need synchronously (old mask
 * in *old if not NULL), and restores such a mask: kernel 64-bit sigsets,
 * raw system calls (signals 32 and 33 included). */
void signal_block_all_host(uint64_t *old);
void signal_restore_host(uint64_t old);

/* Waits with a temporary guest mask (ppoll, pselect6, epoll_pwait):
 *   uint64_t host_mask;
 *   if (!signal_temp_mask_begin(temp, &host_mask)) return -GUEST_ERESTARTNOHAND;
 *   r = safe_syscall(..., &host_mask, 8);
 *   return signal_temp_mask_end(temp, r);
 * A signal the temporary mask lets through is delivered under it, with
 * the original mask restored after the handler (as sigsuspend). */
bool signal_temp_mask_begin(uint64_t temp, uint64_t *host_mask);
long signal_temp_mask_end(uint64_t temp, long result);

/* The calling thread exits: signals recorded for it but not delivered go
 * back to the process (kill), except thread-directed ones. */
void signal_requeue_recorded(void);

/* Is any recorded signal deliverable under the current guest mask? */
bool signal_deliverable(void);

#endif
