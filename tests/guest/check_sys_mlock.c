/*
 * mlock, munlock, mlock2, mlockall, munlockall and mincore with a 32-bit
 * address space, self-checking: locking a mapped range (unaligned start
 * and length are rounded to pages) shows up in /proc/self/status VmLck
 * and goes with munlock; mlock2(MLOCK_ONFAULT); a range with an unmapped
 * hole or outside every mapping is ENOMEM, a range wrapping past 4 GiB
 * EINVAL (a 32-bit kernel's arithmetic), a zero length 0, unknown mlock2
 * flags EINVAL; mlockall(MCL_CURRENT) locks the program's mappings (VmLck
 * about its mapped size, far below 4 GiB), bad mlockall flags EINVAL;
 * munlockall clears every lock. mincore: resident bytes for touched pages,
 * a page never touched of a fresh anonymous mapping not resident, ENOMEM
 * for a hole, EINVAL for an unaligned start, EFAULT for a bad vector.
 * Lock checks need RLIMIT_MEMLOCK room or CAP_IPC_LOCK: without them
 * (EPERM/ENOMEM/EAGAIN for a 32 KiB lock) those checks are skipped,
 * and mlockall's with a limit below the program's size (ENOMEM).
 * qemu-arm 7.2 differs: no mlock2 (ENOSYS), mlockall locks its whole
 * host address space (VmLck of gigabytes) and accepts unknown flags,
 * munlock passes unmapped ranges to the host (0, not ENOMEM; ENOMEM for
 * a range wrapping past 4 GiB).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "check.h"

/* VmLck of /proc/self/status in KiB, or -1. */
static long vm_locked_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmLck: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

/* A check that needs a host kernel feature qemu-aarch64 does not emulate
 * (the AArch64 build's tests run under it, with A32RUN_HOST_EMULATED
 * set; it has no mlock2): a failure there is reported as a skip. */
#define CHECK_HOSTDEP(cond, ...) do { int ok_ = (cond); \
    if (!ok_ && getenv("A32RUN_HOST_EMULATED")) { printf("skip: "); printf(__VA_ARGS__); \
        printf(" (not emulated by %s)\n", getenv("A32RUN_HOST_EMULATED")); } \
    else CHECK(ok_, __VA_ARGS__); } while (0)

#define PAGE 4096u

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    /* three pages, the middle one unmapped afterwards */
    char *p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap 16 pages");
    memset(p, 1, 8 * PAGE);

    long before = vm_locked_kb();
    int r = mlock(p + 100, 8 * PAGE - 200);
    int permitted = !(r < 0 && errno == EPERM);     /* RLIMIT_MEMLOCK 0, no CAP_IPC_LOCK */
    if (r < 0 && (errno == EPERM || errno == ENOMEM || errno == EAGAIN)) {
        printf("skip: locking not permitted here (errno %d)\n", errno);
    } else {
        CHECK(r == 0, "mlock 8 pages at an unaligned start");
        long kb = vm_locked_kb();
        CHECK(kb >= 0 && before >= 0 && kb - before == 32, "VmLck grew by 32 kB (%ld -> %ld)", before, kb);
        CHECK(munlock(p, 8 * PAGE) == 0, "munlock");
        CHECK(vm_locked_kb() == before, "VmLck back to %ld kB", before);
        CHECK_HOSTDEP(syscall(__NR_mlock2, p, 4 * PAGE, MLOCK_ONFAULT) == 0, "mlock2 MLOCK_ONFAULT");
        CHECK_HOSTDEP(vm_locked_kb() - before == 16, "mlock2 counts 16 kB");
        CHECK(munlock(p, 4 * PAGE) == 0, "munlock after mlock2");

        struct rlimit rl;
        getrlimit(RLIMIT_MEMLOCK, &rl);
        r = mlockall(MCL_CURRENT);
        if (r < 0 && errno == ENOMEM && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (64u << 20)) {
            printf("skip: mlockall: the program's mappings exceed RLIMIT_MEMLOCK %lu (ENOMEM, as Linux)\n",
                   (unsigned long)rl.rlim_cur);
            goto errors;
        }
        CHECK(r == 0, "mlockall(MCL_CURRENT)");
        long all = vm_locked_kb();
        CHECK(all >= 64 && all < 1024 * 1024, "VmLck %ld kB: the program's mappings, not 4 GiB", all);
        CHECK(munlockall() == 0 && vm_locked_kb() == 0, "munlockall clears every lock");
        CHECK(mlockall(MCL_CURRENT | MCL_FUTURE) == 0, "mlockall(MCL_CURRENT | MCL_FUTURE)");
        char *q = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        unsigned char v4[4];
        CHECK(q != MAP_FAILED && mincore(q, 4 * PAGE, v4) == 0 && (v4[0] & v4[3] & 1),
              "MCL_FUTURE: a new mapping is locked in (resident untouched)");
        munmap(q, 4 * PAGE);
        CHECK(munlockall() == 0 && vm_locked_kb() == 0, "munlockall after MCL_FUTURE");
    }
errors:
    /* errors, whatever the limit */
    errno = 0;
    CHECK(mlockall(0) < 0 && errno == EINVAL, "mlockall(0): EINVAL");
    errno = 0;
    CHECK(mlockall(MCL_ONFAULT) < 0 && errno == EINVAL, "mlockall(MCL_ONFAULT) alone: EINVAL");
    errno = 0;
    CHECK(mlockall(8 | MCL_CURRENT) < 0 && errno == EINVAL, "mlockall unknown flag: EINVAL");
    errno = 0;
    CHECK(syscall(__NR_mlock2, p, PAGE, 2) < 0 && errno == EINVAL, "mlock2 unknown flag: EINVAL");
    errno = 0;
    CHECK(permitted ? mlock(p, 0) == 0 : mlock(p, 0) < 0 && errno == EPERM,
          "mlock length 0: 0, or EPERM when locking is not permitted");
    CHECK(munlock(p + 5, 0) == 0, "munlock length 0");
    CHECK(munmap(p + 2 * PAGE, PAGE) == 0, "punch a hole");
    errno = 0;
    CHECK(munlock(p, 4 * PAGE) < 0 && errno == ENOMEM, "munlock across a hole: ENOMEM");
    errno = 0;
    CHECK(munlock((void *)0x1000, PAGE) < 0 && errno == ENOMEM, "munlock of unmapped page 1: ENOMEM");
    errno = 0;
    CHECK(munlock((void *)0xfffff000, 0x2000) < 0 && errno == EINVAL, "munlock wrapping past 4 GiB: EINVAL");
    errno = 0;
    CHECK(mlock((void *)0xfffff000, 0x2000) < 0 &&
          (errno == EINVAL || errno == ENOMEM || (!permitted && errno == EPERM)),
          "mlock wrapping past 4 GiB: EINVAL (ENOMEM over the limit, EPERM not permitted)");

    /* mincore */
    unsigned char vec[16];
    memset(vec, 0xee, sizeof vec);
    CHECK(mincore(p, 2 * PAGE, vec) == 0 && (vec[0] & 1) && (vec[1] & 1) && vec[0] <= 1,
          "mincore: touched pages resident (%d %d)", vec[0], vec[1]);
    char *fresh = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fresh[PAGE] = 1;
    CHECK(mincore(fresh, 8 * PAGE, vec) == 0 && !(vec[0] & 1) && (vec[1] & 1) && !(vec[7] & 1),
          "mincore: of a fresh mapping only the touched page is resident (%d %d %d)",
          vec[0], vec[1], vec[7]);
    memset(vec, 0xee, sizeof vec);
    errno = 0;
    CHECK(mincore(p, 4 * PAGE, vec) < 0 && errno == ENOMEM, "mincore across a hole: ENOMEM");
    errno = 0;
    CHECK(mincore(p + 1, PAGE, vec) < 0 && errno == EINVAL, "mincore unaligned: EINVAL");
    errno = 0;
    CHECK(mincore(p, PAGE, (void *)16) < 0 && errno == EFAULT, "mincore bad vector: EFAULT");
    errno = 0;
    CHECK(mincore((void *)0x1000, PAGE, vec) < 0 && errno == ENOMEM, "mincore unmapped page 1: ENOMEM");
    CHECK(mincore(p + 3 * PAGE, 1, vec) == 0, "mincore of 1 byte (rounded up to a page)");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
