/*
 * sched_setattr and sched_getattr with the 32-bit ABI, self-checking:
 * struct sched_attr is size-versioned with fixed-width fields. getattr
 * with size 48 (VER0) copies 48 bytes and reports size 48, with 56 or a
 * larger buffer reports the kernel's 56 and leaves the rest untouched;
 * sizes below 48 or above a page are EINVAL, as are flags, a NULL
 * pointer and a negative pid; an unknown pid is ESRCH. setattr of
 * SCHED_OTHER with a nice value (read back through getattr and
 * getpriority), size 0 meaning VER0, a larger struct with zero tail
 * accepted, a non-zero tail E2BIG with the kernel's size written back,
 * a size below 48 E2BIG, a bad pointer EFAULT, flags EINVAL.
 * qemu-arm 7.2 differs: getattr accepts sizes above the page size.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "check.h"

struct attr {
    uint32_t size, policy;
    uint64_t flags;
    int32_t nice;
    uint32_t priority;
    uint64_t runtime, deadline, period;
    uint32_t util_min, util_max;
};
_Static_assert(sizeof(struct attr) == 56, "sched_attr VER1");

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    unsigned char buf[128];
    struct attr *a = (struct attr *)buf;

    memset(buf, 0xcc, sizeof buf);
    CHECK(syscall(__NR_sched_getattr, 0, buf, 48, 0) == 0, "getattr size 48");
    CHECK(a->size == 48 && a->policy == SCHED_OTHER && buf[48] == 0xcc,
          "VER0: size 48, SCHED_OTHER, byte 48 untouched (%u)", a->size);
    memset(buf, 0xcc, sizeof buf);
    CHECK(syscall(__NR_sched_getattr, 0, buf, sizeof buf, 0) == 0, "getattr size 128");
    CHECK(a->size == 56 && buf[56] == 0xcc, "kernel size 56, tail untouched (%u)", a->size);

    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0, buf, 40, 0) < 0 && errno == EINVAL, "getattr size 40: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0, buf, 4097, 0) < 0 && errno == EINVAL, "getattr size 4097: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0, buf, 56, 1) < 0 && errno == EINVAL, "getattr flags: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0, NULL, 56, 0) < 0 && errno == EINVAL, "getattr NULL: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, -1, buf, 56, 0) < 0 && errno == EINVAL, "getattr pid -1: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0x3ffffff0, buf, 56, 0) < 0 && errno == ESRCH, "getattr unknown pid: ESRCH");
    errno = 0;
    CHECK(syscall(__NR_sched_getattr, 0, (void *)16, 56, 0) < 0 && errno == EFAULT, "getattr bad pointer: EFAULT");

    /* setattr: raise the nice value (always allowed) */
    memset(buf, 0, sizeof buf);
    a->size = 56;
    a->policy = SCHED_OTHER;
    a->nice = 3;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) == 0, "setattr SCHED_OTHER nice 3");
    memset(buf, 0, sizeof buf);
    CHECK(syscall(__NR_sched_getattr, 0, buf, 56, 0) == 0 && a->nice == 3, "nice reads back 3 (%d)", a->nice);
    errno = 0;
    CHECK(getpriority(PRIO_PROCESS, 0) == 3, "getpriority agrees");
    memset(buf, 0, sizeof buf);
    a->size = 0;        /* VER0 */
    a->nice = 4;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) == 0, "setattr size 0 (VER0)");
    memset(buf, 0, sizeof buf);
    a->size = 128;      /* larger, zero tail */
    a->nice = 5;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) == 0, "setattr size 128 with zero tail");
    CHECK(getpriority(PRIO_PROCESS, 0) == 5, "nice 5");
    buf[100] = 1;
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) < 0 && errno == E2BIG, "non-zero tail: E2BIG");
    CHECK(a->size == 56, "kernel size written back (%u)", a->size);
    memset(buf, 0, sizeof buf);
    a->size = 20;
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) < 0 && errno == E2BIG && a->size == 56,
          "size 20: E2BIG, size 56 written back");
    memset(buf, 0, sizeof buf);
    a->size = 8192;
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) < 0 && errno == E2BIG && a->size == 56,
          "size 8192: E2BIG, size 56 written back");
    memset(buf, 0, sizeof buf);
    a->size = 56;
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 1) < 0 && errno == EINVAL, "setattr flags: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, (void *)16, 0) < 0 && errno == EFAULT, "setattr bad pointer: EFAULT");
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, NULL, 0) < 0 && errno == EINVAL, "setattr NULL: EINVAL");
    a->policy = 77;
    errno = 0;
    CHECK(syscall(__NR_sched_setattr, 0, buf, 0) < 0 && errno == EINVAL, "unknown policy: EINVAL");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
