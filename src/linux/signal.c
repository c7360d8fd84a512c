/*
 * Guest signal delivery (see signal.h).
 *
 * Asynchronous signals: for every signal the guest catches, a32run installs
 * a host handler that records the signal and its siginfo in this thread's
 * pending set, blocks it on the host (through the interrupted context's
 * uc_sigmask, so further instances stay queued in the kernel until this one
 * is delivered) and sets thread->signal_pending, which makes the
 * interpreter stop at the next block boundary. Delivery then happens in the
 * run loop (after an interrupt, a fault or a system call): one frame per
 * deliverable signal, as Linux's do_signal loop.
 *
 * Invariant: host mask of a guest thread = the guest mask (mapped) plus the
 * recorded-but-undelivered signals, minus the synchronous signals a32run
 * needs itself (SIGSEGV/SIGBUS/SIGILL/SIGFPE/SIGTRAP). So signals the guest
 * blocks stay pending in the host kernel, which also picks the thread.
 *
 * Host masks are handled as the kernel's 64-bit sigset with raw system
 * calls: the host C library refuses to block or handle signals 32 and 33
 * (it keeps them for its own thread cancellation and setxid broadcast),
 * but the guest's C library uses them the same way for its threads, so
 * a32run takes them over (a32run itself never cancels a host thread and
 * calls set*id as raw system calls). Guest and host signal numbers are
 * then the same for 1..64.
 *
 * Synchronous faults follow force_sig(): blocked or ignored -> reset to the
 * default action, which terminates.
 *
 * Restarts: a handler returns GUEST_ERESTART*; a host call that failed with
 * EINTR while a guest signal was recorded counts as ERESTARTSYS for the
 * calls signal(7) lists as restartable with SA_RESTART. At delivery the
 * guest pc is moved back to the SVC with r0 restored (restart) or r0 =
 * -EINTR, as Linux's handle_signal/do_signal do.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/ucontext.h>

#include "exec/fault.h"
#include "linux/safe_syscall.h"
#include "linux/signal.h"
#include "linux/signal_frame.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"
#include "guest/decode.h"
#include "options.h"

#define SIGBIT(signo) (1ull << ((signo) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define SYNCHRONOUS (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | \
                     SIGBIT(SIGTRAP) | SIGBIT(SIGFPE) | SIGBIT(SIGSYS))
#define NR_SIGRETURN 119u
#define NR_RT_SIGRETURN 173u

struct signal_thread_state {
    uint64_t recorded;                      /* written by host handlers too */
    struct guest_siginfo info[GUEST_NSIG + 1];
    int restart;                            /* ERESTART* of the last call */
    uint32_t restart_r0;
    bool restore_mask_valid;                /* sigsuspend's saved mask */
    uint64_t restore_mask;
};
static __thread struct signal_thread_state sigstate;

int signal_guest_to_host(int g)
{
    return g >= 1 && g <= GUEST_NSIG ? g : 0;
}

int signal_host_to_guest(int h)
{
    return signal_guest_to_host(h) == h ? h : 0;
}


/* The kernel's sigset: bit signo - 1 (8 bytes on both hosts). */
typedef uint64_t host_kernel_sigset;
#define HOST_SIGSET_SIZE sizeof(host_kernel_sigset)
#define HOST_ALWAYS_UNBLOCKED (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | \
                               SIGBIT(SIGFPE) | SIGBIT(SIGTRAP) | UNBLOCKABLE)

static host_kernel_sigset host_set_from_guest(uint64_t mask)
{
    return mask & ~HOST_ALWAYS_UNBLOCKED;
}

static void host_set_mask(int how, host_kernel_sigset set, host_kernel_sigset *old)
{
    syscall(SYS_rt_sigprocmask, how, &set, old, HOST_SIGSET_SIZE);
}

void signal_block_all_host(uint64_t *old)
{
    host_set_mask(SIG_BLOCK, ~HOST_ALWAYS_UNBLOCKED, old);
}

void signal_restore_host(uint64_t old)
{
    host_set_mask(SIG_SETMASK, old, NULL);
}

void signal_mask_changed(void)
{
    host_set_mask(SIG_SETMASK,
                  host_set_from_guest(linux_thread.sigmask |
                                      __atomic_load_n(&sigstate.recorded, __ATOMIC_RELAXED)),
                  NULL);
}

/* Blocks h in an interrupted context's saved mask (restored by the host
 * sigreturn). glibc's sigaddset refuses 32 and 33; the first 64 bits of
 * the host sigset_t are the kernel's mask on both hosts. */
static void block_in_ucontext(void *ucontext, int h)
{
    uint64_t *mask = (uint64_t *)&((ucontext_t *)ucontext)->uc_sigmask;
    *mask |= SIGBIT(h);
}

static void siginfo_from_host(struct guest_siginfo *g, int signo, const siginfo_t *h)
{
    memset(g, 0, sizeof *g);
    g->signo = signo;
    g->err = h->si_errno;
    g->code = h->si_code;
    if (h->si_code == SI_TIMER) {
        g->word[0] = (uint32_t)h->si_timerid;
        g->word[1] = (uint32_t)h->si_overrun;
        g->word[2] = (uint32_t)h->si_value.sival_int;
    } else if (h->si_code <= 0 || h->si_code == SI_KERNEL) {
        g->word[0] = (uint32_t)h->si_pid;
        g->word[1] = (uint32_t)h->si_uid;
        g->word[2] = (uint32_t)h->si_value.sival_int;
    } else if (signo == SIGCHLD) {
        g->word[0] = (uint32_t)h->si_pid;
        g->word[1] = (uint32_t)h->si_uid;
        g->word[2] = (uint32_t)h->si_status;
        g->word[3] = (uint32_t)h->si_utime;
        g->word[4] = (uint32_t)h->si_stime;
    } else if (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL ||
               signo == SIGFPE || signo == SIGTRAP) {
        uint32_t addr = 0;
        host_to_guest((uintptr_t)h->si_addr, &addr);
        g->word[0] = addr;
    } else if (signo == SIGIO) {
        g->word[0] = (uint32_t)h->si_band;
        g->word[1] = (uint32_t)h->si_fd;
    } else {
        g->word[0] = (uint32_t)h->si_pid;
        g->word[1] = (uint32_t)h->si_uid;
    }
}

/* Async-signal-safe: runs in host signal handlers. */
static void record_host_signal(int h, siginfo_t *info, void *ucontext, bool can_block)
{
    int g = signal_host_to_guest(h);
    if (!g)
        return;
    if (__atomic_load_n(&sigstate.recorded, __ATOMIC_RELAXED) & SIGBIT(g)) {
        /* Already recorded: standard signals merge; a queued real-time
         * instance goes back to the kernel's queue, blocked until then. */
        if (g >= 32 && can_block) {
            block_in_ucontext(ucontext, h);
            syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), h, info);
        }
        return;
    }
    siginfo_from_host(&sigstate.info[g], g, info);
    __atomic_or_fetch(&sigstate.recorded, SIGBIT(g), __ATOMIC_SEQ_CST);
    if (can_block)
        block_in_ucontext(ucontext, h);
    if (current_guest_thread)
        current_guest_thread->signal_pending = 1;
}

static void host_signal_handler(int h, siginfo_t *info, void *ucontext)
{
    int saved_errno = errno;
    record_host_signal(h, info, ucontext, true);
    safe_syscall_rewind(ucontext);
    errno = saved_errno;
}

/* SIGSEGV/SIGBUS sent with kill(): fault.c's handler passes them here. */
static void external_fault_signal(int h, siginfo_t *info, void *ucontext)
{
    record_host_signal(h, info, ucontext, false);
    safe_syscall_rewind(ucontext);
}

long safe_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
    static const int never_pending = 0;
    struct guest_thread *t = current_guest_thread;
    long r = safe_syscall_base(t ? &t->signal_pending : &never_pending,
                               nr, a1, a2, a3, a4, a5, a6);
    if (r == -EINTR && t && t->signal_pending)
        r = -GUEST_ERESTARTSYS;
    return r;
}

void signal_record_self(int g, int code)
{
    if (g < 1 || g > GUEST_NSIG ||
        (__atomic_load_n(&sigstate.recorded, __ATOMIC_RELAXED) & SIGBIT(g)))
        return;
    struct guest_siginfo *info = &sigstate.info[g];
    memset(info, 0, sizeof *info);
    info->signo = g;
    info->code = code;
    info->word[0] = (uint32_t)getpid();
    info->word[1] = (uint32_t)getuid();
    __atomic_or_fetch(&sigstate.recorded, SIGBIT(g), __ATOMIC_SEQ_CST);
    if (current_guest_thread)
        current_guest_thread->signal_pending = 1;
}

void signal_requeue_recorded(void)
{
    uint64_t recorded = __atomic_exchange_n(&sigstate.recorded, 0, __ATOMIC_SEQ_CST);
    for (int g = 1; g <= GUEST_NSIG; g++) {
        if (!(recorded & SIGBIT(g)))
            continue;
        int h = signal_guest_to_host(g);
        /* Thread-directed ones (tgkill) die with the thread, as in Linux. */
        if (h && sigstate.info[g].code != SI_TKILL)
            kill(getpid(), h);
    }
}

/* A forked child has no pending signals (fork(2)); the ones recorded
 * here belong to the parent. */
static void forget_recorded_in_child(void)
{
    __atomic_store_n(&sigstate.recorded, 0, __ATOMIC_SEQ_CST);
    if (current_guest_thread)
        current_guest_thread->signal_pending = 0;
    signal_mask_changed();
}

/* The kernel's struct sigaction and SA_RESTORER, the same on x86-64 and
 * AArch64 (asm/signal.h). */
#define HOST_SA_RESTORER 0x04000000ul
struct host_kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    host_kernel_sigset mask;
};

/* sigaction for the signals the host C library refuses (32, 33): the
 * raw system call, with the sigreturn restorer glibc uses for the others
 * (read back from the SIGSEGV action fault.c installed through glibc; on
 * AArch64 there is none and the kernel uses the vDSO). */
static void host_raw_sigaction(int h, const struct sigaction *sa)
{
    struct host_kernel_sigaction template_action, k;
    memset(&template_action, 0, sizeof template_action);
    syscall(SYS_rt_sigaction, SIGSEGV, NULL, &template_action, HOST_SIGSET_SIZE);
    memset(&k, 0, sizeof k);
    k.handler = (sa->sa_flags & SA_SIGINFO) ? (void *)sa->sa_sigaction
                                            : (void *)sa->sa_handler;
    k.flags = (unsigned long)sa->sa_flags | (template_action.flags & HOST_SA_RESTORER);
    k.restorer = template_action.restorer;
    k.mask = (sa->sa_flags & SA_SIGINFO) ? ~HOST_ALWAYS_UNBLOCKED : 0;
    syscall(SYS_rt_sigaction, h, &k, NULL, HOST_SIGSET_SIZE);
}

void signal_action_changed(int g)
{
    static bool hook_set;
    if (!hook_set) {
        exec_external_signal_hook = external_fault_signal;
        pthread_atfork(NULL, NULL, forget_recorded_in_child);
        hook_set = true;
    }
    int h = signal_guest_to_host(g);
    if (!h || h == SIGSEGV || h == SIGBUS || h == SIGKILL || h == SIGSTOP)
        return;
    const struct guest_sigaction *act = &linux_sigactions[g];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (act->handler > GUEST_SIG_IGN) {
        sa.sa_sigaction = host_signal_handler;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK |
                      (int)(act->flags & (GUEST_SA_NOCLDSTOP | GUEST_SA_NOCLDWAIT));
        sigfillset(&sa.sa_mask);
        sigdelset(&sa.sa_mask, SIGSEGV);
        sigdelset(&sa.sa_mask, SIGBUS);
    } else {
        sa.sa_handler = act->handler == GUEST_SIG_IGN ? SIG_IGN : SIG_DFL;
        sa.sa_flags = (int)(act->flags & GUEST_SA_NOCLDWAIT);
    }
    if (sigaction(h, &sa, NULL) < 0)
        host_raw_sigaction(h, &sa);
}

bool signal_deliverable(void)
{
    return (__atomic_load_n(&sigstate.recorded, __ATOMIC_RELAXED) & ~linux_thread.sigmask) != 0;
}

static int pick_signal(uint64_t set)
{
    uint64_t sync = set & SYNCHRONOUS;
    return __builtin_ctzll(sync ? sync : set) + 1;
}

static bool default_ignored(int g)
{
    return g == SIGCHLD || g == SIGURG || g == SIGWINCH || g == SIGCONT;
}

static bool default_stops(int g)
{
    return g == SIGSTOP || g == SIGTSTP || g == SIGTTIN || g == SIGTTOU;
}

/* Back to the SVC for a restart; inside an IT block the SVC's own
 * ITSTATE comes back too (the kernel restores the saved CPSR). */
static void rewind_to_svc(struct guest_thread *t)
{
    t->cpu.r[15] -= t->cpu.thumb ? 2 : 4;
    if (t->cpu.thumb)
        t->cpu.itstate = t->svc_itstate;
}

/* Linux's restart decision when a handler is about to run. */
static void restart_for_handler(struct guest_thread *t, const struct guest_sigaction *act)
{
    int code = sigstate.restart;
    if (!code)
        return;
    sigstate.restart = 0;
    if (code == GUEST_ERESTARTNOINTR ||
        (code == GUEST_ERESTARTSYS && (act->flags & GUEST_SA_RESTART))) {
        t->cpu.r[0] = sigstate.restart_r0;
        rewind_to_svc(t);
    } else {
        t->cpu.r[0] = (uint32_t)-EINTR;
    }
}

static void deliver(struct guest_thread *t, int g, const struct guest_siginfo *info,
                    uint32_t fault_address)
{
    struct guest_sigaction act = linux_sigactions[g];
    if (act.handler == GUEST_SIG_IGN)
        return;
    if (act.handler == GUEST_SIG_DFL) {
        if (default_ignored(g))
            return;
        if (default_stops(g)) {
            kill(getpid(), SIGSTOP);
            return;
        }
        linux_die_of_signal(g);
    }
    restart_for_handler(t, &act);
    uint64_t blocked = sigstate.restore_mask_valid ? sigstate.restore_mask
                                                   : linux_thread.sigmask;
    sigstate.restore_mask_valid = false;
    if (signal_frame_setup(t, g, info, &act, blocked, fault_address) < 0)
        linux_die_of_signal(SIGSEGV);       /* force_sigsegv */
    uint64_t add = (uint64_t)act.mask[0] | ((uint64_t)act.mask[1] << 32);
    if (!(act.flags & GUEST_SA_NODEFER))
        add |= SIGBIT(g);
    linux_thread.sigmask = (linux_thread.sigmask | add) & ~UNBLOCKABLE;
    if (act.flags & GUEST_SA_RESETHAND) {
        linux_sigactions[g].handler = GUEST_SIG_DFL;
        linux_sigactions[g].flags &= ~GUEST_SA_SIGINFO;
        signal_action_changed(g);
    }
}

void signal_deliver_pending(struct guest_thread *t)
{
    bool changed = false;
    for (;;) {
        t->signal_pending = 0;
        uint64_t ready = __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST) &
                         ~linux_thread.sigmask;
        if (!ready)
            break;
        int g = pick_signal(ready);
        struct guest_siginfo info = sigstate.info[g];
        __atomic_and_fetch(&sigstate.recorded, ~SIGBIT(g), __ATOMIC_SEQ_CST);
        changed = true;
        deliver(t, g, &info, 0);
    }
    if (changed)
        signal_mask_changed();
}

/* --debug: every synchronous guest signal, with the instruction word at
 * its pc (the first thing to look at for an unexpected SIGILL). */
static void debug_report_fault(const struct guest_thread *t)
{
    uint32_t pc = t->cpu.r[15], word = 0;
    bool readable = guest_access_ok(pc, t->cpu.thumb ? 2 : 4, GUEST_PROT_READ);
    if (readable)
        word = t->cpu.thumb ? guest_load16(pc) : guest_load32(pc);
    if (readable && t->cpu.thumb && guest_t32_is_32bit((uint16_t)word) &&
        guest_access_ok(pc + 2, 2, GUEST_PROT_READ))
        word = (word << 16) | guest_load16(pc + 2);
    dprintf(2, "a32run: guest signal %d (code %d) at pc 0x%08x (%s, insn %s0x%08x), "
            "address 0x%08x\n", t->fault.signo, t->fault.code, pc, t->cpu.thumb ? "T32" : "A32",
            readable ? "" : "unreadable ", word, t->fault.addr);
}

void signal_handle_fault(struct guest_thread *t)
{
    if (a32run_options.debug)
        debug_report_fault(t);
    int g = t->fault.signo;
    struct guest_siginfo info;
    memset(&info, 0, sizeof info);
    info.signo = g;
    info.code = t->fault.code;
    info.word[0] = t->fault.addr;
    struct guest_sigaction *act = &linux_sigactions[g];
    if ((linux_thread.sigmask & SIGBIT(g)) || act->handler == GUEST_SIG_IGN) {
        act->handler = GUEST_SIG_DFL;
        linux_thread.sigmask &= ~SIGBIT(g);
    }
    if (act->handler == GUEST_SIG_DFL)
        linux_die_of_signal(g);
    deliver(t, g, &info, t->fault.addr);
    signal_mask_changed();
}

/* Calls signal(7) restarts under SA_RESTART (a host EINTR counts as
 * ERESTARTSYS for them). */
static bool restartable_call(uint32_t nr)
{
    switch (nr) {
    case 3: case 4: case 5: case 54: case 55: case 114: case 143: case 145:
    case 146: case 180: case 181: case 187: case 221: case 239: case 240:
    case 280: case 283: case 285: case 289: case 290: case 291: case 292:
    case 296: case 297: case 322: case 340: case 361: case 362: case 366:
    case 384: case 422:
        return true;
    default:
        return false;
    }
}

void signal_after_syscall(struct guest_thread *t, uint32_t nr, uint32_t orig_r0)
{
    if (nr != NR_SIGRETURN && nr != NR_RT_SIGRETURN) {
        int32_t r = (int32_t)t->cpu.r[0];
        if (r == -EINTR && restartable_call(nr) &&
            __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST))
            r = -GUEST_ERESTARTSYS;
        if (r == -GUEST_ERESTARTSYS || r == -GUEST_ERESTARTNOINTR ||
            r == -GUEST_ERESTARTNOHAND || r == -GUEST_ERESTART_RESTARTBLOCK) {
            sigstate.restart = -r;
            sigstate.restart_r0 = orig_r0;
            t->cpu.r[0] = (uint32_t)-EINTR;
        }
    }
    signal_deliver_pending(t);
    if (sigstate.restart) {
        /* No handler ran: the call starts again with its arguments. */
        sigstate.restart = 0;
        t->cpu.r[0] = sigstate.restart_r0;
        rewind_to_svc(t);
    }
    if (sigstate.restore_mask_valid) {
        sigstate.restore_mask_valid = false;
        linux_thread.sigmask = sigstate.restore_mask;
        signal_mask_changed();
    }
}

/* ---- System calls of the signal layer ---- */

static long sigreturn_common(struct guest_thread *t, bool rt)
{
    uint64_t mask;
    if (signal_frame_restore(t, rt, &mask) < 0)
        linux_die_of_signal(SIGSEGV);       /* badframe: force_sig(SIGSEGV) */
    linux_thread.sigmask = mask & ~UNBLOCKABLE;
    signal_mask_changed();
    return (long)(int32_t)t->cpu.r[0];
}

long sys_sigreturn(struct guest_thread *t, const uint32_t *arg)
{
    return sigreturn_common(t, false);
}

long sys_rt_sigreturn(struct guest_thread *t, const uint32_t *arg)
{
    return sigreturn_common(t, true);
}

/* Waits with the guest mask temporarily set to temp until a signal is
 * recorded (host sigsuspend with every host signal blocked beforehand, so
 * none slips in between the check and the wait). */
static long suspend_with_mask(uint64_t temp)
{
    signal_block_all_host(NULL);
    sigstate.restore_mask = linux_thread.sigmask;
    sigstate.restore_mask_valid = true;
    linux_thread.sigmask = temp & ~UNBLOCKABLE;
    if (!signal_deliverable()) {
        host_kernel_sigset wait = host_set_from_guest(
            linux_thread.sigmask | __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST));
        syscall(SYS_rt_sigsuspend, &wait, HOST_SIGSET_SIZE);
    }
    signal_mask_changed();
    return -GUEST_ERESTARTNOHAND;
}

/* Calls that wait with a temporary signal mask (ppoll, pselect6,
 * epoll_pwait): the host kernel swaps the host mask atomically for the
 * call; a guest signal that the temporary mask lets through is then
 * delivered with the temporary mask in force and the original mask saved
 * in the frame, as sigsuspend does. */
bool signal_temp_mask_begin(uint64_t temp, uint64_t *host_mask)
{
    temp &= ~UNBLOCKABLE;
    uint64_t recorded = __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST);
    if (recorded & ~temp) {
        sigstate.restore_mask = linux_thread.sigmask;
        sigstate.restore_mask_valid = true;
        linux_thread.sigmask = temp;
        return false;
    }
    *host_mask = host_set_from_guest(temp | recorded);
    return true;
}

long signal_temp_mask_end(uint64_t temp, long result)
{
    temp &= ~UNBLOCKABLE;
    if ((result == -EINTR || result == -GUEST_ERESTARTSYS) &&
        (__atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST) & ~temp)) {
        sigstate.restore_mask = linux_thread.sigmask;
        sigstate.restore_mask_valid = true;
        linux_thread.sigmask = temp;
        return -GUEST_ERESTARTNOHAND;
    }
    return result == -GUEST_ERESTARTSYS ? -EINTR : result;
}

long sys_rt_sigsuspend(struct guest_thread *t, const uint32_t *arg)
{
    uint64_t set;
    if (arg[1] != 8)
        return -EINVAL;
    if (guest_copy_from(&set, arg[0], sizeof set) < 0)
        return -EFAULT;
    return suspend_with_mask(set);
}

long sys_sigsuspend(struct guest_thread *t, const uint32_t *arg)
{
    return suspend_with_mask(arg[2]);
}

long sys_pause(struct guest_thread *t, const uint32_t *arg)
{
    return suspend_with_mask(linux_thread.sigmask);
}

long sys_rt_sigpending(struct guest_thread *t, const uint32_t *arg)
{
    if (arg[1] > 8)
        return -EINVAL;
    host_kernel_sigset host = 0;
    uint64_t pending = __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST);
    if (syscall(SYS_rt_sigpending, &host, HOST_SIGSET_SIZE) == 0)
        pending |= host;
    pending &= linux_thread.sigmask;
    return guest_copy_to(arg[0], &pending, arg[1]) < 0 ? -EFAULT : 0;
}

static long take_recorded(uint64_t set, uint32_t info_addr)
{
    uint64_t ready = __atomic_load_n(&sigstate.recorded, __ATOMIC_SEQ_CST) & set;
    if (!ready)
        return 0;
    int g = pick_signal(ready);
    struct guest_siginfo info = sigstate.info[g];
    __atomic_and_fetch(&sigstate.recorded, ~SIGBIT(g), __ATOMIC_SEQ_CST);
    signal_mask_changed();
    if (info_addr && guest_copy_to(info_addr, &info, sizeof info) < 0)
        return -EFAULT;
    return g;
}

static long sigtimedwait_common(const uint32_t *arg, bool time64)
{
    if (arg[3] != 8)
        return -EINVAL;
    uint64_t set;
    if (guest_copy_from(&set, arg[0], sizeof set) < 0)
        return -EFAULT;
    set &= ~UNBLOCKABLE;
    struct timespec ts;
    if (arg[2]) {
        long r = guest_timespec_read(&ts, arg[2], time64);
        if (r < 0)
            return r;
    }
    long got = take_recorded(set, arg[1]);
    if (got)
        return got;
    host_kernel_sigset host = host_set_from_guest(set);
    siginfo_t hinfo;
    long h = safe_syscall(SYS_rt_sigtimedwait, &host, &hinfo, arg[2] ? &ts : NULL,
                          HOST_SIGSET_SIZE);
    if (h < 0) {
        if ((h == -EINTR || h == -GUEST_ERESTARTSYS) &&
            (got = take_recorded(set, arg[1])) != 0)
            return got;
        return h == -GUEST_ERESTARTSYS ? -EINTR : h;
    }
    int g = signal_host_to_guest((int)h);
    struct guest_siginfo info;
    siginfo_from_host(&info, g, &hinfo);
    if (arg[1] && guest_copy_to(arg[1], &info, sizeof info) < 0)
        return -EFAULT;
    return g;
}

long sys_rt_sigtimedwait(struct guest_thread *t, const uint32_t *arg)
{
    return sigtimedwait_common(arg, false);
}

long sys_rt_sigtimedwait_time64(struct guest_thread *t, const uint32_t *arg)
{
    return sigtimedwait_common(arg, true);
}

static void itimerval_to_guest(struct guest_itimerval32 *g, const struct itimerval *h)
{
    g->it_interval.tv_sec = (int32_t)h->it_interval.tv_sec;
    g->it_interval.tv_usec = (int32_t)h->it_interval.tv_usec;
    g->it_value.tv_sec = (int32_t)h->it_value.tv_sec;
    g->it_value.tv_usec = (int32_t)h->it_value.tv_usec;
}

long sys_setitimer(struct guest_thread *t, const uint32_t *arg)
{
    struct itimerval value, old;
    memset(&value, 0, sizeof value);
    if (arg[1]) {
        struct guest_itimerval32 g;
        if (guest_copy_from(&g, arg[1], sizeof g) < 0)
            return -EFAULT;
        value.it_interval.tv_sec = g.it_interval.tv_sec;
        value.it_interval.tv_usec = g.it_interval.tv_usec;
        value.it_value.tv_sec = g.it_value.tv_sec;
        value.it_value.tv_usec = g.it_value.tv_usec;
    }
    if (setitimer((int)arg[0], &value, &old) < 0)
        return -errno;
    if (arg[2]) {
        struct guest_itimerval32 g;
        itimerval_to_guest(&g, &old);
        if (guest_copy_to(arg[2], &g, sizeof g) < 0)
            return -EFAULT;
    }
    return 0;
}

long sys_getitimer(struct guest_thread *t, const uint32_t *arg)
{
    struct itimerval cur;
    if (getitimer((int)arg[0], &cur) < 0)
        return -errno;
    struct guest_itimerval32 g;
    itimerval_to_guest(&g, &cur);
    return guest_copy_to(arg[1], &g, sizeof g) < 0 ? -EFAULT : 0;
}

/* A guest siginfo for sending: its errno, code, pid, uid and value words
 * (the value pointer's low half is the guest's 32-bit value). */
static void host_siginfo_from_guest(siginfo_t *hi, int h, const struct guest_siginfo *gi)
{
    memset(hi, 0, sizeof *hi);
    hi->si_signo = h;
    hi->si_errno = gi->err;
    hi->si_code = gi->code;
    hi->si_pid = (pid_t)gi->word[0];
    hi->si_uid = gi->word[1];
    hi->si_value.sival_ptr = (void *)(uintptr_t)gi->word[2];
}

/* rt_sigqueueinfo / rt_tgsigqueueinfo: the guest siginfo's pid, uid and
 * value words go into a host siginfo; guest 32/33 to self are recorded. */
static long queueinfo(pid_t tgid, pid_t tid, int g, uint32_t info_addr)
{
    struct guest_siginfo gi;
    if (guest_copy_from(&gi, info_addr, sizeof gi) < 0)
        return -EFAULT;
    if (g < 1 || g > GUEST_NSIG)
        return -EINVAL;
    int h = signal_guest_to_host(g);
    if (!h) {
        if (tgid != getpid() || (tid && tid != gettid()))
            return -EINVAL;
        signal_record_self(g, gi.code);
        return 0;
    }
    siginfo_t hi;
    host_siginfo_from_guest(&hi, h, &gi);
    long r = tid ? syscall(SYS_rt_tgsigqueueinfo, tgid, tid, h, &hi)
                 : syscall(SYS_rt_sigqueueinfo, tgid, h, &hi);
    return r < 0 ? -errno : r;
}

long sys_rt_sigqueueinfo(struct guest_thread *t, const uint32_t *arg)
{
    return queueinfo((pid_t)arg[0], 0, (int)arg[1], arg[2]);
}

long sys_rt_tgsigqueueinfo(struct guest_thread *t, const uint32_t *arg)
{
    if ((pid_t)arg[1] <= 0)
        return -EINVAL;
    return queueinfo((pid_t)arg[0], (pid_t)arg[1], (int)arg[2], arg[3]);
}

/* pidfds name processes by host pid, which is the guest's; the flags
 * (PIDFD_NONBLOCK = O_NONBLOCK) have the same values. */
long sys_pidfd_open(struct guest_thread *t, const uint32_t *arg)
{
    return host_result(syscall(SYS_pidfd_open, (pid_t)arg[0], arg[1]));
}

long sys_pidfd_getfd(struct guest_thread *t, const uint32_t *arg)
{
    return host_result(syscall(SYS_pidfd_getfd, (int)arg[0], (int)arg[1], arg[2]));
}

/* pidfd_send_signal(pidfd, sig, info, flags): as rt_sigqueueinfo for the
 * siginfo; signal 0 probes. */
long sys_pidfd_send_signal(struct guest_thread *t, const uint32_t *arg)
{
    int g = (int)arg[1];
    if (g < 0 || g > GUEST_NSIG)
        return -EINVAL;
    int h = g ? signal_guest_to_host(g) : 0;
    if (!arg[2])
        return host_result(syscall(SYS_pidfd_send_signal, (int)arg[0], h, NULL, arg[3]));
    struct guest_siginfo gi;
    if (guest_copy_from(&gi, arg[2], sizeof gi) < 0)
        return -EFAULT;
    siginfo_t hi;
    host_siginfo_from_guest(&hi, h, &gi);
    return host_result(syscall(SYS_pidfd_send_signal, (int)arg[0], h, &hi, arg[3]));
}
