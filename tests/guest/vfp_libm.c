/*
 * Floating point as ordinary programs use it: libm functions, strtod and
 * printf round trips, float/double/int conversions, fesetround and the
 * fenv exception flags (which glibc keeps in FPSCR). Compared with qemu-arm.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double inputs[] = {
    0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.141592653589793, 1e-310, -1e-5, 10.0,
    123456.789, 1e300, -1e300, 0x1p-1074, 0x1.fffffffffffffp+1023,
};
#define N (sizeof inputs / sizeof inputs[0])

static void print_bits(const char *name, double v)
{
    uint64_t b;
    memcpy(&b, &v, 8);
    printf(" %s=%016llx", name, (unsigned long long)b);
}

static void test_libm(void)
{
    for (unsigned i = 0; i < N; i++) {
        double x = inputs[i];
        printf("x=%a", x);
        print_bits("sin", sin(x));
        print_bits("cos", cos(x));
        print_bits("exp", exp(x));
        print_bits("log", log(fabs(x)));
        print_bits("sqrt", sqrt(fabs(x)));
        print_bits("pow", pow(fabs(x), 0.75));
        print_bits("atan2", atan2(x, 3.0));
        print_bits("fmod", fmod(x, 0.7));
        print_bits("floor", floor(x));
        print_bits("rint", rint(x));
        print_bits("hypot", hypot(x, 1.5));
        printf(" sinf=%a expf=%a\n", (double)sinf((float)x), (double)expf((float)x));
    }
}

static void test_strtod_printf(void)
{
    static const char *const strs[] = {
        "0.1", "1e-320", "2.2250738585072011e-308", "1.7976931348623157e308",
        "4.9406564584124654e-324", "-123.456e7", "0x1.8p-3", "nan", "-inf",
        "3.4028235e38", "1.17549435e-38",
    };
    for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        double d = strtod(strs[i], NULL);
        float f = strtof(strs[i], NULL);
        printf("%s: %.17g %a %.9g %a %e\n", strs[i], d, d, (double)f, (double)f, d);
    }
}

static void test_conversions(void)
{
    static volatile double vals[] = { 1.5, -1.5, 2.5, 4e9, -4e9, 1e20, 0.49999999999999994 };
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%a: int %d uint %u ll %lld float %a lround %ld\n", v, (int)v,
               (unsigned)v, (long long)v, (double)(float)v, lround(v));
    }
    static volatile int ints[] = { 0, 1, -1, 16777217, -2147483647 - 1, 2147483647 };
    for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        int n = ints[i];
        printf("%d: float %a double %a ufloat %a\n", n, (double)(float)n, (double)n,
               (double)(float)(unsigned)n);
    }
}

static void test_fenv(void)
{
    static const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
    static const char *const names[] = { "nearest", "upward", "downward", "towardzero" };
    static volatile double one = 1.0, three = 3.0, tiny = 0x1p-1022, huge = 0x1p1023;
    for (unsigned m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        volatile double q = one / three;
        volatile double r = rint(2.5);
        volatile float f = (float)q;
        int ex1 = fetestexcept(FE_ALL_EXCEPT);
        volatile double u = tiny * tiny;
        int ex2 = fetestexcept(FE_ALL_EXCEPT);
        volatile double o = huge * 4.0;
        int ex3 = fetestexcept(FE_ALL_EXCEPT);
        volatile double z = one / (tiny - tiny);
        int ex4 = fetestexcept(FE_ALL_EXCEPT);
        volatile double n = (tiny - tiny) / (tiny - tiny);
        int ex5 = fetestexcept(FE_ALL_EXCEPT);
        fesetround(FE_TONEAREST);
        printf("%s: %a %a %a %a %a %a %a flags %x %x %x %x %x\n", names[m], q, r,
               (double)f, u, o, z, n, ex1, ex2, ex3, ex4, ex5);
    }
}

int main(void)
{
    test_libm();
    test_strtod_printf();
    test_conversions();
    test_fenv();
    return 0;
}
