/*
 * signalfd and signalfd4: a host signalfd with the guest's mask.
 *
 * Guest and host signal numbers are the same 1..64 and signals the guest
 * blocks stay blocked, and so pending, in the host kernel (signal.c keeps
 * the host mask equal to the guest mask), which is what a signalfd
 * reads. The mask is the kernel's 64-bit sigset passed with the raw
 * system call: glibc's signalfd() would drop signals 32 and 33, which
 * the guest's C library uses like the host's.
 *
 * Reads need no translation: struct signalfd_siginfo is 128 bytes of
 * fixed-width fields, the same on ARM and both hosts (pinned by
 * struct guest_signalfd_siginfo in guest_abi.h); ssi_ptr carries a
 * guest sigval zero-extended, as a 32-bit kernel gives it. Only ssi_arch
 * (SIGSYS) names the host architecture, and ssi_addr holds a host address
 * for faults, which a32run never lets pend.
 *
 * Limit: a signal signal.c has already taken from the host kernel (its
 * host handler ran, delivery to the guest handler not yet done) is not
 * visible to a signalfd, as it is no longer pending on the host; this
 * only happens for a signal the guest unblocked and blocked again while
 * it was in flight.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/syscall.h"
#include "mem/guest_mem.h"

/* SFD_CLOEXEC and SFD_NONBLOCK are O_CLOEXEC and O_NONBLOCK, whose ARM
 * values equal the hosts': guest flags pass unchanged, so the kernel's
 * check of unknown bits (EINVAL) is the host's. */
#define GUEST_SFD_CLOEXEC GUEST_O_CLOEXEC
#define GUEST_SFD_NONBLOCK GUEST_O_NONBLOCK
_Static_assert(GUEST_SFD_CLOEXEC == O_CLOEXEC && GUEST_SFD_NONBLOCK == O_NONBLOCK,
               "host SFD_* flags differ from ARM's");

/* The kernel checks the size (sizeof(sigset_t), 8 on ARM), then reads the
 * mask, then the flags and the descriptor. */
static long do_signalfd(const uint32_t *arg, uint32_t flags)
{
    if (arg[2] != sizeof(uint64_t))
        return -EINVAL;
    uint64_t mask;
    if (guest_copy_from(&mask, arg[1], sizeof mask) < 0)
        return -EFAULT;
    /* Bit signo - 1 in both worlds (signal_guest_to_host is the identity
     * for 1..64); SIGKILL and SIGSTOP are dropped by the host kernel. */
    return host_result(syscall(SYS_signalfd4, (int)arg[0], &mask, sizeof mask, flags));
}

long sys_signalfd(struct guest_thread *thread, const uint32_t *arg)
{
    return do_signalfd(arg, 0);
}

long sys_signalfd4(struct guest_thread *thread, const uint32_t *arg)
{
    return do_signalfd(arg, arg[3]);
}
