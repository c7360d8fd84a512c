/*
 * IEEE binary16/32/64 bit-pattern helpers shared by the VFP arithmetic and
 * conversion code: field extraction, classification, ARM NaN rules and
 * FPSCR control bits. Values travel as bit patterns in uint64_t so that
 * one routine serves every format and no host NaN ever reaches the guest.
 */
#ifndef A32RUN_EXEC_VFP_FORMAT_H
#define A32RUN_EXEC_VFP_FORMAT_H

#include <stdint.h>
#include <stdbool.h>

#include "guest/cpu.h"

struct vfp_format {
    unsigned exp_bits;      /* E */
    unsigned frac_bits;     /* F */
    int min_exp;            /* exponent of the smallest normal */
};

extern const struct vfp_format vfp_f16, vfp_f32, vfp_f64;

enum vfp_class {
    VFP_ZERO, VFP_DENORMAL, VFP_NORMAL, VFP_INF, VFP_QNAN, VFP_SNAN
};

static inline uint64_t vfp_frac_mask(const struct vfp_format *f)
{
    return (1ull << f->frac_bits) - 1;
}

static inline unsigned vfp_exp_max(const struct vfp_format *f)
{
    return (1u << f->exp_bits) - 1;
}

static inline unsigned vfp_sign_shift(const struct vfp_format *f)
{
    return f->exp_bits + f->frac_bits;
}

static inline bool vfp_sign(const struct vfp_format *f, uint64_t v)
{
    return (v >> vfp_sign_shift(f)) & 1;
}

static inline unsigned vfp_exp_field(const struct vfp_format *f, uint64_t v)
{
    return (unsigned)(v >> f->frac_bits) & vfp_exp_max(f);
}

static inline uint64_t vfp_sign_bit(const struct vfp_format *f)
{
    return 1ull << vfp_sign_shift(f);
}

static inline uint64_t vfp_quiet_bit(const struct vfp_format *f)
{
    return 1ull << (f->frac_bits - 1);
}

/* Classification of an IEEE encoding (no alternative half precision). */
static inline enum vfp_class vfp_classify(const struct vfp_format *f, uint64_t v)
{
    unsigned e = vfp_exp_field(f, v);
    uint64_t frac = v & vfp_frac_mask(f);
    if (e == 0)
        return frac ? VFP_DENORMAL : VFP_ZERO;
    if (e == vfp_exp_max(f)) {
        if (!frac)
            return VFP_INF;
        return (frac & vfp_quiet_bit(f)) ? VFP_QNAN : VFP_SNAN;
    }
    return VFP_NORMAL;
}

static inline bool vfp_is_nan_class(enum vfp_class c)
{
    return c == VFP_QNAN || c == VFP_SNAN;
}

/* ARM default NaN: positive, quiet bit only. */
static inline uint64_t vfp_default_nan(const struct vfp_format *f)
{
    return ((uint64_t)vfp_exp_max(f) << f->frac_bits) | vfp_quiet_bit(f);
}

static inline uint64_t vfp_zero(const struct vfp_format *f, bool sign)
{
    return sign ? vfp_sign_bit(f) : 0;
}

static inline uint64_t vfp_infinity(const struct vfp_format *f, bool sign)
{
    return vfp_zero(f, sign) | ((uint64_t)vfp_exp_max(f) << f->frac_bits);
}

/* FPSCR control fields. */
static inline unsigned vfp_rmode(uint32_t fpscr)
{
    return (fpscr >> FPSCR_RMODE_SHIFT) & 3u;
}

/* Rounding modes: the FPSCR.RMode values, plus ties-away (ARMv8 VRINTA,
 * VCVTA), which only explicit-rounding operations use. */
enum { VFP_RN = 0, VFP_RP = 1, VFP_RM = 2, VFP_RZ = 3, VFP_RA = 4 };

/* FPUnpack's flush-to-zero of a denormal input (FZ set): signed zero and
 * IDC. Returns the possibly flushed value. */
static inline uint64_t vfp_flush_input(const struct vfp_format *f, uint64_t v,
                                       uint32_t *fpscr)
{
    if ((*fpscr & FPSCR_FZ) && vfp_classify(f, v) == VFP_DENORMAL) {
        *fpscr |= FPSCR_IDC;
        return v & vfp_sign_bit(f);
    }
    return v;
}

/* FPProcessNaN: quiets a signalling NaN (IOC), or gives the default NaN
 * when FPSCR.DN is set. */
static inline uint64_t vfp_process_nan(const struct vfp_format *f, uint64_t v,
                                       uint32_t *fpscr)
{
    if (vfp_classify(f, v) == VFP_SNAN)
        *fpscr |= FPSCR_IOC;
    if (*fpscr & FPSCR_DN)
        return vfp_default_nan(f);
    return v | vfp_quiet_bit(f);
}

#endif
