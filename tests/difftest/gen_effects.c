/*
 * Effect summary of a decoded instruction for the difftest generator: which
 * registers it reads and writes, which memory it touches and how the address
 * is formed, and whether it branches. Integer instructions are described
 * from struct guest_insn (field conventions of insn_ops.h, NEON and crypto
 * ops of insn_neon_ops.h); VFP instructions
 * from their A32-form encoding (the VFP op list belongs to the VFP module,
 * and the core-register and memory fields of cp10/cp11 encodings are fixed
 * by the architecture).
 *
 * Anything the architecture calls UNPREDICTABLE that a decoder might still
 * accept, and everything whose result depends on the host (TPIDRURO) or on
 * IMPLEMENTATION DEFINED choices, is marked reject.
 */
#include "gen.h"

#define BIT(n) ((uint16_t)(1u << (n)))

enum dp_kind { DP_AND, DP_EOR, DP_SUB, DP_RSB, DP_ADD, DP_ADC, DP_SBC, DP_RSC,
               DP_TST, DP_TEQ, DP_CMP, DP_CMN, DP_ORR, DP_MOV, DP_BIC, DP_MVN, DP_ORN };

static void single_mem(const struct guest_insn *in, struct gen_effects *fx,
                       bool load, uint32_t size, bool reg_form)
{
    fx->mem = MEM_ACCESS;
    fx->load = load;
    fx->store = !load;
    fx->base = in->rn;
    fx->index = reg_form ? in->rm : -1;
    fx->shift_type = in->shift_type;
    fx->shift_amount = in->shift_amount;
    fx->imm = reg_form ? 0 : in->imm;
    fx->add = (in->flags & F_ADD) != 0;
    fx->pre = (in->flags & F_PRE) != 0;
    fx->wback = (in->flags & F_WBACK) != 0;
    fx->size = size;
    fx->align = size == 8 ? 4 : 1;
    bool dual = size == 8;
    fx->reads |= BIT(in->rn);
    if (reg_form)
        fx->reads |= BIT(in->rm);
    if (load) {
        fx->writes |= BIT(in->rd);
        if (dual)
            fx->writes |= BIT(in->ra);
    } else {
        fx->reads |= BIT(in->rd);
        if (dual)
            fx->reads |= BIT(in->ra);
    }
    if (fx->wback) {
        fx->writes |= BIT(in->rn);
        if (in->rn == 15 || in->rn == in->rd || (dual && in->rn == in->ra))
            fx->reject = true;
    }
    if (reg_form && (in->rm == 15 || (fx->wback && in->rm == in->rn) ||
                     (dual && (in->rm == in->rd || in->rm == in->ra))))
        fx->reject = true;
    if (dual && (in->rd == in->ra || in->rd == 14 || (!in->thumb && (in->rd & 1))))
        fx->reject = true;
    if (!load && (in->rd == 15 || (dual && in->ra == 15)))
        fx->reject = true;
    /* pc as the base: literal loads only (address = Align(PC, 4) +/- imm). */
    if (in->rn == 15 && (!load || reg_form))
        fx->reject = true;
    fx->reads_pc_ok = in->rn == 15 && load && !reg_form && !fx->wback;
}

static void multiple_mem(const struct guest_insn *in, struct gen_effects *fx, bool load)
{
    uint32_t list = in->imm & 0xffff;
    uint32_t n = (uint32_t)__builtin_popcount(list);
    fx->mem = MEM_ACCESS;
    fx->load = load;
    fx->store = !load;
    fx->base = in->rn;
    fx->index = -1;
    fx->add = (in->flags & F_ADD) != 0;
    fx->pre = (in->flags & F_PRE) != 0;
    fx->wback = (in->flags & F_WBACK) != 0;
    fx->size = 4 * n;
    fx->align = 4;
    fx->lowest_first = 1;
    fx->wback_delta = 4 * n;
    fx->reads |= BIT(in->rn);
    if (load)
        fx->writes |= (uint16_t)list;
    else
        fx->reads |= (uint16_t)list;
    if (fx->wback)
        fx->writes |= BIT(in->rn);
    if (n == 0 || in->rn == 15 || (list & BIT(13)) || (!load && (list & BIT(15))) ||
        (fx->wback && (list & BIT(in->rn))))
        fx->reject = true;
    if (load && (list & BIT(15))) {     /* LDM/POP with pc: an indirect branch */
        fx->branch = BR_LOAD;
        fx->pc_word = 4 * (n - 1);
    }
}

static void exclusive_mem(const struct guest_insn *in, struct gen_effects *fx,
                          bool load, uint32_t size, bool exclusive)
{
    fx->mem = MEM_ACCESS;
    fx->load = load;
    fx->store = !load;
    fx->base = in->rn;
    fx->index = -1;
    fx->imm = in->imm;
    fx->add = true;
    fx->pre = true;
    fx->size = size;
    fx->align = size;
    fx->reads |= BIT(in->rn);
    if (in->rn == 15)
        fx->reject = true;
    if (!exclusive) {                   /* LDA*, STL*: rd = Rt */
        if (load)
            fx->writes |= BIT(in->rd);
        else
            fx->reads |= BIT(in->rd);
        return;
    }
    fx->exclusive = load ? 1 : 2;
    if (load) {
        fx->writes |= BIT(in->rd);
        if (size == 8) {
            fx->writes |= BIT(in->ra);
            if (in->rd == in->ra || in->rd == 14 || (!in->thumb && (in->rd & 1)))
                fx->reject = true;
        }
    } else {
        fx->writes |= BIT(in->rd);
        fx->reads |= BIT(in->rm);
        if (size == 8) {
            fx->reads |= BIT(in->ra);
            if (in->rd == in->ra || in->rm == 14 || (!in->thumb && (in->rm & 1)) ||
                in->rm == in->ra)
                fx->reject = true;
        }
        if (in->rd == in->rn || in->rd == in->rm || in->rm == 15)
            fx->reject = true;
    }
}

/* VFP (cp10/cp11) encodings in A32 form. */
static void vfp_effects(uint32_t raw, struct gen_effects *fx)
{
    if ((raw & 0x0e000000u) == 0x0c000000u) {
        unsigned p = (raw >> 24) & 1, u = (raw >> 23) & 1, w = (raw >> 21) & 1;
        unsigned l = (raw >> 20) & 1, rn = (raw >> 16) & 0xf, vd = (raw >> 12) & 0xf;
        unsigned d = (raw >> 22) & 1, dbl = (raw >> 8) & 1, imm8 = raw & 0xff;
        if (!p && !u && !w) {           /* VMOV two core registers */
            unsigned rt = vd, rt2 = rn;
            if (l) {
                fx->writes |= (uint16_t)(BIT(rt) | BIT(rt2));
                if (rt == rt2)
                    fx->reject = true;
            } else {
                fx->reads |= (uint16_t)(BIT(rt) | BIT(rt2));
            }
            /* Single-precision pair Sm, Sm+1: m == 31 is UNPREDICTABLE. */
            unsigned m = (raw & 0xf) << 1 | ((raw >> 5) & 1);
            if (rt >= 13 || rt2 >= 13 || (!dbl && m == 31))
                fx->reject = true;
            return;
        }
        fx->mem = MEM_ACCESS;
        fx->load = l;
        fx->store = !l;
        fx->base = (int)rn;
        fx->index = -1;
        fx->reads |= BIT(rn);
        fx->align = 4;
        if (p && !w) {                  /* VLDR / VSTR */
            fx->imm = imm8 * 4;
            fx->add = u;
            fx->pre = true;
            fx->size = dbl ? 8 : 4;
            fx->reads_pc_ok = rn == 15 && l;
            if (rn == 15 && !l)
                fx->reject = true;
            return;
        }
        /* VLDM / VSTM (IA, or DB with writeback). */
        unsigned first = dbl ? (d << 4 | vd) : (vd << 1 | d);
        unsigned regs = dbl ? imm8 / 2 : imm8;
        if (p == u || (p && !w) || rn == 15 || regs == 0 || (dbl && (imm8 & 1)) ||
            (dbl && regs > 16) || first + regs > 32)
            fx->reject = true;
        fx->add = u;
        fx->pre = p;
        fx->wback = w;
        if (w)
            fx->writes |= BIT(rn);
        fx->size = imm8 * 4;
        fx->lowest_first = 1;
        fx->wback_delta = imm8 * 4;
        return;
    }
    if ((raw & 0x0f000010u) == 0x0e000010u) {
        unsigned l = (raw >> 20) & 1, rt = (raw >> 12) & 0xf;
        if (((raw >> 21) & 7) == 7) {   /* VMRS / VMSR */
            unsigned reg = (raw >> 16) & 0xf;
            if (reg != 1) {             /* FPSID, MVFRx, FPEXC: not user state */
                fx->reject = true;
                return;
            }
            if (l) {
                if (rt == 13)
                    fx->reject = true;
                else if (rt != 15)      /* rt 15: APSR_nzcv */
                    fx->writes |= BIT(rt);
            } else {
                fx->reads |= BIT(rt);
                fx->sets_fpscr_from_reg = true;
                fx->fpscr_reg = (uint8_t)rt;
                if (rt >= 13)
                    fx->reject = true;
            }
            return;
        }
        if (l)
            fx->writes |= BIT(rt);
        else
            fx->reads |= BIT(rt);
        if (rt >= 13)
            fx->reject = true;
    }
}

/* Advanced SIMD and crypto ops, from the decoded fields (insn_neon_ops.h):
 * only element/structure loads/stores touch memory and core registers
 * (base rn, post-index rm: 13 = by the transfer size, 15 = none), and the
 * core <-> scalar moves touch one core register. Alignment: the hint's
 * alignment (accesses are placed aligned; qemu-arm 7.2 does not fault a
 * 32-byte hint at a 16-byte boundary, see tests/guest/check_neon_align.c). */
static void neon_effects(const struct guest_insn *in, struct gen_effects *fx)
{
    unsigned total = 0;
    switch (in->op) {
    case OP_NEON_VLD_MULTI: case OP_NEON_VST_MULTI:
        total = 8u * (in->imm & 0xffu) * in->ra;
        break;
    case OP_NEON_VLD_LANE: case OP_NEON_VST_LANE: case OP_NEON_VLD_ALL:
        total = (unsigned)in->ra << in->shift_type;
        break;
    case OP_NEON_VMOV_TO_SCALAR: case OP_NEON_VDUP_CORE:
        fx->reads |= BIT(in->rm);
        if (in->rm == 15)
            fx->reject = true;
        return;
    case OP_NEON_VMOV_FROM_SCALAR:
        fx->writes |= BIT(in->rd);
        if (in->rd == 15)
            fx->reject = true;
        return;
    default:
        return;                         /* register-only SIMD/crypto op */
    }
    bool load = in->op == OP_NEON_VLD_MULTI || in->op == OP_NEON_VLD_LANE ||
                in->op == OP_NEON_VLD_ALL;
    fx->mem = MEM_ACCESS;
    fx->load = load;
    fx->store = !load;
    fx->base = in->rn;
    fx->reads |= BIT(in->rn);
    fx->add = true;
    fx->pre = false;
    fx->wback = (in->flags & F_WBACK) != 0;
    fx->size = total;
    fx->align = in->shift_amount > 1 ? in->shift_amount : 1;
    fx->shift_type = SHIFT_LSL;
    fx->shift_amount = 0;
    if (in->rm == 13) {
        fx->index = -1;
        fx->imm = total;
    } else if (in->rm != 15) {
        fx->index = in->rm;
        fx->reads |= BIT(in->rm);
    }
    if (fx->wback)
        fx->writes |= BIT(in->rn);
    if (in->rn == 15)
        fx->reject = true;
}

/* 32-bit T32 encodings may write sp only as a base writeback, as ADD/SUB
 * (SP plus immediate) or as MOV.W sp, Rm; everything else that writes sp
 * is UNPREDICTABLE (ARM ARM, per-encoding "d == 13" rules). */
static bool t32_sp_write_ok(const struct guest_insn *in, const struct gen_effects *fx)
{
    if (fx->mem != MEM_NONE)
        return fx->wback && fx->base == 13 && !(fx->load && in->rd == 13);
    if (in->op >= OP_AND_IMM && in->op <= OP_ORN_RSR) {
        unsigned kind = (in->op - OP_AND_IMM) / 3, form = (in->op - OP_AND_IMM) % 3;
        if (form == 0 && (kind == DP_ADD || kind == DP_SUB))
            return in->rn == 13;
        if (form == 1 && kind == DP_MOV)
            return in->rm != 13 && in->rm != 15 && !(in->flags & F_S) &&
                   in->shift_type == SHIFT_LSL && in->shift_amount == 0;
    }
    return false;
}

/* 32-bit T32 loads/stores: sp as a data register (Rt, Rt2, status) is
 * UNPREDICTABLE except for word LDR/STR. */
static bool t32_sp_data_reg(const struct guest_insn *in)
{
    switch (in->op) {
    case OP_LDR_IMM: case OP_LDR_REG: case OP_STR_IMM: case OP_STR_REG:
        return false;
    case OP_LDM: case OP_STM:
        return false;                   /* lists are checked separately */
    default:
        break;
    }
    if (in->op >= OP_VFP_FIRST_)
        return false;                   /* VLDR/VSTR/VLDM/VSTM: base only */
    return in->rd == 13 || in->ra == 13 ||
           (in->op >= OP_STREX && in->op <= OP_STREXD && in->rm == 13);
}

/* MSR with the x or c byte of the mask (the system-level CPSR form): at PL0
 * it can still write CPSR.E (data endianness), which the harness cannot
 * follow; only the APSR form (nzcvq, g) is generated. */
static bool msr_system_mask(const struct guest_insn *in, unsigned isa)
{
    return isa == DT_ISA_A32 ? (in->raw >> 16) & 3 : (in->raw >> 8) & 3;
}

static bool is_vfp_space(uint32_t raw, unsigned isa)
{
    if (isa == DT_ISA_T32 && (raw >> 28) != 0xe)
        return false;
    return (raw & 0x0c000e00u) == 0x0c000a00u && (raw >> 28) != 0xf;
}

bool gen_effects(const struct guest_insn *in, unsigned isa, struct gen_effects *fx)
{
    *fx = (struct gen_effects){ .base = -1, .index = -1, .branch_reg = -1 };
    unsigned op = in->op;
    bool thumb32 = isa == DT_ISA_T32 && in->length == 4;

    if (op > OP_VFP_FIRST_ && op < OP_VFP_END_) {
        if (is_vfp_space(in->raw, isa))
            vfp_effects(in->raw, fx);
        goto out;
    }
    if (op == OP_CRC32 || op == OP_CRC32C) {
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm));
        fx->writes |= BIT(in->rd);
        goto out;
    }
    if (op > OP_NEON_FIRST_ && op < OP_NEON_END_) {
        neon_effects(in, fx);
        goto out;
    }

    if (op >= OP_AND_IMM && op <= OP_ORN_RSR) {
        unsigned kind = (op - OP_AND_IMM) / 3, form = (op - OP_AND_IMM) % 3;
        if (kind != DP_MOV && kind != DP_MVN)
            fx->reads |= BIT(in->rn);
        if (form >= 1)
            fx->reads |= BIT(in->rm);
        if (form == 2)
            fx->reads |= BIT(in->ra);
        if (kind < DP_TST || kind > DP_CMN)
            fx->writes |= BIT(in->rd);
        /* pc operand: defined for A32 immediate/register forms and 16-bit T32. */
        fx->reads_pc_ok = form < 2 && !thumb32;
        if (thumb32 && (fx->reads & BIT(13)) && !(form == 0 && (kind == DP_ADD || kind == DP_SUB)))
            fx->reject = true;
        goto out;
    }

    switch (op) {
    case OP_UNDEFINED: case OP_SVC: case OP_BKPT: case OP_UDF: case OP_BLX_IMM:
        fx->reject = true;
        break;
    case OP_NOP: case OP_BARRIER:
        break;
    case OP_MSR_IMM:
        if (msr_system_mask(in, isa))
            fx->reject = true;
        break;
    case OP_IT:
        fx->is_it = true;
        break;
    case OP_MOVW: fx->writes |= BIT(in->rd); break;
    case OP_MOVT: fx->writes |= BIT(in->rd); fx->reads |= BIT(in->rd); break;
    case OP_ADR: fx->writes |= BIT(in->rd); fx->reads |= BIT(15); fx->reads_pc_ok = true; break;

    case OP_MUL: case OP_SMULXY: case OP_SMULWY: case OP_SMUAD: case OP_SMUSD:
    case OP_SMMUL: case OP_SDIV: case OP_UDIV: case OP_QADD: case OP_QSUB:
    case OP_QDADD: case OP_QDSUB: case OP_PARALLEL: case OP_SEL: case OP_USAD8:
    case OP_PKHBT: case OP_PKHTB:
    case OP_SXTAB: case OP_SXTAH: case OP_SXTAB16: case OP_UXTAB: case OP_UXTAH: case OP_UXTAB16:
        fx->writes |= BIT(in->rd);
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm));
        break;
    case OP_MLA: case OP_MLS: case OP_SMLAXY: case OP_SMLAWY: case OP_SMLAD: case OP_SMLSD:
    case OP_SMMLA: case OP_SMMLS: case OP_USADA8:
        fx->writes |= BIT(in->rd);
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm) | BIT(in->ra));
        break;
    case OP_UMULL: case OP_SMULL:
        fx->writes |= (uint16_t)(BIT(in->rd) | BIT(in->ra));
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm));
        if (in->rd == in->ra)
            fx->reject = true;
        break;
    case OP_UMLAL: case OP_SMLAL: case OP_UMAAL: case OP_SMLALXY: case OP_SMLALD: case OP_SMLSLD:
        fx->writes |= (uint16_t)(BIT(in->rd) | BIT(in->ra));
        fx->reads |= (uint16_t)(BIT(in->rd) | BIT(in->ra) | BIT(in->rn) | BIT(in->rm));
        if (in->rd == in->ra)
            fx->reject = true;
        break;
    case OP_SSAT: case OP_USAT: case OP_SSAT16: case OP_USAT16: case OP_SBFX: case OP_UBFX:
        fx->writes |= BIT(in->rd);
        fx->reads |= BIT(in->rn);
        break;
    case OP_SXTB: case OP_SXTH: case OP_SXTB16: case OP_UXTB: case OP_UXTH: case OP_UXTB16:
    case OP_REV: case OP_REV16: case OP_REVSH: case OP_RBIT: case OP_CLZ:
        fx->writes |= BIT(in->rd);
        fx->reads |= BIT(in->rm);
        break;
    case OP_BFC:
        fx->writes |= BIT(in->rd);
        fx->reads |= BIT(in->rd);
        break;
    case OP_BFI:
        fx->writes |= BIT(in->rd);
        fx->reads |= (uint16_t)(BIT(in->rd) | BIT(in->rn));
        break;

    case OP_B:
        fx->branch = BR_IMM;
        fx->writes_pc = true;
        break;
    case OP_BL:
        fx->branch = BR_IMM;
        fx->writes_pc = true;
        fx->links = true;
        fx->writes |= BIT(14);
        break;
    case OP_CBZ: case OP_CBNZ:
        fx->branch = BR_IMM;
        fx->writes_pc = true;
        fx->reads |= BIT(in->rn);
        break;
    case OP_BX: case OP_BLX_REG:
        fx->branch = BR_REG;
        fx->branch_reg = in->rm;
        fx->writes_pc = true;
        fx->reads |= BIT(in->rm);
        if (op == OP_BLX_REG) {
            fx->links = true;
            fx->writes |= BIT(14);
        }
        if (in->rm >= 13)
            fx->reject = true;
        break;
    case OP_TBB: case OP_TBH:
        fx->branch = BR_TABLE;
        fx->writes_pc = true;
        fx->mem = MEM_TABLE_BRANCH;
        fx->load = true;
        fx->base = in->rn;
        fx->index = in->rm;
        fx->shift_type = SHIFT_LSL;
        fx->shift_amount = op == OP_TBH ? 1 : 0;
        fx->add = fx->pre = true;
        fx->size = op == OP_TBH ? 2 : 1;
        fx->align = 1;
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm));
        if (in->rn >= 13 || in->rm >= 13)
            fx->reject = true;
        break;

    case OP_LDR_IMM: case OP_LDR_REG:
        single_mem(in, fx, true, 4, op == OP_LDR_REG);
        if (in->rd == 15) {             /* LDR pc: an indirect branch */
            fx->branch = BR_LOAD;
            fx->pc_word = 0;
            if (in->rn == 15)
                fx->reject = true;
        }
        break;
    case OP_LDRB_IMM: case OP_LDRSB_IMM: single_mem(in, fx, true, 1, false); break;
    case OP_LDRB_REG: case OP_LDRSB_REG: single_mem(in, fx, true, 1, true); break;
    case OP_LDRH_IMM: case OP_LDRSH_IMM: single_mem(in, fx, true, 2, false); break;
    case OP_LDRH_REG: case OP_LDRSH_REG: single_mem(in, fx, true, 2, true); break;
    case OP_STR_IMM: single_mem(in, fx, false, 4, false); break;
    case OP_STR_REG: single_mem(in, fx, false, 4, true); break;
    case OP_STRB_IMM: single_mem(in, fx, false, 1, false); break;
    case OP_STRB_REG: single_mem(in, fx, false, 1, true); break;
    case OP_STRH_IMM: single_mem(in, fx, false, 2, false); break;
    case OP_STRH_REG: single_mem(in, fx, false, 2, true); break;
    case OP_LDRD_IMM: single_mem(in, fx, true, 8, false); break;
    case OP_LDRD_REG: single_mem(in, fx, true, 8, true); break;
    case OP_STRD_IMM: single_mem(in, fx, false, 8, false); break;
    case OP_STRD_REG: single_mem(in, fx, false, 8, true); break;
    case OP_LDM: multiple_mem(in, fx, true); break;
    case OP_STM: multiple_mem(in, fx, false); break;

    case OP_LDREX: exclusive_mem(in, fx, true, 4, true); break;
    case OP_LDREXB: exclusive_mem(in, fx, true, 1, true); break;
    case OP_LDREXH: exclusive_mem(in, fx, true, 2, true); break;
    case OP_LDREXD: exclusive_mem(in, fx, true, 8, true); break;
    case OP_STREX: exclusive_mem(in, fx, false, 4, true); break;
    case OP_STREXB: exclusive_mem(in, fx, false, 1, true); break;
    case OP_STREXH: exclusive_mem(in, fx, false, 2, true); break;
    case OP_STREXD: exclusive_mem(in, fx, false, 8, true); break;
    case OP_LDA: exclusive_mem(in, fx, true, 4, false); break;
    case OP_LDAB: exclusive_mem(in, fx, true, 1, false); break;
    case OP_LDAH: exclusive_mem(in, fx, true, 2, false); break;
    case OP_STL: exclusive_mem(in, fx, false, 4, false); break;
    case OP_STLB: exclusive_mem(in, fx, false, 1, false); break;
    case OP_STLH: exclusive_mem(in, fx, false, 2, false); break;
    case OP_CLREX: fx->exclusive = 3; break;
    case OP_SWP: case OP_SWPB:
        fx->mem = MEM_ACCESS;
        fx->load = fx->store = true;
        fx->base = in->rn;
        fx->index = -1;
        fx->add = fx->pre = true;
        fx->size = fx->align = op == OP_SWP ? 4 : 1;
        fx->writes |= BIT(in->rd);
        fx->reads |= (uint16_t)(BIT(in->rn) | BIT(in->rm));
        if (in->rn == in->rd || in->rn == in->rm || in->rn == 15)
            fx->reject = true;
        break;

    case OP_MRS: fx->writes |= BIT(in->rd); break;
    case OP_MSR_REG:
        fx->reads |= BIT(in->rm);
        if (msr_system_mask(in, isa))
            fx->reject = true;
        break;
    case OP_MRC_TPIDR:
        fx->writes |= BIT(in->rd);
        if (in->imm == 3)               /* TPIDRURO: the harness's TLS pointer */
            fx->reject = true;
        break;
    case OP_MCR_TPIDR: fx->reads |= BIT(in->rd); break;
    default:
        fx->reject = true;              /* an op this generator does not know */
        break;
    }
out:
    if ((fx->reads & BIT(15)) && !fx->reads_pc_ok)
        fx->reject = true;
    if (thumb32 && (fx->reads & BIT(13)) && fx->mem == MEM_NONE &&
        !(op >= OP_AND_IMM && op <= OP_ORN_RSR))
        fx->reject = true;
    if (thumb32 && (fx->writes & BIT(13)) && !t32_sp_write_ok(in, fx))
        fx->reject = true;
    if (thumb32 && fx->mem == MEM_ACCESS && t32_sp_data_reg(in))
        fx->reject = true;
    if (fx->writes & BIT(15))
        fx->writes_pc = true;
    return !fx->reject;
}
