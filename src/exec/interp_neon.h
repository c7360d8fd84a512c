/*
 * NEON (Advanced SIMD) executor entry point (owned by the NEON module).
 *
 * Called by the interpreter for ops in (OP_NEON_FIRST_, OP_NEON_END_), only
 * after the instruction's condition passed (A32 NEON is unconditional;
 * T32 NEON takes the IT condition). cpu->r[15] holds the PC read value.
 * Guest signals (alignment faults of element loads/stores with an
 * alignment hint, SIGILL for ops it does not know) are raised through
 * interp_raise() before any register is written.
 */
#ifndef A32RUN_EXEC_INTERP_NEON_H
#define A32RUN_EXEC_INTERP_NEON_H

#include "exec/exec.h"
#include "guest/insn.h"

void interp_neon_execute(struct guest_thread *thread, const struct guest_insn *insn);

/* The function interp_neon_execute() runs for insn: it depends only on the
 * decoded fields, so a block builder may look it up once per decoded
 * instruction and call it directly (same contract as
 * interp_neon_execute()). Never NULL. */
typedef void interp_neon_fn(struct guest_thread *thread, const struct guest_insn *insn);
interp_neon_fn *interp_neon_lookup(const struct guest_insn *insn);

#endif
