/*
 * neon_dot: an Advanced SIMD benchmark kernel for a32run. Per iteration:
 * an int16 dot product with 32-bit accumulation (VMLAL.S16), a sum of
 * absolute differences over bytes (VABAL.U8), a single-precision dot
 * product (VMLA.F32 into four lane accumulators) and a saturating update of
 * the int16 vector (VQADD/VSHR), so the work cannot be hoisted out of the
 * loop. Built for ARM with <arm_neon.h> intrinsics (-mfpu=neon); elsewhere
 * the same arithmetic in plain C, lane for lane, so every build prints the
 * same checksum.
 *
 * Usage: neon_dot [ITERATIONS]   (default 1000); prints the checksum.
 * Build: arm-linux-gnueabihf-gcc -static -O2 -mfpu=neon-vfpv4 neon_dot.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __ARM_NEON
#include <arm_neon.h>
#endif

#define N 4096

static int16_t a16[N], b16[N];
static uint8_t p8[N], q8[N];
static float xf[N], yf[N];

static void init(void)
{
    uint32_t s = 12345;
    for (int i = 0; i < N; i++) {
        s = s * 1103515245u + 12345u;
        a16[i] = (int16_t)((s >> 8) & 0x7fff) - 0x4000;
        b16[i] = (int16_t)((s >> 16) & 0x3ff) - 0x200;
        p8[i] = (uint8_t)(s >> 3);
        q8[i] = (uint8_t)(s >> 19);
        /* small dyadic values: every product and partial sum is exact */
        xf[i] = (float)((int)(s >> 24) - 128) / 64.0f;
        yf[i] = (float)((int)((s >> 12) & 0xff) - 128) / 32.0f;
    }
}

#ifdef __ARM_NEON
static int32_t dot16(void)
{
    int32x4_t acc = vdupq_n_s32(0);
    for (int i = 0; i < N; i += 8) {
        int16x8_t x = vld1q_s16(a16 + i), y = vld1q_s16(b16 + i);
        acc = vmlal_s16(acc, vget_low_s16(x), vget_low_s16(y));
        acc = vmlal_s16(acc, vget_high_s16(x), vget_high_s16(y));
    }
    int64x2_t wide = vpaddlq_s32(acc);
    return (int32_t)(vgetq_lane_s64(wide, 0) + vgetq_lane_s64(wide, 1));
}

static uint32_t sad8(void)
{
    uint16x8_t acc = vdupq_n_u16(0);
    for (int i = 0; i < N; i += 16) {
        uint8x16_t x = vld1q_u8(p8 + i), y = vld1q_u8(q8 + i);
        acc = vabal_u8(acc, vget_low_u8(x), vget_low_u8(y));
        acc = vabal_u8(acc, vget_high_u8(x), vget_high_u8(y));
    }
    uint64x2_t wide = vpaddlq_u32(vpaddlq_u16(acc));
    return (uint32_t)(vgetq_lane_u64(wide, 0) + vgetq_lane_u64(wide, 1));
}

static float dotf(void)
{
    float32x4_t acc = vdupq_n_f32(0.0f);
    for (int i = 0; i < N; i += 4)
        acc = vmlaq_f32(acc, vld1q_f32(xf + i), vld1q_f32(yf + i));
    return (vgetq_lane_f32(acc, 0) + vgetq_lane_f32(acc, 1)) +
           (vgetq_lane_f32(acc, 2) + vgetq_lane_f32(acc, 3));
}

static void update(int16_t k)
{
    int16x8_t kv = vdupq_n_s16(k);
    for (int i = 0; i < N; i += 8) {
        int16x8_t x = vld1q_s16(a16 + i);
        x = vqaddq_s16(vshrq_n_s16(x, 1), vqaddq_s16(x, kv));
        vst1q_s16(a16 + i, x);
    }
}
#else
static int32_t dot16(void)
{
    int32_t lane[4] = { 0, 0, 0, 0 };
    for (int i = 0; i < N; i += 8)
        for (int j = 0; j < 8; j++)
            lane[j % 4] += (int32_t)a16[i + j] * b16[i + j];
    return (int32_t)((int64_t)lane[0] + lane[1] + ((int64_t)lane[2] + lane[3]));
}

static uint32_t sad8(void)
{
    uint16_t lane[8] = { 0 };
    for (int i = 0; i < N; i += 16)
        for (int j = 0; j < 16; j++)
            lane[j % 8] = (uint16_t)(lane[j % 8] + abs(p8[i + j] - q8[i + j]));
    uint32_t s = 0;
    for (int j = 0; j < 8; j++)
        s += lane[j];
    return s;
}

static float dotf(void)
{
    float lane[4] = { 0, 0, 0, 0 };
    for (int i = 0; i < N; i += 4)
        for (int j = 0; j < 4; j++)
            lane[j] += xf[i + j] * yf[i + j];
    return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

static int16_t sat16(int32_t v)
{
    return (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
}

static void update(int16_t k)
{
    for (int i = 0; i < N; i++)
        a16[i] = sat16((a16[i] >> 1) + sat16(a16[i] + k));
}
#endif

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? atol(argv[1]) : 1000;
    uint32_t checksum = 0;
    init();
    for (long it = 0; it < iterations; it++) {
        int32_t d = dot16();
        uint32_t s = sad8();
        float f = dotf();
        checksum = checksum * 31u + (uint32_t)d;
        checksum = checksum * 31u + s;
        checksum = checksum * 31u + (uint32_t)(int32_t)f;
        update((int16_t)((d >> 7) & 0x3f) - 32);
        p8[it % N] ^= (uint8_t)s;
        xf[(it * 7) % N] = (float)((int)(s & 0xff) - 128) / 64.0f;
    }
    printf("neon_dot: %ld iterations, checksum %08x\n", iterations, checksum);
    return 0;
}
