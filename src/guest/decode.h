/*
 * Entry points of the A32, T32 and VFP decoders, and the pattern tables they
 * are driven by (exported for the disassembler and the difftest generator).
 *
 * Decoders are pure functions of (pc, encoding, ITSTATE): they never touch
 * guest memory or CPU state, so the block cache can call them from any
 * thread and the difftest generator can link them into a host program.
 */
#ifndef A32RUN_GUEST_DECODE_H
#define A32RUN_GUEST_DECODE_H

#include <stdint.h>
#include <stdbool.h>

#include "guest/insn.h"

/* A32: decodes the word at pc. Always fills *insn (OP_UNDEFINED when the
 * encoding is not a valid user-mode instruction); length is 4. */
void guest_decode_a32(uint32_t pc, uint32_t raw, struct guest_insn *insn);

/* T32: hw1 is the halfword at pc, hw2 the next one (ignored for 16-bit
 * encodings). itstate is ITSTATE before this instruction. Fills *insn,
 * including insn->cond from the IT state and insn->itstate; returns the
 * length (2 or 4). */
unsigned guest_decode_t32(uint32_t pc, uint16_t hw1, uint16_t hw2,
                          uint32_t itstate, struct guest_insn *insn);

/* True when hw1 starts a 32-bit T32 encoding. */
static inline bool guest_t32_is_32bit(uint16_t hw1)
{
    return (hw1 >> 11) >= 0x1d;
}

/* VFP (coprocessor 10/11 space), shared by A32 and T32: raw is the A32 form
 * of the encoding with its condition field (T32 callers pass 0xE in bits
 * 31..28). Returns false if raw is not a VFP encoding at all (the caller
 * then decodes it as another coprocessor instruction / UNDEFINED). */
bool guest_decode_vfp(uint32_t raw, struct guest_insn *insn);

/* True when execution cannot continue with the next decoded instruction of
 * the same block after this one (branches, writes to pc, SVC, exceptions,
 * state changes). */
bool guest_insn_ends_block(const struct guest_insn *insn);

/* Pattern tables. 16-bit T32 tables match against the halfword; 32-bit T32
 * tables against (hw1 << 16) | hw2; VFP table against the A32 form. */
extern const struct guest_insn_pattern guest_a32_patterns[];
extern const unsigned guest_a32_pattern_count;
extern const struct guest_insn_pattern guest_t16_patterns[];
extern const unsigned guest_t16_pattern_count;
extern const struct guest_insn_pattern guest_t32_patterns[];
extern const unsigned guest_t32_pattern_count;
extern const struct guest_insn_pattern guest_vfp_patterns[];
extern const unsigned guest_vfp_pattern_count;

/* Advanced SIMD (decode_neon.c). guest_decode_neon_a32 takes an A32 word:
 * the unconditional data-processing (0xF2/0xF3) and element/structure
 * load/store (0xF4) spaces, and the conditional cp11 core-register
 * transfers the VFP decoder rejects (VDUP from a core register, 8/16-bit
 * scalar moves). It fills every field except pc (kept) and returns false if
 * raw is not a valid NEON encoding. guest_decode_neon_t32 takes the T32
 * word (hw1 << 16) | hw2, maps it to the A32 form, and keeps pc, raw,
 * length, thumb, itstate and cond of *insn. guest_neon_patterns[] matches
 * the A32 form; all its entries are GROUP_NEON. */
bool guest_decode_neon_a32(uint32_t raw, struct guest_insn *insn);
bool guest_decode_neon_t32(uint32_t raw, struct guest_insn *insn);
/* The same with the pattern-table decode function signature, for the A32
 * and T32 tables. */
bool guest_neon_a32_entry(const struct guest_insn_pattern *pattern,
                          uint32_t raw, struct guest_insn *insn);
bool guest_neon_t32_entry(const struct guest_insn_pattern *pattern,
                          uint32_t raw, struct guest_insn *insn);
extern const struct guest_insn_pattern guest_neon_patterns[];
extern const unsigned guest_neon_pattern_count;

/* ARMv8 crypto extension and CRC32 (decode_crypto.c). The crypto table
 * matches the A32 form like guest_neon_patterns (guest_decode_neon_a32 and
 * _t32 try it too); its entries are GROUP_CRYPTO. The CRC32 entry functions
 * serve the A32 and T32 tables (one entry each, GROUP_CRYPTO). */
extern const struct guest_insn_pattern guest_neon_crypto_patterns[];
extern const unsigned guest_neon_crypto_pattern_count;
bool guest_crc32_a32_entry(const struct guest_insn_pattern *pattern,
                           uint32_t raw, struct guest_insn *insn);
bool guest_crc32_t32_entry(const struct guest_insn_pattern *pattern,
                           uint32_t raw, struct guest_insn *insn);

#endif
