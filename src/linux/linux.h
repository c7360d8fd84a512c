/*
 * The Linux personality: what a guest thread sees of the kernel.
 * linux_run() drives exec_run() and services its exits: system calls
 * through the syscall table, and guest signals.
 */
#ifndef A32RUN_LINUX_LINUX_H
#define A32RUN_LINUX_LINUX_H

#include <stdnoreturn.h>

#include "exec/exec.h"

/* Runs the guest thread until the guest exits; never returns (the process
 * exits with the guest's status, or dies of the guest's signal). */
noreturn void linux_run(struct guest_thread *thread);

/* The run loop of one guest thread: returns only if the thread exits
 * through linux_thread_exit's jump (guest threads other than the first). */
void linux_thread_loop(struct guest_thread *thread);

/* Dispatches the system call the thread stopped at (r7 = number). */
void linux_syscall(struct guest_thread *thread);

/* Terminates the whole process the way the guest would have died: with
 * signal signo (no core file from the translator), so waitpid() in the
 * parent sees WIFSIGNALED with that signal. */
noreturn void linux_die_of_signal(int signo);

/* Process-wide exit with status (exit_group). */
noreturn void linux_exit_group(int status);

/* Records the guest program's host path (made absolute here) so that
 * readlink("/proc/self/exe") shows the guest program, not a32run. Call it
 * before linux_run(). */
void linux_set_exe_path(const char *path);

#endif
