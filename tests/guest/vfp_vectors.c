/*
 * VFP operation vectors: runs every scalar VFP operation on special and
 * pseudo-random operands under several FPSCR settings (rounding modes,
 * FZ, DN, AHP) and prints operands, FPSCR in, result and FPSCR out.
 * tests/unit/vfp_vectors_test.c generates the same lines from a32run's
 * helpers; its reference hashes come from this program under qemu-arm.
 *
 * Build: arm-linux-gnueabihf-gcc -static -O2 -mfpu=vfpv4 [-marm|-mthumb]
 * Keep the case generation identical to the unit test's. Without
 * arguments it prints every 16th case (a quick end-to-end check of the
 * decoders and executor); "full" prints all cases, which is what the unit
 * test's reference hashes were made from.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=vfpv4
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* ---- case generation (shared shape with the unit test) ---------------- */
#include "../common/vfp_cases.h"

/* ---- operations under test -------------------------------------------- */
static float f_(uint32_t v) { float f; memcpy(&f, &v, 4); return f; }
static uint32_t u_(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }
static double d_(uint64_t v) { double f; memcpy(&f, &v, 8); return f; }
static uint64_t q_(double f) { uint64_t v; memcpy(&v, &f, 8); return v; }

#define ASM_PRE "vmsr fpscr, %[f]\n\t"
#define ASM_POST "\n\tvmrs %[f], fpscr\n\tvmsr fpscr, %[z]"

#define OP32(fn, text)                                                       \
static uint32_t fn(uint32_t a, uint32_t b, uint32_t c, uint32_t *fp)         \
{                                                                            \
    float x = f_(a), y = f_(b), r = f_(c);                                   \
    uint32_t f = *fp;                                                        \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+t"(r)                              \
                     : [a] "t"(x), [b] "t"(y), [z] "r"(0) : "memory");       \
    *fp = f;                                                                 \
    return u_(r);                                                            \
}
#define OP64(fn, text)                                                       \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t *fp)         \
{                                                                            \
    double x = d_(a), y = d_(b), r = d_(c);                                  \
    uint32_t f = *fp;                                                        \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "+w"(r)                              \
                     : [a] "w"(x), [b] "w"(y), [z] "r"(0) : "memory");       \
    *fp = f;                                                                 \
    return q_(r);                                                            \
}

OP32(add32, "vadd.f32 %[r], %[a], %[b]")
OP32(sub32, "vsub.f32 %[r], %[a], %[b]")
OP32(mul32, "vmul.f32 %[r], %[a], %[b]")
OP32(div32, "vdiv.f32 %[r], %[a], %[b]")
OP32(nmul32, "vnmul.f32 %[r], %[a], %[b]")
OP32(mla32, "vmla.f32 %[r], %[a], %[b]")
OP32(mls32, "vmls.f32 %[r], %[a], %[b]")
OP32(nmla32, "vnmla.f32 %[r], %[a], %[b]")
OP32(nmls32, "vnmls.f32 %[r], %[a], %[b]")
OP32(fma32, "vfma.f32 %[r], %[a], %[b]")
OP32(fms32, "vfms.f32 %[r], %[a], %[b]")
OP32(fnma32, "vfnma.f32 %[r], %[a], %[b]")
OP32(fnms32, "vfnms.f32 %[r], %[a], %[b]")
OP32(sqrt32, "vsqrt.f32 %[r], %[a]")
OP32(abs32, "vabs.f32 %[r], %[a]")
OP32(neg32, "vneg.f32 %[r], %[a]")
OP32(cmp32, "vcmp.f32 %[a], %[b]")
OP32(cmpe32, "vcmpe.f32 %[a], %[b]")
OP32(cmpz32, "vcmp.f32 %[a], #0")
OP32(cmpez32, "vcmpe.f32 %[a], #0")
OP32(tos32, "vcvt.s32.f32 %[r], %[a]")
OP32(tou32, "vcvt.u32.f32 %[r], %[a]")
OP32(tosr32, "vcvtr.s32.f32 %[r], %[a]")
OP32(tour32, "vcvtr.u32.f32 %[r], %[a]")
OP32(froms32, "vcvt.f32.s32 %[r], %[a]")
OP32(fromu32, "vcvt.f32.u32 %[r], %[a]")
OP32(tofixs16_32, "vmov.f32 %[r], %[a]\n\tvcvt.s16.f32 %[r], %[r], #3")
OP32(tofixu16_32, "vmov.f32 %[r], %[a]\n\tvcvt.u16.f32 %[r], %[r], #16")
OP32(tofixs32_32, "vmov.f32 %[r], %[a]\n\tvcvt.s32.f32 %[r], %[r], #7")
OP32(tofixu32_32, "vmov.f32 %[r], %[a]\n\tvcvt.u32.f32 %[r], %[r], #32")
OP32(fromfixs16_32, "vmov.f32 %[r], %[a]\n\tvcvt.f32.s16 %[r], %[r], #5")
OP32(fromfixu16_32, "vmov.f32 %[r], %[a]\n\tvcvt.f32.u16 %[r], %[r], #1")
OP32(fromfixs32_32, "vmov.f32 %[r], %[a]\n\tvcvt.f32.s32 %[r], %[r], #32")
OP32(fromfixu32_32, "vmov.f32 %[r], %[a]\n\tvcvt.f32.u32 %[r], %[r], #9")
OP32(tohalfb, "vcvtb.f16.f32 %[r], %[a]")
OP32(tohalft, "vcvtt.f16.f32 %[r], %[a]")
OP32(fromhalfb, "vcvtb.f32.f16 %[r], %[a]")
OP32(fromhalft, "vcvtt.f32.f16 %[r], %[a]")

OP64(add64, "vadd.f64 %P[r], %P[a], %P[b]")
OP64(sub64, "vsub.f64 %P[r], %P[a], %P[b]")
OP64(mul64, "vmul.f64 %P[r], %P[a], %P[b]")
OP64(div64, "vdiv.f64 %P[r], %P[a], %P[b]")
OP64(nmul64, "vnmul.f64 %P[r], %P[a], %P[b]")
OP64(mla64, "vmla.f64 %P[r], %P[a], %P[b]")
OP64(mls64, "vmls.f64 %P[r], %P[a], %P[b]")
OP64(nmla64, "vnmla.f64 %P[r], %P[a], %P[b]")
OP64(nmls64, "vnmls.f64 %P[r], %P[a], %P[b]")
OP64(fma64, "vfma.f64 %P[r], %P[a], %P[b]")
OP64(fms64, "vfms.f64 %P[r], %P[a], %P[b]")
OP64(fnma64, "vfnma.f64 %P[r], %P[a], %P[b]")
OP64(fnms64, "vfnms.f64 %P[r], %P[a], %P[b]")
OP64(sqrt64, "vsqrt.f64 %P[r], %P[a]")
OP64(abs64, "vabs.f64 %P[r], %P[a]")
OP64(neg64, "vneg.f64 %P[r], %P[a]")
OP64(cmp64, "vcmp.f64 %P[a], %P[b]")
OP64(cmpe64, "vcmpe.f64 %P[a], %P[b]")
OP64(cmpz64, "vcmp.f64 %P[a], #0")
OP64(cmpez64, "vcmpe.f64 %P[a], #0")
OP64(tofixs16_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.s16.f64 %P[r], %P[r], #3")
OP64(tofixu16_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.u16.f64 %P[r], %P[r], #16")
OP64(tofixs32_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.s32.f64 %P[r], %P[r], #7")
OP64(tofixu32_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.u32.f64 %P[r], %P[r], #32")
OP64(fromfixs16_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.f64.s16 %P[r], %P[r], #5")
OP64(fromfixu16_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.f64.u16 %P[r], %P[r], #1")
OP64(fromfixs32_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.f64.s32 %P[r], %P[r], #32")
OP64(fromfixu32_64, "vmov.f64 %P[r], %P[a]\n\tvcvt.f64.u32 %P[r], %P[r], #9")

/* Mixed-size conversions: operands in the low word / as a double. */
static uint64_t f64_from_f32(uint64_t a, uint64_t b, uint64_t c, uint32_t *fp)
{
    float x = f_((uint32_t)a); double r; uint32_t f = *fp;
    __asm__ volatile(ASM_PRE "vcvt.f64.f32 %P[r], %[a]" ASM_POST
                     : [f] "+r"(f), [r] "=w"(r) : [a] "t"(x), [z] "r"(0));
    *fp = f; return q_(r);
}
static uint64_t f32_from_f64(uint64_t a, uint64_t b, uint64_t c, uint32_t *fp)
{
    double x = d_(a); float r; uint32_t f = *fp;
    __asm__ volatile(ASM_PRE "vcvt.f32.f64 %[r], %P[a]" ASM_POST
                     : [f] "+r"(f), [r] "=t"(r) : [a] "w"(x), [z] "r"(0));
    *fp = f; return u_(r);
}
#define CVT64_TO_INT(fn, text)                                               \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t *fp)         \
{                                                                            \
    double x = d_(a); float r; uint32_t f = *fp;                             \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "=t"(r) : [a] "w"(x), [z] "r"(0));   \
    *fp = f; return u_(r);                                                   \
}
CVT64_TO_INT(tos64, "vcvt.s32.f64 %[r], %P[a]")
CVT64_TO_INT(tou64, "vcvt.u32.f64 %[r], %P[a]")
CVT64_TO_INT(tosr64, "vcvtr.s32.f64 %[r], %P[a]")
CVT64_TO_INT(tour64, "vcvtr.u32.f64 %[r], %P[a]")
#define CVT_INT_TO64(fn, text)                                               \
static uint64_t fn(uint64_t a, uint64_t b, uint64_t c, uint32_t *fp)         \
{                                                                            \
    float x = f_((uint32_t)a); double r; uint32_t f = *fp;                   \
    __asm__ volatile(ASM_PRE text ASM_POST                                   \
                     : [f] "+r"(f), [r] "=w"(r) : [a] "t"(x), [z] "r"(0));   \
    *fp = f; return q_(r);                                                   \
}
CVT_INT_TO64(froms64, "vcvt.f64.s32 %P[r], %[a]")
CVT_INT_TO64(fromu64, "vcvt.f64.u32 %P[r], %[a]")

typedef uint32_t op32_fn(uint32_t, uint32_t, uint32_t, uint32_t *);
typedef uint64_t op64_fn(uint64_t, uint64_t, uint64_t, uint32_t *);

struct op32 { const char *name; op32_fn *fn; int arity; };
struct op64 { const char *name; op64_fn *fn; int arity; int in32; };

static const struct op32 ops32[] = {
    { "add32", add32, 2 }, { "sub32", sub32, 2 }, { "mul32", mul32, 2 },
    { "div32", div32, 2 }, { "nmul32", nmul32, 2 }, { "mla32", mla32, 3 },
    { "mls32", mls32, 3 }, { "nmla32", nmla32, 3 }, { "nmls32", nmls32, 3 },
    { "fma32", fma32, 3 }, { "fms32", fms32, 3 }, { "fnma32", fnma32, 3 },
    { "fnms32", fnms32, 3 }, { "sqrt32", sqrt32, 1 }, { "abs32", abs32, 1 },
    { "neg32", neg32, 1 }, { "cmp32", cmp32, 2 }, { "cmpe32", cmpe32, 2 },
    { "cmpz32", cmpz32, 1 }, { "cmpez32", cmpez32, 1 },
    { "tos32", tos32, 1 }, { "tou32", tou32, 1 }, { "tosr32", tosr32, 1 },
    { "tour32", tour32, 1 }, { "froms32", froms32, 1 },
    { "fromu32", fromu32, 1 }, { "tofixs16_32", tofixs16_32, 1 },
    { "tofixu16_32", tofixu16_32, 1 }, { "tofixs32_32", tofixs32_32, 1 },
    { "tofixu32_32", tofixu32_32, 1 }, { "fromfixs16_32", fromfixs16_32, 1 },
    { "fromfixu16_32", fromfixu16_32, 1 },
    { "fromfixs32_32", fromfixs32_32, 1 },
    { "fromfixu32_32", fromfixu32_32, 1 }, { "tohalfb", tohalfb, 1 },
    { "tohalft", tohalft, 1 }, { "fromhalfb", fromhalfb, 1 },
    { "fromhalft", fromhalft, 1 },
};
static const struct op64 ops64[] = {
    { "add64", add64, 2, 0 }, { "sub64", sub64, 2, 0 },
    { "mul64", mul64, 2, 0 }, { "div64", div64, 2, 0 },
    { "nmul64", nmul64, 2, 0 }, { "mla64", mla64, 3, 0 },
    { "mls64", mls64, 3, 0 }, { "nmla64", nmla64, 3, 0 },
    { "nmls64", nmls64, 3, 0 }, { "fma64", fma64, 3, 0 },
    { "fms64", fms64, 3, 0 }, { "fnma64", fnma64, 3, 0 },
    { "fnms64", fnms64, 3, 0 }, { "sqrt64", sqrt64, 1, 0 },
    { "abs64", abs64, 1, 0 }, { "neg64", neg64, 1, 0 },
    { "cmp64", cmp64, 2, 0 }, { "cmpe64", cmpe64, 2, 0 },
    { "cmpz64", cmpz64, 1, 0 }, { "cmpez64", cmpez64, 1, 0 },
    { "tofixs16_64", tofixs16_64, 1, 0 }, { "tofixu16_64", tofixu16_64, 1, 0 },
    { "tofixs32_64", tofixs32_64, 1, 0 }, { "tofixu32_64", tofixu32_64, 1, 0 },
    { "fromfixs16_64", fromfixs16_64, 1, 0 },
    { "fromfixu16_64", fromfixu16_64, 1, 0 },
    { "fromfixs32_64", fromfixs32_64, 1, 0 },
    { "fromfixu32_64", fromfixu32_64, 1, 0 },
    { "f64_from_f32", f64_from_f32, 1, 1 }, { "f32_from_f64", f32_from_f64, 1, 0 },
    { "tos64", tos64, 1, 0 }, { "tou64", tou64, 1, 0 },
    { "tosr64", tosr64, 1, 0 }, { "tour64", tour64, 1, 0 },
    { "froms64", froms64, 1, 1 }, { "fromu64", fromu64, 1, 1 },
};

#define RANDOM_CASES 300

int main(int argc, char **argv)
{
    unsigned stride = argc > 1 && strcmp(argv[1], "full") == 0 ? 1 : 16;
    for (unsigned o = 0; o < sizeof ops32 / sizeof ops32[0]; o++) {
        const struct op32 *op = &ops32[o];
        lcg_state = 12345u + o;
        unsigned n = op->arity == 1 ? N32 + RANDOM_CASES : N32 * N32 + RANDOM_CASES;
        for (unsigned i = 0; i < n; i++) {
            uint32_t a, b, c;
            if (op->arity == 1 && i < N32) {
                a = special32[i]; b = 0; c = 0x12345678u;
            } else if (op->arity > 1 && i < N32 * N32) {
                a = special32[i / N32]; b = special32[i % N32];
                c = op->arity == 3 ? special32[lcg() % N32] : 0x12345678u;
            } else {
                a = random32(); b = random32();
                c = op->arity == 3 ? random32() : 0x12345678u;
            }
            if (op->name[0] == 'f' && op->name[4] == 'h') { /* fromhalf */
                a = (a & 0xffffu) | (lcg() << 16);
            }
            if (i % stride)
                continue;
            for (unsigned m = 0; m < NMODES; m++) {
                uint32_t mode = modes[m] | ((m & 1) ? 0x04000000u : 0);
                uint32_t f = mode;
                uint32_t r = op->fn(a, b, c, &f);
                printf("%s %08x %08x %08x %08x -> %08x %08x\n", op->name,
                       a, b, c, mode, r, f);
            }
        }
    }
    for (unsigned o = 0; o < sizeof ops64 / sizeof ops64[0]; o++) {
        const struct op64 *op = &ops64[o];
        lcg_state = 54321u + o;
        unsigned n = op->arity == 1 ? N64 + RANDOM_CASES : N64 * N64 + RANDOM_CASES;
        for (unsigned i = 0; i < n; i++) {
            uint64_t a, b, c;
            if (op->arity == 1 && i < N64) {
                a = special64[i]; b = 0; c = 0x123456789abcdef0ull;
            } else if (op->arity > 1 && i < N64 * N64) {
                a = special64[i / N64]; b = special64[i % N64];
                c = op->arity == 3 ? special64[lcg() % N64] : 0x123456789abcdef0ull;
            } else {
                a = random64(); b = random64();
                c = op->arity == 3 ? random64() : 0x123456789abcdef0ull;
            }
            if (op->in32) {
                uint32_t w = (i & 1) ? (uint32_t)(a >> 32) : (uint32_t)a;
                a = i < N64 ? special32[i % N32] : w;
            }
            if (i % stride)
                continue;
            for (unsigned m = 0; m < NMODES; m++) {
                uint32_t mode = modes[m];
                uint32_t f = mode;
                uint64_t r = op->fn(a, b, c, &f);
                printf("%s %016llx %016llx %016llx %08x -> %016llx %08x\n",
                       op->name, (unsigned long long)a, (unsigned long long)b,
                       (unsigned long long)c, mode, (unsigned long long)r, f);
            }
        }
    }
    return 0;
}
