/*
 * Decoder pieces shared by A32, T32 and VFP: operation and group names,
 * table-driven matching, and the block-ending rule used by the block cache.
 */
#include "guest/decode.h"

static const char *const op_names[OP_COUNT] = {
#define INSN_OP_NAME(name, mnemonic) [OP_##name] = mnemonic,
    INSN_OPS_INTEGER(INSN_OP_NAME)
    [OP_VFP_FIRST_] = "(vfp-first)",
    INSN_OPS_VFP(INSN_OP_NAME)
    [OP_VFP_END_] = "(vfp-end)",
    [OP_NEON_FIRST_] = "(neon-first)",
    INSN_OPS_NEON(INSN_OP_NAME)
    [OP_NEON_END_] = "(neon-end)",
#undef INSN_OP_NAME
};

const char *guest_op_name(unsigned op)
{
    return op < OP_COUNT && op_names[op] ? op_names[op] : "?";
}

static const char *const group_names[GROUP_COUNT] = {
#define INSN_GROUP_NAME(name, desc) [GROUP_##name] = desc,
    GUEST_INSN_GROUPS(INSN_GROUP_NAME)
#undef INSN_GROUP_NAME
};

const char *guest_insn_group_name(unsigned group)
{
    return group < GROUP_COUNT ? group_names[group] : "?";
}

bool guest_decode_with_table(const struct guest_insn_pattern *table,
                             unsigned count, uint32_t raw,
                             struct guest_insn *insn)
{
    for (unsigned i = 0; i < count; i++) {
        const struct guest_insn_pattern *p = &table[i];
        if ((raw & p->mask) == p->value && p->decode(p, raw, insn))
            return true;
    }
    return false;
}

/* Ops whose destination register field is rd (and which may thus write pc
 * when rd == 15). */
static bool op_writes_rd(unsigned op)
{
    if (op >= OP_AND_IMM && op <= OP_ORN_RSR)
        return !(op >= OP_TST_IMM && op <= OP_CMN_RSR);
    switch (op) {
    case OP_STR_IMM: case OP_STR_REG: case OP_STRB_IMM: case OP_STRB_REG:
    case OP_STRH_IMM: case OP_STRH_REG: case OP_STRD_IMM: case OP_STRD_REG:
    case OP_STL: case OP_STLB: case OP_STLH:
    case OP_LDM: case OP_STM: case OP_CLREX:
    case OP_NOP: case OP_IT: case OP_BARRIER:
    case OP_MSR_REG: case OP_MSR_IMM: case OP_MCR_TPIDR:
    case OP_CBZ: case OP_CBNZ: case OP_TBB: case OP_TBH:
    case OP_B: case OP_BL: case OP_BLX_IMM: case OP_BX: case OP_BLX_REG:
    case OP_SVC: case OP_BKPT: case OP_UDF: case OP_UNDEFINED:
        return false;
    default:
        return true;
    }
}

/* Ops with a second destination in ra (long multiplies: RdHi; dual loads). */
static bool op_writes_ra(unsigned op)
{
    switch (op) {
    case OP_UMULL: case OP_SMULL: case OP_UMLAL: case OP_SMLAL:
    case OP_UMAAL: case OP_SMLALXY: case OP_SMLALD: case OP_SMLSLD:
    case OP_LDRD_IMM: case OP_LDRD_REG: case OP_LDREXD:
        return true;
    default:
        return false;
    }
}

static bool op_is_single_load_store(unsigned op)
{
    return op >= OP_LDR_IMM && op <= OP_STRD_REG;
}

bool guest_insn_ends_block(const struct guest_insn *insn)
{
    unsigned op = insn->op;
    switch (op) {
    case OP_UNDEFINED: case OP_UDF: case OP_BKPT: case OP_SVC:
    case OP_B: case OP_BL: case OP_BLX_IMM: case OP_BX: case OP_BLX_REG:
    case OP_CBZ: case OP_CBNZ: case OP_TBB: case OP_TBH:
        return true;
    case OP_LDM:
        return (insn->imm >> 15) & 1u;
    default:
        break;
    }
    /* VFP ops never write pc (VMRS to APSR_nzcv writes flags only), and
     * their register fields name VFP registers. */
    if (op > OP_VFP_FIRST_ && op < OP_VFP_END_)
        return false;
    /* NEON ops likewise (core destinations are never r15). */
    if (op > OP_NEON_FIRST_ && op < OP_NEON_END_)
        return false;
    if (op_writes_rd(op) && insn->rd == 15)
        return true;
    if (op_writes_ra(op) && insn->ra == 15)
        return true;
    /* Decoders reject base writeback to pc; stay safe if one slipped by. */
    return op_is_single_load_store(op) && (insn->flags & F_WBACK) &&
           insn->rn == 15;
}
