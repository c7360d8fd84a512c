/*
 * Compiler-generated integer code of many shapes: switch jump tables (TBB/TBH
 * in Thumb, ADD pc in ARM), struct copies (LDM/STM), varargs, 64-bit
 * arithmetic and shifts, bit tricks (CLZ, RBIT via builtins), byte swaps,
 * signed/unsigned narrow types (LDRSB/LDRSH/STRH), recursion, function
 * pointers, and string routines of the C library. Output is compared with
 * qemu-arm's.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile uint32_t sink;

static int classify(int c)
{
    switch (c) {
    case 0: return 11;
    case 1: return 23;
    case 2: return 5;
    case 3: return 99;
    case 4: return -4;
    case 5: return 17;
    case 6: return 8;
    case 7: return 1000;
    case 8: return 7;
    case 9: return 3;
    case 10: return 31;
    case 11: return 63;
    case 12: return -100;
    case 13: return 42;
    default: return -1;
    }
}

static int classify_wide(int c)
{
    /* A switch with a wide range so the compiler uses TBH or a big table. */
    switch (c) {
    case 0: return 1;
    case 37: return 2;
    case 80: return 3;
    case 150: return 4;
    case 190: return 5;
    case 260: return 6;
    case 300: return 7;
    case 301: return 8;
    case 302: return 9;
    case 303: return 10;
    case 304: return 11;
    case 305: return 12;
    case 306: return 13;
    case 307: return 14;
    case 308: return 15;
    case 309: return 16;
    case 310: return 17;
    default: return 0;
    }
}

struct big { uint32_t w[9]; uint16_t h; int8_t b; };

static struct big make_big(uint32_t seed)
{
    struct big s;
    for (int i = 0; i < 9; i++)
        s.w[i] = seed * (uint32_t)(i + 1) ^ 0x9e3779b9u;
    s.h = (uint16_t)(seed * 7);
    s.b = (int8_t)(seed * 13);
    return s;
}

static int64_t sum_varargs(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    int64_t total = 0;
    for (int i = 0; i < count; i++) {
        if (i & 1)
            total += va_arg(ap, int64_t);
        else
            total += va_arg(ap, int);
    }
    va_end(ap);
    return total;
}

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
static uint32_t op_mul(uint32_t a, uint32_t b) { return a * b; }
static uint32_t op_rot(uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - b) & 31)); }

int main(void)
{
    uint32_t h = 0;
    for (int i = -2; i < 20; i++)
        h = h * 31 + (uint32_t)classify(i);
    for (int i = -5; i < 320; i++)
        h = h * 31 + (uint32_t)classify_wide(i);
    printf("switch hash %08x\n", h);

    struct big a = make_big(5), b;
    b = a;
    b.w[8] += 1;
    printf("struct %08x %08x %04x %d %d\n", b.w[0], b.w[8], b.h, b.b, memcmp(&a, &b, sizeof a) != 0);

    printf("varargs %lld\n", (long long)sum_varargs(6, 1, (int64_t)1 << 40, -3, (int64_t)-7, 100, (int64_t)0x123456789LL));

    volatile uint64_t x = 0x0123456789abcdefULL;
    for (int s = 0; s < 64; s += 7)
        printf("shift %2d: %016llx %016llx %016llx\n", s, (unsigned long long)(x << s),
               (unsigned long long)(x >> s), (unsigned long long)((int64_t)(x ^ 0x8000000000000000ULL) >> s));
    volatile int64_t m1 = -123456789012LL, m2 = 987654321LL;
    printf("mul64 %lld %llu\n", (long long)(m1 * m2), (unsigned long long)((uint64_t)m1 * (uint64_t)m2));

    volatile uint32_t v = 0x00f0a000u;
    printf("bits clz %d ctz %d pop %d bswap %08x parity %d\n", __builtin_clz(v), __builtin_ctz(v),
           __builtin_popcount(v), __builtin_bswap32(v), __builtin_parity(v));
    volatile uint16_t hv = 0xabcd;
    printf("bswap16 %04x\n", __builtin_bswap16(hv));

    int8_t sbytes[8] = { -128, -1, 0, 1, 127, -50, 50, -3 };
    int16_t shalves[4] = { -32768, -1, 32767, 1234 };
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += sbytes[i] * (i + 1);
    for (int i = 0; i < 4; i++)
        sum += shalves[i] / (i + 1);
    uint16_t store[4];
    for (int i = 0; i < 4; i++)
        store[i] = (uint16_t)(shalves[i] * 3);
    printf("narrow %d %04x %04x\n", sum, store[0], store[3]);

    printf("fib %u\n", fib(24));

    uint32_t (*ops[])(uint32_t, uint32_t) = { op_add, op_xor, op_mul, op_rot };
    uint32_t acc = 1;
    for (int i = 0; i < 1000; i++)
        acc = ops[i & 3](acc, (uint32_t)i * 2654435761u);
    printf("fnptr %08x\n", acc);

    char buf[128];
    snprintf(buf, sizeof buf, "%s-%d-%s", "alpha", 12345, "omega");
    printf("string %s len %zu chr %s cmp %d\n", buf, strlen(buf), strchr(buf, 'o'), strcmp(buf, "alpha") > 0);
    char copy[128];
    memset(copy, 'x', sizeof copy);
    memcpy(copy + 3, buf, strlen(buf) + 1);
    memmove(copy + 1, copy + 3, 10);
    printf("memmove %s\n", copy);

    unsigned long long div_acc = 0;
    for (uint32_t i = 1; i < 2000; i += 7) {
        div_acc += 0xffffffffu / i + (uint32_t)(-(int32_t)i * 12345) % i;
        sink = (uint32_t)div_acc;
    }
    printf("div %llu\n", div_acc);
    return 0;
}
