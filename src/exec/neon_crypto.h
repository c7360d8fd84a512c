/*
 * ARMv8 AArch32 cryptographic extension (AES, SHA-1, SHA-256, VMULL.P64)
 * and CRC32/CRC32C, in portable C.
 *
 * neon_crypto_execute() runs the ops listed at the end of
 * insn_neon_ops.h and returns false for any other op. It never touches
 * guest memory and cannot fault. The primitives are exported for the unit
 * and guest tests' reference comparisons.
 */
#ifndef A32RUN_EXEC_NEON_CRYPTO_H
#define A32RUN_EXEC_NEON_CRYPTO_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/cpu.h"
#include "guest/insn.h"

bool neon_crypto_execute(struct guest_cpu *cpu, const struct guest_insn *insn);

/* CRC32 (castagnoli = false: polynomial 0x04C11DB7, else 0x1EDC6F41) of
 * the low 8 << size bits of value into acc, bit-reflected, without the
 * initial/final inversion (the instruction's semantics). */
uint32_t neon_crc32(uint32_t acc, uint32_t value, unsigned size, bool castagnoli);

/* Carry-less 64 x 64 -> 128-bit product: lo, hi halves. */
void neon_clmul64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi);

#endif
