/*
 * Private interface between the A32 pattern table and dispatcher
 * (decode_a32.c) and the A32 decode functions: data-processing, multiply
 * and media in decode_a32_ops.c, memory access in decode_a32_mem.c,
 * branches and system in decode_a32_sys.c.
 *
 * Contract of every decode function: the caller has set insn->pc; the
 * function fills every other field of *insn and returns true, or returns
 * false when the word is not a valid user-mode encoding of its pattern
 * (UNDEFINED, UNPREDICTABLE, should-be bits violated, condition 0xF for a
 * conditional pattern). *insn is unspecified after false.
 */
#ifndef A32RUN_GUEST_DECODE_A32_INTERNAL_H
#define A32RUN_GUEST_DECODE_A32_INTERNAL_H

#include "guest/decode.h"

#define A32_RN(raw) (((raw) >> 16) & 15u)
#define A32_RD(raw) (((raw) >> 12) & 15u)
#define A32_RS(raw) (((raw) >> 8) & 15u)
#define A32_RM(raw) ((raw) & 15u)
#define A32_BIT(raw, n) (((raw) >> (n)) & 1u)

/* Fills every field but pc (the caller's) for a 4-byte A32 instruction. */
static inline void a32_reset(struct guest_insn *insn, uint32_t raw,
                             unsigned op, unsigned cond)
{
    uint32_t pc = insn->pc;
    *insn = (struct guest_insn){
        .pc = pc, .raw = raw, .op = (uint16_t)op, .cond = (uint8_t)cond,
        .length = 4,
    };
}

/* Starts decoding a conditional-space word; condition 0xF selects the
 * unconditional space, which conditional patterns never describe. */
static inline bool a32_begin(uint32_t raw, struct guest_insn *insn,
                             unsigned op)
{
    unsigned cond = raw >> 28;
    if (cond == 0xf)
        return false;
    a32_reset(insn, raw, op, cond);
    return true;
}

static inline bool a32_begin_uncond(uint32_t raw, struct guest_insn *insn,
                                    unsigned op)
{
    if ((raw >> 28) != 0xf)
        return false;
    a32_reset(insn, raw, op, COND_AL);
    return true;
}

/* ARMExpandImm: 8-bit value rotated right by twice the 4-bit rotation. */
static inline uint32_t a32_expand_imm(uint32_t raw)
{
    uint32_t imm8 = raw & 0xffu, rot = ((raw >> 8) & 15u) * 2;
    return rot ? (imm8 >> rot) | (imm8 << (32 - rot)) : imm8;
}

/* DecodeImmShift, normalised as insn.h describes. */
static inline void a32_set_imm_shift(struct guest_insn *insn, unsigned type,
                                     unsigned imm5)
{
    switch (type) {
    case 0:
        insn->shift_type = SHIFT_LSL;
        insn->shift_amount = (uint8_t)imm5;
        break;
    case 1:
    case 2:
        insn->shift_type = type == 1 ? SHIFT_LSR : SHIFT_ASR;
        insn->shift_amount = (uint8_t)(imm5 ? imm5 : 32);
        break;
    default:
        insn->shift_type = imm5 ? SHIFT_ROR : SHIFT_RRX;
        insn->shift_amount = (uint8_t)(imm5 ? imm5 : 1);
        break;
    }
}

static inline void a32_set_raw_imm_shift(struct guest_insn *insn, uint32_t raw)
{
    a32_set_imm_shift(insn, (raw >> 5) & 3u, (raw >> 7) & 31u);
}

#define A32_DECODE_FNS(X)                                                    \
    /* data-processing */                                                    \
    X(dp_imm) X(dp_reg) X(dp_rsr) X(adr) X(movw_movt)                        \
    /* multiplies */                                                         \
    X(mul) X(mla_mls) X(mul_long) X(mul_half) X(mul_dual) X(mul_dual_long)   \
    X(smmul) X(div)                                                          \
    /* saturating, parallel, misc media */                                   \
    X(qaddsub) X(sat) X(sat16) X(parallel) X(sel) X(usad8) X(pkh)           \
    X(extend) X(rev_rbit_clz) X(bfc_bfi) X(bfx)                              \
    /* loads and stores */                                                   \
    X(ls_word_imm) X(ls_word_reg) X(ls_word_t_imm) X(ls_word_t_reg)          \
    X(ls_extra_imm) X(ls_extra_reg) X(ls_extra_t_imm) X(ls_extra_t_reg)      \
    X(ldm_stm) X(ldrex) X(strex) X(lda) X(stl) X(swp)                        \
    /* branches */                                                           \
    X(b_bl) X(blx_imm) X(bx) X(blx_reg)                                      \
    /* system */                                                             \
    X(svc) X(bkpt) X(udf) X(hint) X(msr_imm) X(msr_reg) X(mrs)               \
    X(mrc_tpidr) X(mcr_tpidr) X(cp15_barrier) X(barrier) X(clrex)            \
    X(cps) X(setend) X(preload) X(vfp)

#define A32_DECLARE_DECODE_FN(name) guest_decode_fn a32_dec_##name;
A32_DECODE_FNS(A32_DECLARE_DECODE_FN)
#undef A32_DECLARE_DECODE_FN

#endif
