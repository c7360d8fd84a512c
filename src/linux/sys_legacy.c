/*
 * Older and data-moving file calls that static 32-bit programs still use:
 * stat/lstat/fstat with the old struct stat, statfs/fstatfs with 32-bit
 * words, utimes/futimesat (32-bit timeval), readahead and
 * arm_sync_file_range (64-bit values in register pairs), splice, tee,
 * vmsplice and copy_file_range (loff_t pointers: 8 bytes everywhere), and
 * the 16-bit chown/lchown/fchown.
 * The *64 and *at forms live in sys_fs.c.
 */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "linux/syscall.h"
#include "linux/sysroot.h"
#include "mem/guest_mem.h"

static long stat_old_to_guest(uint32_t addr, const struct stat *st)
{
    struct guest_stat_old g;
    int r = guest_stat_old_from_host(&g, st);
    if (r < 0)
        return r;
    return guest_copy_to(addr, &g, sizeof g);
}

static long do_stat_old(uint32_t path_addr, uint32_t buf, unsigned follow)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(path_addr, follow, &host_path, &path);
    if (r < 0)
        return r;
    if (!guest_access_ok(buf, sizeof(struct guest_stat_old), GUEST_PROT_WRITE))
        return -EFAULT;
    struct stat st;
    if (fstatat(AT_FDCWD, path, &st, follow == SYSROOT_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0) < 0)
        return -errno;
    return stat_old_to_guest(buf, &st);
}

long sys_stat(struct guest_thread *thread, const uint32_t *arg)
{
    return do_stat_old(arg[0], arg[1], SYSROOT_FOLLOW);
}

long sys_lstat(struct guest_thread *thread, const uint32_t *arg)
{
    return do_stat_old(arg[0], arg[1], SYSROOT_NOFOLLOW);
}

long sys_fstat(struct guest_thread *thread, const uint32_t *arg)
{
    if (!guest_access_ok(arg[1], sizeof(struct guest_stat_old), GUEST_PROT_WRITE))
        return -EFAULT;
    struct stat st;
    if (fstat((int)arg[0], &st) < 0)
        return -errno;
    return stat_old_to_guest(arg[1], &st);
}

static long statfs32_to_guest(uint32_t addr, const struct statfs *st)
{
    struct guest_statfs32 g;
    int r = guest_statfs32_from_host(&g, st);
    if (r < 0)
        return r;
    return guest_copy_to(addr, &g, sizeof g);
}

long sys_statfs(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[0], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    struct statfs st;
    if (statfs(path, &st) < 0)
        return -errno;
    return statfs32_to_guest(arg[1], &st);
}

long sys_fstatfs(struct guest_thread *thread, const uint32_t *arg)
{
    struct statfs st;
    if (fstatfs((int)arg[0], &st) < 0)
        return -errno;
    return statfs32_to_guest(arg[1], &st);
}

/* utimes/futimesat: two 32-bit timevals (or NULL = now), as utimensat. */
static long do_futimesat(int dirfd, uint32_t path_addr, uint32_t times_addr)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(path_addr, SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    struct timespec ts[2], *tsp = NULL;
    if (times_addr) {
        struct guest_timeval32 tv[2];
        if (guest_copy_from(tv, times_addr, sizeof tv) < 0)
            return -EFAULT;
        for (int i = 0; i < 2; i++) {
            if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
                return -EINVAL;
            ts[i].tv_sec = tv[i].tv_sec;
            ts[i].tv_nsec = (long)tv[i].tv_usec * 1000;
        }
        tsp = ts;
    }
    return host_result(utimensat(dirfd, path, tsp, 0));
}

long sys_utimes(struct guest_thread *thread, const uint32_t *arg)
{
    return do_futimesat(AT_FDCWD, arg[0], arg[1]);
}

long sys_futimesat(struct guest_thread *thread, const uint32_t *arg)
{
    return do_futimesat((int)arg[0], arg[1], arg[2]);
}

/* readahead(fd, pad, offset r2:r3, count r4) */
long sys_readahead(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(readahead((int)arg[0], (off_t)guest_arg64(arg, 2), (size_t)arg[4]));
}

/* sync_file_range2 (ARM's argument order): fd, flags, offset r2:r3,
 * nbytes r4:r5. */
long sys_arm_sync_file_range(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(sync_file_range((int)arg[0], (off_t)guest_arg64(arg, 2),
                                       (off_t)guest_arg64(arg, 4), (unsigned)arg[1]));
}

/* An optional loff_t * argument: checked for read and write (the kernel
 * updates it). */
static long loff_ptr(uint32_t addr, loff_t **out)
{
    *out = NULL;
    if (!addr)
        return 0;
    if (!guest_access_ok(addr, 8, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return -EFAULT;
    *out = guest_to_host(addr);
    return 0;
}

long sys_splice(struct guest_thread *thread, const uint32_t *arg)
{
    loff_t *off_in, *off_out;
    if (loff_ptr(arg[1], &off_in) < 0 || loff_ptr(arg[3], &off_out) < 0)
        return -EFAULT;
    return host_result(splice((int)arg[0], off_in, (int)arg[2], off_out, (size_t)arg[4],
                              (unsigned)arg[5]));
}

long sys_tee(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(tee((int)arg[0], (int)arg[1], (size_t)arg[2], (unsigned)arg[3]));
}

long sys_copy_file_range(struct guest_thread *thread, const uint32_t *arg)
{
    loff_t *off_in, *off_out;
    if (loff_ptr(arg[1], &off_in) < 0 || loff_ptr(arg[3], &off_out) < 0)
        return -EFAULT;
    return host_result(copy_file_range((int)arg[0], off_in, (int)arg[2], off_out,
                                       (size_t)arg[4], (unsigned)arg[5]));
}

/* vmsplice(fd, iov, nr_segs, flags): guest iovecs converted; the pages
 * are guest memory, which stays mapped while the pipe holds them only if
 * the guest keeps them (as on Linux). */
long sys_vmsplice(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t count = arg[2];
    if (count > GUEST_IOV_MAX)
        return -EINVAL;
    struct iovec iov[GUEST_IOV_MAX];
    /* Data goes from memory into the pipe, or, on the pipe's read end,
     * from the pipe into memory. */
    int fl = fcntl((int)arg[0], F_GETFL);
    if (fl < 0)
        return -errno;
    int prot = (fl & O_ACCMODE) == O_RDONLY ? GUEST_PROT_WRITE : GUEST_PROT_READ;
    long n = iovec_from_guest(iov, arg[1], count, prot);
    if (n < 0)
        return n;
    return host_result(vmsplice((int)arg[0], iov, (size_t)n, (unsigned)arg[3]));
}

/* The 16-bit chown calls of the EABI table: (old_uid_t)-1 means "leave
 * unchanged", other values widen as they are (the kernel's low2highuid). */
static uid_t high_id(uint32_t id16)
{
    return (id16 & 0xffffu) == 0xffffu ? (uid_t)-1 : (uid_t)(id16 & 0xffffu);
}

static long do_chown16(int dirfd, uint32_t path_addr, uint32_t uid, uint32_t gid, int flags)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(path_addr, flags & AT_SYMLINK_NOFOLLOW ? SYSROOT_NOFOLLOW : SYSROOT_FOLLOW,
                             &host_path, &path);
    if (r < 0)
        return r;
    return host_result(fchownat(dirfd, path, high_id(uid), (gid_t)high_id(gid), flags));
}

long sys_chown(struct guest_thread *thread, const uint32_t *arg)
{
    return do_chown16(AT_FDCWD, arg[0], arg[1], arg[2], 0);
}

long sys_lchown(struct guest_thread *thread, const uint32_t *arg)
{
    return do_chown16(AT_FDCWD, arg[0], arg[1], arg[2], AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fchown((int)arg[0], high_id(arg[1]), (gid_t)high_id(arg[2])));
}
