/*
 * A32 (ARM state) decoder: the pattern table for ARMv7-A user-mode integer
 * instructions plus the ARMv8 AArch32 integer additions, and the dispatcher.
 *
 * The table is the single source of truth for encodings (the disassembler
 * and the difftest generator read it too). Entries are tried in table
 * order; where encodings overlap, the more specific entry comes first and
 * the general entry's decode function rejects the specific sub-pattern
 * (see decode_a32_ops.c). Masks include the should-be-zero/one bits, so
 * drawing random words from an entry mostly yields valid encodings.
 * Conditional-space entries leave bits 31:28 out of the mask (their decode
 * functions reject 0xF); unconditional-space entries match 0xF exactly;
 * BKPT and UDF exist only with condition AL and match 0xE exactly.
 *
 * Words that no entry accepts decode as OP_UNDEFINED: the privileged and
 * exception-return forms, coprocessors other than CP15 TPIDR/barriers and
 * VFP, and everything UNPREDICTABLE. CRC32 decodes in decode_crypto.c. Advanced
 * SIMD words go to decode_neon.c (entries at the end of the table).
 *
 * Dispatch: a table scan would test ~250 entries; instead the entries are
 * indexed once by (condition == 0xF, bits 27:20, bit 7, bit 4), which
 * separates the architecture's encoding groups and the data-processing
 * opcodes, so a decode tests a handful of masks at most.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "guest/decode_a32_internal.h"

#define E(mask_, value_, name_, group_, op_, fn_)                            \
    { (mask_), (value_), (name_), GROUP_##group_, OP_##op_, a32_dec_##fn_ }

/* Data-processing opcode `opc` (bits 24:21) in its three operand forms. */
#define DP(opc, NAME, mn)                                                    \
    E(0x0fe00010u, (opc) << 21, mn " (register)", DATAPROC, NAME##_REG,      \
      dp_reg),                                                               \
    E(0x0fe00090u, ((opc) << 21) | 0x10u, mn " (register-shifted register)", \
      DATAPROC, NAME##_RSR, dp_rsr),                                         \
    E(0x0fe00000u, 0x02000000u | (opc) << 21, mn " (immediate)", DATAPROC,   \
      NAME##_IMM, dp_imm)
/* TST, TEQ, CMP, CMN: S must be set (S clear is the misc space); the Rd
 * field should be zero. */
#define DP_TEST(opc, NAME, mn)                                               \
    E(0x0ff0f010u, (opc) << 21 | 0x00100000u, mn " (register)", DATAPROC,    \
      NAME##_REG, dp_reg),                                                   \
    E(0x0ff0f090u, (opc) << 21 | 0x00100010u,                                \
      mn " (register-shifted register)", DATAPROC, NAME##_RSR, dp_rsr),      \
    E(0x0ff0f000u, 0x02100000u | (opc) << 21, mn " (immediate)", DATAPROC,   \
      NAME##_IMM, dp_imm)
/* MOV, MVN: the Rn field should be zero. */
#define DP_MOVE(opc, NAME, mn)                                               \
    E(0x0fef0010u, (opc) << 21, mn " (register)", DATAPROC, NAME##_REG,      \
      dp_reg),                                                               \
    E(0x0fef0090u, ((opc) << 21) | 0x10u, mn " (register-shifted register)", \
      DATAPROC, NAME##_RSR, dp_rsr),                                         \
    E(0x0fef0000u, 0x02000000u | (opc) << 21, mn " (immediate)", DATAPROC,   \
      NAME##_IMM, dp_imm)

/* Parallel add/subtract: prefix bits 22:20, kind bits 7:5. */
#define PAR(pfx, pname, kind, kname)                                         \
    E(0x0ff00ff0u, 0x06000f10u | (pfx) << 20 | (kind) << 5, pname kname,    \
      PARALLEL, PARALLEL, parallel)
#define PAR_PREFIX(pfx, pname)                                               \
    PAR(pfx, pname, 0, "ADD16"), PAR(pfx, pname, 1, "ASX"),                 \
    PAR(pfx, pname, 2, "SAX"), PAR(pfx, pname, 3, "SUB16"),                 \
    PAR(pfx, pname, 4, "ADD8"), PAR(pfx, pname, 7, "SUB8")

/* Extend with rotation (bits 11:10); the plain form has Rn = 1111 and must
 * precede the accumulating one. */
#define EXTEND(op1, NAME, NAME_A, mn, mn_a)                                  \
    E(0x0fff03f0u, 0x060f0070u | (op1) << 20, mn, MISC, NAME, extend),       \
    E(0x0ff003f0u, 0x06000070u | (op1) << 20, mn_a, MISC, NAME_A, extend)

const struct guest_insn_pattern guest_a32_patterns[] = {
    /* ---- Data-processing (A5.2.1-3) ---- */
    E(0x0fff0000u, 0x028f0000u, "ADR (add)", DATAPROC, ADR, adr),
    E(0x0fff0000u, 0x024f0000u, "ADR (sub)", DATAPROC, ADR, adr),
    DP(0x0, AND, "AND"), DP(0x1, EOR, "EOR"), DP(0x2, SUB, "SUB"),
    DP(0x3, RSB, "RSB"), DP(0x4, ADD, "ADD"), DP(0x5, ADC, "ADC"),
    DP(0x6, SBC, "SBC"), DP(0x7, RSC, "RSC"),
    DP_TEST(0x8, TST, "TST"), DP_TEST(0x9, TEQ, "TEQ"),
    DP_TEST(0xa, CMP, "CMP"), DP_TEST(0xb, CMN, "CMN"),
    DP(0xc, ORR, "ORR"), DP_MOVE(0xd, MOV, "MOV"), DP(0xe, BIC, "BIC"),
    DP_MOVE(0xf, MVN, "MVN"),
    E(0x0ff00000u, 0x03000000u, "MOVW", DATAPROC, MOVW, movw_movt),
    E(0x0ff00000u, 0x03400000u, "MOVT", DATAPROC, MOVT, movw_movt),

    /* ---- Multiplies (A5.2.5, A5.2.7, A5.4.4) ---- */
    E(0x0fe0f0f0u, 0x00000090u, "MUL", MULTIPLY, MUL, mul),
    E(0x0fe000f0u, 0x00200090u, "MLA", MULTIPLY, MLA, mla_mls),
    E(0x0ff000f0u, 0x00600090u, "MLS", MULTIPLY, MLS, mla_mls),
    E(0x0ff000f0u, 0x00400090u, "UMAAL", MULTIPLY, UMAAL, mul_long),
    E(0x0fe000f0u, 0x00800090u, "UMULL", MULTIPLY, UMULL, mul_long),
    E(0x0fe000f0u, 0x00a00090u, "UMLAL", MULTIPLY, UMLAL, mul_long),
    E(0x0fe000f0u, 0x00c00090u, "SMULL", MULTIPLY, SMULL, mul_long),
    E(0x0fe000f0u, 0x00e00090u, "SMLAL", MULTIPLY, SMLAL, mul_long),
    E(0x0ff00090u, 0x01000080u, "SMLA<x><y>", MULTIPLY, SMLAXY, mul_half),
    E(0x0ff000b0u, 0x01200080u, "SMLAW<y>", MULTIPLY, SMLAWY, mul_half),
    E(0x0ff0f0b0u, 0x012000a0u, "SMULW<y>", MULTIPLY, SMULWY, mul_half),
    E(0x0ff00090u, 0x01400080u, "SMLAL<x><y>", MULTIPLY, SMLALXY, mul_half),
    E(0x0ff0f090u, 0x01600080u, "SMUL<x><y>", MULTIPLY, SMULXY, mul_half),
    E(0x0ff0f0d0u, 0x0700f010u, "SMUAD", MULTIPLY, SMUAD, mul_dual),
    E(0x0ff000d0u, 0x07000010u, "SMLAD", MULTIPLY, SMLAD, mul_dual),
    E(0x0ff0f0d0u, 0x0700f050u, "SMUSD", MULTIPLY, SMUSD, mul_dual),
    E(0x0ff000d0u, 0x07000050u, "SMLSD", MULTIPLY, SMLSD, mul_dual),
    E(0x0ff000d0u, 0x07400010u, "SMLALD", MULTIPLY, SMLALD, mul_dual_long),
    E(0x0ff000d0u, 0x07400050u, "SMLSLD", MULTIPLY, SMLSLD, mul_dual_long),
    E(0x0ff0f0d0u, 0x0750f010u, "SMMUL", MULTIPLY, SMMUL, smmul),
    E(0x0ff000d0u, 0x07500010u, "SMMLA", MULTIPLY, SMMLA, smmul),
    E(0x0ff000d0u, 0x075000d0u, "SMMLS", MULTIPLY, SMMLS, smmul),
    E(0x0ff0f0f0u, 0x0710f010u, "SDIV", MULTIPLY, SDIV, div),
    E(0x0ff0f0f0u, 0x0730f010u, "UDIV", MULTIPLY, UDIV, div),

    /* ---- Saturating (A5.2.6, A5.4.3) ---- */
    E(0x0ff00ff0u, 0x01000050u, "QADD", SATURATE, QADD, qaddsub),
    /* ARMv8 CRC32/CRC32C (decode_crypto.c): sz in bits 22:21, C bit 9. */
    { 0x0f900ff0u, 0x01000040u, "CRC32", GROUP_CRYPTO, OP_CRC32,
      guest_crc32_a32_entry },
    { 0x0f900ff0u, 0x01000240u, "CRC32C", GROUP_CRYPTO, OP_CRC32C,
      guest_crc32_a32_entry },
    E(0x0ff00ff0u, 0x01200050u, "QSUB", SATURATE, QSUB, qaddsub),
    E(0x0ff00ff0u, 0x01400050u, "QDADD", SATURATE, QDADD, qaddsub),
    E(0x0ff00ff0u, 0x01600050u, "QDSUB", SATURATE, QDSUB, qaddsub),
    E(0x0fe00030u, 0x06a00010u, "SSAT", SATURATE, SSAT, sat),
    E(0x0fe00030u, 0x06e00010u, "USAT", SATURATE, USAT, sat),
    E(0x0ff00ff0u, 0x06a00f30u, "SSAT16", SATURATE, SSAT16, sat16),
    E(0x0ff00ff0u, 0x06e00f30u, "USAT16", SATURATE, USAT16, sat16),

    /* ---- Parallel add/subtract (A5.4.1-2) ---- */
    PAR_PREFIX(1, "S"), PAR_PREFIX(2, "Q"), PAR_PREFIX(3, "SH"),
    PAR_PREFIX(5, "U"), PAR_PREFIX(6, "UQ"), PAR_PREFIX(7, "UH"),

    /* ---- Packing, extends, reversal, bitfields (A5.4.3, A5.4) ---- */
    E(0x0ff00070u, 0x06800010u, "PKHBT", MISC, PKHBT, pkh),
    E(0x0ff00070u, 0x06800050u, "PKHTB", MISC, PKHTB, pkh),
    E(0x0ff00ff0u, 0x06800fb0u, "SEL", MISC, SEL, sel),
    EXTEND(0x8, SXTB16, SXTAB16, "SXTB16", "SXTAB16"),
    EXTEND(0xa, SXTB, SXTAB, "SXTB", "SXTAB"),
    EXTEND(0xb, SXTH, SXTAH, "SXTH", "SXTAH"),
    EXTEND(0xc, UXTB16, UXTAB16, "UXTB16", "UXTAB16"),
    EXTEND(0xe, UXTB, UXTAB, "UXTB", "UXTAB"),
    EXTEND(0xf, UXTH, UXTAH, "UXTH", "UXTAH"),
    E(0x0fff0ff0u, 0x06bf0f30u, "REV", MISC, REV, rev_rbit_clz),
    E(0x0fff0ff0u, 0x06bf0fb0u, "REV16", MISC, REV16, rev_rbit_clz),
    E(0x0fff0ff0u, 0x06ff0fb0u, "REVSH", MISC, REVSH, rev_rbit_clz),
    E(0x0fff0ff0u, 0x06ff0f30u, "RBIT", MISC, RBIT, rev_rbit_clz),
    E(0x0fff0ff0u, 0x016f0f10u, "CLZ", MISC, CLZ, rev_rbit_clz),
    E(0x0ff0f0f0u, 0x0780f010u, "USAD8", MISC, USAD8, usad8),
    E(0x0ff000f0u, 0x07800010u, "USADA8", MISC, USADA8, usad8),
    E(0x0fe0007fu, 0x07c0001fu, "BFC", MISC, BFC, bfc_bfi),
    E(0x0fe00070u, 0x07c00010u, "BFI", MISC, BFI, bfc_bfi),
    E(0x0fe00070u, 0x07a00050u, "SBFX", MISC, SBFX, bfx),
    E(0x0fe00070u, 0x07e00050u, "UBFX", MISC, UBFX, bfx),

    /* ---- Branches (A5.5, A5.2.12, A5.7) ---- */
    E(0x0f000000u, 0x0a000000u, "B", BRANCH, B, b_bl),
    E(0x0f000000u, 0x0b000000u, "BL", BRANCH, BL, b_bl),
    E(0xfe000000u, 0xfa000000u, "BLX (immediate)", BRANCH, BLX_IMM, blx_imm),
    E(0x0ffffff0u, 0x012fff10u, "BX", BRANCH, BX, bx),
    E(0x0ffffff0u, 0x012fff20u, "BXJ", BRANCH, BX, bx),
    E(0x0ffffff0u, 0x012fff30u, "BLX (register)", BRANCH, BLX_REG, blx_reg),

    /* ---- Word and unsigned byte loads/stores (A5.3); T forms first ---- */
    E(0x0f700000u, 0x04200000u, "STRT (immediate)", LOADSTORE, STR_IMM,
      ls_word_t_imm),
    E(0x0f700000u, 0x04300000u, "LDRT (immediate)", LOADSTORE, LDR_IMM,
      ls_word_t_imm),
    E(0x0f700000u, 0x04600000u, "STRBT (immediate)", LOADSTORE, STRB_IMM,
      ls_word_t_imm),
    E(0x0f700000u, 0x04700000u, "LDRBT (immediate)", LOADSTORE, LDRB_IMM,
      ls_word_t_imm),
    E(0x0f700010u, 0x06200000u, "STRT (register)", LOADSTORE, STR_REG,
      ls_word_t_reg),
    E(0x0f700010u, 0x06300000u, "LDRT (register)", LOADSTORE, LDR_REG,
      ls_word_t_reg),
    E(0x0f700010u, 0x06600000u, "STRBT (register)", LOADSTORE, STRB_REG,
      ls_word_t_reg),
    E(0x0f700010u, 0x06700000u, "LDRBT (register)", LOADSTORE, LDRB_REG,
      ls_word_t_reg),
    E(0x0e500000u, 0x04000000u, "STR (immediate)", LOADSTORE, STR_IMM,
      ls_word_imm),
    E(0x0e500000u, 0x04100000u, "LDR (immediate)", LOADSTORE, LDR_IMM,
      ls_word_imm),
    E(0x0e500000u, 0x04400000u, "STRB (immediate)", LOADSTORE, STRB_IMM,
      ls_word_imm),
    E(0x0e500000u, 0x04500000u, "LDRB (immediate)", LOADSTORE, LDRB_IMM,
      ls_word_imm),
    E(0x0e500010u, 0x06000000u, "STR (register)", LOADSTORE, STR_REG,
      ls_word_reg),
    E(0x0e500010u, 0x06100000u, "LDR (register)", LOADSTORE, LDR_REG,
      ls_word_reg),
    E(0x0e500010u, 0x06400000u, "STRB (register)", LOADSTORE, STRB_REG,
      ls_word_reg),
    E(0x0e500010u, 0x06500000u, "LDRB (register)", LOADSTORE, LDRB_REG,
      ls_word_reg),

    /* ---- Halfword, signed and dual loads/stores (A5.2.8-9) ---- */
    E(0x0f7000f0u, 0x006000b0u, "STRHT (immediate)", LOADSTORE, STRH_IMM,
      ls_extra_t_imm),
    E(0x0f7000f0u, 0x007000b0u, "LDRHT (immediate)", LOADSTORE, LDRH_IMM,
      ls_extra_t_imm),
    E(0x0f7000f0u, 0x007000d0u, "LDRSBT (immediate)", LOADSTORE, LDRSB_IMM,
      ls_extra_t_imm),
    E(0x0f7000f0u, 0x007000f0u, "LDRSHT (immediate)", LOADSTORE, LDRSH_IMM,
      ls_extra_t_imm),
    E(0x0f700ff0u, 0x002000b0u, "STRHT (register)", LOADSTORE, STRH_REG,
      ls_extra_t_reg),
    E(0x0f700ff0u, 0x003000b0u, "LDRHT (register)", LOADSTORE, LDRH_REG,
      ls_extra_t_reg),
    E(0x0f700ff0u, 0x003000d0u, "LDRSBT (register)", LOADSTORE, LDRSB_REG,
      ls_extra_t_reg),
    E(0x0f700ff0u, 0x003000f0u, "LDRSHT (register)", LOADSTORE, LDRSH_REG,
      ls_extra_t_reg),
    E(0x0e5000f0u, 0x004000b0u, "STRH (immediate)", LOADSTORE, STRH_IMM,
      ls_extra_imm),
    E(0x0e5000f0u, 0x005000b0u, "LDRH (immediate)", LOADSTORE, LDRH_IMM,
      ls_extra_imm),
    E(0x0e5010f0u, 0x004000d0u, "LDRD (immediate)", LOADSTORE, LDRD_IMM,
      ls_extra_imm),
    E(0x0e5000f0u, 0x005000d0u, "LDRSB (immediate)", LOADSTORE, LDRSB_IMM,
      ls_extra_imm),
    E(0x0e5010f0u, 0x004000f0u, "STRD (immediate)", LOADSTORE, STRD_IMM,
      ls_extra_imm),
    E(0x0e5000f0u, 0x005000f0u, "LDRSH (immediate)", LOADSTORE, LDRSH_IMM,
      ls_extra_imm),
    E(0x0e500ff0u, 0x000000b0u, "STRH (register)", LOADSTORE, STRH_REG,
      ls_extra_reg),
    E(0x0e500ff0u, 0x001000b0u, "LDRH (register)", LOADSTORE, LDRH_REG,
      ls_extra_reg),
    E(0x0e501ff0u, 0x000000d0u, "LDRD (register)", LOADSTORE, LDRD_REG,
      ls_extra_reg),
    E(0x0e500ff0u, 0x001000d0u, "LDRSB (register)", LOADSTORE, LDRSB_REG,
      ls_extra_reg),
    E(0x0e501ff0u, 0x000000f0u, "STRD (register)", LOADSTORE, STRD_REG,
      ls_extra_reg),
    E(0x0e500ff0u, 0x001000f0u, "LDRSH (register)", LOADSTORE, LDRSH_REG,
      ls_extra_reg),

    /* ---- Load/store multiple (A5.5); bit 22 ('^') is privileged ---- */
    E(0x0e500000u, 0x08000000u, "STM", LDMSTM, STM, ldm_stm),
    E(0x0e500000u, 0x08100000u, "LDM", LDMSTM, LDM, ldm_stm),

    /* ---- Synchronization primitives (A5.2.10, ARMv8 acquire/release) ---- */
    E(0x0ff00fffu, 0x01900f9fu, "LDREX", EXCLUSIVE, LDREX, ldrex),
    E(0x0ff01fffu, 0x01b00f9fu, "LDREXD", EXCLUSIVE, LDREXD, ldrex),
    E(0x0ff00fffu, 0x01d00f9fu, "LDREXB", EXCLUSIVE, LDREXB, ldrex),
    E(0x0ff00fffu, 0x01f00f9fu, "LDREXH", EXCLUSIVE, LDREXH, ldrex),
    E(0x0ff00ff0u, 0x01800f90u, "STREX", EXCLUSIVE, STREX, strex),
    E(0x0ff00ff1u, 0x01a00f90u, "STREXD", EXCLUSIVE, STREXD, strex),
    E(0x0ff00ff0u, 0x01c00f90u, "STREXB", EXCLUSIVE, STREXB, strex),
    E(0x0ff00ff0u, 0x01e00f90u, "STREXH", EXCLUSIVE, STREXH, strex),
    E(0x0ff00fffu, 0x01900e9fu, "LDAEX", EXCLUSIVE, LDREX, ldrex),
    E(0x0ff01fffu, 0x01b00e9fu, "LDAEXD", EXCLUSIVE, LDREXD, ldrex),
    E(0x0ff00fffu, 0x01d00e9fu, "LDAEXB", EXCLUSIVE, LDREXB, ldrex),
    E(0x0ff00fffu, 0x01f00e9fu, "LDAEXH", EXCLUSIVE, LDREXH, ldrex),
    E(0x0ff00ff0u, 0x01800e90u, "STLEX", EXCLUSIVE, STREX, strex),
    E(0x0ff00ff1u, 0x01a00e90u, "STLEXD", EXCLUSIVE, STREXD, strex),
    E(0x0ff00ff0u, 0x01c00e90u, "STLEXB", EXCLUSIVE, STREXB, strex),
    E(0x0ff00ff0u, 0x01e00e90u, "STLEXH", EXCLUSIVE, STREXH, strex),
    E(0x0ff00fffu, 0x01900c9fu, "LDA", EXCLUSIVE, LDA, lda),
    E(0x0ff00fffu, 0x01d00c9fu, "LDAB", EXCLUSIVE, LDAB, lda),
    E(0x0ff00fffu, 0x01f00c9fu, "LDAH", EXCLUSIVE, LDAH, lda),
    E(0x0ff0fff0u, 0x0180fc90u, "STL", EXCLUSIVE, STL, stl),
    E(0x0ff0fff0u, 0x01c0fc90u, "STLB", EXCLUSIVE, STLB, stl),
    E(0x0ff0fff0u, 0x01e0fc90u, "STLH", EXCLUSIVE, STLH, stl),
    E(0x0ff00ff0u, 0x01000090u, "SWP", EXCLUSIVE, SWP, swp),
    E(0x0ff00ff0u, 0x01400090u, "SWPB", EXCLUSIVE, SWPB, swp),
    E(0xffffffffu, 0xf57ff01fu, "CLREX", EXCLUSIVE, CLREX, clrex),

    /* ---- System (A5.2.11-12, A5.6, A5.7) ---- */
    E(0x0f000000u, 0x0f000000u, "SVC", SYSTEM, SVC, svc),
    E(0xfff000f0u, 0xe1200070u, "BKPT", SYSTEM, BKPT, bkpt),
    E(0xfff000f0u, 0xe7f000f0u, "UDF", SYSTEM, UDF, udf),
    E(0x0fffff00u, 0x0320f000u, "hint (NOP, YIELD, WFE, WFI, SEV, SEVL, DBG)",
      SYSTEM, NOP, hint),
    E(0x0ff0f000u, 0x0320f000u, "MSR (immediate)", SYSTEM, MSR_IMM, msr_imm),
    E(0x0ff0fff0u, 0x0120f000u, "MSR (register)", SYSTEM, MSR_REG, msr_reg),
    E(0x0fff0fffu, 0x010f0000u, "MRS", SYSTEM, MRS, mrs),
    E(0x0fff0fdfu, 0x0e1d0f50u, "MRC p15 TPIDRURW/TPIDRURO", SYSTEM,
      MRC_TPIDR, mrc_tpidr),
    E(0x0fff0fffu, 0x0e0d0f50u, "MCR p15 TPIDRURW", SYSTEM, MCR_TPIDR,
      mcr_tpidr),
    E(0x0fff0fffu, 0x0e070fbau, "MCR p15 DMB (c7, c10, 5)", SYSTEM, BARRIER,
      cp15_barrier),
    E(0x0fff0fffu, 0x0e070f9au, "MCR p15 DSB (c7, c10, 4)", SYSTEM, BARRIER,
      cp15_barrier),
    E(0x0fff0fffu, 0x0e070f95u, "MCR p15 ISB (c7, c5, 4)", SYSTEM, BARRIER,
      cp15_barrier),
    E(0xfffffff0u, 0xf57ff040u, "DSB", SYSTEM, BARRIER, barrier),
    E(0xfffffff0u, 0xf57ff050u, "DMB", SYSTEM, BARRIER, barrier),
    E(0xfffffff0u, 0xf57ff060u, "ISB", SYSTEM, BARRIER, barrier),
    E(0xfff1fe20u, 0xf1000000u, "CPS", SYSTEM, NOP, cps),
    E(0xffffffffu, 0xf1010000u, "SETEND LE", SYSTEM, NOP, setend),
    E(0xff70f000u, 0xf450f000u, "PLI (immediate, literal)", SYSTEM, NOP,
      preload),
    E(0xff70f000u, 0xf550f000u, "PLD (immediate, literal)", SYSTEM, NOP,
      preload),
    E(0xff70f000u, 0xf510f000u, "PLDW (immediate)", SYSTEM, NOP, preload),
    E(0xff70f010u, 0xf650f000u, "PLI (register)", SYSTEM, NOP, preload),
    E(0xff70f010u, 0xf750f000u, "PLD (register)", SYSTEM, NOP, preload),
    E(0xff70f010u, 0xf710f000u, "PLDW (register)", SYSTEM, NOP, preload),

    /* ---- Coprocessors 10 and 11: VFP (decode_vfp.c) ---- */
    E(0x0e000e00u, 0x0c000a00u, "VFP load/store, 64-bit transfer", VFP,
      VFP_FIRST_, vfp),
    E(0x0f000e00u, 0x0e000a00u, "VFP data-processing, register transfer",
      VFP, VFP_FIRST_, vfp),
    E(0xff000e10u, 0xfe000a00u, "VFP (ARMv8 unconditional)", VFP,
      VFP_FIRST_, vfp),

    /* ---- Advanced SIMD (decode_neon.c); cp11 transfers the VFP decoder
     * rejected (VDUP, 8/16-bit scalar moves) reach the last entry ---- */
    { 0xfe000000u, 0xf2000000u, "Advanced SIMD data-processing", GROUP_NEON,
      OP_NEON_FIRST_, guest_neon_a32_entry },
    { 0xff100000u, 0xf4000000u, "Advanced SIMD element/structure load/store",
      GROUP_NEON, OP_NEON_FIRST_, guest_neon_a32_entry },
    { 0x0f000f1fu, 0x0e000b10u, "Advanced SIMD core register transfer",
      GROUP_NEON, OP_NEON_FIRST_, guest_neon_a32_entry },
};

const unsigned guest_a32_pattern_count =
    sizeof guest_a32_patterns / sizeof guest_a32_patterns[0];

/* ---- Pre-dispatch index ------------------------------------------------ */

/* Key: condition == 0xF, bits 27:20 (op1 and the data-processing opcode),
 * bit 7 and bit 4. Almost every bucket then holds one to four entries. */
#define A32_KEY_BITS 11u
#define A32_BUCKETS (1u << A32_KEY_BITS)
#define A32_KEY_MASK 0x0ff00090u
/* Sum over entries of the buckets each one falls in (counted by
 * build_index, which aborts if the table ever outgrows it). */
#define A32_MAX_REFS 2048u

static unsigned key_of(uint32_t raw)
{
    return ((raw >> 28) == 0xf) << 10 | ((raw >> 20) & 0xffu) << 2 |
           ((raw >> 7) & 1u) << 1 | ((raw >> 4) & 1u);
}

static uint16_t bucket_start[A32_BUCKETS + 1];
static uint16_t bucket_refs[A32_MAX_REFS];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;
static _Atomic bool index_ready;

/* A conditional-space entry belongs to the buckets with condition != 0xF, an
 * unconditional one to those with 0xF, and in either case to every bucket
 * whose key bits agree with the entry's value where its mask fixes them:
 * the key bits an entry fixes, and their values. */
static void entry_key_bits(const struct guest_insn_pattern *p, unsigned *fixed, unsigned *value)
{
    bool uncond_entry = (p->mask & 0xf0000000u) == 0xf0000000u &&
                        (p->value & 0xf0000000u) == 0xf0000000u;
    unsigned m = 1u << 10, v = (unsigned)uncond_entry << 10;
    for (unsigned b = 0; b < 8; b++) {
        if (p->mask & (1u << (20 + b))) {
            m |= 1u << (2 + b);
            v |= ((p->value >> (20 + b)) & 1u) << (2 + b);
        }
    }
    if (p->mask & (1u << 7)) {
        m |= 2u;
        v |= ((p->value >> 7) & 1u) << 1;
    }
    if (p->mask & (1u << 4)) {
        m |= 1u;
        v |= (p->value >> 4) & 1u;
    }
    *fixed = m;
    *value = v;
}

/* Visits the buckets of entry i: value plus every combination of the key
 * bits it leaves free. Runs at every start-up, so it costs the number of
 * references, not buckets x entries. */
#define FOR_EACH_BUCKET(i, key, BODY)                                           \
    do {                                                                        \
        unsigned fixed_, value_;                                                \
        entry_key_bits(&guest_a32_patterns[i], &fixed_, &value_);               \
        unsigned free_ = (A32_BUCKETS - 1u) & ~fixed_;                          \
        for (unsigned sub_ = free_;; sub_ = (sub_ - 1u) & free_) {              \
            unsigned key = value_ | sub_;                                       \
            BODY;                                                               \
            if (!sub_)                                                          \
                break;                                                          \
        }                                                                       \
    } while (0)

static void build_index(void)
{
    static uint16_t count[A32_BUCKETS], cursor[A32_BUCKETS];
    unsigned total = 0;
    for (unsigned i = 0; i < guest_a32_pattern_count; i++)
        FOR_EACH_BUCKET(i, key, count[key]++);
    for (unsigned key = 0; key < A32_BUCKETS; key++) {
        bucket_start[key] = (uint16_t)total;
        cursor[key] = (uint16_t)total;
        total += count[key];
    }
    if (total > A32_MAX_REFS)
        abort();    /* A32_MAX_REFS too small for the table */
    bucket_start[A32_BUCKETS] = (uint16_t)total;
    /* Entries in table order within each bucket: the first match wins. */
    for (unsigned i = 0; i < guest_a32_pattern_count; i++)
        FOR_EACH_BUCKET(i, key, bucket_refs[cursor[key]++] = (uint16_t)i);
    atomic_store_explicit(&index_ready, true, memory_order_release);
}

void guest_decode_a32(uint32_t pc, uint32_t raw, struct guest_insn *insn)
{
    if (!atomic_load_explicit(&index_ready, memory_order_acquire))
        pthread_once(&index_once, build_index);
    unsigned key = key_of(raw);
    for (unsigned i = bucket_start[key]; i < bucket_start[key + 1]; i++) {
        const struct guest_insn_pattern *p =
            &guest_a32_patterns[bucket_refs[i]];
        if ((raw & p->mask) != p->value)
            continue;
        insn->pc = pc;
        if (p->decode(p, raw, insn))
            return;
    }
    *insn = (struct guest_insn){
        .pc = pc, .raw = raw, .op = OP_UNDEFINED, .cond = COND_AL, .length = 4,
    };
}
