/*
 * The foundation's acceptance program: printf of integers and doubles,
 * malloc, qsort, strtod, 64-bit division, setjmp/longjmp. Its output is
 * compared with qemu-arm's; it also checks a few results itself.
 */
#include <inttypes.h>
#include <math.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks, failures;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAILED: %s (line %d)\n", #cond, __LINE__); } } while (0)

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static jmp_buf env;
static volatile int depth;

static void recurse(int n)
{
    depth = n;
    if (n == 5)
        longjmp(env, n * 7);
    if (n < 100)
        recurse(n + 1);
}

/* Division by values the compiler cannot see, so __aeabi_ldivmod runs. */
static volatile int64_t sdividends[] = { 0, 1, -1, 123456789012345LL, -987654321098765LL,
                                         INT64_MAX, INT64_MIN, 0x7fffffffLL, -0x80000000LL };
static volatile int64_t sdivisors[] = { 1, -1, 2, 3, 7, -10, 1000000007LL, 0x100000000LL, -0x123456789LL };

int main(void)
{
    /* Integers. */
    printf("int: %d %i %u %x %X %o %+d %05d %-5d|\n", -42, 123, 4000000000u, 0xdeadbeefu, 0xcafeu, 0777, 5, 42, 7);
    printf("long long: %lld %llu %llx\n", -1234567890123456789LL, 18446744073709551615ULL, 0x123456789abcdefULL);
    printf("char/str: %c %s %.3s %10s|\n", 'A', "hello", "truncate", "right");
    printf("size: %zu %td\n", sizeof(long double), (ptrdiff_t)-3);

    /* Doubles. */
    double values[] = { 0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 1e300,
                        2.2250738585072014e-308, 4.9e-324, 123456.789, 1.0 / 3.0 };
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++)
        printf("double %u: %f %e %g %.17g %a\n", i, values[i], values[i], values[i], values[i], values[i]);
    printf("special: %f %f %f\n", HUGE_VAL, -HUGE_VAL, NAN);
    float f = 16777217.0f;
    printf("float: %.9g %.9g\n", (double)f, (double)(f / 3.0f));
    printf("math: %.15g %.15g %.15g %.15g\n", sqrt(2.0), sin(1.0), exp(1.0), log(10.0));
    CHECK(fabs(sqrt(2.0) * sqrt(2.0) - 2.0) < 1e-15);

    /* strtod. */
    const char *numbers[] = { "3.14159", "-2.5e-3", "1e308", "1e309", "0x1.8p3", "  42abc", "nan", "-inf", "4.9e-324", "2.4703282292062327e-324" };
    for (unsigned i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        char *end;
        double d = strtod(numbers[i], &end);
        printf("strtod(\"%s\") = %.17g rest \"%s\"\n", numbers[i], d, end);
    }
    CHECK(strtod("0x1.8p3", NULL) == 12.0);
    CHECK(strtol("-0x7fffffff", NULL, 16) == -0x7fffffff);

    /* malloc + qsort. */
    unsigned n = 1000;
    int *a = malloc(n * sizeof *a);
    CHECK(a != NULL);
    uint32_t seed = 12345;
    for (unsigned i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        a[i] = (int)(seed >> 8) - (1 << 22);
    }
    qsort(a, n, sizeof *a, cmp_int);
    int sorted = 1;
    long long sum = 0;
    for (unsigned i = 0; i < n; i++) {
        if (i && a[i - 1] > a[i])
            sorted = 0;
        sum += a[i];
    }
    CHECK(sorted);
    printf("qsort: min %d max %d median %d sum %lld\n", a[0], a[n - 1], a[n / 2], sum);
    free(a);

    char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date" };
    qsort(words, 6, sizeof words[0], cmp_str);
    printf("words:");
    for (int i = 0; i < 6; i++)
        printf(" %s", words[i]);
    printf("\n");

    /* Many allocations of varied sizes, freed in another order. */
    void *blocks[200];
    for (int i = 0; i < 200; i++) {
        blocks[i] = malloc((size_t)(i * 37 % 5000) + 1);
        memset(blocks[i], i, (size_t)(i * 37 % 5000) + 1);
    }
    int intact = 1;
    for (int i = 199; i >= 0; i -= 2) {
        if (((unsigned char *)blocks[i])[0] != (unsigned char)i)
            intact = 0;
        free(blocks[i]);
    }
    for (int i = 0; i < 200; i += 2)
        free(blocks[i]);
    CHECK(intact);
    void *big = malloc(8 << 20);   /* mmap-backed */
    CHECK(big != NULL);
    memset(big, 0x5a, 8 << 20);
    free(big);

    /* 64-bit division. */
    for (unsigned i = 0; i < sizeof sdividends / sizeof sdividends[0]; i++)
        for (unsigned j = 0; j < sizeof sdivisors / sizeof sdivisors[0]; j++) {
            int64_t x = sdividends[i], y = sdivisors[j];
            if (x == INT64_MIN && y == -1)
                continue;
            int64_t q = x / y, r = x % y;
            CHECK(q * y + r == x);
            printf("%" PRId64 " / %" PRId64 " = %" PRId64 " r %" PRId64 "; u: %" PRIu64 "\n",
                   x, y, q, r, (uint64_t)x / (uint64_t)y);
        }

    /* setjmp/longjmp. */
    volatile int local = 1;
    int rc = setjmp(env);
    if (rc == 0) {
        local = 2;
        recurse(0);
        CHECK(0);
    }
    printf("longjmp: rc %d depth %d local %d\n", rc, depth, local);
    CHECK(rc == 35 && depth == 5 && local == 2);

    printf("libc_basics: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
