/*
 * VFP conversions, implemented in software after the ARM ARM pseudocode
 * (FPRound, FPToFixed, FixedToFP, FPConvert between half, single and
 * double, FPRoundInt, FPToFixedJS). Every finite nonzero value is handled
 * as sign * mant * 2^exp with a 64-bit integer mantissa, which holds any
 * source value exactly, so rounding is done once and flags follow the
 * pseudocode (tininess before rounding, flush-to-zero without Inexact,
 * alternative-half-precision overflow as Invalid).
 */
#include "exec/vfp_convert.h"
#include "exec/vfp_format.h"

struct unpacked {
    bool sign;
    int exp;            /* value = mant * 2^exp */
    uint64_t mant;      /* nonzero for finite nonzero values */
};

/* Splits a zero, denormal or normal encoding (the caller has dealt with
 * infinities and NaNs). */
static struct unpacked unpack(const struct vfp_format *f, uint64_t v)
{
    struct unpacked u = { .sign = vfp_sign(f, v) };
    unsigned e = vfp_exp_field(f, v);
    uint64_t frac = v & vfp_frac_mask(f);
    if (e == 0) {
        u.mant = frac;
        u.exp = f->min_exp - (int)f->frac_bits;
    } else {
        u.mant = frac | (1ull << f->frac_bits);
        u.exp = (int)e - (int)(vfp_exp_max(f) >> 1) - (int)f->frac_bits;
    }
    return u;
}

/* Rounding inputs: the value's integer part at some scale plus the first
 * discarded bit (round) and whether any lower bit is set (sticky). */
struct split {
    uint64_t ipart;
    bool round, sticky;
};

/* m has bit 63 set; drops the low shift bits (shift >= 1). */
static struct split split_at(uint64_t m, unsigned shift)
{
    struct split s;
    if (shift > 64) {
        s.ipart = 0;
        s.round = false;
        s.sticky = m != 0;
    } else {
        s.ipart = shift == 64 ? 0 : m >> shift;
        s.round = (m >> (shift - 1)) & 1;
        s.sticky = (m & ((1ull << (shift - 1)) - 1)) != 0;
    }
    return s;
}

static bool round_up(unsigned rmode, bool sign, const struct split *s)
{
    bool inexact = s->round || s->sticky;
    switch (rmode) {
    case VFP_RN: return s->round && (s->sticky || (s->ipart & 1));
    case VFP_RP: return inexact && !sign;
    case VFP_RM: return inexact && sign;
    case VFP_RA: return s->round;
    default: return false;
    }
}

/* FPRound of sign * mant * 2^exp (mant != 0) to format f. Half precision
 * is never flushed; with FPSCR.AHP it uses the alternative format. */
static uint64_t round_pack(const struct vfp_format *f, bool sign, int exp,
                           uint64_t mant, uint32_t *fpscr)
{
    bool half = f == &vfp_f16;
    bool ahp = half && (*fpscr & FPSCR_AHP);
    unsigned lz = (unsigned)__builtin_clzll(mant);
    uint64_t m = mant << lz;
    int e = exp - (int)lz + 63;                 /* value = 1.f * 2^e */

    if ((*fpscr & FPSCR_FZ) && !half && e < f->min_exp) {
        *fpscr |= FPSCR_UFC;
        return vfp_zero(f, sign);
    }
    int biased = e - f->min_exp + 1;
    unsigned shift = 63 - f->frac_bits;
    if (biased <= 0) {
        shift += (unsigned)(f->min_exp - e);
        biased = 0;
    }
    struct split s = split_at(m, shift);
    bool inexact = s.round || s.sticky;
    if (biased == 0 && inexact)
        *fpscr |= FPSCR_UFC;
    uint64_t int_mant = s.ipart;
    if (round_up(vfp_rmode(*fpscr), sign, &s)) {
        int_mant++;
        if (int_mant == (1ull << f->frac_bits))
            biased = 1;                         /* denormal rounded up */
        if (int_mant == (1ull << (f->frac_bits + 1))) {
            biased++;
            int_mant >>= 1;
        }
    }
    uint64_t result;
    if (!ahp) {
        if (biased >= (int)vfp_exp_max(f)) {
            unsigned rmode = vfp_rmode(*fpscr);
            bool to_inf = rmode == VFP_RN || (rmode == VFP_RP && !sign) ||
                          (rmode == VFP_RM && sign);
            result = to_inf ? vfp_infinity(f, sign)
                            : vfp_infinity(f, sign) - 1; /* max normal */
            *fpscr |= FPSCR_OFC;
            inexact = true;
        } else {
            result = vfp_zero(f, sign) | ((uint64_t)biased << f->frac_bits) |
                     (int_mant & vfp_frac_mask(f));
        }
    } else {
        if (biased > (int)vfp_exp_max(f)) {
            result = vfp_zero(f, sign) | 0x7fffu;
            *fpscr |= FPSCR_IOC;
            inexact = false;
        } else {
            result = vfp_zero(f, sign) | ((uint64_t)biased << f->frac_bits) |
                     (int_mant & vfp_frac_mask(f));
        }
    }
    if (inexact)
        *fpscr |= FPSCR_IXC;
    return result;
}

/* Converts a non-NaN, non-infinite value between formats. */
static uint64_t convert_finite(const struct vfp_format *from,
                               const struct vfp_format *to, uint64_t v,
                               uint32_t *fpscr)
{
    struct unpacked u = unpack(from, v);
    if (u.mant == 0)
        return vfp_zero(to, u.sign);
    return round_pack(to, u.sign, u.exp, u.mant, fpscr);
}

/* NaN conversion between IEEE formats: quieted, payload kept from the top
 * (FPConvertNaN), or the default NaN with DN. */
static uint64_t convert_nan(const struct vfp_format *from,
                            const struct vfp_format *to, uint64_t v,
                            uint32_t *fpscr)
{
    if (vfp_classify(from, v) == VFP_SNAN)
        *fpscr |= FPSCR_IOC;
    if (*fpscr & FPSCR_DN)
        return vfp_default_nan(to);
    uint64_t frac = v & vfp_frac_mask(from);
    if (to->frac_bits > from->frac_bits)
        frac <<= to->frac_bits - from->frac_bits;
    else
        frac >>= from->frac_bits - to->frac_bits;
    return vfp_infinity(to, vfp_sign(from, v)) | vfp_quiet_bit(to) | frac;
}

static uint64_t convert(const struct vfp_format *from,
                        const struct vfp_format *to, uint64_t v,
                        uint32_t *fpscr)
{
    v = vfp_flush_input(from, v, fpscr);
    enum vfp_class c = vfp_classify(from, v);
    if (vfp_is_nan_class(c))
        return convert_nan(from, to, v, fpscr);
    if (c == VFP_INF)
        return vfp_infinity(to, vfp_sign(from, v));
    return convert_finite(from, to, v, fpscr);
}

uint64_t vfp_f32_to_f64(uint32_t a, uint32_t *fpscr)
{
    return convert(&vfp_f32, &vfp_f64, a, fpscr);
}

uint32_t vfp_f64_to_f32(uint64_t a, uint32_t *fpscr)
{
    return (uint32_t)convert(&vfp_f64, &vfp_f32, a, fpscr);
}

/* FPConvert from half precision: half inputs are not flushed; with AHP
 * exponent 31 is a normal. */
static uint64_t from_half(const struct vfp_format *to, uint16_t h,
                          uint32_t *fpscr)
{
    enum vfp_class c = vfp_classify(&vfp_f16, h);
    if (!(*fpscr & FPSCR_AHP)) {
        if (vfp_is_nan_class(c))
            return convert_nan(&vfp_f16, to, h, fpscr);
        if (c == VFP_INF)
            return vfp_infinity(to, vfp_sign(&vfp_f16, h));
    }
    return convert_finite(&vfp_f16, to, h, fpscr);
}

/* FPConvert to half precision: the input is flushed (FZ), the output
 * never; the alternative format has no NaN or infinity (Invalid). */
static uint16_t to_half(const struct vfp_format *from, uint64_t a,
                        uint32_t *fpscr)
{
    uint64_t v = vfp_flush_input(from, a, fpscr);
    enum vfp_class c = vfp_classify(from, v);
    bool sign = vfp_sign(from, v);
    if (*fpscr & FPSCR_AHP) {
        if (vfp_is_nan_class(c)) {
            *fpscr |= FPSCR_IOC;
            return sign ? 0x8000u : 0;
        }
        if (c == VFP_INF) {
            *fpscr |= FPSCR_IOC;
            return sign ? 0xffffu : 0x7fffu;
        }
    } else {
        if (vfp_is_nan_class(c))
            return (uint16_t)convert_nan(from, &vfp_f16, v, fpscr);
        if (c == VFP_INF)
            return (uint16_t)vfp_infinity(&vfp_f16, sign);
    }
    return (uint16_t)convert_finite(from, &vfp_f16, v, fpscr);
}

uint32_t vfp_f16_to_f32(uint16_t h, uint32_t *fpscr)
{
    return (uint32_t)from_half(&vfp_f32, h, fpscr);
}

uint64_t vfp_f16_to_f64(uint16_t h, uint32_t *fpscr)
{
    return from_half(&vfp_f64, h, fpscr);
}

uint16_t vfp_f32_to_f16(uint32_t a, uint32_t *fpscr)
{
    return to_half(&vfp_f32, a, fpscr);
}

uint16_t vfp_f64_to_f16(uint64_t a, uint32_t *fpscr)
{
    return to_half(&vfp_f64, a, fpscr);
}

static uint64_t to_fixed(const struct vfp_format *f, uint64_t v, unsigned size,
                         unsigned frac_bits, bool is_signed, unsigned rmode,
                         uint32_t *fpscr)
{
    v = vfp_flush_input(f, v, fpscr);
    enum vfp_class c = vfp_classify(f, v);
    if (vfp_is_nan_class(c)) {
        *fpscr |= FPSCR_IOC;
        return 0;
    }
    bool sign = vfp_sign(f, v);
    uint64_t limit = is_signed ? (1ull << (size - 1)) - (sign ? 0 : 1)
                               : (sign ? 0 : (1ull << size) - 1);
    uint64_t mag;
    bool inexact = false, overflow = false;
    if (c == VFP_ZERO) {
        mag = 0;
    } else if (c == VFP_INF) {
        mag = 0;
        overflow = true;
    } else {
        struct unpacked u = unpack(f, v);
        unsigned lz = (unsigned)__builtin_clzll(u.mant);
        uint64_t m = u.mant << lz;
        int e = u.exp + (int)frac_bits - (int)lz + 63;  /* value = 1.f * 2^e */
        if (e >= 62) {
            overflow = true;
            mag = 0;
        } else {
            struct split s = split_at(m, (unsigned)(63 - e));
            mag = s.ipart + (round_up(rmode, sign, &s) ? 1 : 0);
            inexact = s.round || s.sticky;
            overflow = mag > limit;
        }
    }
    if (overflow) {
        *fpscr |= FPSCR_IOC;
        mag = limit;
    } else if (inexact) {
        *fpscr |= FPSCR_IXC;
    }
    /* Negative results only occur for signed conversions (the unsigned
     * limit for negative values is 0): two's complement over 64 bits. */
    return sign ? (uint64_t)0 - mag : mag;
}

uint64_t vfp_f32_to_fixed(uint32_t a, unsigned size, unsigned frac_bits,
                          bool is_signed, unsigned rmode, uint32_t *fpscr)
{
    return to_fixed(&vfp_f32, a, size, frac_bits, is_signed, rmode, fpscr);
}

uint64_t vfp_f64_to_fixed(uint64_t a, unsigned size, unsigned frac_bits,
                          bool is_signed, unsigned rmode, uint32_t *fpscr)
{
    return to_fixed(&vfp_f64, a, size, frac_bits, is_signed, rmode, fpscr);
}

static uint64_t from_fixed(const struct vfp_format *f, uint32_t value,
                           unsigned size, unsigned frac_bits, bool is_signed,
                           int rmode, uint32_t *fpscr)
{
    uint32_t raw = size == 16 ? value & 0xffffu : value;
    bool sign = is_signed && ((raw >> (size - 1)) & 1);
    uint64_t mag = raw;
    if (sign)
        mag = (size == 16 ? 0x10000u : 0x100000000ull) - raw;
    if (mag == 0)
        return 0;           /* FixedToFP: +0 */
    if (rmode < 0)
        return round_pack(f, sign, -(int)frac_bits, mag, fpscr);
    const uint32_t rmode_mask = 3u << FPSCR_RMODE_SHIFT;
    uint32_t status = (*fpscr & ~rmode_mask) | (uint32_t)rmode << FPSCR_RMODE_SHIFT;
    uint64_t result = round_pack(f, sign, -(int)frac_bits, mag, &status);
    *fpscr = (status & ~rmode_mask) | (*fpscr & rmode_mask);
    return result;
}

uint32_t vfp_fixed_to_f32(uint32_t value, unsigned size, unsigned frac_bits,
                          bool is_signed, int rmode, uint32_t *fpscr)
{
    return (uint32_t)from_fixed(&vfp_f32, value, size, frac_bits, is_signed,
                                rmode, fpscr);
}

uint64_t vfp_fixed_to_f64(uint32_t value, unsigned size, unsigned frac_bits,
                          bool is_signed, int rmode, uint32_t *fpscr)
{
    return from_fixed(&vfp_f64, value, size, frac_bits, is_signed, rmode, fpscr);
}

/* FPRoundInt: the integral value nearest to a in rmode, in a's format.
 * A result of zero keeps a's sign; integral inputs, infinities and zeros
 * come back unchanged; no Underflow or Overflow can arise. */
static uint64_t round_int(const struct vfp_format *f, uint64_t a,
                          unsigned rmode, bool signal_inexact, uint32_t *fpscr)
{
    a = vfp_flush_input(f, a, fpscr);
    enum vfp_class c = vfp_classify(f, a);
    if (vfp_is_nan_class(c))
        return vfp_process_nan(f, a, fpscr);
    if (c == VFP_ZERO || c == VFP_INF)
        return a;
    struct unpacked u = unpack(f, a);
    if (u.exp >= 0)             /* |a| >= 2^frac_bits: already integral */
        return a;
    /* 0 < -exp <= 1074 and mant < 2^53: split_at covers every shift. */
    struct split s = split_at(u.mant, (unsigned)-u.exp);
    uint64_t ipart = s.ipart + (round_up(rmode, u.sign, &s) ? 1 : 0);
    if ((s.round || s.sticky) && signal_inexact)
        *fpscr |= FPSCR_IXC;
    if (ipart == 0)
        return vfp_zero(f, u.sign);
    /* ipart <= 2^frac_bits: an exact normal. */
    unsigned msb = 63u - (unsigned)__builtin_clzll(ipart);
    uint64_t biased = (vfp_exp_max(f) >> 1) + msb;
    uint64_t frac = (ipart << (f->frac_bits - msb)) & vfp_frac_mask(f);
    return vfp_zero(f, u.sign) | biased << f->frac_bits | frac;
}

uint32_t vfp_round_int32(uint32_t a, unsigned rmode, bool signal_inexact,
                         uint32_t *fpscr)
{
    return (uint32_t)round_int(&vfp_f32, a, rmode, signal_inexact, fpscr);
}

uint64_t vfp_round_int64(uint64_t a, unsigned rmode, bool signal_inexact,
                         uint32_t *fpscr)
{
    return round_int(&vfp_f64, a, rmode, signal_inexact, fpscr);
}

/* FPToFixedJS as qemu-arm implements it: toward zero, the integer modulo
 * 2^32; Invalid (and not exact) for NaN, infinity and any value outside
 * the int32 range, else Inexact when bits were dropped. -0 and a flushed
 * negative denormal are "not exact" without Inexact. */
uint32_t vfp_f64_to_js_int32(uint64_t a, bool *exact, uint32_t *fpscr)
{
    bool sign = a >> 63;
    unsigned e = (unsigned)(a >> 52) & 0x7ffu;
    uint64_t frac = a & 0xfffffffffffffull;

    if (e == 0) {
        *exact = !sign;
        if (frac) {
            if (*fpscr & FPSCR_FZ) {
                *fpscr |= FPSCR_IDC;
            } else {
                *fpscr |= FPSCR_IXC;
                *exact = false;
            }
        }
        return 0;
    }
    if (e == 0x7ff) {
        *fpscr |= FPSCR_IOC;
        *exact = false;
        return 0;
    }
    int exp = (int)e - 1023;
    int shift = exp - 52;
    uint64_t mant = frac | 1ull << 52;
    bool inexact = true;
    if (shift >= 64 || shift <= -64) {
        mant = 0;
    } else if (shift >= 0) {
        mant <<= shift;
    } else {
        inexact = (mant << (64 + shift)) != 0;
        mant >>= -shift;
    }
    if (exp > 31 || mant > (sign ? 0x80000000ull : 0x7fffffffull)) {
        *fpscr |= FPSCR_IOC;
        inexact = true;
    } else if (inexact) {
        *fpscr |= FPSCR_IXC;
    }
    *exact = !inexact;
    return (uint32_t)(sign ? (uint64_t)0 - mant : mant);
}
