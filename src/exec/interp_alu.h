/*
 * Integer ALU semantics for the interpreter: the shifter with carry-out,
 * AddWithCarry, condition evaluation (inline, used on the hot path), and
 * the less frequent operations (DSP multiplies, saturation, parallel
 * add/subtract, packing, extension, bit fields) executed out of line by
 * interp_alu_execute().
 *
 * All functions follow the ARM ARM pseudocode; shift amounts arrive already
 * normalised by the decoders (see insn.h).
 */
#ifndef A32RUN_EXEC_INTERP_ALU_H
#define A32RUN_EXEC_INTERP_ALU_H

#include <stdint.h>
#include <stdbool.h>

#include "guest/cpu.h"
#include "guest/insn.h"

/* Bit nzcv (N<<3 | Z<<2 | C<<1 | V) of entry cond is set when cond passes. */
extern const uint16_t interp_cond_table[16];

static inline unsigned interp_nzcv(const struct guest_cpu *cpu)
{
    return (cpu->flag_n << 3) | (cpu->flag_z << 2) | (cpu->flag_c << 1) | cpu->flag_v;
}

static inline bool interp_cond_passed(const struct guest_cpu *cpu, unsigned cond)
{
    return (interp_cond_table[cond] >> interp_nzcv(cpu)) & 1;
}

/* Shift_C(value, type, amount, carry_in): amount 0..255 (register-specified
 * shifts pass the bottom byte; ROR by a nonzero multiple of 32 gives the
 * value with carry = bit 31). */
static inline uint32_t interp_shift_c(uint32_t v, unsigned type, unsigned amount,
                                      uint32_t carry_in, uint32_t *carry_out)
{
    if (type == SHIFT_RRX) {
        *carry_out = v & 1;
        return (carry_in << 31) | (v >> 1);
    }
    if (amount == 0) {
        *carry_out = carry_in;
        return v;
    }
    switch (type) {
    case SHIFT_LSL:
        if (amount < 32) {
            *carry_out = (v >> (32 - amount)) & 1;
            return v << amount;
        }
        *carry_out = amount == 32 ? (v & 1) : 0;
        return 0;
    case SHIFT_LSR:
        if (amount < 32) {
            *carry_out = (v >> (amount - 1)) & 1;
            return v >> amount;
        }
        *carry_out = amount == 32 ? (v >> 31) : 0;
        return 0;
    case SHIFT_ASR:
        if (amount < 32) {
            *carry_out = (v >> (amount - 1)) & 1;
            return (uint32_t)((int32_t)v >> amount);
        }
        *carry_out = v >> 31;
        return (v >> 31) ? 0xffffffffu : 0;
    default: { /* SHIFT_ROR */
        unsigned r = amount & 31;
        uint32_t res = r ? (v >> r) | (v << (32 - r)) : v;
        *carry_out = res >> 31;
        return res;
    }
    }
}

/* Shift without carry-out (address offsets, SSAT operands, PKH). */
static inline uint32_t interp_shift(uint32_t v, unsigned type, unsigned amount,
                                    uint32_t carry_in)
{
    uint32_t unused;
    return interp_shift_c(v, type, amount, carry_in, &unused);
}

/* AddWithCarry(x, y, carry_in): returns the result, sets N Z C V. */
static inline uint32_t interp_add_flags(struct guest_cpu *cpu, uint32_t x, uint32_t y,
                                        uint32_t carry_in)
{
    uint64_t wide = (uint64_t)x + y + carry_in;
    uint32_t res = (uint32_t)wide;
    cpu->flag_n = res >> 31;
    cpu->flag_z = res == 0;
    cpu->flag_c = (uint32_t)(wide >> 32);
    cpu->flag_v = ((x ^ res) & (y ^ res)) >> 31;
    return res;
}

static inline void interp_set_nz(struct guest_cpu *cpu, uint32_t res)
{
    cpu->flag_n = res >> 31;
    cpu->flag_z = res == 0;
}

/* Executes the operations that are not on the hot path (everything from
 * OP_SMULXY to OP_UBFX that interp.c does not handle inline). Never
 * touches memory or r[15]: decoders do not give these ops rd == 15. */
void interp_alu_execute(struct guest_cpu *cpu, const struct guest_insn *insn);

#endif
