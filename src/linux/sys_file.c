/*
 * File descriptor I/O system calls: read/write and their vector and
 * positional forms, open/close, seeking, dup, pipe and fcntl64 (ioctl is
 * in sys_ioctl.c).
 *
 * Buffers are checked with guest_access_ok() and then handed to the host
 * kernel in place (guest_to_host), so no copy is made; the host kernel
 * writes only inside the checked guest range. Data transfers use the
 * accessible prefix of a buffer (guest_access_prefix), so a count larger
 * than the mapped buffer behaves as on Linux: a short transfer, and EFAULT
 * only when not even the first byte is accessible.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "linux/proc_fs.h"
#include "linux/safe_syscall.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "linux/sysroot.h"
#include "mem/guest_mem.h"

/* Largest single transfer: Linux caps read/write at MAX_RW_COUNT
 * (INT_MAX & PAGE_MASK); keeps the result representable in r0. */
#define GUEST_MAX_RW 0x7ffff000u

/* The usable count of a read/write buffer, or 0 with *fault set. */
static uint32_t rw_count(uint32_t buf, uint32_t count, int prot, bool *fault)
{
    if (count > GUEST_MAX_RW)
        count = GUEST_MAX_RW;
    uint32_t usable = guest_access_prefix(buf, count, prot);
    *fault = count != 0 && usable == 0;
    return usable;
}

long sys_read(struct guest_thread *thread, const uint32_t *arg)
{
    bool fault;
    uint32_t count = rw_count(arg[1], arg[2], GUEST_PROT_WRITE, &fault);
    if (fault)
        return -EFAULT;
    return safe_syscall(SYS_read, (int)arg[0], guest_to_host(arg[1]), count);
}

/* A pipe takes a buffer in page-sized copies and drops a copy that
 * faults (fs/pipe.c pipe_write): only whole pages before the bad one are
 * written, and none is EFAULT. Other files take the accessible prefix. */
static uint32_t pipe_write_count(int fd, uint32_t usable, uint32_t requested)
{
    struct stat st;
    if (usable >= requested || fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode))
        return usable;
    return usable & ~(GUEST_PAGE_SIZE - 1);
}

long sys_write(struct guest_thread *thread, const uint32_t *arg)
{
    bool fault;
    uint32_t count = rw_count(arg[1], arg[2], GUEST_PROT_READ, &fault);
    if (fault)
        return -EFAULT;
    uint32_t requested = arg[2] > GUEST_MAX_RW ? GUEST_MAX_RW : arg[2];
    count = pipe_write_count((int)arg[0], count, requested);
    if (count == 0 && requested != 0)
        return -EFAULT;
    return safe_syscall(SYS_write, (int)arg[0], guest_to_host(arg[1]), count);
}

/* pread64(fd, buf, count, pad, off_lo, off_hi): the 64-bit offset starts
 * at an even register, so r3 is padding and the offset is r4:r5. */
long sys_pread64(struct guest_thread *thread, const uint32_t *arg)
{
    bool fault;
    uint32_t count = rw_count(arg[1], arg[2], GUEST_PROT_WRITE, &fault);
    if (fault)
        return -EFAULT;
    return host_result(pread((int)arg[0], guest_to_host(arg[1]), count,
                             (off_t)guest_arg64(arg, 4)));
}

long sys_pwrite64(struct guest_thread *thread, const uint32_t *arg)
{
    bool fault;
    uint32_t count = rw_count(arg[1], arg[2], GUEST_PROT_READ, &fault);
    if (fault)
        return -EFAULT;
    return host_result(pwrite((int)arg[0], guest_to_host(arg[1]), count,
                              (off_t)guest_arg64(arg, 4)));
}

/* Converts a guest iovec array (32-bit fields) into host iovecs. As in
 * Linux: a length above SSIZE_MAX is EINVAL, the total is capped at
 * GUEST_MAX_RW, and a buffer that turns bad part-way ends the vector there
 * (the transfer stops at the fault); EFAULT only if nothing is accessible.
 * Returns the number of host iovecs or -errno. */
long iovec_from_guest(struct iovec *host, uint32_t guest_iov,
                             uint32_t count, int prot)
{
    if (count > GUEST_IOV_MAX)
        return -EINVAL;
    struct guest_iovec g[64];
    uint32_t used = 0;
    uint64_t total = 0, accessible = 0;
    bool stopped = false;
    for (uint32_t done = 0; done < count;) {
        uint32_t n = count - done < 64 ? count - done : 64;
        if (guest_copy_from(g, guest_iov + done * 8u, n * sizeof g[0]) < 0)
            return -EFAULT;
        for (uint32_t i = 0; i < n; i++) {
            if (g[i].iov_len > 0x7fffffffu)
                return -EINVAL;
            if (stopped)
                continue;
            uint32_t len = g[i].iov_len;
            if (total + len > GUEST_MAX_RW)
                len = (uint32_t)(GUEST_MAX_RW - total);
            total += len;
            uint32_t usable = guest_access_prefix(g[i].iov_base, len, prot);
            host[used].iov_base = guest_to_host(g[i].iov_base);
            host[used].iov_len = usable;
            used++;
            accessible += usable;
            stopped = usable < len || total == GUEST_MAX_RW;
            if (usable < len && accessible == 0)
                return -EFAULT;
        }
        done += n;
    }
    return (long)used;
}

/* v2: preadv2/pwritev2 with RWF_* flags in arg[5] (arch-independent
 * values) and offset -1 meaning the current position. */
static long do_vector_io(const uint32_t *arg, bool writing, bool positional, bool v2)
{
    uint32_t count = arg[2];
    if (count > GUEST_IOV_MAX)
        return -EINVAL;
    struct iovec stack_iov[16];
    struct iovec *iov = count <= 16 ? stack_iov : malloc(count * sizeof *iov);
    if (!iov)
        return -ENOMEM;
    long r = iovec_from_guest(iov, arg[1], count,
                              writing ? GUEST_PROT_READ : GUEST_PROT_WRITE);
    if (r >= 0) {
        count = (uint32_t)r;
        int fd = (int)arg[0];
        /* preadv/pwritev(fd, iov, cnt, pos_l, pos_h): the kernel's compat
         * preadv takes the offset as two plain registers, no padding. */
        off_t pos = positional ? (off_t)((uint64_t)arg[3] | ((uint64_t)arg[4] << 32)) : 0;
        if (v2)
            r = writing ? pwritev2(fd, iov, (int)count, pos, (int)arg[5])
                        : preadv2(fd, iov, (int)count, pos, (int)arg[5]);
        else if (positional)
            r = writing ? pwritev(fd, iov, (int)count, pos) : preadv(fd, iov, (int)count, pos);
        else    /* pipes and sockets may block: interruptible without a race */
            r = safe_syscall(writing ? SYS_writev : SYS_readv, fd, iov, (int)count);
        if (v2 || positional)
            r = host_result(r);
    }
    if (iov != stack_iov)
        free(iov);
    return r;
}

long sys_readv(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, false, false, false);
}

long sys_writev(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, true, false, false);
}

long sys_preadv(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, false, true, false);
}

long sys_pwritev(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, true, true, false);
}

long sys_preadv2(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, false, true, true);
}

long sys_pwritev2(struct guest_thread *thread, const uint32_t *arg)
{
    return do_vector_io(arg, true, true, true);
}

/* ioprio_set/get(which, who[, ioprio]): plain integers. */
long sys_ioprio_set(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_ioprio_set, (int)arg[0], (int)arg[1], (int)arg[2]));
}

long sys_ioprio_get(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_ioprio_get, (int)arg[0], (int)arg[1]));
}

long sys_openat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    bool creates = arg[2] & GUEST_O_CREAT;
    bool no_follow = (arg[2] & GUEST_O_NOFOLLOW) || (creates && (arg[2] & GUEST_O_EXCL));
    long r = guest_host_path(arg[1], (creates ? SYSROOT_CREATE : 0) |
                             (no_follow ? SYSROOT_NOFOLLOW : 0), &host_path, &path);
    if (r < 0)
        return r;
    int host_flags = guest_open_flags_to_host(arg[2]);
    /* /proc is never redirected by the sysroot: path is the guest's. */
    if (path[0] == '/' && proc_fs_open(thread, path, host_flags, &r))
        return r;
    return host_result(openat((int)arg[0], path, host_flags, (mode_t)arg[3]));
}

long sys_open(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0], arg[1], arg[2] };
    return sys_openat(thread, shifted);
}

long sys_close(struct guest_thread *thread, const uint32_t *arg)
{
    long r = host_result(close((int)arg[0]));
    if (r == 0 || r == -EINTR)      /* the descriptor is gone either way */
        linux_dir_fd_closed((int)arg[0]);
    return r;
}

/* lseek with a 32-bit off_t: a position past 2 GiB - 1 gives EOVERFLOW
 * (after moving, as the kernel does). */
long sys_lseek(struct guest_thread *thread, const uint32_t *arg)
{
    int64_t pos;
    if (linux_dir_lseek((int)arg[0], (int32_t)arg[1], (int)arg[2], &pos))
        return pos;     /* a directory cookie: small by construction */
    off_t r = lseek((int)arg[0], (off_t)(int32_t)arg[1], (int)arg[2]);
    if (r < 0)
        return -errno;
    return r > INT32_MAX ? -EOVERFLOW : (long)r;
}

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
long sys__llseek(struct guest_thread *thread, const uint32_t *arg)
{
    if (!guest_access_ok(arg[3], 8, GUEST_PROT_WRITE))
        return -EFAULT;
    off_t offset = (off_t)(((uint64_t)arg[1] << 32) | arg[2]);
    int64_t result;
    if (linux_dir_lseek((int)arg[0], offset, (int)arg[4], &result)) {
        if (result < 0)
            return result;
        return guest_copy_to(arg[3], &result, sizeof result);
    }
    off_t r = lseek((int)arg[0], offset, (int)arg[4]);
    if (r < 0)
        return -errno;
    result = r;
    return guest_copy_to(arg[3], &result, sizeof result);
}

long sys_dup(struct guest_thread *thread, const uint32_t *arg)
{
    long r = host_result(dup((int)arg[0]));
    if (r >= 0)
        linux_dir_fd_duplicated((int)arg[0], (int)r);
    return r;
}

long sys_dup2(struct guest_thread *thread, const uint32_t *arg)
{
    long r = host_result(dup2((int)arg[0], (int)arg[1]));
    if (r >= 0)
        linux_dir_fd_duplicated((int)arg[0], (int)r);
    return r;
}

long sys_dup3(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[2] & ~GUEST_O_CLOEXEC)
        return -EINVAL;
    long r = host_result(dup3((int)arg[0], (int)arg[1], guest_open_flags_to_host(arg[2])));
    if (r >= 0)
        linux_dir_fd_duplicated((int)arg[0], (int)r);
    return r;
}

static long do_pipe2(uint32_t guest_fds, uint32_t flags)
{
    if (flags & ~(GUEST_O_CLOEXEC | GUEST_O_NONBLOCK | GUEST_O_DIRECT))
        return -EINVAL;
    if (!guest_access_ok(guest_fds, 8, GUEST_PROT_WRITE))
        return -EFAULT;
    int fds[2];
    if (pipe2(fds, guest_open_flags_to_host(flags)) < 0)
        return -errno;
    int32_t out[2] = { fds[0], fds[1] };
    if (guest_copy_to(guest_fds, out, sizeof out) < 0) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

long sys_pipe(struct guest_thread *thread, const uint32_t *arg)
{
    return do_pipe2(arg[0], 0);
}

long sys_pipe2(struct guest_thread *thread, const uint32_t *arg)
{
    return do_pipe2(arg[0], arg[1]);
}

/* Locks: struct flock (32-bit offsets) for F_GETLK/SETLK/SETLKW, struct
 * flock64 for the *64 and OFD commands. */
static long fcntl_lock(int fd, int host_cmd, uint32_t guest_addr, bool is64)
{
    struct flock fl;
    if (is64) {
        struct guest_flock64 g;
        if (guest_copy_from(&g, guest_addr, sizeof g) < 0)
            return -EFAULT;
        guest_flock64_to_host(&fl, &g);
    } else {
        struct guest_flock g;
        if (guest_copy_from(&g, guest_addr, sizeof g) < 0)
            return -EFAULT;
        guest_flock_to_host(&fl, &g);
    }
    /* F_SETLKW and F_OFD_SETLKW block: interruptible without a race. */
    long r = safe_syscall(SYS_fcntl, fd, host_cmd, &fl);
    if (r < 0)
        return r;
    if (host_cmd != F_GETLK && host_cmd != F_OFD_GETLK)
        return 0;
    if (is64) {
        struct guest_flock64 g;
        guest_flock64_from_host(&g, &fl);
        return guest_copy_to(guest_addr, &g, sizeof g);
    }
    struct guest_flock g;
    r = guest_flock_from_host(&g, &fl);
    if (r < 0)
        return r;
    return guest_copy_to(guest_addr, &g, sizeof g);
}

static long do_fcntl(const uint32_t *arg, bool fcntl64)
{
    int fd = (int)arg[0];
    int cmd = (int)arg[1];
    uint32_t a = arg[2];
    switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: {
        long r = host_result(fcntl(fd, cmd, (int)a));
        if (r >= 0)
            linux_dir_fd_duplicated(fd, (int)r);
        return r;
    }
    case F_GETFD: case F_SETFD:
    case F_SETOWN: case F_GETOWN: case F_SETSIG: case F_GETSIG:
    case F_SETLEASE: case F_GETLEASE: case F_NOTIFY:
    case F_SETPIPE_SZ: case F_GETPIPE_SZ: case F_ADD_SEALS: case F_GET_SEALS:
        return host_result(fcntl(fd, cmd, (int)a));
    case F_GETFL: {
        int r = fcntl(fd, F_GETFL);
        return r < 0 ? -errno : (long)host_open_flags_to_guest(r);
    }
    case F_SETFL:
        return host_result(fcntl(fd, F_SETFL, guest_open_flags_to_host(a)));
    case GUEST_F_GETLK: return fcntl_lock(fd, F_GETLK, a, false);
    case GUEST_F_SETLK: return fcntl_lock(fd, F_SETLK, a, false);
    case GUEST_F_SETLKW: return fcntl_lock(fd, F_SETLKW, a, false);
    case GUEST_F_OFD_GETLK: return fcntl_lock(fd, F_OFD_GETLK, a, true);
    case GUEST_F_OFD_SETLK: return fcntl_lock(fd, F_OFD_SETLK, a, true);
    case GUEST_F_OFD_SETLKW: return fcntl_lock(fd, F_OFD_SETLKW, a, true);
    case GUEST_F_GETLK64: case GUEST_F_SETLK64: case GUEST_F_SETLKW64:
        if (!fcntl64)
            return -EINVAL;
        return fcntl_lock(fd, cmd == GUEST_F_GETLK64 ? F_GETLK :
                          cmd == GUEST_F_SETLK64 ? F_SETLK : F_SETLKW, a, true);
    default:
        linux_report_once("fcntl", (uint32_t)cmd, "unsupported fcntl command %d (EINVAL)", cmd);
        return -EINVAL;
    }
}

long sys_fcntl(struct guest_thread *thread, const uint32_t *arg)
{
    return do_fcntl(arg, false);
}

long sys_fcntl64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_fcntl(arg, true);
}

/* poll(fds, nfds, timeout): struct pollfd and the POLL* bits are the same
 * on every architecture, so the host works on the guest array. */
long sys_poll(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t nfds = arg[1];
    if (nfds > 0x100000u)       /* RLIMIT_NOFILE-sized sanity cap */
        return -EINVAL;
    if (!guest_access_ok(arg[0], nfds * GUEST_POLLFD_SIZE, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return -EFAULT;
    /* AArch64 has no poll: ppoll with the timeout in a timespec. */
    int ms = (int)arg[2];
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    long r = safe_syscall(SYS_ppoll, guest_to_host(arg[0]), (unsigned long)nfds,
                          ms < 0 ? NULL : &ts, NULL, 8);
    return r == -GUEST_ERESTARTSYS ? -GUEST_ERESTARTNOHAND : r;
}

/* ppoll(fds, nfds, timeout, sigmask, sigsetsize). The guest mask applies
 * while waiting (signal_temp_mask_begin/end). The remaining time is
 * written back, as the kernel does. */
static long do_ppoll(const uint32_t *arg, bool time64)
{
    uint32_t nfds = arg[1];
    if (nfds > 0x100000u)
        return -EINVAL;
    if (arg[3] && arg[4] != 8)
        return -EINVAL;
    if (!guest_access_ok(arg[0], nfds * GUEST_POLLFD_SIZE, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return -EFAULT;
    struct timespec ts, *tsp = NULL;
    if (arg[2]) {
        long r = guest_timespec_read(&ts, arg[2], time64);
        if (r < 0)
            return r;
        tsp = &ts;
    }
    uint64_t temp = 0, host_mask = 0;
    if (arg[3] && guest_copy_from(&temp, arg[3], 8) < 0)
        return -EFAULT;
    if (arg[3] && !signal_temp_mask_begin(temp, &host_mask))
        return -GUEST_ERESTARTNOHAND;
    /* Raw syscall: the kernel updates *tsp with the time left. */
    long r = safe_syscall(SYS_ppoll, guest_to_host(arg[0]), (unsigned long)nfds, tsp,
                          arg[3] ? &host_mask : NULL, 8);
    if (arg[3])
        r = signal_temp_mask_end(temp, r);
    else if (r == -GUEST_ERESTARTSYS)
        r = -GUEST_ERESTARTNOHAND;
    if (tsp) {
        if (time64) {
            struct guest_timespec64 g;
            guest_timespec64_from_host(&g, tsp);
            guest_copy_to(arg[2], &g, sizeof g);
        } else {
            struct guest_timespec32 g;
            if (guest_timespec32_from_host(&g, tsp) == 0)
                guest_copy_to(arg[2], &g, sizeof g);
        }
    }
    return r;
}

long sys_ppoll(struct guest_thread *thread, const uint32_t *arg)
{
    return do_ppoll(arg, false);
}

long sys_ppoll_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_ppoll(arg, true);
}

/* select family. fd_set is a little-endian bit array in both worlds, so
 * only the size differs: the guest's is in 32-bit words, the host kernel
 * reads 64-bit words. Sets are copied through host buffers sized for the
 * host; the timeout is updated with the time left, as Linux does. All
 * three calls use the host's pselect6 (AArch64 has no select). */
struct select_sets {
    uint32_t guest_addr[3];
    uint8_t *host[3];
    size_t guest_bytes, host_bytes;
};

static long select_sets_in(struct select_sets *s, int nfds, const uint32_t *addrs)
{
    s->guest_bytes = ((size_t)nfds + 31) / 32 * 4;
    s->host_bytes = ((size_t)nfds + 63) / 64 * 8;
    for (int i = 0; i < 3; i++) {
        s->guest_addr[i] = addrs[i];
        s->host[i] = NULL;
    }
    for (int i = 0; i < 3; i++) {
        if (!addrs[i])
            continue;
        s->host[i] = calloc(1, s->host_bytes ? s->host_bytes : 8);
        if (!s->host[i])
            return -ENOMEM;
        if (guest_copy_from(s->host[i], addrs[i], s->guest_bytes) < 0)
            return -EFAULT;
    }
    return 0;
}

static long select_sets_out(struct select_sets *s)
{
    for (int i = 0; i < 3; i++)
        if (s->host[i] && guest_copy_to(s->guest_addr[i], s->host[i], s->guest_bytes) < 0)
            return -EFAULT;
    return 0;
}

static void select_sets_free(struct select_sets *s)
{
    for (int i = 0; i < 3; i++)
        free(s->host[i]);
}

enum select_timeout { TIMEOUT_TIMEVAL32, TIMEOUT_TIMESPEC32, TIMEOUT_TIMESPEC64 };

static long do_select(const uint32_t *arg, enum select_timeout kind, uint32_t sigdata)
{
    int nfds = (int)arg[0];
    if (nfds < 0)
        return -EINVAL;
    if (nfds > 1 << 20)
        nfds = 1 << 20;     /* the kernel clamps to its fd table size */
    uint64_t temp = 0, host_mask = 0;
    bool with_mask = false;
    if (sigdata) {
        /* { const sigset_t *ss; size_t ss_len; }: the mask applies while
         * waiting (signal_temp_mask_begin/end). */
        uint32_t data[2];
        if (guest_copy_from(data, sigdata, sizeof data) < 0)
            return -EFAULT;
        if (data[0] && data[1] != 8)
            return -EINVAL;
        if (data[0] && guest_copy_from(&temp, data[0], 8) < 0)
            return -EFAULT;
        with_mask = data[0] != 0;
    }
    struct timespec ts, *tsp = NULL;
    uint32_t timeout = arg[4];
    if (timeout) {
        if (kind == TIMEOUT_TIMEVAL32) {
            struct guest_timeval32 tv;
            if (guest_copy_from(&tv, timeout, sizeof tv) < 0)
                return -EFAULT;
            if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec > 999999)
                return -EINVAL;
            ts.tv_sec = tv.tv_sec;
            ts.tv_nsec = (long)tv.tv_usec * 1000;
        } else {
            long r = guest_timespec_read(&ts, timeout, kind == TIMEOUT_TIMESPEC64);
            if (r < 0)
                return r;
        }
        tsp = &ts;
    }
    struct select_sets sets;
    long r = select_sets_in(&sets, nfds, &arg[1]);
    if (r == 0) {
        struct { const uint64_t *set; size_t size; } host_sigdata = { &host_mask, 8 };
        if (with_mask && !signal_temp_mask_begin(temp, &host_mask)) {
            r = -GUEST_ERESTARTNOHAND;
        } else {
            r = safe_syscall(SYS_pselect6, nfds, sets.host[0], sets.host[1], sets.host[2],
                             tsp, with_mask ? &host_sigdata : NULL);
            if (with_mask)
                r = signal_temp_mask_end(temp, r);
            else if (r == -GUEST_ERESTARTSYS)
                r = -GUEST_ERESTARTNOHAND;
        }
        if (r >= 0 && select_sets_out(&sets) < 0)
            r = -EFAULT;
    }
    select_sets_free(&sets);
    if (tsp && r != -EFAULT) {
        if (kind == TIMEOUT_TIMEVAL32) {
            struct guest_timeval32 tv = { (int32_t)ts.tv_sec, (int32_t)(ts.tv_nsec / 1000) };
            guest_copy_to(timeout, &tv, sizeof tv);
        } else if (kind == TIMEOUT_TIMESPEC64) {
            struct guest_timespec64 g;
            guest_timespec64_from_host(&g, &ts);
            guest_copy_to(timeout, &g, sizeof g);
        } else {
            struct guest_timespec32 g;
            if (guest_timespec32_from_host(&g, &ts) == 0)
                guest_copy_to(timeout, &g, sizeof g);
        }
    }
    return r;
}

long sys__newselect(struct guest_thread *thread, const uint32_t *arg)
{
    return do_select(arg, TIMEOUT_TIMEVAL32, 0);
}

long sys_pselect6(struct guest_thread *thread, const uint32_t *arg)
{
    return do_select(arg, TIMEOUT_TIMESPEC32, arg[5]);
}

long sys_pselect6_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_select(arg, TIMEOUT_TIMESPEC64, arg[5]);
}

/* sendfile(out, in, off_t *offset, count) with a 32-bit offset, and
 * sendfile64 with a 64-bit one. */
static long do_sendfile(const uint32_t *arg, bool offset64)
{
    off_t offset = 0;
    uint32_t offset_addr = arg[2];
    if (offset_addr) {
        if (offset64) {
            int64_t o;
            if (guest_copy_from(&o, offset_addr, sizeof o) < 0)
                return -EFAULT;
            offset = (off_t)o;
        } else {
            int32_t o;
            if (guest_copy_from(&o, offset_addr, sizeof o) < 0)
                return -EFAULT;
            offset = o;
        }
    }
    uint32_t count = arg[3] > GUEST_MAX_RW ? GUEST_MAX_RW : arg[3];
    long r = host_result(sendfile((int)arg[0], (int)arg[1], offset_addr ? &offset : NULL, count));
    if (offset_addr && r >= 0) {
        if (offset64) {
            int64_t o = offset;
            if (guest_copy_to(offset_addr, &o, sizeof o) < 0)
                return -EFAULT;
        } else {
            if (offset > INT32_MAX)
                return -EOVERFLOW;
            int32_t o = (int32_t)offset;
            if (guest_copy_to(offset_addr, &o, sizeof o) < 0)
                return -EFAULT;
        }
    }
    return r;
}

long sys_sendfile(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sendfile(arg, false);
}

long sys_sendfile64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_sendfile(arg, true);
}

/* eventfd2(initval, flags): EFD_SEMAPHORE (1), EFD_NONBLOCK and
 * EFD_CLOEXEC (the open flag values). */
long sys_eventfd2(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t flags = arg[1];
    if (flags & ~(1u | GUEST_O_NONBLOCK | GUEST_O_CLOEXEC))
        return -EINVAL;
    return host_result(eventfd((unsigned)arg[0], guest_open_flags_to_host(flags)));
}

long sys_eventfd(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(eventfd((unsigned)arg[0], 0));
}
