/*
 * The kuser helpers in the vector page (0xffff0fa0..0xffff0ffc), called the
 * way Bionic and older toolchains do: through function pointers (blx),
 * from ARM and Thumb code. Self-checking; prints what it checked.
 */
#include <stdint.h>
#include <stdio.h>

typedef uint32_t (*kuser_get_tls_fn)(void);
typedef int (*kuser_cmpxchg_fn)(uint32_t oldval, uint32_t newval, volatile uint32_t *ptr);
typedef int (*kuser_cmpxchg64_fn)(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr);
typedef void (*kuser_memory_barrier_fn)(void);

#define kuser_helper_version (*(volatile int32_t *)0xffff0ffc)
#define kuser_get_tls ((kuser_get_tls_fn)0xffff0fe0)
#define kuser_cmpxchg ((kuser_cmpxchg_fn)0xffff0fc0)
#define kuser_memory_barrier ((kuser_memory_barrier_fn)0xffff0fa0)
#define kuser_cmpxchg64 ((kuser_cmpxchg64_fn)0xffff0f60)

static int checks, failures;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAILED: %s (line %d)\n", #cond, __LINE__); } else printf("ok: %s\n", #cond); } while (0)

int main(void)
{
    CHECK(kuser_helper_version >= 5);
    CHECK(kuser_get_tls() == (uint32_t)__builtin_thread_pointer());

    volatile uint32_t word = 10;
    CHECK(kuser_cmpxchg(10, 20, &word) == 0 && word == 20);
    CHECK(kuser_cmpxchg(10, 30, &word) != 0 && word == 20);

    /* The C flag reports success too: check it from assembly. */
    uint32_t carry;
    word = 7;
    __asm__ volatile("mov r0, #7\n\tmov r1, #8\n\tmov r2, %1\n\t"
                     "blx %2\n\t"
                     "mrs %0, APSR"
                     : "=r"(carry) : "r"(&word), "r"(kuser_cmpxchg)
                     : "r0", "r1", "r2", "r3", "ip", "lr", "cc", "memory");
    CHECK((carry & (1u << 29)) && word == 8);

    kuser_memory_barrier();
    CHECK(1);

    volatile int64_t big = 0x123456789abcdef0LL;
    int64_t expect = 0x123456789abcdef0LL, repl = -5;
    CHECK(kuser_cmpxchg64(&expect, &repl, &big) == 0 && big == -5);
    CHECK(kuser_cmpxchg64(&expect, &repl, &big) != 0 && big == -5);

    printf("kuser_helpers: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
