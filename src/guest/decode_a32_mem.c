/*
 * A32 decode functions for memory access: single loads/stores (word/byte,
 * halfword/signed/dual "extra" forms, unprivileged T forms), load/store
 * multiple, exclusives, load-acquire/store-release and SWP.
 *
 * Addressing bits are P (24), U (23), W (21). Writeback happens for
 * post-indexing (P = 0) and for pre-indexing with W = 1; P = 0 with W = 1
 * selects the unprivileged T forms, which have their own table entries, so
 * the ordinary decoders reject it. Writeback with base == pc or base ==
 * transfer register is UNPREDICTABLE and rejected (this also rejects the
 * literal forms with writeback).
 */
#include "guest/decode_a32_internal.h"

static bool addressing(uint32_t raw, struct guest_insn *insn, bool *wback)
{
    bool p = A32_BIT(raw, 24), w = A32_BIT(raw, 21);
    if (!p && w)
        return false;
    *wback = !p || w;
    if (p)
        insn->flags |= F_PRE;
    if (A32_BIT(raw, 23))
        insn->flags |= F_ADD;
    if (*wback)
        insn->flags |= F_WBACK;
    return true;
}

/* T forms: always post-indexed with writeback; base may be neither pc nor
 * the transfer register. */
static bool addressing_user(uint32_t raw, struct guest_insn *insn)
{
    if (A32_RN(raw) == 15 || A32_RN(raw) == A32_RD(raw))
        return false;
    insn->flags |= F_USER | F_WBACK;
    if (A32_BIT(raw, 23))
        insn->flags |= F_ADD;
    return true;
}

static bool is_byte_op(unsigned op)
{
    return op == OP_LDRB_IMM || op == OP_STRB_IMM ||
           op == OP_LDRB_REG || op == OP_STRB_REG;
}

static bool is_dual_op(unsigned op)
{
    return op == OP_LDRD_IMM || op == OP_STRD_IMM ||
           op == OP_LDRD_REG || op == OP_STRD_REG;
}

/* Rt (and Rn) rules shared by the word/byte and halfword forms: byte and
 * halfword transfers of pc are UNPREDICTABLE, word ones are allowed (a load
 * to pc is an interworking branch, a store of pc stores PC + 8). */
static bool single_regs(uint32_t raw, struct guest_insn *insn, bool pc_ok,
                        bool wback)
{
    unsigned rt = A32_RD(raw), rn = A32_RN(raw);
    if ((!pc_ok && rt == 15) || (wback && (rn == 15 || rn == rt)))
        return false;
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)rn;
    return true;
}

/* LDRD/STRD: Rt even and not lr, Rt2 = Rt + 1 in ra. */
static bool dual_regs(uint32_t raw, struct guest_insn *insn, bool wback)
{
    unsigned rt = A32_RD(raw), rn = A32_RN(raw);
    if ((rt & 1) || rt == 14 ||
        (wback && (rn == 15 || rn == rt || rn == rt + 1)))
        return false;
    insn->rd = (uint8_t)rt;
    insn->ra = (uint8_t)(rt + 1);
    insn->rn = (uint8_t)rn;
    return true;
}

bool a32_dec_ls_word_imm(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    bool wback;
    if (!a32_begin(raw, insn, p->op) || !addressing(raw, insn, &wback) ||
        !single_regs(raw, insn, !is_byte_op(p->op), wback))
        return false;
    insn->imm = raw & 0xfffu;
    return true;
}

bool a32_dec_ls_word_reg(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    bool wback;
    if (!a32_begin(raw, insn, p->op) || A32_RM(raw) == 15 ||
        !addressing(raw, insn, &wback) ||
        !single_regs(raw, insn, !is_byte_op(p->op), wback))
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    a32_set_raw_imm_shift(insn, raw);
    return true;
}

/* LDRT/LDRBT/STRBT reject Rt == pc; STRT allows it. */
static bool user_rt_ok(unsigned op, uint32_t raw)
{
    return A32_RD(raw) != 15 || op == OP_STR_IMM || op == OP_STR_REG;
}

bool a32_dec_ls_word_t_imm(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !user_rt_ok(p->op, raw) ||
        !addressing_user(raw, insn))
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->rn = (uint8_t)A32_RN(raw);
    insn->imm = raw & 0xfffu;
    return true;
}

bool a32_dec_ls_word_t_reg(const struct guest_insn_pattern *p, uint32_t raw,
                           struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || !user_rt_ok(p->op, raw) ||
        A32_RM(raw) == 15 || !addressing_user(raw, insn))
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->rn = (uint8_t)A32_RN(raw);
    insn->rm = (uint8_t)A32_RM(raw);
    a32_set_raw_imm_shift(insn, raw);
    return true;
}

static uint32_t extra_imm8(uint32_t raw)
{
    return ((raw >> 4) & 0xf0u) | (raw & 15u);
}

bool a32_dec_ls_extra_imm(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    bool wback;
    if (!a32_begin(raw, insn, p->op) || !addressing(raw, insn, &wback))
        return false;
    if (is_dual_op(p->op) ? !dual_regs(raw, insn, wback)
                          : !single_regs(raw, insn, false, wback))
        return false;
    insn->imm = extra_imm8(raw);
    return true;
}

bool a32_dec_ls_extra_reg(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    bool wback;
    unsigned rm = A32_RM(raw), rt = A32_RD(raw);
    if (!a32_begin(raw, insn, p->op) || rm == 15 ||
        !addressing(raw, insn, &wback))
        return false;
    if (is_dual_op(p->op)) {
        if (!dual_regs(raw, insn, wback))
            return false;
        if (p->op == OP_LDRD_REG && (rm == rt || rm == rt + 1))
            return false;
    } else if (!single_regs(raw, insn, false, wback)) {
        return false;
    }
    insn->rm = (uint8_t)rm;
    insn->shift_type = SHIFT_LSL;
    return true;
}

bool a32_dec_ls_extra_t_imm(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || A32_RD(raw) == 15 ||
        !addressing_user(raw, insn))
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->rn = (uint8_t)A32_RN(raw);
    insn->imm = extra_imm8(raw);
    return true;
}

bool a32_dec_ls_extra_t_reg(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op) || A32_RD(raw) == 15 ||
        A32_RM(raw) == 15 || !addressing_user(raw, insn))
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->rn = (uint8_t)A32_RN(raw);
    insn->rm = (uint8_t)A32_RM(raw);
    insn->shift_type = SHIFT_LSL;
    return true;
}

/* LDM/STM (all four modes; bit 22, the user-register/exception-return '^'
 * forms, is excluded by the pattern). LDM with writeback and the base in the
 * list is UNPREDICTABLE (SIGILL here). STM with writeback and the base in
 * the list, not lowest, is defined with an UNKNOWN value stored for the
 * base: it executes, storing the base's value before the writeback as
 * Cortex-A cores and qemu-arm do. V8's deoptimizer pushes all sixteen
 * registers with "stmdb sp!, {r0-pc}", so refusing it breaks node. */
bool a32_dec_ldm_stm(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned rn = A32_RN(raw);
    uint32_t list = raw & 0xffffu;
    bool w = A32_BIT(raw, 21);
    if (!a32_begin(raw, insn, p->op) || rn == 15 || list == 0)
        return false;
    if (w && (list >> rn & 1u) && p->op == OP_LDM)
        return false;
    insn->rn = (uint8_t)rn;
    insn->imm = list;
    if (A32_BIT(raw, 24))
        insn->flags |= F_PRE;
    if (A32_BIT(raw, 23))
        insn->flags |= F_ADD;
    if (w)
        insn->flags |= F_WBACK;
    return true;
}

/* In the synchronization space bits 9:8 are 11 for the exclusives, 10 for
 * the acquire/release exclusives (ARMv8) and 00 for LDA/STL. */
static void set_acqrel(uint32_t raw, struct guest_insn *insn)
{
    if (((raw >> 8) & 3u) == 2)
        insn->flags |= F_ACQREL;
}

static bool is_excl_dual(unsigned op)
{
    return op == OP_LDREXD || op == OP_STREXD;
}

/* LDREX{,B,H,D} and LDAEX{,B,H,D}: rd = Rt, ra = Rt2, rn = base, imm = 0. */
bool a32_dec_ldrex(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned rt = A32_RD(raw), rn = A32_RN(raw);
    if (!a32_begin(raw, insn, p->op) || rt == 15 || rn == 15)
        return false;
    if (is_excl_dual(p->op)) {
        if ((rt & 1) || rt == 14)
            return false;
        insn->ra = (uint8_t)(rt + 1);
    }
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)rn;
    set_acqrel(raw, insn);
    return true;
}

/* STREX{,B,H,D} and STLEX{,B,H,D}: rd = status, rm = Rt, ra = Rt2. */
bool a32_dec_strex(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned rd = A32_RD(raw), rn = A32_RN(raw), rt = A32_RM(raw);
    if (!a32_begin(raw, insn, p->op) || rd == 15 || rt == 15 || rn == 15 ||
        rd == rn || rd == rt)
        return false;
    if (is_excl_dual(p->op)) {
        if ((rt & 1) || rt == 14 || rd == rt + 1)
            return false;
        insn->ra = (uint8_t)(rt + 1);
    }
    insn->rd = (uint8_t)rd;
    insn->rn = (uint8_t)rn;
    insn->rm = (uint8_t)rt;
    set_acqrel(raw, insn);
    return true;
}

/* LDA, LDAB, LDAH: rd = Rt (bits 15:12). */
bool a32_dec_lda(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned rt = A32_RD(raw), rn = A32_RN(raw);
    if (!a32_begin(raw, insn, p->op) || rt == 15 || rn == 15)
        return false;
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)rn;
    return true;
}

/* STL, STLB, STLH: Rt is in bits 3:0 and goes to rd (insn_ops.h). */
bool a32_dec_stl(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned rt = A32_RM(raw), rn = A32_RN(raw);
    if (!a32_begin(raw, insn, p->op) || rt == 15 || rn == 15)
        return false;
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)rn;
    return true;
}

/* SWP/SWPB: rd = Rt (loaded), rm = Rt2 (stored), rn = base. */
bool a32_dec_swp(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned rt = A32_RD(raw), rn = A32_RN(raw), rt2 = A32_RM(raw);
    if (!a32_begin(raw, insn, p->op) || rt == 15 || rt2 == 15 || rn == 15 ||
        rn == rt || rn == rt2)
        return false;
    insn->rd = (uint8_t)rt;
    insn->rn = (uint8_t)rn;
    insn->rm = (uint8_t)rt2;
    return true;
}
