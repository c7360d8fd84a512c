/*
 * Signal system calls of the first slice: the guest's dispositions, mask
 * and alternate stack are recorded (so that later queries return them and
 * the signal layer can take them over), but guest handlers are not yet
 * called. Signals a guest sends to itself are decided here from the
 * recorded disposition, so that abort() ends the process with SIGABRT as
 * the guest expects (and without a core file of the translator).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "linux/signal.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

#define GUEST_SIGSET_SIZE 8u
#define SIGBIT(signo) (1ull << ((signo) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/* Asynchronous signals whose SIG_IGN / SIG_DFL the host mirrors, so that
 * e.g. a guest ignoring SIGPIPE is not killed by a write to a closed pipe.
 * Synchronous signals belong to the executor's fault handling. */
static bool host_mirrors(int signo)
{
    switch (signo) {
    case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
    case SIGKILL: case SIGSTOP:
        return false;
    default:
        return signo >= 1 && signo <= 31;
    }
}

void linux_signal_state_init(void)
{
    /* Ignored dispositions and the blocked mask survive execve on Linux
     * (nohup, background jobs of a shell): the guest starts with the ones
     * a32run inherited. */
    for (int signo = 1; signo <= 31; signo++) {
        struct sigaction host;
        if (host_mirrors(signo) && sigaction(signo, NULL, &host) == 0 &&
            host.sa_handler == SIG_IGN)
            linux_sigactions[signo].handler = GUEST_SIG_IGN;
    }
    sigset_t blocked;
    if (pthread_sigmask(SIG_SETMASK, NULL, &blocked) == 0) {
        uint64_t mask = 0;
        for (int signo = 1; signo <= GUEST_NSIG; signo++)
            if (signo < NSIG && sigismember(&blocked, signo) == 1)
                mask |= SIGBIT(signo);
        linux_thread.sigmask = mask & ~UNBLOCKABLE;
    }
}

long sys_rt_sigaction(struct guest_thread *thread, const uint32_t *arg)
{
    int signo = (int)arg[0];
    if (arg[3] != GUEST_SIGSET_SIZE || signo < 1 || signo > GUEST_NSIG)
        return -EINVAL;
    struct guest_sigaction new_action;
    if (arg[1]) {
        if (signo == SIGKILL || signo == SIGSTOP)
            return -EINVAL;
        if (guest_copy_from(&new_action, arg[1], sizeof new_action) < 0)
            return -EFAULT;
    }
    /* As the kernel: install first, then report the old action. */
    struct guest_sigaction old_action = linux_sigactions[signo];
    if (arg[1]) {
        new_action.mask[0] &= ~(uint32_t)UNBLOCKABLE;
        linux_sigactions[signo] = new_action;
        signal_action_changed(signo);
    }
    if (arg[2] && guest_copy_to(arg[2], &old_action, sizeof old_action) < 0)
        return -EFAULT;
    return 0;
}

long sys_rt_sigprocmask(struct guest_thread *thread, const uint32_t *arg)
{
    int how = (int)arg[0];
    if (arg[3] != GUEST_SIGSET_SIZE)
        return -EINVAL;
    uint64_t old = linux_thread.sigmask;
    if (arg[1]) {
        uint64_t set;
        if (guest_copy_from(&set, arg[1], sizeof set) < 0)
            return -EFAULT;
        switch (how) {
        case SIG_BLOCK: linux_thread.sigmask |= set; break;
        case SIG_UNBLOCK: linux_thread.sigmask &= ~set; break;
        case SIG_SETMASK: linux_thread.sigmask = set; break;
        default: return -EINVAL;
        }
        linux_thread.sigmask &= ~UNBLOCKABLE;
        signal_mask_changed();
    }
    if (arg[2] && guest_copy_to(arg[2], &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

long sys_sigaltstack(struct guest_thread *thread, const uint32_t *arg)
{
    struct guest_stack old = linux_thread.altstack;
    if (old.ss_size == 0)
        old.ss_flags = GUEST_SS_DISABLE;
    if (arg[0]) {
        struct guest_stack ss;
        if (guest_copy_from(&ss, arg[0], sizeof ss) < 0)
            return -EFAULT;
        uint32_t mode = (uint32_t)ss.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != 0 && mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK)
            return -EINVAL;
        if (mode == GUEST_SS_DISABLE) {
            ss.ss_sp = 0;
            ss.ss_size = 0;
        } else if (ss.ss_size < GUEST_MINSIGSTKSZ) {
            return -ENOMEM;
        }
        ss.ss_flags = (int32_t)((uint32_t)ss.ss_flags & GUEST_SS_AUTODISARM);
        linux_thread.altstack = ss;
    }
    if (arg[1] && guest_copy_to(arg[1], &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

/* Default action "ignore" (signal(7)). */
static bool default_ignored(int signo)
{
    return signo == SIGCHLD || signo == SIGURG || signo == SIGWINCH || signo == SIGCONT;
}

static bool default_stops(int signo)
{
    return signo == SIGSTOP || signo == SIGTSTP || signo == SIGTTIN || signo == SIGTTOU;
}

/* A signal the guest sends to itself. Returns 1 if the host should send
 * it: host dispositions and masks mirror the guest's, so the host kernel
 * ignores, records (through a32run's handler) or keeps pending exactly as
 * Linux would for the guest. An unblocked signal whose default action
 * terminates ends the process here, with a32run's exit work (robust
 * lists, --strace's last line). */
static int signal_to_self(int signo)
{
    if (signo < 1 || signo > GUEST_NSIG || signo == SIGKILL || default_stops(signo))
        return 1;
    if (linux_sigactions[signo].handler != GUEST_SIG_DFL || default_ignored(signo) ||
        (linux_thread.sigmask & SIGBIT(signo)))
        return 1;
    linux_die_of_signal(signo);
}

long sys_kill(struct guest_thread *thread, const uint32_t *arg)
{
    pid_t pid = (pid_t)arg[0];
    int signo = (int)arg[1];
    if (pid == getpid() && !signal_to_self(signo))
        return 0;
    return host_result(kill(pid, signo));
}

long sys_tgkill(struct guest_thread *thread, const uint32_t *arg)
{
    pid_t tgid = (pid_t)arg[0], tid = (pid_t)arg[1];
    int signo = (int)arg[2];
    if (tgid == getpid() && tid == gettid() && !signal_to_self(signo))
        return 0;
    return host_result(tgkill(tgid, tid, signo));
}

long sys_tkill(struct guest_thread *thread, const uint32_t *arg)
{
    pid_t tid = (pid_t)arg[0];
    int signo = (int)arg[1];
    if (tid == gettid() && !signal_to_self(signo))
        return 0;
    return host_result(syscall(SYS_tkill, tid, signo));
}
