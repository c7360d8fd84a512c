/*
 * Shared pieces of the NEON fast paths: per-instruction handlers, the
 * handler tables the dispatcher (exec/interp_neon.c) indexes, and 128-bit
 * GNU C vector views of the register file.
 *
 * Handlers: every NEON op has a set of 8 handlers indexed by
 * neon_handler_index() = size * 2 + U (size = insn->shift_type & 3, U =
 * NF_U), so a handler is specialised for its element type and never
 * re-derives it. Combinations a set does not specialise hold
 * neon_generic_handler, the per-lane reference path (exec/neon_int,
 * exec/neon_float, exec/neon_crypto), which also rejects what the decoder
 * should never produce.
 *
 * Vectors: GNU C vector extensions (gcc and clang, any host; they become
 * SSE2 on x86-64 and Advanced SIMD on AArch64). A D operand is read into
 * the low half of a 128-bit vector whose high half is zero (zero lanes
 * never saturate, so QC needs no masking; it is masked anyway) and only
 * the low half is written back. Arithmetic that may wrap is done on the
 * unsigned views (no signed overflow); signed views serve comparisons and
 * arithmetic right shifts only. Vector shift counts stay below the element
 * width (a full-width right shift is done as two shifts).
 */
#ifndef A32RUN_EXEC_NEON_VEC_H
#define A32RUN_EXEC_NEON_VEC_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "exec/exec.h"
#include "guest/insn.h"

typedef void neon_handler(struct guest_thread *thread,
                          const struct guest_insn *insn);

/* The reference path for any NEON op (raises SIGILL for unknown ops). */
void neon_generic_handler(struct guest_thread *thread,
                          const struct guest_insn *insn);

#define NEON_HANDLER_SET_SIZE 8

static inline unsigned neon_handler_index(const struct guest_insn *insn)
{
    return (insn->shift_type & 3u) << 1 | ((insn->flags & NF_U) ? 1u : 0u);
}

/* 128-bit views. */
typedef uint8_t  vu8  __attribute__((vector_size(16)));
typedef int8_t   vs8  __attribute__((vector_size(16)));
typedef uint16_t vu16 __attribute__((vector_size(16)));
typedef int16_t  vs16 __attribute__((vector_size(16)));
typedef uint32_t vu32 __attribute__((vector_size(16)));
typedef int32_t  vs32 __attribute__((vector_size(16)));
typedef uint64_t vu64 __attribute__((vector_size(16)));
typedef int64_t  vs64 __attribute__((vector_size(16)));
typedef float    vf32 __attribute__((vector_size(16)));
/* 64-bit views (one D register), for widening conversions. */
typedef uint8_t  hu8  __attribute__((vector_size(8)));
typedef int8_t   hs8  __attribute__((vector_size(8)));
typedef uint16_t hu16 __attribute__((vector_size(8)));
typedef int16_t  hs16 __attribute__((vector_size(8)));
typedef uint32_t hu32 __attribute__((vector_size(8)));
typedef int32_t  hs32 __attribute__((vector_size(8)));

/* D (q false) or Q register reg as a 128-bit vector. */
static inline vu64 neon_vread(const struct guest_cpu *cpu, unsigned reg, bool q)
{
    vu64 v;
    if (q)
        memcpy(&v, &cpu->d[reg], 16);
    else
        v = (vu64){ cpu->d[reg], 0 };
    return v;
}

static inline void neon_vwrite(struct guest_cpu *cpu, unsigned reg, bool q, vu64 v)
{
    if (q)
        memcpy(&cpu->d[reg], &v, 16);
    else
        cpu->d[reg] = v[0];
}

static inline vu64 neon_qread(const struct guest_cpu *cpu, unsigned reg)
{
    vu64 v;
    memcpy(&v, &cpu->d[reg], 16);
    return v;
}

static inline void neon_qwrite(struct guest_cpu *cpu, unsigned reg, vu64 v)
{
    memcpy(&cpu->d[reg], &v, 16);
}

/* True if any bit of the lanes that belong to the operand is set. */
static inline bool neon_vany(vu64 mask, bool q)
{
    return (mask[0] | (q ? mask[1] : 0)) != 0;
}

/* A 64-bit value with element x (size code size) in every lane. */
static inline uint64_t neon_replicate64(uint64_t x, unsigned size)
{
    switch (size) {
    case 0: return (x & 0xffu) * 0x0101010101010101ull;
    case 1: return (x & 0xffffu) * 0x0001000100010001ull;
    case 2: return (x & 0xffffffffu) * 0x0000000100000001ull;
    default: return x;
    }
}

/* A NEON modified immediate as 64 bits: imm replicated to both words, or
 * (NF_IMM64) each of the 8 imm bits expanded to a byte of ones. */
static inline uint64_t neon_expand_imm64(const struct guest_insn *insn)
{
    if (!(insn->flags & NF_IMM64))
        return (uint64_t)insn->imm << 32 | insn->imm;
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++)
        if (insn->imm & (1u << i))
            v |= 0xffull << (8 * i);
    return v;
}

/* Element index of D[reg] replicated over 64 bits. */
static inline uint64_t neon_scalar64(const struct guest_cpu *cpu, unsigned reg,
                                     unsigned size, unsigned index)
{
    unsigned bits = 8u << size;
    uint64_t x = bits == 64 ? cpu->d[reg] : cpu->d[reg] >> (index * bits);
    return neon_replicate64(x, size);
}

#endif
