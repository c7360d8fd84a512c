/* STUB: replaced by the A32 decoder. */
#include "guest/decode.h"
const struct guest_insn_pattern guest_a32_patterns[1];
const unsigned guest_a32_pattern_count = 0;
void guest_decode_a32(uint32_t pc, uint32_t raw, struct guest_insn *insn)
{
    *insn = (struct guest_insn){ .pc = pc, .raw = raw, .op = OP_UNDEFINED, .cond = COND_AL, .length = 4 };
}
bool guest_insn_ends_block(const struct guest_insn *insn) { return true; }
