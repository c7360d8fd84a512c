/*
 * Advanced SIMD (NEON) operations of the decoded representation (X-macro
 * list, see insn_ops.h for the scheme). Owned by the NEON module: decode in
 * guest/decode_neon.c, execution in exec/interp_neon.c and exec/neon_*.c.
 *
 * Field conventions (all NEON ops unless an op says otherwise):
 *  - rd, rn, rm are D register numbers 0..31. A Q operand (NF_Q, or the
 *    wide side of a long/narrow/wide op) is the pair D[x], D[x+1] and the
 *    field holds the even x. Core registers are named as such (0..15).
 *  - shift_type = element size code: 0 = 8, 1 = 16, 2 = 32, 3 = 64 bits.
 *    For long, wide and narrow ops it is the size of the *narrow* elements.
 *  - NF_Q: the register operands are Q registers (128 bits), else D.
 *  - NF_U: unsigned elements (signed otherwise), where the op has both.
 *  - NF_SCALAR: "by scalar" form: the second operand is element
 *    shift_amount of D[rm], replicated to every lane.
 *  - NF_F32: the elements are single-precision floats (compare-with-zero,
 *    VABS, VNEG, VRECPE, VRSQRTE); float ops named _F are always f32.
 *  - Float arithmetic uses the ARM "standard FPSCR value" (FZ, DN, round to
 *    nearest) whatever FPSCR says, and ORs cumulative flags into FPSCR.
 *  - Saturating ops set FPSCR.QC when any lane saturates.
 *  - Results that would overwrite a source before it is fully read are
 *    computed into temporaries: any overlap of rd with rn/rm is allowed.
 *
 * Element and structure loads/stores (VLDn/VSTn): rn = base (core), rm =
 * index (core): 15 = no writeback, 13 = base += transfer size, else base +=
 * r[rm] (F_WBACK is set when rm != 15). shift_amount = required alignment
 * of the address in bytes (1 = none); a misaligned address raises SIGBUS
 * BUS_ADRALN. ra = structure elements n (1..4). imm bits 7:0 = register
 * count per element (VLD1: 1..4 registers; VLD2 multiple: 1 or 2; else 1),
 * bits 15:8 = register spacing (1 or 2), bits 23:16 = lane index (lane
 * forms). The D registers of structure element k, register r are
 * rd + k * spacing + r.
 */
#ifndef A32RUN_GUEST_INSN_NEON_OPS_H
#define A32RUN_GUEST_INSN_NEON_OPS_H

/* insn->flags bits for NEON ops (only meaningful for ops in the NEON
 * range; F_WBACK of insn.h keeps its meaning for loads/stores). */
#define NF_Q        0x1000u
#define NF_U        0x2000u
#define NF_SCALAR   0x4000u
#define NF_F32      0x8000u
#define NF_IMM64    0x0100u  /* VMOV_IMM: imm = imm8, each bit a byte mask */
#define NF_TBX      0x0200u  /* VTBL: VTBX form (out-of-range keeps rd) */

#define INSN_OPS_NEON(X)                                                     \
    /* Loads and stores, see above. */                                       \
    X(NEON_VLD_MULTI, "vld")   /* multiple structures */                     \
    X(NEON_VST_MULTI, "vst")                                                 \
    X(NEON_VLD_LANE, "vld")    /* single structure to one lane */            \
    X(NEON_VST_LANE, "vst")                                                  \
    X(NEON_VLD_ALL, "vld")     /* single structure to all lanes; imm 7:0 =  \
                                  registers per element (VLD1: 1 or 2) */    \
    /* Core <-> scalar and duplication. */                                   \
    X(NEON_VMOV_TO_SCALAR, "vmov")   /* element shift_amount of D[rd] (size \
                                        8 or 16 bits) = r[rm] */             \
    X(NEON_VMOV_FROM_SCALAR, "vmov") /* r[rd] = element shift_amount of     \
                                        D[rn], NF_U zero- else sign-extended */ \
    X(NEON_VDUP_CORE, "vdup")  /* every lane of rd = low bits of r[rm] */    \
    X(NEON_VDUP_SCALAR, "vdup") /* every lane of rd = element shift_amount  \
                                   of D[rm] */                               \
    /* Immediate forms: imm = 32-bit pattern replicated to every word, or   \
     * with NF_IMM64 the imm8 byte mask. */                                  \
    X(NEON_VMOV_IMM, "vmov")   /* rd = imm (VMVN decodes as ~imm) */         \
    X(NEON_VORR_IMM, "vorr")   /* rd |= imm */                               \
    X(NEON_VBIC_IMM, "vbic")   /* rd &= ~imm */                              \
    /* Bitwise: rd = f(rd, rn, rm), no element size. */                      \
    X(NEON_VAND, "vand") X(NEON_VBIC, "vbic") X(NEON_VORR, "vorr")           \
    X(NEON_VORN, "vorn") X(NEON_VEOR, "veor")                                \
    X(NEON_VBSL, "vbsl")       /* rd = (rn & rd) | (rm & ~rd) */             \
    X(NEON_VBIT, "vbit")       /* rd = (rn & rm) | (rd & ~rm) */             \
    X(NEON_VBIF, "vbif")       /* rd = (rd & rm) | (rn & ~rm) */             \
    /* Permutations. */                                                      \
    X(NEON_VEXT, "vext")       /* rd = bytes shift_amount.. of rm:rn */      \
    X(NEON_VTBL, "vtbl")       /* rd = table lookup of rm bytes in ra       \
                                  registers from rn (NF_TBX: VTBX) */        \
    X(NEON_VREV, "vrev")       /* reverse elements within imm-bit groups   \
                                  (16, 32, 64) */                            \
    X(NEON_VSWP, "vswp") X(NEON_VTRN, "vtrn")                                \
    X(NEON_VUZP, "vuzp") X(NEON_VZIP, "vzip") /* rd and rm both written */   \
    /* Integer three-register ops, same element size: rd = rn op rm. */      \
    X(NEON_VHADD, "vhadd") X(NEON_VRHADD, "vrhadd") X(NEON_VHSUB, "vhsub")   \
    X(NEON_VQADD, "vqadd") X(NEON_VQSUB, "vqsub")                            \
    X(NEON_VADD, "vadd") X(NEON_VSUB, "vsub")                                \
    X(NEON_VCGT, "vcgt") X(NEON_VCGE, "vcge") X(NEON_VCEQ, "vceq")           \
    X(NEON_VTST, "vtst")                                                     \
    /* By register: rd = elements of rm shifted by the signed low byte of \
     * the same element of rn (the encoding's operand order). */           \
    X(NEON_VSHL, "vshl") X(NEON_VQSHL, "vqshl")                              \
    X(NEON_VRSHL, "vrshl") X(NEON_VQRSHL, "vqrshl")                          \
    X(NEON_VMAX, "vmax") X(NEON_VMIN, "vmin")                                \
    X(NEON_VABD, "vabd") X(NEON_VABA, "vaba")                                \
    X(NEON_VMUL, "vmul") X(NEON_VMLA, "vmla") X(NEON_VMLS, "vmls")           \
    X(NEON_VMULP, "vmul.p8")                                                 \
    X(NEON_VPMAX, "vpmax") X(NEON_VPMIN, "vpmin") X(NEON_VPADD, "vpadd")     \
    X(NEON_VQDMULH, "vqdmulh") X(NEON_VQRDMULH, "vqrdmulh")                  \
    /* Long (Q rd = D rn op D rm), wide (Q rd = Q rn op D rm) and narrow    \
     * (D rd = high half of Q rn op Q rm). */                                \
    X(NEON_VADDL, "vaddl") X(NEON_VSUBL, "vsubl")                            \
    X(NEON_VADDW, "vaddw") X(NEON_VSUBW, "vsubw")                            \
    X(NEON_VADDHN, "vaddhn") X(NEON_VRADDHN, "vraddhn")                      \
    X(NEON_VSUBHN, "vsubhn") X(NEON_VRSUBHN, "vrsubhn")                      \
    X(NEON_VABAL, "vabal") X(NEON_VABDL, "vabdl")                            \
    X(NEON_VMLAL, "vmlal") X(NEON_VMLSL, "vmlsl") X(NEON_VMULL, "vmull")     \
    X(NEON_VMULLP, "vmull.p8")                                               \
    X(NEON_VQDMLAL, "vqdmlal") X(NEON_VQDMLSL, "vqdmlsl")                    \
    X(NEON_VQDMULL, "vqdmull")                                               \
    /* Shifts of rm by immediate shift_amount (right shifts: 1..esize;     \
     * left: 0..esize-1). Narrowing: D rd from Q rm; VSHLL: Q rd from D rm. */ \
    X(NEON_VSHR, "vshr") X(NEON_VSRA, "vsra")                                \
    X(NEON_VRSHR, "vrshr") X(NEON_VRSRA, "vrsra")                            \
    X(NEON_VSRI, "vsri") X(NEON_VSHL_IMM, "vshl") X(NEON_VSLI, "vsli")       \
    X(NEON_VQSHL_IMM, "vqshl") X(NEON_VQSHLU, "vqshlu")                      \
    X(NEON_VSHRN, "vshrn") X(NEON_VRSHRN, "vrshrn")                          \
    X(NEON_VQSHRN, "vqshrn") X(NEON_VQRSHRN, "vqrshrn")   /* NF_U: source   \
                                  and result unsigned */                     \
    X(NEON_VQSHRUN, "vqshrun") X(NEON_VQRSHRUN, "vqrshrun") /* signed in */  \
    X(NEON_VSHLL, "vshll")     /* includes VMOVL (amount 0) */               \
    /* Two-register misc: rd = f(rm). */                                     \
    X(NEON_VPADDL, "vpaddl") X(NEON_VPADAL, "vpadal")                        \
    X(NEON_VCLS, "vcls") X(NEON_VCLZ, "vclz") X(NEON_VCNT, "vcnt")           \
    X(NEON_VMVN, "vmvn")                                                     \
    X(NEON_VQABS, "vqabs") X(NEON_VQNEG, "vqneg")                            \
    X(NEON_VABS, "vabs") X(NEON_VNEG, "vneg")     /* NF_F32: float */        \
    X(NEON_VCGT0, "vcgt") X(NEON_VCGE0, "vcge") X(NEON_VCEQ0, "vceq")        \
    X(NEON_VCLE0, "vcle") X(NEON_VCLT0, "vclt")   /* NF_F32: float */        \
    X(NEON_VMOVN, "vmovn")     /* D rd = narrowed Q rm */                    \
    X(NEON_VQMOVN, "vqmovn")   /* NF_U: unsigned in and out */               \
    X(NEON_VQMOVUN, "vqmovun") /* signed in, unsigned out */                 \
    X(NEON_VRECPE, "vrecpe") X(NEON_VRSQRTE, "vrsqrte") /* NF_F32 or U32 */  \
    /* Single-precision float, rd = rn op rm (standard FPSCR). */            \
    X(NEON_VADD_F, "vadd.f32") X(NEON_VSUB_F, "vsub.f32")                    \
    X(NEON_VMUL_F, "vmul.f32") X(NEON_VABD_F, "vabd.f32")                    \
    X(NEON_VMLA_F, "vmla.f32") X(NEON_VMLS_F, "vmls.f32") /* two roundings */ \
    X(NEON_VFMA_F, "vfma.f32") X(NEON_VFMS_F, "vfms.f32") /* fused */        \
    X(NEON_VMAX_F, "vmax.f32") X(NEON_VMIN_F, "vmin.f32")                    \
    X(NEON_VPADD_F, "vpadd.f32") X(NEON_VPMAX_F, "vpmax.f32")                \
    X(NEON_VPMIN_F, "vpmin.f32")                                             \
    X(NEON_VCEQ_F, "vceq.f32") X(NEON_VCGE_F, "vcge.f32")                    \
    X(NEON_VCGT_F, "vcgt.f32")                                               \
    X(NEON_VACGE_F, "vacge.f32") X(NEON_VACGT_F, "vacgt.f32")                \
    X(NEON_VRECPS_F, "vrecps.f32") X(NEON_VRSQRTS_F, "vrsqrts.f32")          \
    /* Conversions: rd = convert(rm). */                                     \
    X(NEON_VCVT_F_I, "vcvt")   /* f32 from s32/u32 (NF_U), fixed point with \
                                  shift_amount fraction bits (0 = integer) */ \
    X(NEON_VCVT_I_F, "vcvt")   /* s32/u32 (NF_U) from f32, toward zero,     \
                                  shift_amount fraction bits */              \
    X(NEON_VCVT_F16_F32, "vcvt.f16.f32")  /* D rd = halves of Q rm */        \
    X(NEON_VCVT_F32_F16, "vcvt.f32.f16")  /* Q rd = singles of D rm */    \
    /* ARMv8 cryptographic extension (executed by exec/neon_crypto): all    \
     * operands are Q registers (even D numbers), rd is also a source. */   \
    X(NEON_AESE, "aese.8") X(NEON_AESD, "aesd.8")    /* rd = f(rd ^ rm) */   \
    X(NEON_AESMC, "aesmc.8") X(NEON_AESIMC, "aesimc.8") /* rd = f(rm) */    \
    X(NEON_SHA1C, "sha1c.32") X(NEON_SHA1P, "sha1p.32")                      \
    X(NEON_SHA1M, "sha1m.32") X(NEON_SHA1SU0, "sha1su0.32")                  \
    X(NEON_SHA256H, "sha256h.32") X(NEON_SHA256H2, "sha256h2.32")            \
    X(NEON_SHA256SU1, "sha256su1.32")    /* rd = f(rd, rn, rm) */            \
    X(NEON_SHA1H, "sha1h.32") X(NEON_SHA1SU1, "sha1su1.32")                  \
    X(NEON_SHA256SU0, "sha256su0.32")    /* rd = f(rd, rm) */                \
    X(NEON_VMULLP64, "vmull.p64")  /* Q rd = D rn * D rm, carry-less */      \
    /* ARMv8 CRC32, integer encodings (A32 conditional, T32 under IT) that  \
     * live in this range so the NEON executor runs them: rd, rn, rm are    \
     * CORE registers (never 15): r[rd] = CRC of the low 8 << shift_type    \
     * bits of r[rm] into accumulator r[rn] (reflected, no inversion). */   \
    X(CRC32, "crc32") X(CRC32C, "crc32c")  /* CRC32C: Castagnoli poly */

#endif
