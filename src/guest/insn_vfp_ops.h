/*
 * VFP scalar operations of the decoded representation (X-macro list, see
 * insn_ops.h for the scheme). Owned by the VFP module: decode in
 * guest/decode_vfp.c, execution in exec/interp_vfp.c.
 */
#ifndef A32RUN_GUEST_INSN_VFP_OPS_H
#define A32RUN_GUEST_INSN_VFP_OPS_H

#define INSN_OPS_VFP(X)

#endif
