/*
 * Conversions between host structures and the guest (ARM EABI) layouts of
 * guest_abi.h. Pure functions with no guest memory access: callers copy
 * the guest form in or out with the checked guest_copy_* helpers.
 */
#include <stdbool.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/timex.h>
#include <time.h>

#include "linux/guest_abi.h"
#include "mem/guest_mem.h"

void guest_stat64_from_host(struct guest_stat64 *out, const struct stat *st)
{
    memset(out, 0, sizeof *out);    /* the kernel zeroes the padding too */
    out->st_dev = (uint64_t)st->st_dev;
    out->st_ino_low = (uint32_t)st->st_ino;
    out->st_mode = (uint32_t)st->st_mode;
    out->st_nlink = (uint32_t)st->st_nlink;
    out->st_uid = (uint32_t)st->st_uid;
    out->st_gid = (uint32_t)st->st_gid;
    out->st_rdev = (uint64_t)st->st_rdev;
    out->st_size = (int64_t)st->st_size;
    out->st_blksize = (uint32_t)st->st_blksize;
    out->st_blocks = (uint64_t)st->st_blocks;
    /* 32-bit seconds: truncated, as the ARM kernel's cp_new_stat64 does. */
    out->st_atime_sec = (uint32_t)st->st_atim.tv_sec;
    out->st_atime_nsec = (uint32_t)st->st_atim.tv_nsec;
    out->st_mtime_sec = (uint32_t)st->st_mtim.tv_sec;
    out->st_mtime_nsec = (uint32_t)st->st_mtim.tv_nsec;
    out->st_ctime_sec = (uint32_t)st->st_ctim.tv_sec;
    out->st_ctime_nsec = (uint32_t)st->st_ctim.tv_nsec;
    out->st_ino = (uint64_t)st->st_ino;
}

/* Guest bit -> host flag, for every open flag except the access mode.
 * O_LARGEFILE has no host counterpart (64-bit processes always get large
 * files); __O_SYNC and __O_TMPFILE are the host's O_SYNC / O_TMPFILE minus
 * the bits they share with O_DSYNC / O_DIRECTORY. */
static const struct { uint32_t guest; int host; } open_flag_map[] = {
    { GUEST_O_CREAT, O_CREAT },
    { GUEST_O_EXCL, O_EXCL },
    { GUEST_O_NOCTTY, O_NOCTTY },
    { GUEST_O_TRUNC, O_TRUNC },
    { GUEST_O_APPEND, O_APPEND },
    { GUEST_O_NONBLOCK, O_NONBLOCK },
    { GUEST_O_DSYNC, O_DSYNC },
    { GUEST_O_ASYNC, O_ASYNC },
    { GUEST_O_DIRECTORY, O_DIRECTORY },
    { GUEST_O_NOFOLLOW, O_NOFOLLOW },
    { GUEST_O_DIRECT, O_DIRECT },
    { GUEST_O_NOATIME, O_NOATIME },
    { GUEST_O_CLOEXEC, O_CLOEXEC },
    { GUEST___O_SYNC, O_SYNC & ~O_DSYNC },
    { GUEST_O_PATH, O_PATH },
    { GUEST___O_TMPFILE, O_TMPFILE & ~O_DIRECTORY },
};

int guest_open_flags_to_host(uint32_t guest_flags)
{
    int host = (int)(guest_flags & GUEST_O_ACCMODE);
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if (guest_flags & open_flag_map[i].guest)
            host |= open_flag_map[i].host;
    return host;
}

/* F_GETFL: host bits without a guest meaning are dropped; O_LARGEFILE is
 * always reported, as a 32-bit glibc opens every file with it. */
uint32_t host_open_flags_to_guest(int host_flags)
{
    uint32_t guest = (uint32_t)host_flags & GUEST_O_ACCMODE;
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if ((host_flags & open_flag_map[i].host) == open_flag_map[i].host)
            guest |= open_flag_map[i].guest;
    return guest | GUEST_O_LARGEFILE;
}

/* As the kernel's compat sysinfo: when a size does not fit 32 bits, scale
 * everything down by a power of two and raise mem_unit to match. */
void guest_sysinfo_from_host(struct guest_sysinfo *out, const struct sysinfo *in)
{
    memset(out, 0, sizeof *out);
    uint64_t unit = in->mem_unit ? in->mem_unit : 1;
    uint64_t largest = in->totalram | in->totalswap | in->totalhigh |
                       in->freeram | in->sharedram | in->bufferram |
                       in->freeswap | in->freehigh;
    unsigned total_shift = 0;
    while ((largest >> total_shift) > 0xffffffffull && unit < (1ull << 31)) {
        total_shift++;
        unit <<= 1;
    }
    out->uptime = (int32_t)in->uptime;
    for (int i = 0; i < 3; i++)
        out->loads[i] = (uint32_t)in->loads[i];
    out->totalram = (uint32_t)(in->totalram >> total_shift);
    out->freeram = (uint32_t)(in->freeram >> total_shift);
    out->sharedram = (uint32_t)(in->sharedram >> total_shift);
    out->bufferram = (uint32_t)(in->bufferram >> total_shift);
    out->totalswap = (uint32_t)(in->totalswap >> total_shift);
    out->freeswap = (uint32_t)(in->freeswap >> total_shift);
    out->totalhigh = (uint32_t)(in->totalhigh >> total_shift);
    out->freehigh = (uint32_t)(in->freehigh >> total_shift);
    out->procs = in->procs;
    out->mem_unit = (uint32_t)unit;
}

int guest_timespec32_to_host(struct timespec *out, const struct guest_timespec32 *in)
{
    if (in->tv_nsec < 0 || in->tv_nsec > 999999999)
        return -EINVAL;
    out->tv_sec = in->tv_sec;
    out->tv_nsec = in->tv_nsec;
    return 0;
}

int guest_timespec64_to_host(struct timespec *out, const struct guest_timespec64 *in)
{
    int32_t nsec = (int32_t)(uint32_t)in->tv_nsec;  /* upper half ignored */
    if (nsec < 0 || nsec > 999999999)
        return -EINVAL;
    out->tv_sec = (time_t)in->tv_sec;
    out->tv_nsec = nsec;
    return 0;
}

int guest_timespec32_from_host(struct guest_timespec32 *out, const struct timespec *in)
{
    if (in->tv_sec > INT32_MAX || in->tv_sec < INT32_MIN)
        return -EOVERFLOW;
    out->tv_sec = (int32_t)in->tv_sec;
    out->tv_nsec = (int32_t)in->tv_nsec;
    return 0;
}

void guest_timespec64_from_host(struct guest_timespec64 *out, const struct timespec *in)
{
    out->tv_sec = (int64_t)in->tv_sec;
    out->tv_nsec = (int64_t)in->tv_nsec;
}

void guest_flock64_to_host(struct flock *out, const struct guest_flock64 *in)
{
    memset(out, 0, sizeof *out);
    out->l_type = in->l_type;
    out->l_whence = in->l_whence;
    out->l_start = (off_t)in->l_start;
    out->l_len = (off_t)in->l_len;
    out->l_pid = in->l_pid;
}

void guest_flock64_from_host(struct guest_flock64 *out, const struct flock *in)
{
    memset(out, 0, sizeof *out);
    out->l_type = (int16_t)in->l_type;
    out->l_whence = (int16_t)in->l_whence;
    out->l_start = (int64_t)in->l_start;
    out->l_len = (int64_t)in->l_len;
    out->l_pid = (int32_t)in->l_pid;
}

void guest_flock_to_host(struct flock *out, const struct guest_flock *in)
{
    memset(out, 0, sizeof *out);
    out->l_type = in->l_type;
    out->l_whence = in->l_whence;
    out->l_start = in->l_start;
    out->l_len = in->l_len;
    out->l_pid = in->l_pid;
}

int guest_flock_from_host(struct guest_flock *out, const struct flock *in)
{
    if (in->l_start > INT32_MAX || in->l_start < INT32_MIN ||
        in->l_len > INT32_MAX || in->l_len < INT32_MIN)
        return -EOVERFLOW;
    memset(out, 0, sizeof *out);
    out->l_type = (int16_t)in->l_type;
    out->l_whence = (int16_t)in->l_whence;
    out->l_start = (int32_t)in->l_start;
    out->l_len = (int32_t)in->l_len;
    out->l_pid = (int32_t)in->l_pid;
    return 0;
}

/* ugetrlimit: values that do not fit become RLIM_INFINITY, as the
 * kernel's compat path does. */
uint32_t guest_rlim32_from_host(rlim_t value)
{
    if (value == RLIM_INFINITY || value >= GUEST_RLIM_INFINITY)
        return GUEST_RLIM_INFINITY;
    return (uint32_t)value;
}

rlim_t guest_rlim32_to_host(uint32_t value)
{
    return value == GUEST_RLIM_INFINITY ? RLIM_INFINITY : (rlim_t)value;
}

void guest_statfs64_from_host(struct guest_statfs64 *out, const struct statfs *in)
{
    memset(out, 0, sizeof *out);
    out->f_type = (uint32_t)in->f_type;
    out->f_bsize = (uint32_t)in->f_bsize;
    out->f_blocks = in->f_blocks;
    out->f_bfree = in->f_bfree;
    out->f_bavail = in->f_bavail;
    out->f_files = in->f_files;
    out->f_ffree = in->f_ffree;
    memcpy(out->f_fsid, &in->f_fsid, sizeof out->f_fsid);
    out->f_namelen = (uint32_t)in->f_namelen;
    out->f_frsize = (uint32_t)in->f_frsize;
    out->f_flags = (uint32_t)in->f_flags;
}

void guest_rusage_from_host(struct guest_rusage *out, const struct rusage *in)
{
    memset(out, 0, sizeof *out);
    out->ru_utime.tv_sec = (int32_t)in->ru_utime.tv_sec;
    out->ru_utime.tv_usec = (int32_t)in->ru_utime.tv_usec;
    out->ru_stime.tv_sec = (int32_t)in->ru_stime.tv_sec;
    out->ru_stime.tv_usec = (int32_t)in->ru_stime.tv_usec;
    const long values[14] = {
        in->ru_maxrss, in->ru_ixrss, in->ru_idrss, in->ru_isrss, in->ru_minflt,
        in->ru_majflt, in->ru_nswap, in->ru_inblock, in->ru_oublock,
        in->ru_msgsnd, in->ru_msgrcv, in->ru_nsignals, in->ru_nvcsw, in->ru_nivcsw,
    };
    for (int i = 0; i < 14; i++)
        out->ru_long[i] = (int32_t)values[i];
}

static uint16_t low_id16(uint32_t id)
{
    return id > 0xffffu ? 65534 : (uint16_t)id;
}

static bool old_valid_dev(uint64_t dev)
{
    return major(dev) < 256 && minor(dev) < 256;
}

int guest_stat_old_from_host(struct guest_stat_old *out, const struct stat *st)
{
    memset(out, 0, sizeof *out);
    if (!old_valid_dev(st->st_dev) || !old_valid_dev(st->st_rdev))
        return -EOVERFLOW;
    if ((uint64_t)st->st_ino > 0xffffffffu || (uint64_t)st->st_nlink > 0xffffu ||
        st->st_size > 0x7fffffff)
        return -EOVERFLOW;
    out->st_dev = major(st->st_dev) << 8 | minor(st->st_dev);
    out->st_rdev = major(st->st_rdev) << 8 | minor(st->st_rdev);
    out->st_ino = (uint32_t)st->st_ino;
    out->st_mode = (uint16_t)st->st_mode;
    out->st_nlink = (uint16_t)st->st_nlink;
    out->st_uid = low_id16(st->st_uid);
    out->st_gid = low_id16(st->st_gid);
    out->st_size = (uint32_t)st->st_size;
    out->st_blksize = (uint32_t)st->st_blksize;
    out->st_blocks = (uint32_t)st->st_blocks;
    out->st_atime_sec = (uint32_t)st->st_atim.tv_sec;
    out->st_atime_nsec = (uint32_t)st->st_atim.tv_nsec;
    out->st_mtime_sec = (uint32_t)st->st_mtim.tv_sec;
    out->st_mtime_nsec = (uint32_t)st->st_mtim.tv_nsec;
    out->st_ctime_sec = (uint32_t)st->st_ctim.tv_sec;
    out->st_ctime_nsec = (uint32_t)st->st_ctim.tv_nsec;
    return 0;
}

int guest_statfs32_from_host(struct guest_statfs32 *out, const struct statfs *in)
{
    const uint64_t high = 0xffffffff00000000ull;
    memset(out, 0, sizeof *out);
    if (((uint64_t)in->f_blocks | (uint64_t)in->f_bfree | (uint64_t)in->f_bavail |
         (uint64_t)in->f_bsize | (uint64_t)in->f_frsize) & high)
        return -EOVERFLOW;
    if (((uint64_t)in->f_files != ~0ull && ((uint64_t)in->f_files & high)) ||
        ((uint64_t)in->f_ffree != ~0ull && ((uint64_t)in->f_ffree & high)))
        return -EOVERFLOW;
    out->f_type = (uint32_t)in->f_type;
    out->f_bsize = (uint32_t)in->f_bsize;
    out->f_blocks = (uint32_t)in->f_blocks;
    out->f_bfree = (uint32_t)in->f_bfree;
    out->f_bavail = (uint32_t)in->f_bavail;
    out->f_files = (uint32_t)in->f_files;
    out->f_ffree = (uint32_t)in->f_ffree;
    memcpy(out->f_fsid, &in->f_fsid, sizeof out->f_fsid);
    out->f_namelen = (uint32_t)in->f_namelen;
    out->f_frsize = (uint32_t)in->f_frsize;
    out->f_flags = (uint32_t)in->f_flags;
    return 0;
}

/* Field order of struct timex, shared by both directions. */
#define GUEST_TIMEX_FIELDS(X) \
    X(offset) X(freq) X(maxerror) X(esterror) X(status) X(constant) \
    X(precision) X(tolerance) X(tick) X(ppsfreq) X(jitter) X(shift) \
    X(stabil) X(jitcnt) X(calcnt) X(errcnt) X(stbcnt) X(tai)

void guest_timex32_to_host(struct timex *out, const struct guest_timex32 *in)
{
    memset(out, 0, sizeof *out);
    out->modes = in->modes;
#define TO_HOST(f) out->f = in->f;
    GUEST_TIMEX_FIELDS(TO_HOST)
#undef TO_HOST
    out->time.tv_sec = in->time.tv_sec;
    out->time.tv_usec = in->time.tv_usec;
}

void guest_timex32_from_host(struct guest_timex32 *out, const struct timex *in)
{
    memset(out, 0, sizeof *out);
    out->modes = in->modes;
#define FROM_HOST(f) out->f = (int32_t)in->f;
    GUEST_TIMEX_FIELDS(FROM_HOST)
#undef FROM_HOST
    out->time.tv_sec = (int32_t)in->time.tv_sec;
    out->time.tv_usec = (int32_t)in->time.tv_usec;
}

/* ---- timespec / itimerspec read from and written to guest memory ---- */

long guest_timespec_read(struct timespec *out, uint32_t addr, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        if (guest_copy_from(&g, addr, sizeof g) < 0)
            return -EFAULT;
        return guest_timespec64_to_host(out, &g);
    }
    struct guest_timespec32 g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    return guest_timespec32_to_host(out, &g);
}

long guest_timespec_write(uint32_t addr, const struct timespec *in, bool time64)
{
    if (time64) {
        struct guest_timespec64 g;
        guest_timespec64_from_host(&g, in);
        return guest_copy_to(addr, &g, sizeof g);
    }
    struct guest_timespec32 g;
    long r = guest_timespec32_from_host(&g, in);
    if (r < 0)
        return r;
    return guest_copy_to(addr, &g, sizeof g);
}

long guest_itimerspec_read(struct itimerspec *out, uint32_t addr, bool time64)
{
    long r;
    if (time64) {
        struct guest_itimerspec64 g;
        if (guest_copy_from(&g, addr, sizeof g) < 0)
            return -EFAULT;
        r = guest_timespec64_to_host(&out->it_interval, &g.it_interval);
        return r < 0 ? r : guest_timespec64_to_host(&out->it_value, &g.it_value);
    }
    struct guest_itimerspec32 g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    r = guest_timespec32_to_host(&out->it_interval, &g.it_interval);
    return r < 0 ? r : guest_timespec32_to_host(&out->it_value, &g.it_value);
}

/* The 32-bit form truncates seconds as the kernel's put_old_itimerspec32
 * does (a time64-set timer read through the old call). */
long guest_itimerspec_write(uint32_t addr, const struct itimerspec *in, bool time64)
{
    if (time64) {
        struct guest_itimerspec64 g;
        guest_timespec64_from_host(&g.it_interval, &in->it_interval);
        guest_timespec64_from_host(&g.it_value, &in->it_value);
        return guest_copy_to(addr, &g, sizeof g);
    }
    struct guest_itimerspec32 g = {
        { (int32_t)in->it_interval.tv_sec, (int32_t)in->it_interval.tv_nsec },
        { (int32_t)in->it_value.tv_sec, (int32_t)in->it_value.tv_nsec },
    };
    return guest_copy_to(addr, &g, sizeof g);
}
