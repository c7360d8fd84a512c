/*
 * futex, futex_time64 and futex_waitv on guest words.
 *
 * Guest memory is host memory (at a fixed offset), and guest threads are
 * host threads with the same tids, so every futex operation maps onto the
 * host futex on the translated address: private and shared keys, PI
 * futexes (the word holds a tid) and requeue all keep their meaning. What
 * needs translation: the addresses (checked: aligned, inside the guest
 * space), the 32- or 64-bit timespec, and, for futex_waitv, the address in
 * each entry. Blocking operations go through safe_syscall() so that a
 * guest signal interrupts them without a race; a wait interrupted by a
 * signal restarts (with its full relative timeout; Linux would restart
 * with the remaining time) under SA_RESTART, else returns EINTR.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif

/* The kernel checks alignment first (EINVAL), then access (EFAULT). */
static long check_word(uint32_t addr)
{
    if (addr & 3u)
        return -EINVAL;
    if (!guest_access_ok(addr, 4, GUEST_PROT_READ))
        return -EFAULT;
    return 0;
}

static long do_futex(const uint32_t *arg, bool time64)
{
    uint32_t uaddr = arg[0], uaddr2 = arg[4];
    int op = (int)arg[1];
    int cmd = op & FUTEX_CMD_MASK;
    long r = check_word(uaddr);
    if (r < 0)
        return r;
    void *host1 = guest_to_host(uaddr);
    struct timespec ts, *timeout = NULL;

    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2:
    case FUTEX_WAIT_REQUEUE_PI:
        if (arg[3]) {
            r = guest_timespec_read(&ts, arg[3], time64);
            if (r < 0)
                return r;
            timeout = &ts;
        }
        break;
    default:
        break;
    }

    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET:
        return safe_syscall(SYS_futex, host1, op, arg[2], timeout, NULL, arg[5]);
    case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2:
        return safe_syscall(SYS_futex, host1, op, 0, timeout, NULL, 0);
    case FUTEX_WAKE: case FUTEX_WAKE_BITSET: case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
        return host_result(syscall(SYS_futex, host1, op, arg[2], NULL, NULL, arg[5]));
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI:
        if ((r = check_word(uaddr2)) < 0)
            return r;
        /* arg[3] is a count (val2), not a timeout, for these. */
        return host_result(syscall(SYS_futex, host1, op, arg[2], (unsigned long)arg[3],
                                   guest_to_host(uaddr2), arg[5]));
    case FUTEX_WAIT_REQUEUE_PI:
        if ((r = check_word(uaddr2)) < 0)
            return r;
        return safe_syscall(SYS_futex, host1, op, arg[2], timeout, guest_to_host(uaddr2),
                            arg[5]);
    default:
        /* FUTEX_FD (removed in Linux 2.6.26) and unknown commands. */
        return -ENOSYS;
    }
}

long sys_futex(struct guest_thread *thread, const uint32_t *arg)
{
    return do_futex(arg, false);
}

long sys_futex_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_futex(arg, true);
}

/* struct futex_waitv has fixed-size fields (same layout for 32 and 64-bit
 * tasks); only uaddr needs translating. */
struct guest_futex_waitv {
    uint64_t val;
    uint64_t uaddr;
    uint32_t flags;
    uint32_t reserved;
};
_Static_assert(sizeof(struct guest_futex_waitv) == 24, "struct futex_waitv");

#define FUTEX_WAITV_MAX 128

/* futex_waitv(waiters, nr_futexes, flags, timeout (__kernel_timespec,
 * absolute), clockid). */
long sys_futex_waitv(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t count = arg[1];
    if (arg[2] != 0 || count == 0 || count > FUTEX_WAITV_MAX)
        return -EINVAL;
    struct guest_futex_waitv waiters[FUTEX_WAITV_MAX];
    if (guest_copy_from(waiters, arg[0], count * sizeof waiters[0]) < 0)
        return -EFAULT;
    for (uint32_t i = 0; i < count; i++) {
        if (waiters[i].reserved)
            return -EINVAL;
        uint64_t addr = waiters[i].uaddr;
        /* The kernel checks size flags and alignment per entry. */
        if (addr > 0xffffffffull - 3 || (addr & 3u))
            return -EINVAL;
        if (!guest_access_ok((uint32_t)addr, 4, GUEST_PROT_READ))
            return -EFAULT;
        waiters[i].uaddr = (uint64_t)(uintptr_t)guest_to_host((uint32_t)addr);
    }
    struct timespec ts, *timeout = NULL;
    if (arg[3]) {
        long r = guest_timespec_read(&ts, arg[3], true);
        if (r < 0)
            return r;
        timeout = &ts;
    }
    return safe_syscall(SYS_futex_waitv, waiters, count, 0, timeout, (long)(int32_t)arg[4]);
}
