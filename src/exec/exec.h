/*
 * Execution engine interface: guest threads, the block cache and the run
 * loop that the Linux personality drives.
 *
 * The personality calls exec_run() in a loop. It returns whenever something
 * outside pure computation must happen: a system call (SVC), or a guest
 * signal raised by the code itself (undefined instruction, breakpoint,
 * memory fault). On return, cpu->r[15] is the address the guest resumes at
 * (after the SVC; at the faulting instruction for signals) and cpu->thumb /
 * cpu->itstate describe that point.
 */
#ifndef A32RUN_EXEC_EXEC_H
#define A32RUN_EXEC_EXEC_H

#include <stdint.h>
#include <setjmp.h>

#include "guest/cpu.h"

enum exec_exit {
    EXEC_EXIT_SYSCALL,      /* SVC executed; cpu->r[15] = next instruction,
                               thread->svc_imm = its comment field */
    EXEC_EXIT_SIGNAL,       /* guest signal: thread->fault describes it */
    EXEC_EXIT_INTERRUPT,    /* signal_pending was set: stopped at a block
                               boundary so that the personality can
                               deliver an asynchronous signal */
};

/* A synchronous guest signal raised by executing guest code. */
struct guest_fault {
    int signo;              /* SIGSEGV, SIGBUS, SIGILL, SIGTRAP */
    int code;               /* si_code: SEGV_MAPERR, SEGV_ACCERR, BUS_ADRALN,
                               ILL_ILLOPC, TRAP_BRKPT ... */
    uint32_t addr;          /* si_addr: fault address or the insn's pc */
};

struct guest_thread {
    struct guest_cpu cpu;
    uint32_t svc_imm;
    struct guest_fault fault;

    /* Host fault recovery: while in_guest_code is set, a host SIGSEGV/SIGBUS
     * at a guest address is a guest fault; the handler fills fault and
     * siglongjmps to fault_jump. */
    volatile int in_guest_code;
    sigjmp_buf fault_jump;

    /* Set (by the memory layer) when decoded code was invalidated while
     * this thread was executing: the current block must end. */
    volatile int code_changed;

    uint64_t insn_count;    /* for --stats; approximate (per block) */

    /* Set by the personality's host signal handler when an asynchronous
     * guest signal was recorded: the interpreter leaves at the next block
     * boundary (EXEC_EXIT_INTERRUPT) instead of chaining on. */
    volatile int signal_pending;

    /* Block reclamation (block_cache.c). jump_cache_epoch: the code epoch
     * this thread's jump cache is valid for. quiescent_epoch: published
     * by the thread at block boundaries; every block dropped at an epoch
     * <= it is unreachable for this thread (EXEC_EPOCH_OFFLINE while the
     * thread is outside exec_run, holding no block). */
    uint32_t jump_cache_epoch;
    uint32_t quiescent_epoch;
    int registered;
    struct guest_thread *registry_next;

    /* ITSTATE of the last SVC executed (a restarted call inside an IT
     * block resumes with the SVC's own ITSTATE). */
    uint8_t svc_itstate;

    /* The block the interpreter is in, across a JIT run's call: the run
     * may have chained into other blocks natively (exec/jit.h). */
    struct exec_block *jit_block;
};

#define EXEC_EPOCH_OFFLINE 0xffffffffu

extern __thread struct guest_thread *current_guest_thread;

/* One-time set-up: block cache, host fault handlers. */
int exec_init(void);

/* Runs guest code of thread until a syscall or a guest signal. */
enum exec_exit exec_run(struct guest_thread *thread);

/* A guest thread that will never run again (thread exit): it no longer
 * holds back the freeing of dropped blocks. exec_run registers threads on
 * first use. */
void exec_thread_exit(struct guest_thread *thread);

/* In a forked child: self is the only thread left. Re-initialises the
 * executor's locks and thread registry. */
void exec_after_fork_child(struct guest_thread *self);

/* Serialises changes of decoded code with the protection changes that
 * guard it (guest_mem.c takes it around unprotecting a code page).
 * Recursive; async-signal-safe for a thread that does not hold it. */
void exec_code_lock(void);
void exec_code_unlock(void);

/* Drops decoded code overlapping [start, start + length). Safe to call from
 * the host fault handler of the thread that is executing. */
void exec_invalidate_range(uint32_t start, uint32_t length);

/* Block cache statistics for --stats. */
void exec_print_stats(int fd);

#endif
