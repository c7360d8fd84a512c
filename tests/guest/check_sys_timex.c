/*
 * adjtimex, clock_adjtime and clock_adjtime64 with the 32-bit ABI,
 * self-checking, without changing the clock: a read (modes 0) through the
 * 128-byte 32-bit struct timex (adjtimex, clock_adjtime) and the 208-byte
 * struct __kernel_timex (clock_adjtime64) returns the same clock state,
 * tick (10000 us at USER_HZ 100), tolerance, constant and precision in
 * both layouts, a time close to gettimeofday; ADJ_OFFSET_SS_READ is a
 * read too; invalid changes are refused before anything is applied
 * (ADJ_TICK out of range, ADJ_SETOFFSET with 1e6 microseconds:
 * EINVAL, or EPERM without CAP_SYS_TIME); an unknown clock is EINVAL,
 * a bad pointer EFAULT. Raw syscalls for the three forms (glibc's
 * adjtimex, also checked, uses clock_adjtime64 in glibc 2.34+).
 * qemu-arm 7.2 differs: it leaves the reserved words of the 32-bit
 * struct timex as they were (the kernel writes them back as zero).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>

#include "check.h"

/* linux/timex.h struct timex of a 32-bit process and __kernel_timex */
struct timex32 {
    uint32_t modes;
    int32_t offset, freq, maxerror, esterror, status, constant, precision, tolerance;
    struct { int32_t sec, usec; } time;
    int32_t tick, ppsfreq, jitter, shift, stabil, jitcnt, calcnt, errcnt, stbcnt, tai;
    int32_t reserved[11];
};
_Static_assert(sizeof(struct timex32) == 128, "old_timex32");
struct timex64 {
    uint32_t modes;
    int32_t pad0;
    int64_t offset, freq, maxerror, esterror;
    int32_t status, pad1;
    int64_t constant, precision, tolerance;
    struct { int64_t sec, usec; } time;
    int64_t tick, ppsfreq, jitter;
    int32_t shift, pad2;
    int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
    int32_t tai;
    int32_t reserved[11];
};
_Static_assert(sizeof(struct timex64) == 208, "__kernel_timex");

#ifndef ADJ_OFFSET_SS_READ
#define ADJ_OFFSET_SS_READ 0xa001
#endif

static int refused(long r)
{
    return r < 0 && (errno == EINVAL || errno == EPERM);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct timex32 a;
    struct timex64 b;
    memset(&a, 0x5a, sizeof a);
    a.modes = 0;
    long ra = syscall(__NR_adjtimex, &a);
    CHECK(ra >= 0 && ra <= 5, "adjtimex read: state %ld", ra);
    CHECK(a.tick >= 9000 && a.tick <= 11000, "tick %d us", a.tick);
    CHECK(a.reserved[0] == 0 && a.reserved[10] == 0, "reserved words written back as zero");
    struct timeval tv;
    gettimeofday(&tv, NULL);
    CHECK(a.time.sec >= (int32_t)tv.tv_sec - 2 && a.time.sec <= (int32_t)tv.tv_sec,
          "time %d close to gettimeofday %ld", a.time.sec, (long)tv.tv_sec);
    CHECK(a.time.usec >= 0 && a.time.usec < ((a.status & STA_NANO) ? 1000000000 : 1000000),
          "time fraction in range (%d)", a.time.usec);

    memset(&b, 0x5a, sizeof b);
    b.modes = 0;
    long rb = syscall(__NR_clock_adjtime64, CLOCK_REALTIME, &b);
    CHECK(rb == ra, "clock_adjtime64 read: same state %ld", rb);
    CHECK(b.tick == a.tick && b.tolerance == a.tolerance && b.constant == a.constant &&
          b.precision == a.precision && b.status == a.status && b.freq == a.freq &&
          b.maxerror >= a.maxerror - 1000 && b.tai == a.tai && b.shift == a.shift,
          "clock_adjtime64 fields equal the 32-bit ones (tick %lld, tolerance %lld)",
          (long long)b.tick, (long long)b.tolerance);
    CHECK(b.time.sec >= a.time.sec && b.time.sec <= a.time.sec + 2, "time64 seconds (%lld)",
          (long long)b.time.sec);

    struct timex32 c;
    memset(&c, 0, sizeof c);
    long rc = syscall(__NR_clock_adjtime, CLOCK_REALTIME, &c);
    CHECK(rc == ra && c.tick == a.tick && c.constant == a.constant, "clock_adjtime (32) read");
    memset(&c, 0, sizeof c);
    c.modes = ADJ_OFFSET_SS_READ;
    CHECK(syscall(__NR_adjtimex, &c) >= 0 && c.tick == a.tick, "ADJ_OFFSET_SS_READ is a read");

    /* refused changes (the clock stays as it is) */
    memset(&c, 0, sizeof c);
    c.modes = ADJ_TICK;
    c.tick = 1;
    errno = 0;
    CHECK(refused(syscall(__NR_adjtimex, &c)), "ADJ_TICK 1: refused (errno %d)", errno);
    memset(&c, 0, sizeof c);
    c.modes = ADJ_SETOFFSET;
    c.time.usec = 1000000;
    errno = 0;
    CHECK(refused(syscall(__NR_clock_adjtime, CLOCK_REALTIME, &c)),
          "ADJ_SETOFFSET usec 1e6: refused (errno %d)", errno);
    memset(&b, 0, sizeof b);
    b.modes = ADJ_SETOFFSET;
    b.time.usec = -1;
    errno = 0;
    CHECK(refused(syscall(__NR_clock_adjtime64, CLOCK_REALTIME, &b)),
          "clock_adjtime64 ADJ_SETOFFSET usec -1: refused (errno %d)", errno);
    memset(&b, 0, sizeof b);
    errno = 0;
    CHECK(syscall(__NR_clock_adjtime64, 1234, &b) < 0 && errno == EINVAL, "unknown clock: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_clock_adjtime, 1234, &c) < 0 && errno == EINVAL, "unknown clock (32): EINVAL");
    errno = 0;
    CHECK(syscall(__NR_adjtimex, (void *)16) < 0 && errno == EFAULT, "adjtimex bad pointer: EFAULT");
    errno = 0;
    CHECK(syscall(__NR_clock_adjtime64, CLOCK_REALTIME, (void *)16) < 0 && errno == EFAULT,
          "clock_adjtime64 bad pointer: EFAULT");

    /* glibc's own adjtimex (clock_adjtime64 underneath in glibc 2.34+) */
    struct timex t;
    memset(&t, 0, sizeof t);
    CHECK(adjtimex(&t) == ra && t.tick == a.tick, "glibc adjtimex read");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
