/*
 * Advanced SIMD instruction coverage: runs each listed instruction on
 * d0-d7 loaded with pseudo-random and boundary values (saturation limits,
 * shift counts, float specials: zeros, denormals, infinities, quiet and
 * signalling NaNs), 64 times, and prints one hash per instruction over the
 * resulting d0-d7 and FPSCR (cumulative flags and QC). FPSCR starts
 * clear, or with FZ, DN and RMode = toward zero, which NEON must ignore. Compared with qemu-arm by the guest suite.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=neon-vfpv4
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ITER 64

static uint64_t inbuf[8], outbuf[8];
static uint32_t rng = 12345;

static uint32_t next(void)
{
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) | ((rng * 69069u) & 0xffff0000u);
}

static const uint8_t special8[] = { 0, 1, 2, 7, 8, 0x7f, 0x80, 0x81, 0xff, 0xfe,
                                    0x40, 0xc0, 0x3f, 0xf8, 0x10, 0xf0 };
static const uint32_t special32[] = {
    0x00000000, 0x80000000, 0x7fffffff, 0x7f800000, 0xff800000, 0x7fc00000,
    0x7f800001, 0xffc00005, 0x00000001, 0x807fffff, 0x3f800000, 0xbf800000,
    0x00800000, 0x4f000000, 0x5f000000, 0x7e800000, 0x7f7fffff, 0x40000000,
    0x3effffff, 0x00000020, 0xffffffff, 0x0000ffff, 0xffff8000, 0x00007fff,
    0xcf000000, 0x4f800000, 0x3fc00000, 0x47800000, 0xc7000000, 0x38800000,
};

static void fill(int it)
{
    uint32_t *w = (uint32_t *)inbuf;
    uint8_t *b = (uint8_t *)inbuf;
    for (int i = 0; i < 16; i++) {
        switch (it & 3) {
        case 0:
            w[i] = next();
            break;
        case 1:
            for (int k = 0; k < 4; k++)
                b[4 * i + k] = (next() & 1) ? special8[next() % 16] : (uint8_t)next();
            break;
        case 2: {
            float f = (float)((int32_t)(next() % 20001) - 10000) / 64.0f;
            if (next() % 4 == 0)
                f = (float)(int32_t)(next() % 2001 - 1000);
            memcpy(&w[i], &f, 4);
            break;
        }
        default:
            w[i] = special32[next() % (sizeof special32 / sizeof special32[0])];
            if (next() % 4 == 0)
                w[i] ^= next() & 0xffff;
            break;
        }
    }
}

static uint32_t hash;

/* FPSCR before each run: alternately all clear and FZ, DN and round toward
 * zero set (NEON arithmetic must ignore them and use the standard value). */
static uint32_t fpscr_in(int it)
{
    return (it & 1) ? 0x03c00000u : 0;
}

static void mix(uint32_t fpscr)
{
    const uint8_t *b = (const uint8_t *)outbuf;
    for (int i = 0; i < 64; i++)
        hash = (hash ^ b[i]) * 16777619u;
    hash = (hash ^ fpscr) * 16777619u;
}

#define T(insn)                                                              \
    do {                                                                     \
        hash = 2166136261u;                                                  \
        for (int it = 0; it < ITER; it++) {                                  \
            uint32_t fpscr;                                                  \
            fill(it);                                                        \
            __asm__ volatile("vldmia %[in], {d0-d7}\n\t"                     \
                             "vmsr fpscr, %[z]\n\t"                          \
                             insn "\n\t"                                     \
                             "vmrs %[f], fpscr\n\t"                          \
                             "vstmia %[out], {d0-d7}\n\t"                    \
                             : [f] "=r"(fpscr)                               \
                             : [in] "r"(inbuf), [out] "r"(outbuf), [z] "r"(fpscr_in(it)) \
                             : "d0", "d1", "d2", "d3", "d4", "d5", "d6",     \
                               "d7", "memory");                              \
            mix(fpscr);                                                      \
        }                                                                    \
        printf("%-32s %08x\n", insn, hash);                                  \
    } while (0)

int main(void)
{
    T("vand q0, q1, q2");
    T("vbic q0, q1, q2");
    T("vorr d0, d1, d2");
    T("vorn q0, q1, q2");
    T("veor q0, q1, q2");
    T("vbsl q0, q1, q2");
    T("vbit q0, q1, q2");
    T("vbif d0, d1, d2");
    T("vmov q0, q1");
    T("vmov.i8 q0, #0xa5");
    T("vmov.i16 q0, #0x5a00");
    T("vmov.i32 d0, #0x00ab0000");
    T("vmov.i32 q0, #0xcd000000");
    T("vmov.i32 q0, #0x12ff");
    T("vmov.i32 q0, #0x34ffff");
    T("vmov.i64 q0, #0xff00ff0000ffff00");
    T("vmov.f32 q0, #-1.25");
    T("vmvn.i32 q0, #0x7f");
    T("vmvn.i16 d0, #0x1200");
    T("vmvn.i32 q0, #0x56ff");
    T("vorr.i32 q0, #0x00450000");
    T("vorr.i16 d0, #0x0077");
    T("vbic.i32 q0, #0x11000000");
    T("vbic.i16 q0, #0xff00");
    T("vdup.8 q0, d2[5]");
    T("vdup.16 d0, d3[3]");
    T("vdup.32 q0, d1[1]");
    T("vext.8 q0, q1, q2, #3");
    T("vext.8 d0, d1, d2, #7");
    T("vext.8 q0, q1, q2, #15");
    T("vrev64.8 q0, q1");
    T("vrev64.16 d0, d1");
    T("vrev64.32 q0, q1");
    T("vrev32.8 q0, q1");
    T("vrev32.16 d0, d1");
    T("vrev16.8 q0, q1");
    T("vswp q0, q1");
    T("vtrn.8 q0, q1");
    T("vtrn.16 d0, d1");
    T("vtrn.32 q0, q1");
    T("vuzp.8 q0, q1");
    T("vuzp.16 d0, d1");
    T("vuzp.32 q0, q1");
    T("vzip.8 q0, q1");
    T("vzip.16 d0, d1");
    T("vzip.32 q0, q1");
    T("vtbl.8 d0, {d2}, d1");
    T("vtbl.8 d0, {d2-d3}, d1");
    T("vtbl.8 d0, {d2-d4}, d1");
    T("vtbl.8 d0, {d2-d5}, d1");
    T("vtbx.8 d0, {d2}, d1");
    T("vtbx.8 d0, {d2-d5}, d7");
    T("vhadd.s8 q0, q1, q2");
    T("vhadd.u16 q0, q1, q2");
    T("vhadd.s32 d0, d1, d2");
    T("vrhadd.u8 q0, q1, q2");
    T("vrhadd.s32 q0, q1, q2");
    T("vhsub.u8 q0, q1, q2");
    T("vhsub.s16 q0, q1, q2");
    T("vqadd.s8 q0, q1, q2");
    T("vqadd.u8 q0, q1, q2");
    T("vqadd.s16 q0, q1, q2");
    T("vqadd.u32 q0, q1, q2");
    T("vqadd.s64 q0, q1, q2");
    T("vqadd.u64 d0, d1, d2");
    T("vqsub.s8 q0, q1, q2");
    T("vqsub.u16 q0, q1, q2");
    T("vqsub.s32 q0, q1, q2");
    T("vqsub.s64 q0, q1, q2");
    T("vqsub.u64 q0, q1, q2");
    T("vadd.i8 q0, q1, q2");
    T("vadd.i16 d0, d1, d2");
    T("vadd.i32 q0, q1, q2");
    T("vadd.i64 q0, q1, q2");
    T("vsub.i8 q0, q1, q2");
    T("vsub.i64 q0, q1, q2");
    T("vcgt.s8 q0, q1, q2");
    T("vcgt.u16 q0, q1, q2");
    T("vcge.s32 q0, q1, q2");
    T("vcge.u8 d0, d1, d2");
    T("vceq.i16 q0, q1, q2");
    T("vtst.i8 q0, q1, q2");
    T("vtst.32 q0, q1, q2");
    T("vshl.s8 q0, q1, q2");
    T("vshl.u16 q0, q1, q2");
    T("vshl.s32 q0, q1, q2");
    T("vshl.u64 q0, q1, q2");
    T("vqshl.s8 q0, q1, q2");
    T("vqshl.u16 q0, q1, q2");
    T("vqshl.s64 q0, q1, q2");
    T("vrshl.s8 q0, q1, q2");
    T("vrshl.u32 q0, q1, q2");
    T("vrshl.s64 q0, q1, q2");
    T("vqrshl.s16 q0, q1, q2");
    T("vqrshl.u8 q0, q1, q2");
    T("vqrshl.u64 q0, q1, q2");
    T("vmax.s8 q0, q1, q2");
    T("vmax.u32 q0, q1, q2");
    T("vmin.s16 q0, q1, q2");
    T("vmin.u8 d0, d1, d2");
    T("vabd.s8 q0, q1, q2");
    T("vabd.u16 q0, q1, q2");
    T("vabd.s32 q0, q1, q2");
    T("vaba.u8 q0, q1, q2");
    T("vaba.s32 q0, q1, q2");
    T("vmul.i8 q0, q1, q2");
    T("vmul.i16 q0, q1, q2");
    T("vmul.i32 q0, q1, q2");
    T("vmul.p8 q0, q1, q2");
    T("vmla.i8 q0, q1, q2");
    T("vmla.i32 q0, q1, q2");
    T("vmls.i16 q0, q1, q2");
    T("vpmax.s8 d0, d1, d2");
    T("vpmax.u16 d0, d1, d2");
    T("vpmin.s32 d0, d1, d2");
    T("vpmin.u8 d0, d1, d2");
    T("vpadd.i8 d0, d1, d2");
    T("vpadd.i16 d0, d1, d2");
    T("vpadd.i32 d0, d1, d2");
    T("vqdmulh.s16 q0, q1, q2");
    T("vqdmulh.s32 q0, q1, q2");
    T("vqrdmulh.s16 q0, q1, q2");
    T("vqrdmulh.s32 d0, d1, d2");
    T("vaddl.s8 q0, d2, d3");
    T("vaddl.u16 q0, d2, d3");
    T("vaddl.u32 q0, d2, d3");
    T("vaddw.s8 q0, q1, d4");
    T("vaddw.u32 q0, q1, d4");
    T("vsubl.u8 q0, d2, d3");
    T("vsubl.s32 q0, d2, d3");
    T("vsubw.s16 q0, q1, d4");
    T("vaddhn.i16 d0, q1, q2");
    T("vaddhn.i64 d0, q1, q2");
    T("vraddhn.i32 d0, q1, q2");
    T("vsubhn.i16 d0, q1, q2");
    T("vrsubhn.i64 d0, q1, q2");
    T("vabal.u8 q0, d2, d3");
    T("vabal.s32 q0, d2, d3");
    T("vabdl.s16 q0, d2, d3");
    T("vabdl.u32 q0, d2, d3");
    T("vmlal.s8 q0, d2, d3");
    T("vmlal.u32 q0, d2, d3");
    T("vmlsl.u16 q0, d2, d3");
    T("vmlsl.s32 q0, d2, d3");
    T("vmull.s8 q0, d2, d3");
    T("vmull.u16 q0, d2, d3");
    T("vmull.s32 q0, d2, d3");
    T("vmull.u32 q0, d2, d3");
    T("vmull.p8 q0, d2, d3");
    T("vqdmlal.s16 q0, d2, d3");
    T("vqdmlal.s32 q0, d2, d3");
    T("vqdmlsl.s16 q0, d2, d3");
    T("vqdmlsl.s32 q0, d2, d3");
    T("vqdmull.s16 q0, d2, d3");
    T("vqdmull.s32 q0, d2, d3");
    T("vmla.i16 q0, q1, d4[3]");
    T("vmla.i32 d0, d1, d5[1]");
    T("vmls.i32 q0, q1, d4[0]");
    T("vmul.i16 q0, q1, d6[2]");
    T("vmul.i32 d0, d1, d7[1]");
    T("vmlal.s16 q0, d2, d4[1]");
    T("vmlal.u32 q0, d2, d5[1]");
    T("vmlsl.u16 q0, d2, d7[3]");
    T("vmull.s16 q0, d2, d4[2]");
    T("vmull.u32 q0, d2, d4[0]");
    T("vqdmlal.s16 q0, d2, d4[1]");
    T("vqdmlsl.s32 q0, d2, d5[1]");
    T("vqdmull.s16 q0, d2, d6[0]");
    T("vqdmull.s32 q0, d2, d6[1]");
    T("vqdmulh.s16 q0, q1, d4[3]");
    T("vqdmulh.s32 q0, q1, d5[0]");
    T("vqrdmulh.s16 d0, d1, d6[1]");
    T("vqrdmulh.s32 q0, q1, d7[1]");
    T("vshr.s8 q0, q1, #3");
    T("vshr.u8 q0, q1, #8");
    T("vshr.s16 q0, q1, #16");
    T("vshr.u32 q0, q1, #1");
    T("vshr.s64 q0, q1, #64");
    T("vshr.u64 q0, q1, #17");
    T("vsra.s8 q0, q1, #2");
    T("vsra.u64 q0, q1, #64");
    T("vrshr.s8 q0, q1, #3");
    T("vrshr.u16 q0, q1, #16");
    T("vrshr.s64 q0, q1, #64");
    T("vrshr.u64 q0, q1, #63");
    T("vrsra.s32 q0, q1, #31");
    T("vrsra.u8 q0, q1, #8");
    T("vsri.8 q0, q1, #3");
    T("vsri.32 q0, q1, #32");
    T("vsri.64 q0, q1, #5");
    T("vshl.i8 q0, q1, #3");
    T("vshl.i16 q0, q1, #15");
    T("vshl.i64 q0, q1, #33");
    T("vsli.8 q0, q1, #0");
    T("vsli.16 q0, q1, #9");
    T("vsli.64 q0, q1, #63");
    T("vqshl.s8 q0, q1, #3");
    T("vqshl.u16 q0, q1, #5");
    T("vqshl.s32 q0, q1, #31");
    T("vqshl.u64 q0, q1, #40");
    T("vqshlu.s8 q0, q1, #2");
    T("vqshlu.s64 q0, q1, #7");
    T("vqshlu.s32 d0, d1, #0");
    T("vshrn.i16 d0, q1, #3");
    T("vshrn.i64 d0, q1, #32");
    T("vrshrn.i32 d0, q1, #7");
    T("vqshrn.s16 d0, q1, #2");
    T("vqshrn.u32 d0, q1, #16");
    T("vqshrn.s64 d0, q1, #1");
    T("vqrshrn.u16 d0, q1, #8");
    T("vqrshrn.s32 d0, q1, #3");
    T("vqshrun.s16 d0, q1, #3");
    T("vqshrun.s64 d0, q1, #32");
    T("vqrshrun.s32 d0, q1, #1");
    T("vshll.s8 q0, d2, #3");
    T("vshll.u16 q0, d2, #15");
    T("vshll.i8 q0, d2, #8");
    T("vshll.i16 q0, d2, #16");
    T("vshll.i32 q0, d2, #32");
    T("vmovl.u8 q0, d2");
    T("vmovl.s16 q0, d2");
    T("vpaddl.s8 q0, q1");
    T("vpaddl.u16 d0, d1");
    T("vpaddl.u32 q0, q1");
    T("vpadal.s8 q0, q1");
    T("vpadal.u32 d0, d1");
    T("vcls.s8 q0, q1");
    T("vcls.s16 q0, q1");
    T("vcls.s32 d0, d1");
    T("vclz.i8 q0, q1");
    T("vclz.i16 q0, q1");
    T("vclz.i32 q0, q1");
    T("vcnt.8 q0, q1");
    T("vmvn q0, q1");
    T("vqabs.s8 q0, q1");
    T("vqabs.s32 q0, q1");
    T("vqneg.s16 q0, q1");
    T("vqneg.s8 d0, d1");
    T("vabs.s8 q0, q1");
    T("vabs.s32 q0, q1");
    T("vneg.s16 q0, q1");
    T("vcgt.s8 q0, q1, #0");
    T("vcge.s16 q0, q1, #0");
    T("vceq.i32 q0, q1, #0");
    T("vcle.s8 d0, d1, #0");
    T("vclt.s32 q0, q1, #0");
    T("vmovn.i16 d0, q1");
    T("vmovn.i64 d0, q1");
    T("vqmovn.s16 d0, q1");
    T("vqmovn.u32 d0, q1");
    T("vqmovn.s64 d0, q1");
    T("vqmovun.s16 d0, q1");
    T("vqmovun.s64 d0, q1");
    T("vrecpe.u32 q0, q1");
    T("vrsqrte.u32 q0, q1");
    T("vrecpe.f32 q0, q1");
    T("vrsqrte.f32 q0, q1");
    T("vadd.f32 q0, q1, q2");
    T("vsub.f32 q0, q1, q2");
    T("vmul.f32 q0, q1, q2");
    T("vabd.f32 q0, q1, q2");
    T("vmla.f32 q0, q1, q2");
    T("vmls.f32 q0, q1, q2");
    T("vfma.f32 q0, q1, q2");
    T("vfms.f32 q0, q1, q2");
    T("vmax.f32 q0, q1, q2");
    T("vmin.f32 q0, q1, q2");
    T("vpadd.f32 d0, d1, d2");
    T("vpmax.f32 d0, d1, d2");
    T("vpmin.f32 d0, d1, d2");
    T("vceq.f32 q0, q1, q2");
    T("vcge.f32 q0, q1, q2");
    T("vcgt.f32 q0, q1, q2");
    T("vacge.f32 q0, q1, q2");
    T("vacgt.f32 q0, q1, q2");
    T("vrecps.f32 q0, q1, q2");
    T("vrsqrts.f32 q0, q1, q2");
    T("vmul.f32 q0, q1, d4[1]");
    T("vmla.f32 q0, q1, d5[0]");
    T("vmls.f32 d0, d1, d6[1]");
    T("vabs.f32 q0, q1");
    T("vneg.f32 q0, q1");
    T("vcgt.f32 q0, q1, #0");
    T("vcge.f32 q0, q1, #0");
    T("vceq.f32 q0, q1, #0");
    T("vcle.f32 q0, q1, #0");
    T("vclt.f32 q0, q1, #0");
    T("vcvt.f32.s32 q0, q1");
    T("vcvt.f32.u32 q0, q1");
    T("vcvt.s32.f32 q0, q1");
    T("vcvt.u32.f32 q0, q1");
    T("vcvt.f32.s32 q0, q1, #16");
    T("vcvt.f32.u32 q0, q1, #32");
    T("vcvt.s32.f32 q0, q1, #1");
    T("vcvt.u32.f32 q0, q1, #20");
    T("vcvt.f16.f32 d0, q1");
    T("vcvt.f32.f16 q0, d2");
    return 0;
}
