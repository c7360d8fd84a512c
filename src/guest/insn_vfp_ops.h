/*
 * VFP scalar operations of the decoded representation (X-macro list, see
 * insn_ops.h for the scheme). Owned by the VFP module: decode in
 * guest/decode_vfp.c, execution in exec/interp_vfp.c.
 *
 * Field conventions (all VFP ops):
 *  - FP register fields (rd, rn, rm) hold the full register number 0..31:
 *    S0..S31 for single-precision operands, D0..D31 for double-precision
 *    operands. Which one an operand is follows from the op and VF_F64.
 *  - Core register fields are named as such below (0..15).
 *  - VF_F64 selects double precision for ops that come in both sizes.
 *  - The executor rejects (SIGILL) the ops marked [vec] when FPSCR.Len or
 *    FPSCR.Stride is nonzero (a Cortex-A15 has no short vectors), and
 *    VFMA/VFMS/VFNMA/VFNMS likewise.
 */
#ifndef A32RUN_GUEST_INSN_VFP_OPS_H
#define A32RUN_GUEST_INSN_VFP_OPS_H

/* insn->flags bits for VFP ops (only meaningful for ops in the VFP range;
 * F_ADD, F_PRE and F_WBACK of insn.h keep their meaning for VLDM/VSTM). */
#define VF_F64       0x1000u  /* double-precision operands */
#define VF_SIGNED    0x2000u  /* conversions: signed integer / fixed point */
#define VF_RMODE     0x4000u  /* float->int: round with FPSCR.RMode (VCVTR),
                                 else round toward zero; VRINT: FPSCR.RMode
                                 (VRINTR) instead of imm */
#define VF_CMP_ZERO  0x8000u  /* VCMP/VCMPE: compare with +0.0 (rm unused) */

#define INSN_OPS_VFP(X)                                                      \
    /* Loads and stores. rn = base (core), imm = offset (bytes). */          \
    X(VLDR, "vldr")        /* rd = Sd/Dd = mem[(rn==15 ? Align(PC,4) :      \
                              r[rn]) +/- imm (F_ADD)]; word alignment */     \
    X(VSTR, "vstr")                                                          \
    /* Multiple: rd = first register, ra = register count (S or D regs),    \
     * imm = transfer size in bytes as written back (imm8 * 4; FLDMX and    \
     * FSTMX have an odd imm8: one word more than the registers). Start     \
     * address r[rn] (F_ADD, increment after) or r[rn] - imm (decrement     \
     * before, F_PRE); F_WBACK writes r[rn] +/- imm back. VPUSH/VPOP are    \
     * VSTMDB/VLDMIA sp!. */                                                 \
    X(VLDM, "vldm") X(VSTM, "vstm")                                          \
    /* Core <-> FP register moves (bit patterns, never any FP exception). */ \
    X(VMOV_CORE_S, "vmov")   /* r[rd] = Sn (rn) */                           \
    X(VMOV_S_CORE, "vmov")   /* Sd (rd) = r[rm] */                           \
    X(VMOV_CORE2_S2, "vmov") /* r[rd] = Sm (rm), r[ra] = S(m+1) */           \
    X(VMOV_S2_CORE2, "vmov") /* Sm (rm) = r[rd], S(m+1) = r[ra] */           \
    X(VMOV_CORE2_D, "vmov")  /* r[rd] = Dm[31:0], r[ra] = Dm[63:32] */       \
    X(VMOV_D_CORE2, "vmov")  /* Dm (rm) = r[ra]:r[rd] */                     \
    X(VMOV_CORE_DHALF, "vmov") /* r[rd] = Dn (rn) half imm (0 low, 1 high) */ \
    X(VMOV_DHALF_CORE, "vmov") /* Dd (rd) half imm = r[rm] */                \
    /* [vec] Register and immediate moves, sign ops: bit patterns. */       \
    X(VMOV_REG, "vmov")    /* rd = rm */                                     \
    X(VMOV_IMM, "vmov")    /* rd = imm (f32 bits; for VF_F64 the upper word \
                              of the f64, lower word zero) */                \
    X(VABS, "vabs")        /* rd = rm with sign cleared */                   \
    X(VNEG, "vneg")        /* rd = rm with sign flipped */                   \
    /* FPSCR access. Other system registers (FPSID, FPEXC, MVFRx) are       \
     * UNDEFINED in user mode and decode as OP_UNDEFINED. */                 \
    X(VMRS, "vmrs")        /* r[rd] = FPSCR; rd == 15: APSR.NZCV = FPSCR.NZCV */ \
    X(VMSR, "vmsr")        /* FPSCR = r[rd] (writable bits only) */          \
    /* [vec] Arithmetic: rd = rn op rm, FPSCR-controlled. */                 \
    X(VADD, "vadd") X(VSUB, "vsub") X(VMUL, "vmul") X(VDIV, "vdiv")          \
    X(VNMUL, "vnmul")      /* rd = -(rn * rm) */                             \
    X(VMLA, "vmla")        /* rd = rd + (rn * rm), two roundings */          \
    X(VMLS, "vmls")        /* rd = rd + -(rn * rm) */                        \
    X(VNMLA, "vnmla")      /* rd = -rd + -(rn * rm) */                       \
    X(VNMLS, "vnmls")      /* rd = -rd + (rn * rm) */                        \
    X(VFMA, "vfma")        /* rd = rd + rn * rm, fused (one rounding) */     \
    X(VFMS, "vfms")        /* rd = rd + (-rn) * rm, fused */                 \
    X(VFNMA, "vfnma")      /* rd = (-rd) + (-rn) * rm, fused */              \
    X(VFNMS, "vfnms")      /* rd = (-rd) + rn * rm, fused */                 \
    X(VSQRT, "vsqrt")      /* [vec] rd = sqrt(rm) */                         \
    /* [vec] Compare rd with rm (or +0.0 with VF_CMP_ZERO): FPSCR.NZCV.     \
     * VCMPE signals Invalid for quiet NaNs too. */                          \
    X(VCMP, "vcmp") X(VCMPE, "vcmpe")                                        \
    /* Conversions. */                                                       \
    X(VCVT_F64_F32, "vcvt.f64.f32")  /* Dd (rd) = Sm (rm) */                 \
    X(VCVT_F32_F64, "vcvt.f32.f64")  /* Sd (rd) = Dm (rm) */                 \
    X(VCVT_F_INT, "vcvt")  /* rd (Sd, or Dd with VF_F64) = (float) Sm (rm),  \
                              VF_SIGNED: S32 else U32; FPSCR rounding */     \
    X(VCVT_INT_F, "vcvt")  /* Sd (rd) = int(rm, Sm or Dm with VF_F64),      \
                              VF_SIGNED, VF_RMODE (VCVTR) else toward zero */ \
    X(VCVT_F_FIXED, "vcvt") /* rd = rd (fixed, low imm=16|32 bits,          \
                              VF_SIGNED) * 2^-shift_amount; round to nearest */ \
    X(VCVT_FIXED_F, "vcvt") /* rd = fixed(rd * 2^shift_amount), imm = 16|32 \
                              bits, saturated, toward zero, extended to the \
                              register width (32, or 64 with VF_F64) */      \
    X(VCVT_F32_F16, "vcvt.f32.f16")  /* Sd (rd) = half imm (0 B, 1 T) of Sm */ \
    X(VCVT_F16_F32, "vcvt.f16.f32")  /* half imm of Sd (rd) = Sm (rm) */ \
    /* ARMv8 additions. Rounding fields (imm) use the FPSCR.RMode values    \
     * 0 nearest-even, 1 toward +inf, 2 toward -inf, 3 toward zero, plus    \
     * 4 nearest with ties away from zero. */                               \
    X(VCVT_F64_F16, "vcvt.f64.f16")  /* Dd (rd) = half imm (0 B, 1 T) of Sm */ \
    X(VCVT_F16_F64, "vcvt.f16.f64")  /* half imm of Sd (rd) = Dm (rm) */ \
    X(VSEL, "vsel")        /* rd = cond ? rn : rm on APSR.NZCV; imm = 0 eq, \
                              1 vs, 2 ge, 3 gt; bit patterns, no FP flags */ \
    X(VMAXNM, "vmaxnm")    /* [vec] rd = maxNum(rn, rm): a quiet NaN loses \
                              against a number */                            \
    X(VMINNM, "vminnm")    /* [vec] rd = minNum(rn, rm) */                  \
    X(VRINT, "vrint")      /* rd = rm rounded to an integral value with     \
                              rounding imm, or FPSCR.RMode with VF_RMODE     \
                              (VRINTR); never signals Inexact */            \
    X(VRINTX, "vrintx")    /* the same with FPSCR.RMode, signals Inexact */ \
    X(VCVT_INT_F_RM, "vcvt{a,n,p,m}") /* Sd (rd) = int(rm, Sm or Dm with    \
                              VF_F64), VF_SIGNED, rounding imm */            \
    X(VJCVT, "vjcvt")      /* Sd (rd) = Dm (rm) toward zero modulo 2^32;    \
                              FPSCR.NZCV = 0Z00, Z = exact and not -0 */

#endif
