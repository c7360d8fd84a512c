/*
 * The operation set of the decoded representation, as X-macro lists.
 * X(NAME, "mnemonic"). Field use is given per operation; "op2" means the
 * data-processing second operand described below.
 *
 * Data-processing ops come in three forms:
 *   NAME_IMM: op2 = imm (already expanded). With F_S and F_IMM_CARRY the
 *             shifter carry-out is imm bit 31, otherwise C is unchanged for
 *             logical ops.
 *   NAME_REG: op2 = Shift_C(r[rm], shift_type, shift_amount) (amount already
 *             normalised, see insn.h).
 *   NAME_RSR: op2 = Shift_C(r[rm], shift_type, r[ra] & 0xff) (A32 only;
 *             "register-shifted register"; SHIFT_ROR with 0 = no change).
 * Result to rd (not for TST/TEQ/CMP/CMN). rn is unused for MOV/MVN.
 * rd == 15 without F_S: branch (F_INTERWORK selects BXWritePC, otherwise
 * BranchWritePC). Decoders never produce rd == 15 with F_S.
 * Logical ops with F_S set N, Z, C (shifter carry); arithmetic set N Z C V.
 */
#ifndef A32RUN_GUEST_INSN_OPS_H
#define A32RUN_GUEST_INSN_OPS_H

#define INSN_DP_FORMS(X, NAME, mn) \
    X(NAME##_IMM, mn) X(NAME##_REG, mn) X(NAME##_RSR, mn)

#define INSN_OPS_INTEGER(X)                                                  \
    /* Decoder could not decode, or encoding is UNDEFINED/UNPREDICTABLE in  \
     * user mode: raises SIGILL (ILL_ILLOPC) at this pc when executed. */    \
    X(UNDEFINED, "undefined")                                                \
    X(NOP, "nop")          /* hints, PLD/PLI/PLDW, CPS and SETEND LE in user mode */ \
    X(IT, "it")            /* T32 IT: no effect at execution; imm = firstcond:mask */ \
    INSN_DP_FORMS(X, AND, "and") INSN_DP_FORMS(X, EOR, "eor")                \
    INSN_DP_FORMS(X, SUB, "sub") INSN_DP_FORMS(X, RSB, "rsb")                \
    INSN_DP_FORMS(X, ADD, "add") INSN_DP_FORMS(X, ADC, "adc")                \
    INSN_DP_FORMS(X, SBC, "sbc") INSN_DP_FORMS(X, RSC, "rsc")                \
    INSN_DP_FORMS(X, TST, "tst") INSN_DP_FORMS(X, TEQ, "teq")                \
    INSN_DP_FORMS(X, CMP, "cmp") INSN_DP_FORMS(X, CMN, "cmn")                \
    INSN_DP_FORMS(X, ORR, "orr") INSN_DP_FORMS(X, MOV, "mov")                \
    INSN_DP_FORMS(X, BIC, "bic") INSN_DP_FORMS(X, MVN, "mvn")                \
    INSN_DP_FORMS(X, ORN, "orn")                                             \
    X(MOVW, "movw")        /* rd = imm (16-bit) */                           \
    X(MOVT, "movt")        /* rd = (rd & 0xffff) | imm << 16 */              \
    X(ADR, "adr")          /* rd = Align(PC,4) + (int32_t)imm */             \
    /* Multiplies. Long forms: rd = RdLo, ra = RdHi. */                      \
    X(MUL, "mul")          /* rd = rn * rm; F_S sets N,Z */                  \
    X(MLA, "mla")          /* rd = rn * rm + ra; F_S sets N,Z */             \
    X(MLS, "mls")          /* rd = ra - rn * rm */                           \
    X(UMULL, "umull")      /* ra:rd = rn * rm (unsigned); F_S sets N,Z */    \
    X(SMULL, "smull")                                                        \
    X(UMLAL, "umlal")      /* ra:rd += rn * rm */                            \
    X(SMLAL, "smlal")                                                        \
    X(UMAAL, "umaal")      /* ra:rd = rn * rm + ra + rd */                   \
    X(SMULXY, "smul<x><y>")   /* rd = half(rn,F_NHIGH) * half(rm,F_MHIGH) */ \
    X(SMLAXY, "smla<x><y>")   /* ... + ra, Q on overflow */                  \
    X(SMULWY, "smulw<y>")     /* rd = (rn * half(rm,F_MHIGH)) >> 16 */       \
    X(SMLAWY, "smlaw<y>")     /* ... + ra, Q on overflow */                  \
    X(SMLALXY, "smlal<x><y>") /* ra:rd += half * half */                     \
    X(SMUAD, "smuad")      /* rd = lo*lo + hi*hi (F_X: rm halves swapped); Q */ \
    X(SMUSD, "smusd")      /* rd = lo*lo - hi*hi */                          \
    X(SMLAD, "smlad")      /* rd = ra + lo*lo + hi*hi; Q */                  \
    X(SMLSD, "smlsd")      /* rd = ra + lo*lo - hi*hi; Q */                  \
    X(SMLALD, "smlald")    /* ra:rd += lo*lo + hi*hi */                      \
    X(SMLSLD, "smlsld")    /* ra:rd += lo*lo - hi*hi */                      \
    X(SMMUL, "smmul")      /* rd = (rn*rm)[63:32], F_ROUND adds 0x80000000 */ \
    X(SMMLA, "smmla")      /* rd = ((ra<<32) + rn*rm)[63:32] */              \
    X(SMMLS, "smmls")      /* rd = ((ra<<32) - rn*rm)[63:32] */              \
    X(SDIV, "sdiv")        /* rd = rn / rm, 0 if rm == 0, INT_MIN/-1 = INT_MIN */ \
    X(UDIV, "udiv")                                                          \
    /* Saturating (ARM ARM operand names). */                                \
    X(QADD, "qadd")        /* rd = sat(rm + rn) */                           \
    X(QSUB, "qsub")        /* rd = sat(rm - rn) */                           \
    X(QDADD, "qdadd")      /* rd = sat(rm + sat(2*rn)) */                    \
    X(QDSUB, "qdsub")      /* rd = sat(rm - sat(2*rn)) */                    \
    X(SSAT, "ssat")        /* rd = SignedSat(shift(rn,shift_type,shift_amount), imm=1..32) */ \
    X(USAT, "usat")        /* rd = UnsignedSat(shift(...), imm=0..31) */     \
    X(SSAT16, "ssat16")    /* rd = halves of rn saturated to imm=1..16 bits */ \
    X(USAT16, "usat16")    /* imm = 0..15 */                                 \
    /* Parallel add/subtract: imm = prefix*8 + kind. prefix 0 S, 1 Q, 2 SH, \
     * 3 U, 4 UQ, 5 UH; kind 0 ADD16, 1 ASX, 2 SAX, 3 SUB16, 4 ADD8, 5 SUB8. \
     * rd = rn op rm; S and U prefixes set GE. */                            \
    X(PARALLEL, "parallel")                                                  \
    X(SEL, "sel")          /* rd = bytes of rn where GE set, else of rm */   \
    X(USAD8, "usad8")      /* rd = sum |rn.b - rm.b| */                      \
    X(USADA8, "usada8")    /* rd = ra + sum |rn.b - rm.b| */                 \
    X(PKHBT, "pkhbt")      /* rd = rn[15:0] | (rm LSL shift_amount)[31:16] */ \
    X(PKHTB, "pkhtb")      /* rd = rn[31:16] | (rm ASR shift_amount)[15:0], amount 1..32 */ \
    /* Extends: rd = ext(ROR(rm, shift_amount)) [+ rn for the A forms];     \
     * shift_amount is 0, 8, 16 or 24. */                                    \
    X(SXTB, "sxtb") X(SXTH, "sxth") X(SXTB16, "sxtb16")                      \
    X(UXTB, "uxtb") X(UXTH, "uxth") X(UXTB16, "uxtb16")                      \
    X(SXTAB, "sxtab") X(SXTAH, "sxtah") X(SXTAB16, "sxtab16")                \
    X(UXTAB, "uxtab") X(UXTAH, "uxtah") X(UXTAB16, "uxtab16")                \
    X(REV, "rev") X(REV16, "rev16") X(REVSH, "revsh")  /* rd = f(rm) */      \
    X(RBIT, "rbit") X(CLZ, "clz")                      /* rd = f(rm) */      \
    /* Bitfields: imm = lsb | msb << 8 (BFC/BFI, msb >= lsb), or            \
     * imm = lsb | (width-1) << 8 (SBFX/UBFX, lsb+width <= 32). */           \
    X(BFC, "bfc")          /* rd[msb:lsb] = 0 */                             \
    X(BFI, "bfi")          /* rd[msb:lsb] = rn[msb-lsb:0] */                 \
    X(SBFX, "sbfx")        /* rd = sext(rn[lsb+w-1:lsb]) */                  \
    X(UBFX, "ubfx")                                                          \
    /* Branches. imm holds absolute targets. */                              \
    X(B, "b")              /* pc = imm */                                    \
    X(BL, "bl")            /* lr = next insn | thumb; pc = imm (same state) */ \
    X(BLX_IMM, "blx")      /* lr = next | thumb; switch state; pc = imm      \
                              (imm already aligned for the target state) */  \
    X(BX, "bx")            /* BXWritePC(r[rm]); BXJ decodes as BX */         \
    X(BLX_REG, "blx")      /* lr = next | thumb; BXWritePC(r[rm]) */         \
    X(CBZ, "cbz")          /* if r[rn] == 0: pc = imm */                     \
    X(CBNZ, "cbnz")        /* if r[rn] != 0: pc = imm */                     \
    X(TBB, "tbb")          /* pc = PC + 2*mem8[r[rn] + r[rm]] */             \
    X(TBH, "tbh")          /* pc = PC + 2*mem16[r[rn] + 2*r[rm]] */          \
    /* Single loads/stores. rd = Rt, rn = base. _IMM: offset = imm;          \
     * _REG: offset = Shift(r[rm], shift_type, shift_amount). Address =      \
     * base +/- offset (F_ADD) if F_PRE, else base; F_WBACK writes           \
     * base +/- offset back to rn. Loads to r15 are BXWritePC. */            \
    X(LDR_IMM, "ldr") X(LDR_REG, "ldr")                                      \
    X(LDRB_IMM, "ldrb") X(LDRB_REG, "ldrb")                                  \
    X(LDRH_IMM, "ldrh") X(LDRH_REG, "ldrh")                                  \
    X(LDRSB_IMM, "ldrsb") X(LDRSB_REG, "ldrsb")                              \
    X(LDRSH_IMM, "ldrsh") X(LDRSH_REG, "ldrsh")                              \
    X(STR_IMM, "str") X(STR_REG, "str")   /* storing r15 stores PC+8 (A32) */ \
    X(STRB_IMM, "strb") X(STRB_REG, "strb")                                  \
    X(STRH_IMM, "strh") X(STRH_REG, "strh")                                  \
    X(LDRD_IMM, "ldrd") X(LDRD_REG, "ldrd")   /* rd = Rt, ra = Rt2 */        \
    X(STRD_IMM, "strd") X(STRD_REG, "strd")                                  \
    /* Multiple: rn base, imm = register list, F_ADD increment, F_PRE       \
     * before, F_WBACK. Lowest register at lowest address. LDM loading pc   \
     * is BXWritePC. */                                                      \
    X(LDM, "ldm") X(STM, "stm")                                              \
    /* Exclusives and acquire/release. Loads: rd = Rt (ra = Rt2 for D),     \
     * address r[rn] + imm. Stores: rd = status, rm = Rt (ra = Rt2 for D).   \
     * F_ACQREL marks LDAEX/STLEX forms. */                                  \
    X(LDREX, "ldrex") X(LDREXB, "ldrexb") X(LDREXH, "ldrexh") X(LDREXD, "ldrexd") \
    X(STREX, "strex") X(STREXB, "strexb") X(STREXH, "strexh") X(STREXD, "strexd") \
    X(CLREX, "clrex")                                                        \
    X(LDA, "lda") X(LDAB, "ldab") X(LDAH, "ldah")     /* rd = mem[r[rn]] */  \
    X(STL, "stl") X(STLB, "stlb") X(STLH, "stlh")     /* mem[r[rn]] = r[rd] */ \
    X(SWP, "swp") X(SWPB, "swpb")  /* rd = mem[r[rn]]; mem[r[rn]] = r[rm], atomically */ \
    /* System. */                                                            \
    X(SVC, "svc")          /* imm = comment field; exits to the Linux layer */ \
    X(BKPT, "bkpt")        /* SIGTRAP */                                     \
    X(UDF, "udf")          /* permanently undefined: SIGILL, or SIGTRAP for   \
                              Linux's breakpoint encodings (imm = raw) */    \
    X(BARRIER, "barrier")  /* DMB/DSB/ISB: imm = 0 dmb, 1 dsb, 2 isb */      \
    X(MRS, "mrs")          /* rd = APSR (NZCVQ, GE, mode bits 0x10) */       \
    X(MSR_REG, "msr")      /* APSR fields from r[rm]; shift_amount = mask:   \
                              bit 3 NZCVQ, bit 2 GE */                       \
    X(MSR_IMM, "msr")      /* same from imm */                               \
    X(MRC_TPIDR, "mrc")    /* rd = imm == 3 ? TPIDRURO : TPIDRURW */         \
    X(MCR_TPIDR, "mcr")    /* TPIDRURW = r[rd] */

/* VFP scalar ops are listed in insn_vfp_ops.h, owned by the VFP module. */
#include "guest/insn_vfp_ops.h"

#endif
