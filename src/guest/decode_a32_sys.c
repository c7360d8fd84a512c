/*
 * A32 decode functions for branches and system instructions: B/BL/BLX/BX,
 * SVC, BKPT, UDF, hints, barriers (including the CP15 barrier operations),
 * status register access, the TPIDR coprocessor registers, CPS/SETEND,
 * preload hints, and the hand-off of coprocessor 10/11 words to the VFP
 * decoder.
 *
 * User-mode view: MSR writes only NZCVQ (mask bit 3) and GE (mask bit 2),
 * other mask bits are ignored as for a User-mode CPSR write; CPS is a NOP;
 * every other coprocessor access is UNDEFINED.
 */
#include "guest/decode_a32_internal.h"

/* ---- Branches ------------------------------------------------------------ */

static uint32_t branch_offset(uint32_t raw)
{
    uint32_t off = (raw & 0xffffffu) << 2;
    return (raw & 0x800000u) ? off | 0xfc000000u : off;
}

bool a32_dec_b_bl(const struct guest_insn_pattern *p, uint32_t raw,
                  struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, p->op))
        return false;
    insn->imm = insn->pc + 8 + branch_offset(raw);
    return true;
}

/* BLX (immediate): H (bit 24) gives halfword alignment of the T32 target. */
bool a32_dec_blx_imm(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin_uncond(raw, insn, OP_BLX_IMM))
        return false;
    insn->imm = insn->pc + 8 + (branch_offset(raw) | (A32_BIT(raw, 24) << 1));
    return true;
}

/* BX and BXJ (Jazelle is not implemented, so BXJ is BX; BXJ pc is
 * UNPREDICTABLE, BX pc is not). */
bool a32_dec_bx(const struct guest_insn_pattern *p, uint32_t raw,
                struct guest_insn *insn)
{
    bool bxj = ((raw >> 4) & 15u) == 2;
    if (!a32_begin(raw, insn, OP_BX) || (bxj && A32_RM(raw) == 15))
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    return true;
}

bool a32_dec_blx_reg(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_BLX_REG) || A32_RM(raw) == 15)
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    return true;
}

/* ---- Exceptions and hints ------------------------------------------------ */

bool a32_dec_svc(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_SVC))
        return false;
    insn->imm = raw & 0xffffffu;
    return true;
}

/* BKPT is unconditional; other conditions are UNPREDICTABLE. */
bool a32_dec_bkpt(const struct guest_insn_pattern *p, uint32_t raw,
                  struct guest_insn *insn)
{
    if ((raw >> 28) != COND_AL || !a32_begin(raw, insn, OP_BKPT))
        return false;
    insn->imm = ((raw >> 4) & 0xfff0u) | (raw & 15u);
    return true;
}

/* UDF (cond 1110 0111 1111 .... 1111 ....): always traps; the executor
 * tells Linux's breakpoint encodings (SIGTRAP) from the rest by imm = raw.
 * The other conditions are UNDEFINED words whose behaviour on a failed
 * condition is IMPLEMENTATION DEFINED: they stay OP_UNDEFINED. */
bool a32_dec_udf(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if ((raw >> 28) != COND_AL || !a32_begin(raw, insn, OP_UDF))
        return false;
    insn->imm = raw;
    return true;
}

/* NOP, YIELD, WFE, WFI, SEV, SEVL, DBG, CSDB and the reserved hints, which
 * the architecture defines to execute as NOP. */
bool a32_dec_hint(const struct guest_insn_pattern *p, uint32_t raw,
                  struct guest_insn *insn)
{
    return a32_begin(raw, insn, OP_NOP);
}

/* ---- Status registers ---------------------------------------------------- */

/* mask (bits 19:16) == 0 is a hint (immediate form) or UNPREDICTABLE. */
static bool msr_mask(uint32_t raw, struct guest_insn *insn)
{
    unsigned mask = (raw >> 16) & 15u;
    if (mask == 0)
        return false;
    insn->shift_amount = (uint8_t)(mask & 0xcu);
    return true;
}

/* With the x field (mask bit 1) an MSR also writes CPSR.E, which User mode
 * may change: a request for big-endian data is rejected like SETEND BE (the
 * register form cannot be checked here and leaves E alone). */
bool a32_dec_msr_imm(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MSR_IMM) || !msr_mask(raw, insn))
        return false;
    insn->imm = a32_expand_imm(raw);
    if (A32_BIT(raw, 17) && (insn->imm & (1u << 9)))
        return false;
    return true;
}

bool a32_dec_msr_reg(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MSR_REG) || A32_RM(raw) == 15 ||
        !msr_mask(raw, insn))
        return false;
    insn->rm = (uint8_t)A32_RM(raw);
    return true;
}

bool a32_dec_mrs(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MRS) || A32_RD(raw) == 15)
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    return true;
}

/* ---- Coprocessor 15 ------------------------------------------------------ */

/* MRC p15, 0, Rt, c13, c0, {2,3}: imm = opc2 (2 TPIDRURW, 3 TPIDRURO). */
bool a32_dec_mrc_tpidr(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MRC_TPIDR) || A32_RD(raw) == 15)
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    insn->imm = (raw >> 5) & 7u;
    return true;
}

/* MCR p15, 0, Rt, c13, c0, 2 (TPIDRURO is read-only: no pattern). */
bool a32_dec_mcr_tpidr(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_MCR_TPIDR) || A32_RD(raw) == 15)
        return false;
    insn->rd = (uint8_t)A32_RD(raw);
    return true;
}

/* The ARMv6 CP15 barrier operations, still allowed at EL0 on Linux:
 * c7,c10,5 DMB; c7,c10,4 DSB; c7,c5,4 ISB (the Rt value is ignored). */
bool a32_dec_cp15_barrier(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    if (!a32_begin(raw, insn, OP_BARRIER) || A32_RD(raw) == 15)
        return false;
    if (A32_RM(raw) == 5)
        insn->imm = 2;
    else
        insn->imm = ((raw >> 5) & 7u) == 5 ? 0 : 1;
    return true;
}

/* ---- Unconditional space ------------------------------------------------- */

/* DSB (option 4), DMB (5), ISB (6); every option value is a full barrier
 * (reserved options behave as SY). */
bool a32_dec_barrier(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    static const uint8_t kind[3] = { 1, 0, 2 };
    unsigned op2 = (raw >> 4) & 15u;
    if (op2 < 4 || op2 > 6 || !a32_begin_uncond(raw, insn, OP_BARRIER))
        return false;
    insn->imm = kind[op2 - 4];
    return true;
}

bool a32_dec_clrex(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    return a32_begin_uncond(raw, insn, OP_CLREX);
}

/* CPS: a NOP in User mode, but its UNPREDICTABLE field combinations are
 * still rejected: imod 01, mode without M, A:I:F inconsistent with imod. */
bool a32_dec_cps(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    unsigned imod = (raw >> 18) & 3u, aif = (raw >> 6) & 7u, mode = raw & 31u;
    bool m = A32_BIT(raw, 17);
    if (imod == 1 || (mode != 0 && !m) || (imod == 0 && !m) ||
        ((imod & 2) && aif == 0) || (!(imod & 2) && aif != 0))
        return false;
    return a32_begin_uncond(raw, insn, OP_NOP);
}

/* SETEND LE is a NOP; big-endian data is not supported. */
bool a32_dec_setend(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    return !A32_BIT(raw, 9) && a32_begin_uncond(raw, insn, OP_NOP);
}

/* PLD, PLDW, PLI (immediate, literal and register forms) are NOPs.
 * Bit 24 clear is PLI; bit 24 set with bit 22 clear is PLDW, which has no
 * literal form; the register forms (bit 25) reject Rm == pc. */
bool a32_dec_preload(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    bool pldw = A32_BIT(raw, 24) && !A32_BIT(raw, 22);
    bool reg = A32_BIT(raw, 25);
    if ((pldw && A32_RN(raw) == 15) || (reg && A32_RM(raw) == 15))
        return false;
    return a32_begin_uncond(raw, insn, OP_NOP);
}

/* ---- VFP ----------------------------------------------------------------- */

/* Coprocessor 10/11 words go to the VFP decoder, which does not know the
 * condition or the address; the unconditional-space ones (ARMv8 VSEL,
 * VMAXNM, VRINT*, VCVT{A,N,P,M}) are passed with their 0xF condition field.
 * The VFP decoder reports invalid words of its space as OP_UNDEFINED; they
 * are rejected here like every other invalid word. */
bool a32_dec_vfp(const struct guest_insn_pattern *p, uint32_t raw,
                 struct guest_insn *insn)
{
    uint32_t pc = insn->pc;
    unsigned cond = raw >> 28;
    a32_reset(insn, raw, OP_UNDEFINED, cond == 0xf ? COND_AL : cond);
    if (!guest_decode_vfp(raw, insn) || insn->op == OP_UNDEFINED)
        return false;
    insn->pc = pc;
    insn->raw = raw;
    insn->cond = (uint8_t)(cond == 0xf ? COND_AL : cond);
    insn->length = 4;
    insn->thumb = 0;
    insn->itstate = 0;
    return true;
}
