/*
 * POSIX per-process timers: timer_create, timer_settime/timer_gettime
 * (32-bit and time64 forms), timer_getoverrun, timer_delete.
 *
 * Each guest timer is a host kernel timer created with the raw system
 * call (never glibc's wrapper, which would turn SIGEV_THREAD into its own
 * helper thread): guest timer ids are the host's ints, guest and host
 * signal numbers are the same 1..64, guest thread ids are host thread
 * ids, so the kernel's own validation of the sigevent (good_sigevent:
 * notify kind, signal range, SIGEV_THREAD_ID target in this thread group)
 * applies unchanged. Expiry signals arrive as host signals with
 * si_code SI_TIMER and reach the guest through signal.c, whose
 * siginfo_from_host carries si_timerid, si_overrun and the 32-bit
 * si_value. A guest's SIGEV_THREAD is done by its C library (a helper
 * thread targeted with SIGEV_THREAD_ID); the kernel treats a raw
 * SIGEV_THREAD like SIGEV_SIGNAL, and so does the host.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "linux/signal.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

/* The guest's SIGEV_* values are the generic ones (asm-generic/siginfo.h). */
_Static_assert(SIGEV_SIGNAL == 0 && SIGEV_NONE == 1 && SIGEV_THREAD == 2 &&
               SIGEV_THREAD_ID == 4, "host SIGEV_* values differ");

/* The kernel's struct sigevent on the host: sigval is a pointer-sized
 * union there, the rest are ints padded to 64 bytes. Built by hand so
 * that no C library field naming or size matters. */
struct host_kernel_sigevent {
    union { int sival_int; void *sival_ptr; } value;
    int signo;
    int notify;
    union { int tid; int pad[12]; } un;
};
_Static_assert(sizeof(struct host_kernel_sigevent) == 64, "kernel sigevent is 64 bytes");

long sys_timer_create(struct guest_thread *thread, const uint32_t *arg)
{
    clockid_t clock = (clockid_t)arg[0];
    struct host_kernel_sigevent host, *hostp = NULL;
    if (arg[1]) {
        struct guest_sigevent g;
        if (guest_copy_from(&g, arg[1], sizeof g) < 0)
            return -EFAULT;
        memset(&host, 0, sizeof host);
        /* A 32-bit sigval zero-extended: delivered back as its low word
         * (si_value is 4 bytes in the guest's siginfo). */
        host.value.sival_ptr = (void *)(uintptr_t)g.sigev_value;
        host.signo = signal_guest_to_host(g.sigev_signo);
        if (!host.signo)
            host.signo = g.sigev_signo;     /* out of range: the host refuses it alike */
        host.notify = g.sigev_notify;
        host.un.tid = (int)g.sigev_un[0];   /* SIGEV_THREAD_ID: a guest tid is a host tid */
        hostp = &host;
    }
    int id;
    long r = syscall(SYS_timer_create, clock, hostp, &id);
    if (r < 0)
        return -errno;
    /* Linux copies the id out last and releases the timer if that faults. */
    if (guest_copy_to(arg[2], &id, sizeof id) < 0) {
        syscall(SYS_timer_delete, id);
        return -EFAULT;
    }
    return 0;
}

/* timer_settime(id, flags, new, old): new is required (EINVAL without,
 * EFAULT unreadable); invalid nanoseconds are EINVAL before the id is
 * looked up, as in do_timer_settime; old is written after the change. */
static long do_timer_settime(const uint32_t *arg, bool time64)
{
    if (!arg[2])
        return -EINVAL;
    struct itimerspec new_value, old_value;
    long r = guest_itimerspec_read(&new_value, arg[2], time64);
    if (r < 0)
        return r;
    r = syscall(SYS_timer_settime, (int)arg[0], (int)arg[1], &new_value,
                arg[3] ? &old_value : NULL);
    if (r < 0)
        return -errno;
    return arg[3] ? guest_itimerspec_write(arg[3], &old_value, time64) : 0;
}

static long do_timer_gettime(const uint32_t *arg, bool time64)
{
    struct itimerspec cur;
    if (syscall(SYS_timer_gettime, (int)arg[0], &cur) < 0)
        return -errno;
    return guest_itimerspec_write(arg[1], &cur, time64);
}

long sys_timer_settime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timer_settime(arg, false);
}

long sys_timer_settime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timer_settime(arg, true);
}

long sys_timer_gettime(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timer_gettime(arg, false);
}

long sys_timer_gettime64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_timer_gettime(arg, true);
}

long sys_timer_getoverrun(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_timer_getoverrun, (int)arg[0]));
}

long sys_timer_delete(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_timer_delete, (int)arg[0]));
}
