/* STUB: replaced by the T32 decoder. */
#include "guest/decode.h"
const struct guest_insn_pattern guest_t16_patterns[1];
const unsigned guest_t16_pattern_count = 0;
const struct guest_insn_pattern guest_t32_patterns[1];
const unsigned guest_t32_pattern_count = 0;
unsigned guest_decode_t32(uint32_t pc, uint16_t hw1, uint16_t hw2, uint32_t itstate, struct guest_insn *insn)
{
    unsigned len = guest_t32_is_32bit(hw1) ? 4 : 2;
    *insn = (struct guest_insn){ .pc = pc, .raw = len == 4 ? ((uint32_t)hw1 << 16) | hw2 : hw1,
                                 .op = OP_UNDEFINED, .cond = COND_AL, .length = (uint8_t)len,
                                 .itstate = (uint8_t)itstate, .thumb = 1 };
    return len;
}
