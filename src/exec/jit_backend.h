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

/* Emits the code of the longest run starting at insns[0] (at most count
 * instructions) into code (capacity bytes), following exec/jit.h's
 * contract: the code returns &insns[*covered] when it runs to the end, or
 * a tagged exit. Returns the bytes written (0: not even the first
 * instruction is supported); *covered is the number of instructions. */
size_t jit_backend_emit_run(uint8_t *code, size_t capacity, const struct exec_insn *insns,
                            unsigned count, unsigned *covered);

/* The longest code one instruction may need (the caller keeps this much
 * room, and the backend stops a run when less is left). */
#define JIT_BACKEND_MAX_INSN_BYTES 512u

#endif
