/*
 * File system system calls: the stat family (host struct stat converted to
 * ARM's struct stat64), statx, paths (open, access, unlink, mkdir, rename,
 * chdir, getcwd, readlink with /proc/self/exe), getdents64, extended
 * attributes and inotify.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/xattr.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>

#include <linux/close_range.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "linux/sysroot.h"
#include "mem/guest_mem.h"

static long stat_to_guest(uint32_t guest_addr, const struct stat *st)
{
    struct guest_stat64 g;
    guest_stat64_from_host(&g, st);
    return guest_copy_to(guest_addr, &g, sizeof g);
}

long sys_fstat64(struct guest_thread *thread, const uint32_t *arg)
{
    struct stat st;
    if (fstat((int)arg[0], &st) < 0)
        return -errno;
    return stat_to_guest(arg[1], &st);
}

long sys_fstatat64(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], sysroot_at_flags(arg[3]), &host_path, &path);
    if (r < 0)
        return r;
    if (!guest_access_ok(arg[2], sizeof(struct guest_stat64), GUEST_PROT_WRITE))
        return -EFAULT;
    struct stat st;
    if (fstatat((int)arg[0], path, &st, (int)arg[3]) < 0)
        return -errno;
    return stat_to_guest(arg[2], &st);
}

long sys_stat64(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0], arg[1], 0 };
    return sys_fstatat64(thread, shifted);
}

long sys_lstat64(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0], arg[1], AT_SYMLINK_NOFOLLOW };
    return sys_fstatat64(thread, shifted);
}

/* statx(dirfd, path, flags, mask, buf): struct statx is the same on every
 * architecture, so the host kernel fills the guest buffer directly. A NULL
 * path is allowed (with AT_EMPTY_PATH, Linux 6.11+). */
long sys_statx(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path = NULL;
    struct sysroot_path_buf host_path;
    if (arg[1]) {
        long r = guest_host_path(arg[1], sysroot_at_flags(arg[2]), &host_path, &path);
        if (r < 0)
            return r;
    }
    if (!guest_access_ok(arg[4], GUEST_STATX_SIZE, GUEST_PROT_WRITE))
        return -EFAULT;
    return host_result(syscall(SYS_statx, (int)arg[0], path, (int)arg[2],
                               (unsigned)arg[3], guest_to_host(arg[4])));
}

long sys_faccessat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(syscall(SYS_faccessat, (int)arg[0], path, (int)arg[2]));
}

long sys_faccessat2(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], sysroot_at_flags(arg[3]), &host_path, &path);
    if (r < 0)
        return r;
    return host_result(syscall(SYS_faccessat2, (int)arg[0], path, (int)arg[2],
                               (int)arg[3]));
}

long sys_access(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { (uint32_t)AT_FDCWD, arg[0], arg[1] };
    return sys_faccessat(thread, shifted);
}

long sys_unlinkat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_NOFOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(unlinkat((int)arg[0], path, (int)arg[2]));
}

long sys_unlink(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { (uint32_t)AT_FDCWD, arg[0], 0 };
    return sys_unlinkat(thread, shifted);
}

long sys_rmdir(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { (uint32_t)AT_FDCWD, arg[0], AT_REMOVEDIR };
    return sys_unlinkat(thread, shifted);
}

long sys_mkdirat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_CREATE | SYSROOT_NOFOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(mkdirat((int)arg[0], path, (mode_t)arg[2]));
}

long sys_mkdir(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { (uint32_t)AT_FDCWD, arg[0], arg[1] };
    return sys_mkdirat(thread, shifted);
}

long sys_renameat2(struct guest_thread *thread, const uint32_t *arg)
{
    const char *old_path, *new_path;
    struct sysroot_path_buf host_old, host_new;
    long r = guest_host_path(arg[1], SYSROOT_NOFOLLOW, &host_old, &old_path);
    if (r < 0)
        return r;
    r = guest_host_path(arg[3], SYSROOT_CREATE | SYSROOT_NOFOLLOW, &host_new, &new_path);
    if (r < 0)
        return r;
    return host_result(renameat2((int)arg[0], old_path, (int)arg[2], new_path,
                                 (unsigned)arg[4]));
}

long sys_renameat(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[5] = { arg[0], arg[1], arg[2], arg[3], 0 };
    return sys_renameat2(thread, shifted);
}

long sys_rename(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[5] = { (uint32_t)AT_FDCWD, arg[0], (uint32_t)AT_FDCWD, arg[1], 0 };
    return sys_renameat2(thread, shifted);
}

long sys_chdir(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[0], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    r = host_result(chdir(path));
    sysroot_cwd_changed();
    return r;
}

long sys_fchdir(struct guest_thread *thread, const uint32_t *arg)
{
    long r = host_result(fchdir((int)arg[0]));
    sysroot_cwd_changed();
    return r;
}

/* getcwd(buf, size): the kernel returns the length including the NUL.
 * Inside the sysroot the guest sees the path below it, so that what it
 * gets here names the same directory when it passes it back. */
long sys_getcwd(struct guest_thread *thread, const uint32_t *arg)
{
    char cwd[GUEST_PATH_MAX];
    long r = syscall(SYS_getcwd, cwd, sizeof cwd);
    if (r < 0)
        return -errno;
    const char *guest_cwd = sysroot_guest_view(cwd);
    r = (long)strlen(guest_cwd) + 1;
    if ((uint32_t)r > arg[1])
        return -ERANGE;
    if (guest_copy_to(arg[0], guest_cwd, (size_t)r) < 0)
        return -EFAULT;
    return r;
}

long sys_umask(struct guest_thread *thread, const uint32_t *arg)
{
    return (long)umask((mode_t)(arg[0] & 0777));
}

/* Paths that name this process's executable: they must show the guest
 * program, not a32run. */
static bool is_own_exe_link(const char *path)
{
    if (!strcmp(path, "/proc/self/exe") || !strcmp(path, "/proc/thread-self/exe"))
        return true;
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/exe", (int)getpid());
    return !strcmp(path, own);
}

long sys_readlinkat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_NOFOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    int32_t size = (int32_t)arg[3];
    if (size <= 0)
        return -EINVAL;
    size = (int32_t)guest_access_prefix(arg[2], (uint32_t)size, GUEST_PROT_WRITE);
    if (size == 0)
        return -EFAULT;
    if (linux_exe_path && path[0] == '/' && is_own_exe_link(path)) {
        size_t len = strlen(linux_exe_path);
        if (len > (size_t)size)
            len = (size_t)size;
        memcpy(guest_to_host(arg[2]), linux_exe_path, len);
        return (long)len;
    }
    return host_result(readlinkat((int)arg[0], path, guest_to_host(arg[2]), (size_t)size));
}

long sys_readlink(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0], arg[1], arg[2] };
    return sys_readlinkat(thread, shifted);
}

/* truncate64(path, pad, length): the 64-bit length is in r2:r3. */
long sys_truncate64(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[0], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(truncate(path, (off_t)guest_arg64(arg, 2)));
}

long sys_ftruncate64(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(ftruncate((int)arg[0], (off_t)guest_arg64(arg, 2)));
}

long sys_symlinkat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *target, *path;
    struct sysroot_path_buf host_path;
    long r = guest_path(arg[0], &target);
    if (r < 0)
        return r;
    r = guest_host_path(arg[2], SYSROOT_CREATE | SYSROOT_NOFOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(symlinkat(target, (int)arg[1], path));
}

long sys_symlink(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { arg[0], (uint32_t)AT_FDCWD, arg[1] };
    return sys_symlinkat(thread, shifted);
}

long sys_linkat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *old_path, *new_path;
    struct sysroot_path_buf host_old, host_new;
    unsigned old_flags = (arg[4] & AT_SYMLINK_FOLLOW) ? SYSROOT_FOLLOW : SYSROOT_NOFOLLOW;
    long r = guest_host_path(arg[1], old_flags, &host_old, &old_path);
    if (r < 0)
        return r;
    r = guest_host_path(arg[3], SYSROOT_CREATE | SYSROOT_NOFOLLOW, &host_new, &new_path);
    if (r < 0)
        return r;
    return host_result(linkat((int)arg[0], old_path, (int)arg[2], new_path, (int)arg[4]));
}

long sys_link(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[5] = { (uint32_t)AT_FDCWD, arg[0], (uint32_t)AT_FDCWD, arg[1], 0 };
    return sys_linkat(thread, shifted);
}

long sys_fchmodat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(syscall(SYS_fchmodat, (int)arg[0], path, (mode_t)arg[2]));
}

long sys_chmod(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[3] = { (uint32_t)AT_FDCWD, arg[0], arg[1] };
    return sys_fchmodat(thread, shifted);
}

long sys_fchmod(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fchmod((int)arg[0], (mode_t)arg[1]));
}

long sys_fsync(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fsync((int)arg[0]));
}

long sys_fdatasync(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fdatasync((int)arg[0]));
}

/* statfs64(path, size, buf): size is 84 (the packed ARM struct) or 88
 * (what glibc passes; the ARM kernel's wrapper maps it to 84). */
static long statfs_to_guest(uint32_t size, uint32_t guest_addr, const struct statfs *st)
{
    struct guest_statfs64 g;
    guest_statfs64_from_host(&g, st);
    return guest_copy_to(guest_addr, &g, sizeof g);
}

long sys_statfs64(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[1] != 84 && arg[1] != 88)
        return -EINVAL;
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[0], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    struct statfs st;
    if (statfs(path, &st) < 0)
        return -errno;
    return statfs_to_guest(arg[1], arg[2], &st);
}

long sys_fstatfs64(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[1] != 84 && arg[1] != 88)
        return -EINVAL;
    struct statfs st;
    if (fstatfs((int)arg[0], &st) < 0)
        return -errno;
    return statfs_to_guest(arg[1], arg[2], &st);
}

/* utimensat(dirfd, path, times[2], flags): path may be NULL (futimens);
 * tv_nsec may be UTIME_NOW or UTIME_OMIT. */
static long do_utimensat(const uint32_t *arg, bool time64)
{
    const char *path = NULL;
    struct sysroot_path_buf host_path;
    if (arg[1]) {
        long r = guest_host_path(arg[1], sysroot_at_flags(arg[3]), &host_path, &path);
        if (r < 0)
            return r;
    }
    struct timespec times[2], *tp = NULL;
    if (arg[2]) {
        for (int i = 0; i < 2; i++) {
            int64_t sec, nsec;
            if (time64) {
                struct guest_timespec64 g;
                if (guest_copy_from(&g, arg[2] + (uint32_t)i * sizeof g, sizeof g) < 0)
                    return -EFAULT;
                sec = g.tv_sec;
                nsec = (int32_t)(uint32_t)g.tv_nsec;
            } else {
                struct guest_timespec32 g;
                if (guest_copy_from(&g, arg[2] + (uint32_t)i * sizeof g, sizeof g) < 0)
                    return -EFAULT;
                sec = g.tv_sec;
                nsec = g.tv_nsec;
            }
            times[i].tv_sec = (time_t)sec;
            times[i].tv_nsec = (long)nsec;  /* the host validates, incl. UTIME_* */
        }
        tp = times;
    }
    return host_result(syscall(SYS_utimensat, (int)arg[0], path, tp, (int)arg[3]));
}

long sys_utimensat(struct guest_thread *thread, const uint32_t *arg)
{
    return do_utimensat(arg, false);
}

long sys_utimensat_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_utimensat(arg, true);
}

long sys_fchownat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], sysroot_at_flags(arg[4]), &host_path, &path);
    if (r < 0)
        return r;
    return host_result(fchownat((int)arg[0], path, (uid_t)arg[2], (gid_t)arg[3], (int)arg[4]));
}

long sys_chown32(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[5] = { (uint32_t)AT_FDCWD, arg[0], arg[1], arg[2], 0 };
    return sys_fchownat(thread, shifted);
}

long sys_lchown32(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[5] = { (uint32_t)AT_FDCWD, arg[0], arg[1], arg[2], AT_SYMLINK_NOFOLLOW };
    return sys_fchownat(thread, shifted);
}

long sys_fchown32(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fchown((int)arg[0], (uid_t)arg[1], (gid_t)arg[2]));
}

/* fallocate(fd, mode, offset r2:r3, len r4:r5) */
long sys_fallocate(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(fallocate((int)arg[0], (int)arg[1], (off_t)guest_arg64(arg, 2),
                                 (off_t)guest_arg64(arg, 4)));
}

/* arm_fadvise64_64(fd, advice, offset r2:r3, len r4:r5): ARM moves advice
 * to r1 so the 64-bit pairs stay aligned. Advice numbers are generic. */
long sys_arm_fadvise64_64(struct guest_thread *thread, const uint32_t *arg)
{
    int err = posix_fadvise((int)arg[0], (off_t)guest_arg64(arg, 2),
                            (off_t)guest_arg64(arg, 4), (int)arg[1]);
    return -err;
}

long sys_sync(struct guest_thread *thread, const uint32_t *arg)
{
    sync();
    return 0;
}

long sys_syncfs(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syncfs((int)arg[0]));
}

long sys_creat(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0],
                            GUEST_O_CREAT | GUEST_O_WRONLY | GUEST_O_TRUNC, arg[1] };
    return sys_openat(thread, shifted);
}

long sys_truncate(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[0], SYSROOT_FOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(truncate(path, (off_t)(int32_t)arg[1]));
}

long sys_ftruncate(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(ftruncate((int)arg[0], (off_t)(int32_t)arg[1]));
}

/* mknodat(dirfd, path, mode, dev): dev is the kernel's 32-bit encoding
 * (new_decode_dev: 12-bit major, 20-bit minor split around it). */
long sys_mknodat(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    long r = guest_host_path(arg[1], SYSROOT_CREATE | SYSROOT_NOFOLLOW, &host_path, &path);
    if (r < 0)
        return r;
    uint32_t dev = arg[3];
    unsigned major_nr = (dev & 0xfff00u) >> 8;
    unsigned minor_nr = (dev & 0xffu) | ((dev >> 12) & 0xfff00u);
    return host_result(mknodat((int)arg[0], path, (mode_t)arg[2], makedev(major_nr, minor_nr)));
}

long sys_mknod(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t shifted[4] = { (uint32_t)AT_FDCWD, arg[0], arg[1], arg[2] };
    return sys_mknodat(thread, shifted);
}

long sys_flock(struct guest_thread *thread, const uint32_t *arg)
{
    return safe_syscall(SYS_flock, (int)arg[0], (int)arg[1]);
}

/* memfd_create(name, flags): MFD_* values are arch-independent. */
long sys_memfd_create(struct guest_thread *thread, const uint32_t *arg)
{
    const char *name;
    long r = guest_path(arg[0], &name);
    if (r < 0)
        return r;
    return host_result(syscall(SYS_memfd_create, name, (unsigned)arg[1]));
}

long sys_close_range(struct guest_thread *thread, const uint32_t *arg)
{
    long r = host_result(syscall(SYS_close_range, (unsigned)arg[0], (unsigned)arg[1],
                                 (unsigned)arg[2]));
    if (r == 0 && !(arg[2] & CLOSE_RANGE_CLOEXEC))
        linux_dir_fd_range_closed(arg[0], arg[1]);
    return r;
}

/* ---- extended attributes ----
 * Names are strings and values byte strings: nothing to translate but
 * the path (sysroot rules; the l* forms do not follow the last link) and
 * the buffers. Values read back go through a host buffer, so a guest
 * buffer larger than needed need only be valid for the bytes returned,
 * as on Linux. */

#define GUEST_XATTR_SIZE_MAX 65536u

enum xattr_target { XATTR_PATH, XATTR_LPATH, XATTR_FD };

/* Resolves the first argument: *fd and *path for the host call. */
static long xattr_target(enum xattr_target kind, uint32_t a0, struct sysroot_path_buf *buf,
                         const char **path, int *fd)
{
    *fd = -1;
    *path = NULL;
    if (kind == XATTR_FD) {
        *fd = (int)a0;
        return 0;
    }
    return guest_host_path(a0, kind == XATTR_LPATH ? SYSROOT_NOFOLLOW : SYSROOT_FOLLOW, buf, path);
}

static long do_setxattr(const uint32_t *arg, enum xattr_target kind)
{
    struct sysroot_path_buf buf;
    const char *path, *name;
    int fd;
    long r = xattr_target(kind, arg[0], &buf, &path, &fd);
    if (r < 0 || (r = guest_path(arg[1], &name)) < 0)
        return r;
    if (arg[3] > GUEST_XATTR_SIZE_MAX)
        return -E2BIG;
    if (!guest_access_ok(arg[2], arg[3], GUEST_PROT_READ))
        return -EFAULT;
    const void *value = guest_to_host(arg[2]);
    size_t size = arg[3];
    int flags = (int)arg[4];
    if (kind == XATTR_FD)
        return host_result(fsetxattr(fd, name, value, size, flags));
    if (kind == XATTR_LPATH)
        return host_result(lsetxattr(path, name, value, size, flags));
    return host_result(setxattr(path, name, value, size, flags));
}

/* getxattr (name != 0) or listxattr (name == 0) into a guest buffer. */
static long do_getxattr(uint32_t a0, uint32_t name_addr, uint32_t value, uint32_t size,
                        enum xattr_target kind, bool list)
{
    struct sysroot_path_buf buf;
    const char *path, *name = NULL;
    int fd;
    long r = xattr_target(kind, a0, &buf, &path, &fd);
    if (r < 0)
        return r;
    if (!list && (r = guest_path(name_addr, &name)) < 0)
        return r;
    if (size > GUEST_XATTR_SIZE_MAX)
        size = GUEST_XATTR_SIZE_MAX;
    char *host = size ? malloc(size) : NULL;
    if (size && !host)
        return -ENOMEM;
    if (list)
        r = kind == XATTR_FD ? flistxattr(fd, host, size) :
            kind == XATTR_LPATH ? llistxattr(path, host, size) : listxattr(path, host, size);
    else
        r = kind == XATTR_FD ? fgetxattr(fd, name, host, size) :
            kind == XATTR_LPATH ? lgetxattr(path, name, host, size) : getxattr(path, name, host, size);
    r = host_result(r);
    if (r > 0 && size && guest_copy_to(value, host, (size_t)r) < 0)
        r = -EFAULT;
    free(host);
    return r;
}

static long do_removexattr(const uint32_t *arg, enum xattr_target kind)
{
    struct sysroot_path_buf buf;
    const char *path, *name;
    int fd;
    long r = xattr_target(kind, arg[0], &buf, &path, &fd);
    if (r < 0 || (r = guest_path(arg[1], &name)) < 0)
        return r;
    if (kind == XATTR_FD)
        return host_result(fremovexattr(fd, name));
    if (kind == XATTR_LPATH)
        return host_result(lremovexattr(path, name));
    return host_result(removexattr(path, name));
}

long sys_setxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_setxattr(arg, XATTR_PATH); }
long sys_lsetxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_setxattr(arg, XATTR_LPATH); }
long sys_fsetxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_setxattr(arg, XATTR_FD); }
long sys_getxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], arg[1], arg[2], arg[3], XATTR_PATH, false); }
long sys_lgetxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], arg[1], arg[2], arg[3], XATTR_LPATH, false); }
long sys_fgetxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], arg[1], arg[2], arg[3], XATTR_FD, false); }
long sys_listxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], 0, arg[1], arg[2], XATTR_PATH, true); }
long sys_llistxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], 0, arg[1], arg[2], XATTR_LPATH, true); }
long sys_flistxattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_getxattr(arg[0], 0, arg[1], arg[2], XATTR_FD, true); }
long sys_removexattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_removexattr(arg, XATTR_PATH); }
long sys_lremovexattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_removexattr(arg, XATTR_LPATH); }
long sys_fremovexattr(struct guest_thread *thread, const uint32_t *arg)
{ return do_removexattr(arg, XATTR_FD); }

/* ---- inotify ----
 * struct inotify_event (int wd; u32 mask, cookie, len; name) is the same
 * everywhere and is read with read(); IN_CLOEXEC and IN_NONBLOCK have the
 * O_CLOEXEC/O_NONBLOCK values, equal on ARM and the hosts. */
_Static_assert(IN_CLOEXEC == 02000000 && IN_NONBLOCK == 04000, "inotify flag values");

long sys_inotify_init1(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(inotify_init1((int)arg[0]));
}

long sys_inotify_init(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(inotify_init());
}

long sys_inotify_add_watch(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    struct sysroot_path_buf host_path;
    unsigned flags = (arg[2] & IN_DONT_FOLLOW) ? SYSROOT_NOFOLLOW : SYSROOT_FOLLOW;
    long r = guest_host_path(arg[1], flags, &host_path, &path);
    if (r < 0)
        return r;
    return host_result(inotify_add_watch((int)arg[0], path, arg[2]));
}

long sys_inotify_rm_watch(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(inotify_rm_watch((int)arg[0], (int)arg[1]));
}
