/*
 * Auto-vectorised loops (-O3 -mfpu=neon-vfpv4, no intrinsics; single
 * precision needs -funsafe-math-optimizations, as NEON flushes denormals
 * and GCC keeps IEEE semantics otherwise): the code
 * GCC emits for plain C loops over float, double (VFP: ARMv7 NEON has no
 * double lanes), int8, int16 and int32 arrays, with odd lengths so the
 * scalar tails run too: element-wise arithmetic, multiply-accumulate,
 * min/max/abs, widening and narrowing conversions, shifts, compares turned
 * into selects, and integer reductions. Prints the results (compared with
 * qemu-arm), including float values near denormals, infinities and NaNs.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=neon-vfpv4 -O3 -funsafe-math-optimizations
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 1027

static float fa[N], fb[N], fc[N];
static double da[N], db[N], dc[N];
static int8_t a8[N], b8[N], c8[N];
static uint8_t u8a[N], u8b[N], u8c[N];
static int16_t a16[N], b16[N], c16[N];
static uint16_t u16a[N];
static int32_t a32[N], b32[N], c32[N];
static uint32_t u32a[N];

static uint32_t hash(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

static void init(void)
{
    uint32_t s = 2463534242u;
    static const float specials[] = {
        0.0f, -0.0f, 1e-39f, -1e-40f, 1.17549435e-38f, 3.4e38f, -3.4e38f,
        INFINITY, -INFINITY, NAN, 1.0f, -1.5f, 0.5f, 2.5f, 1e10f, -1e-10f,
    };
    for (int i = 0; i < N; i++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        fa[i] = (i % 17 == 0) ? specials[(i / 17) % 16] : (float)(int32_t)s / 65536.0f;
        fb[i] = (i % 23 == 0) ? specials[(i / 23) % 16] : (float)(s >> 8) / 1024.0f - 8000.0f;
        da[i] = (double)fa[i] * 1.0000001;
        db[i] = (double)(int32_t)(s * 2654435761u) / 3.0;
        a8[i] = (int8_t)s;
        b8[i] = (int8_t)(s >> 8);
        u8a[i] = (uint8_t)(s >> 16);
        u8b[i] = (uint8_t)(s >> 24);
        a16[i] = (int16_t)s;
        b16[i] = (int16_t)(s >> 16);
        u16a[i] = (uint16_t)(s >> 7);
        a32[i] = (int32_t)s;
        b32[i] = (int32_t)(s * 2654435761u);
        u32a[i] = s >> 3;
    }
    a8[5] = -128; b8[5] = -128; a16[7] = -32768; b16[7] = -32768;
    a32[9] = INT32_MIN; b32[9] = -1;
}

#define REPORT(name, arr) printf("%-28s %08x\n", name, hash(arr, sizeof arr))

static void floats(void)
{
    for (int i = 0; i < N; i++) fc[i] = fa[i] + fb[i];
    REPORT("f32 add", fc);
    for (int i = 0; i < N; i++) fc[i] = fa[i] * fb[i] - fa[i];
    REPORT("f32 mul-sub", fc);
    for (int i = 0; i < N; i++) fc[i] += fa[i] * 0.75f;
    REPORT("f32 mla", fc);
    for (int i = 0; i < N; i++) fc[i] = fa[i] > fb[i] ? fa[i] : fb[i];
    REPORT("f32 select max", fc);
    for (int i = 0; i < N; i++) fc[i] = fabsf(fa[i]) - fabsf(fb[i]);
    REPORT("f32 abs", fc);
    for (int i = 0; i < N; i++) fc[i] = -fa[i] * 3.0f;
    REPORT("f32 neg mul", fc);
    for (int i = 0; i < N; i++) c32[i] = (int32_t)(fb[i] * 0.25f);
    REPORT("f32 to s32", c32);
    for (int i = 0; i < N; i++) fc[i] = (float)a32[i] * 0.5f + (float)u32a[i];
    REPORT("s32/u32 to f32", fc);
    for (int i = 0; i < N; i++) fc[i] = fa[i] < 0.0f ? 0.0f : fa[i];
    REPORT("f32 relu", fc);
}

static void doubles(void)
{
    for (int i = 0; i < N; i++) dc[i] = da[i] * db[i] + da[i];
    REPORT("f64 mul-add", dc);
    for (int i = 0; i < N; i++) dc[i] = da[i] / (db[i] + 1.0);
    REPORT("f64 div", dc);
    double sum = 0;
    for (int i = 0; i < N; i++) sum += db[i] * 0.5;
    printf("%-28s %.17g\n", "f64 sum", sum);
    for (int i = 0; i < N; i++) fc[i] = (float)db[i];
    REPORT("f64 to f32", fc);
}

static void ints8(void)
{
    for (int i = 0; i < N; i++) c8[i] = (int8_t)(a8[i] + b8[i]);
    REPORT("s8 add", c8);
    for (int i = 0; i < N; i++) c8[i] = (int8_t)(a8[i] * b8[i]);
    REPORT("s8 mul", c8);
    for (int i = 0; i < N; i++) {
        int v = a8[i] + b8[i];
        c8[i] = (int8_t)(v > 127 ? 127 : v < -128 ? -128 : v);
    }
    REPORT("s8 saturating add", c8);
    for (int i = 0; i < N; i++) u8c[i] = (uint8_t)((u8a[i] + u8b[i] + 1) >> 1);
    REPORT("u8 rounding average", u8c);
    for (int i = 0; i < N; i++) u8c[i] = u8a[i] > u8b[i] ? u8a[i] - u8b[i] : u8b[i] - u8a[i];
    REPORT("u8 absdiff", u8c);
    for (int i = 0; i < N; i++) c8[i] = a8[i] < b8[i] ? a8[i] : b8[i];
    REPORT("s8 min", c8);
    for (int i = 0; i < N; i++) c8[i] = (int8_t)(a8[i] >> 2);
    REPORT("s8 asr", c8);
    unsigned sad = 0;
    for (int i = 0; i < N; i++) sad += (unsigned)abs(u8a[i] - u8b[i]);
    printf("%-28s %u\n", "u8 sad", sad);
    int dot = 0;
    for (int i = 0; i < N; i++) dot += a8[i] * b8[i];
    printf("%-28s %d\n", "s8 dot", dot);
}

static void ints16(void)
{
    for (int i = 0; i < N; i++) c16[i] = (int16_t)(a16[i] - b16[i]);
    REPORT("s16 sub", c16);
    for (int i = 0; i < N; i++) c16[i] = (int16_t)((a16[i] * b16[i]) >> 15);
    REPORT("s16 q15 mul", c16);
    for (int i = 0; i < N; i++) c16[i] += (int16_t)(a16[i] * 3);
    REPORT("s16 mla", c16);
    for (int i = 0; i < N; i++) c32[i] = a16[i] * b16[i];
    REPORT("s16 widening mul", c32);
    for (int i = 0; i < N; i++) c16[i] = (int16_t)abs(a16[i]);
    REPORT("s16 abs", c16);
    for (int i = 0; i < N; i++) c16[i] = (int16_t)(u16a[i] >> 3);
    REPORT("u16 lsr", c16);
    for (int i = 0; i < N; i++) u8c[i] = (uint8_t)(u16a[i] >> 8);
    REPORT("u16 narrow", u8c);
    for (int i = 0; i < N; i++) c16[i] = (int16_t)u8a[i] * b8[i];
    REPORT("u8*s8 widen", c16);
    int64_t dot = 0;
    for (int i = 0; i < N; i++) dot += a16[i] * b16[i];
    printf("%-28s %lld\n", "s16 dot", (long long)dot);
}

static void ints32(void)
{
    for (int i = 0; i < N; i++) c32[i] = (int32_t)((uint32_t)a32[i] + (uint32_t)b32[i]);
    REPORT("s32 add", c32);
    for (int i = 0; i < N; i++) c32[i] = (int32_t)((uint32_t)a32[i] * (uint32_t)b32[i]);
    REPORT("s32 mul", c32);
    for (int i = 0; i < N; i++) c32[i] = a32[i] > b32[i] ? a32[i] : b32[i];
    REPORT("s32 max", c32);
    for (int i = 0; i < N; i++) c32[i] = (a32[i] & 0xff00ff) | (b32[i] ^ 0x5555);
    REPORT("s32 logic", c32);
    for (int i = 0; i < N; i++) c32[i] = a32[i] == b32[i] ? 1 : (int32_t)(u32a[i] << 3);
    REPORT("s32 compare select", c32);
    for (int i = 0; i < N; i++) c16[i] = (int16_t)a32[i];
    REPORT("s32 narrow", c16);
    int64_t sum = 0;
    uint32_t x = 0;
    for (int i = 0; i < N; i++) {
        sum += a32[i];
        x ^= u32a[i];
    }
    printf("%-28s %lld %08x\n", "s32 sum, xor", (long long)sum, x);
}

int main(void)
{
    init();
    floats();
    doubles();
    ints8();
    ints16();
    ints32();
    return 0;
}
