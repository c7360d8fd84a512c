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
