/*
 * T32 decoder: the entry point guest_decode_t32() and the 32-bit encodings
 * (ARMv7-A ARM A6.3, plus the ARMv8 AArch32 load-acquire/store-release and
 * SEVL additions). The 16-bit encodings live in decode_t16.c.
 *
 * guest_t32_patterns[] is matched against (hw1 << 16) | hw2. The entry
 * point pre-fills pc, raw, length, thumb, itstate and the IT condition, then
 * tries the pattern entries whose fixed bits agree with the word; decode
 * functions read insn->pc and insn->itstate and fill the operation fields,
 * or return false for UNDEFINED/UNPREDICTABLE encodings (-> OP_UNDEFINED).
 *
 * To keep decoding cheap, the tables are indexed once (first use) by the
 * bits every entry discriminates on first: the top 8 bits of a 16-bit
 * encoding, and hw1[12:4] plus hw2[15] of a 32-bit one. A bucket lists, in
 * table order, only the entries that can match words with those bits.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "guest/decode.h"

static inline bool in_it_block(const struct guest_insn *insn)
{
    return (insn->itstate & 0xfu) != 0;
}

/* Branches and other writes to pc may only be last in an IT block. */
static inline bool pc_write_allowed(const struct guest_insn *insn)
{
    return (insn->itstate & 0xfu) == 0 || (insn->itstate & 0xfu) == 0x8u;
}

static inline unsigned bits(uint32_t raw, unsigned hi, unsigned lo)
{
    return (raw >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* Register operand restrictions follow ARMv8-A AArch32, which removed the
 * ARMv7 UNPREDICTABLE cases for R13 in T32 ("Armv8-A removes UNPREDICTABLE
 * for R13"): SP is an ordinary register operand, r15 stays forbidden where
 * the ARM ARM says so. LDM/STM lists still may not contain SP. */
static inline bool is_pc(unsigned r)
{
    return r == 15;
}

/* Common register fields of 32-bit encodings. */
#define RN(raw) bits(raw, 19, 16)
#define RD(raw) bits(raw, 11, 8)
#define RT(raw) bits(raw, 15, 12)
#define RM(raw) bits(raw, 3, 0)

/* The i:imm3:imm8 field of the immediate data-processing encodings. */
static uint32_t imm12_of(uint32_t raw)
{
    return bits(raw, 26, 26) << 11 | bits(raw, 14, 12) << 8 | (raw & 0xffu);
}

/* ThumbExpandImm_C: false for the UNPREDICTABLE zero replicated forms. */
static bool thumb_expand_imm(uint32_t imm12, uint32_t *out, bool *rotated)
{
    uint32_t imm8 = imm12 & 0xffu;
    *rotated = (imm12 >> 10) != 0;
    if (!*rotated) {
        switch (imm12 >> 8) {
        case 0: *out = imm8; return true;
        case 1: *out = imm8 << 16 | imm8; break;
        case 2: *out = imm8 << 24 | imm8 << 8; break;
        default: *out = imm8 * 0x01010101u; break;
        }
        return imm8 != 0;
    }
    uint32_t unrotated = 0x80u | (imm12 & 0x7fu);
    unsigned rot = imm12 >> 7;               /* 8..31 */
    *out = unrotated >> rot | unrotated << (32 - rot);
    return true;
}

/* DecodeImmShift into insn->shift_type/shift_amount. */
static void set_imm_shift(struct guest_insn *insn, unsigned type, unsigned imm5)
{
    if (type == SHIFT_ROR && imm5 == 0) {
        insn->shift_type = SHIFT_RRX;
        insn->shift_amount = 1;
        return;
    }
    insn->shift_type = (uint8_t)type;
    insn->shift_amount = (uint8_t)(type != SHIFT_LSL && imm5 == 0 ? 32 : imm5);
}

/* Register constraints shared by the modified-immediate and shifted-register
 * data-processing forms (rm is checked by the caller). Rd == 15 with S == 1
 * is a compare form with its own entry; without S it is UNPREDICTABLE. Rn ==
 * 15 selects MOV/MVN (own entries) or is UNPREDICTABLE. */
static bool dp_regs_ok(unsigned op_base, unsigned d, unsigned n)
{
    switch (op_base) {
    case OP_TST_IMM: case OP_TEQ_IMM: case OP_CMP_IMM: case OP_CMN_IMM:
        return n != 15;
    case OP_MOV_IMM: case OP_MVN_IMM:
        return d != 15;
    default:
        return d != 15 && n != 15;
    }
}

static bool is_compare(unsigned op_base)
{
    return op_base == OP_TST_IMM || op_base == OP_TEQ_IMM ||
           op_base == OP_CMP_IMM || op_base == OP_CMN_IMM;
}

/* Data-processing (modified immediate); p->op is the NAME_IMM op. */
static bool t32_dp_modimm(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw);
    uint32_t imm12 = imm12_of(raw), imm;
    bool rotated;
    if (!thumb_expand_imm(imm12, &imm, &rotated) || !dp_regs_ok(p->op, d, n))
        return false;
    insn->op = p->op;
    insn->imm = imm;
    insn->flags = (uint16_t)((bits(raw, 20, 20) ? F_S : 0) | (rotated ? F_IMM_CARRY : 0));
    if (!is_compare(p->op))
        insn->rd = (uint8_t)d;
    if (p->op != OP_MOV_IMM && p->op != OP_MVN_IMM)
        insn->rn = (uint8_t)n;
    return true;
}

/* Data-processing (shifted register); p->op is the NAME_REG op. */
static bool t32_dp_shifted(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), m = RM(raw);
    unsigned type = bits(raw, 5, 4), imm5 = bits(raw, 14, 12) << 2 | bits(raw, 7, 6);
    unsigned op_imm = p->op - (OP_AND_REG - OP_AND_IMM);
    bool s = bits(raw, 20, 20);
    if (is_pc(m) || !dp_regs_ok(op_imm, d, n))
        return false;
    insn->op = p->op;
    insn->rm = (uint8_t)m;
    set_imm_shift(insn, type, imm5);
    insn->flags = s ? F_S : 0;
    if (!is_compare(op_imm))
        insn->rd = (uint8_t)d;
    if (p->op != OP_MOV_REG && p->op != OP_MVN_REG)
        insn->rn = (uint8_t)n;
    return true;
}

static bool t32_pkh(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), m = RM(raw);
    unsigned imm5 = bits(raw, 14, 12) << 2 | bits(raw, 7, 6);
    if (is_pc(d) || is_pc(n) || is_pc(m))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    set_imm_shift(insn, p->op == OP_PKHTB ? SHIFT_ASR : SHIFT_LSL, imm5);
    return true;
}

/* ---- Data-processing (plain binary immediate) ---- */

/* ADDW/SUBW Rd, Rn, #imm12. */
static bool t32_addw(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw);
    if (d == 15 || n == 15)
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->imm = imm12_of(raw);
    return true;
}

/* ADR.W: the subtract form stores the negated offset. */
static bool t32_adr(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned d = RD(raw);
    if (is_pc(d))
        return false;
    insn->op = OP_ADR;
    insn->rd = (uint8_t)d;
    insn->rn = 15;
    insn->imm = bits(raw, 23, 23) ? 0u - imm12_of(raw) : imm12_of(raw);
    return true;
}

static bool t32_movw(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned d = RD(raw);
    if (is_pc(d))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->imm = RN(raw) << 12 | imm12_of(raw);
    return true;
}

/* SSAT/USAT Rd, #sat, Rn{, LSL/ASR #n}. */
static bool t32_sat(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), sh = bits(raw, 21, 21);
    unsigned amount = bits(raw, 14, 12) << 2 | bits(raw, 7, 6);
    if (is_pc(d) || is_pc(n) || (sh && amount == 0))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->shift_type = sh ? SHIFT_ASR : SHIFT_LSL;
    insn->shift_amount = (uint8_t)amount;
    insn->imm = (raw & 0x1fu) + (p->op == OP_SSAT ? 1 : 0);
    return true;
}

static bool t32_sat16(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw);
    if (is_pc(d) || is_pc(n))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->imm = (raw & 0xfu) + (p->op == OP_SSAT16 ? 1 : 0);
    return true;
}

/* SBFX/UBFX (imm = lsb | (width-1) << 8), BFI/BFC (imm = lsb | msb << 8). */
static bool t32_bitfield(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), hi = raw & 0x1fu;
    unsigned lsb = bits(raw, 14, 12) << 2 | bits(raw, 7, 6);
    if (is_pc(d))
        return false;
    if (p->op == OP_SBFX || p->op == OP_UBFX) {
        if (is_pc(n) || lsb + hi > 31)
            return false;
    } else if (hi < lsb || (p->op == OP_BFI && is_pc(n))) {
        return false;
    }
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    if (p->op != OP_BFC)
        insn->rn = (uint8_t)n;
    insn->imm = lsb | hi << 8;
    return true;
}

/* ---- Branches and miscellaneous control ---- */

static bool t32_bcond(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned cond = bits(raw, 25, 22);
    if (cond >= 0xe || in_it_block(insn))
        return false;
    uint32_t off = bits(raw, 26, 26) << 20 | bits(raw, 11, 11) << 19 |
                   bits(raw, 13, 13) << 18 | bits(raw, 21, 16) << 12 |
                   bits(raw, 10, 0) << 1;
    insn->op = OP_B;
    insn->cond = (uint8_t)cond;
    insn->imm = insn->pc + 4 + (uint32_t)((int32_t)(off << 11) >> 11);
    return true;
}

/* B.W, BL, BLX (immediate): offset S:I1:I2:imm10:imm11:'0'. */
static bool t32_branch24(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    if (!pc_write_allowed(insn))
        return false;
    unsigned s = bits(raw, 26, 26);
    unsigned i1 = !(bits(raw, 13, 13) ^ s), i2 = !(bits(raw, 11, 11) ^ s);
    uint32_t off = s << 24 | i1 << 23 | i2 << 22 | bits(raw, 25, 16) << 12 |
                   bits(raw, 10, 0) << 1;
    uint32_t rel = (uint32_t)((int32_t)(off << 7) >> 7);
    insn->op = p->op;
    if (p->op == OP_BLX_IMM)
        insn->imm = ((insn->pc + 4) & ~3u) + rel;   /* bit 1 of imm10L is 0 */
    else
        insn->imm = insn->pc + 4 + rel;
    return true;
}

static bool t32_msr(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned n = RN(raw), mask = bits(raw, 11, 10);
    if (mask == 0 || is_pc(n))
        return false;
    insn->op = OP_MSR_REG;
    insn->rm = (uint8_t)n;
    insn->shift_amount = (uint8_t)(mask << 2);
    return true;
}

static bool t32_mrs(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned d = RD(raw);
    if (is_pc(d))
        return false;
    insn->op = OP_MRS;
    insn->rd = (uint8_t)d;
    return true;
}

/* Hints (all NOP in user mode) and CPS (no effect in user mode). */
static bool t32_hint_cps(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned imod = bits(raw, 10, 9), mbit = bits(raw, 8, 8), aif = bits(raw, 7, 5);
    if (imod != 0 || mbit != 0) {            /* CPS */
        if (in_it_block(insn) || imod == 1 || (bits(raw, 4, 0) != 0 && !mbit))
            return false;
        if ((imod & 2) ? aif == 0 : aif != 0)
            return false;
    }
    insn->op = OP_NOP;
    return true;
}

static bool t32_barrier(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    unsigned kind = bits(raw, 7, 4);
    insn->op = p->op;
    if (p->op == OP_BARRIER)
        insn->imm = kind == 4 ? 1 : kind == 5 ? 0 : 2;
    return true;
}

static bool t32_bxj(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned m = RN(raw);
    if (is_pc(m) || !pc_write_allowed(insn))
        return false;
    insn->op = OP_BX;
    insn->rm = (uint8_t)m;
    return true;
}

static bool t32_udf(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    insn->op = OP_UDF;
    insn->imm = raw;
    return true;
}

/* ---- Single loads and stores ---- */

/* Rt constraints: no store of pc; LDR to pc (BXWritePC) only where a pc
 * write is allowed; byte/halfword loads to pc are the preload hints
 * (earlier entries) or UNPREDICTABLE. */
static bool ls_rt_ok(unsigned op, unsigned t, const struct guest_insn *insn)
{
    switch (op) {
    case OP_STR_IMM: case OP_STR_REG:
        return t != 15;
    case OP_LDR_IMM: case OP_LDR_REG:
        return t != 15 || pc_write_allowed(insn);
    default:
        return !is_pc(t);
    }
}

static void ls_fill(struct guest_insn *insn, unsigned op, unsigned t,
                    unsigned n, uint32_t imm, uint16_t flags)
{
    insn->op = (uint16_t)op;
    insn->rd = (uint8_t)t;
    insn->rn = (uint8_t)n;
    insn->imm = imm;
    insn->flags = flags;
}

static bool t32_ls_literal(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    unsigned t = RT(raw);
    if (!ls_rt_ok(p->op, t, insn))
        return false;
    ls_fill(insn, p->op, t, 15, raw & 0xfffu,
            (uint16_t)(F_PRE | (bits(raw, 23, 23) ? F_ADD : 0)));
    return true;
}

static bool t32_ls_imm12(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned t = RT(raw), n = RN(raw);
    if (n == 15 || !ls_rt_ok(p->op, t, insn))
        return false;
    ls_fill(insn, p->op, t, n, raw & 0xfffu, F_PRE | F_ADD);
    return true;
}

/* imm8 forms: hw2 = Rt:1:P:U:W:imm8 (P == 0 && W == 0 is UNDEFINED and
 * P:U:W == 110 is the unprivileged form; both have their own entries). */
static bool t32_ls_imm8(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    unsigned t = RT(raw), n = RN(raw);
    bool pre = bits(raw, 10, 10), add = bits(raw, 9, 9), wback = bits(raw, 8, 8);
    if (n == 15 || !ls_rt_ok(p->op, t, insn) || (wback && n == t))
        return false;
    ls_fill(insn, p->op, t, n, raw & 0xffu,
            (uint16_t)((pre ? F_PRE : 0) | (add ? F_ADD : 0) | (wback ? F_WBACK : 0)));
    return true;
}

static bool t32_ls_unpriv(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned t = RT(raw), n = RN(raw);
    if (n == 15 || is_pc(t))
        return false;
    ls_fill(insn, p->op, t, n, raw & 0xffu, F_PRE | F_ADD | F_USER);
    return true;
}

static bool t32_ls_reg(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    unsigned t = RT(raw), n = RN(raw), m = RM(raw);
    if (n == 15 || is_pc(m) || !ls_rt_ok(p->op, t, insn))
        return false;
    ls_fill(insn, p->op, t, n, 0, F_PRE | F_ADD);
    insn->rm = (uint8_t)m;
    insn->shift_type = SHIFT_LSL;
    insn->shift_amount = (uint8_t)bits(raw, 5, 4);
    return true;
}

/* PLD/PLDW/PLI: no architectural effect. */
static bool t32_preload(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    insn->op = OP_NOP;
    return true;
}

static bool t32_preload_reg(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    if (is_pc(RM(raw)))
        return false;
    insn->op = OP_NOP;
    return true;
}

/* LDRD/STRD (immediate and literal): hw1 = 1110 100P U1W L Rn. */
static bool t32_ldrd_strd(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned t = RT(raw), t2 = RD(raw), n = RN(raw);
    bool pre = bits(raw, 24, 24), add = bits(raw, 23, 23), wback = bits(raw, 21, 21);
    if (is_pc(t) || is_pc(t2))
        return false;
    if (wback && (n == t || n == t2 || n == 15))
        return false;
    if (p->op == OP_LDRD_IMM ? t == t2 : n == 15)
        return false;
    ls_fill(insn, p->op, t, n, (raw & 0xffu) << 2,
            (uint16_t)((pre ? F_PRE : 0) | (add ? F_ADD : 0) | (wback ? F_WBACK : 0)));
    insn->ra = (uint8_t)t2;
    return true;
}

/* ---- Load/store multiple ---- */

static bool t32_ldm_stm(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    unsigned n = RN(raw);
    uint32_t list = raw & 0xffffu;
    bool wback = bits(raw, 21, 21), before = bits(raw, 24, 24);
    if (n == 15 || __builtin_popcount(list) < 2 || (wback && ((list >> n) & 1u)))
        return false;
    if (p->op == OP_LDM && ((list & 0xc000u) == 0xc000u ||
                            ((list & 0x8000u) && !pc_write_allowed(insn))))
        return false;
    insn->op = p->op;
    insn->rn = (uint8_t)n;
    insn->imm = list;
    insn->flags = (uint16_t)((before ? F_PRE : F_ADD) | (wback ? F_WBACK : 0));
    return true;
}

/* ---- Exclusives, acquire/release, table branch ---- */

/* LDREX Rt, [Rn, #imm8*4]. */
static bool t32_ldrex(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned t = RT(raw), n = RN(raw);
    if (is_pc(t) || n == 15)
        return false;
    ls_fill(insn, OP_LDREX, t, n, (raw & 0xffu) << 2, 0);
    return true;
}

/* STREX Rd, Rt, [Rn, #imm8*4]. */
static bool t32_strex(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned d = RD(raw), t = RT(raw), n = RN(raw);
    if (is_pc(d) || is_pc(t) || n == 15 || d == n || d == t)
        return false;
    ls_fill(insn, OP_STREX, d, n, (raw & 0xffu) << 2, 0);
    insn->rm = (uint8_t)t;
    return true;
}

/* Loads of the 0xe8d0 space: LDREXB/H/D, LDAEX*, LDA*. op3 = raw[7:4]:
 * bit 3 set means acquire (LDA*, LDAEX*); 10xx are the non-exclusive LDA*. */
static bool t32_load_acq_excl(const struct guest_insn_pattern *p, uint32_t raw,
                              struct guest_insn *insn)
{
    unsigned t = RT(raw), t2 = RD(raw), n = RN(raw), op3 = bits(raw, 7, 4);
    bool dual = p->op == OP_LDREXD;
    if (is_pc(t) || n == 15 || (dual && (is_pc(t2) || t == t2)))
        return false;
    ls_fill(insn, p->op, t, n, 0, (op3 & 0xcu) == 0xcu ? F_ACQREL : 0);
    if (dual)
        insn->ra = (uint8_t)t2;
    return true;
}

/* Stores of the 0xe8c0 space: STREXB/H/D, STLEX*, STL*. */
static bool t32_store_rel_excl(const struct guest_insn_pattern *p, uint32_t raw,
                               struct guest_insn *insn)
{
    unsigned t = RT(raw), t2 = RD(raw), d = RM(raw), n = RN(raw);
    unsigned op3 = bits(raw, 7, 4);
    bool dual = p->op == OP_STREXD;
    if (is_pc(t) || n == 15)
        return false;
    if (p->op == OP_STL || p->op == OP_STLB || p->op == OP_STLH) {
        ls_fill(insn, p->op, t, n, 0, 0);
        return true;
    }
    if (is_pc(d) || d == n || d == t || (dual && (is_pc(t2) || d == t2)))
        return false;
    ls_fill(insn, p->op, d, n, 0, (op3 & 0xcu) == 0xcu ? F_ACQREL : 0);
    insn->rm = (uint8_t)t;
    if (dual)
        insn->ra = (uint8_t)t2;
    return true;
}

static bool t32_table_branch(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    unsigned n = RN(raw), m = RM(raw);
    if (is_pc(m) || !pc_write_allowed(insn))
        return false;
    insn->op = p->op;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    return true;
}

/* ---- Data-processing (register) ---- */

/* LSL/LSR/ASR/ROR{S}.W Rd, Rn, Rm: rd = Shift(r[Rn], type, r[Rm]). */
static bool t32_shift_reg(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), m = RM(raw);
    if (is_pc(d) || is_pc(n) || is_pc(m))
        return false;
    insn->op = OP_MOV_RSR;
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)n;
    insn->ra = (uint8_t)m;
    insn->shift_type = (uint8_t)bits(raw, 22, 21);
    insn->flags = bits(raw, 20, 20) ? F_S : 0;
    return true;
}

static bool is_extend_add(unsigned op)
{
    return op == OP_SXTAB || op == OP_SXTAH || op == OP_SXTAB16 ||
           op == OP_UXTAB || op == OP_UXTAH || op == OP_UXTAB16;
}

static bool t32_extend(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), m = RM(raw);
    bool add = is_extend_add(p->op);
    if (is_pc(d) || is_pc(m) || (add && is_pc(n)))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    if (add)
        insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    insn->shift_amount = (uint8_t)(bits(raw, 5, 4) * 8);
    return true;
}

/* rd = f(rn, rm): parallel add/sub (imm from the entry), QADD family, SEL,
 * and the three-register multiplies. */
static bool t32_rd_rn_rm(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned d = RD(raw), n = RN(raw), m = RM(raw);
    if (is_pc(d) || is_pc(n) || is_pc(m))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    return true;
}

static bool t32_parallel(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    /* op1 = raw[22:20] -> kind; raw[6] unsigned, raw[5:4] plain/Q/H. */
    static const int8_t kind_of_op1[8] = { 4, 0, 1, -1, 5, 3, 2, -1 };
    int kind = kind_of_op1[bits(raw, 22, 20)];
    unsigned variant = bits(raw, 5, 4);
    if (kind < 0 || variant == 3 || !t32_rd_rn_rm(p, raw, insn))
        return false;
    insn->imm = (bits(raw, 6, 6) * 3 + variant) * 8 + (unsigned)kind;
    return true;
}

/* REV/REV16/RBIT/REVSH/CLZ: Rm is encoded twice and must agree. */
static bool t32_rd_rm(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned d = RD(raw), m = RM(raw);
    if (RN(raw) != m || is_pc(d) || is_pc(m))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)m;
    return true;
}

/* ---- Multiplies ---- */

static uint16_t multiply_flags(unsigned op, uint32_t raw)
{
    bool b5 = bits(raw, 5, 5), b4 = bits(raw, 4, 4);
    switch (op) {
    case OP_SMULXY: case OP_SMLAXY: case OP_SMLALXY:
        return (uint16_t)((b5 ? F_NHIGH : 0) | (b4 ? F_MHIGH : 0));
    case OP_SMULWY: case OP_SMLAWY:
        return b4 ? F_MHIGH : 0;
    case OP_SMUAD: case OP_SMUSD: case OP_SMLAD: case OP_SMLSD:
    case OP_SMLALD: case OP_SMLSLD:
        return b4 ? F_X : 0;
    case OP_SMMUL: case OP_SMMLA: case OP_SMMLS:
        return b4 ? F_ROUND : 0;
    default:
        return 0;
    }
}

/* Three-operand forms (Ra field 1111) and SDIV/UDIV. */
static bool t32_mul3(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!t32_rd_rn_rm(p, raw, insn))
        return false;
    insn->flags = multiply_flags(p->op, raw);
    return true;
}

/* Accumulating forms: ra = Ra (not SP; 1111 is the 3-operand entry). */
static bool t32_mul4(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned a = RT(raw);
    if (is_pc(a) || !t32_rd_rn_rm(p, raw, insn))
        return false;
    insn->ra = (uint8_t)a;
    insn->flags = multiply_flags(p->op, raw);
    return true;
}

/* Long forms: rd = RdLo (hw2[15:12]), ra = RdHi (hw2[11:8]). */
static bool t32_mul_long(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned lo = RT(raw), hi = RD(raw), n = RN(raw), m = RM(raw);
    if (is_pc(lo) || is_pc(hi) || is_pc(n) || is_pc(m) || lo == hi)
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)lo;
    insn->ra = (uint8_t)hi;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    insn->flags = multiply_flags(p->op, raw);
    return true;
}

/* ---- Coprocessor space ---- */

/* MRC p15, 0, Rt, c13, c0, {2,3} / MCR p15, 0, Rt, c13, c0, 2. */
static bool t32_tpidr(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned t = RT(raw);
    if (is_pc(t))
        return false;
    insn->op = p->op;
    insn->rd = (uint8_t)t;
    insn->imm = bits(raw, 7, 5);
    return true;
}

/* CP15 barrier operations (c7, c10, 5 / c7, c10, 4 / c7, c5, 4). */
static bool t32_cp15_barrier(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    if (is_pc(RT(raw)))
        return false;
    insn->op = OP_BARRIER;
    insn->imm = (raw & 0xffu) == 0xbau ? 0 : (raw & 0xffu) == 0x9au ? 1 : 2;
    return true;
}

/* VFP: the VFP module decodes the A32 form of the same encoding, which is
 * the T32 word itself (hw1 0xECxx-0xEExx: cond 0xE; 0xFExx: cond 0xF). */
static bool t32_vfp(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    struct guest_insn keep = *insn;
    if (!guest_decode_vfp(raw, insn) ||
        insn->op == OP_UNDEFINED)
        return false;                        /* caller resets the fields */
    insn->pc = keep.pc;
    insn->raw = keep.raw;
    insn->length = 4;
    insn->thumb = 1;
    insn->itstate = keep.itstate;
    insn->cond = keep.cond;
    return true;
}

#define E(mask, value, name, grp, op, fn) \
    { mask, value, name, GROUP_##grp, OP_##op, fn }

/* Modified-immediate (hw1 11110i0 op S Rn) and shifted-register
 * (hw1 1110101 op S Rn) data-processing entries for one opcode. */
#define DPI(opc, name, op) \
    E(0xfbe08000u, 0xf0000000u | (opc) << 21, name " (immediate)", DATAPROC, op##_IMM, t32_dp_modimm)
#define DPR(opc, name, op) \
    E(0xffe08000u, 0xea000000u | (opc) << 21, name " (register)", DATAPROC, op##_REG, t32_dp_shifted)
/* Compare forms: S == 1, Rd == 1111. */
#define DPI_CMP(opc, name, op) \
    E(0xfbf08f00u, 0xf0100f00u | (opc) << 21, name " (immediate)", DATAPROC, op##_IMM, t32_dp_modimm)
#define DPR_CMP(opc, name, op) \
    E(0xfff08f00u, 0xea100f00u | (opc) << 21, name " (register)", DATAPROC, op##_REG, t32_dp_shifted)
/* Move forms: Rn == 1111. */
#define DPI_MOV(opc, name, op) \
    E(0xfbef8000u, 0xf00f0000u | (opc) << 21, name " (immediate)", DATAPROC, op##_IMM, t32_dp_modimm)
#define DPR_MOV(opc, name, op) \
    E(0xffef8000u, 0xea0f0000u | (opc) << 21, name " (register)", DATAPROC, op##_REG, t32_dp_shifted)

/* Single loads/stores: hw1 = 1111100 S size L Rn; hi12 = top 12 bits of the
 * imm8/register forms (the imm12 form sets bit 7 of hw1). */
#define LS_FORMS(hi12, name, opi, opr) \
    E(0xfff00000u, ((hi12) | 8u) << 20, name " (imm12)", LOADSTORE, opi, t32_ls_imm12), \
    E(0xfff00900u, (hi12) << 20 | 0x900u, name " (imm8, indexed)", LOADSTORE, opi, t32_ls_imm8), \
    E(0xfff00f00u, (hi12) << 20 | 0xc00u, name " (imm8, negative)", LOADSTORE, opi, t32_ls_imm8), \
    E(0xfff00f00u, (hi12) << 20 | 0xe00u, name "T (unprivileged)", LOADSTORE, opi, t32_ls_unpriv), \
    E(0xfff00fc0u, (hi12) << 20, name " (register)", LOADSTORE, opr, t32_ls_reg)
#define LD_LITERAL(hi12, name, opi) \
    E(0xff7f0000u, (hi12) << 20 | 0x000f0000u, name " (literal)", LOADSTORE, opi, t32_ls_literal)

/* Parallel add/subtract: one row per prefix (hw2[6:4]). */
#define PAR(op1, op2, name) \
    E(0xfff0f0f0u, 0xfa80f000u | (op1) << 20 | (op2) << 4, name, PARALLEL, PARALLEL, t32_parallel)
#define PAR_ROW(op2, pfx) \
    PAR(1, op2, pfx "ADD16"), PAR(2, op2, pfx "ASX"), PAR(6, op2, pfx "SAX"), \
    PAR(5, op2, pfx "SUB16"), PAR(0, op2, pfx "ADD8"), PAR(4, op2, pfx "SUB8")

/* Extends: hw1 = 11111010 0 op Rn, hw2 = 1111 Rd 1 0 rot Rm; Rn == 1111 is
 * the plain form. */
#define EXT(op, plain, pname, add, aname) \
    E(0xfffff0c0u, 0xfa0ff080u | (op) << 20, pname, MISC, plain, t32_extend), \
    E(0xfff0f0c0u, 0xfa00f080u | (op) << 20, aname, MISC, add, t32_extend)

/* Multiplies: hw1 = 111110110 op1 Rn, hw2 = Ra Rd op2 Rm. */
#define MUL3(val, mask, name, op) E(mask, val, name, MULTIPLY, op, t32_mul3)
#define MUL4(val, mask, name, op) E(mask, val, name, MULTIPLY, op, t32_mul4)
#define MULL(val, mask, name, op) E(mask, val, name, MULTIPLY, op, t32_mul_long)

const struct guest_insn_pattern guest_t32_patterns[] = {
    /* Load/store multiple: hw1 = 1110100 op 0 W L Rn. */
    E(0xffd0a000u, 0xe8800000u, "STM (STMIA)", LDMSTM, STM, t32_ldm_stm),
    E(0xffd02000u, 0xe8900000u, "LDM (LDMIA) / POP", LDMSTM, LDM, t32_ldm_stm),
    E(0xffd0a000u, 0xe9000000u, "STMDB / PUSH", LDMSTM, STM, t32_ldm_stm),
    E(0xffd02000u, 0xe9100000u, "LDMDB", LDMSTM, LDM, t32_ldm_stm),

    /* Load/store dual, exclusive, acquire/release, table branch. */
    E(0xfff00000u, 0xe8400000u, "STREX", EXCLUSIVE, STREX, t32_strex),
    E(0xfff00f00u, 0xe8500f00u, "LDREX", EXCLUSIVE, LDREX, t32_ldrex),
    E(0xff500000u, 0xe9400000u, "STRD (immediate, offset/pre-indexed)", LOADSTORE, STRD_IMM, t32_ldrd_strd),
    E(0xff700000u, 0xe8600000u, "STRD (immediate, post-indexed)", LOADSTORE, STRD_IMM, t32_ldrd_strd),
    E(0xff500000u, 0xe9500000u, "LDRD (immediate/literal, offset/pre-indexed)", LOADSTORE, LDRD_IMM, t32_ldrd_strd),
    E(0xff700000u, 0xe8700000u, "LDRD (immediate, post-indexed)", LOADSTORE, LDRD_IMM, t32_ldrd_strd),
    E(0xfff00ff0u, 0xe8c00f40u, "STREXB", EXCLUSIVE, STREXB, t32_store_rel_excl),
    E(0xfff00ff0u, 0xe8c00f50u, "STREXH", EXCLUSIVE, STREXH, t32_store_rel_excl),
    E(0xfff000f0u, 0xe8c00070u, "STREXD", EXCLUSIVE, STREXD, t32_store_rel_excl),
    E(0xfff00fffu, 0xe8c00f8fu, "STLB", EXCLUSIVE, STLB, t32_store_rel_excl),
    E(0xfff00fffu, 0xe8c00f9fu, "STLH", EXCLUSIVE, STLH, t32_store_rel_excl),
    E(0xfff00fffu, 0xe8c00fafu, "STL", EXCLUSIVE, STL, t32_store_rel_excl),
    E(0xfff00ff0u, 0xe8c00fc0u, "STLEXB", EXCLUSIVE, STREXB, t32_store_rel_excl),
    E(0xfff00ff0u, 0xe8c00fd0u, "STLEXH", EXCLUSIVE, STREXH, t32_store_rel_excl),
    E(0xfff00ff0u, 0xe8c00fe0u, "STLEX", EXCLUSIVE, STREX, t32_store_rel_excl),
    E(0xfff000f0u, 0xe8c000f0u, "STLEXD", EXCLUSIVE, STREXD, t32_store_rel_excl),
    E(0xfff0fff0u, 0xe8d0f000u, "TBB", BRANCH, TBB, t32_table_branch),
    E(0xfff0fff0u, 0xe8d0f010u, "TBH", BRANCH, TBH, t32_table_branch),
    E(0xfff00fffu, 0xe8d00f4fu, "LDREXB", EXCLUSIVE, LDREXB, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00f5fu, "LDREXH", EXCLUSIVE, LDREXH, t32_load_acq_excl),
    E(0xfff000ffu, 0xe8d0007fu, "LDREXD", EXCLUSIVE, LDREXD, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00f8fu, "LDAB", EXCLUSIVE, LDAB, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00f9fu, "LDAH", EXCLUSIVE, LDAH, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00fafu, "LDA", EXCLUSIVE, LDA, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00fcfu, "LDAEXB", EXCLUSIVE, LDREXB, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00fdfu, "LDAEXH", EXCLUSIVE, LDREXH, t32_load_acq_excl),
    E(0xfff00fffu, 0xe8d00fefu, "LDAEX", EXCLUSIVE, LDREX, t32_load_acq_excl),
    E(0xfff000ffu, 0xe8d000ffu, "LDAEXD", EXCLUSIVE, LDREXD, t32_load_acq_excl),

    /* Data-processing (shifted register): hw1 = 1110101 op S Rn. */
    DPR_CMP(0x0, "TST", TST), DPR(0x0, "AND", AND),
    DPR(0x1, "BIC", BIC),
    DPR_MOV(0x2, "MOV/LSL/LSR/ASR/ROR/RRX", MOV), DPR(0x2, "ORR", ORR),
    DPR_MOV(0x3, "MVN", MVN), DPR(0x3, "ORN", ORN),
    DPR_CMP(0x4, "TEQ", TEQ), DPR(0x4, "EOR", EOR),
    E(0xfff08030u, 0xeac00000u, "PKHBT", MISC, PKHBT, t32_pkh),
    E(0xfff08030u, 0xeac00020u, "PKHTB", MISC, PKHTB, t32_pkh),
    DPR_CMP(0x8, "CMN", CMN), DPR(0x8, "ADD", ADD),
    DPR(0xa, "ADC", ADC), DPR(0xb, "SBC", SBC),
    DPR_CMP(0xd, "CMP", CMP), DPR(0xd, "SUB", SUB),
    DPR(0xe, "RSB", RSB),

    /* Coprocessor space: TLS registers, CP15 barriers, VFP. */
    E(0xffff0fffu, 0xee1d0f70u, "MRC p15 TPIDRURO", SYSTEM, MRC_TPIDR, t32_tpidr),
    E(0xffff0fffu, 0xee1d0f50u, "MRC p15 TPIDRURW", SYSTEM, MRC_TPIDR, t32_tpidr),
    E(0xffff0fffu, 0xee0d0f50u, "MCR p15 TPIDRURW", SYSTEM, MCR_TPIDR, t32_tpidr),
    E(0xffff0fffu, 0xee070fbau, "MCR p15 CP15DMB", SYSTEM, BARRIER, t32_cp15_barrier),
    E(0xffff0fffu, 0xee070f9au, "MCR p15 CP15DSB", SYSTEM, BARRIER, t32_cp15_barrier),
    E(0xffff0fffu, 0xee070f95u, "MCR p15 CP15ISB", SYSTEM, BARRIER, t32_cp15_barrier),
    E(0xfe000e00u, 0xec000a00u, "VFP (load/store, 64-bit transfer)", VFP, UNDEFINED, t32_vfp),
    E(0xff000e00u, 0xee000a00u, "VFP (data-processing, register transfer)", VFP, UNDEFINED, t32_vfp),
    E(0xff000e10u, 0xfe000a00u, "VFP (ARMv8 VSEL, VMAXNM, VRINT, VCVT)", VFP, UNDEFINED, t32_vfp),
    E(0xff000f1fu, 0xee000b10u, "Advanced SIMD core register transfer", NEON, NEON_FIRST_, guest_neon_t32_entry),
    E(0xef000000u, 0xef000000u, "Advanced SIMD data-processing", NEON, NEON_FIRST_, guest_neon_t32_entry),
    E(0xff100000u, 0xf9000000u, "Advanced SIMD element/structure load/store", NEON, NEON_FIRST_, guest_neon_t32_entry),

    /* Data-processing (modified immediate): hw1 = 11110 i 0 op S Rn. */
    DPI_CMP(0x0, "TST", TST), DPI(0x0, "AND", AND),
    DPI(0x1, "BIC", BIC),
    DPI_MOV(0x2, "MOV", MOV), DPI(0x2, "ORR", ORR),
    DPI_MOV(0x3, "MVN", MVN), DPI(0x3, "ORN", ORN),
    DPI_CMP(0x4, "TEQ", TEQ), DPI(0x4, "EOR", EOR),
    DPI_CMP(0x8, "CMN", CMN), DPI(0x8, "ADD", ADD),
    DPI(0xa, "ADC", ADC), DPI(0xb, "SBC", SBC),
    DPI_CMP(0xd, "CMP", CMP), DPI(0xd, "SUB", SUB),
    DPI(0xe, "RSB", RSB),

    /* Data-processing (plain binary immediate): hw1 = 11110 i 1 op Rn. */
    E(0xfbff8000u, 0xf20f0000u, "ADR.W (add)", DATAPROC, ADR, t32_adr),
    E(0xfbf08000u, 0xf2000000u, "ADDW", DATAPROC, ADD_IMM, t32_addw),
    E(0xfbf08000u, 0xf2400000u, "MOVW", DATAPROC, MOVW, t32_movw),
    E(0xfbff8000u, 0xf2af0000u, "ADR.W (subtract)", DATAPROC, ADR, t32_adr),
    E(0xfbf08000u, 0xf2a00000u, "SUBW", DATAPROC, SUB_IMM, t32_addw),
    E(0xfbf08000u, 0xf2c00000u, "MOVT", DATAPROC, MOVT, t32_movw),
    E(0xfff0f0f0u, 0xf3200000u, "SSAT16", SATURATE, SSAT16, t32_sat16),
    E(0xffd08020u, 0xf3000000u, "SSAT", SATURATE, SSAT, t32_sat),
    E(0xfff08020u, 0xf3400000u, "SBFX", MISC, SBFX, t32_bitfield),
    E(0xffff8020u, 0xf36f0000u, "BFC", MISC, BFC, t32_bitfield),
    E(0xfff08020u, 0xf3600000u, "BFI", MISC, BFI, t32_bitfield),
    E(0xfff0f0f0u, 0xf3a00000u, "USAT16", SATURATE, USAT16, t32_sat16),
    E(0xffd08020u, 0xf3800000u, "USAT", SATURATE, USAT, t32_sat),
    E(0xfff08020u, 0xf3c00000u, "UBFX", MISC, UBFX, t32_bitfield),

    /* Branches and miscellaneous control: hw1 = 11110 ..., hw2 = 1 op1 ... */
    E(0xfff0f3ffu, 0xf3808000u, "MSR (register, APSR)", SYSTEM, MSR_REG, t32_msr),
    E(0xffffff00u, 0xf3af8000u, "hint (NOP, YIELD, WFE, WFI, SEV, SEVL, DBG)", SYSTEM, NOP, t32_hint_cps),
    E(0xfffff800u, 0xf3af8000u, "CPS", SYSTEM, NOP, t32_hint_cps),
    E(0xffffffffu, 0xf3bf8f2fu, "CLREX", EXCLUSIVE, CLREX, t32_barrier),
    E(0xfffffff0u, 0xf3bf8f40u, "DSB", SYSTEM, BARRIER, t32_barrier),
    E(0xfffffff0u, 0xf3bf8f50u, "DMB", SYSTEM, BARRIER, t32_barrier),
    E(0xfffffff0u, 0xf3bf8f60u, "ISB", SYSTEM, BARRIER, t32_barrier),
    E(0xfff0ffffu, 0xf3c08f00u, "BXJ", BRANCH, BX, t32_bxj),
    E(0xfffff0ffu, 0xf3ef8000u, "MRS (APSR)", SYSTEM, MRS, t32_mrs),
    E(0xfff0f000u, 0xf7f0a000u, "UDF", SYSTEM, UDF, t32_udf),
    E(0xf800d000u, 0xf0008000u, "B (conditional)", BRANCH, B, t32_bcond),
    E(0xf800d000u, 0xf0009000u, "B.W", BRANCH, B, t32_branch24),
    E(0xf800d001u, 0xf000c000u, "BLX (immediate)", BRANCH, BLX_IMM, t32_branch24),
    E(0xf800d000u, 0xf000d000u, "BL", BRANCH, BL, t32_branch24),

    /* Preload hints (Rt == 1111 in the byte/halfword load spaces). */
    E(0xff7ff000u, 0xf81ff000u, "PLD (literal)", SYSTEM, NOP, t32_preload),
    E(0xfff0f000u, 0xf890f000u, "PLD (imm12)", SYSTEM, NOP, t32_preload),
    E(0xfff0ff00u, 0xf810fc00u, "PLD (imm8)", SYSTEM, NOP, t32_preload),
    E(0xfff0ffc0u, 0xf810f000u, "PLD (register)", SYSTEM, NOP, t32_preload_reg),
    E(0xfff0f000u, 0xf8b0f000u, "PLDW (imm12)", SYSTEM, NOP, t32_preload),
    E(0xfff0ff00u, 0xf830fc00u, "PLDW (imm8)", SYSTEM, NOP, t32_preload),
    E(0xfff0ffc0u, 0xf830f000u, "PLDW (register)", SYSTEM, NOP, t32_preload_reg),
    E(0xff7ff000u, 0xf91ff000u, "PLI (literal)", SYSTEM, NOP, t32_preload),
    E(0xfff0f000u, 0xf990f000u, "PLI (imm12)", SYSTEM, NOP, t32_preload),
    E(0xfff0ff00u, 0xf910fc00u, "PLI (imm8)", SYSTEM, NOP, t32_preload),
    E(0xfff0ffc0u, 0xf910f000u, "PLI (register)", SYSTEM, NOP, t32_preload_reg),

    /* Single loads and stores. */
    LS_FORMS(0xf80u, "STRB", STRB_IMM, STRB_REG),
    LS_FORMS(0xf82u, "STRH", STRH_IMM, STRH_REG),
    LS_FORMS(0xf84u, "STR", STR_IMM, STR_REG),
    LD_LITERAL(0xf81u, "LDRB", LDRB_IMM), LS_FORMS(0xf81u, "LDRB", LDRB_IMM, LDRB_REG),
    LD_LITERAL(0xf83u, "LDRH", LDRH_IMM), LS_FORMS(0xf83u, "LDRH", LDRH_IMM, LDRH_REG),
    LD_LITERAL(0xf85u, "LDR", LDR_IMM), LS_FORMS(0xf85u, "LDR", LDR_IMM, LDR_REG),
    LD_LITERAL(0xf91u, "LDRSB", LDRSB_IMM), LS_FORMS(0xf91u, "LDRSB", LDRSB_IMM, LDRSB_REG),
    LD_LITERAL(0xf93u, "LDRSH", LDRSH_IMM), LS_FORMS(0xf93u, "LDRSH", LDRSH_IMM, LDRSH_REG),

    /* Data-processing (register): hw1 = 11111010 ... */
    E(0xffe0f0f0u, 0xfa00f000u, "LSL (register)", DATAPROC, MOV_RSR, t32_shift_reg),
    E(0xffe0f0f0u, 0xfa20f000u, "LSR (register)", DATAPROC, MOV_RSR, t32_shift_reg),
    E(0xffe0f0f0u, 0xfa40f000u, "ASR (register)", DATAPROC, MOV_RSR, t32_shift_reg),
    E(0xffe0f0f0u, 0xfa60f000u, "ROR (register)", DATAPROC, MOV_RSR, t32_shift_reg),
    EXT(0x0, SXTH, "SXTH", SXTAH, "SXTAH"),
    EXT(0x1, UXTH, "UXTH", UXTAH, "UXTAH"),
    EXT(0x2, SXTB16, "SXTB16", SXTAB16, "SXTAB16"),
    EXT(0x3, UXTB16, "UXTB16", UXTAB16, "UXTAB16"),
    EXT(0x4, SXTB, "SXTB", SXTAB, "SXTAB"),
    EXT(0x5, UXTB, "UXTB", UXTAB, "UXTAB"),
    PAR_ROW(0x0, "S"), PAR_ROW(0x1, "Q"), PAR_ROW(0x2, "SH"),
    PAR_ROW(0x4, "U"), PAR_ROW(0x5, "UQ"), PAR_ROW(0x6, "UH"),
    E(0xfff0f0f0u, 0xfa80f080u, "QADD", SATURATE, QADD, t32_rd_rn_rm),
    E(0xfff0f0f0u, 0xfa80f090u, "QDADD", SATURATE, QDADD, t32_rd_rn_rm),
    E(0xfff0f0f0u, 0xfa80f0a0u, "QSUB", SATURATE, QSUB, t32_rd_rn_rm),
    E(0xfff0f0f0u, 0xfa80f0b0u, "QDSUB", SATURATE, QDSUB, t32_rd_rn_rm),
    E(0xfff0f0f0u, 0xfa90f080u, "REV", MISC, REV, t32_rd_rm),
    E(0xfff0f0f0u, 0xfa90f090u, "REV16", MISC, REV16, t32_rd_rm),
    E(0xfff0f0f0u, 0xfa90f0a0u, "RBIT", MISC, RBIT, t32_rd_rm),
    E(0xfff0f0f0u, 0xfa90f0b0u, "REVSH", MISC, REVSH, t32_rd_rm),
    E(0xfff0f0f0u, 0xfaa0f080u, "SEL", MISC, SEL, t32_rd_rn_rm),
    E(0xfff0f0f0u, 0xfab0f080u, "CLZ", MISC, CLZ, t32_rd_rm),
    /* ARMv8 CRC32 (decode_crypto.c): hw1 = 1111 1010 110C Rn, sz = hw2[5:4]. */
    E(0xfff0f0c0u, 0xfac0f080u, "CRC32", CRYPTO, CRC32, guest_crc32_t32_entry),
    E(0xfff0f0c0u, 0xfad0f080u, "CRC32C", CRYPTO, CRC32C, guest_crc32_t32_entry),

    /* Multiply, multiply-accumulate, absolute difference. */
    MUL3(0xfb00f000u, 0xfff0f0f0u, "MUL", MUL),
    MUL4(0xfb000000u, 0xfff000f0u, "MLA", MLA),
    MUL4(0xfb000010u, 0xfff000f0u, "MLS", MLS),
    MUL3(0xfb10f000u, 0xfff0f0c0u, "SMUL<x><y>", SMULXY),
    MUL4(0xfb100000u, 0xfff000c0u, "SMLA<x><y>", SMLAXY),
    MUL3(0xfb20f000u, 0xfff0f0e0u, "SMUAD", SMUAD),
    MUL4(0xfb200000u, 0xfff000e0u, "SMLAD", SMLAD),
    MUL3(0xfb30f000u, 0xfff0f0e0u, "SMULW<y>", SMULWY),
    MUL4(0xfb300000u, 0xfff000e0u, "SMLAW<y>", SMLAWY),
    MUL3(0xfb40f000u, 0xfff0f0e0u, "SMUSD", SMUSD),
    MUL4(0xfb400000u, 0xfff000e0u, "SMLSD", SMLSD),
    MUL3(0xfb50f000u, 0xfff0f0e0u, "SMMUL", SMMUL),
    MUL4(0xfb500000u, 0xfff000e0u, "SMMLA", SMMLA),
    MUL4(0xfb600000u, 0xfff000e0u, "SMMLS", SMMLS),
    MUL3(0xfb70f000u, 0xfff0f0f0u, "USAD8", USAD8),
    MUL4(0xfb700000u, 0xfff000f0u, "USADA8", USADA8),
    /* Long multiply, long multiply-accumulate, divide. */
    MULL(0xfb800000u, 0xfff000f0u, "SMULL", SMULL),
    MUL3(0xfb90f0f0u, 0xfff0f0f0u, "SDIV", SDIV),
    MULL(0xfba00000u, 0xfff000f0u, "UMULL", UMULL),
    MUL3(0xfbb0f0f0u, 0xfff0f0f0u, "UDIV", UDIV),
    MULL(0xfbc00000u, 0xfff000f0u, "SMLAL", SMLAL),
    MULL(0xfbc00080u, 0xfff000c0u, "SMLAL<x><y>", SMLALXY),
    MULL(0xfbc000c0u, 0xfff000e0u, "SMLALD", SMLALD),
    MULL(0xfbd000c0u, 0xfff000e0u, "SMLSLD", SMLSLD),
    MULL(0xfbe00000u, 0xfff000f0u, "UMLAL", UMLAL),
    MULL(0xfbe00060u, 0xfff000f0u, "UMAAL", UMAAL),
};

const unsigned guest_t32_pattern_count =
    sizeof guest_t32_patterns / sizeof guest_t32_patterns[0];

/* ---- Bucket index and entry point ---- */

#define T16_BUCKETS 256u
#define T32_BUCKETS 1024u
#define T16_KEY_MASK 0xff00u
#define T32_KEY_MASK 0x1ff08000u
#define INDEX_CAPACITY 8192u

static inline unsigned t16_key(uint32_t hw)
{
    return hw >> 8;
}

static inline unsigned t32_key(uint32_t raw)
{
    return ((raw >> 19) & 0x3feu) | ((raw >> 15) & 1u);
}

static uint16_t t16_start[T16_BUCKETS + 1], t32_start[T32_BUCKETS + 1];
static uint16_t t16_list[INDEX_CAPACITY], t32_list[INDEX_CAPACITY];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* Bucket b holds, in table order, the entries that can match a halfword
 * or word whose key bits are those of representative(b): the entries
 * whose value agrees with it wherever mask & key_mask fixes a bit. Built
 * at every start-up by visiting each entry's own buckets (its fixed key
 * bits plus every combination of the free ones), so the cost is the
 * number of references, not buckets x entries. */
static void build_one_index(const struct guest_insn_pattern *table,
                            unsigned count, unsigned buckets,
                            uint32_t (*representative)(unsigned),
                            uint32_t key_mask, uint16_t *start,
                            uint16_t *list)
{
    uint32_t base = representative(0), key_raw_bits = 0, raw_bit[16];
    unsigned nbits = 0;
    while ((1u << nbits) < buckets)
        nbits++;
    for (unsigned b = 0; b < nbits; b++) {
        raw_bit[b] = representative(1u << b) ^ base;
        key_raw_bits |= raw_bit[b];
    }
    static uint16_t fill[T32_BUCKETS > T16_BUCKETS ? T32_BUCKETS : T16_BUCKETS];
    memset(fill, 0, sizeof fill);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            unsigned used = 0;
            for (unsigned b = 0; b < buckets; b++) {
                start[b] = (uint16_t)used;
                used += fill[b];
                fill[b] = start[b];
            }
            if (used > INDEX_CAPACITY) {
                fprintf(stderr, "a32run: T32 decode index overflow\n");
                abort();
            }
            start[buckets] = (uint16_t)used;
        }
        for (unsigned i = 0; i < count; i++) {
            uint32_t fixed_raw = table[i].mask & key_mask;
            if ((base ^ table[i].value) & fixed_raw & ~key_raw_bits)
                continue;       /* fixed outside the key, unlike every representative */
            unsigned fixed = 0, value = 0;
            for (unsigned b = 0; b < nbits; b++) {
                if (fixed_raw & raw_bit[b]) {
                    fixed |= 1u << b;
                    if (table[i].value & raw_bit[b])
                        value |= 1u << b;
                }
            }
            unsigned free_bits = (buckets - 1u) & ~fixed;
            for (unsigned sub = free_bits;; sub = (sub - 1u) & free_bits) {
                unsigned b = value | sub;
                if (pass == 0)
                    fill[b]++;
                else
                    list[fill[b]++] = (uint16_t)i;
                if (!sub)
                    break;
            }
        }
    }
}

static uint32_t t16_representative(unsigned b)
{
    return b << 8;
}

static uint32_t t32_representative(unsigned b)
{
    return 0xe0000000u | (b >> 1) << 20 | (b & 1u) << 15;
}

static void build_index(void)
{
    build_one_index(guest_t16_patterns, guest_t16_pattern_count, T16_BUCKETS,
                    t16_representative, T16_KEY_MASK, t16_start, t16_list);
    build_one_index(guest_t32_patterns, guest_t32_pattern_count, T32_BUCKETS,
                    t32_representative, T32_KEY_MASK | 0xe0000000u,
                    t32_start, t32_list);
}

/* Writes the fields every decode fills, straight into *insn (building a
 * template on the stack and copying it costs store-forwarding stalls). */
static inline void init_insn(struct guest_insn *insn, uint32_t pc, uint32_t raw,
                             unsigned length, unsigned it, unsigned cond)
{
    *insn = (struct guest_insn){
        .pc = pc,
        .raw = raw,
        .op = OP_UNDEFINED,
        .cond = (uint8_t)cond,
        .length = (uint8_t)length,
        .itstate = (uint8_t)it,
        .thumb = 1,
    };
}

unsigned guest_decode_t32(uint32_t pc, uint16_t hw1, uint16_t hw2,
                          uint32_t itstate, struct guest_insn *insn)
{
    pthread_once(&index_once, build_index);

    bool wide = guest_t32_is_32bit(hw1);
    unsigned it = itstate & 0xffu;
    unsigned length = wide ? 4 : 2;
    unsigned cond = (it & 0xfu) ? it >> 4 : COND_AL;
    uint32_t raw = wide ? (uint32_t)hw1 << 16 | hw2 : hw1;
    if (cond == COND_NV) {                   /* only from a corrupt ITSTATE */
        init_insn(insn, pc, raw, length, it, COND_AL);
        return length;
    }
    init_insn(insn, pc, raw, length, it, cond);

    const struct guest_insn_pattern *table;
    const uint16_t *list;
    unsigned from, to;
    if (wide) {
        unsigned key = t32_key(raw);
        table = guest_t32_patterns;
        list = t32_list;
        from = t32_start[key];
        to = t32_start[key + 1];
    } else {
        unsigned key = t16_key(raw);
        table = guest_t16_patterns;
        list = t16_list;
        from = t16_start[key];
        to = t16_start[key + 1];
    }
    for (unsigned i = from; i < to; i++) {
        const struct guest_insn_pattern *p = &table[list[i]];
        if ((raw & p->mask) != p->value)
            continue;
        if (p->decode(p, raw, insn))
            return length;
        init_insn(insn, pc, raw, length, it, cond);   /* undo a partial decode */
    }
    return length;
}
