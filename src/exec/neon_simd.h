/*
 * Vectorised NEON integer handlers (exec/neon_simd.c): the element-wise
 * ops compiled loops spend their time in (three-same arithmetic, compares,
 * saturating add/sub, shifts by immediate, long/wide multiply-accumulate,
 * narrowing moves and pairwise adds), each specialised per element type.
 *
 * Every op of NEON_SIMD_OPS has a handler set neon_set_OP (see
 * exec/neon_vec.h); element types an op does not have hold
 * neon_generic_handler. Results are bit-identical to the per-lane
 * reference in exec/neon_int.c, FPSCR.QC included.
 */
#ifndef A32RUN_EXEC_NEON_SIMD_H
#define A32RUN_EXEC_NEON_SIMD_H

#include "exec/neon_vec.h"

#define NEON_SIMD_OPS(X)                                                     \
    X(VADD) X(VSUB) X(VMUL) X(VMLA) X(VMLS) X(VCEQ) X(VTST)                  \
    X(VCGT) X(VCGE) X(VMAX) X(VMIN) X(VABD) X(VABA)                          \
    X(VHADD) X(VRHADD) X(VHSUB) X(VQADD) X(VQSUB)                            \
    X(VPADD) X(VPMAX) X(VPMIN)                                               \
    X(VSHR) X(VSRA) X(VRSHR) X(VRSRA) X(VSHL_IMM) X(VSRI) X(VSLI)            \
    X(VADDL) X(VSUBL) X(VADDW) X(VSUBW) X(VMLAL) X(VMLSL) X(VMULL)           \
    X(VABAL) X(VABDL) X(VSHLL) X(VSHRN) X(VRSHRN) X(VMOVN)

#define NEON_SIMD_DECLARE(OP) \
    extern neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE];
NEON_SIMD_OPS(NEON_SIMD_DECLARE)
#undef NEON_SIMD_DECLARE

#endif
