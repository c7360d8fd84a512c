/*
 * Helpers shared by the exec_*_test.c unit tests (header only: every file
 * .c file in tests/unit becomes its own test program).
 */
#ifndef A32RUN_TESTS_EXEC_TEST_UTIL_H
#define A32RUN_TESTS_EXEC_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "exec/exec.h"
#include "exec/interp.h"
#include "mem/guest_mem.h"
#include "options.h"

/* main.c (not linked into unit tests) defines the options; weak so that a
 * library definition, if one appears, wins. */
__attribute__((weak)) struct a32run_options a32run_options;

static int test_failures;
static int test_checks;

#define CHECK_EQ(actual, expected) do {                                        \
        unsigned long long a_ = (unsigned long long)(actual);                  \
        unsigned long long e_ = (unsigned long long)(expected);                \
        test_checks++;                                                         \
        if (a_ != e_) {                                                        \
            test_failures++;                                                   \
            fprintf(stderr, "%s:%d: %s = 0x%llx, expected 0x%llx\n",           \
                    __FILE__, __LINE__, #actual, a_, e_);                      \
        }                                                                      \
    } while (0)

static struct guest_thread test_thread;
#define CPU (&test_thread.cpu)

/* Guest memory for tests: a real guest space with one RW(X) region. */
#define TEST_DATA 0x100000u
#define TEST_DATA_SIZE 0x10000u

static void test_setup(void)
{
    struct guest_mem_options o = { .force_offset = true };
    int err = guest_mem_init(&o);
    if (err < 0) {
        fprintf(stderr, "guest_mem_init: %d\n", err);
        exit(1);
    }
    if (exec_init() < 0) {
        fprintf(stderr, "exec_init failed\n");
        exit(1);
    }
    int64_t a = guest_mmap(TEST_DATA, TEST_DATA_SIZE, 7, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                           -1, 0);
    if (a != TEST_DATA) {
        fprintf(stderr, "guest_mmap: %lld\n", (long long)a);
        exit(1);
    }
    current_guest_thread = &test_thread;
}

static inline struct guest_insn mk(unsigned op, unsigned rd, unsigned rn, unsigned rm)
{
    struct guest_insn i;
    memset(&i, 0, sizeof i);
    i.op = (uint16_t)op;
    i.rd = (uint8_t)rd;
    i.rn = (uint8_t)rn;
    i.rm = (uint8_t)rm;
    i.cond = COND_AL;
    i.length = 4;
    i.pc = 0x8000;
    return i;
}

/* Runs one instruction; returns 1 if it raised a guest signal. */
static inline int run1(struct guest_insn i)
{
    int signalled;
    enum exec_exit r = interp_run_insns(&test_thread, &i, 1, &signalled);
    (void)r;
    return signalled;
}

static inline void set_flags(unsigned nzcv)
{
    CPU->flag_n = (nzcv >> 3) & 1;
    CPU->flag_z = (nzcv >> 2) & 1;
    CPU->flag_c = (nzcv >> 1) & 1;
    CPU->flag_v = nzcv & 1;
}

static inline unsigned get_flags(void)
{
    return (CPU->flag_n << 3) | (CPU->flag_z << 2) | (CPU->flag_c << 1) | CPU->flag_v;
}

static int test_report(const char *name)
{
    if (test_failures) {
        fprintf(stderr, "%s: %d of %d checks FAILED\n", name, test_failures, test_checks);
        return 1;
    }
    printf("%s: %d checks passed\n", name, test_checks);
    return 0;
}

#endif
