/*
 * ARMv8 VFP operation vectors: VSEL, VMAXNM/VMINNM, VRINT{A,N,P,M,Z,R,X},
 * VCVT{A,N,P,M}, VCVTB/VCVTT between half and double, VJCVT, on special
 * and pseudo-random operands under several FPSCR settings (rounding modes,
 * FZ, DN, AHP), and VSEL under every APSR.NZCV. Each line gives operands,
 * FPSCR (or NZCV) in, result and FPSCR out.
 * tests/unit/vfp_v8_vectors_test.c generates the same lines from a32run's
 * decoder and executor; its reference hashes come from this program under
 * qemu-arm ("full"). Without arguments it prints every 16th case.
 * Keep the case generation identical to the unit test's.
 */
// variants: arm-O2 thumb-O2
// cflags: -march=armv8.3-a -mfpu=fp-armv8
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* ---- case generation (shared shape with the unit test) ---------------- */
#include "../common/vfp_cases.h"
/* 32-bit lines add AHP on odd FPSCR settings (see the case loop). */

/* ---- operations under test -------------------------------------------- */
static float f_(uint32_t v) { float f; memcpy(&f, &v, 4); return f; }
static uint32_t u_(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }
static double d_(uint64_t v) { double f; memcpy(&f, &v, 8); return f; }
static uint64_t q_(double f) { uint64_t v; memcpy(&v, &f, 8); return v; }

/* n: APSR.NZCV for VSEL (bits 31..28), zero otherwise. */
#define ASM_PRE "msr APSR_nzcvq, %[n]\n\tvmsr fpscr, %[f]\n\t"
#define ASM_POST "\n\tvmrs %[f], fpscr\n\tvmsr fpscr, %[z]"

#define OP32(fn, text)                                                       \
static uint32_t fn(uint32_t a, uint32_t b, uint32_t c, uint32_t n, uint32_t *fp) \
{                                                                            \
    float x = f_(a), y = f_(b), r = f_(c);                                   \
    uint32_t f = *fp;                                                        \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+t"(r)                              \
                     : [a] "t"(x), [b] "t"(y), [n] "r"(n), [z] "r"(0)        \
                     : "memory", "cc");                                      \
    *fp = f;                                                                 \
    return u_(r);                                                            \
}
#define OP64(fn, text)                                                       \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t n, uint32_t *fp) \
{                                                                            \
    double x = d_(a), y = d_(b), r = d_(c);                                  \
    uint32_t f = *fp;                                                        \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+w"(r)                              \
                     : [a] "w"(x), [b] "w"(y), [n] "r"(n), [z] "r"(0)        \
                     : "memory", "cc");                                      \
    *fp = f;                                                                 \
    return q_(r);                                                            \
}
/* Double source, single result (low word of the returned value); the
 * result register starts as the low word of c. */
#define OP64_TO32(fn, text)                                                  \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t n, uint32_t *fp) \
{                                                                            \
    double x = d_(a); float r = f_((uint32_t)c); uint32_t f = *fp;           \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+t"(r)                              \
                     : [a] "w"(x), [n] "r"(n), [z] "r"(0) : "memory", "cc"); \
    *fp = f; return u_(r);                                                   \
}
/* Single source (low word of a), double result. */
#define OP32_TO64(fn, text)                                                  \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t n, uint32_t *fp) \
{                                                                            \
    float x = f_((uint32_t)a); double r = d_(c); uint32_t f = *fp;           \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+w"(r)                              \
                     : [a] "t"(x), [n] "r"(n), [z] "r"(0) : "memory", "cc"); \
    *fp = f; return q_(r);                                                   \
}

OP32(seleq32, "vseleq.f32 %[r], %[a], %[b]")
OP32(selvs32, "vselvs.f32 %[r], %[a], %[b]")
OP32(selge32, "vselge.f32 %[r], %[a], %[b]")
OP32(selgt32, "vselgt.f32 %[r], %[a], %[b]")
OP32(maxnm32, "vmaxnm.f32 %[r], %[a], %[b]")
OP32(minnm32, "vminnm.f32 %[r], %[a], %[b]")
OP32(rinta32, "vrinta.f32 %[r], %[a]")
OP32(rintn32, "vrintn.f32 %[r], %[a]")
OP32(rintp32, "vrintp.f32 %[r], %[a]")
OP32(rintm32, "vrintm.f32 %[r], %[a]")
OP32(rintz32, "vrintz.f32 %[r], %[a]")
OP32(rintr32, "vrintr.f32 %[r], %[a]")
OP32(rintx32, "vrintx.f32 %[r], %[a]")
OP32(cvtas32, "vcvta.s32.f32 %[r], %[a]")
OP32(cvtau32, "vcvta.u32.f32 %[r], %[a]")
OP32(cvtns32, "vcvtn.s32.f32 %[r], %[a]")
OP32(cvtnu32, "vcvtn.u32.f32 %[r], %[a]")
OP32(cvtps32, "vcvtp.s32.f32 %[r], %[a]")
OP32(cvtpu32, "vcvtp.u32.f32 %[r], %[a]")
OP32(cvtms32, "vcvtm.s32.f32 %[r], %[a]")
OP32(cvtmu32, "vcvtm.u32.f32 %[r], %[a]")

OP64(seleq64, "vseleq.f64 %P[r], %P[a], %P[b]")
OP64(selvs64, "vselvs.f64 %P[r], %P[a], %P[b]")
OP64(selge64, "vselge.f64 %P[r], %P[a], %P[b]")
OP64(selgt64, "vselgt.f64 %P[r], %P[a], %P[b]")
OP64(maxnm64, "vmaxnm.f64 %P[r], %P[a], %P[b]")
OP64(minnm64, "vminnm.f64 %P[r], %P[a], %P[b]")
OP64(rinta64, "vrinta.f64 %P[r], %P[a]")
OP64(rintn64, "vrintn.f64 %P[r], %P[a]")
OP64(rintp64, "vrintp.f64 %P[r], %P[a]")
OP64(rintm64, "vrintm.f64 %P[r], %P[a]")
OP64(rintz64, "vrintz.f64 %P[r], %P[a]")
OP64(rintr64, "vrintr.f64 %P[r], %P[a]")
OP64(rintx64, "vrintx.f64 %P[r], %P[a]")
OP64_TO32(cvtas64, "vcvta.s32.f64 %[r], %P[a]")
OP64_TO32(cvtau64, "vcvta.u32.f64 %[r], %P[a]")
OP64_TO32(cvtns64, "vcvtn.s32.f64 %[r], %P[a]")
OP64_TO32(cvtnu64, "vcvtn.u32.f64 %[r], %P[a]")
OP64_TO32(cvtps64, "vcvtp.s32.f64 %[r], %P[a]")
OP64_TO32(cvtpu64, "vcvtp.u32.f64 %[r], %P[a]")
OP64_TO32(cvtms64, "vcvtm.s32.f64 %[r], %P[a]")
OP64_TO32(cvtmu64, "vcvtm.u32.f64 %[r], %P[a]")
OP64_TO32(tohalfb64, "vcvtb.f16.f64 %[r], %P[a]")
OP64_TO32(tohalft64, "vcvtt.f16.f64 %[r], %P[a]")
OP64_TO32(jcvt64, "vjcvt.s32.f64 %[r], %P[a]")
OP32_TO64(fromhalfb64, "vcvtb.f64.f16 %P[r], %[a]")
OP32_TO64(fromhalft64, "vcvtt.f64.f16 %P[r], %[a]")

typedef uint32_t op32_fn(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t *);
typedef uint64_t op64_fn(uint64_t, uint64_t, uint64_t, uint32_t, uint32_t *);

/* arity 0: VSEL (two operands, every NZCV instead of FPSCR settings). */
struct op32 { const char *name; op32_fn *fn; int arity; };
struct op64 { const char *name; op64_fn *fn; int arity; int in32; };

static const struct op32 ops32[] = {
    { "seleq32", seleq32, 0 }, { "selvs32", selvs32, 0 },
    { "selge32", selge32, 0 }, { "selgt32", selgt32, 0 },
    { "maxnm32", maxnm32, 2 }, { "minnm32", minnm32, 2 },
    { "rinta32", rinta32, 1 }, { "rintn32", rintn32, 1 },
    { "rintp32", rintp32, 1 }, { "rintm32", rintm32, 1 },
    { "rintz32", rintz32, 1 }, { "rintr32", rintr32, 1 },
    { "rintx32", rintx32, 1 },
    { "cvtas32", cvtas32, 1 }, { "cvtau32", cvtau32, 1 },
    { "cvtns32", cvtns32, 1 }, { "cvtnu32", cvtnu32, 1 },
    { "cvtps32", cvtps32, 1 }, { "cvtpu32", cvtpu32, 1 },
    { "cvtms32", cvtms32, 1 }, { "cvtmu32", cvtmu32, 1 },
};
static const struct op64 ops64[] = {
    { "seleq64", seleq64, 0, 0 }, { "selvs64", selvs64, 0, 0 },
    { "selge64", selge64, 0, 0 }, { "selgt64", selgt64, 0, 0 },
    { "maxnm64", maxnm64, 2, 0 }, { "minnm64", minnm64, 2, 0 },
    { "rinta64", rinta64, 1, 0 }, { "rintn64", rintn64, 1, 0 },
    { "rintp64", rintp64, 1, 0 }, { "rintm64", rintm64, 1, 0 },
    { "rintz64", rintz64, 1, 0 }, { "rintr64", rintr64, 1, 0 },
    { "rintx64", rintx64, 1, 0 },
    { "cvtas64", cvtas64, 1, 0 }, { "cvtau64", cvtau64, 1, 0 },
    { "cvtns64", cvtns64, 1, 0 }, { "cvtnu64", cvtnu64, 1, 0 },
    { "cvtps64", cvtps64, 1, 0 }, { "cvtpu64", cvtpu64, 1, 0 },
    { "cvtms64", cvtms64, 1, 0 }, { "cvtmu64", cvtmu64, 1, 0 },
    { "tohalfb64", tohalfb64, 1, 0 }, { "tohalft64", tohalft64, 1, 0 },
    { "jcvt64", jcvt64, 1, 0 },
    { "fromhalfb64", fromhalfb64, 1, 1 }, { "fromhalft64", fromhalft64, 1, 1 },
};

#define RANDOM_CASES 300
#define SEL_CASES 40

int main(int argc, char **argv)
{
    unsigned stride = argc > 1 && strcmp(argv[1], "full") == 0 ? 1 : 16;
    for (unsigned o = 0; o < sizeof ops32 / sizeof ops32[0]; o++) {
        const struct op32 *op = &ops32[o];
        lcg_state = 777u + o;
        unsigned n = op->arity == 0 ? SEL_CASES
                   : op->arity == 1 ? N32 + RANDOM_CASES : N32 * N32 + RANDOM_CASES;
        for (unsigned i = 0; i < n; i++) {
            uint32_t a, b, c = 0x12345678u;
            if (op->arity == 0) {
                a = random32(); b = random32();
            } else if (op->arity == 1 && i < N32) {
                a = special32[i]; b = 0;
            } else if (op->arity == 2 && i < N32 * N32) {
                a = special32[i / N32]; b = special32[i % N32];
            } else {
                a = random32(); b = random32();
            }
            if (i % stride && op->arity != 0)
                continue;
            unsigned count = op->arity == 0 ? 16 : NMODES;
            for (unsigned m = 0; m < count; m++) {
                uint32_t nzcv = op->arity == 0 ? m << 28 : 0;
                uint32_t mode = op->arity == 0 ? nzcv
                              : modes[m] | ((m & 1) ? 0x04000000u : 0);
                uint32_t f = op->arity == 0 ? 0 : mode;
                uint32_t r = op->fn(a, b, c, nzcv, &f);
                printf("%s %08x %08x %08x %08x -> %08x %08x\n", op->name,
                       a, b, c, mode, r, f);
            }
        }
    }
    for (unsigned o = 0; o < sizeof ops64 / sizeof ops64[0]; o++) {
        const struct op64 *op = &ops64[o];
        lcg_state = 888u + o;
        unsigned n = op->arity == 0 ? SEL_CASES
                   : op->arity == 1 ? N64 + RANDOM_CASES : N64 * N64 + RANDOM_CASES;
        for (unsigned i = 0; i < n; i++) {
            uint64_t a, b, c = 0x123456789abcdef0ull;
            if (op->arity == 0) {
                a = random64(); b = random64();
            } else if (op->arity == 1 && i < N64) {
                a = special64[i]; b = 0;
            } else if (op->arity == 2 && i < N64 * N64) {
                a = special64[i / N64]; b = special64[i % N64];
            } else {
                a = random64(); b = random64();
            }
            if (op->in32) {     /* half-precision operands in both halves */
                uint32_t w = (i & 1) ? (uint32_t)(a >> 32) : (uint32_t)a;
                a = i < N64 ? special32[i % N32] ^ (uint32_t)(a >> 16) : w;
            }
            if (i % stride && op->arity != 0)
                continue;
            unsigned count = op->arity == 0 ? 16 : NMODES;
            for (unsigned m = 0; m < count; m++) {
                uint32_t nzcv = op->arity == 0 ? m << 28 : 0;
                uint32_t mode = op->arity == 0 ? nzcv
                              : modes[m] | ((m & 1) ? 0x04000000u : 0);
                uint32_t f = op->arity == 0 ? 0 : mode;
                uint64_t r = op->fn(a, b, c, nzcv, &f);
                printf("%s %016llx %016llx %016llx %08x -> %016llx %08x\n",
                       op->name, (unsigned long long)a, (unsigned long long)b,
                       (unsigned long long)c, mode, (unsigned long long)r, f);
            }
        }
    }
    return 0;
}
