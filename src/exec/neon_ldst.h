/*
 * Fast NEON element/structure loads and stores (exec/neon_ldst.c): handler
 * sets (see exec/neon_vec.h) for the five load/store ops. Same guest-visible
 * behaviour as the reference path in exec/interp_neon.c: alignment SIGBUS
 * first, loads change no register when a guest access faults, writeback of
 * the base last.
 */
#ifndef A32RUN_EXEC_NEON_LDST_H
#define A32RUN_EXEC_NEON_LDST_H

#include "exec/neon_vec.h"

#define NEON_LDST_OPS(X) \
    X(VLD_MULTI) X(VST_MULTI) X(VLD_LANE) X(VST_LANE) X(VLD_ALL)

#define NEON_LDST_DECLARE(OP) \
    extern neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE];
NEON_LDST_OPS(NEON_LDST_DECLARE)
#undef NEON_LDST_DECLARE

#endif
