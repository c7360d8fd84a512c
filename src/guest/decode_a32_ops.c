/*
 * A32 decode functions for data-processing, multiplies, saturating and
 * parallel arithmetic and the other media instructions (memory access is in
 * decode_a32_mem.c, branches and system in decode_a32_sys.c). Each turns a
 * word that matched its pattern-table entry (decode_a32.c) into a struct
 * guest_insn following the field conventions of insn_ops.h, or rejects it.
 *
 * Rejection rules (ARM ARM ARMv7-A/R, A8 pseudocode, plus ARMv8 AArch32
 * additions): UNPREDICTABLE register choices (pc where not allowed, base
 * writeback onto the transfer register, RdHi == RdLo, ...), violated
 * should-be-zero/one bits, and forms that are privileged or need state we do
 * not model (SUBS pc, LDM ^, SETEND BE) all make the function return false,
 * which the dispatcher turns into OP_UNDEFINED (SIGILL).
 *
 * Table entries are tried in order and a more general entry is tried after a
 * more specific one rejected: a general decoder must therefore reject the
 * words of the specific sub-pattern itself (e.g. SXTAB rejects Rn == 15,
 * which is SXTB).
 */
#include "guest/decode_a32_internal.h"

/* ---- Data-processing ---------------------------------------------------- */

static bool dp_is_test(unsigned op)
{
    return op >= OP_TST_IMM && op <= OP_CMN_RSR;
}

static bool dp_is_move(unsigned op)
{
    return (op >= OP_MOV_IMM && op <= OP_MOV_RSR) ||
           (op >= OP_MVN_IMM && op <= OP_MVN_RSR);
}

/* Fields common to the three operand forms: Rd, Rn, S, and the pc rules
 * (S with Rd == pc is the privileged exception return SUBS pc, lr). */
static bool dp_begin(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op))
        return false;
    unsigned rd = A32_RD(raw), rn = A32_RN(raw);
    bool s = A32_BIT(raw, 20);
    if (dp_is_test(p->op)) {
        if (!s || rd != 0)
            return false;
        insn->flags |= F_S;
    } else {
        if (s && rd == 15)
            return false;
        if (s)
            insn->flags |= F_S;
        else if (rd == 15)
            insn->flags |= F_INTERWORK;
        insn->rd = (uint8_t)rd;
    }
    if (dp_is_move(p->op)) {
        if (rn != 0)
            return false;
    } else {
        insn->rn = (uint8_t)rn;
    }
    return true;
}

bool a32_dec_dp_imm(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    if (!dp_begin(p, raw, insn))
        return false;
    insn->imm = a32_expand_imm(raw);
    if ((raw >> 8) & 15u)
        insn->flags |= F_IMM_CARRY;
    return true;
}

bool a32_dec_dp_reg(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    if (!dp_begin(p, raw, insn))
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    a32_set_raw_imm_shift(insn, raw);
    return true;
}

bool a32_dec_dp_rsr(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    if (!dp_begin(p, raw, insn))
        return false;
    if ((!dp_is_test(p->op) && A32_RD(raw) == 15) ||
        (!dp_is_move(p->op) && A32_RN(raw) == 15) ||
        A32_RM(raw) == 15 || A32_RS(raw) == 15)
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    insn->ra = (uint8_t)A32_RS(raw);
    insn->shift_type = (uint8_t)((raw >> 5) & 3u); /* LSL LSR ASR ROR */
    return true;
}

/* ADD/SUB (immediate) with Rn == pc and no S. Rd == pc stays an ADD/SUB
 * (the table's next entry) so that the interworking write is explicit. */
bool a32_dec_adr(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_ADR) || A32_RD(raw) == 15)
        return false;
    uint32_t imm = a32_expand_imm(raw);
    insn->rd = (uint8_t)A32_RD(raw);
    insn->rn = 15;
    insn->imm = A32_BIT(raw, 23) ? imm : 0u - imm;
    return true;
}

bool a32_dec_movw_movt(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || A32_RD(raw) == 15)
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->imm = ((raw >> 4) & 0xf000u) | (raw & 0xfffu);
    return true;
}

/* ---- Multiplies ---------------------------------------------------------- */
/* Multiply encodings put Rd (or RdHi) in bits 19:16, Ra (or RdLo) in 15:12,
 * Rm in 11:8 and Rn in 3:0; any of them being pc is UNPREDICTABLE. */

static bool mul_regs(uint32_t raw, struct guest_insn *insn, bool uses_ra)
{
    unsigned rd = A32_RN(raw), ra = A32_RD(raw), rm = A32_RS(raw),
             rn = A32_RM(raw);
    if (rd == 15 || rm == 15 || rn == 15 || (uses_ra && ra == 15))
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    insn->rm = (uint8_t)rm;
    insn->ra = uses_ra ? (uint8_t)ra : 0;
    return true;
}

/* Long forms: rd = RdLo (bits 15:12), ra = RdHi (bits 19:16). */
static bool mul_long_regs(uint32_t raw, struct guest_insn *insn)
{
    unsigned hi = A32_RN(raw), lo = A32_RD(raw), rm = A32_RS(raw),
             rn = A32_RM(raw);
    if (hi == 15 || lo == 15 || rm == 15 || rn == 15 || hi == lo)
        return false;
    insn->rd = (uint8_t)lo;
    insn->ra = (uint8_t)hi;
    insn->rn = (uint8_t)rn;
    insn->rm = (uint8_t)rm;
    return true;
}

bool a32_dec_mul(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MUL) || !mul_regs(raw, insn, false))
        return false;
    if (A32_BIT(raw, 20))
        insn->flags |= F_S;
    return true;
}

bool a32_dec_mla_mls(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !mul_regs(raw, insn, true))
        return false;
    if (p->op == OP_MLA && A32_BIT(raw, 20))
        insn->flags |= F_S;
    return true;
}

/* UMULL, UMLAL, SMULL, SMLAL (S in bit 20) and UMAAL (bit 20 clear). */
bool a32_dec_mul_long(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !mul_long_regs(raw, insn))
        return false;
    if (A32_BIT(raw, 20))
        insn->flags |= F_S;
    return true;
}

/* SMLA<x><y>, SMLAW<y>, SMULW<y>, SMLAL<x><y>, SMUL<x><y>: N (x) is bit 5,
 * M (y) is bit 6; the W forms use bit 5 to tell SMLAW from SMULW. */
bool a32_dec_mul_half(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op))
        return false;
    bool ok;
    switch (p->op) {
    case OP_SMLALXY: ok = mul_long_regs(raw, insn); break;
    case OP_SMLAXY:
    case OP_SMLAWY:  ok = mul_regs(raw, insn, true); break;
    default:         ok = mul_regs(raw, insn, false); break;
    }
    if (!ok)
        return false;
    if (p->op != OP_SMLAWY && p->op != OP_SMULWY && A32_BIT(raw, 5))
        insn->flags |= F_NHIGH;
    if (A32_BIT(raw, 6))
        insn->flags |= F_MHIGH;
    return true;
}

/* SMUAD, SMLAD, SMUSD, SMLSD (M = bit 5 exchanges the halves of Rm). The
 * accumulating forms reject Ra == pc, which is the non-accumulating form. */
bool a32_dec_mul_dual(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    bool acc = p->op == OP_SMLAD || p->op == OP_SMLSD;
    if (!a32_begin(raw, insn, p->op) || !mul_regs(raw, insn, acc))
        return false;
    if (A32_BIT(raw, 5))
        insn->flags |= F_X;
    return true;
}

bool a32_dec_mul_dual_long(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !mul_long_regs(raw, insn))
        return false;
    if (A32_BIT(raw, 5))
        insn->flags |= F_X;
    return true;
}

/* SMMUL (Ra field 1111), SMMLA, SMMLS; R = bit 5. */
bool a32_dec_smmul(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) ||
        !mul_regs(raw, insn, p->op != OP_SMMUL))
        return false;
    if (A32_BIT(raw, 5))
        insn->flags |= F_ROUND;
    return true;
}

bool a32_dec_div(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    return a32_begin(raw, insn, p->op) && mul_regs(raw, insn, false);
}

/* ---- Saturating, parallel and other media instructions ------------------- */

/* Three-register form Rd = bits 15:12, Rn = 19:16, Rm = 3:0. */
static bool media_regs(uint32_t raw, struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RN(raw), rm = A32_RM(raw);
    if (rd == 15 || rn == 15 || rm == 15)
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    insn->rm = (uint8_t)rm;
    return true;
}

bool a32_dec_qaddsub(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    return a32_begin(raw, insn, p->op) && media_regs(raw, insn);
}

/* SSAT/USAT: sat_imm in 20:16, Rd 15:12, imm5 11:7, sh bit 6, Rn 3:0. */
bool a32_dec_sat(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RM(raw);
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rn == 15)
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    unsigned sat = (raw >> 16) & 31u;
    insn->imm = p->op == OP_SSAT ? sat + 1 : sat;
    a32_set_imm_shift(insn, A32_BIT(raw, 6) ? 2 : 0, (raw >> 7) & 31u);
    return true;
}

bool a32_dec_sat16(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RM(raw);
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rn == 15)
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    unsigned sat = (raw >> 16) & 15u;
    insn->imm = p->op == OP_SSAT16 ? sat + 1 : sat;
    return true;
}

/* Parallel add/subtract: prefix from bits 22:20 (001 S, 010 Q, 011 SH,
 * 101 U, 110 UQ, 111 UH), kind from bits 7:5 (000 ADD16, 001 ASX, 010 SAX,
 * 011 SUB16, 100 ADD8, 111 SUB8), packed as insn_ops.h defines. */
bool a32_dec_parallel(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    static const int8_t prefix_of[8] = { -1, 0, 1, 2, -1, 3, 4, 5 };
    static const int8_t kind_of[8] = { 0, 1, 2, 3, 4, -1, -1, 5 };
    int prefix = prefix_of[(raw >> 20) & 7u], kind = kind_of[(raw >> 5) & 7u];
    if (prefix < 0 || kind < 0 || !a32_begin(raw, insn, OP_PARALLEL) ||
        !media_regs(raw, insn))
        return false;
    insn->imm = (uint32_t)(prefix * 8 + kind);
    return true;
}

bool a32_dec_sel(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    return a32_begin(raw, insn, OP_SEL) && media_regs(raw, insn);
}

/* USAD8 (Ra field 1111) and USADA8: multiply-style register layout. */
bool a32_dec_usad8(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    return a32_begin(raw, insn, p->op) &&
           mul_regs(raw, insn, p->op == OP_USADA8);
}

/* PKHBT (LSL 0..31) and PKHTB (ASR 1..32; imm5 == 0 means 32). */
bool a32_dec_pkh(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !media_regs(raw, insn))
        return false;
    a32_set_imm_shift(insn, p->op == OP_PKHTB ? 2 : 0, (raw >> 7) & 31u);
    return true;
}

static bool extend_accumulates(unsigned op)
{
    switch (op) {
    case OP_SXTAB: case OP_SXTAH: case OP_SXTAB16:
    case OP_UXTAB: case OP_UXTAH: case OP_UXTAB16:
        return true;
    default:
        return false;
    }
}

/* Extends: rotation in bits 11:10 (times 8); the accumulating forms reject
 * Rn == pc, which encodes the plain extend. */
bool a32_dec_extend(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RN(raw), rm = A32_RM(raw);
    bool acc = extend_accumulates(p->op);
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rm == 15 ||
        (acc && rn == 15))
        return false;
    insn->rd = (uint8_t)rd;
    insn->rm = (uint8_t)rm;
    insn->rn = acc ? (uint8_t)rn : 0;
    insn->shift_type = SHIFT_ROR;
    insn->shift_amount = (uint8_t)(((raw >> 10) & 3u) * 8);
    return true;
}

/* REV, REV16, REVSH, RBIT, CLZ: Rd 15:12, Rm 3:0. */
bool a32_dec_rev_rbit_clz(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rm = A32_RM(raw);
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rm == 15)
        return false;
    insn->rd = (uint8_t)rd;
    insn->rm = (uint8_t)rm;
    return true;
}

/* BFC (Rn field 1111) and BFI: msb 20:16, lsb 11:7, msb >= lsb. */
bool a32_dec_bfc_bfi(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RM(raw);
    unsigned msb = (raw >> 16) & 31u, lsb = (raw >> 7) & 31u;
    if (!a32_begin(raw, insn, p->op) || rd == 15 || msb < lsb ||
        (p->op == OP_BFI && rn == 15))
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = p->op == OP_BFI ? (uint8_t)rn : 0;
    insn->imm = lsb | msb << 8;
    return true;
}

/* SBFX/UBFX: widthminus1 20:16, lsb 11:7, lsb + width <= 32. */
bool a32_dec_bfx(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RM(raw);
    unsigned wm1 = (raw >> 16) & 31u, lsb = (raw >> 7) & 31u;
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rn == 15 || lsb + wm1 > 31)
        return false;
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    insn->imm = lsb | wm1 << 8;
    return true;
}
