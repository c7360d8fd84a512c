/*
 * VFP scalar arithmetic with ARM semantics (ARM ARM FPAdd, FPMul, FPDiv,
 * FPSqrt, FPMulAdd, FPMaxNum, FPMinNum, FPCompare), identical on x86-64
 * and AArch64 hosts.
 *
 * Operands and results are bit patterns. Every function reads the control
 * bits of *fpscr (RMode, FZ, DN) and ORs the cumulative exception flags
 * (IOC, DZC, OFC, UFC, IXC, IDC) into it.
 */
#ifndef A32RUN_EXEC_VFP_ARITH_H
#define A32RUN_EXEC_VFP_ARITH_H

#include <stdint.h>
#include <stdbool.h>

uint32_t vfp_add32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint32_t vfp_sub32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint32_t vfp_mul32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint32_t vfp_div32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint32_t vfp_sqrt32(uint32_t a, uint32_t *fpscr);
/* addend + a * b with a single rounding; NaN priority addend, a, b. */
uint32_t vfp_muladd32(uint32_t addend, uint32_t a, uint32_t b, uint32_t *fpscr);

uint64_t vfp_add64(uint64_t a, uint64_t b, uint32_t *fpscr);
uint64_t vfp_sub64(uint64_t a, uint64_t b, uint32_t *fpscr);
uint64_t vfp_mul64(uint64_t a, uint64_t b, uint32_t *fpscr);
uint64_t vfp_div64(uint64_t a, uint64_t b, uint32_t *fpscr);
uint64_t vfp_sqrt64(uint64_t a, uint32_t *fpscr);
uint64_t vfp_muladd64(uint64_t addend, uint64_t a, uint64_t b, uint32_t *fpscr);

/* FPMaxNum / FPMinNum (ARMv8 VMAXNM, VMINNM). */
uint32_t vfp_maxnum32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint32_t vfp_minnum32(uint32_t a, uint32_t b, uint32_t *fpscr);
uint64_t vfp_maxnum64(uint64_t a, uint64_t b, uint32_t *fpscr);
uint64_t vfp_minnum64(uint64_t a, uint64_t b, uint32_t *fpscr);

/* FPCompare: returns NZCV in bits 31..28 (equal 0110, less 1000, greater
 * 0010, unordered 0011). quiet_nan_signals: VCMPE (Invalid for any NaN),
 * else only signalling NaNs raise Invalid. */
uint32_t vfp_compare32(uint32_t a, uint32_t b, bool quiet_nan_signals,
                       uint32_t *fpscr);
uint32_t vfp_compare64(uint64_t a, uint64_t b, bool quiet_nan_signals,
                       uint32_t *fpscr);

static inline uint32_t vfp_neg32(uint32_t a) { return a ^ 0x80000000u; }
static inline uint64_t vfp_neg64(uint64_t a) { return a ^ (1ull << 63); }
static inline uint32_t vfp_abs32(uint32_t a) { return a & 0x7fffffffu; }
static inline uint64_t vfp_abs64(uint64_t a) { return a & ~(1ull << 63); }

#endif
