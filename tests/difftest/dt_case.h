/*
 * Difftest case format and guest memory layout, shared by the generator (a
 * host program) and the harness (a static 32-bit ARM program). Both sides
 * see the same struct layout: only fixed-width fields, every uint64_t at an
 * 8-byte offset, and a size checked below.
 *
 * A case file is a sequence of struct dt_case records. The harness maps
 * fixed guest addresses so that the generator can compute every address a
 * test sequence uses:
 *   DT_CODE_BASE   sequence, then an end stub (branch to the epilogue) in
 *                  the sequence's state; at DT_ALT_STUB an end stub in the
 *                  other state (target of state-switching BX/BLX).
 *                  [DT_CODE_BASE, +DT_CODE_FILL) is refilled with a fixed
 *                  pattern before each case (pc-relative loads read it).
 *   DT_SCRATCH     scratch buffer, DT_SCRATCH_SIZE bytes, filled from
 *                  mem_seed by dt_fill_scratch and then patched; sp is
 *                  DT_SP_VALUE, in its middle, so sp-relative accesses hit it.
 *   DT_STASH       below the scratch buffer: the epilogue stores the final
 *                  registers there (it borrows TPIDRURW to free r0, since
 *                  sequences may move sp).
 */
#ifndef DT_CASE_H
#define DT_CASE_H

#include <stdint.h>

#define DT_MAGIC        0x31435444u     /* "DTC1" */

#define DT_CODE_BASE    0x20000000u
#define DT_CODE_MAP     0x10000u
#define DT_CODE_FILL    0x100u          /* pattern-filled, readable by literals */
#define DT_ALT_STUB     (DT_CODE_BASE + 0xc0u)
#define DT_MAX_CODE     0x90u           /* sequence + padding (bytes) */

#define DT_DATA_BASE    0x30000000u
#define DT_DATA_MAP     0x10000u
#define DT_SP_VALUE     0x30008000u
#define DT_SCRATCH_SIZE 1024u
#define DT_SCRATCH      (DT_SP_VALUE - DT_SCRATCH_SIZE / 2)
#define DT_STASH        (DT_SP_VALUE - 0x800u)

#define DT_MAX_PATCH    4
#define DT_ISA_A32      0u
#define DT_ISA_T32      1u

/* Initial values of the FPSCR bits the generator varies; Len/Stride and the
 * trap enables stay zero (not supported by ARMv7 user mode with NEON). */
#define DT_FPSCR_SANE_MASK 0xffc0009fu

struct dt_patch {
    uint32_t offset;        /* from DT_SCRATCH */
    uint32_t size;          /* 1, 2 or 4 */
    uint32_t value;
};

struct dt_case {
    uint32_t magic;
    uint32_t id;
    uint32_t isa;           /* DT_ISA_* */
    uint32_t code_len;      /* bytes of code[] in use (multiple of 2 or 4) */
    uint8_t  code[DT_MAX_CODE];
    uint32_t r[15];         /* r0..r14; r13 is ignored (sp = DT_SP_VALUE) */
    uint32_t apsr;          /* NZCVQ and GE bits */
    uint32_t fpscr;
    uint32_t n_patch;
    struct dt_patch patch[DT_MAX_PATCH];
    uint64_t mem_seed;
    uint64_t d[32];
};

_Static_assert(sizeof(struct dt_case) == 16 + DT_MAX_CODE + 60 + 12 + 48 + 8 + 256,
               "dt_case layout");

/* splitmix64: the scratch-buffer filler, identical on both sides. */
static inline uint64_t dt_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Scratch contents: mostly random bytes, some runs of zero and 0xff so
 * that loads see boundary values too. */
static inline void dt_fill_scratch(uint8_t *buf, uint64_t seed)
{
    uint64_t st = seed;
    for (uint32_t i = 0; i < DT_SCRATCH_SIZE; i += 8) {
        uint64_t v = dt_splitmix64(&st);
        if ((v & 0x1f) == 0)
            v = 0;
        else if ((v & 0x1f) == 1)
            v = ~0ull;
        for (unsigned b = 0; b < 8; b++)
            buf[i + b] = (uint8_t)(v >> (8 * b));
    }
}

static inline void dt_apply_patches(uint8_t *buf, const struct dt_case *c)
{
    for (uint32_t i = 0; i < c->n_patch && i < DT_MAX_PATCH; i++) {
        const struct dt_patch *p = &c->patch[i];
        for (uint32_t b = 0; b < p->size && p->offset + b < DT_SCRATCH_SIZE; b++)
            buf[p->offset + b] = (uint8_t)(p->value >> (8 * b));
    }
}

/* Fixed fill of the code area outside the sequence (read by literal loads). */
static inline uint32_t dt_code_fill_word(uint32_t index)
{
    return 0x9e3779b9u * (index + 1) ^ 0x5a5a0000u;
}

/* End stub words. A32: ldr pc, [pc, #-4]; .word epilogue.
 * T32 (4-aligned): ldr.w pc, [pc, #0]; .word epilogue. */
#define DT_A32_END_STUB 0xe51ff004u
#define DT_T32_END_STUB_HW1 0xf8dfu
#define DT_T32_END_STUB_HW2 0xf000u
#define DT_A32_NOP 0xe320f000u
#define DT_T16_NOP 0xbf00u

#endif
