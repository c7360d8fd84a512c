/*
 * Hand-picked cases for the VFP helpers (exec/vfp_arith, exec/vfp_convert),
 * each stating one ARM rule: NaN priority and quieting, the default NaN,
 * flush-to-zero on input and output, tininess before rounding, fused versus
 * unfused multiply-add, conversion saturation, alternative half precision.
 * Exhaustive comparisons with qemu-arm are in vfp_vectors_test.c.
 */
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

#include "exec/vfp_arith.h"
#include "exec/vfp_convert.h"
#include "exec/vfp_format.h"
#include "guest/cpu.h"

static int failures, checks;

#define CHECK(expr, expected_value, expected_fpscr, fpscr_var) do {            \
        unsigned long long got_ = (unsigned long long)(expr);                 \
        checks++;                                                            \
        if (got_ != (unsigned long long)(expected_value) ||                   \
            (fpscr_var) != (uint32_t)(expected_fpscr)) {                      \
            failures++;                                                      \
            fprintf(stderr, "%s:%d: %s = %llx fpscr %08x, expected %llx fpscr %08x\n", \
                    __FILE__, __LINE__, #expr, got_, (unsigned)(fpscr_var),  \
                    (unsigned long long)(expected_value),                    \
                    (unsigned)(expected_fpscr));                             \
        }                                                                    \
    } while (0)

#define RP (1u << FPSCR_RMODE_SHIFT)
#define RM (2u << FPSCR_RMODE_SHIFT)
#define RZ (3u << FPSCR_RMODE_SHIFT)

static void test_nans(void)
{
    uint32_t f;
    /* Signalling NaN wins over an earlier quiet NaN; it is quieted, IOC. */
    f = 0;
    CHECK(vfp_add32(0xffc00001, 0x7f800002, &f), 0x7fc00002, FPSCR_IOC, f);
    /* Two quiet NaNs: the first operand's. */
    f = 0;
    CHECK(vfp_mul32(0xffc00001, 0x7fc00002, &f), 0xffc00001, 0, f);
    /* DN: default NaN, still IOC for a signalling operand. */
    f = FPSCR_DN;
    CHECK(vfp_sub64(0x7ff0000000000001ull, 0, &f), 0x7ff8000000000000ull,
          FPSCR_DN | FPSCR_IOC, f);
    /* Invalid operation: ARM's positive default NaN (x86 would give a
     * negative one). */
    f = 0;
    CHECK(vfp_add32(0x7f800000, 0xff800000, &f), 0x7fc00000, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_sqrt64(0xbff0000000000000ull, &f), 0x7ff8000000000000ull, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_sqrt32(0x80000000, &f), 0x80000000, 0, f);
    /* Fused multiply-add: addend first; a quiet NaN addend with inf * 0 is
     * Invalid and gives the default NaN. */
    f = 0;
    CHECK(vfp_muladd32(0x7fc00005, 0x7f800001, 0x3f800000, &f), 0x7fc00001, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_muladd32(0x7fc00005, 0x7f800000, 0, &f), 0x7fc00000, FPSCR_IOC, f);
    /* Compare: unordered; VCMPE signals on quiet NaNs too. */
    f = 0;
    CHECK(vfp_compare32(0x7fc00000, 0, false, &f), 0x30000000, 0, f);
    f = 0;
    CHECK(vfp_compare32(0x7fc00000, 0, true, &f), 0x30000000, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_compare64(0x8000000000000000ull, 0, false, &f), 0x60000000, 0, f);
}

static void test_flush_and_underflow(void)
{
    uint32_t f;
    /* FZ: a denormal input is zero (IDC); exact zero sum keeps the sign
     * rules. */
    f = FPSCR_FZ;
    CHECK(vfp_add32(0x00000001, 0x3f800000, &f), 0x3f800000, FPSCR_FZ | FPSCR_IDC, f);
    /* FZ: a tiny result becomes zero with UFC and without IXC. */
    f = FPSCR_FZ;
    CHECK(vfp_mul32(0x00800000, 0x3f000000, &f), 0x00000000, FPSCR_FZ | FPSCR_UFC, f);
    /* Tininess before rounding: (1 - 2^-24) * 2^-126 rounds to the smallest
     * normal but was tiny: UFC | IXC (x86 alone would not set UF), and under
     * FZ it is flushed. */
    f = 0;
    CHECK(vfp_mul32(0x3f7fffff, 0x00800000, &f), 0x00800000, FPSCR_UFC | FPSCR_IXC, f);
    f = FPSCR_FZ;
    CHECK(vfp_mul32(0x3f7fffff, 0x00800000, &f), 0x00000000, FPSCR_FZ | FPSCR_UFC, f);
    /* Exact denormal result: no flags without FZ. */
    f = 0;
    CHECK(vfp_mul64(0x0010000000000000ull, 0x3fe0000000000000ull, &f),
          0x0008000000000000ull, 0, f);
    /* Overflow: to infinity in RN, to the largest finite value in RZ. */
    f = 0;
    CHECK(vfp_mul32(0x7f7fffff, 0x40000000, &f), 0x7f800000, FPSCR_OFC | FPSCR_IXC, f);
    f = RZ;
    CHECK(vfp_mul32(0x7f7fffff, 0x40000000, &f), 0x7f7fffff, RZ | FPSCR_OFC | FPSCR_IXC, f);
    /* Division by zero. */
    f = 0;
    CHECK(vfp_div64(0xbff0000000000000ull, 0, &f), 0xfff0000000000000ull, FPSCR_DZC, f);
    /* x + (-x) is -0 only when rounding toward minus infinity. */
    f = RM;
    CHECK(vfp_add32(0x3f800000, 0xbf800000, &f), 0x80000000, RM, f);
}

static void test_fused(void)
{
    uint32_t f = 0;
    /* (1 + 2^-12)^2 - (1 + 2^-11): fused keeps 2^-24, unfused loses it. */
    uint32_t a = 0x3f800800, c = 0xbf801000;
    CHECK(vfp_muladd32(c, a, a, &f), 0x33800000, 0, f);
    f = 0;
    uint32_t p = vfp_mul32(a, a, &f);
    CHECK(vfp_add32(c, p, &f), 0, FPSCR_IXC, f);
}

static void test_conversions(void)
{
    uint32_t f;
    /* Toward zero, saturating, NaN -> 0 with IOC. */
    f = 0;
    CHECK(vfp_f64_to_fixed(0xc000000000000000ull /* -2.0 */, 32, 0, false, 3, &f), 0,
          FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0xbf000000 /* -0.5 */, 32, 0, false, 3, &f), 0, FPSCR_IXC, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0x4f000000 /* 2^31 */, 32, 0, true, 3, &f), 0x7fffffff,
          FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0xcf000000 /* -2^31 */, 32, 0, true, 3, &f),
          0xffffffff80000000ull, 0, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0x7fc00000, 32, 0, true, 3, &f), 0, FPSCR_IOC, f);
    /* Round to nearest even (VCVTR in RN). */
    f = 0;
    CHECK(vfp_f64_to_fixed(0x4004000000000000ull /* 2.5 */, 32, 0, true, 0, &f), 2,
          FPSCR_IXC, f);
    /* 16-bit fixed point saturates at 16 bits and sign-extends. */
    f = 0;
    CHECK(vfp_f32_to_fixed(0xc7000000 /* -32768 */, 16, 0, true, 3, &f),
          0xffffffffffff8000ull, 0, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0x47000000 /* 32768 */, 16, 0, true, 3, &f), 0x7fff,
          FPSCR_IOC, f);
    /* Integer to float uses FPSCR rounding; fixed point to float rounds to
     * nearest whatever RMode says. */
    f = RP;
    CHECK(vfp_fixed_to_f32(0x01000001, 32, 0, false, VFP_RMODE_FPSCR, &f), 0x4b800001,
          RP | FPSCR_IXC, f);
    f = RP;
    CHECK(vfp_fixed_to_f32(0x01000001, 32, 0, false, 0, &f), 0x4b800000,
          RP | FPSCR_IXC, f);
    /* double -> single: NaN payload kept from the top, quieted. */
    f = 0;
    CHECK(vfp_f64_to_f32(0x7ff0000020000000ull, &f), 0x7fc00001, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_f32_to_f64(0x00000001, &f), 0x36a0000000000000ull, 0, f);
    f = FPSCR_FZ;
    CHECK(vfp_f32_to_f64(0x80000001, &f), 0x8000000000000000ull, FPSCR_FZ | FPSCR_IDC, f);
    /* Half precision: IEEE overflow to infinity; AHP saturates with IOC;
     * NaN under AHP is zero with IOC; half denormals are never flushed. */
    f = 0;
    CHECK(vfp_f32_to_f16(0x47800000 /* 65536 */, &f), 0x7c00, FPSCR_OFC | FPSCR_IXC, f);
    f = FPSCR_AHP;
    CHECK(vfp_f32_to_f16(0x47800000, &f), 0x7c00, FPSCR_AHP, f);  /* a normal */
    f = FPSCR_AHP;
    CHECK(vfp_f32_to_f16(0x48800000 /* 2^18 */, &f), 0x7fff, FPSCR_AHP | FPSCR_IOC, f);
    f = FPSCR_AHP;
    CHECK(vfp_f32_to_f16(0xffc00000, &f), 0x8000, FPSCR_AHP | FPSCR_IOC, f);
    f = FPSCR_AHP;
    CHECK(vfp_f16_to_f32(0x7c00, &f), 0x47800000, FPSCR_AHP, f);
    f = FPSCR_FZ;
    CHECK(vfp_f16_to_f32(0x0001, &f), 0x33800000, FPSCR_FZ, f);
    f = FPSCR_FZ;
    CHECK(vfp_f32_to_f16(0x33800000 /* 2^-24 */, &f), 0x0001, FPSCR_FZ, f);
    f = 0;
    CHECK(vfp_f32_to_f16(0x33000001 /* just above 2^-25 */, &f), 0x0001,
          FPSCR_UFC | FPSCR_IXC, f);
    f = 0;
    CHECK(vfp_f16_to_f32(0x7d00 /* sNaN */, &f), 0x7fe00000, FPSCR_IOC, f);
}

/* ARMv8 additions: maxNum/minNum, round to integral, JS conversion,
 * ties-away conversion, half <-> double. */
static void test_v8(void)
{
    uint32_t f;
    /* A quiet NaN loses against a number, without any flag. */
    f = 0;
    CHECK(vfp_maxnum32(0x7fc00001, 0xbf800000, &f), 0xbf800000, 0, f);
    f = 0;
    CHECK(vfp_minnum64(0x3ff0000000000000ull, 0xfff8000000000001ull, &f),
          0x3ff0000000000000ull, 0, f);
    /* A signalling NaN does not: quieted, IOC; two quiet NaNs: the first. */
    f = 0;
    CHECK(vfp_maxnum32(0x7f800001, 0x3f800000, &f), 0x7fc00001, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_minnum32(0xffc00002, 0x7fc00003, &f), 0xffc00002, 0, f);
    f = FPSCR_DN;
    CHECK(vfp_minnum32(0xffc00002, 0x7fc00003, &f), 0x7fc00000, FPSCR_DN, f);
    /* Zeros: +0 > -0 in both directions. */
    f = 0;
    CHECK(vfp_maxnum32(0x80000000, 0x00000000, &f), 0x00000000, 0, f);
    f = 0;
    CHECK(vfp_minnum32(0x00000000, 0x80000000, &f), 0x80000000, 0, f);
    /* Denormals are flushed (IDC) before the comparison. */
    f = FPSCR_FZ;
    CHECK(vfp_maxnum32(0x00000001, 0x80000000, &f), 0x00000000,
          FPSCR_FZ | FPSCR_IDC, f);

    /* Round to integral: ties away versus ties to even, zero keeps the
     * sign, only VRINTX signals Inexact. */
    f = 0;
    CHECK(vfp_round_int32(0x40200000 /* 2.5 */, VFP_RA, false, &f), 0x40400000, 0, f);
    f = 0;
    CHECK(vfp_round_int32(0x40200000, VFP_RN, true, &f), 0x40000000, FPSCR_IXC, f);
    f = 0;
    CHECK(vfp_round_int64(0xbfd0000000000000ull /* -0.25 */, VFP_RP, false, &f),
          0x8000000000000000ull, 0, f);
    f = 0;
    CHECK(vfp_round_int64(0xbfd0000000000000ull, VFP_RM, true, &f),
          0xbff0000000000000ull, FPSCR_IXC, f);
    f = 0;
    CHECK(vfp_round_int32(0x7f800001, VFP_RZ, true, &f), 0x7fc00001, FPSCR_IOC, f);

    /* FPToFixed with ties away (VCVTA). */
    f = 0;
    CHECK(vfp_f32_to_fixed(0xc0200000 /* -2.5 */, 32, 0, true, VFP_RA, &f),
          (uint64_t)-3, FPSCR_IXC, f);
    f = 0;
    CHECK(vfp_f32_to_fixed(0xbf000000 /* -0.5 */, 32, 0, false, VFP_RA, &f),
          0, FPSCR_IOC, f);

    /* VJCVT: modulo 2^32; -0.0 is "not exact" without a flag. */
    bool exact;
    f = 0;
    CHECK(vfp_f64_to_js_int32(0x41f0000000000001ull /* 2^32 + 2^-20 */, &exact, &f),
          0, FPSCR_IOC, f);
    f = 0;
    CHECK(vfp_f64_to_js_int32(0x8000000000000000ull, &exact, &f), 0, 0, f);
    CHECK(exact, 0, 0, f);
    f = 0;
    CHECK(vfp_f64_to_js_int32(0xc1e0000000000000ull /* -2^31 */, &exact, &f),
          0x80000000u, 0, f);
    CHECK(exact, 1, 0, f);
    f = 0;
    CHECK(vfp_f64_to_js_int32(0x3ff8000000000000ull /* 1.5 */, &exact, &f), 1,
          FPSCR_IXC, f);

    /* Half <-> double: one rounding, AHP has no NaN. */
    f = 0;
    CHECK(vfp_f64_to_f16(0x3ff0020000000001ull /* just above a tie */, &f),
          0x3c01, FPSCR_IXC, f);
    f = FPSCR_AHP;
    CHECK(vfp_f64_to_f16(0xfff8000000000000ull, &f), 0x8000, FPSCR_AHP | FPSCR_IOC, f);
    f = FPSCR_AHP;
    CHECK(vfp_f16_to_f64(0x7fff, &f), 0x40fffc0000000000ull /* 131008 */, FPSCR_AHP, f);
}

int main(void)
{
    test_nans();
    test_flush_and_underflow();
    test_fused();
    test_conversions();
    test_v8();
    if (failures) {
        fprintf(stderr, "vfp_helpers: %d of %d checks FAILED\n", failures, checks);
        return 1;
    }
    printf("vfp_helpers: %d checks passed\n", checks);
    return 0;
}
