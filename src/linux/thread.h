/*
 * Guest threads: one host thread per guest thread (clone with
 * CLONE_THREAD, clone3), their exit (exit, exit_group, death by signal)
 * with the robust-list walk and clear_child_tid wake-up the kernel does
 * for a native process, and the thread registry used by fork.
 */
#ifndef A32RUN_LINUX_THREAD_H
#define A32RUN_LINUX_THREAD_H

#include <stdint.h>
#include <stdnoreturn.h>

#include "exec/exec.h"

/* Registers the initial guest thread (linux_run calls it). */
void linux_thread_init_main(struct guest_thread *thread);

/* clone with CLONE_VM|CLONE_SIGHAND|CLONE_THREAD: creates a guest thread
 * that starts after the SVC with r0 = 0 and sp = child_sp (if non-zero).
 * Returns its tid or -errno. */
long linux_clone_thread(struct guest_thread *parent, uint32_t flags, uint32_t child_sp,
                        uint32_t parent_tid, uint32_t tls, uint32_t child_tid);

/* exit(status) of the calling guest thread: the process ends when it was
 * the last thread. */
noreturn void linux_thread_exit(struct guest_thread *thread, int status);

/* The whole process is ending (exit_group, fatal signal): every guest
 * thread's robust list is walked as the kernel does at exit. */
void linux_threads_process_exit(void);

/* In a forked child: the calling thread is the only one. */
void linux_thread_after_fork_child(struct guest_thread *self);

/* Number of live guest threads. */
int linux_thread_count(void);

#endif
