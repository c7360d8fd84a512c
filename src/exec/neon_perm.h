/*
 * Fast NEON handlers without arithmetic (exec/neon_perm.c): bitwise ops,
 * immediates, scalar moves and duplication, VEXT, VREV, VSWP and the
 * VZIP/VUZP/VTRN permutations. Handler sets as in exec/neon_vec.h.
 */
#ifndef A32RUN_EXEC_NEON_PERM_H
#define A32RUN_EXEC_NEON_PERM_H

#include "exec/neon_vec.h"

#define NEON_PERM_OPS(X)                                                     \
    X(VAND) X(VBIC) X(VORR) X(VORN) X(VEOR) X(VBSL) X(VBIT) X(VBIF)          \
    X(VMVN) X(VMOV_IMM) X(VORR_IMM) X(VBIC_IMM)                              \
    X(VMOV_TO_SCALAR) X(VMOV_FROM_SCALAR) X(VDUP_CORE) X(VDUP_SCALAR)        \
    X(VEXT) X(VREV) X(VSWP) X(VZIP) X(VUZP) X(VTRN)

#define NEON_PERM_DECLARE(OP) \
    extern neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE];
NEON_PERM_OPS(NEON_PERM_DECLARE)
#undef NEON_PERM_DECLARE

#endif
