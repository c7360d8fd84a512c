/*
 * VFP decoder: coprocessor 10/11 encodings (VFPv3/VFPv4 scalar, D32) in
 * their A32 form, shared by the A32 and T32 decoders.
 *
 * The pattern table below is the single description of the encodings; each
 * entry's decode function extracts operands and rejects (OP_UNDEFINED) the
 * UNDEFINED and UNPREDICTABLE variants, following qemu-arm's choices where
 * the architecture leaves one (e.g. VLDM with a zero or oversized list).
 * Encodings that exist only with Advanced SIMD (VDUP, 8/16-bit scalar
 * moves) decode as OP_UNDEFINED (the NEON decoder takes them). ARMv8
 * additions are decoded as qemu-arm's "max" CPU has them: VRINTR/Z/X,
 * VCVTB/VCVTT between half and double, VJCVT in the conditional space, and
 * in the cp10/11 part of the unconditional space (A32 cond 0xF, passed
 * with that condition; T32 hw1 0xFExx, passed as is) VSEL, VMAXNM/VMINNM,
 * VRINTA/N/P/M and VCVTA/N/P/M. Half-precision data processing (cp9,
 * FEAT_FP16) is not VFP space here and stays UNDEFINED.
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

/* Register numbers: single = Vx:bit, double = bit:Vx. */
static uint8_t reg_d(uint32_t raw, bool dp)   /* Vd, D = bit 22 */
{
    return dp ? (uint8_t)(bit(raw, 22) << 4 | bits(raw, 15, 12))
              : (uint8_t)(bits(raw, 15, 12) << 1 | bit(raw, 22));
}

static uint8_t reg_n(uint32_t raw, bool dp)   /* Vn, N = bit 7 */
{
    return dp ? (uint8_t)(bit(raw, 7) << 4 | bits(raw, 19, 16))
              : (uint8_t)(bits(raw, 19, 16) << 1 | bit(raw, 7));
}

static uint8_t reg_m(uint32_t raw, bool dp)   /* Vm, M = bit 5 */
{
    return dp ? (uint8_t)(bit(raw, 5) << 4 | bits(raw, 3, 0))
              : (uint8_t)(bits(raw, 3, 0) << 1 | bit(raw, 5));
}

static bool undefined(struct guest_insn *insn)
{
    insn->op = OP_UNDEFINED;
    return true;
}

static void set_op(struct guest_insn *insn, unsigned op, bool dp)
{
    insn->op = (uint16_t)op;
    insn->flags = dp ? VF_F64 : 0;
}

/* ---- Data processing ------------------------------------------------ */

static bool decode_3reg(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    bool op6 = bit(raw, 6);
    unsigned opc1 = bit(raw, 23) << 2 | bits(raw, 21, 20);
    static const uint16_t ops[8][2] = {
        { OP_VMLA, OP_VMLS },   { OP_VNMLS, OP_VNMLA },
        { OP_VMUL, OP_VNMUL },  { OP_VADD, OP_VSUB },
        { OP_VDIV, OP_UNDEFINED }, { OP_VFNMS, OP_VFNMA },
        { OP_VFMA, OP_VFMS },   { OP_UNDEFINED, OP_UNDEFINED },
    };
    unsigned op = ops[opc1][op6];
    if (op == OP_UNDEFINED)
        return undefined(insn);
    set_op(insn, op, dp);
    insn->rd = reg_d(raw, dp);
    insn->rn = reg_n(raw, dp);
    insn->rm = reg_m(raw, dp);
    return true;
}

/* VFPExpandImm: f32 bits, or the upper word of the f64. */
static uint32_t vfp_expand_imm(uint32_t imm8, bool dp)
{
    uint32_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, mid = (imm8 >> 4) & 3;
    uint32_t frac4 = imm8 & 0xf;
    if (dp) {
        uint32_t exp = (b6 ? 0x3fcu : 0x400u) | mid;
        return sign << 31 | exp << 20 | frac4 << 16;
    }
    uint32_t exp = (b6 ? 0x7cu : 0x80u) | mid;
    return sign << 31 | exp << 23 | frac4 << 19;
}

static bool decode_vmov_imm(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    if (bits(raw, 7, 4) != 0)
        return undefined(insn);
    set_op(insn, OP_VMOV_IMM, dp);
    insn->rd = reg_d(raw, dp);
    insn->imm = vfp_expand_imm(bits(raw, 19, 16) << 4 | bits(raw, 3, 0), dp);
    return true;
}

/* Two-register forms selected by opc2 (bits 19..16) and bit 7. */
static bool decode_2reg(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    unsigned opc2 = bits(raw, 19, 16);
    bool b7 = bit(raw, 7);

    switch (opc2) {
    case 0x0: /* VMOV (register) / VABS */
    case 0x1: /* VNEG / VSQRT */
        set_op(insn, opc2 == 0 ? (b7 ? OP_VABS : OP_VMOV_REG)
                               : (b7 ? OP_VSQRT : OP_VNEG), dp);
        insn->rd = reg_d(raw, dp);
        insn->rm = reg_m(raw, dp);
        return true;
    case 0x2: /* VCVTB/VCVTT f32/f64 <- f16 (Sm half) */
        set_op(insn, dp ? OP_VCVT_F64_F16 : OP_VCVT_F32_F16, false);
        insn->rd = reg_d(raw, dp);
        insn->rm = reg_m(raw, false);
        insn->imm = b7;
        return true;
    case 0x3: /* VCVTB/VCVTT f16 (Sd half) <- f32/f64 */
        set_op(insn, dp ? OP_VCVT_F16_F64 : OP_VCVT_F16_F32, false);
        insn->rd = reg_d(raw, false);
        insn->rm = reg_m(raw, dp);
        insn->imm = b7;
        return true;
    case 0x4: /* VCMP{E} */
    case 0x5: /* VCMP{E} with zero */
        set_op(insn, b7 ? OP_VCMPE : OP_VCMP, dp);
        insn->rd = reg_d(raw, dp);
        if (opc2 == 5) {
            if (bit(raw, 5) || bits(raw, 3, 0))
                return undefined(insn);
            insn->flags |= VF_CMP_ZERO;
        } else {
            insn->rm = reg_m(raw, dp);
        }
        return true;
    case 0x6: /* VRINTZ (b7 set) / VRINTR (FPSCR rounding) */
        set_op(insn, OP_VRINT, dp);
        if (b7)
            insn->imm = 3;              /* toward zero */
        else
            insn->flags |= VF_RMODE;
        insn->rd = reg_d(raw, dp);
        insn->rm = reg_m(raw, dp);
        return true;
    case 0x7: /* VRINTX (b7 clear) / VCVT between double and single */
        if (!b7) {
            set_op(insn, OP_VRINTX, dp);
            insn->flags |= VF_RMODE;
            insn->rd = reg_d(raw, dp);
            insn->rm = reg_m(raw, dp);
            return true;
        }
        set_op(insn, dp ? OP_VCVT_F32_F64 : OP_VCVT_F64_F32, false);
        insn->rd = reg_d(raw, !dp);
        insn->rm = reg_m(raw, dp);
        return true;
    case 0x8: /* VCVT.F32/F64.S32/U32 */
        set_op(insn, OP_VCVT_F_INT, dp);
        if (b7)
            insn->flags |= VF_SIGNED;
        insn->rd = reg_d(raw, dp);
        insn->rm = reg_m(raw, false);
        return true;
    case 0xc: /* VCVT{R}.U32 */
    case 0xd: /* VCVT{R}.S32 */
        set_op(insn, OP_VCVT_INT_F, dp);
        if (opc2 & 1)
            insn->flags |= VF_SIGNED;
        if (!b7)
            insn->flags |= VF_RMODE;
        insn->rd = reg_d(raw, false);
        insn->rm = reg_m(raw, dp);
        return true;
    case 0xa: case 0xb: case 0xe: case 0xf: { /* VCVT fixed point */
        unsigned size = b7 ? 32 : 16;
        unsigned imm5 = bits(raw, 3, 0) << 1 | bit(raw, 5);
        if (imm5 > size)    /* negative fraction bits: UNPREDICTABLE */
            return undefined(insn);
        set_op(insn, (opc2 & 4) ? OP_VCVT_FIXED_F : OP_VCVT_F_FIXED, dp);
        if (!(opc2 & 1))
            insn->flags |= VF_SIGNED;
        insn->rd = reg_d(raw, dp);
        insn->imm = size;
        insn->shift_amount = (uint8_t)(size - imm5);
        return true;
    }
    default: /* 0x9: VJCVT, double source only */
        if (!dp || !b7)
            return undefined(insn);
        set_op(insn, OP_VJCVT, false);
        insn->rd = reg_d(raw, false);
        insn->rm = reg_m(raw, true);
        return true;
    }
}

/* ---- ARMv8 unconditional space (cond 0xF) ----------------------------- */

/* Rounding field of VRINTA/N/P/M and VCVTA/N/P/M (FPDecodeRM), as the
 * rounding values of insn_vfp_ops.h. */
static const uint8_t decode_rm[4] = { 4 /* ties away */, 0, 1, 2 };

static bool decode_vsel(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    set_op(insn, OP_VSEL, dp);
    insn->rd = reg_d(raw, dp);
    insn->rn = reg_n(raw, dp);
    insn->rm = reg_m(raw, dp);
    insn->imm = bits(raw, 21, 20);
    return true;
}

static bool decode_minmax_nm(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    set_op(insn, bit(raw, 6) ? OP_VMINNM : OP_VMAXNM, dp);
    insn->rd = reg_d(raw, dp);
    insn->rn = reg_n(raw, dp);
    insn->rm = reg_m(raw, dp);
    return true;
}

static bool decode_vrint_directed(const struct guest_insn_pattern *p,
                                  uint32_t raw, struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    set_op(insn, OP_VRINT, dp);
    insn->rd = reg_d(raw, dp);
    insn->rm = reg_m(raw, dp);
    insn->imm = decode_rm[bits(raw, 17, 16)];
    return true;
}

static bool decode_vcvt_directed(const struct guest_insn_pattern *p,
                                 uint32_t raw, struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    set_op(insn, OP_VCVT_INT_F_RM, dp);
    if (bit(raw, 7))
        insn->flags |= VF_SIGNED;
    insn->rd = reg_d(raw, false);
    insn->rm = reg_m(raw, dp);
    insn->imm = decode_rm[bits(raw, 17, 16)];
    return true;
}

/* ---- Transfers between core and FP registers -------------------------- */

static bool decode_vmov_core_single(const struct guest_insn_pattern *p,
                                    uint32_t raw, struct guest_insn *insn)
{
    unsigned rt = bits(raw, 15, 12);
    if (bits(raw, 6, 5) || bits(raw, 3, 0) || rt == 15)
        return undefined(insn);
    if (bit(raw, 20)) {
        set_op(insn, OP_VMOV_CORE_S, false);
        insn->rd = (uint8_t)rt;
        insn->rn = reg_n(raw, false);
    } else {
        set_op(insn, OP_VMOV_S_CORE, false);
        insn->rd = reg_n(raw, false);
        insn->rm = (uint8_t)rt;
    }
    return true;
}

static bool decode_vmrs_vmsr(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    unsigned rt = bits(raw, 15, 12);
    /* Only FPSCR is accessible in user mode (FPSID, FPEXC and MVFRx trap,
     * as on Linux and in qemu-arm). */
    if (bits(raw, 7, 5) || bits(raw, 3, 0) || bits(raw, 19, 16) != 1)
        return undefined(insn);
    if (bit(raw, 20)) {
        set_op(insn, OP_VMRS, false);
    } else {
        if (rt == 15)
            return undefined(insn);
        set_op(insn, OP_VMSR, false);
    }
    insn->rd = (uint8_t)rt;
    return true;
}

/* VMOV Dd[x], Rt (core to 32-bit scalar); other sizes need NEON. */
static bool decode_vmov_to_scalar(const struct guest_insn_pattern *p,
                                  uint32_t raw, struct guest_insn *insn)
{
    unsigned rt = bits(raw, 15, 12);
    if (bit(raw, 22) || bits(raw, 6, 5) || bits(raw, 3, 0) || rt == 15)
        return undefined(insn);
    set_op(insn, OP_VMOV_DHALF_CORE, false);
    insn->rd = (uint8_t)(bit(raw, 7) << 4 | bits(raw, 19, 16));
    insn->rm = (uint8_t)rt;
    insn->imm = bit(raw, 21);
    return true;
}

/* VMOV Rt, Dn[x] (32-bit scalar to core). */
static bool decode_vmov_from_scalar(const struct guest_insn_pattern *p,
                                    uint32_t raw, struct guest_insn *insn)
{
    unsigned rt = bits(raw, 15, 12);
    if (bit(raw, 23) || bit(raw, 22) || bits(raw, 6, 5) || bits(raw, 3, 0) ||
        rt == 15)
        return undefined(insn);
    set_op(insn, OP_VMOV_CORE_DHALF, false);
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)(bit(raw, 7) << 4 | bits(raw, 19, 16));
    insn->imm = bit(raw, 21);
    return true;
}

static bool decode_undefined(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    return undefined(insn);
}

/* ---- Extension register loads/stores and 64-bit transfers ------------- */

static bool decode_vmov_64(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    bool to_core = bit(raw, 20);
    unsigned rt = bits(raw, 15, 12), rt2 = bits(raw, 19, 16);
    if (bits(raw, 7, 6) || !bit(raw, 4) || rt == 15 || rt2 == 15 ||
        (to_core && rt == rt2))
        return undefined(insn);
    uint8_t m = reg_m(raw, dp);
    if (!dp && m == 31)
        return undefined(insn);
    if (dp)
        set_op(insn, to_core ? OP_VMOV_CORE2_D : OP_VMOV_D_CORE2, false);
    else
        set_op(insn, to_core ? OP_VMOV_CORE2_S2 : OP_VMOV_S2_CORE2, false);
    insn->rd = (uint8_t)rt;
    insn->ra = (uint8_t)rt2;
    insn->rm = m;
    return true;
}

static bool decode_vldr_vstr(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    set_op(insn, bit(raw, 20) ? OP_VLDR : OP_VSTR, dp);
    if (bit(raw, 23))
        insn->flags |= F_ADD;
    insn->flags |= F_PRE;
    insn->rd = reg_d(raw, dp);
    insn->rn = (uint8_t)bits(raw, 19, 16);
    insn->imm = bits(raw, 7, 0) * 4;
    return true;
}

static bool decode_vldm_vstm(const struct guest_insn_pattern *p, uint32_t raw,
                             struct guest_insn *insn)
{
    bool dp = bit(raw, 8);
    bool pre = bit(raw, 24), add = bit(raw, 23), wback = bit(raw, 21);
    unsigned rn = bits(raw, 19, 16), imm8 = bits(raw, 7, 0);
    /* Valid: increment after (P=0 U=1), decrement before with writeback
     * (P=1 U=0 W=1). P=1 W=0 is VLDR/VSTR (earlier entry). */
    if (pre == add || (pre && !wback))
        return undefined(insn);
    if (rn == 15 && wback)
        return undefined(insn);
    unsigned d = reg_d(raw, dp);
    unsigned regs = dp ? imm8 / 2 : imm8;
    if (regs == 0 || d + regs > 32 || (dp && regs > 16))
        return undefined(insn);
    set_op(insn, bit(raw, 20) ? OP_VLDM : OP_VSTM, dp);
    if (add)
        insn->flags |= F_ADD;
    if (pre)
        insn->flags |= F_PRE;
    if (wback)
        insn->flags |= F_WBACK;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)rn;
    insn->ra = (uint8_t)regs;
    insn->imm = imm8 * 4;
    return true;
}

/* Order matters: first match wins. The unconditional entries come first
 * and end with a catch-all for condition 0xF; the masks of all later
 * entries ignore the condition. */
#define VFP(mask, value, name, op, fn) \
    { mask, value, name, GROUP_VFP, op, fn }
const struct guest_insn_pattern guest_vfp_patterns[] = {
    /* ARMv8: 1111 1110 .... .... .... 101s .... .... */
    VFP(0xff800e50, 0xfe000a00, "VSEL", OP_VSEL, decode_vsel),
    VFP(0xffb00e10, 0xfe800a00, "VMAXNM/VMINNM", OP_VMAXNM, decode_minmax_nm),
    VFP(0xffbc0ed0, 0xfeb80a40, "VRINTA/VRINTN/VRINTP/VRINTM", OP_VRINT,
        decode_vrint_directed),
    VFP(0xffbc0e50, 0xfebc0a40, "VCVTA/VCVTN/VCVTP/VCVTM", OP_VCVT_INT_F_RM,
        decode_vcvt_directed),
    VFP(0xf0000000, 0xf0000000, "(undefined unconditional VFP)", OP_UNDEFINED,
        decode_undefined),
    /* Data processing: 1110 opc1 .... .... 101s opc3 0 .... */
    VFP(0x0fb00e10, 0x0e000a00, "VMLA/VMLS", OP_VMLA, decode_3reg),
    VFP(0x0fb00e10, 0x0e100a00, "VNMLS/VNMLA", OP_VNMLA, decode_3reg),
    VFP(0x0fb00e10, 0x0e200a00, "VMUL/VNMUL", OP_VMUL, decode_3reg),
    VFP(0x0fb00e10, 0x0e300a00, "VADD/VSUB", OP_VADD, decode_3reg),
    VFP(0x0fb00e50, 0x0e800a00, "VDIV", OP_VDIV, decode_3reg),
    VFP(0x0fb00e10, 0x0e900a00, "VFNMS/VFNMA", OP_VFNMA, decode_3reg),
    VFP(0x0fb00e10, 0x0ea00a00, "VFMA/VFMS", OP_VFMA, decode_3reg),
    VFP(0x0fb00e50, 0x0eb00a00, "VMOV (immediate)", OP_VMOV_IMM, decode_vmov_imm),
    VFP(0x0fbf0ed0, 0x0eb00a40, "VMOV (register)", OP_VMOV_REG, decode_2reg),
    VFP(0x0fbf0ed0, 0x0eb00ac0, "VABS", OP_VABS, decode_2reg),
    VFP(0x0fbf0ed0, 0x0eb10a40, "VNEG", OP_VNEG, decode_2reg),
    VFP(0x0fbf0ed0, 0x0eb10ac0, "VSQRT", OP_VSQRT, decode_2reg),
    VFP(0x0fbe0f50, 0x0eb20a40, "VCVTB/VCVTT (half<->single)", OP_VCVT_F32_F16,
        decode_2reg),
    VFP(0x0fbe0f50, 0x0eb20b40, "VCVTB/VCVTT (half<->double)", OP_VCVT_F64_F16,
        decode_2reg),
    VFP(0x0fbe0e50, 0x0eb40a40, "VCMP{E}", OP_VCMP, decode_2reg),
    VFP(0x0fbf0ed0, 0x0eb70ac0, "VCVT (double<->single)", OP_VCVT_F64_F32, decode_2reg),
    VFP(0x0fbf0e50, 0x0eb80a40, "VCVT (integer to float)", OP_VCVT_F_INT, decode_2reg),
    VFP(0x0fbe0e50, 0x0ebc0a40, "VCVT{R} (float to integer)", OP_VCVT_INT_F, decode_2reg),
    VFP(0x0fba0e50, 0x0eba0a40, "VCVT (fixed point)", OP_VCVT_F_FIXED, decode_2reg),
    VFP(0x0fbf0e50, 0x0eb60a40, "VRINTR/VRINTZ", OP_VRINT, decode_2reg),
    VFP(0x0fbf0ed0, 0x0eb70a40, "VRINTX", OP_VRINTX, decode_2reg),
    VFP(0x0fbf0fd0, 0x0eb90bc0, "VJCVT", OP_VJCVT, decode_2reg),
    VFP(0x0fb00e50, 0x0eb00a40, "(undefined VFP 2-register)", OP_UNDEFINED,
        decode_2reg),
    VFP(0x0f000e10, 0x0e000a00, "(undefined VFP data processing)", OP_UNDEFINED,
        decode_undefined),
    /* Core register transfers: 1110 ... .... .... 101c ...1 .... */
    VFP(0x0fe00f10, 0x0e000a10, "VMOV (core<->single)", OP_VMOV_S_CORE,
        decode_vmov_core_single),
    VFP(0x0fe00f10, 0x0ee00a10, "VMRS/VMSR", OP_VMRS, decode_vmrs_vmsr),
    VFP(0x0f900f10, 0x0e000b10, "VMOV (core to scalar)", OP_VMOV_DHALF_CORE,
        decode_vmov_to_scalar),
    VFP(0x0f100f10, 0x0e100b10, "VMOV (scalar to core)", OP_VMOV_CORE_DHALF,
        decode_vmov_from_scalar),
    VFP(0x0f000e10, 0x0e000a10, "(VDUP/undefined transfer)", OP_UNDEFINED,
        decode_undefined),
    /* Extension register load/store: 110P UDWL .... .... 101s .... .... */
    VFP(0x0fe00e00, 0x0c400a00, "VMOV (two core registers)", OP_VMOV_D_CORE2,
        decode_vmov_64),
    VFP(0x0f200e00, 0x0d000a00, "VLDR/VSTR", OP_VLDR, decode_vldr_vstr),
    VFP(0x0e000e00, 0x0c000a00, "VLDM/VSTM", OP_VLDM, decode_vldm_vstm),
};
#undef VFP
const unsigned guest_vfp_pattern_count =
    sizeof guest_vfp_patterns / sizeof guest_vfp_patterns[0];

bool guest_decode_vfp(uint32_t raw, struct guest_insn *insn)
{
    bool cp_space = bits(raw, 27, 24) == 0xe || bits(raw, 27, 25) == 0x6;
    if (!cp_space || bits(raw, 11, 9) != 0x5)
        return false;
    insn->imm = 0;
    insn->flags = 0;
    insn->rd = insn->rn = insn->rm = insn->ra = 0;
    insn->shift_type = 0;
    insn->shift_amount = 0;
    if (guest_decode_with_table(guest_vfp_patterns, guest_vfp_pattern_count,
                                raw, insn))
        return true;
    return undefined(insn);
}
