/*
 * Process and identity system calls: exit, ids, uname, the ARM TLS
 * calls, getrandom, resource limits, sysinfo, scheduling, prctl. Time and
 * futex calls are in sys_time.c.
 */
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>

#include "linux/syscall.h"
#include "linux/thread.h"
#include "mem/guest_mem.h"

/* exit: ends the calling guest thread; the last one ends the process. */
long sys_exit(struct guest_thread *thread, const uint32_t *arg)
{
    linux_thread_exit(thread, (int)arg[0]);
}

long sys_exit_group(struct guest_thread *thread, const uint32_t *arg)
{
    linux_exit_group((int)arg[0]);
}

long sys_set_tls(struct guest_thread *thread, const uint32_t *arg)
{
    thread->cpu.tpidruro = arg[0];
    return 0;
}

long sys_get_tls(struct guest_thread *thread, const uint32_t *arg)
{
    return thread->cpu.tpidruro;
}

/* breakpoint: the kernel raises SIGTRAP (TRAP_BRKPT) at the caller. */
long sys_breakpoint(struct guest_thread *thread, const uint32_t *arg)
{
    linux_force_signal(thread, SIGTRAP);
}

long sys_uname(struct guest_thread *thread, const uint32_t *arg)
{
    struct utsname host;
    if (uname(&host) < 0)
        return -errno;
    _Static_assert(sizeof host.sysname == GUEST_UTSNAME_LEN &&
                   sizeof host.domainname == GUEST_UTSNAME_LEN,
                   "host utsname fields are 65 bytes like the guest's");
    struct guest_utsname guest;
    memset(&guest, 0, sizeof guest);
    memcpy(guest.sysname, host.sysname, GUEST_UTSNAME_LEN);
    memcpy(guest.nodename, host.nodename, GUEST_UTSNAME_LEN);
    memcpy(guest.release, host.release, GUEST_UTSNAME_LEN);
    memcpy(guest.version, host.version, GUEST_UTSNAME_LEN);
    memcpy(guest.machine, "armv7l", sizeof "armv7l");
    memcpy(guest.domainname, host.domainname, GUEST_UTSNAME_LEN);
    return guest_copy_to(arg[0], &guest, sizeof guest);
}

/* sethostname/setdomainname(name, len): the host kernel checks privilege
 * (EPERM) before the length (EINVAL, over 64) and the pointer (EFAULT),
 * so it gets calls that fail the same way: a length over 64 (or negative)
 * as 65 with a readable buffer, a name that cannot be copied as NULL.
 * Within a UTS namespace this renames the namespace, as it would for a
 * native 32-bit process. */
static long set_uts_name(long host_nr, const uint32_t *arg)
{
    char name[GUEST_UTSNAME_LEN] = { 0 };
    uint32_t len = arg[1];
    const char *host_name = name;
    if (len >= GUEST_UTSNAME_LEN)
        len = GUEST_UTSNAME_LEN;
    else if (guest_copy_from(name, arg[0], len) < 0)
        host_name = NULL;
    long r = syscall(host_nr, host_name, (size_t)len);
    return r < 0 ? -errno : r;
}

long sys_sethostname(struct guest_thread *thread, const uint32_t *arg)
{
    return set_uts_name(SYS_sethostname, arg);
}

long sys_setdomainname(struct guest_thread *thread, const uint32_t *arg)
{
    return set_uts_name(SYS_setdomainname, arg);
}

long sys_getpid(struct guest_thread *thread, const uint32_t *arg) { return getpid(); }
long sys_getppid(struct guest_thread *thread, const uint32_t *arg) { return getppid(); }
long sys_gettid(struct guest_thread *thread, const uint32_t *arg) { return gettid(); }
long sys_getuid32(struct guest_thread *thread, const uint32_t *arg) { return (long)getuid(); }
long sys_geteuid32(struct guest_thread *thread, const uint32_t *arg) { return (long)geteuid(); }
long sys_getgid32(struct guest_thread *thread, const uint32_t *arg) { return (long)getgid(); }
long sys_getegid32(struct guest_thread *thread, const uint32_t *arg) { return (long)getegid(); }

static long put_three_ids(const uint32_t *arg, uint32_t a, uint32_t b, uint32_t c)
{
    if (guest_copy_to(arg[0], &a, 4) < 0 || guest_copy_to(arg[1], &b, 4) < 0 ||
        guest_copy_to(arg[2], &c, 4) < 0)
        return -EFAULT;
    return 0;
}

long sys_getresuid32(struct guest_thread *thread, const uint32_t *arg)
{
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0)
        return -errno;
    return put_three_ids(arg, r, e, s);
}

long sys_getresgid32(struct guest_thread *thread, const uint32_t *arg)
{
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0)
        return -errno;
    return put_three_ids(arg, r, e, s);
}

/* gid_t is 32 bits on both sides: the host fills the guest array, after
 * the check of exactly the bytes it will write (the group count). */
long sys_getgroups32(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t size = (int32_t)arg[0];
    if (size < 0)
        return -EINVAL;
    int count = getgroups(0, NULL);
    if (count < 0)
        return -errno;
    if (size == 0)
        return count;
    if (count > size)
        return -EINVAL;
    if (!guest_access_ok(arg[1], (uint32_t)count * 4u, GUEST_PROT_WRITE))
        return -EFAULT;
    return host_result(getgroups(count, guest_to_host(arg[1])));
}

long sys_set_tid_address(struct guest_thread *thread, const uint32_t *arg)
{
    linux_thread.clear_child_tid = arg[0];
    return gettid();
}

/* The host kernel cannot walk a 32-bit robust list: record it for the
 * thread layer, which walks it at guest thread exit. */
long sys_set_robust_list(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[1] != 12)   /* sizeof(struct robust_list_head) on ARM */
        return -EINVAL;
    linux_thread.robust_list_head = arg[0];
    linux_thread.robust_list_len = arg[1];
    return 0;
}

long sys_get_robust_list(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[0] != 0 && (pid_t)arg[0] != gettid())
        return -EPERM;
    if (guest_copy_to(arg[1], &linux_thread.robust_list_head, 4) < 0 ||
        guest_copy_to(arg[2], &linux_thread.robust_list_len, 4) < 0)
        return -EFAULT;
    return 0;
}

long sys_getrandom(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t want = arg[1] > 0x7ffff000u ? 0x7ffff000u : arg[1];
    uint32_t len = guest_access_prefix(arg[0], want, GUEST_PROT_WRITE);
    if (want && !len)
        return -EFAULT;
    return host_result(getrandom(guest_to_host(arg[0]), len, (unsigned)arg[2]));
}

/* Resource limits. The guest cannot shrink the translator's address space
 * (RLIMIT_AS would break the 4 GiB reservation): such a request is
 * accepted and not applied, and reported once. */
static bool limit_applies_to_host(int resource)
{
    if (resource == RLIMIT_AS) {
        linux_report_once("rlimit", (uint32_t)resource,
                          "RLIMIT_AS set by the guest is not applied");
        return false;
    }
    return true;
}

long sys_ugetrlimit(struct guest_thread *thread, const uint32_t *arg)
{
    struct rlimit rl;
    if (getrlimit((int)arg[0], &rl) < 0)
        return -errno;
    struct guest_rlimit32 g = { guest_rlim32_from_host(rl.rlim_cur),
                                guest_rlim32_from_host(rl.rlim_max) };
    return guest_copy_to(arg[1], &g, sizeof g);
}

long sys_setrlimit(struct guest_thread *thread, const uint32_t *arg)
{
    struct guest_rlimit32 g;
    if (guest_copy_from(&g, arg[1], sizeof g) < 0)
        return -EFAULT;
    struct rlimit rl = { guest_rlim32_to_host(g.rlim_cur), guest_rlim32_to_host(g.rlim_max) };
    if (rl.rlim_cur > rl.rlim_max)
        return -EINVAL;
    if (!limit_applies_to_host((int)arg[0]))
        return 0;
    return host_result(setrlimit((int)arg[0], &rl));
}

/* prlimit64(pid, resource, new, old): struct rlimit64 has the host's
 * struct rlimit layout (two 64-bit values). */
long sys_prlimit64(struct guest_thread *thread, const uint32_t *arg)
{
    pid_t pid = (pid_t)arg[0];
    int resource = (int)arg[1];
    struct rlimit new_limit, old_limit;
    struct rlimit *new_ptr = NULL;
    if (arg[2]) {
        struct guest_rlimit64 g;
        if (guest_copy_from(&g, arg[2], sizeof g) < 0)
            return -EFAULT;
        new_limit.rlim_cur = g.rlim_cur;
        new_limit.rlim_max = g.rlim_max;
        new_ptr = &new_limit;
        bool self = pid == 0 || pid == getpid();
        if (self && !limit_applies_to_host(resource))
            new_ptr = NULL;
    }
    if (arg[3] && !guest_access_ok(arg[3], sizeof(struct guest_rlimit64), GUEST_PROT_WRITE))
        return -EFAULT;
    if (prlimit(pid, resource, new_ptr, arg[3] ? &old_limit : NULL) < 0)
        return -errno;
    if (arg[3]) {
        struct guest_rlimit64 g = { old_limit.rlim_cur, old_limit.rlim_max };
        return guest_copy_to(arg[3], &g, sizeof g);
    }
    return 0;
}

long sys_sysinfo(struct guest_thread *thread, const uint32_t *arg)
{
    struct sysinfo host;
    if (sysinfo(&host) < 0)
        return -errno;
    struct guest_sysinfo g;
    guest_sysinfo_from_host(&g, &host);
    return guest_copy_to(arg[0], &g, sizeof g);
}

long sys_sched_yield(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(sched_yield());
}

/* sched_getaffinity(pid, len, mask): the guest's mask is in 32-bit words
 * (len a multiple of 4), the host's in 64-bit words. Returns the bytes
 * stored, as the kernel does. */
long sys_sched_getaffinity(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t len = arg[1];
    if (len & 3u)
        return -EINVAL;
    uint8_t mask[1024];
    long r = syscall(SYS_sched_getaffinity, (pid_t)arg[0], sizeof mask, mask);
    if (r < 0)
        return -errno;
    uint32_t used = (uint32_t)r;
    while (used > 4 && !mask[used - 1] && !mask[used - 2] && !mask[used - 3] &&
           !mask[used - 4])
        used -= 4;      /* trailing zero words beyond the guest's buffer are fine */
    if (len < used)
        return -EINVAL;
    /* A 32-bit kernel stores whole 32-bit words up to the last possible
     * CPU; trailing zero words are dropped like that. */
    if (guest_copy_to(arg[2], mask, used) < 0)
        return -EFAULT;
    return used;
}


long sys_getpgrp(struct guest_thread *thread, const uint32_t *arg) { return getpgrp(); }
long sys_setsid(struct guest_thread *thread, const uint32_t *arg) { return host_result(setsid()); }

long sys_getpgid(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(getpgid((pid_t)arg[0]));
}

long sys_setpgid(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(setpgid((pid_t)arg[0], (pid_t)arg[1]));
}

long sys_getsid(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(getsid((pid_t)arg[0]));
}

long sys_getrusage(struct guest_thread *thread, const uint32_t *arg)
{
    struct rusage ru;
    if (getrusage((int)arg[0], &ru) < 0)
        return -errno;
    struct guest_rusage g;
    guest_rusage_from_host(&g, &ru);
    return guest_copy_to(arg[1], &g, sizeof g);
}

/* getpriority returns 20 - nice (the raw syscall's biased form). */
long sys_getpriority(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_getpriority, (int)arg[0], (id_t)arg[1]));
}

long sys_setpriority(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(setpriority((int)arg[0], (id_t)arg[1], (int)arg[2]));
}

long sys_getcpu(struct guest_thread *thread, const uint32_t *arg)
{
    unsigned cpu, node;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) < 0)
        return -errno;
    if ((arg[0] && guest_copy_to(arg[0], &cpu, 4) < 0) ||
        (arg[1] && guest_copy_to(arg[1], &node, 4) < 0))
        return -EFAULT;
    return 0;
}

/* personality: a native ARM kernel runs 32-bit programs as PER_LINUX.
 * Other values are recorded (and returned by the next call), not applied
 * to the translator. */
long sys_personality(struct guest_thread *thread, const uint32_t *arg)
{
    static uint32_t persona;    /* PER_LINUX */
    uint32_t old = persona;
    if (arg[0] != 0xffffffffu) {
        if (arg[0] != persona)
            linux_report_once("personality", arg[0],
                              "personality 0x%x recorded, not applied", arg[0]);
        persona = arg[0];
    }
    return old;
}

/* prctl: the thread name and a few process flags with plain int or
 * 16-byte arguments; other options are refused with EINVAL (reported),
 * since their arguments may hold guest pointers. */
long sys_prctl(struct guest_thread *thread, const uint32_t *arg)
{
    int option = (int)arg[0];
    char name[16];
    switch (option) {
    case PR_SET_NAME: {
        long len = guest_strlen_checked(arg[1], 4096);
        if (len < 0)
            return len == -ENAMETOOLONG ? -EINVAL : len;
        memset(name, 0, sizeof name);
        guest_copy_from(name, arg[1], (size_t)len < sizeof name ? (size_t)len : sizeof name - 1);
        return host_result(prctl(PR_SET_NAME, name, 0, 0, 0));
    }
    case PR_GET_NAME:
        if (prctl(PR_GET_NAME, name, 0, 0, 0) < 0)
            return -errno;
        return guest_copy_to(arg[1], name, sizeof name);
    case PR_SET_PDEATHSIG: case PR_SET_DUMPABLE: case PR_GET_DUMPABLE:
    case PR_SET_NO_NEW_PRIVS: case PR_GET_NO_NEW_PRIVS:
    case PR_GET_KEEPCAPS: case PR_SET_KEEPCAPS: case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
        return host_result(prctl(option, (unsigned long)arg[1], (unsigned long)arg[2],
                                 (unsigned long)arg[3], (unsigned long)arg[4]));
    case PR_GET_PDEATHSIG: {
        int sig;
        if (prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) < 0)
            return -errno;
        return guest_copy_to(arg[1], &sig, sizeof sig);
    }
    default:
        linux_report_once("prctl", (uint32_t)option, "unsupported prctl option %d (EINVAL)", option);
        return -EINVAL;
    }
}

/* The 16-bit id calls of the EABI table: ids above 65535 read as the
 * overflow id 65534, as the kernel's high2lowuid() does. */
static long low_id(uint32_t id)
{
    return id > 0xffffu ? 65534 : (long)id;
}

long sys_getuid(struct guest_thread *thread, const uint32_t *arg) { return low_id(getuid()); }
long sys_geteuid(struct guest_thread *thread, const uint32_t *arg) { return low_id(geteuid()); }
long sys_getgid(struct guest_thread *thread, const uint32_t *arg) { return low_id(getgid()); }
long sys_getegid(struct guest_thread *thread, const uint32_t *arg) { return low_id(getegid()); }

/* set*id: with one guest thread per host thread and the guest alone in the
 * process, the raw (per-thread) syscalls are what the kernel would do for
 * the calling thread; glibc in the guest broadcasts to its other threads. */
long sys_setuid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setuid, (uid_t)arg[0]));
}

long sys_setgid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setgid, (gid_t)arg[0]));
}

long sys_setreuid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setreuid, (uid_t)arg[0], (uid_t)arg[1]));
}

long sys_setregid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setregid, (gid_t)arg[0], (gid_t)arg[1]));
}

long sys_setresuid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setresuid, (uid_t)arg[0], (uid_t)arg[1], (uid_t)arg[2]));
}

long sys_setresgid32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_setresgid, (gid_t)arg[0], (gid_t)arg[1], (gid_t)arg[2]));
}

long sys_setfsuid32(struct guest_thread *thread, const uint32_t *arg)
{
    return syscall(SYS_setfsuid, (uid_t)arg[0]);    /* returns the old id, never fails */
}

long sys_setfsgid32(struct guest_thread *thread, const uint32_t *arg)
{
    return syscall(SYS_setfsgid, (gid_t)arg[0]);
}

long sys_setgroups32(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t size = (int32_t)arg[0];
    if (size < 0 || size > 65536)   /* NGROUPS_MAX */
        return -EINVAL;
    if (!guest_access_ok(arg[1], (uint32_t)size * 4u, GUEST_PROT_READ))
        return -EFAULT;
    return host_result(syscall(SYS_setgroups, (int)size, size ? guest_to_host(arg[1]) : NULL));
}

/* Scheduling: struct sched_param is a single int everywhere. */
long sys_sched_getscheduler(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(sched_getscheduler((pid_t)arg[0]));
}

long sys_sched_getparam(struct guest_thread *thread, const uint32_t *arg)
{
    struct sched_param sp;
    if (sched_getparam((pid_t)arg[0], &sp) < 0)
        return -errno;
    int32_t priority = sp.sched_priority;
    return guest_copy_to(arg[1], &priority, sizeof priority);
}

long sys_sched_setparam(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t priority;
    if (guest_copy_from(&priority, arg[1], sizeof priority) < 0)
        return -EFAULT;
    struct sched_param sp = { .sched_priority = priority };
    return host_result(sched_setparam((pid_t)arg[0], &sp));
}

long sys_sched_setscheduler(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t priority;
    if (guest_copy_from(&priority, arg[2], sizeof priority) < 0)
        return -EFAULT;
    struct sched_param sp = { .sched_priority = priority };
    return host_result(syscall(SYS_sched_setscheduler, (pid_t)arg[0], (int)arg[1], &sp));
}

long sys_sched_get_priority_max(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(sched_get_priority_max((int)arg[0]));
}

long sys_sched_get_priority_min(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(sched_get_priority_min((int)arg[0]));
}

/* The CPU mask is a little-endian bit array in both worlds (32-bit words
 * in the guest, 64-bit on the host): the same bytes. */
long sys_sched_setaffinity(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t len = arg[1];
    uint8_t mask[1024];
    memset(mask, 0, sizeof mask);
    uint32_t copy = len < sizeof mask ? len : (uint32_t)sizeof mask;
    if (guest_copy_from(mask, arg[2], copy) < 0)
        return -EFAULT;
    return host_result(syscall(SYS_sched_setaffinity, (pid_t)arg[0], sizeof mask, mask));
}
