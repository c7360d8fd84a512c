/*
 * The privileged setters a native 32-bit process may call: clock_settime
 * (32-bit and time64), settimeofday, sethostname, setdomainname. The host
 * kernel decides privilege; these checks hold for root and non-root (the
 * kernel checks clock values before privilege, host names after it):
 * a clock that cannot be set gives EINVAL, bad values EINVAL, bad
 * pointers EFAULT (or EPERM first for non-root host names), and
 * as root, setting the realtime clock to its current value and the host
 * name to itself succeeds (what CPython's test_time and test_socket do).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>

#include "check.h"

#ifndef __NR_clock_settime64
#define __NR_clock_settime64 404
#endif

int main(void)
{
    int root = geteuid() == 0;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);

    errno = 0;
    CHECK(syscall(__NR_clock_settime, CLOCK_MONOTONIC, &now) == -1 &&
          errno == EINVAL, "clock_settime(CLOCK_MONOTONIC): EINVAL");
    struct timespec bad = { now.tv_sec, 1000000000 };
    errno = 0;
    CHECK(syscall(__NR_clock_settime, CLOCK_REALTIME, &bad) == -1 &&
          errno == EINVAL, "clock_settime: tv_nsec 1e9 is EINVAL");
    errno = 0;
    CHECK(syscall(__NR_clock_settime, CLOCK_REALTIME, (void *)16) == -1 && errno == EFAULT,
          "clock_settime: bad pointer is EFAULT");
    int64_t bad64[2] = { now.tv_sec, -1 };
    errno = 0;
    CHECK(syscall(__NR_clock_settime64, CLOCK_REALTIME, bad64) == -1 &&
          errno == EINVAL, "clock_settime64: tv_nsec -1 is EINVAL");
    struct { int32_t sec, usec; } bad_tv = { (int32_t)now.tv_sec, 1000000 };
    errno = 0;
    CHECK(syscall(__NR_settimeofday, &bad_tv, NULL) == -1 &&
          errno == EINVAL, "settimeofday: tv_usec 1e6 is EINVAL");

    if (root) {
        clock_gettime(CLOCK_REALTIME, &now);
        CHECK(clock_settime(CLOCK_REALTIME, &now) == 0, "root: clock_settime(CLOCK_REALTIME, now)");
        int64_t now64[2];
        struct timespec again;
        clock_gettime(CLOCK_REALTIME, &again);
        now64[0] = again.tv_sec;
        now64[1] = again.tv_nsec;
        CHECK(syscall(__NR_clock_settime64, CLOCK_REALTIME, now64) == 0,
              "root: clock_settime64(CLOCK_REALTIME, now)");
        struct timespec after;
        clock_gettime(CLOCK_REALTIME, &after);
        CHECK(after.tv_sec >= now.tv_sec && after.tv_sec - now.tv_sec < 5, "the clock kept its time");
    }

    struct utsname u;
    uname(&u);
    char long_name[80];
    memset(long_name, 'x', sizeof long_name);
    errno = 0;
    CHECK(sethostname(long_name, 65) == -1 && errno == (root ? EINVAL : EPERM),
          "sethostname: 65 bytes is EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sethostname, (void *)16, 4) == -1 && errno == (root ? EFAULT : EPERM),
          "sethostname: bad pointer is EFAULT");
    if (root) {
        CHECK(sethostname(u.nodename, strlen(u.nodename)) == 0, "root: sethostname to its own name");
        CHECK(setdomainname(u.domainname, strlen(u.domainname)) == 0,
              "root: setdomainname to its own name");
        struct utsname after;
        uname(&after);
        CHECK(!strcmp(after.nodename, u.nodename) && !strcmp(after.domainname, u.domainname),
              "uname shows the same names");
    }
    printf("%d failures\n", failures);
    return failures != 0;
}
