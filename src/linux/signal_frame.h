/*
 * ARM Linux signal frames in guest memory: building the sigframe /
 * rt_sigframe a handler is entered with, and restoring the guest state
 * from it in sigreturn / rt_sigreturn, as arch/arm/kernel/signal.c does.
 */
#ifndef A32RUN_LINUX_SIGNAL_FRAME_H
#define A32RUN_LINUX_SIGNAL_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "exec/exec.h"
#include "linux/guest_abi.h"

/* Builds the frame for signal signo with action act on the thread's guest
 * stack (or the alternate stack for SA_ONSTACK), blocked being the mask to
 * restore at sigreturn, and points the registers at the handler. Returns 0,
 * or -1 if the frame could not be written (the caller forces SIGSEGV);
 * the registers are unchanged then. */
int signal_frame_setup(struct guest_thread *thread, int signo,
                       const struct guest_siginfo *info,
                       const struct guest_sigaction *act, uint64_t blocked,
                       uint32_t fault_address);

/* sigreturn (rt = false) / rt_sigreturn: restores registers, VFP state,
 * the signal mask (into *mask) and, for rt, the alternate stack from the
 * frame at sp. Returns 0, or -1 for a bad frame (caller forces SIGSEGV). */
int signal_frame_restore(struct guest_thread *thread, bool rt, uint64_t *mask);

#endif
