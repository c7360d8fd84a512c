/*
 * Guest (ARM EABI Linux) ABI: the layouts of every structure the syscall
 * layer reads or writes in guest memory, and the constants where ARM
 * differs from the host. Host struct layouts are never used for guest
 * memory: each guest struct here has explicit-size fields, explicit
 * padding and _Static_asserts on size and offsets, with the numbers taken
 * from the ARM UAPI headers (/usr/arm-linux-gnueabihf/include/asm*).
 * EABI aligns 64-bit fields to 8 bytes, as both hosts do, so natural
 * alignment with the explicit padding below reproduces the ARM layout.
 *
 * Conversions between host and guest forms are plain functions
 * (guest_abi.c) so unit tests can call them on the host.
 */
#ifndef A32RUN_LINUX_GUEST_ABI_H
#define A32RUN_LINUX_GUEST_ABI_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <fcntl.h>

#define GUEST_ABI_LAYOUT(type, size) \
    _Static_assert(sizeof(type) == (size), #type " size (ARM UAPI)")
#define GUEST_ABI_OFFSET(type, field, off) \
    _Static_assert(offsetof(type, field) == (off), #type "." #field " offset (ARM UAPI)")

/* Errno values: ARM, x86-64 and AArch64 all use asm-generic/errno*.h, so
 * host errno values are passed to the guest unchanged. Checked for the
 * values the syscall layer produces itself or commonly passes on. */
_Static_assert(EPERM == 1 && ENOENT == 2 && ESRCH == 3 && EINTR == 4 &&
               EIO == 5 && EBADF == 9 && ECHILD == 10 && EAGAIN == 11 &&
               ENOMEM == 12 && EACCES == 13 && EFAULT == 14 && EEXIST == 17 &&
               ENOTDIR == 20 && EISDIR == 21 && EINVAL == 22 && EMFILE == 24 &&
               ENOTTY == 25 && ESPIPE == 29 && EPIPE == 32 && ERANGE == 34 &&
               ENAMETOOLONG == 36 && ENOSYS == 38 && ENOTEMPTY == 39 &&
               ELOOP == 40 && EOVERFLOW == 75 && ETIMEDOUT == 110,
               "host errno values differ from asm-generic/errno.h");

/* Signal numbers 1..31: ARM's asm/signal.h equals the hosts' numbering. */
_Static_assert(SIGHUP == 1 && SIGILL == 4 && SIGTRAP == 5 && SIGABRT == 6 &&
               SIGBUS == 7 && SIGFPE == 8 && SIGKILL == 9 && SIGUSR1 == 10 &&
               SIGSEGV == 11 && SIGPIPE == 13 && SIGTERM == 15 &&
               SIGSTKFLT == 16 && SIGCHLD == 17 && SIGCONT == 18 &&
               SIGSTOP == 19 && SIGTSTP == 20 && SIGURG == 23 &&
               SIGWINCH == 28 && SIGIO == 29 && SIGPWR == 30 && SIGSYS == 31,
               "host signal numbers differ from ARM asm/signal.h");
#define GUEST_NSIG 64               /* _NSIG; signals are 1..64 */
#define GUEST_MINSIGSTKSZ 2048      /* asm/signal.h */
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)
#define GUEST_SIG_DFL 0u
#define GUEST_SIG_IGN 1u

/* Open flags: ARM's asm/fcntl.h overrides four bits of the generic set;
 * x86-64 uses the generic ones, so flags are always translated. */
#define GUEST_O_ACCMODE   00000003u
#define GUEST_O_WRONLY    00000001u
#define GUEST_O_CREAT     00000100u
#define GUEST_O_EXCL      00000200u
#define GUEST_O_NOCTTY    00000400u
#define GUEST_O_TRUNC     00001000u
#define GUEST_O_APPEND    00002000u
#define GUEST_O_NONBLOCK  00004000u
#define GUEST_O_DSYNC     00010000u
#define GUEST_O_ASYNC     00020000u
#define GUEST_O_DIRECTORY 00040000u     /* ARM */
#define GUEST_O_NOFOLLOW  00100000u     /* ARM */
#define GUEST_O_DIRECT    00200000u     /* ARM */
#define GUEST_O_LARGEFILE 00400000u     /* ARM */
#define GUEST_O_NOATIME   01000000u
#define GUEST_O_CLOEXEC   02000000u
#define GUEST___O_SYNC    04000000u
#define GUEST_O_PATH      010000000u
#define GUEST___O_TMPFILE 020000000u

/* fcntl commands of a 32-bit process (asm-generic/fcntl.h). */
#define GUEST_F_GETLK     5
#define GUEST_F_SETLK     6
#define GUEST_F_SETLKW    7
#define GUEST_F_GETLK64   12
#define GUEST_F_SETLK64   13
#define GUEST_F_SETLKW64  14
#define GUEST_F_OFD_GETLK  36
#define GUEST_F_OFD_SETLK  37
#define GUEST_F_OFD_SETLKW 38

/* asm/stat.h struct stat64 ("insane amounts of padding around dev_t's"). */
struct guest_stat64 {
    uint64_t st_dev;
    uint8_t  pad0[4];
    uint32_t st_ino_low;        /* __st_ino: truncated inode */
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint8_t  pad3[4];
    uint8_t  pad_align[4];      /* implicit EABI padding before st_size */
    int64_t  st_size;
    uint32_t st_blksize;
    uint8_t  pad_align2[4];     /* implicit EABI padding before st_blocks */
    uint64_t st_blocks;
    uint32_t st_atime_sec;
    uint32_t st_atime_nsec;
    uint32_t st_mtime_sec;
    uint32_t st_mtime_nsec;
    uint32_t st_ctime_sec;
    uint32_t st_ctime_nsec;
    uint64_t st_ino;
};
GUEST_ABI_LAYOUT(struct guest_stat64, 104);
GUEST_ABI_OFFSET(struct guest_stat64, st_ino_low, 12);
GUEST_ABI_OFFSET(struct guest_stat64, st_mode, 16);
GUEST_ABI_OFFSET(struct guest_stat64, st_uid, 24);
GUEST_ABI_OFFSET(struct guest_stat64, st_rdev, 32);
GUEST_ABI_OFFSET(struct guest_stat64, st_size, 48);
GUEST_ABI_OFFSET(struct guest_stat64, st_blksize, 56);
GUEST_ABI_OFFSET(struct guest_stat64, st_blocks, 64);
GUEST_ABI_OFFSET(struct guest_stat64, st_atime_sec, 72);
GUEST_ABI_OFFSET(struct guest_stat64, st_mtime_sec, 80);
GUEST_ABI_OFFSET(struct guest_stat64, st_ctime_sec, 88);
GUEST_ABI_OFFSET(struct guest_stat64, st_ino, 96);

/* struct old_timespec32 / __kernel_timespec. The kernel ignores the upper
 * half of a time64 tv_nsec coming from a 32-bit task. */
struct guest_timespec32 { int32_t tv_sec; int32_t tv_nsec; };
struct guest_timespec64 { int64_t tv_sec; int64_t tv_nsec; };
struct guest_timeval32 { int32_t tv_sec; int32_t tv_usec; };
struct guest_timezone { int32_t tz_minuteswest; int32_t tz_dsttime; };
GUEST_ABI_LAYOUT(struct guest_timespec32, 8);
GUEST_ABI_LAYOUT(struct guest_timespec64, 16);
GUEST_ABI_LAYOUT(struct guest_timeval32, 8);
GUEST_ABI_LAYOUT(struct guest_timezone, 8);

struct guest_iovec { uint32_t iov_base; uint32_t iov_len; };
GUEST_ABI_LAYOUT(struct guest_iovec, 8);

/* Kernel struct sigaction as rt_sigaction sees it on ARM
 * (linux/signal_types.h with __ARCH_HAS_SA_RESTORER): the 64-bit mask is
 * two 32-bit words at offset 12, not 8-byte aligned. */
struct guest_sigaction {
    uint32_t handler;           /* sa_handler (host headers make the sa_*
                                   names macros) */
    uint32_t flags;
    uint32_t restorer;
    uint32_t mask[2];           /* low word: signals 1..32 */
};
GUEST_ABI_LAYOUT(struct guest_sigaction, 20);
GUEST_ABI_OFFSET(struct guest_sigaction, flags, 4);
GUEST_ABI_OFFSET(struct guest_sigaction, restorer, 8);
GUEST_ABI_OFFSET(struct guest_sigaction, mask, 12);

/* asm/signal.h stack_t */
struct guest_stack {
    uint32_t ss_sp;
    int32_t  ss_flags;
    uint32_t ss_size;
};
GUEST_ABI_LAYOUT(struct guest_stack, 12);

/* struct flock (32-bit off_t) and struct flock64 (asm-generic/fcntl.h). */
struct guest_flock {
    int16_t l_type;
    int16_t l_whence;
    int32_t l_start;
    int32_t l_len;
    int32_t l_pid;
};
GUEST_ABI_LAYOUT(struct guest_flock, 16);
struct guest_flock64 {
    int16_t l_type;
    int16_t l_whence;
    uint8_t pad[4];
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    uint8_t pad2[4];
};
GUEST_ABI_LAYOUT(struct guest_flock64, 32);
GUEST_ABI_OFFSET(struct guest_flock64, l_start, 8);
GUEST_ABI_OFFSET(struct guest_flock64, l_pid, 24);

/* ugetrlimit's struct rlimit (unsigned long) and prlimit64's rlimit64. */
struct guest_rlimit32 { uint32_t rlim_cur; uint32_t rlim_max; };
struct guest_rlimit64 { uint64_t rlim_cur; uint64_t rlim_max; };
GUEST_ABI_LAYOUT(struct guest_rlimit32, 8);
GUEST_ABI_LAYOUT(struct guest_rlimit64, 16);
#define GUEST_RLIM_INFINITY 0xffffffffu

/* linux/sysinfo.h with a 32-bit long. */
struct guest_sysinfo {
    int32_t  uptime;
    uint32_t loads[3];
    uint32_t totalram;
    uint32_t freeram;
    uint32_t sharedram;
    uint32_t bufferram;
    uint32_t totalswap;
    uint32_t freeswap;
    uint16_t procs;
    uint16_t pad;
    uint32_t totalhigh;
    uint32_t freehigh;
    uint32_t mem_unit;
    uint8_t  reserved[8];       /* _f[20-2*sizeof(long)-sizeof(int)] */
};
GUEST_ABI_LAYOUT(struct guest_sysinfo, 64);
GUEST_ABI_OFFSET(struct guest_sysinfo, procs, 40);
GUEST_ABI_OFFSET(struct guest_sysinfo, mem_unit, 52);

/* struct tms with a 32-bit clock_t. */
struct guest_tms {
    int32_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};
GUEST_ABI_LAYOUT(struct guest_tms, 16);

/* struct new_utsname: six 65-byte fields, arch-independent. */
#define GUEST_UTSNAME_LEN 65
struct guest_utsname {
    char sysname[GUEST_UTSNAME_LEN];
    char nodename[GUEST_UTSNAME_LEN];
    char release[GUEST_UTSNAME_LEN];
    char version[GUEST_UTSNAME_LEN];
    char machine[GUEST_UTSNAME_LEN];
    char domainname[GUEST_UTSNAME_LEN];
};
GUEST_ABI_LAYOUT(struct guest_utsname, 390);

/* Kernel struct termios (asm-generic/termbits.h; what TCGETS/TCSETS* copy,
 * not glibc's larger struct) and struct winsize: identical on ARM, x86-64
 * and AArch64, with the same ioctl numbers, so they pass through. */
#define GUEST_TERMIOS_SIZE 36
#define GUEST_WINSIZE_SIZE 8
#define GUEST_TCGETS      0x5401u
#define GUEST_TCSETS      0x5402u
#define GUEST_TCSETSW     0x5403u
#define GUEST_TCSETSF     0x5404u
#define GUEST_TIOCGWINSZ  0x5413u
#define GUEST_TIOCSWINSZ  0x5414u
#define GUEST_FIONREAD    0x541bu

/* struct statx (arch-independent, 256 bytes) and struct linux_dirent64
 * (arch-independent) pass through unchanged. */
#define GUEST_STATX_SIZE 256

/* asm/statfs.h: ARM packs struct statfs64 to 84 bytes (EABI would pad it
 * to 88; glibc passes 88 and the kernel's wrapper accepts both). */
struct guest_statfs64 {
    uint32_t f_type;
    uint32_t f_bsize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;
    uint64_t f_files;
    uint64_t f_ffree;
    int32_t  f_fsid[2];
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;
    uint32_t f_spare[4];
} __attribute__((packed, aligned(4)));
GUEST_ABI_LAYOUT(struct guest_statfs64, 84);
GUEST_ABI_OFFSET(struct guest_statfs64, f_fsid, 48);
GUEST_ABI_OFFSET(struct guest_statfs64, f_flags, 64);

/* struct rusage with 32-bit timevals and longs. */
struct guest_rusage {
    struct guest_timeval32 ru_utime;
    struct guest_timeval32 ru_stime;
    int32_t ru_long[14];        /* ru_maxrss .. ru_nivcsw, in order */
};
GUEST_ABI_LAYOUT(struct guest_rusage, 72);

/* struct pollfd (int, short, short) is the same everywhere. */
#define GUEST_POLLFD_SIZE 8

/* The SIGCHLD part of ARM's 128-byte siginfo (asm-generic/siginfo.h with
 * 32-bit int/clock_t): what waitid stores. The host's has an 8-byte
 * aligned union on 64-bit hosts, so it is converted field by field. */
#define GUEST_SIGINFO_SIZE 128
struct guest_siginfo_chld {     /* si_* names are host macros */
    int32_t signo;
    int32_t err;
    int32_t code;
    int32_t pid;
    uint32_t uid;
    int32_t status;
    int32_t utime;
    int32_t stime;
};
GUEST_ABI_LAYOUT(struct guest_siginfo_chld, 32);
GUEST_ABI_OFFSET(struct guest_siginfo_chld, pid, 12);
GUEST_ABI_OFFSET(struct guest_siginfo_chld, status, 20);
GUEST_ABI_OFFSET(struct guest_siginfo_chld, utime, 24);

/* clone flags (linux/sched.h, arch-independent). */
#define GUEST_CSIGNAL              0x000000ffu
#define GUEST_CLONE_VM             0x00000100u
#define GUEST_CLONE_FS             0x00000200u
#define GUEST_CLONE_FILES          0x00000400u
#define GUEST_CLONE_SIGHAND        0x00000800u
#define GUEST_CLONE_PIDFD          0x00001000u
#define GUEST_CLONE_PTRACE         0x00002000u
#define GUEST_CLONE_VFORK          0x00004000u
#define GUEST_CLONE_PARENT         0x00008000u
#define GUEST_CLONE_THREAD         0x00010000u
#define GUEST_CLONE_SYSVSEM        0x00040000u
#define GUEST_CLONE_SETTLS         0x00080000u
#define GUEST_CLONE_PARENT_SETTID  0x00100000u
#define GUEST_CLONE_CHILD_CLEARTID 0x00200000u
#define GUEST_CLONE_DETACHED       0x00400000u
#define GUEST_CLONE_UNTRACED       0x00800000u
#define GUEST_CLONE_CHILD_SETTID   0x01000000u

/* struct epoll_event: ARM EABI aligns the 64-bit data to 8 (16 bytes);
 * x86-64 packs it to 12, so the host layout is never used for the guest. */
struct guest_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};
GUEST_ABI_LAYOUT(struct guest_epoll_event, 16);
GUEST_ABI_OFFSET(struct guest_epoll_event, data, 8);

/* struct old_itimerspec32 / __kernel_itimerspec. */
struct guest_itimerspec32 { struct guest_timespec32 it_interval, it_value; };
struct guest_itimerspec64 { struct guest_timespec64 it_interval, it_value; };
GUEST_ABI_LAYOUT(struct guest_itimerspec32, 16);
GUEST_ABI_LAYOUT(struct guest_itimerspec64, 32);

/* Sockets. struct sockaddr*, struct linger, struct ucred, socklen_t and
 * the SOL_SOCKET/SO_* numbers are the same on ARM and both hosts
 * (asm-generic/socket.h); message headers and control messages differ. */
struct guest_msghdr {
    uint32_t msg_name;
    uint32_t msg_namelen;
    uint32_t msg_iov;
    uint32_t msg_iovlen;
    uint32_t msg_control;
    uint32_t msg_controllen;
    int32_t  msg_flags;
};
GUEST_ABI_LAYOUT(struct guest_msghdr, 28);
struct guest_mmsghdr {
    struct guest_msghdr msg_hdr;
    uint32_t msg_len;
};
GUEST_ABI_LAYOUT(struct guest_mmsghdr, 32);
/* struct cmsghdr with a 32-bit length; data and headers align to 4. */
struct guest_cmsghdr {
    uint32_t cmsg_len;
    int32_t  cmsg_level;
    int32_t  cmsg_type;
};
GUEST_ABI_LAYOUT(struct guest_cmsghdr, 12);
#define GUEST_CMSG_ALIGN(len) (((len) + 3u) & ~3u)
#define GUEST_SOL_SOCKET 1
#define GUEST_SCM_RIGHTS 1
#define GUEST_SCM_CREDENTIALS 2
#define GUEST_SO_TIMESTAMP_OLD 29
#define GUEST_SO_TIMESTAMPNS_OLD 35
#define GUEST_SO_RCVTIMEO_OLD 20
#define GUEST_SO_SNDTIMEO_OLD 21
#define GUEST_SO_RCVTIMEO_NEW 66
#define GUEST_SO_SNDTIMEO_NEW 67
/* __kernel_sock_timeval of the _NEW options */
struct guest_sock_timeval64 { int64_t tv_sec; int64_t tv_usec; };
GUEST_ABI_LAYOUT(struct guest_sock_timeval64, 16);

/* asm/stat.h struct stat: the old layout of stat/lstat/fstat (106-108),
 * with 16-bit mode/nlink/uid/gid and 32-bit everything else. */
struct guest_stat_old {
    uint32_t st_dev;
    uint32_t st_ino;
    uint16_t st_mode;
    uint16_t st_nlink;
    uint16_t st_uid;
    uint16_t st_gid;
    uint32_t st_rdev;
    uint32_t st_size;
    uint32_t st_blksize;
    uint32_t st_blocks;
    uint32_t st_atime_sec, st_atime_nsec;
    uint32_t st_mtime_sec, st_mtime_nsec;
    uint32_t st_ctime_sec, st_ctime_nsec;
    uint32_t unused4, unused5;
};
GUEST_ABI_LAYOUT(struct guest_stat_old, 64);
GUEST_ABI_OFFSET(struct guest_stat_old, st_rdev, 16);
GUEST_ABI_OFFSET(struct guest_stat_old, st_atime_sec, 32);

/* asm-generic/statfs.h struct statfs with 32-bit words (statfs/fstatfs). */
struct guest_statfs32 {
    uint32_t f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    int32_t  f_fsid[2];
    uint32_t f_namelen, f_frsize, f_flags;
    uint32_t f_spare[4];
};
GUEST_ABI_LAYOUT(struct guest_statfs32, 64);
GUEST_ABI_OFFSET(struct guest_statfs32, f_fsid, 28);

/* Conversions (guest_abi.c). */
void guest_statfs64_from_host(struct guest_statfs64 *out, const struct statfs *in);
void guest_rusage_from_host(struct guest_rusage *out, const struct rusage *in);
void guest_stat64_from_host(struct guest_stat64 *out, const struct stat *st);
int guest_open_flags_to_host(uint32_t guest_flags);
uint32_t host_open_flags_to_guest(int host_flags);
void guest_sysinfo_from_host(struct guest_sysinfo *out, const struct sysinfo *in);
/* Returns 0, or -EINVAL for a tv_nsec outside 0..999999999. */
int guest_timespec32_to_host(struct timespec *out, const struct guest_timespec32 *in);
int guest_timespec64_to_host(struct timespec *out, const struct guest_timespec64 *in);
/* Returns 0, or -EOVERFLOW if tv_sec does not fit 32 bits. */
int guest_timespec32_from_host(struct guest_timespec32 *out, const struct timespec *in);
void guest_timespec64_from_host(struct guest_timespec64 *out, const struct timespec *in);
/* The same through guest memory (time64: the 64-bit forms): -EFAULT for a
 * bad address, -EINVAL for invalid nanoseconds on reading, -EOVERFLOW when
 * a timespec's seconds do not fit the 32-bit form on writing. */
struct itimerspec;
long guest_timespec_read(struct timespec *out, uint32_t addr, bool time64);
long guest_timespec_write(uint32_t addr, const struct timespec *in, bool time64);
long guest_itimerspec_read(struct itimerspec *out, uint32_t addr, bool time64);
long guest_itimerspec_write(uint32_t addr, const struct itimerspec *in, bool time64);
void guest_flock64_to_host(struct flock *out, const struct guest_flock64 *in);
void guest_flock64_from_host(struct guest_flock64 *out, const struct flock *in);
void guest_flock_to_host(struct flock *out, const struct guest_flock *in);
/* Returns 0, or -EOVERFLOW if a field does not fit 32 bits. */
int guest_flock_from_host(struct guest_flock *out, const struct flock *in);
uint32_t guest_rlim32_from_host(rlim_t value);
/* As the kernel's cp_compat_stat: -EOVERFLOW when the device numbers do
 * not fit 8:8 bits, the inode 32 bits, nlink 16 bits or the size 31 bits;
 * uid/gid above 65535 become 65534. Returns 0 or -EOVERFLOW. */
int guest_stat_old_from_host(struct guest_stat_old *out, const struct stat *st);
/* As put_compat_statfs: -EOVERFLOW when a block count or size needs more
 * than 32 bits (file counts of -1 are allowed). */
int guest_statfs32_from_host(struct guest_statfs32 *out, const struct statfs *in);
rlim_t guest_rlim32_to_host(uint32_t value);

/* Signal frames (arch/arm/include/uapi/asm/sigcontext.h, asm/ucontext.h,
 * glibc sys/ucontext.h; offsets checked with arm-linux-gnueabihf-gcc):
 * the kernel's ucontext has a 64-bit uc_sigmask padded to 128 bytes and an
 * 8-aligned uc_regspace holding the VFP block and a zero terminator. */
struct guest_sigcontext {
    uint32_t trap_no, error_code, oldmask;
    uint32_t r[11];                 /* arm_r0 .. arm_r10 */
    uint32_t fp, ip, sp, lr, pc, cpsr;
    uint32_t fault_address;
};
GUEST_ABI_LAYOUT(struct guest_sigcontext, 84);
GUEST_ABI_OFFSET(struct guest_sigcontext, pc, 72);
GUEST_ABI_OFFSET(struct guest_sigcontext, cpsr, 76);
GUEST_ABI_OFFSET(struct guest_sigcontext, fault_address, 80);

#define GUEST_VFP_MAGIC 0x56465001u
/* struct vfp_sigframe: magic, size, user_vfp (d0-d31, fpscr, padded to
 * 8), user_vfp_exc (fpexc, fpinst, fpinst2), aligned to 8. */
struct guest_vfp_sigframe {
    uint32_t magic;
    uint32_t size;
    uint64_t fpregs[32];
    uint32_t fpscr;
    uint32_t pad;
    uint32_t fpexc, fpinst, fpinst2;
    uint32_t pad2;
};
GUEST_ABI_LAYOUT(struct guest_vfp_sigframe, 288);
GUEST_ABI_OFFSET(struct guest_vfp_sigframe, fpregs, 8);
GUEST_ABI_OFFSET(struct guest_vfp_sigframe, fpscr, 264);
GUEST_ABI_OFFSET(struct guest_vfp_sigframe, fpexc, 272);

struct guest_ucontext {
    uint32_t uc_flags;
    uint32_t uc_link;
    struct guest_stack uc_stack;
    struct guest_sigcontext uc_mcontext;
    uint32_t uc_sigmask[2];
    uint32_t unused[30];
    uint32_t uc_regspace[128];      /* guest_vfp_sigframe, then 0 */
};
GUEST_ABI_LAYOUT(struct guest_ucontext, 744);
GUEST_ABI_OFFSET(struct guest_ucontext, uc_mcontext, 20);
GUEST_ABI_OFFSET(struct guest_ucontext, uc_sigmask, 104);
GUEST_ABI_OFFSET(struct guest_ucontext, uc_regspace, 232);

/* The whole 128-byte siginfo as delivered to handlers: signo, errno,
 * code, then a union of 32-bit words (si_addr / si_pid / si_tid / si_band
 * at 12; si_uid / si_overrun / si_fd at 16; si_value / si_status at 20;
 * si_utime 24, si_stime 28). */
struct guest_siginfo {
    int32_t signo;
    int32_t err;
    int32_t code;
    uint32_t word[29];
};
GUEST_ABI_LAYOUT(struct guest_siginfo, GUEST_SIGINFO_SIZE);

/* struct sigframe {ucontext; retcode[4]} and rt_sigframe {siginfo; sigframe}
 * (arch/arm/kernel/signal.c). */
struct guest_sigframe {
    struct guest_ucontext uc;
    uint32_t retcode[4];
};
struct guest_rt_sigframe {
    struct guest_siginfo info;
    struct guest_sigframe sig;
};
GUEST_ABI_LAYOUT(struct guest_sigframe, 760);
GUEST_ABI_LAYOUT(struct guest_rt_sigframe, 888);

/* sigaction flags (asm/signal.h). */
#define GUEST_SA_NOCLDSTOP 0x00000001u
#define GUEST_SA_NOCLDWAIT 0x00000002u
#define GUEST_SA_SIGINFO   0x00000004u
#define GUEST_SA_THIRTYTWO 0x02000000u
#define GUEST_SA_RESTORER  0x04000000u
#define GUEST_SA_ONSTACK   0x08000000u
#define GUEST_SA_RESTART   0x10000000u
#define GUEST_SA_NODEFER   0x40000000u
#define GUEST_SA_RESETHAND 0x80000000u

/* struct itimerval with 32-bit timevals (setitimer/getitimer). */
struct guest_itimerval32 { struct guest_timeval32 it_interval, it_value; };
GUEST_ABI_LAYOUT(struct guest_itimerval32, 16);

/* ---- appended for ioctl, SysV IPC, POSIX message queues and AIO ---- */

/* struct ifreq (net/if.h): 16-byte name, 16-byte union (the largest ARM
 * member, struct ifmap with 4-byte longs, is 16 bytes; a 64-bit host's is
 * 24, making its ifreq 40 bytes). struct ifconf: int length, pointer. */
struct guest_ifreq {
    char name[16];
    uint8_t data[16];
};
GUEST_ABI_LAYOUT(struct guest_ifreq, 32);
struct guest_ifconf {
    int32_t len;
    uint32_t buf;
};
GUEST_ABI_LAYOUT(struct guest_ifconf, 8);

/* SysV IPC, IPC_64 forms (asm-generic/ipcbuf.h, msgbuf.h, sembuf.h,
 * shmbuf.h with ARM's 16-bit __kernel_mode_t and 32-bit longs; the
 * *_high words carry the upper halves of 64-bit times). */
#define GUEST_IPC_64 0x0100
struct guest_ipc64_perm {
    int32_t key;
    uint32_t uid, gid, cuid, cgid;
    uint16_t mode;
    uint8_t pad1[2];
    uint16_t seq;
    uint16_t pad2;
    uint32_t unused1, unused2;
};
GUEST_ABI_LAYOUT(struct guest_ipc64_perm, 36);
GUEST_ABI_OFFSET(struct guest_ipc64_perm, seq, 24);
struct guest_msqid64_ds {
    struct guest_ipc64_perm msg_perm;
    uint32_t msg_stime, msg_stime_high;
    uint32_t msg_rtime, msg_rtime_high;
    uint32_t msg_ctime, msg_ctime_high;
    uint32_t msg_cbytes, msg_qnum, msg_qbytes;
    int32_t msg_lspid, msg_lrpid;
    uint32_t unused4, unused5;
};
GUEST_ABI_LAYOUT(struct guest_msqid64_ds, 88);
GUEST_ABI_OFFSET(struct guest_msqid64_ds, msg_qbytes, 68);
struct guest_semid64_ds {
    struct guest_ipc64_perm sem_perm;
    uint32_t sem_otime, sem_otime_high;
    uint32_t sem_ctime, sem_ctime_high;
    uint32_t sem_nsems;
    uint32_t unused3, unused4;
};
GUEST_ABI_LAYOUT(struct guest_semid64_ds, 64);
struct guest_shmid64_ds {
    struct guest_ipc64_perm shm_perm;
    uint32_t shm_segsz;
    uint32_t shm_atime, shm_atime_high;
    uint32_t shm_dtime, shm_dtime_high;
    uint32_t shm_ctime, shm_ctime_high;
    int32_t shm_cpid, shm_lpid;
    uint32_t shm_nattch;
    uint32_t unused4, unused5;
};
GUEST_ABI_LAYOUT(struct guest_shmid64_ds, 84);
GUEST_ABI_OFFSET(struct guest_shmid64_ds, shm_nattch, 72);
/* IPC_INFO for shmctl (struct shminfo64, 9 longs) and SHM_INFO
 * (struct shm_info: an int and 5 longs). msginfo and seminfo are ints
 * only and identical everywhere (32 and 40 bytes). */
struct guest_shminfo64 {
    uint32_t shmmax, shmmin, shmmni, shmseg, shmall, unused[4];
};
GUEST_ABI_LAYOUT(struct guest_shminfo64, 36);
struct guest_shm_info {
    int32_t used_ids;
    uint32_t shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};
GUEST_ABI_LAYOUT(struct guest_shm_info, 24);
#define GUEST_MSGINFO_SIZE 32
#define GUEST_SEMINFO_SIZE 40
/* ARM's SHMLBA: 4 pages (arch/arm/include/asm/shmparam.h; arm64's
 * COMPAT_SHMLBA is the same). */
#define GUEST_SHMLBA 0x4000u

/* POSIX message queue attributes: four longs and four reserved ones. */
struct guest_mq_attr {
    int32_t mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs;
    int32_t reserved[4];
};
GUEST_ABI_LAYOUT(struct guest_mq_attr, 32);

/* struct sigevent (asm-generic/siginfo.h, 64 bytes on ARM): sigval (a
 * 4-byte int/pointer), signo, notify, then a union of the thread id or
 * the SIGEV_THREAD function/attribute pair. */
struct guest_sigevent {
    uint32_t sigev_value;
    int32_t sigev_signo;
    int32_t sigev_notify;
    uint32_t sigev_un[13];      /* [0]: _tid or _function, [1]: _attribute */
};
GUEST_ABI_LAYOUT(struct guest_sigevent, 64);

/* Linux AIO (linux/aio_abi.h): iocb and io_event have fixed-width fields
 * only (the 64-bit aio_buf/aio_data hold a 32-bit pointer zero-extended),
 * identical on ARM and both hosts; aio_context_t is an unsigned long (4
 * bytes on ARM). */
struct guest_iocb {
    uint64_t aio_data;
    uint32_t aio_key;
    uint32_t aio_rw_flags;
    uint16_t aio_lio_opcode;
    int16_t aio_reqprio;
    uint32_t aio_fildes;
    uint64_t aio_buf;
    uint64_t aio_nbytes;
    int64_t aio_offset;
    uint64_t aio_reserved2;
    uint32_t aio_flags;
    uint32_t aio_resfd;
};
GUEST_ABI_LAYOUT(struct guest_iocb, 64);
GUEST_ABI_OFFSET(struct guest_iocb, aio_buf, 24);
struct guest_io_event {
    uint64_t data, obj;
    int64_t res, res2;
};
GUEST_ABI_LAYOUT(struct guest_io_event, 32);

/* ---- appended for POSIX timers, signalfd, timex and sched_attr ---- */

/* struct signalfd_siginfo (linux/signalfd.h): 128 bytes of fixed-width
 * fields, the same on ARM and both hosts, so reads from a signalfd pass
 * through. Declared here only to pin that layout. */
struct guest_signalfd_siginfo {
    uint32_t ssi_signo;
    int32_t ssi_errno, ssi_code;
    uint32_t ssi_pid, ssi_uid;
    int32_t ssi_fd;
    uint32_t ssi_tid, ssi_band, ssi_overrun, ssi_trapno;
    int32_t ssi_status, ssi_int;
    uint64_t ssi_ptr, ssi_utime, ssi_stime, ssi_addr;
    uint16_t ssi_addr_lsb, pad2;
    int32_t ssi_syscall;
    uint64_t ssi_call_addr;
    uint32_t ssi_arch;
    uint8_t pad[28];
};
GUEST_ABI_LAYOUT(struct guest_signalfd_siginfo, 128);
GUEST_ABI_OFFSET(struct guest_signalfd_siginfo, ssi_int, 44);
GUEST_ABI_OFFSET(struct guest_signalfd_siginfo, ssi_ptr, 48);
GUEST_ABI_OFFSET(struct guest_signalfd_siginfo, ssi_addr, 72);
GUEST_ABI_OFFSET(struct guest_signalfd_siginfo, ssi_call_addr, 88);
GUEST_ABI_OFFSET(struct guest_signalfd_siginfo, ssi_arch, 96);

/* struct timex of a 32-bit process (linux/timex.h with 4-byte
 * __kernel_long_t and a 32-bit struct timeval; the kernel's
 * old_timex32): adjtimex and clock_adjtime. */
struct guest_timex32 {
    uint32_t modes;
    int32_t offset, freq, maxerror, esterror;
    int32_t status;
    int32_t constant, precision, tolerance;
    struct guest_timeval32 time;
    int32_t tick, ppsfreq, jitter;
    int32_t shift;
    int32_t stabil, jitcnt, calcnt, errcnt, stbcnt;
    int32_t tai;
    int32_t reserved[11];
};
GUEST_ABI_LAYOUT(struct guest_timex32, 128);
GUEST_ABI_OFFSET(struct guest_timex32, status, 20);
GUEST_ABI_OFFSET(struct guest_timex32, time, 36);
GUEST_ABI_OFFSET(struct guest_timex32, tick, 44);
GUEST_ABI_OFFSET(struct guest_timex32, shift, 56);
GUEST_ABI_OFFSET(struct guest_timex32, stbcnt, 76);
GUEST_ABI_OFFSET(struct guest_timex32, tai, 80);

/* struct __kernel_timex (clock_adjtime64): 64-bit fields with explicit
 * padding; EABI aligns long long to 8, so it is the same 208 bytes as a
 * 64-bit host's struct timex. */
struct guest_timex64 {
    uint32_t modes;
    int32_t pad0;
    int64_t offset, freq, maxerror, esterror;
    int32_t status;
    int32_t pad1;
    int64_t constant, precision, tolerance;
    int64_t time_sec, time_usec;    /* struct __kernel_timex_timeval */
    int64_t tick, ppsfreq, jitter;
    int32_t shift;
    int32_t pad2;
    int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
    int32_t tai;
    int32_t reserved[11];
};
GUEST_ABI_LAYOUT(struct guest_timex64, 208);
GUEST_ABI_OFFSET(struct guest_timex64, status, 40);
GUEST_ABI_OFFSET(struct guest_timex64, constant, 48);
GUEST_ABI_OFFSET(struct guest_timex64, time_sec, 72);
GUEST_ABI_OFFSET(struct guest_timex64, tick, 88);
GUEST_ABI_OFFSET(struct guest_timex64, shift, 112);
GUEST_ABI_OFFSET(struct guest_timex64, stabil, 120);
GUEST_ABI_OFFSET(struct guest_timex64, tai, 160);

/* struct sched_attr (linux/sched/types.h): fixed-width fields, the same
 * on ARM and both hosts; size-versioned (SCHED_ATTR_SIZE_VER0 48, VER1
 * 56 with the utilization clamps), so callers pass the guest's bytes
 * and size through. */
struct guest_sched_attr {
    uint32_t size, sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime, sched_deadline, sched_period;
    uint32_t sched_util_min, sched_util_max;
};
GUEST_ABI_LAYOUT(struct guest_sched_attr, 56);
GUEST_ABI_OFFSET(struct guest_sched_attr, sched_flags, 8);
GUEST_ABI_OFFSET(struct guest_sched_attr, sched_runtime, 24);
GUEST_ABI_OFFSET(struct guest_sched_attr, sched_util_min, 48);
#define GUEST_SCHED_ATTR_SIZE_VER0 48u

/* timex conversions (guest_abi.c): the 32-bit form's longs sign-extend
 * into the host's (as the kernel's get_old_timex32) and are truncated on
 * the way back (put_old_timex32). */
struct timex;
void guest_timex32_to_host(struct timex *out, const struct guest_timex32 *in);
void guest_timex32_from_host(struct guest_timex32 *out, const struct timex *in);

#endif
