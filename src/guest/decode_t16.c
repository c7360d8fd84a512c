/*
 * T32 decoder, 16-bit encodings (ARMv7-A ARM A6.2, plus ARMv8 SEVL).
 *
 * guest_t16_patterns[] is matched against the halfword by guest_decode_t32()
 * (decode_t32.c), which pre-fills insn->pc, raw, length, thumb, itstate and
 * the IT condition before calling an entry's decode function. Decode
 * functions therefore read insn->pc (branch targets) and insn->itstate
 * (flag setting "!InITBlock()", IT placement rules) and fill only the
 * operation fields. They return false for encodings the ARM ARM calls
 * UNDEFINED or UNPREDICTABLE; the caller then yields OP_UNDEFINED.
 *
 * Entries are ordered so that the first accepting entry is the right one;
 * every entry's mask/value is as precise as the encoding allows, because the
 * difftest generator draws random halfwords from individual entries.
 */
#include "guest/decode.h"

/* IT-state predicates of the ARM ARM, on the ITSTATE before the insn. */
static inline bool in_it_block(const struct guest_insn *insn)
{
    return (insn->itstate & 0xfu) != 0;
}

static inline bool last_in_it_block(const struct guest_insn *insn)
{
    return (insn->itstate & 0xfu) == 0x8u;
}

/* Branches and other writes to pc may only be last in an IT block. */
static inline bool pc_write_allowed(const struct guest_insn *insn)
{
    return !in_it_block(insn) || last_in_it_block(insn);
}

static inline uint16_t flags_outside_it(const struct guest_insn *insn)
{
    return in_it_block(insn) ? 0 : F_S;
}

static inline unsigned bits(uint32_t raw, unsigned hi, unsigned lo)
{
    return (raw >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* LSL/LSR/ASR Rd, Rm, #imm5; LSL #0 is MOVS Rd, Rm (not in an IT block). */
static bool t16_shift_imm(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned type = bits(raw, 12, 11), imm5 = bits(raw, 10, 6);
    if (type == SHIFT_LSL && imm5 == 0 && in_it_block(insn))
        return false;
    insn->op = OP_MOV_REG;
    insn->rd = (uint8_t)bits(raw, 2, 0);
    insn->rm = (uint8_t)bits(raw, 5, 3);
    insn->shift_type = (uint8_t)type;
    insn->shift_amount = (uint8_t)(type != SHIFT_LSL && imm5 == 0 ? 32 : imm5);
    insn->flags = flags_outside_it(insn);
    return true;
}

/* ADD/SUB Rd, Rn, Rm and ADD/SUB Rd, Rn, #imm3. */
static bool t16_addsub3(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 2, 0);
    insn->rn = (uint8_t)bits(raw, 5, 3);
    if (p->op == OP_ADD_REG || p->op == OP_SUB_REG)
        insn->rm = (uint8_t)bits(raw, 8, 6);
    else
        insn->imm = bits(raw, 8, 6);
    insn->flags = flags_outside_it(insn);
    return true;
}

/* MOV/CMP/ADD/SUB Rdn, #imm8. */
static bool t16_imm8(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    unsigned rdn = bits(raw, 10, 8);
    insn->op = p->op;
    insn->imm = bits(raw, 7, 0);
    insn->flags = p->op == OP_CMP_IMM ? F_S : flags_outside_it(insn);
    if (p->op != OP_CMP_IMM)
        insn->rd = (uint8_t)rdn;
    insn->rn = (uint8_t)rdn;
    return true;
}

/* Data-processing Rdn, Rm (opcode in bits 9..6); p->op gives the op. */
static bool t16_dp(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned rdn = bits(raw, 2, 0), rm = bits(raw, 5, 3);
    unsigned opc = bits(raw, 9, 6);
    insn->op = p->op;
    insn->flags = flags_outside_it(insn);
    switch (opc) {
    case 0x2: case 0x3: case 0x4: case 0x7:  /* LSL/LSR/ASR/ROR (register) */
        insn->rd = (uint8_t)rdn;
        insn->rm = (uint8_t)rdn;
        insn->ra = (uint8_t)rm;
        insn->shift_type = (uint8_t)(opc == 0x2 ? SHIFT_LSL :
                                     opc == 0x3 ? SHIFT_LSR :
                                     opc == 0x4 ? SHIFT_ASR : SHIFT_ROR);
        return true;
    case 0x8: case 0xa: case 0xb:            /* TST, CMP, CMN */
        insn->rn = (uint8_t)rdn;
        insn->rm = (uint8_t)rm;
        insn->flags = F_S;
        return true;
    case 0x9:                                /* RSB Rd, Rn, #0 */
        insn->rd = (uint8_t)rdn;
        insn->rn = (uint8_t)rm;
        insn->imm = 0;
        return true;
    case 0xd:                                /* MUL Rdm, Rn, Rdm */
        insn->rd = (uint8_t)rdn;
        insn->rn = (uint8_t)rm;
        insn->rm = (uint8_t)rdn;
        return true;
    case 0xf:                                /* MVN */
        insn->rd = (uint8_t)rdn;
        insn->rm = (uint8_t)rm;
        return true;
    default:                                 /* AND EOR ADC SBC ORR BIC */
        insn->rd = (uint8_t)rdn;
        insn->rn = (uint8_t)rdn;
        insn->rm = (uint8_t)rm;
        return true;
    }
}

/* ADD Rdn, Rm with high registers (includes ADD SP forms and ADD pc). */
static bool t16_add_high(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned d = bits(raw, 7, 7) << 3 | bits(raw, 2, 0), m = bits(raw, 6, 3);
    if (d == 15 && m == 15)
        return false;
    if (d == 15 && !pc_write_allowed(insn))
        return false;
    insn->op = OP_ADD_REG;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)d;
    insn->rm = (uint8_t)m;
    return true;
}

static bool t16_cmp_high(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned n = bits(raw, 7, 7) << 3 | bits(raw, 2, 0), m = bits(raw, 6, 3);
    if ((n < 8 && m < 8) || n == 15 || m == 15)
        return false;
    insn->op = OP_CMP_REG;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    insn->flags = F_S;
    return true;
}

/* MOV Rd, Rm (any registers, no flags); MOV pc, Rm is BranchWritePC. */
static bool t16_mov_high(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned d = bits(raw, 7, 7) << 3 | bits(raw, 2, 0), m = bits(raw, 6, 3);
    if (d == 15 && !pc_write_allowed(insn))
        return false;
    insn->op = OP_MOV_REG;
    insn->rd = (uint8_t)d;
    insn->rm = (uint8_t)m;
    return true;
}

/* BX Rm / BLX Rm. */
static bool t16_bx(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned m = bits(raw, 6, 3);
    if (!pc_write_allowed(insn) || (p->op == OP_BLX_REG && m == 15))
        return false;
    insn->op = p->op;
    insn->rm = (uint8_t)m;
    return true;
}

static bool t16_ldr_literal(const struct guest_insn_pattern *p, uint32_t raw,
                            struct guest_insn *insn)
{
    insn->op = OP_LDR_IMM;
    insn->rd = (uint8_t)bits(raw, 10, 8);
    insn->rn = 15;
    insn->imm = bits(raw, 7, 0) << 2;
    insn->flags = F_PRE | F_ADD;
    return true;
}

/* Loads/stores [Rn, Rm]. */
static bool t16_ls_reg(const struct guest_insn_pattern *p, uint32_t raw,
                       struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 2, 0);
    insn->rn = (uint8_t)bits(raw, 5, 3);
    insn->rm = (uint8_t)bits(raw, 8, 6);
    insn->flags = F_PRE | F_ADD;
    return true;
}

/* Loads/stores [Rn, #imm5 * size]. */
static bool t16_ls_imm5(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    unsigned scale = (p->op == OP_LDR_IMM || p->op == OP_STR_IMM) ? 2 :
                     (p->op == OP_LDRH_IMM || p->op == OP_STRH_IMM) ? 1 : 0;
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 2, 0);
    insn->rn = (uint8_t)bits(raw, 5, 3);
    insn->imm = bits(raw, 10, 6) << scale;
    insn->flags = F_PRE | F_ADD;
    return true;
}

/* LDR/STR Rt, [SP, #imm8 * 4]. */
static bool t16_ls_sp(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 10, 8);
    insn->rn = 13;
    insn->imm = bits(raw, 7, 0) << 2;
    insn->flags = F_PRE | F_ADD;
    return true;
}

/* ADR Rd, label (add form) and ADD Rd, SP, #imm8 * 4. */
static bool t16_adr_addsp(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 10, 8);
    insn->rn = p->op == OP_ADR ? 15 : 13;
    insn->imm = bits(raw, 7, 0) << 2;
    return true;
}

/* ADD/SUB SP, SP, #imm7 * 4. */
static bool t16_sp_imm7(const struct guest_insn_pattern *p, uint32_t raw,
                        struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = 13;
    insn->rn = 13;
    insn->imm = bits(raw, 6, 0) << 2;
    return true;
}

static bool t16_cbz(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    if (in_it_block(insn))
        return false;
    insn->op = p->op;
    insn->rn = (uint8_t)bits(raw, 2, 0);
    insn->imm = insn->pc + 4 + (bits(raw, 9, 9) << 6 | bits(raw, 7, 3) << 1);
    return true;
}

/* SXTH/SXTB/UXTH/UXTB and REV/REV16/REVSH: rd = f(rm). */
static bool t16_rd_rm(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    insn->op = p->op;
    insn->rd = (uint8_t)bits(raw, 2, 0);
    insn->rm = (uint8_t)bits(raw, 5, 3);
    return true;
}

static bool t16_push(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    uint32_t list = bits(raw, 7, 0) | bits(raw, 8, 8) << 14;
    if (list == 0)
        return false;
    insn->op = OP_STM;
    insn->rn = 13;
    insn->imm = list;
    insn->flags = F_PRE | F_WBACK;
    return true;
}

static bool t16_pop(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    uint32_t list = bits(raw, 7, 0) | bits(raw, 8, 8) << 15;
    if (list == 0 || ((list & 0x8000u) && !pc_write_allowed(insn)))
        return false;
    insn->op = OP_LDM;
    insn->rn = 13;
    insn->imm = list;
    insn->flags = F_ADD | F_WBACK;
    return true;
}

/* STMIA Rn!, {list}: the base may only be in the list as its lowest
 * register (otherwise the stored value is UNKNOWN; rejected). */
static bool t16_stm(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    uint32_t list = bits(raw, 7, 0), n = bits(raw, 10, 8);
    if (list == 0 || ((list >> n) & 1u && (list & ((1u << n) - 1)) != 0))
        return false;
    insn->op = OP_STM;
    insn->rn = (uint8_t)n;
    insn->imm = list;
    insn->flags = F_ADD | F_WBACK;
    return true;
}

/* LDMIA Rn{!}, {list}: writeback unless the base is in the list. */
static bool t16_ldm(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    uint32_t list = bits(raw, 7, 0), n = bits(raw, 10, 8);
    if (list == 0)
        return false;
    insn->op = OP_LDM;
    insn->rn = (uint8_t)n;
    insn->imm = list;
    insn->flags = (uint16_t)(F_ADD | ((list >> n) & 1u ? 0 : F_WBACK));
    return true;
}

/* Hints (NOP, YIELD, WFE, WFI, SEV, SEVL; unallocated hints execute as
 * NOP), CPS (no effect in user mode) and SETEND LE. */
static bool t16_nop(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    if (p->op == OP_UNDEFINED) {             /* CPS / SETEND entries */
        if (in_it_block(insn))
            return false;
        if ((raw & 0xffe8u) == 0xb660u && (raw & 7u) == 0)
            return false;                    /* CPS with no A/I/F bits */
    }
    insn->op = OP_NOP;
    return true;
}

static bool t16_it(const struct guest_insn_pattern *p, uint32_t raw,
                   struct guest_insn *insn)
{
    unsigned firstcond = bits(raw, 7, 4), mask = bits(raw, 3, 0);
    if (mask == 0 || firstcond == 0xf || in_it_block(insn))
        return false;
    if (firstcond == 0xe && (mask & (mask - 1)) != 0)
        return false;                        /* AL needs a one-insn block */
    insn->op = OP_IT;
    insn->imm = raw & 0xffu;
    insn->cond = COND_AL;
    return true;
}

static bool t16_bkpt(const struct guest_insn_pattern *p, uint32_t raw,
                     struct guest_insn *insn)
{
    insn->op = OP_BKPT;
    insn->imm = raw & 0xffu;
    insn->cond = COND_AL;                    /* unconditional even in IT */
    return true;
}

static bool t16_udf(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    insn->op = OP_UDF;
    insn->imm = raw;
    return true;
}

static bool t16_svc(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    insn->op = OP_SVC;
    insn->imm = raw & 0xffu;
    return true;
}

static bool t16_bcond(const struct guest_insn_pattern *p, uint32_t raw,
                      struct guest_insn *insn)
{
    unsigned cond = bits(raw, 11, 8);
    if (cond >= 0xe || in_it_block(insn))
        return false;
    int32_t off = (int32_t)((raw & 0xffu) << 24) >> 23;
    insn->op = OP_B;
    insn->cond = (uint8_t)cond;
    insn->imm = insn->pc + 4 + (uint32_t)off;
    return true;
}

static bool t16_b(const struct guest_insn_pattern *p, uint32_t raw,
                  struct guest_insn *insn)
{
    if (!pc_write_allowed(insn))
        return false;
    int32_t off = (int32_t)((raw & 0x7ffu) << 21) >> 20;
    insn->op = OP_B;
    insn->imm = insn->pc + 4 + (uint32_t)off;
    return true;
}

#define E(mask, value, name, grp, op, fn) \
    { mask, value, name, GROUP_##grp, OP_##op, fn }
#define DP16(opc, name, op) E(0xffc0, 0x4000 | (opc) << 6, name, DATAPROC, op, t16_dp)

const struct guest_insn_pattern guest_t16_patterns[] = {
    /* Shift (immediate), add, subtract, move, compare. */
    E(0xf800, 0x0000, "LSL (immediate) / MOVS (register)", DATAPROC, MOV_REG, t16_shift_imm),
    E(0xf800, 0x0800, "LSR (immediate)", DATAPROC, MOV_REG, t16_shift_imm),
    E(0xf800, 0x1000, "ASR (immediate)", DATAPROC, MOV_REG, t16_shift_imm),
    E(0xfe00, 0x1800, "ADD (register, 3 low)", DATAPROC, ADD_REG, t16_addsub3),
    E(0xfe00, 0x1a00, "SUB (register)", DATAPROC, SUB_REG, t16_addsub3),
    E(0xfe00, 0x1c00, "ADD (immediate, imm3)", DATAPROC, ADD_IMM, t16_addsub3),
    E(0xfe00, 0x1e00, "SUB (immediate, imm3)", DATAPROC, SUB_IMM, t16_addsub3),
    E(0xf800, 0x2000, "MOV (immediate)", DATAPROC, MOV_IMM, t16_imm8),
    E(0xf800, 0x2800, "CMP (immediate)", DATAPROC, CMP_IMM, t16_imm8),
    E(0xf800, 0x3000, "ADD (immediate, imm8)", DATAPROC, ADD_IMM, t16_imm8),
    E(0xf800, 0x3800, "SUB (immediate, imm8)", DATAPROC, SUB_IMM, t16_imm8),
    /* Data-processing (register). */
    DP16(0x0, "AND (register)", AND_REG), DP16(0x1, "EOR (register)", EOR_REG),
    DP16(0x2, "LSL (register)", MOV_RSR), DP16(0x3, "LSR (register)", MOV_RSR),
    DP16(0x4, "ASR (register)", MOV_RSR), DP16(0x5, "ADC (register)", ADC_REG),
    DP16(0x6, "SBC (register)", SBC_REG), DP16(0x7, "ROR (register)", MOV_RSR),
    DP16(0x8, "TST (register)", TST_REG), DP16(0x9, "RSB (immediate, #0)", RSB_IMM),
    DP16(0xa, "CMP (register)", CMP_REG), DP16(0xb, "CMN (register)", CMN_REG),
    DP16(0xc, "ORR (register)", ORR_REG), DP16(0xd, "MUL", MUL),
    DP16(0xe, "BIC (register)", BIC_REG), DP16(0xf, "MVN (register)", MVN_REG),
    /* Special data instructions and branch and exchange. */
    E(0xff00, 0x4400, "ADD (register, high)", DATAPROC, ADD_REG, t16_add_high),
    E(0xff00, 0x4500, "CMP (register, high)", DATAPROC, CMP_REG, t16_cmp_high),
    E(0xff00, 0x4600, "MOV (register, high)", DATAPROC, MOV_REG, t16_mov_high),
    E(0xff87, 0x4700, "BX", BRANCH, BX, t16_bx),
    E(0xff87, 0x4780, "BLX (register)", BRANCH, BLX_REG, t16_bx),
    /* Loads and stores. */
    E(0xf800, 0x4800, "LDR (literal)", LOADSTORE, LDR_IMM, t16_ldr_literal),
    E(0xfe00, 0x5000, "STR (register)", LOADSTORE, STR_REG, t16_ls_reg),
    E(0xfe00, 0x5200, "STRH (register)", LOADSTORE, STRH_REG, t16_ls_reg),
    E(0xfe00, 0x5400, "STRB (register)", LOADSTORE, STRB_REG, t16_ls_reg),
    E(0xfe00, 0x5600, "LDRSB (register)", LOADSTORE, LDRSB_REG, t16_ls_reg),
    E(0xfe00, 0x5800, "LDR (register)", LOADSTORE, LDR_REG, t16_ls_reg),
    E(0xfe00, 0x5a00, "LDRH (register)", LOADSTORE, LDRH_REG, t16_ls_reg),
    E(0xfe00, 0x5c00, "LDRB (register)", LOADSTORE, LDRB_REG, t16_ls_reg),
    E(0xfe00, 0x5e00, "LDRSH (register)", LOADSTORE, LDRSH_REG, t16_ls_reg),
    E(0xf800, 0x6000, "STR (immediate)", LOADSTORE, STR_IMM, t16_ls_imm5),
    E(0xf800, 0x6800, "LDR (immediate)", LOADSTORE, LDR_IMM, t16_ls_imm5),
    E(0xf800, 0x7000, "STRB (immediate)", LOADSTORE, STRB_IMM, t16_ls_imm5),
    E(0xf800, 0x7800, "LDRB (immediate)", LOADSTORE, LDRB_IMM, t16_ls_imm5),
    E(0xf800, 0x8000, "STRH (immediate)", LOADSTORE, STRH_IMM, t16_ls_imm5),
    E(0xf800, 0x8800, "LDRH (immediate)", LOADSTORE, LDRH_IMM, t16_ls_imm5),
    E(0xf800, 0x9000, "STR (SP-relative)", LOADSTORE, STR_IMM, t16_ls_sp),
    E(0xf800, 0x9800, "LDR (SP-relative)", LOADSTORE, LDR_IMM, t16_ls_sp),
    E(0xf800, 0xa000, "ADR", DATAPROC, ADR, t16_adr_addsp),
    E(0xf800, 0xa800, "ADD (SP plus immediate)", DATAPROC, ADD_IMM, t16_adr_addsp),
    /* Miscellaneous 16-bit instructions. */
    E(0xff80, 0xb000, "ADD (SP plus immediate, SP)", DATAPROC, ADD_IMM, t16_sp_imm7),
    E(0xff80, 0xb080, "SUB (SP minus immediate)", DATAPROC, SUB_IMM, t16_sp_imm7),
    E(0xfd00, 0xb100, "CBZ", BRANCH, CBZ, t16_cbz),
    E(0xfd00, 0xb900, "CBNZ", BRANCH, CBNZ, t16_cbz),
    E(0xffc0, 0xb200, "SXTH", MISC, SXTH, t16_rd_rm),
    E(0xffc0, 0xb240, "SXTB", MISC, SXTB, t16_rd_rm),
    E(0xffc0, 0xb280, "UXTH", MISC, UXTH, t16_rd_rm),
    E(0xffc0, 0xb2c0, "UXTB", MISC, UXTB, t16_rd_rm),
    E(0xfe00, 0xb400, "PUSH", LDMSTM, STM, t16_push),
    E(0xffff, 0xb650, "SETEND LE", SYSTEM, UNDEFINED, t16_nop),
    E(0xffe8, 0xb660, "CPS", SYSTEM, UNDEFINED, t16_nop),
    E(0xffc0, 0xba00, "REV", MISC, REV, t16_rd_rm),
    E(0xffc0, 0xba40, "REV16", MISC, REV16, t16_rd_rm),
    E(0xffc0, 0xbac0, "REVSH", MISC, REVSH, t16_rd_rm),
    E(0xfe00, 0xbc00, "POP", LDMSTM, LDM, t16_pop),
    E(0xff00, 0xbe00, "BKPT", SYSTEM, BKPT, t16_bkpt),
    E(0xff0f, 0xbf00, "NOP-compatible hint", SYSTEM, NOP, t16_nop),
    E(0xff00, 0xbf00, "IT", SYSTEM, IT, t16_it),
    /* Load/store multiple. */
    E(0xf800, 0xc000, "STM (STMIA)", LDMSTM, STM, t16_stm),
    E(0xf800, 0xc800, "LDM (LDMIA)", LDMSTM, LDM, t16_ldm),
    /* Conditional branch, UDF, SVC; unconditional branch. */
    E(0xff00, 0xde00, "UDF", SYSTEM, UDF, t16_udf),
    E(0xff00, 0xdf00, "SVC", SYSTEM, SVC, t16_svc),
    E(0xf000, 0xd000, "B (conditional)", BRANCH, B, t16_bcond),
    E(0xf800, 0xe000, "B", BRANCH, B, t16_b),
};

const unsigned guest_t16_pattern_count =
    sizeof guest_t16_patterns / sizeof guest_t16_patterns[0];
