/*
 * VFP scalar arithmetic with ARM semantics on top of host IEEE arithmetic
 * (maxNum/minNum, which never round, are done in software).
 *
 * The host computes the correctly rounded result and the IEEE flags of
 * add/sub/mul/div/sqrt/fma in the guest's rounding mode (C99 fenv; the build
 * uses -frounding-math). Everything in which ARM and the host may differ is
 * done here in software, so that x86-64 and AArch64 hosts agree bit for bit:
 *  - flush-to-zero of denormal inputs (IDC) happens before the host sees
 *    them (host FTZ/DAZ modes are never used);
 *  - NaN operands never reach the host: ARM's propagation order (signalling
 *    before quiet, operand order of the pseudocode), quieting and FPSCR.DN
 *    are applied in software; a NaN the host produces is an invalid
 *    operation and becomes ARM's positive default NaN;
 *  - underflow: ARM detects tininess before rounding, x86 after. The host
 *    underflow flag is ignored; a result that is ±min-normal after an
 *    inexact rounding is recomputed toward zero to learn whether the exact
 *    value was below the normal range. Flush-to-zero of tiny results (UFC,
 *    no IXC) uses the same test.
 */
#include <fenv.h>

#include "exec/vfp_arith.h"
#include "exec/vfp_format.h"

const struct vfp_format vfp_f16 = { 5, 10, -14 };
const struct vfp_format vfp_f32 = { 8, 23, -126 };
const struct vfp_format vfp_f64 = { 11, 52, -1022 };

enum host_op { HOST_ADD, HOST_SUB, HOST_MUL, HOST_DIV, HOST_SQRT, HOST_FMA };

static const int host_rounding[4] = {
    FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO
};

static float f32_from_bits(uint64_t v)
{
    union { uint32_t u; float f; } x = { .u = (uint32_t)v };
    return x.f;
}

static uint64_t f32_to_bits(float f)
{
    union { uint32_t u; float f; } x = { .f = f };
    return x.u;
}

static double f64_from_bits(uint64_t v)
{
    union { uint64_t u; double f; } x = { .u = v };
    return x.f;
}

static uint64_t f64_to_bits(double f)
{
    union { uint64_t u; double f; } x = { .f = f };
    return x.u;
}

/* Runs one host operation (c is the addend for HOST_FMA: a * b + c) in
 * the given rounding mode; returns the result bits and the raised host
 * exception flags. Operands pass through volatile objects so that the
 * compiler keeps the operation between the fenv calls. */
static uint64_t host_compute(const struct vfp_format *f, enum host_op op,
                             uint64_t a, uint64_t b, uint64_t c, int rounding,
                             int *raised)
{
    uint64_t result;
    /* The host runs in round-to-nearest outside these calls. */
    if (rounding != FE_TONEAREST)
        fesetround(rounding);
    feclearexcept(FE_ALL_EXCEPT);
    if (f == &vfp_f32) {
        volatile float x = f32_from_bits(a), y = f32_from_bits(b),
                       z = f32_from_bits(c);
        volatile float r;
        switch (op) {
        case HOST_ADD: r = x + y; break;
        case HOST_SUB: r = x - y; break;
        case HOST_MUL: r = x * y; break;
        case HOST_DIV: r = x / y; break;
        case HOST_SQRT: r = __builtin_sqrtf(x); break;
        default: r = __builtin_fmaf(x, y, z); break;
        }
        *raised = fetestexcept(FE_ALL_EXCEPT);
        result = f32_to_bits(r);
    } else {
        volatile double x = f64_from_bits(a), y = f64_from_bits(b),
                        z = f64_from_bits(c);
        volatile double r;
        switch (op) {
        case HOST_ADD: r = x + y; break;
        case HOST_SUB: r = x - y; break;
        case HOST_MUL: r = x * y; break;
        case HOST_DIV: r = x / y; break;
        case HOST_SQRT: r = __builtin_sqrt(x); break;
        default: r = __builtin_fma(x, y, z); break;
        }
        *raised = fetestexcept(FE_ALL_EXCEPT);
        result = f64_to_bits(r);
    }
    if (rounding != FE_TONEAREST)
        fesetround(FE_TONEAREST);
    return result;
}

/*
 * Fast path without fenv (glibc's feclearexcept costs more than the
 * arithmetic): round-to-nearest add/sub/mul/div/sqrt of normal operands
 * whose result is comfortably normal, so that no flag but Inexact can
 * arise and the ARM and host results agree. Exactness comes from
 * error-free transformations: TwoSum for sums, exact double products for
 * single precision, Dekker's TwoProduct for double precision (operand
 * exponents limited so that no intermediate overflows or underflows).
 * Returns false when the slow path must decide.
 */
static void two_product(double a, double b, double *p, double *e)
{
    const double split = 134217729.0;   /* 2^27 + 1 */
    /* volatile: the splitting needs split * a rounded on its own; a
     * contracted fma (gnu11 allows -ffp-contract=fast) would break it. The
     * remaining products are exact, so contraction cannot change them. */
    volatile double ca = split * a, cb = split * b;
    double ah = ca - (ca - a), al = a - ah;
    double bh = cb - (cb - b), bl = b - bh;
    *p = a * b;
    *e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

static bool fast_f32(enum host_op op, uint32_t a, uint32_t b, uint32_t *out,
                     bool *inexact)
{
    unsigned ea = (a >> 23) & 0xffu, eb = (b >> 23) & 0xffu;
    if (ea == 0 || ea >= 0xfe || (op != HOST_SQRT && (eb == 0 || eb >= 0xfe)))
        return false;
    float x = f32_from_bits(a), y = f32_from_bits(b), r;
    bool exact;
    switch (op) {
    case HOST_ADD:
    case HOST_SUB: {
        if (op == HOST_SUB)
            y = -y;
        r = x + y;
        float bv = r - x, av = r - bv;
        exact = (x - av) + (y - bv) == 0.0f;
        break;
    }
    case HOST_MUL: {
        double p = (double)x * (double)y;   /* exact: 48 significant bits */
        r = (float)p;
        exact = (double)r == p;
        break;
    }
    case HOST_DIV:
        r = x / y;
        exact = (double)r * (double)y == (double)x;
        break;
    default: /* HOST_SQRT, positive operand */
        r = __builtin_sqrtf(x);
        exact = (double)r * (double)r == (double)x;
        break;
    }
    uint32_t bits = (uint32_t)f32_to_bits(r);
    unsigned er = (bits >> 23) & 0xffu;
    if (er < 2 || er == 0xff)
        return false;
    *out = bits;
    *inexact = !exact;
    return true;
}

static bool fast_f64(enum host_op op, uint64_t a, uint64_t b, uint64_t *out,
                     bool *inexact)
{
    unsigned ea = (unsigned)(a >> 52) & 0x7ffu, eb = (unsigned)(b >> 52) & 0x7ffu;
    double x = f64_from_bits(a), y = f64_from_bits(b), r, p, e;
    bool exact;
    /* Exponent window for TwoProduct operands: |v| in [2^-450, 2^451). */
    bool x_mid = ea >= 1023 - 450 && ea <= 1023 + 450;
    bool y_mid = eb >= 1023 - 450 && eb <= 1023 + 450;
    switch (op) {
    case HOST_ADD:
    case HOST_SUB: {
        if (ea == 0 || ea >= 0x7fe || eb == 0 || eb >= 0x7fe)
            return false;
        if (op == HOST_SUB)
            y = -y;
        r = x + y;
        double bv = r - x, av = r - bv;
        exact = (x - av) + (y - bv) == 0.0;
        break;
    }
    case HOST_MUL:
        if (!x_mid || !y_mid)
            return false;
        two_product(x, y, &r, &e);
        exact = e == 0.0;
        break;
    case HOST_DIV:
        if (!x_mid || !y_mid)
            return false;
        r = x / y;
        two_product(r, y, &p, &e);
        exact = p == x && e == 0.0;
        break;
    default: /* HOST_SQRT, positive operand */
        if (!x_mid)
            return false;
        r = __builtin_sqrt(x);
        two_product(r, r, &p, &e);
        exact = p == x && e == 0.0;
        break;
    }
    uint64_t bits = f64_to_bits(r);
    unsigned er = (unsigned)(bits >> 52) & 0x7ffu;
    if (er < 2 || er == 0x7ff)
        return false;
    *out = bits;
    *inexact = !exact;
    return true;
}

/* Host computation plus ARM's rounding-related rules (see top comment). */
static uint64_t compute(const struct vfp_format *f, enum host_op op,
                        uint64_t a, uint64_t b, uint64_t c, uint32_t *fpscr)
{
    if (vfp_rmode(*fpscr) == VFP_RN && op != HOST_FMA) {
        bool inexact, done;
        uint64_t r;
        if (f == &vfp_f32) {
            uint32_t r32;
            done = fast_f32(op, (uint32_t)a, (uint32_t)b, &r32, &inexact);
            r = r32;
        } else {
            done = fast_f64(op, a, b, &r, &inexact);
        }
        if (done) {
            if (inexact)
                *fpscr |= FPSCR_IXC;
            return r;
        }
    }

    int raised;
    uint64_t r = host_compute(f, op, a, b, c, host_rounding[vfp_rmode(*fpscr)],
                              &raised);
    enum vfp_class cls = vfp_classify(f, r);
    uint32_t flags = 0;

    if (vfp_is_nan_class(cls))
        return *fpscr |= FPSCR_IOC, vfp_default_nan(f);
    if (raised & FE_INVALID)
        flags |= FPSCR_IOC;
    if (raised & FE_DIVBYZERO)
        flags |= FPSCR_DZC;
    if (raised & FE_OVERFLOW)
        flags |= FPSCR_OFC;
    bool inexact = (raised & FE_INEXACT) != 0;
    if (inexact)
        flags |= FPSCR_IXC;

    /* Tiny before rounding: a nonzero exact value below the normal range. */
    bool tiny = false;
    if (cls == VFP_DENORMAL) {
        tiny = true;
    } else if (cls == VFP_ZERO) {
        tiny = inexact;
    } else if (inexact && vfp_exp_field(f, r) == 1 &&
               (r & vfp_frac_mask(f)) == 0) {
        int ignored;
        uint64_t rz = host_compute(f, op, a, b, c, FE_TOWARDZERO, &ignored);
        tiny = vfp_exp_field(f, rz) == 0;
    }
    if (tiny && (*fpscr & FPSCR_FZ)) {
        *fpscr |= FPSCR_UFC;
        return r & vfp_sign_bit(f);
    }
    if (tiny && inexact)
        flags |= FPSCR_UFC;
    *fpscr |= flags;
    return r;
}

/* FPProcessNaNs for two operands: true (with *result) when either is a
 * NaN. */
static bool process_nans2(const struct vfp_format *f, uint64_t a, uint64_t b,
                          uint64_t *result, uint32_t *fpscr)
{
    enum vfp_class ca = vfp_classify(f, a), cb = vfp_classify(f, b);
    if (ca == VFP_SNAN)
        *result = vfp_process_nan(f, a, fpscr);
    else if (cb == VFP_SNAN)
        *result = vfp_process_nan(f, b, fpscr);
    else if (ca == VFP_QNAN)
        *result = vfp_process_nan(f, a, fpscr);
    else if (cb == VFP_QNAN)
        *result = vfp_process_nan(f, b, fpscr);
    else
        return false;
    return true;
}

static uint64_t binary(const struct vfp_format *f, enum host_op op,
                       uint64_t a, uint64_t b, uint32_t *fpscr)
{
    uint64_t result;
    a = vfp_flush_input(f, a, fpscr);
    b = vfp_flush_input(f, b, fpscr);
    if (process_nans2(f, a, b, &result, fpscr))
        return result;
    return compute(f, op, a, b, 0, fpscr);
}

static uint64_t square_root(const struct vfp_format *f, uint64_t a,
                            uint32_t *fpscr)
{
    a = vfp_flush_input(f, a, fpscr);
    enum vfp_class c = vfp_classify(f, a);
    if (vfp_is_nan_class(c))
        return vfp_process_nan(f, a, fpscr);
    if (c == VFP_ZERO)
        return a;
    if (vfp_sign(f, a)) {
        *fpscr |= FPSCR_IOC;
        return vfp_default_nan(f);
    }
    if (c == VFP_INF)
        return a;
    return compute(f, HOST_SQRT, a, 0, 0, fpscr);
}

/* FPMulAdd(addend, a, b): NaN priority addend, a, b (signalling first);
 * a quiet NaN addend with an infinity * zero product is Invalid and gives
 * the default NaN. */
static uint64_t muladd(const struct vfp_format *f, uint64_t addend, uint64_t a,
                       uint64_t b, uint32_t *fpscr)
{
    addend = vfp_flush_input(f, addend, fpscr);
    a = vfp_flush_input(f, a, fpscr);
    b = vfp_flush_input(f, b, fpscr);
    enum vfp_class cc = vfp_classify(f, addend), ca = vfp_classify(f, a),
                   cb = vfp_classify(f, b);
    bool inf_zero = (ca == VFP_INF && cb == VFP_ZERO) ||
                    (ca == VFP_ZERO && cb == VFP_INF);
    uint64_t result;
    bool done = true;
    if (cc == VFP_SNAN)
        result = vfp_process_nan(f, addend, fpscr);
    else if (ca == VFP_SNAN)
        result = vfp_process_nan(f, a, fpscr);
    else if (cb == VFP_SNAN)
        result = vfp_process_nan(f, b, fpscr);
    else if (cc == VFP_QNAN)
        result = vfp_process_nan(f, addend, fpscr);
    else if (ca == VFP_QNAN)
        result = vfp_process_nan(f, a, fpscr);
    else if (cb == VFP_QNAN)
        result = vfp_process_nan(f, b, fpscr);
    else
        done = false;
    if (cc == VFP_QNAN && inf_zero) {
        *fpscr |= FPSCR_IOC;
        return vfp_default_nan(f);
    }
    if (done)
        return result;
    return compute(f, HOST_FMA, a, b, addend, fpscr);
}

static uint32_t compare(const struct vfp_format *f, uint64_t a, uint64_t b,
                        bool quiet_nan_signals, uint32_t *fpscr)
{
    a = vfp_flush_input(f, a, fpscr);
    b = vfp_flush_input(f, b, fpscr);
    enum vfp_class ca = vfp_classify(f, a), cb = vfp_classify(f, b);
    if (vfp_is_nan_class(ca) || vfp_is_nan_class(cb)) {
        if (ca == VFP_SNAN || cb == VFP_SNAN || quiet_nan_signals)
            *fpscr |= FPSCR_IOC;
        return 0x30000000u;
    }
    /* Non-NaN comparisons raise no host exception and are exact. */
    double x, y;
    if (f == &vfp_f32) {
        x = f32_from_bits(a);
        y = f32_from_bits(b);
    } else {
        x = f64_from_bits(a);
        y = f64_from_bits(b);
    }
    if (x == y)
        return 0x60000000u;
    return x < y ? 0x80000000u : 0x20000000u;
}

/* FPMaxNum / FPMinNum (IEEE 754-2008 maxNum/minNum as ARM defines them):
 * a quiet NaN against a number gives the number without any flag; a
 * signalling NaN, or two NaNs, take the usual NaN path. Otherwise the
 * result is the larger (smaller) operand after input flushing, with
 * +0 > -0; no rounding happens. */
static uint64_t minmax_num(const struct vfp_format *f, uint64_t a, uint64_t b,
                           bool is_max, uint32_t *fpscr)
{
    uint64_t result;
    a = vfp_flush_input(f, a, fpscr);
    b = vfp_flush_input(f, b, fpscr);
    enum vfp_class ca = vfp_classify(f, a), cb = vfp_classify(f, b);
    if (ca == VFP_QNAN && !vfp_is_nan_class(cb))
        return b;
    if (cb == VFP_QNAN && !vfp_is_nan_class(ca))
        return a;
    if (process_nans2(f, a, b, &result, fpscr))
        return result;
    bool sa = vfp_sign(f, a), sb = vfp_sign(f, b);
    bool a_greater;
    if (sa != sb) {
        a_greater = !sa;
    } else {
        /* Same sign: magnitudes order like their encodings. */
        uint64_t ma = a & ~vfp_sign_bit(f), mb = b & ~vfp_sign_bit(f);
        if (ma == mb)
            return a;
        a_greater = (ma > mb) != sa;
    }
    return a_greater == is_max ? a : b;
}

uint32_t vfp_add32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)binary(&vfp_f32, HOST_ADD, a, b, fpscr); }
uint32_t vfp_sub32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)binary(&vfp_f32, HOST_SUB, a, b, fpscr); }
uint32_t vfp_mul32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)binary(&vfp_f32, HOST_MUL, a, b, fpscr); }
uint32_t vfp_div32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)binary(&vfp_f32, HOST_DIV, a, b, fpscr); }
uint32_t vfp_sqrt32(uint32_t a, uint32_t *fpscr)
{ return (uint32_t)square_root(&vfp_f32, a, fpscr); }
uint32_t vfp_muladd32(uint32_t addend, uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)muladd(&vfp_f32, addend, a, b, fpscr); }

uint64_t vfp_add64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return binary(&vfp_f64, HOST_ADD, a, b, fpscr); }
uint64_t vfp_sub64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return binary(&vfp_f64, HOST_SUB, a, b, fpscr); }
uint64_t vfp_mul64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return binary(&vfp_f64, HOST_MUL, a, b, fpscr); }
uint64_t vfp_div64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return binary(&vfp_f64, HOST_DIV, a, b, fpscr); }
uint64_t vfp_sqrt64(uint64_t a, uint32_t *fpscr)
{ return square_root(&vfp_f64, a, fpscr); }
uint64_t vfp_muladd64(uint64_t addend, uint64_t a, uint64_t b, uint32_t *fpscr)
{ return muladd(&vfp_f64, addend, a, b, fpscr); }

uint32_t vfp_maxnum32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)minmax_num(&vfp_f32, a, b, true, fpscr); }
uint32_t vfp_minnum32(uint32_t a, uint32_t b, uint32_t *fpscr)
{ return (uint32_t)minmax_num(&vfp_f32, a, b, false, fpscr); }
uint64_t vfp_maxnum64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return minmax_num(&vfp_f64, a, b, true, fpscr); }
uint64_t vfp_minnum64(uint64_t a, uint64_t b, uint32_t *fpscr)
{ return minmax_num(&vfp_f64, a, b, false, fpscr); }

uint32_t vfp_compare32(uint32_t a, uint32_t b, bool quiet_nan_signals,
                       uint32_t *fpscr)
{ return compare(&vfp_f32, a, b, quiet_nan_signals, fpscr); }
uint32_t vfp_compare64(uint64_t a, uint64_t b, bool quiet_nan_signals,
                       uint32_t *fpscr)
{ return compare(&vfp_f64, a, b, quiet_nan_signals, fpscr); }
