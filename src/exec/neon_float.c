/*
 * NEON single-precision operations with the standard FPSCR value (see
 * neon_float.h). Lanes are processed one by one through the VFP helpers;
 * NEON's own operations (min/max, estimates, steps) are written here from
 * the ARM ARM pseudocode, following qemu-arm where ARMv7 and ARMv8 differ
 * (VRECPS/VRSQRTS are unfused, as in ARMv7).
 */
#include <string.h>

#include "exec/neon_float.h"
#include "exec/neon_int.h"
#include "exec/neon_vec.h"
#include "exec/vfp_arith.h"
#include "exec/vfp_convert.h"

#define CUMULATIVE_FLAGS (FPSCR_IOC | FPSCR_DZC | FPSCR_OFC | FPSCR_UFC | \
                          FPSCR_IXC | FPSCR_IDC)
#define DEFAULT_NAN 0x7fc00000u
#define F32_TWO 0x40000000u
#define F32_THREE 0x40400000u
#define F32_ONE_POINT_FIVE 0x3fc00000u

static inline bool is_nan(uint32_t a)
{
    return (a & 0x7fffffffu) > 0x7f800000u;
}

static inline bool is_snan(uint32_t a)
{
    return is_nan(a) && !(a & 0x00400000u);
}

static inline bool is_inf(uint32_t a)
{
    return (a & 0x7fffffffu) == 0x7f800000u;
}

static inline bool is_zero_or_denormal(uint32_t a)
{
    return (a & 0x7f800000u) == 0;
}

/* FZ: a denormal input becomes a zero of the same sign (IDC). */
static inline uint32_t flush(uint32_t a, uint32_t *fpscr)
{
    if (is_zero_or_denormal(a) && (a & 0x007fffffu)) {
        *fpscr |= FPSCR_IDC;
        return a & 0x80000000u;
    }
    return a;
}

static inline float as_float(uint32_t a)
{
    float f;
    memcpy(&f, &a, 4);
    return f;
}

/* FPMax/FPMin with FZ and DN. */
static uint32_t fp_maxmin(uint32_t a, uint32_t b, bool max, uint32_t *fpscr)
{
    a = flush(a, fpscr);
    b = flush(b, fpscr);
    if (is_nan(a) || is_nan(b)) {
        if (is_snan(a) || is_snan(b))
            *fpscr |= FPSCR_IOC;
        return DEFAULT_NAN;
    }
    if (((a | b) & 0x7fffffffu) == 0)      /* both zero */
        return max ? (a & b) : (a | b);
    bool a_greater = as_float(a) > as_float(b);
    return (a_greater == max) ? a : b;
}

/* Comparison results as lane masks. */
enum cmp_kind { CMP_EQ, CMP_GE, CMP_GT };

static inline bool plain_operand(uint32_t a);

static uint32_t fp_cmp(uint32_t a, uint32_t b, enum cmp_kind kind,
                       uint32_t *fpscr)
{
    if (plain_operand(a) && plain_operand(b)) {   /* no flush, no NaN */
        float x = as_float(a), y = as_float(b);
        bool r = kind == CMP_EQ ? x == y : kind == CMP_GE ? x >= y : x > y;
        return r ? ~0u : 0;
    }
    uint32_t nzcv = vfp_compare32(a, b, kind != CMP_EQ, fpscr) >> 28;
    bool r;
    switch (kind) {
    case CMP_EQ: r = nzcv == 0x6; break;
    case CMP_GE: r = nzcv == 0x6 || nzcv == 0x2; break;
    default: r = nzcv == 0x2; break;
    }
    return r ? ~0u : 0;
}

/* VRECPS: 2 - a * b, with inf * 0 giving 2 (FPRecipStep, unfused). */
static uint32_t recip_step(uint32_t a, uint32_t b, uint32_t *fpscr)
{
    if ((is_inf(a) && is_zero_or_denormal(b)) ||
        (is_inf(b) && is_zero_or_denormal(a))) {
        if ((a & 0x7fffffffu) && (b & 0x7fffffffu))   /* a denormal */
            *fpscr |= FPSCR_IDC;
        return F32_TWO;
    }
    return vfp_sub32(F32_TWO, vfp_mul32(a, b, fpscr), fpscr);
}

/* VRSQRTS: (3 - a * b) / 2, with inf * 0 giving 1.5. */
static uint32_t rsqrt_step(uint32_t a, uint32_t b, uint32_t *fpscr)
{
    if ((is_inf(a) && is_zero_or_denormal(b)) ||
        (is_inf(b) && is_zero_or_denormal(a))) {
        if ((a & 0x7fffffffu) && (b & 0x7fffffffu))   /* a denormal */
            *fpscr |= FPSCR_IDC;
        return F32_ONE_POINT_FIVE;
    }
    uint32_t p = vfp_mul32(a, b, fpscr);
    return vfp_div32(vfp_sub32(F32_THREE, p, fpscr), F32_TWO, fpscr);
}

/* ARM ARM RecipEstimate: a in 256..511 (0.5 <= a/512 < 1). */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* ARM ARM RecipSqrtEstimate: a in 128..511 (0.25 <= a/512 < 1). */
static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

uint32_t neon_recip_estimate_f32(uint32_t a, uint32_t *fpscr)
{
    uint32_t sign = a & 0x80000000u;
    if (*fpscr & FPSCR_FZ)
        a = flush(a, fpscr);
    if (is_nan(a)) {
        if (is_snan(a))
            *fpscr |= FPSCR_IOC;
        return DEFAULT_NAN;
    }
    if (is_inf(a))
        return sign;
    if ((a & 0x7fffffffu) == 0) {
        *fpscr |= FPSCR_DZC;
        return sign | 0x7f800000u;
    }
    unsigned exp = (a >> 23) & 0xffu;
    if (exp >= 253) {   /* |a| >= 2^126: the result would be denormal */
        *fpscr |= FPSCR_UFC;
        return sign;
    }
    unsigned est = recip_estimate(256u | ((a >> 15) & 0xffu));
    return sign | (253u - exp) << 23 | (est & 0xffu) << 15;
}

uint32_t neon_rsqrt_estimate_f32(uint32_t a, uint32_t *fpscr)
{
    if (*fpscr & FPSCR_FZ)
        a = flush(a, fpscr);
    if (is_nan(a)) {
        if (is_snan(a))
            *fpscr |= FPSCR_IOC;
        return DEFAULT_NAN;
    }
    if ((a & 0x7fffffffu) == 0) {
        *fpscr |= FPSCR_DZC;
        return (a & 0x80000000u) | 0x7f800000u;
    }
    if (a & 0x80000000u) {
        *fpscr |= FPSCR_IOC;
        return DEFAULT_NAN;
    }
    if (is_inf(a))
        return 0;
    unsigned exp = (a >> 23) & 0xffu;
    unsigned scaled = (exp & 1) ? 128u | ((a >> 16) & 0x7fu)
                                : 256u | ((a >> 15) & 0xffu);
    unsigned est = rsqrt_estimate(scaled);
    return ((380u - exp) / 2) << 23 | (est & 0xffu) << 15;
}

uint32_t neon_recip_estimate_u32(uint32_t a)
{
    if (!(a & 0x80000000u))
        return 0xffffffffu;
    return recip_estimate(a >> 23) << 23;
}

uint32_t neon_rsqrt_estimate_u32(uint32_t a)
{
    if (!(a & 0xc0000000u))
        return 0xffffffffu;
    unsigned est = (a & 0x80000000u) ? rsqrt_estimate(a >> 23)
                                     : rsqrt_estimate((a >> 23) & 0xffu);
    return est << 23;
}

/* ---- Fast paths -----------------------------------------------------------
 * With the standard FPSCR value (round to nearest, FZ, DN) host single
 * precision gives ARM's result whenever the operands are normal or zero and
 * the result is normal or an exact zero: then no flush, NaN or overflow
 * rule applies and only Inexact remains to be detected, which the
 * error-free transformations below do exactly (TwoSum for sums; products of
 * two floats are exact in double). Everything else goes to the VFP helpers.
 * This relies on the host running in round-to-nearest without FTZ/DAZ
 * outside the VFP module's own operations. */

static inline bool plain_operand(uint32_t a)
{
    uint32_t e = (a >> 23) & 0xffu;
    return (e != 0 && e != 0xffu) || (a & 0x7fffffffu) == 0;
}

static inline uint32_t as_bits(float f)
{
    uint32_t a;
    memcpy(&a, &f, 4);
    return a;
}

static uint32_t fast_add(uint32_t a, uint32_t b, uint32_t *fpscr)
{
    if (!plain_operand(a) || !plain_operand(b))
        return vfp_add32(a, b, fpscr);
    float x = as_float(a), y = as_float(b);
    float sum = x + y;
    uint32_t r = as_bits(sum), e = (r >> 23) & 0xffu;
    if (e == 0xffu || (e == 0 && (r & 0x7fffffffu)))
        return vfp_add32(a, b, fpscr);      /* overflow or denormal result */
    float bv = sum - x, av = sum - bv;
    if ((x - av) + (y - bv) != 0.0f)
        *fpscr |= FPSCR_IXC;
    return r;
}

static uint32_t fast_mul(uint32_t a, uint32_t b, uint32_t *fpscr)
{
    if (!plain_operand(a) || !plain_operand(b))
        return vfp_mul32(a, b, fpscr);
    double exact = (double)as_float(a) * (double)as_float(b);
    if (exact != 0.0 && (exact < 1.1754943508222875e-38 &&
                         exact > -1.1754943508222875e-38))
        return vfp_mul32(a, b, fpscr);      /* underflow: flush rules */
    float prod = (float)exact;
    uint32_t r = as_bits(prod);
    if (((r >> 23) & 0xffu) == 0xffu)
        return vfp_mul32(a, b, fpscr);      /* overflow */
    if ((double)prod != exact)
        *fpscr |= FPSCR_IXC;
    return r;
}

/* addend + a * b with one rounding. The product of two floats is exact in
 * double; the sum is formed in double with round-to-odd (RN sum plus the
 * TwoSum error decides the sticky bit), which makes the final rounding to
 * single precision correct (double has more than 24 + 2 bits). */
static uint32_t fast_muladd(uint32_t addend, uint32_t a, uint32_t b,
                            uint32_t *fpscr)
{
    if (!plain_operand(addend) || !plain_operand(a) || !plain_operand(b))
        return vfp_muladd32(addend, a, b, fpscr);
    double p = (double)as_float(a) * (double)as_float(b);
    double d = as_float(addend);
    double sum = p + d;
    double bv = sum - p, av = sum - bv;
    double err = (p - av) + (d - bv);
    if (err != 0.0) {
        uint64_t bits;
        memcpy(&bits, &sum, 8);
        if (!(bits & 1)) {
            /* Step to the odd neighbour on the side of the exact value. */
            bits += ((err > 0) == (sum > 0)) ? 1 : (uint64_t)-1;
            memcpy(&sum, &bits, 8);
        }
    }
    if (sum != 0.0 && (sum < 2.3509887016445750e-38 && sum > -2.3509887016445750e-38))
        return vfp_muladd32(addend, a, b, fpscr);   /* near underflow */
    float r = (float)sum;
    uint32_t rb = as_bits(r);
    if (((rb >> 23) & 0xffu) == 0xffu)
        return vfp_muladd32(addend, a, b, fpscr);   /* overflow */
    if (err != 0.0 || (double)r != sum)
        *fpscr |= FPSCR_IXC;
    return rb;
}

/* One lane of a two-operand op. */
static uint32_t binary(unsigned op, uint32_t d, uint32_t n, uint32_t m,
                       uint32_t *f)
{
    switch (op) {
    case OP_NEON_VADD_F: return fast_add(n, m, f);
    case OP_NEON_VSUB_F: return fast_add(n, vfp_neg32(m), f);
    case OP_NEON_VMUL_F: return fast_mul(n, m, f);
    case OP_NEON_VABD_F: return vfp_abs32(fast_add(n, vfp_neg32(m), f));
    case OP_NEON_VMLA_F: return fast_add(d, fast_mul(n, m, f), f);
    case OP_NEON_VMLS_F: return fast_add(d, vfp_neg32(fast_mul(n, m, f)), f);
    case OP_NEON_VFMA_F: return fast_muladd(d, n, m, f);
    case OP_NEON_VFMS_F: return fast_muladd(d, vfp_neg32(n), m, f);
    case OP_NEON_VMAX_F: case OP_NEON_VPMAX_F: return fp_maxmin(n, m, true, f);
    case OP_NEON_VMIN_F: case OP_NEON_VPMIN_F: return fp_maxmin(n, m, false, f);
    case OP_NEON_VPADD_F: return fast_add(n, m, f);
    case OP_NEON_VCEQ_F: return fp_cmp(n, m, CMP_EQ, f);
    case OP_NEON_VCGE_F: return fp_cmp(n, m, CMP_GE, f);
    case OP_NEON_VCGT_F: return fp_cmp(n, m, CMP_GT, f);
    case OP_NEON_VACGE_F: return fp_cmp(vfp_abs32(n), vfp_abs32(m), CMP_GE, f);
    case OP_NEON_VACGT_F: return fp_cmp(vfp_abs32(n), vfp_abs32(m), CMP_GT, f);
    case OP_NEON_VRECPS_F: return recip_step(n, m, f);
    default: /* OP_NEON_VRSQRTS_F */
        return rsqrt_step(n, m, f);
    }
}

/* One lane of a one-operand op (rd = f(rm)). */
static uint32_t unary(const struct guest_insn *insn, uint32_t a, uint32_t *f)
{
    bool u = insn->flags & NF_U;
    unsigned frac = insn->shift_amount;
    switch (insn->op) {
    case OP_NEON_VABS: return vfp_abs32(a);
    case OP_NEON_VNEG: return vfp_neg32(a);
    case OP_NEON_VCGT0: return fp_cmp(a, 0, CMP_GT, f);
    case OP_NEON_VCGE0: return fp_cmp(a, 0, CMP_GE, f);
    case OP_NEON_VCEQ0: return fp_cmp(a, 0, CMP_EQ, f);
    case OP_NEON_VCLE0: return fp_cmp(0, a, CMP_GE, f);
    case OP_NEON_VCLT0: return fp_cmp(0, a, CMP_GT, f);
    case OP_NEON_VRECPE:
        return (insn->flags & NF_F32) ? neon_recip_estimate_f32(a, f)
                                      : neon_recip_estimate_u32(a);
    case OP_NEON_VRSQRTE:
        return (insn->flags & NF_F32) ? neon_rsqrt_estimate_f32(a, f)
                                      : neon_rsqrt_estimate_u32(a);
    case OP_NEON_VCVT_F_I:
        if (frac == 0) {    /* host conversion rounds to nearest too */
            float r = u ? (float)a : (float)(int32_t)a;
            if ((u ? (double)a : (double)(int32_t)a) != (double)r)
                *f |= FPSCR_IXC;
            return as_bits(r);
        }
        return vfp_fixed_to_f32(a, 32, frac, !u, 0, f);
    default: /* OP_NEON_VCVT_I_F */
        if (frac == 0 && plain_operand(a)) {
            /* In range (no saturation): C conversion truncates toward
             * zero, as VCVT does. */
            double x = as_float(a);
            if (u ? (x > -1.0 && x < 4294967296.0)
                  : (x > -2147483649.0 && x < 2147483648.0)) {
                double t = u ? (double)(uint32_t)x : (double)(int32_t)x;
                if (t != x)
                    *f |= FPSCR_IXC;
                return u ? (uint32_t)x : (uint32_t)(int32_t)x;
            }
        }
        return (uint32_t)vfp_f32_to_fixed(a, 32, frac, !u, 3, f);
    }
}

/* ---- Vectorised handlers ----------------------------------------------------
 * VADD/VSUB/VMUL/VMLA/VMLS.F32 on all lanes at once with the checks of the
 * scalar fast paths above done lane-wise: when every lane is plain (see
 * plain_operand) and every result is normal or an exact zero, the host
 * results are ARM's and only Inexact is left to detect (TwoSum for sums,
 * the exact double product for products). Otherwise the instruction is
 * redone lane by lane through neon_float_execute(), which handles every
 * case; nothing is written before that decision. A D operand's unused
 * upper lanes are zero, which always passes and is exact. */

typedef double vf64 __attribute__((vector_size(16)));
typedef float hf32 __attribute__((vector_size(8)));
typedef int64_t vs64m __attribute__((vector_size(16)));

/* Lane masks from the magnitude bits (non-negative as int32). */
static inline vs32 zero_lanes(vs32 mag)
{
    return mag == 0;
}

static inline vs32 normal_lanes(vs32 mag)
{
    return (mag > 0x007fffff) & (mag < 0x7f800000);
}

static inline bool all_lanes(vs32 mask)
{
    vu64 m = (vu64)mask;
    return (m[0] & m[1]) == ~0ull;
}

static inline bool any_lane(vs32 mask)
{
    vu64 m = (vu64)mask;
    return (m[0] | m[1]) != 0;
}

#define MAGNITUDE(v) ((vs32)((v) & 0x7fffffffu))

/* a + b; false when a lane needs the full rules: an operand that is not
 * plain, or a result that is not normal or zero. */
static inline bool vec_add(vu32 a, vu32 b, vu32 *res, bool *inexact)
{
    vf32 x = (vf32)a, y = (vf32)b, sum = x + y;
    vu32 r = (vu32)sum;
    vs32 ma = MAGNITUDE(a), mb = MAGNITUDE(b), mr = MAGNITUDE(r);
    if (!all_lanes((zero_lanes(ma) | normal_lanes(ma)) &
                   (zero_lanes(mb) | normal_lanes(mb)) &
                   (zero_lanes(mr) | normal_lanes(mr))))
        return false;
    vf32 bv = sum - x, av = sum - bv;
    *inexact |= any_lane(((x - av) + (y - bv)) != 0.0f);
    *res = r;
    return true;
}

/* a * b: the exact product in double, rounded once. A lane passes when
 * both operands are plain and either one is zero (exact zero product) or
 * the rounded product is normal and above the smallest normal, which
 * excludes underflow (|exact| < 2^-126 gives |p| <= 2^-126) and
 * overflow. */
static inline bool vec_mul(vu32 a, vu32 b, vu32 *res, bool *inexact)
{
    vf32 x = (vf32)a, y = (vf32)b;
    vf64 lo = (vf64){ x[0], x[1] } * (vf64){ y[0], y[1] };
    vf64 hi = (vf64){ x[2], x[3] } * (vf64){ y[2], y[3] };
    vf32 p = __builtin_shufflevector(__builtin_convertvector(lo, hf32),
                                     __builtin_convertvector(hi, hf32),
                                     0, 1, 2, 3);
    vu32 r = (vu32)p;
    vs32 ma = MAGNITUDE(a), mb = MAGNITUDE(b), mr = MAGNITUDE(r);
    vs32 za = zero_lanes(ma), zb = zero_lanes(mb);
    vs32 ok = (za | normal_lanes(ma)) & (zb | normal_lanes(mb)) &
              (za | zb | ((mr > 0x00800000) & (mr < 0x7f800000)));
    if (!all_lanes(ok))
        return false;
    vs64m diff = ((vf64){ p[0], p[1] } != lo) | ((vf64){ p[2], p[3] } != hi);
    *inexact |= (diff[0] | diff[1]) != 0;
    *res = r;
    return true;
}

enum vec_float_op { VEC_ADD, VEC_SUB, VEC_MUL, VEC_MLA, VEC_MLS };

static inline void vec_float(struct guest_thread *thread,
                             const struct guest_insn *insn, enum vec_float_op op)
{
    struct guest_cpu *cpu = &thread->cpu;
    const bool q = (insn->flags & NF_Q) != 0;
    vu32 n = (vu32)neon_vread(cpu, insn->rn, q), m, r;
    if (insn->flags & NF_SCALAR) {
        uint64_t s = neon_scalar64(cpu, insn->rm, 2, insn->shift_amount);
        m = (vu32)(vu64){ s, s };
    } else {
        m = (vu32)neon_vread(cpu, insn->rm, q);
    }
    bool inexact = false, ok;
    switch (op) {
    case VEC_ADD: ok = vec_add(n, m, &r, &inexact); break;
    case VEC_SUB: ok = vec_add(n, m ^ 0x80000000u, &r, &inexact); break;
    case VEC_MUL: ok = vec_mul(n, m, &r, &inexact); break;
    default: {
        vu32 p, d = (vu32)neon_vread(cpu, insn->rd, q);
        ok = vec_mul(n, m, &p, &inexact) &&
             vec_add(d, op == VEC_MLA ? p : p ^ 0x80000000u, &r, &inexact);
        break;
    }
    }
    if (!ok) {
        neon_float_execute(cpu, insn);
        return;
    }
    neon_vwrite(cpu, insn->rd, q, (vu64)r);
    if (inexact)
        cpu->fpscr |= FPSCR_IXC;
}

#define DEF_VEC_FLOAT(OP, NAME, KIND)                                        \
    static void NAME(struct guest_thread *thread, const struct guest_insn *insn) \
    {                                                                        \
        vec_float(thread, insn, KIND);                                       \
    }                                                                        \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME, NAME, NAME, NAME, NAME, NAME, NAME, NAME };
DEF_VEC_FLOAT(VADD_F, vadd_f32, VEC_ADD)
DEF_VEC_FLOAT(VSUB_F, vsub_f32, VEC_SUB)
DEF_VEC_FLOAT(VMUL_F, vmul_f32, VEC_MUL)
DEF_VEC_FLOAT(VMLA_F, vmla_f32, VEC_MLA)
DEF_VEC_FLOAT(VMLS_F, vmls_f32, VEC_MLS)

bool neon_float_execute(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    uint32_t f = (cpu->fpscr & FPSCR_AHP) | FPSCR_FZ | FPSCR_DN;
    bool q = insn->flags & NF_Q;
    unsigned op = insn->op;
    union neon_vec r = { .u64 = { 0, 0 } };

    switch (op) {
    case OP_NEON_VADD_F: case OP_NEON_VSUB_F: case OP_NEON_VMUL_F:
    case OP_NEON_VABD_F: case OP_NEON_VMLA_F: case OP_NEON_VMLS_F:
    case OP_NEON_VFMA_F: case OP_NEON_VFMS_F: case OP_NEON_VMAX_F:
    case OP_NEON_VMIN_F: case OP_NEON_VCEQ_F: case OP_NEON_VCGE_F:
    case OP_NEON_VCGT_F: case OP_NEON_VACGE_F: case OP_NEON_VACGT_F:
    case OP_NEON_VRECPS_F: case OP_NEON_VRSQRTS_F: {
        union neon_vec n = neon_read(cpu, insn->rn, q);
        union neon_vec m = (insn->flags & NF_SCALAR)
            ? neon_dup_lane(cpu->d[insn->rm], 2, insn->shift_amount)
            : neon_read(cpu, insn->rm, q);
        union neon_vec d = neon_read(cpu, insn->rd, q);
        for (unsigned i = 0; i < (q ? 4u : 2u); i++)
            r.u32[i] = binary(op, d.u32[i], n.u32[i], m.u32[i], &f);
        break;
    }
    case OP_NEON_VPADD_F: case OP_NEON_VPMAX_F: case OP_NEON_VPMIN_F: {
        uint64_t pair[2] = { cpu->d[insn->rn], cpu->d[insn->rm] };
        for (unsigned i = 0; i < 2; i++)
            r.u32[i] = binary(op, 0, (uint32_t)pair[i], (uint32_t)(pair[i] >> 32),
                              &f);
        q = false;
        break;
    }
    case OP_NEON_VABS: case OP_NEON_VNEG: case OP_NEON_VCGT0:
    case OP_NEON_VCGE0: case OP_NEON_VCEQ0: case OP_NEON_VCLE0:
    case OP_NEON_VCLT0:
        if (!(insn->flags & NF_F32))
            return false;
        /* fall through */
    case OP_NEON_VRECPE: case OP_NEON_VRSQRTE: case OP_NEON_VCVT_F_I:
    case OP_NEON_VCVT_I_F: {
        union neon_vec m = neon_read(cpu, insn->rm, q);
        for (unsigned i = 0; i < (q ? 4u : 2u); i++)
            r.u32[i] = unary(insn, m.u32[i], &f);
        break;
    }
    case OP_NEON_VCVT_F16_F32: {
        union neon_vec m = neon_read(cpu, insn->rm, true);
        for (unsigned i = 0; i < 4; i++)
            r.u16[i] = vfp_f32_to_f16(m.u32[i], &f);
        q = false;
        break;
    }
    case OP_NEON_VCVT_F32_F16: {
        union neon_vec m = neon_read(cpu, insn->rm, false);
        for (unsigned i = 0; i < 4; i++)
            r.u32[i] = vfp_f16_to_f32(m.u16[i], &f);
        q = true;
        break;
    }
    default:
        return false;
    }
    neon_write(cpu, insn->rd, q, &r);
    cpu->fpscr |= f & CUMULATIVE_FLAGS;
    return true;
}
