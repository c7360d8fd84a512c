/*
 * The checks of the self-checking guest programs (check_*.c): each prints
 * "ok: ..." or "FAIL: ... (errno N)" and counts failures; main returns
 * failures != 0.
 */
#ifndef A32RUN_TESTS_GUEST_CHECK_H
#define A32RUN_TESTS_GUEST_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static int failures;
#define CHECK(cond, ...) do { if (cond) { printf("ok: "); printf(__VA_ARGS__); printf("\n"); } \
    else { printf("FAIL: "); printf(__VA_ARGS__); printf(" (errno %d)\n", errno); failures++; } } while (0)
/* A check that needs a host kernel feature qemu-aarch64 does not emulate
 * (the AArch64 build's tests run under it, with A32RUN_HOST_EMULATED
 * set): a failure there is reported as a skip. */
#define CHECK_HOSTDEP(cond, ...) do { int ok_ = (cond); \
    if (!ok_ && getenv("A32RUN_HOST_EMULATED")) { printf("skip: "); printf(__VA_ARGS__); \
        printf(" (not emulated by %s)\n", getenv("A32RUN_HOST_EMULATED")); } \
    else CHECK(ok_, __VA_ARGS__); } while (0)

#endif
