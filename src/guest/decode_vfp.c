/* STUB: replaced by the VFP decoder. */
#include "guest/decode.h"
const struct guest_insn_pattern guest_vfp_patterns[1];
const unsigned guest_vfp_pattern_count = 0;
bool guest_decode_vfp(uint32_t raw, struct guest_insn *insn) { return false; }
