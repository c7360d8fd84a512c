/*
 * Floating-point case generation shared by the guest vector programs
 * (tests/guest/vfp_vectors.c, vfp_v8.c, built for ARM) and the host unit
 * tests that replay the same cases through the decoder and executor
 * (tests/unit/vfp_vectors_test.c, vfp_v8_vectors_test.c). The unit tests
 * compare against hashes of qemu-arm's output, so both sides must draw
 * exactly the same values: that is why this lives in one header.
 */
#ifndef A32RUN_TESTS_VFP_CASES_H
#define A32RUN_TESTS_VFP_CASES_H

#include <stdint.h>

static const uint32_t special32[] = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff,
    0x00800000, 0x80800000, 0x00800001, 0x3f800000, 0xbf800000, 0x3f800001,
    0x3f7fffff, 0x3fc00000, 0x40490fdb, 0x7f7fffff, 0xff7fffff, 0x7f800000,
    0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0xff812345, 0x4f000000,
    0xcf000000, 0x4f800000, 0x3effffff, 0x3f000000, 0x00400000, 0x1f800000,
    0x5f800000, 0x477fe000, 0x33800000,
};
static const uint64_t special64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull,
    0x8000000000000001ull, 0x000fffffffffffffull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000000ull, 0x0010000000000001ull,
    0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3ff0000000000001ull,
    0x3fefffffffffffffull, 0x3ff8000000000000ull, 0x400921fb54442d18ull,
    0x7fefffffffffffffull, 0xffefffffffffffffull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000001ull,
    0x7ff0000000000001ull, 0xfff0123456789abcull, 0x41e0000000000000ull,
    0xc1e0000000000000ull, 0x41f0000000000000ull, 0x3fdfffffffffffffull,
    0x3fe0000000000000ull, 0x0008000000000000ull, 0x2000000000000000ull,
    0x5ff0000000000000ull, 0x47efffffe0000000ull, 0x3810000000000000ull,
    0x36a0000000000000ull, 0x380fffffffffffffull, 0x41dfffffffc00000ull,
};
#define N32 (sizeof special32 / sizeof special32[0])
#define N64 (sizeof special64 / sizeof special64[0])

static uint32_t lcg_state;
static uint32_t lcg(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return lcg_state;
}

/* Random value biased toward interesting exponents. */
static uint32_t random32(void)
{
    uint32_t r = lcg(), s = lcg();
    switch (r & 7) {
    case 0: return special32[s % N32];
    case 1: return (r & 0x80000000u) | (s & 0x00ffffffu);         /* tiny */
    case 2: return (r & 0x80000000u) | ((0xfcu + (s & 3)) << 23) | (lcg() & 0x7fffff);
    case 3: return (r & 0x80000000u) | ((0x3c + (s & 0x7f)) << 23) | (lcg() & 0x7fffff);
    default: return (r & 0x80000000u) | (lcg() & 0x7fffffffu);
    }
}

static uint64_t random64(void)
{
    uint32_t r = lcg(), s = lcg();
    uint64_t m = (uint64_t)lcg() << 32 | lcg();
    uint64_t sign = (uint64_t)(r >> 31) << 63;
    switch (r & 7) {
    case 0: return special64[s % N64];
    case 1: return sign | (m & 0x001fffffffffffffull);
    case 2: return sign | ((uint64_t)(0x7fcu + (s & 3)) << 52) | (m & 0xfffffffffffffull);
    case 3: return sign | ((uint64_t)(0x380u + (s & 0xff)) << 52) | (m & 0xfffffffffffffull);
    case 4: return sign | ((uint64_t)(0x36au + (s & 0x3f)) << 52) | (m & 0xfffffffffffffull);
    default: return sign | (m & 0x7fffffffffffffffull);
    }
}

/* FPSCR settings: every rounding mode, then FZ, DN, and all together. */
static const uint32_t modes[] = {
    0x00000000, 0x00400000, 0x00800000, 0x00c00000,
    0x01000000, 0x02000000, 0x03c00000, 0x01400000,
};
#define NMODES (sizeof modes / sizeof modes[0])

#endif
