/*
 * VFP conversions with ARM semantics, in software (no host floating point):
 * single <-> double, half <-> single (IEEE or alternative half precision),
 * float <-> integer / fixed point. Bit patterns in and out; each function
 * reads FPSCR controls from *fpscr and ORs the cumulative flags into it.
 */
#ifndef A32RUN_EXEC_VFP_CONVERT_H
#define A32RUN_EXEC_VFP_CONVERT_H

#include <stdint.h>
#include <stdbool.h>

uint64_t vfp_f32_to_f64(uint32_t a, uint32_t *fpscr);
uint32_t vfp_f64_to_f32(uint64_t a, uint32_t *fpscr);

/* FPHalfToSingle / FPSingleToHalf; FPSCR.AHP selects the alternative
 * format. Half-precision values are never flushed to zero. */
uint32_t vfp_f16_to_f32(uint16_t h, uint32_t *fpscr);
uint16_t vfp_f32_to_f16(uint32_t a, uint32_t *fpscr);
/* The same between half and double precision (ARMv8), rounded once. */
uint64_t vfp_f16_to_f64(uint16_t h, uint32_t *fpscr);
uint16_t vfp_f64_to_f16(uint64_t a, uint32_t *fpscr);

/* FPToFixed: round(a * 2^frac_bits) with rmode (0 nearest, 1 +inf, 2 -inf,
 * 3 zero, 4 nearest with ties away), saturated to a size-bit (16 or 32) signed/unsigned integer with
 * Invalid on overflow or NaN (NaN gives 0). The result comes sign- or
 * zero-extended to 64 bits. */
uint64_t vfp_f32_to_fixed(uint32_t a, unsigned size, unsigned frac_bits,
                          bool is_signed, unsigned rmode, uint32_t *fpscr);
uint64_t vfp_f64_to_fixed(uint64_t a, unsigned size, unsigned frac_bits,
                          bool is_signed, unsigned rmode, uint32_t *fpscr);

/* FixedToFP: the low size bits of value (signed or unsigned) times
 * 2^-frac_bits, rounded with rmode (0..3), or with FPSCR.RMode when rmode
 * is VFP_RMODE_FPSCR. VCVT from integer uses FPSCR.RMode; VCVT from fixed
 * point always rounds to nearest (ARM ARM: round_to_nearest = TRUE). */
#define VFP_RMODE_FPSCR (-1)
uint32_t vfp_fixed_to_f32(uint32_t value, unsigned size, unsigned frac_bits,
                          bool is_signed, int rmode, uint32_t *fpscr);
uint64_t vfp_fixed_to_f64(uint32_t value, unsigned size, unsigned frac_bits,
                          bool is_signed, int rmode, uint32_t *fpscr);

/* FPRoundInt (VRINT*): a rounded to an integral value in its own format
 * with rmode (0..4 as for FPToFixed). Inexact is signalled only with
 * signal_inexact (VRINTX). */
uint32_t vfp_round_int32(uint32_t a, unsigned rmode, bool signal_inexact,
                         uint32_t *fpscr);
uint64_t vfp_round_int64(uint64_t a, unsigned rmode, bool signal_inexact,
                         uint32_t *fpscr);

/* VJCVT: a toward zero as an integer modulo 2^32. *exact is the Z result
 * (exact, in range and not -0.0); FPSCR gets IOC, IXC or IDC. */
uint32_t vfp_f64_to_js_int32(uint64_t a, bool *exact, uint32_t *fpscr);

#endif
