/*
 * What a host's JIT backend provides (src/host/<host>/jit_backend.c); the
 * host-independent part is exec/jit.c.
 */
#ifndef A32RUN_EXEC_JIT_BACKEND_H
#define A32RUN_EXEC_JIT_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exec/block_cache.h"

/* False when this host has no backend (everything is interpreted). */
bool jit_backend_available(void);

/* Emits the code of the longest run starting at block->insns[first] into
 * code (capacity bytes), following exec/jit.h's contract: the code returns
 * the instruction after the run when it runs to its end, or a tagged exit;
 * where the run ends the block it may chain into the successor's run
 * instead (setting thread->jit_block). Returns the bytes written (0: not
 * even the first instruction is supported); *covered is the number of
 * instructions. */
size_t jit_backend_emit_run(uint8_t *code, size_t capacity, const struct exec_block *block,
                            unsigned first, unsigned *covered);

/* The longest code one instruction may need (the caller keeps this much
 * room, and the backend stops a run when less is left). */
#define JIT_BACKEND_MAX_INSN_BYTES 512u

#endif
