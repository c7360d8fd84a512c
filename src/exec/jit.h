/*
 * The JIT: native code for runs of the integer instructions a backend
 * supports (data processing, loads and stores including LDRD/STRD and
 * LDM/STM, multiplies, extends, bitfields, branches), compiled when a
 * block is built. The first instruction of a run gets the interpreter's
 * JIT handler, which calls the run's code and continues at the
 * instruction it returns (VFP, NEON, SVC, exclusives... stay with the
 * interpreter). A run that ends its block chains natively into the next
 * block's run exactly where the interpreter would chain (no signal
 * pending, a valid link, for a branch the successor's key matching),
 * recording the block it is in in thread->jit_block; otherwise it
 * returns and the interpreter's block-level logic (jump cache, linking,
 * signals) takes over.
 *
 * Native code keeps the guest state in memory exactly as the interpreter
 * does (every instruction writes its results to the guest_cpu before the
 * next starts), sets interp_current before each memory access and writes
 * registers only after it, so faults, signals and the code-changed check
 * after stores behave as in the interpreter.
 *
 * Code lives in one executable arena, bump-allocated under the block-cache
 * lock and never freed: code of dropped blocks stays until the process
 * ends (a full arena stops compiling). A32RUN_JIT=0 turns the JIT off.
 * Backends: src/host/<host>/jit_backend.c (exec/jit_backend.h).
 */
#ifndef A32RUN_EXEC_JIT_H
#define A32RUN_EXEC_JIT_H

#include <stdint.h>

#include "exec/block_cache.h"

/* The run's code (exec_jit_fn, block_cache.h) is called at the run's
 * first instruction with the thread and &interp_current; it returns the
 * exec_insn to continue at, with JIT_EXIT_* tags in the low bits. */
#define JIT_EXIT_BRANCH 1u          /* a branch was taken: r[15] is its target */
#define JIT_EXIT_CODE_CHANGED 2u    /* the returned insn, a store, changed code */
#define JIT_EXIT_TAGS 3u

/* Once, after the guest address space exists (the arena must not take
 * its place). */
void jit_init(void);

/* Compiles the runs of b (called with the block-cache lock held, before b
 * is published); run_handler is the interpreter's JIT handler address. */
void jit_compile_block(struct exec_block *b, const void *run_handler);

struct jit_stats {
    uint64_t runs, insns, bytes;
    int enabled;
};
void jit_get_stats(struct jit_stats *stats);

#endif
