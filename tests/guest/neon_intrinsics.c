/*
 * Advanced SIMD through the ACLE intrinsics of <arm_neon.h> and through
 * loops the compiler vectorises (-O3): lane moves between core and NEON
 * registers (8/16/32-bit, signed and unsigned), VDUP from core registers,
 * table lookups, saturating and widening arithmetic, float kernels
 * (dot products, reciprocal refinement), and a conditional NEON
 * instruction inside a Thumb IT block. Prints the results.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=neon-vfpv4 -O3
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 203

static uint8_t a8[N], b8[N], c8[N];
static int16_t a16[N], b16[N], c16[N];
static int32_t a32[N], b32[N], c32[N];
static float fa[N], fb[N], fc[N];

static uint32_t hash32(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

static void __attribute__((noinline)) vector_loops(void)
{
    for (int i = 0; i < N; i++)
        c8[i] = (uint8_t)(a8[i] + b8[i]);
    printf("add8 %08x\n", hash32(c8, N));
    for (int i = 0; i < N; i++)
        c8[i] = a8[i] > b8[i] ? a8[i] : b8[i];
    printf("max8 %08x\n", hash32(c8, N));
    for (int i = 0; i < N; i++) {
        int v = a8[i] + b8[i];
        c8[i] = (uint8_t)(v > 255 ? 255 : v);
    }
    printf("sat8 %08x\n", hash32(c8, N));
    for (int i = 0; i < N; i++)
        c16[i] = (int16_t)(a16[i] * b16[i]);
    printf("mul16 %08x\n", hash32(c16, sizeof c16));
    for (int i = 0; i < N; i++)
        c32[i] = a32[i] * 3 + (b32[i] >> 2);
    printf("madd32 %08x\n", hash32(c32, sizeof c32));
    for (int i = 0; i < N; i++)
        c32[i] = (int32_t)a16[i] * b16[i];
    printf("widen %08x\n", hash32(c32, sizeof c32));
    int64_t sum = 0;
    for (int i = 0; i < N; i++)
        sum += a32[i];
    printf("sum64 %lld\n", (long long)sum);
    for (int i = 0; i < N; i++)
        fc[i] = fa[i] * fb[i] + fc[i];
    printf("fmla %08x\n", hash32(fc, sizeof fc));
    for (int i = 0; i < N; i++)
        c32[i] = (int32_t)fa[i];
    printf("cvt %08x\n", hash32(c32, sizeof c32));
    for (int i = 0; i < N; i++)
        fc[i] = (float)a32[i] * 0.5f;
    printf("cvtf %08x\n", hash32(fc, sizeof fc));
    for (int i = 0; i < N; i++)
        c8[i] = (uint8_t)(a8[i] >> 3 | b8[i] << 2);
    printf("shifts %08x\n", hash32(c8, N));
    for (int i = 0; i < N; i++)
        c16[i] = (int16_t)(a16[i] < 0 ? -a16[i] : a16[i]);
    printf("abs16 %08x\n", hash32(c16, sizeof c16));
}

static void intrinsics(void)
{
    uint8x16_t u8 = vld1q_u8(a8), v8 = vld1q_u8(b8);
    int16x8_t s16 = vld1q_s16(a16), t16 = vld1q_s16(b16);
    int32x4_t s32 = vld1q_s32(a32), t32 = vld1q_s32(b32);
    float32x4_t f = vld1q_f32(fa), g = vld1q_f32(fb);

    /* Lane moves (VMOV core <-> scalar, all sizes). */
    printf("lanes %u %u %d %d %u %d\n", vgetq_lane_u8(u8, 13), vget_lane_u8(vget_low_u8(v8), 2),
           vgetq_lane_s16(s16, 5), (int)vget_lane_s8(vreinterpret_s8_u8(vget_high_u8(u8)), 7),
           vgetq_lane_u16(vreinterpretq_u16_s16(t16), 7), vgetq_lane_s32(s32, 3));
    u8 = vsetq_lane_u8(0x5a, u8, 9);
    s16 = vsetq_lane_s16(-1234, s16, 6);
    s32 = vsetq_lane_s32(77, s32, 2);
    printf("set %08x %08x %08x\n", hash32(&u8, 16), hash32(&s16, 16), hash32(&s32, 16));

    /* VDUP from core registers and scalars. */
    volatile uint8_t k8 = 0xc3;
    volatile int16_t k16 = -300;
    volatile int32_t k32 = 123456;
    uint8x16_t d8 = vdupq_n_u8(k8);
    int16x4_t d16 = vdup_n_s16(k16);
    int32x4_t d32 = vdupq_n_s32(k32);
    int16x8_t dl = vdupq_lane_s16(vget_low_s16(t16), 3);
    printf("dup %08x %08x %08x %08x\n", hash32(&d8, 16), hash32(&d16, 8), hash32(&d32, 16),
           hash32(&dl, 16));

    /* Table lookups. */
    uint8x8x2_t tbl = { { vget_low_u8(u8), vget_high_u8(u8) } };
    uint8x8_t idx = vand_u8(vget_low_u8(v8), vdup_n_u8(0x1f));
    uint8x8_t r1 = vtbl2_u8(tbl, idx);
    uint8x8_t r2 = vtbx2_u8(vget_low_u8(v8), tbl, idx);
    printf("tbl %08x %08x\n", hash32(&r1, 8), hash32(&r2, 8));

    /* Saturating and widening. */
    int16x8_t qa = vqaddq_s16(s16, t16), qs = vqsubq_s16(s16, t16);
    int32x4_t ml = vmull_s16(vget_low_s16(s16), vget_high_s16(t16));
    int32x4_t qd = vqdmull_s16(vget_low_s16(s16), vget_low_s16(t16));
    int16x4_t nr = vqmovn_s32(vaddq_s32(s32, t32));
    uint8x8_t un = vqmovun_s16(s16);
    printf("sat %08x %08x %08x %08x %08x %08x\n", hash32(&qa, 16), hash32(&qs, 16),
           hash32(&ml, 16), hash32(&qd, 16), hash32(&nr, 8), hash32(&un, 8));
    uint32_t fpscr;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(fpscr));
    printf("qc %u\n", (fpscr >> 27) & 1);

    /* Float kernels. */
    float32x4_t acc = vdupq_n_f32(0);
    for (int i = 0; i + 4 <= N; i += 4)
        acc = vmlaq_f32(acc, vld1q_f32(fa + i), vld1q_f32(fb + i));
    float32x2_t s2 = vpadd_f32(vget_low_f32(acc), vget_high_f32(acc));
    s2 = vpadd_f32(s2, s2);
    float32x4_t rcp = vrecpeq_f32(g);
    rcp = vmulq_f32(vrecpsq_f32(g, rcp), rcp);
    rcp = vmulq_f32(vrecpsq_f32(g, rcp), rcp);
    float32x4_t rsq = vrsqrteq_f32(vabsq_f32(f));
    rsq = vmulq_f32(vrsqrtsq_f32(vmulq_f32(vabsq_f32(f), rsq), rsq), rsq);
    float32x4_t fm = vfmaq_f32(f, f, g);
    uint32x4_t cmp = vcgtq_f32(f, g);
    int32x4_t cv = vcvtq_n_s32_f32(f, 8);
    printf("float %08x %08x %08x %08x %08x %08x\n", hash32(&s2, 8), hash32(&rcp, 16),
           hash32(&rsq, 16), hash32(&fm, 16), hash32(&cmp, 16), hash32(&cv, 16));

    /* Structure loads/stores. */
    uint8x16x3_t rgb = vld3q_u8(a8);
    uint8x16_t gray = vhaddq_u8(vhaddq_u8(rgb.val[0], rgb.val[2]), rgb.val[1]);
    int16x4x4_t q4 = vld4_s16(a16);
    int16x4_t m4 = vmax_s16(vmax_s16(q4.val[0], q4.val[1]), vmin_s16(q4.val[2], q4.val[3]));
    uint8_t out[48];
    vst3q_u8(out, rgb);
    printf("struct %08x %08x %08x\n", hash32(&gray, 16), hash32(&m4, 8), hash32(out, 48));
}

/* Thumb: an IT block makes a NEON instruction conditional. */
#ifdef __thumb__
static uint32_t it_block(uint32_t flag)
{
    uint32_t lo, hi;
    __asm__ volatile("vmov.i32 d16, #0\n\t"
                     "cmp %2, #0\n\t"
                     "it ne\n\t"
                     "vmovne.i32 d16, #0x55\n\t"
                     "vmov %0, %1, d16\n\t"
                     : "=r"(lo), "=r"(hi) : "r"(flag) : "d16", "cc");
    return lo + 2 * hi;
}
#endif

int main(void)
{
    uint32_t x = 1;
    for (int i = 0; i < N; i++) {
        x = x * 1664525u + 1013904223u;
        a8[i] = (uint8_t)(x >> 24);
        b8[i] = (uint8_t)(x >> 16);
        a16[i] = (int16_t)(x >> 8);
        b16[i] = (int16_t)(x >> 3);
        a32[i] = (int32_t)x;
        b32[i] = (int32_t)(x * 7);
        fa[i] = (float)(int32_t)(x >> 12) / 1024.0f;
        fb[i] = (float)(int32_t)(x % 4000) / 128.0f + 0.25f;
        fc[i] = (float)i;
    }
    vector_loops();
    intrinsics();
#ifdef __thumb__
    printf("it %x %x\n", it_block(0), it_block(1));
#else
    printf("it 0 0\n");
#endif
    return 0;
}
