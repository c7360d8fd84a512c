/*
 * VFP executor entry point (owned by the VFP module).
 *
 * Called by the interpreter for ops in (OP_VFP_FIRST_, OP_VFP_END_), only
 * after the instruction's condition passed. cpu->r[15] holds the PC read
 * value (insn pc + 8 in A32; in T32 pc + 4, already Align(PC,4) when the
 * insn's rn is 15). To raise a guest signal, call interp_raise()
 * (exec/interp.h) before writing any register.
 */
#ifndef A32RUN_EXEC_INTERP_VFP_H
#define A32RUN_EXEC_INTERP_VFP_H

#include "exec/exec.h"
#include "guest/insn.h"

void interp_vfp_execute(struct guest_thread *thread, const struct guest_insn *insn);

#endif
