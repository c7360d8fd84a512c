/*
 * NEON single-precision operations: arithmetic, comparisons, min/max,
 * reciprocal (square root) estimates and steps, conversions.
 *
 * Every op computes with the ARM "standard FPSCR value" (flush-to-zero,
 * default NaN, round to nearest; AHP kept from FPSCR) and ORs the
 * cumulative exception flags it raises into cpu->fpscr. The scalar work is
 * done by the VFP module's helpers (exec/vfp_arith.h, exec/vfp_convert.h)
 * called with that FPSCR value; the estimate tables follow the ARM ARM
 * RecipEstimate / RecipSqrtEstimate pseudocode.
 *
 * neon_float_execute() returns false for ops that are not float ops here.
 */
#ifndef A32RUN_EXEC_NEON_FLOAT_H
#define A32RUN_EXEC_NEON_FLOAT_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/cpu.h"
#include "guest/insn.h"
#include "exec/neon_vec.h"

bool neon_float_execute(struct guest_cpu *cpu, const struct guest_insn *insn);

/* Vectorised handler sets (exec/neon_vec.h) for the common arithmetic;
 * results and flags identical to neon_float_execute(). */
#define NEON_FLOAT_OPS(X) X(VADD_F) X(VSUB_F) X(VMUL_F) X(VMLA_F) X(VMLS_F)
#define NEON_FLOAT_DECLARE(OP) \
    extern neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE];
NEON_FLOAT_OPS(NEON_FLOAT_DECLARE)
#undef NEON_FLOAT_DECLARE

/* The estimate functions, exported for the unit tests. fpscr as in
 * exec/vfp_arith.h (only FZ is consulted; NEON passes it set). */
uint32_t neon_recip_estimate_f32(uint32_t a, uint32_t *fpscr);
uint32_t neon_rsqrt_estimate_f32(uint32_t a, uint32_t *fpscr);
uint32_t neon_recip_estimate_u32(uint32_t a);
uint32_t neon_rsqrt_estimate_u32(uint32_t a);

#endif
