/*
 * Legacy 32-bit file calls issued directly (glibc uses the *64 forms):
 * stat/lstat/fstat with the old struct stat, statfs/fstatfs (32-bit) and
 * statfs64 sizes, truncate/ftruncate and their 64-bit register-pair
 * forms, fallocate, arm_fadvise64_64, sync_file_range2, readahead,
 * utimes/utimensat, symlink/readlink/link, chmod/fchmod, fsync,
 * sendfile/sendfile64, splice/tee/vmsplice, copy_file_range, flock,
 * mknodat, the 16-bit chown/lchown/fchown. Prints only values that are the same on every run.
 */
// cflags: -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>

struct old_stat {
    uint32_t st_dev, st_ino;
    uint16_t st_mode, st_nlink, st_uid, st_gid;
    uint32_t st_rdev, st_size, st_blksize, st_blocks;
    uint32_t at, atn, mt, mtn, ct, ctn, u4, u5;
};
struct statfs32 {
    uint32_t f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    int32_t f_fsid[2];
    uint32_t f_namelen, f_frsize, f_flags, f_spare[4];
};

#define R(call) do { errno = 0; long r_ = (long)(call); printf("%s = %ld", #call, r_); \
    if (r_ < 0) { printf(" errno=%d", errno); } printf("\n"); } while (0)

int main(void)
{
    const char *f = "sys_legacy.tmp", *g = "sys_legacy2.tmp", *l = "sys_legacy.lnk";
    unlink(f); unlink(g); unlink(l);
    int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0640);
    write(fd, "0123456789", 10);

    struct old_stat os;
    memset(&os, 0xaa, sizeof os);
    R(syscall(106, f, &os));
    struct stat st;
    stat(f, &st);
    printf("stat: size=%u mode=0%o nlink=%u ino ok=%d mtime ok=%d uid ok=%d\n", os.st_size, os.st_mode,
           os.st_nlink, os.st_ino == (uint32_t)st.st_ino, os.mt == (uint32_t)st.st_mtime,
           os.st_uid == (getuid() > 65535 ? 65534 : getuid()));
    R(syscall(108, fd, &os));
    printf("fstat size=%u\n", os.st_size);
    symlink(f, l);
    R(syscall(107, l, &os));
    printf("lstat is link=%d size=%u\n", S_ISLNK(os.st_mode), os.st_size);
    R(syscall(106, "no-such-file", &os));
    R(syscall(106, f, (void *)8));

    struct statfs32 sf;
    R(syscall(99, ".", &sf));
    printf("statfs namelen=%u bsize nonzero=%d\n", sf.f_namelen, sf.f_bsize != 0);
    R(syscall(100, fd, &sf));
    char big[88];
    R(syscall(266, ".", 84, big));
    R(syscall(266, ".", 88, big));
    /* (a wrong size, 64, is EINVAL on Linux; qemu-arm 7.2 accepts it) */

    R(syscall(92, f, 5));                              /* truncate */
    fstat(fd, &st);
    printf("size after truncate: %ld\n", (long)st.st_size);
    R(syscall(93, fd, 3));                             /* ftruncate */
    R(syscall(194, fd, 0, 0, 1));                      /* ftruncate64, pair r2:r3 = 4 GiB */
    fstat(fd, &st);
    printf("size after ftruncate64: %lld\n", (long long)st.st_size);
    R(syscall(193, f, 0, 7, 0));                       /* truncate64 */
    fstat(fd, &st);
    printf("size after truncate64: %lld\n", (long long)st.st_size);
    R(fallocate(fd, 0, 4096, 4096));
    fstat(fd, &st);
    printf("size after fallocate: %lld\n", (long long)st.st_size);
    R(posix_fadvise(fd, 0, 4096, POSIX_FADV_SEQUENTIAL));
    R(posix_fadvise(fd, 0, 4096, 99));
    R(sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WRITE));
    R(sync_file_range(fd, 0, 4096, 0x100));
    R(readahead(fd, 0, 4096));
    R(fsync(fd));
    R(fdatasync(fd));
    R(flock(fd, LOCK_EX | LOCK_NB));
    R(flock(fd, LOCK_UN));

    struct timeval tv[2] = { { 1000000, 5 }, { 2000000, 7 } };
    R(utimes(f, tv));
    stat(f, &st);
    printf("utimes: atime=%lld mtime=%lld mtime ns=%ld\n", (long long)st.st_atime, (long long)st.st_mtime, st.st_mtim.tv_nsec);
    tv[0].tv_usec = 1000000;
    R(utimes(f, tv));
    struct { int32_t s, us; } tv32[2] = { { 4000000, 0 }, { 5000000, 3 } };
    R(syscall(269, f, tv32));                          /* utimes, 32-bit timeval */
    stat(f, &st);
    printf("utimes32: atime=%lld mtime=%lld ns=%ld\n", (long long)st.st_atime, (long long)st.st_mtime, st.st_mtim.tv_nsec);
    R(syscall(326, AT_FDCWD, f, NULL));                /* futimesat: now */
    struct timespec ts[2] = { { 3000000, 0 }, { 0, UTIME_OMIT } };
    R(utimensat(AT_FDCWD, f, ts, 0));
    stat(f, &st);
    printf("utimensat: atime=%lld mtime recent=%d\n", (long long)st.st_atime, st.st_mtime > 1700000000);

    char buf[64] = { 0 };
    R(readlink(l, buf, sizeof buf));
    printf("readlink: %s\n", buf);
    R(link(f, g));
    stat(f, &st);
    printf("nlink after link: %ld\n", (long)st.st_nlink);
    unlink(g);
    R(chmod(f, 0600));
    R(fchmod(fd, 0604));
    stat(f, &st);
    printf("mode: 0%o\n", st.st_mode & 0777);
    R(syscall(95, fd, 0xffff, 0xffff));                /* fchown, 16-bit ids: unchanged */
    R(syscall(182, f, -1, -1));                        /* chown */
    R(syscall(16, l, -1, -1));                         /* lchown */
    R(syscall(182, "no-such-file", -1, -1));
    R(mknodat(AT_FDCWD, g, S_IFIFO | 0600, 0));
    stat(g, &st);
    printf("fifo: %d\n", S_ISFIFO(st.st_mode));
    unlink(g);

    /* data movers */
    ftruncate(fd, 0);
    lseek(fd, 0, SEEK_SET);
    write(fd, "abcdefghij", 10);
    int out = open(g, O_RDWR | O_CREAT | O_TRUNC, 0600);
    off_t off = 2;
    R(sendfile(out, fd, &off, 4));
    printf("sendfile off now %ld\n", (long)off);
    loff_t in_off = 5, out_off = 100;
    R(copy_file_range(fd, &in_off, out, &out_off, 3, 0));
    printf("copy_file_range offsets %lld %lld\n", (long long)in_off, (long long)out_off);
    int p[2], q[2];
    pipe(p);
    pipe(q);
    in_off = 0;
    R(splice(fd, &in_off, p[1], NULL, 6, 0));
    R(tee(p[0], q[1], 6, 0));
    memset(buf, 0, sizeof buf);
    read(q[0], buf, 6);
    printf("tee copy: %s\n", buf);
    struct iovec iov[2] = { { "vm", 2 }, { "splice", 6 } };
    R(vmsplice(q[1], iov, 2, 0));
    memset(buf, 0, sizeof buf);
    read(q[0], buf, 8);
    printf("vmsplice: %s\n", buf);
    memset(buf, 0, sizeof buf);
    read(p[0], buf, 6);
    printf("splice data: %s\n", buf);
    pread(out, buf, 16, 0);
    printf("sendfile data: %.4s\n", buf);
    close(out);
    close(fd);
    unlink(f); unlink(g); unlink(l);
    return 0;
}
