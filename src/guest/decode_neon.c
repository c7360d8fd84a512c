/*
 * Advanced SIMD (NEON) decoder, ARMv7-A with VFPv4 (ARM ARM A7.4, A7.7,
 * A7.8), in A32 form; T32 words are mapped to the A32 form first.
 *
 * guest_neon_patterns[] is the single description of the encodings. Each
 * entry's decode function extracts the operands (field conventions in
 * insn_neon_ops.h) and returns false for UNDEFINED encodings and for the
 * UNPREDICTABLE ones we choose to reject (register lists past D31, Rn = PC
 * for element loads), so callers decode those words as OP_UNDEFINED. The
 * ARMv8 crypto encodings (AES, SHA, VMULL.P64) are decoded by the table of
 * decode_crypto.c, tried after this one; the other ARMv8 additions of this
 * space (VRINT, VCVTA..., VMAXNM, f16 arithmetic) are rejected.
 */
#include "guest/decode.h"

static inline uint32_t bits(uint32_t raw, unsigned hi, unsigned lo)
{
    return (raw >> lo) & ((1u << (hi - lo + 1)) - 1u);
}

static inline uint32_t bit(uint32_t raw, unsigned n)
{
    return (raw >> n) & 1u;
}

static inline unsigned reg_d(uint32_t raw)
{
    return bit(raw, 22) << 4 | bits(raw, 15, 12);
}

static inline unsigned reg_n(uint32_t raw)
{
    return bit(raw, 7) << 4 | bits(raw, 19, 16);
}

static inline unsigned reg_m(uint32_t raw)
{
    return bit(raw, 5) << 4 | bits(raw, 3, 0);
}

static void begin(struct guest_insn *insn, uint32_t raw, unsigned op)
{
    uint32_t pc = insn->pc;
    *insn = (struct guest_insn){
        .pc = pc, .raw = raw, .op = (uint16_t)op, .cond = COND_AL, .length = 4,
    };
}

static void set_regs(struct guest_insn *insn, unsigned d, unsigned n,
                     unsigned m)
{
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
}

/* ---- Three registers of the same length (A7.4.1) ---------------------- */

static bool dec_3same(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    bool u = bit(raw, 24), b = bit(raw, 4), q = bit(raw, 6);
    unsigned size = bits(raw, 21, 20), a = bits(raw, 11, 8);
    unsigned d = reg_d(raw), n = reg_n(raw), m = reg_m(raw);
    bool fop = bit(raw, 21);        /* float ops: op bit; bit 20 = sz */
    unsigned op = OP_UNDEFINED;
    bool signedness = false, no_size3 = false, pairwise = false, fl = false;

    if (q && ((d | n | m) & 1))
        return false;
    switch (a) {
    case 0: op = b ? OP_NEON_VQADD : OP_NEON_VHADD; no_size3 = !b;
        signedness = true; break;
    case 1:
        if (b) {
            static const uint16_t logic[2][4] = {
                { OP_NEON_VAND, OP_NEON_VBIC, OP_NEON_VORR, OP_NEON_VORN },
                { OP_NEON_VEOR, OP_NEON_VBSL, OP_NEON_VBIT, OP_NEON_VBIF },
            };
            op = logic[u][size];
            size = 0;
        } else {
            op = OP_NEON_VRHADD; no_size3 = true; signedness = true;
        }
        break;
    case 2: op = b ? OP_NEON_VQSUB : OP_NEON_VHSUB; no_size3 = !b;
        signedness = true; break;
    case 3: op = b ? OP_NEON_VCGE : OP_NEON_VCGT; no_size3 = true;
        signedness = true; break;
    case 4: op = b ? OP_NEON_VQSHL : OP_NEON_VSHL; signedness = true; break;
    case 5: op = b ? OP_NEON_VQRSHL : OP_NEON_VRSHL; signedness = true; break;
    case 6: op = b ? OP_NEON_VMIN : OP_NEON_VMAX; no_size3 = true;
        signedness = true; break;
    case 7: op = b ? OP_NEON_VABA : OP_NEON_VABD; no_size3 = true;
        signedness = true; break;
    case 8:
        if (b) {
            op = u ? OP_NEON_VCEQ : OP_NEON_VTST; no_size3 = true;
        } else {
            op = u ? OP_NEON_VSUB : OP_NEON_VADD;
        }
        break;
    case 9:
        no_size3 = true;
        if (!b)
            op = u ? OP_NEON_VMLS : OP_NEON_VMLA;
        else if (!u)
            op = OP_NEON_VMUL;
        else if (size == 0)
            op = OP_NEON_VMULP;
        break;
    case 10: op = b ? OP_NEON_VPMIN : OP_NEON_VPMAX; no_size3 = true;
        signedness = true; pairwise = true; break;
    case 11:
        if (!b) {
            if (size == 0 || size == 3)
                return false;
            op = u ? OP_NEON_VQRDMULH : OP_NEON_VQDMULH;
        } else if (!u) {
            op = OP_NEON_VPADD; no_size3 = true; pairwise = true;
        }
        break;
    case 12:
        if (b && !u) {
            op = fop ? OP_NEON_VFMS_F : OP_NEON_VFMA_F;
            fl = true;
        }
        break;
    case 13:
        fl = true;
        if (!b) {
            if (!u)
                op = fop ? OP_NEON_VSUB_F : OP_NEON_VADD_F;
            else if (fop)
                op = OP_NEON_VABD_F;
            else {
                op = OP_NEON_VPADD_F; pairwise = true;
            }
        } else if (!u) {
            op = fop ? OP_NEON_VMLS_F : OP_NEON_VMLA_F;
        } else if (!fop) {
            op = OP_NEON_VMUL_F;
        }
        break;
    case 14:
        fl = true;
        if (!b) {
            if (!u)
                op = fop ? OP_UNDEFINED : OP_NEON_VCEQ_F;
            else
                op = fop ? OP_NEON_VCGT_F : OP_NEON_VCGE_F;
        } else if (u) {
            op = fop ? OP_NEON_VACGT_F : OP_NEON_VACGE_F;
        }
        break;
    default: /* 15 */
        fl = true;
        if (!b) {
            if (!u)
                op = fop ? OP_NEON_VMIN_F : OP_NEON_VMAX_F;
            else {
                op = fop ? OP_NEON_VPMIN_F : OP_NEON_VPMAX_F; pairwise = true;
            }
        } else if (!u) {
            op = fop ? OP_NEON_VRSQRTS_F : OP_NEON_VRECPS_F;
        }
        break;
    }
    if (op == OP_UNDEFINED)
        return false;
    if (fl) {
        if (bit(raw, 20))           /* sz = 1: half precision (ARMv8.2) */
            return false;
        size = 2;
    }
    if (no_size3 && size == 3)
        return false;
    if (pairwise && q)
        return false;
    begin(insn, raw, op);
    set_regs(insn, d, n, m);
    insn->shift_type = (uint8_t)size;
    if (q)
        insn->flags |= NF_Q;
    if (signedness && u)
        insn->flags |= NF_U;
    return true;
}

/* ---- One register and a modified immediate (A7.4.6) ------------------- */

static bool dec_imm(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned cmode = bits(raw, 11, 8), d = reg_d(raw);
    bool op = bit(raw, 5), q = bit(raw, 6);
    uint32_t imm8 = bit(raw, 24) << 7 | bits(raw, 18, 16) << 4 | bits(raw, 3, 0);
    uint32_t imm = 0;
    unsigned nop;
    bool imm64 = false;

    if (q && (d & 1))
        return false;
    switch (cmode >> 1) {
    case 0: imm = imm8; break;
    case 1: imm = imm8 << 8; break;
    case 2: imm = imm8 << 16; break;
    case 3: imm = imm8 << 24; break;
    case 4: imm = imm8 * 0x00010001u; break;
    case 5: imm = (imm8 << 8) * 0x00010001u; break;
    case 6: imm = (cmode & 1) ? (imm8 << 16 | 0xffffu) : (imm8 << 8 | 0xffu);
        break;
    default:
        if (!(cmode & 1)) {
            if (op)
                imm64 = true, imm = imm8;
            else
                imm = imm8 * 0x01010101u;
        } else {
            if (op)
                return false;
            imm = (imm8 >> 7) << 31 | (((imm8 >> 6) & 1) ? 0x3e000000u : 0x40000000u) |
                  (imm8 & 0x3fu) << 19;
        }
        break;
    }
    bool orr_bic = (cmode & 1) && cmode < 12;
    if (orr_bic)
        nop = op ? OP_NEON_VBIC_IMM : OP_NEON_VORR_IMM;
    else {
        nop = OP_NEON_VMOV_IMM;
        if (op && !imm64)
            imm = ~imm;             /* VMVN */
    }
    begin(insn, raw, nop);
    insn->rd = (uint8_t)d;
    insn->imm = imm;
    if (imm64)
        insn->flags |= NF_IMM64;
    if (q)
        insn->flags |= NF_Q;
    return true;
}

/* ---- Two registers and a shift amount (A7.4.4) ------------------------ */

static bool dec_shift(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    bool u = bit(raw, 24), l = bit(raw, 7), q = bit(raw, 6);
    unsigned imm6 = bits(raw, 21, 16), a = bits(raw, 11, 8);
    unsigned d = reg_d(raw), m = reg_m(raw);
    unsigned size, esize;
    if (l) {
        size = 3;
    } else if (imm6 & 0x20) {
        size = 2;
    } else if (imm6 & 0x10) {
        size = 1;
    } else if (imm6 & 0x08) {
        size = 0;
    } else {
        return false;               /* one register and an immediate */
    }
    esize = 8u << size;
    unsigned right = l ? 64 - imm6 : 2 * esize - imm6;
    unsigned left = l ? imm6 : imm6 - esize;
    unsigned op = OP_UNDEFINED, amount = 0;
    bool signedness = false, narrow = false, lengthen = false;

    switch (a) {
    case 0: op = OP_NEON_VSHR; amount = right; signedness = true; break;
    case 1: op = OP_NEON_VSRA; amount = right; signedness = true; break;
    case 2: op = OP_NEON_VRSHR; amount = right; signedness = true; break;
    case 3: op = OP_NEON_VRSRA; amount = right; signedness = true; break;
    case 4: if (u) op = OP_NEON_VSRI; amount = right; break;
    case 5: op = u ? OP_NEON_VSLI : OP_NEON_VSHL_IMM; amount = left; break;
    case 6: if (u) op = OP_NEON_VQSHLU; amount = left; break;
    case 7: op = OP_NEON_VQSHL_IMM; amount = left; signedness = true; break;
    case 8:
        if (l)
            return false;
        op = u ? (q ? OP_NEON_VQRSHRUN : OP_NEON_VQSHRUN)
               : (q ? OP_NEON_VRSHRN : OP_NEON_VSHRN);
        amount = right; narrow = true;
        break;
    case 9:
        if (l)
            return false;
        op = q ? OP_NEON_VQRSHRN : OP_NEON_VQSHRN;
        amount = right; narrow = true; signedness = true;
        break;
    case 10:
        if (l || q)
            return false;
        op = OP_NEON_VSHLL; amount = left; lengthen = true; signedness = true;
        break;
    case 14: case 15:
        if (l || !(imm6 & 0x20))
            return false;
        op = a == 14 ? OP_NEON_VCVT_F_I : OP_NEON_VCVT_I_F;
        amount = 64 - imm6;
        signedness = true;
        break;
    default:
        return false;
    }
    if (op == OP_UNDEFINED)
        return false;
    if (narrow) {
        if (m & 1)
            return false;
    } else if (lengthen) {
        if (d & 1)
            return false;
    } else if (q && ((d | m) & 1)) {
        return false;
    }
    begin(insn, raw, op);
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)m;
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)amount;
    if (q && !narrow)
        insn->flags |= NF_Q;
    if (signedness && u)
        insn->flags |= NF_U;
    return true;
}

/* ---- Three registers of different lengths (A7.4.2) -------------------- */

static bool dec_3diff(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    bool u = bit(raw, 24);
    unsigned size = bits(raw, 21, 20), a = bits(raw, 11, 8);
    unsigned d = reg_d(raw), n = reg_n(raw), m = reg_m(raw);
    unsigned op = OP_UNDEFINED;
    enum { LONG, WIDE, NARROW } form = LONG;
    bool signedness = false;

    if (size == 3)
        return false;               /* VEXT, misc, VTBL, VDUP */
    switch (a) {
    case 0: op = OP_NEON_VADDL; signedness = true; break;
    case 1: op = OP_NEON_VADDW; signedness = true; form = WIDE; break;
    case 2: op = OP_NEON_VSUBL; signedness = true; break;
    case 3: op = OP_NEON_VSUBW; signedness = true; form = WIDE; break;
    case 4: op = u ? OP_NEON_VRADDHN : OP_NEON_VADDHN; form = NARROW; break;
    case 5: op = OP_NEON_VABAL; signedness = true; break;
    case 6: op = u ? OP_NEON_VRSUBHN : OP_NEON_VSUBHN; form = NARROW; break;
    case 7: op = OP_NEON_VABDL; signedness = true; break;
    case 8: op = OP_NEON_VMLAL; signedness = true; break;
    case 10: op = OP_NEON_VMLSL; signedness = true; break;
    case 12: op = OP_NEON_VMULL; signedness = true; break;
    case 9: case 11: case 13:
        if (u || size == 0)
            return false;
        op = a == 9 ? OP_NEON_VQDMLAL : a == 11 ? OP_NEON_VQDMLSL
                                               : OP_NEON_VQDMULL;
        break;
    case 14:
        if (u || size != 0)         /* size 2: VMULL.P64 (ARMv8 crypto) */
            return false;
        op = OP_NEON_VMULLP;
        break;
    default:
        return false;
    }
    if (form == NARROW ? ((n | m) & 1) : form == WIDE ? ((d | n) & 1) : (d & 1))
        return false;
    begin(insn, raw, op);
    set_regs(insn, d, n, m);
    insn->shift_type = (uint8_t)size;
    if (signedness && u)
        insn->flags |= NF_U;
    return true;
}

/* ---- Two registers and a scalar (A7.4.3) ------------------------------ */

static bool dec_scalar(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    bool u = bit(raw, 24);          /* Q for the non-long forms */
    unsigned size = bits(raw, 21, 20), a = bits(raw, 11, 8);
    unsigned d = reg_d(raw), n = reg_n(raw);
    unsigned op = OP_UNDEFINED;
    bool is_long = false, fl = false, signedness = false;

    if (size == 0 || size == 3)
        return false;
    switch (a) {
    case 0: op = OP_NEON_VMLA; break;
    case 1: op = OP_NEON_VMLA_F; fl = true; break;
    case 4: op = OP_NEON_VMLS; break;
    case 5: op = OP_NEON_VMLS_F; fl = true; break;
    case 8: op = OP_NEON_VMUL; break;
    case 9: op = OP_NEON_VMUL_F; fl = true; break;
    case 12: op = OP_NEON_VQDMULH; break;
    case 13: op = OP_NEON_VQRDMULH; break;
    case 2: op = OP_NEON_VMLAL; is_long = true; signedness = true; break;
    case 6: op = OP_NEON_VMLSL; is_long = true; signedness = true; break;
    case 10: op = OP_NEON_VMULL; is_long = true; signedness = true; break;
    case 3: case 7: case 11:
        if (u)
            return false;
        op = a == 3 ? OP_NEON_VQDMLAL : a == 7 ? OP_NEON_VQDMLSL
                                              : OP_NEON_VQDMULL;
        is_long = true;
        break;
    default:
        return false;
    }
    if (fl && size != 2)
        return false;
    bool q = !is_long && u;
    if (is_long ? (d & 1) : (q && ((d | n) & 1)))
        return false;
    unsigned m, index;
    if (size == 1) {
        m = bits(raw, 2, 0);
        index = bit(raw, 5) << 1 | bit(raw, 3);
    } else {
        m = bits(raw, 3, 0);
        index = bit(raw, 5);
    }
    begin(insn, raw, op);
    set_regs(insn, d, n, m);
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)index;
    insn->flags |= NF_SCALAR;
    if (q)
        insn->flags |= NF_Q;
    if (signedness && u)
        insn->flags |= NF_U;
    return true;
}

/* ---- VEXT, VTBL/VTBX, VDUP (scalar) ----------------------------------- */

static bool dec_vext(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    bool q = bit(raw, 6);
    unsigned imm4 = bits(raw, 11, 8), d = reg_d(raw), n = reg_n(raw),
             m = reg_m(raw);
    if ((!q && imm4 > 7) || (q && ((d | n | m) & 1)))
        return false;
    begin(insn, raw, OP_NEON_VEXT);
    set_regs(insn, d, n, m);
    insn->shift_amount = (uint8_t)imm4;
    if (q)
        insn->flags |= NF_Q;
    return true;
}

static bool dec_vtbl(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned n = reg_n(raw), len = bits(raw, 9, 8) + 1;
    if (n + len > 32)
        return false;
    begin(insn, raw, OP_NEON_VTBL);
    set_regs(insn, reg_d(raw), n, reg_m(raw));
    insn->ra = (uint8_t)len;
    if (bit(raw, 6))
        insn->flags |= NF_TBX;
    return true;
}

static bool dec_vdup_scalar(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    bool q = bit(raw, 6);
    unsigned imm4 = bits(raw, 19, 16), d = reg_d(raw), size, index;
    if (imm4 & 1)
        size = 0, index = imm4 >> 1;
    else if (imm4 & 2)
        size = 1, index = imm4 >> 2;
    else if (imm4 & 4)
        size = 2, index = imm4 >> 3;
    else
        return false;
    if (q && (d & 1))
        return false;
    begin(insn, raw, OP_NEON_VDUP_SCALAR);
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)reg_m(raw);
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)index;
    if (q)
        insn->flags |= NF_Q;
    return true;
}

/* ---- Two registers, miscellaneous (A7.4.5) ---------------------------- */

static bool dec_misc(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned size = bits(raw, 19, 18), a = bits(raw, 17, 16);
    unsigned b = bits(raw, 10, 6), op4 = b >> 1;
    bool q = bit(raw, 6);
    unsigned d = reg_d(raw), m = reg_m(raw);
    unsigned op = OP_UNDEFINED, flags = 0, imm = 0, amount = 0;
    enum { SAME, NARROW, LONG } form = SAME;

    switch (a) {
    case 0:
        switch (op4) {
        case 0: case 1: case 2: {
            unsigned group = 64u >> op4;
            if ((8u << size) >= group)
                return false;
            op = OP_NEON_VREV; imm = group;
            break;
        }
        case 4: case 5:
            op = OP_NEON_VPADDL; flags = (op4 & 1) ? NF_U : 0;
            if (size == 3) return false;
            break;
        case 12: case 13:
            op = OP_NEON_VPADAL; flags = (op4 & 1) ? NF_U : 0;
            if (size == 3) return false;
            break;
        case 8: op = OP_NEON_VCLS; if (size == 3) return false; break;
        case 9: op = OP_NEON_VCLZ; if (size == 3) return false; break;
        case 10: op = OP_NEON_VCNT; if (size != 0) return false; break;
        case 11: op = OP_NEON_VMVN; if (size != 0) return false; break;
        case 14: op = OP_NEON_VQABS; if (size == 3) return false; break;
        case 15: op = OP_NEON_VQNEG; if (size == 3) return false; break;
        default: return false;
        }
        break;
    case 1: {
        bool f = bit(raw, 10);
        static const uint16_t ops[8] = {
            OP_NEON_VCGT0, OP_NEON_VCGE0, OP_NEON_VCEQ0, OP_NEON_VCLE0,
            OP_NEON_VCLT0, OP_UNDEFINED, OP_NEON_VABS, OP_NEON_VNEG,
        };
        op = ops[op4 & 7];
        if (op == OP_UNDEFINED || size == 3 || (f && size != 2))
            return false;
        if (f)
            flags = NF_F32;
        break;
    }
    case 2:
        switch (b) {
        case 0: case 1: op = OP_NEON_VSWP; if (size != 0) return false; break;
        case 2: case 3: op = OP_NEON_VTRN; if (size == 3) return false; break;
        case 4: case 5: case 6: case 7:
            op = b < 6 ? OP_NEON_VUZP : OP_NEON_VZIP;
            if (size == 3 || (!q && size == 2))
                return false;
            break;
        case 8: op = OP_NEON_VMOVN; form = NARROW; break;
        case 9: op = OP_NEON_VQMOVUN; form = NARROW; break;
        case 10: op = OP_NEON_VQMOVN; form = NARROW; break;
        case 11: op = OP_NEON_VQMOVN; form = NARROW; flags = NF_U; break;
        case 12:
            op = OP_NEON_VSHLL; form = LONG; amount = 8u << size;
            break;
        case 24:
            if (size != 1 || (m & 1))
                return false;
            op = OP_NEON_VCVT_F16_F32; form = NARROW;
            break;
        case 28:
            if (size != 1 || (d & 1))
                return false;
            op = OP_NEON_VCVT_F32_F16; form = LONG;
            break;
        default:
            return false;
        }
        if ((form == NARROW || form == LONG) && size == 3)
            return false;
        if (op == OP_NEON_VCVT_F16_F32 || op == OP_NEON_VCVT_F32_F16)
            size = 1;
        break;
    default: /* 3 */
        if (size != 2)
            return false;
        if ((b & 0x1a) == 0x10) {
            op = OP_NEON_VRECPE;
        } else if ((b & 0x1a) == 0x12) {
            op = OP_NEON_VRSQRTE;
        } else if ((b & 0x18) == 0x18) {
            op = (b & 4) ? OP_NEON_VCVT_I_F : OP_NEON_VCVT_F_I;
            flags = (b & 2) ? NF_U : 0;
            break;
        } else {
            return false;
        }
        flags = bit(raw, 8) ? NF_F32 : NF_U;
        break;
    }
    if (form == NARROW ? (m & 1) : form == LONG ? (d & 1)
                                              : (q && ((d | m) & 1)))
        return false;
    begin(insn, raw, op);
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)m;
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)amount;
    insn->imm = imm;
    insn->flags = (uint16_t)flags;
    if (q && form == SAME)
        insn->flags |= NF_Q;
    return true;
}

/* ---- Element and structure loads/stores (A7.7) ------------------------ */

static void ls_common(struct guest_insn *insn, uint32_t raw, unsigned op,
                      unsigned d, unsigned nelem, unsigned size,
                      unsigned align)
{
    begin(insn, raw, op);
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)bits(raw, 19, 16);
    insn->rm = (uint8_t)bits(raw, 3, 0);
    insn->ra = (uint8_t)nelem;
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)align;
    if (insn->rm != 15)
        insn->flags |= F_WBACK;
}

static bool dec_ls_multi(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned type = bits(raw, 11, 8), size = bits(raw, 7, 6),
             align = bits(raw, 5, 4), d = reg_d(raw);
    unsigned nelem, regs = 1, inc = 1;
    switch (type) {
    case 7: nelem = 1; regs = 1; if (align & 2) return false; break;
    case 10: nelem = 1; regs = 2; if (align == 3) return false; break;
    case 6: nelem = 1; regs = 3; if (align & 2) return false; break;
    case 2: nelem = 1; regs = 4; break;
    case 8: case 9: case 3:
        nelem = 2; inc = type == 8 ? 1 : 2; regs = type == 3 ? 2 : 1;
        if (size == 3 || (type != 3 && align == 3))
            return false;
        break;
    case 4: case 5:
        nelem = 3; inc = type == 4 ? 1 : 2;
        if (size == 3 || (align & 2))
            return false;
        break;
    case 0: case 1:
        nelem = 4; inc = type == 0 ? 1 : 2;
        if (size == 3)
            return false;
        break;
    default:
        return false;
    }
    unsigned last = d + (nelem - 1) * inc + regs;
    if (last > 32 || bits(raw, 19, 16) == 15)
        return false;
    ls_common(insn, raw, bit(raw, 21) ? OP_NEON_VLD_MULTI : OP_NEON_VST_MULTI,
              d, nelem, size, align ? 4u << align : 1u);
    insn->imm = regs | inc << 8;
    return true;
}

static bool dec_ls_single(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned size = bits(raw, 11, 10), nelem = bits(raw, 9, 8) + 1;
    unsigned ia = bits(raw, 7, 4), d = reg_d(raw);
    bool load = bit(raw, 21);
    unsigned index, inc = 1, align = 1;

    if (bits(raw, 19, 16) == 15)
        return false;
    if (size == 3) {                /* all lanes */
        if (!load)
            return false;
        unsigned sz = bits(raw, 7, 6), t = bit(raw, 5), a = bit(raw, 4);
        unsigned regs = 1;
        switch (nelem) {
        case 1:
            if (sz == 3 || (sz == 0 && a))
                return false;
            regs = t + 1;
            align = a ? 1u << sz : 1u;
            break;
        case 2:
            if (sz == 3)
                return false;
            inc = t + 1;
            align = a ? 2u << sz : 1u;
            break;
        case 3:
            if (sz == 3 || a)
                return false;
            inc = t + 1;
            break;
        default:
            if (sz == 3 && !a)
                return false;
            inc = t + 1;
            if (sz == 3) {
                sz = 2;
                align = 16;
            } else {
                align = a ? (sz == 2 ? 8u : 4u << sz) : 1u;
            }
            break;
        }
        if (d + (nelem - 1) * inc + regs > 32)
            return false;
        ls_common(insn, raw, OP_NEON_VLD_ALL, d, nelem, sz, align);
        insn->imm = regs | inc << 8;
        return true;
    }
    switch (nelem) {
    case 1:
        if (size == 0 && (ia & 1)) return false;
        if (size == 1 && (ia & 2)) return false;
        if (size == 2 && ((ia & 4) || ((ia & 3) != 0 && (ia & 3) != 3)))
            return false;
        index = ia >> (size + 1);
        align = size == 0 ? 1 : size == 1 ? ((ia & 1) ? 2 : 1)
                                          : ((ia & 3) ? 4 : 1);
        break;
    case 2:
        index = ia >> (size + 1);
        if (size == 0) {
            align = (ia & 1) ? 2 : 1;
        } else if (size == 1) {
            inc = (ia & 2) ? 2 : 1;
            align = (ia & 1) ? 4 : 1;
        } else {
            if (ia & 2) return false;
            inc = (ia & 4) ? 2 : 1;
            align = (ia & 1) ? 8 : 1;
        }
        break;
    case 3:
        index = ia >> (size + 1);
        if (size == 0) {
            if (ia & 1) return false;
        } else if (size == 1) {
            if (ia & 1) return false;
            inc = (ia & 2) ? 2 : 1;
        } else {
            if (ia & 3) return false;
            inc = (ia & 4) ? 2 : 1;
        }
        break;
    default:
        index = ia >> (size + 1);
        if (size == 0) {
            align = (ia & 1) ? 4 : 1;
        } else if (size == 1) {
            inc = (ia & 2) ? 2 : 1;
            align = (ia & 1) ? 8 : 1;
        } else {
            if ((ia & 3) == 3) return false;
            inc = (ia & 4) ? 2 : 1;
            align = (ia & 3) ? 4u << (ia & 3) : 1u;
        }
        break;
    }
    if (d + (nelem - 1) * inc + 1 > 32)
        return false;
    ls_common(insn, raw, load ? OP_NEON_VLD_LANE : OP_NEON_VST_LANE, d, nelem,
              size, align);
    insn->imm = 1u | inc << 8 | index << 16;
    return true;
}

/* ---- Core register <-> scalar transfers (A7.8), conditional ----------- */

static bool transfer_begin(struct guest_insn *insn, uint32_t raw, unsigned op)
{
    unsigned cond = raw >> 28;
    if (cond == 0xf || bits(raw, 15, 12) == 15)
        return false;
    begin(insn, raw, op);
    insn->cond = (uint8_t)cond;
    return true;
}

/* opc1 (bits 22:21) and opc2 (bits 6:5) select an 8- or 16-bit element;
 * the 32-bit forms belong to the VFP decoder. */
static bool scalar_size_index(uint32_t raw, unsigned *size, unsigned *index)
{
    unsigned opc1 = bits(raw, 22, 21), opc2 = bits(raw, 6, 5);
    if (opc1 & 2) {
        *size = 0;
        *index = (opc1 & 1) << 2 | opc2;
    } else if (opc2 & 1) {
        *size = 1;
        *index = (opc1 & 1) << 1 | opc2 >> 1;
    } else {
        return false;
    }
    return true;
}

static bool dec_to_scalar(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned size, index;
    if (!scalar_size_index(raw, &size, &index) ||
        !transfer_begin(insn, raw, OP_NEON_VMOV_TO_SCALAR))
        return false;
    insn->rd = (uint8_t)reg_n(raw);
    insn->rm = (uint8_t)bits(raw, 15, 12);
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)index;
    return true;
}

static bool dec_from_scalar(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    unsigned size, index;
    if (!scalar_size_index(raw, &size, &index) ||
        !transfer_begin(insn, raw, OP_NEON_VMOV_FROM_SCALAR))
        return false;
    insn->rd = (uint8_t)bits(raw, 15, 12);
    insn->rn = (uint8_t)reg_n(raw);
    insn->shift_type = (uint8_t)size;
    insn->shift_amount = (uint8_t)index;
    if (bit(raw, 23))
        insn->flags |= NF_U;
    return true;
}

static bool dec_vdup_core(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned be = bit(raw, 22) << 1 | bit(raw, 5), d = reg_n(raw);
    bool q = bit(raw, 21);
    if (be == 3 || (q && (d & 1)))
        return false;
    if (!transfer_begin(insn, raw, OP_NEON_VDUP_CORE))
        return false;
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)bits(raw, 15, 12);
    insn->shift_type = (uint8_t)(be == 0 ? 2 : be == 1 ? 1 : 0);
    if (q)
        insn->flags |= NF_Q;
    return true;
}

/* Order matters: first match wins. */
#define N(mask, value, name, op, fn) \
    { mask, value, name, GROUP_NEON, OP_NEON_##op, fn }
const struct guest_insn_pattern guest_neon_patterns[] = {
    N(0xfe800000u, 0xf2000000u, "Advanced SIMD three registers, same length",
      VADD, dec_3same),
    N(0xfeb80090u, 0xf2800010u, "Advanced SIMD one register and immediate "
      "(VMOV, VMVN, VORR, VBIC)", VMOV_IMM, dec_imm),
    N(0xfe800010u, 0xf2800010u, "Advanced SIMD two registers and shift amount",
      VSHR, dec_shift),
    N(0xfe800050u, 0xf2800000u, "Advanced SIMD three registers, different "
      "lengths", VADDL, dec_3diff),
    N(0xfe800050u, 0xf2800040u, "Advanced SIMD two registers and a scalar",
      VMUL, dec_scalar),
    N(0xffb00010u, 0xf2b00000u, "VEXT", VEXT, dec_vext),
    N(0xffb00810u, 0xf3b00000u, "Advanced SIMD two registers, miscellaneous",
      VREV, dec_misc),
    N(0xffb00c10u, 0xf3b00800u, "VTBL, VTBX", VTBL, dec_vtbl),
    N(0xffb00f90u, 0xf3b00c00u, "VDUP (scalar)", VDUP_SCALAR, dec_vdup_scalar),
    N(0xff900000u, 0xf4000000u, "VLDn/VSTn (multiple structures)", VLD_MULTI,
      dec_ls_multi),
    N(0xff900000u, 0xf4800000u, "VLDn/VSTn (single structure, one or all "
      "lanes)", VLD_LANE, dec_ls_single),
    N(0x0f900f1fu, 0x0e000b10u, "VMOV (core register to 8/16-bit scalar)",
      VMOV_TO_SCALAR, dec_to_scalar),
    N(0x0f100f1fu, 0x0e100b10u, "VMOV (8/16-bit scalar to core register)",
      VMOV_FROM_SCALAR, dec_from_scalar),
    N(0x0f900f5fu, 0x0e800b10u, "VDUP (core register)", VDUP_CORE,
      dec_vdup_core),
};
#undef N
const unsigned guest_neon_pattern_count =
    sizeof guest_neon_patterns / sizeof guest_neon_patterns[0];

bool guest_decode_neon_a32(uint32_t raw, struct guest_insn *insn)
{
    return guest_decode_with_table(guest_neon_patterns,
                                   guest_neon_pattern_count, raw, insn) ||
           guest_decode_with_table(guest_neon_crypto_patterns,
                                   guest_neon_crypto_pattern_count, raw, insn);
}

/* T32 data processing: 111U 1111 ... -> A32 1111 001U ...; loads/stores
 * 1111 1001 ... -> 1111 0100 ...; cp11 transfers 1110 1110 ... -> AL form. */
static bool t32_to_a32(uint32_t raw, uint32_t *a32)
{
    if ((raw & 0xef000000u) == 0xef000000u)
        *a32 = 0xf2000000u | bit(raw, 28) << 24 | (raw & 0x00ffffffu);
    else if ((raw & 0xff100000u) == 0xf9000000u)
        *a32 = 0xf4000000u | (raw & 0x00ffffffu);
    else if ((raw & 0xff000000u) == 0xee000000u)
        *a32 = 0xe0000000u | (raw & 0x0fffffffu);
    else
        return false;
    return true;
}

bool guest_decode_neon_t32(uint32_t raw, struct guest_insn *insn)
{
    struct guest_insn keep = *insn;
    uint32_t a32;
    if (!t32_to_a32(raw, &a32) || !guest_decode_neon_a32(a32, insn))
        return false;
    insn->pc = keep.pc;
    insn->raw = keep.raw;
    insn->length = 4;
    insn->thumb = 1;
    insn->itstate = keep.itstate;
    insn->cond = keep.cond;
    return true;
}

bool guest_neon_a32_entry(const struct guest_insn_pattern *pattern,
                          uint32_t raw, struct guest_insn *insn)
{
    return guest_decode_neon_a32(raw, insn);
}

bool guest_neon_t32_entry(const struct guest_insn_pattern *pattern,
                          uint32_t raw, struct guest_insn *insn)
{
    return guest_decode_neon_t32(raw, insn);
}
