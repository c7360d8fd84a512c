/*
 * Internals of the Linux personality shared by the syscall modules
 * (sys_*.c): the handler signature, argument helpers, per-thread and
 * process-wide guest state kept by the personality.
 *
 * A handler receives the guest registers r0..r6 at the SVC and returns the
 * value for r0: a result, or -errno (-4095..-1). Every guest pointer is
 * checked (guest_access_ok / guest_copy_*) before use; a bad one gives
 * -EFAULT, never a host crash.
 */
#ifndef A32RUN_LINUX_SYSCALL_H
#define A32RUN_LINUX_SYSCALL_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include "exec/exec.h"
#include "linux/linux.h"
#include "linux/guest_abi.h"

typedef long linux_syscall_fn(struct guest_thread *thread, const uint32_t *arg);

/* Every handler named in the table is declared here from the table. */
#define SYSCALL(nr, name, handler, ret, ...) linux_syscall_fn handler;
#define NOSYS(nr, name, reason)
#include "linux/syscall_table.h"
#undef SYSCALL
#undef NOSYS

/* Host call result to guest result: -errno on failure. */
static inline long host_result(long r)
{
    return r < 0 ? -errno : r;
}

/* A 64-bit argument in the even/odd register pair starting at arg[i]
 * (low word in the even register: little-endian EABI). */
static inline int64_t guest_arg64(const uint32_t *arg, int i)
{
    return (int64_t)((uint64_t)arg[i] | ((uint64_t)arg[i + 1] << 32));
}

/* --strace: the process ends with exit status (signo 0) or by signal
 * signo; prints the unfinished call, if any, with " = ?" first. */
void linux_strace_process_end(int status, int signo);

/* Directory cookie tables (sys_dir.c): descriptor events from the calls
 * that close or duplicate descriptors, and lseek on a directory that has
 * a table (returns false when fd has none; *result is the guest position
 * or -errno). */
void linux_dir_fd_closed(int fd);
void linux_dir_fd_range_closed(unsigned first, unsigned last);
void linux_dir_fd_duplicated(int oldfd, int newfd);
bool linux_dir_lseek(int fd, int64_t offset, int whence, int64_t *result);

/* Name of syscall nr, or NULL (for tools). */
const char *linux_syscall_name(uint32_t nr);

#define GUEST_PATH_MAX 4096
#define GUEST_IOV_MAX 1024      /* UIO_MAXIOV */

/* Converts a guest iovec array (count entries at guest_iov) into host
 * iovecs for a transfer needing prot; the vector ends at the first bad
 * buffer as in Linux. Returns the number of host iovecs or -errno
 * (sys_file.c). */
struct iovec;
long iovec_from_guest(struct iovec *host, uint32_t guest_iov, uint32_t count, int prot);

/* Checks a guest path string; *out points at it in host memory.
 * Returns 0, -EFAULT or -ENAMETOOLONG. */
long guest_path(uint32_t addr, const char **out);

/* Bytes of [addr, addr + len) a transfer may use with prot, the way Linux
 * copies until the first fault: len when all of it is accessible, else the
 * accessible prefix up to the first bad guest page (0: nothing, the caller
 * returns -EFAULT). Write checks also make write-protected code pages
 * writable again (see guest_access_ok). */
uint32_t guest_access_prefix(uint32_t addr, uint32_t len, int prot);

/* Prints "a32run: <message>" once per distinct key under --strace or
 * --debug (keys: syscall numbers, ioctl requests, ...). */
void linux_report_once(const char *kind, uint32_t key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Per guest thread state the personality keeps (one host thread per
 * guest thread, so thread-local). */
struct linux_thread_state {
    uint32_t clear_child_tid;       /* set_tid_address */
    uint32_t robust_list_head;      /* set_robust_list */
    uint32_t robust_list_len;
    uint64_t sigmask;               /* rt_sigprocmask (recorded only) */
    struct guest_stack altstack;    /* sigaltstack (recorded only) */
};
extern __thread struct linux_thread_state linux_thread;

/* Guest signal dispositions (process-wide), recorded by rt_sigaction.
 * Index 1..64. Delivery comes with the signal layer; for now SIG_IGN and
 * SIG_DFL are mirrored to the host for asynchronous signals. */
extern struct guest_sigaction linux_sigactions[GUEST_NSIG + 1];

/* Initial guest signal state from what a32run inherited (ignored
 * signals, blocked mask); called once before the guest starts. */
void linux_signal_state_init(void);

/* The guest program's path for /proc/self/exe (absolute, or NULL). */
extern const char *linux_exe_path;

/* A synchronous guest signal from a syscall (breakpoint, OABI svc). Until
 * signal delivery exists this terminates the process with the signal. */
noreturn void linux_force_signal(struct guest_thread *thread, int signo);

#endif
