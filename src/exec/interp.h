/*
 * Interpreter internals shared by the executor modules (ALU, memory, VFP)
 * and the unit tests.
 *
 * Raising a guest signal from inside an instruction: fill thread->fault and
 * siglongjmp(thread->fault_jump), which interp_raise() does. exec_run()
 * then reports EXEC_EXIT_SIGNAL with r[15], thumb and ITSTATE of the
 * instruction that was executing, so an instruction must raise before it
 * writes any register (precise faults).
 */
#ifndef A32RUN_EXEC_INTERP_H
#define A32RUN_EXEC_INTERP_H

#include <stdnoreturn.h>

#include "exec/exec.h"
#include "exec/block_cache.h"

noreturn void interp_raise(struct guest_thread *thread, int signo, int code,
                           uint32_t addr);

/* The instruction executing in this thread (NULL between blocks): a guest
 * signal raised while it runs is reported at its pc, thumb and ITSTATE. */
extern __thread const struct exec_insn *volatile interp_current;

enum block_result { BLOCK_NEXT, BLOCK_SYSCALL };

/* Runs block and, if chain, the blocks after it that the jump cache
 * holds. On return r[15], thumb and itstate describe the next instruction
 * (for BLOCK_SYSCALL the one after the SVC). */
enum block_result interp_execute_block(struct guest_thread *thread,
                                       struct exec_block *block, bool chain);

/* Fills e->handler (may rewrite e->g into an equivalent form). */
void interp_prepare_insn(struct exec_insn *e);
/* Fills the end-of-block sentinel. */
void interp_prepare_sentinel(struct exec_insn *e, uint32_t end_pc, uint32_t exit_itstate);
/* Test switch: when set, interp_prepare_insn() picks the generic body for
 * every instruction (differential tests of the specialised bodies). */
extern bool interp_force_generic;
/* Whether e got one of the specialised handlers (not the generic, VFP,
 * NEON or sentinel one): the forms a JIT backend may compile. */
bool interp_insn_is_specialised(const struct exec_insn *e);
/* The handler address that runs a JIT run (exec/jit.h). */
const void *interp_jit_handler(void);
/* Once, before any interp_prepare_*. */
void interp_dispatch_init(void);

/* BXWritePC: bit 0 selects the instruction set. */
static inline void interp_bx_write_pc(struct guest_cpu *cpu, uint32_t v)
{
    if (v & 1) {
        cpu->thumb = 1;
        cpu->r[15] = v & ~1u;
    } else {
        cpu->thumb = 0;
        cpu->r[15] = v & ~3u;
    }
}

/* Test hook: executes insns[0..count) as one block (pc_read derived from
 * each insn's pc and thumb; T32 literal loads are aligned as the block
 * builder does), then returns like exec_run() would at the end of the
 * block: EXEC_EXIT_SYSCALL only for SVC; *signalled tells whether a guest
 * signal was raised (thread->fault). Without SVC or a signal, cpu->r[15]
 * is the next pc. */
enum exec_exit interp_run_insns(struct guest_thread *thread,
                                const struct guest_insn *insns, unsigned count,
                                int *signalled);

#endif
