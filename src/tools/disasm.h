/*
 * Disassembler for decoded guest instructions (traces, difftest reports,
 * debugging). It renders a struct guest_insn, i.e. what the decoders
 * produced, in ARM UAL syntax close to GNU objdump's:
 *     adds	r0, r1, r2, lsl #3
 *     ldr	r0, [r1, #-4]!
 *     push	{r4, r5, lr}
 *     bl	0x10440
 *     vaddeq.f64	d0, d1, d2
 * It never re-decodes the raw bits: whatever a decoder discarded (barrier
 * options, which hint a NOP was, the BXJ spelling) is not shown, so the text
 * says exactly how a32run understood the instruction. Operations without a
 * format (e.g. newly added ones) print their guest_op_name() and raw word.
 */
#ifndef A32RUN_TOOLS_DISASM_H
#define A32RUN_TOOLS_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest/insn.h"

/* Writes the text of *insn to buf (mnemonic, a tab, operands; no newline;
 * pc-relative loads and ADR add "\t@ 0x<address>" as objdump does).
 * snprintf semantics: returns the length of the full text, writes at most
 * size bytes including the terminating NUL (nothing if size is 0). */
size_t guest_disasm(const struct guest_insn *insn, char *buf, size_t size);

/* The decoder pattern-table entry that accepts an encoding: the first entry
 * of guest_a32_patterns (thumb == false) or guest_t16_patterns /
 * guest_t32_patterns (thumb, by the length of hw1) whose mask/value match and
 * whose decode function accepts the word, run with the given pc and ITSTATE
 * as the decoders run it. For VFP words the entry of guest_vfp_patterns is
 * returned (it is the more specific one). NULL if no entry accepts the word.
 * raw is the A32 word, or the T32 encoding as in struct guest_insn. */
const struct guest_insn_pattern *guest_disasm_find_pattern(bool thumb,
                                                           uint32_t pc,
                                                           uint32_t raw,
                                                           unsigned itstate);

/* Name of that entry ("ADD (register)"), or "(no pattern)". */
const char *guest_disasm_pattern_name(bool thumb, uint32_t pc, uint32_t raw,
                                      unsigned itstate);

/* Same for an already decoded instruction (uses insn->thumb, pc, raw,
 * itstate). */
const char *guest_disasm_insn_pattern_name(const struct guest_insn *insn);

#endif
