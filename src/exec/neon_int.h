/*
 * NEON register view and integer element operations.
 *
 * A NEON operand is handled as a 128-bit union neon_vec: a D register
 * fills the low 64 bits (the high ones are don't-care and never written
 * back), a Q register both halves. Lanes are little-endian in the union as
 * in the register file (little-endian hosts only, see host/).
 *
 * neon_int_execute() runs the integer ops of insn_neon_ops.h (three-same,
 * long/wide/narrow, by-scalar, shifts, misc); it returns false for ops that
 * are not integer ops. It never touches guest memory and cannot fault.
 */
#ifndef A32RUN_EXEC_NEON_INT_H
#define A32RUN_EXEC_NEON_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/cpu.h"
#include "guest/insn.h"

union neon_vec {
    uint8_t u8[16];
    int8_t s8[16];
    uint16_t u16[8];
    int16_t s16[8];
    uint32_t u32[4];
    int32_t s32[4];
    uint64_t u64[2];
    int64_t s64[2];
};

static inline union neon_vec neon_read(const struct guest_cpu *cpu,
                                       unsigned reg, bool q)
{
    union neon_vec v;
    v.u64[0] = cpu->d[reg];
    v.u64[1] = q ? cpu->d[reg + 1] : 0;
    return v;
}

static inline void neon_write(struct guest_cpu *cpu, unsigned reg, bool q,
                              const union neon_vec *v)
{
    cpu->d[reg] = v->u64[0];
    if (q)
        cpu->d[reg + 1] = v->u64[1];
}

/* Element i of size code size (0..3), zero-extended. */
static inline uint64_t neon_lane(const union neon_vec *v, unsigned size,
                                 unsigned i)
{
    switch (size) {
    case 0: return v->u8[i];
    case 1: return v->u16[i];
    case 2: return v->u32[i];
    default: return v->u64[i];
    }
}

static inline void neon_set_lane(union neon_vec *v, unsigned size, unsigned i,
                                 uint64_t x)
{
    switch (size) {
    case 0: v->u8[i] = (uint8_t)x; break;
    case 1: v->u16[i] = (uint16_t)x; break;
    case 2: v->u32[i] = (uint32_t)x; break;
    default: v->u64[i] = x; break;
    }
}

/* Every lane of the result = element index of D[reg]. */
static inline union neon_vec neon_dup_lane(uint64_t dreg, unsigned size,
                                           unsigned index)
{
    union neon_vec src = { .u64 = { dreg, 0 } }, v = { .u64 = { 0, 0 } };
    uint64_t x = neon_lane(&src, size, index);
    for (unsigned i = 0; i < (16u >> size); i++)
        neon_set_lane(&v, size, i, x);
    return v;
}

bool neon_int_execute(struct guest_cpu *cpu, const struct guest_insn *insn);

#endif
