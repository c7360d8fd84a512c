/*
 * Process life cycle: fork, vfork, clone (process forms), wait4, waitid
 * and execve.
 *
 * A guest process is one host process, so fork-like calls are host forks
 * (the whole translator, guest memory included, is copied). Guest threads
 * (CLONE_VM|CLONE_THREAD) are not implemented yet: -ENOSYS, reported, so
 * that glibc's pthread_create fails cleanly. CLONE_VM|CLONE_VFORK (glibc's
 * posix_spawn) runs as a vfork whose child has a copy of memory, as in
 * qemu-arm: the parent still waits until the child execs or exits, but an
 * error the child stores for the parent is not seen.
 *
 * execve of an ARM program re-executes a32run itself (the host's
 * /proc/self/exe) with the translator options and the guest's argv/envp;
 * "#!" scripts are resolved here by the kernel's rules, their interpreter
 * being an ARM program too. The program and each interpreter are found
 * through the sysroot rules, and the sysroot in effect and --strace are
 * passed on. A host program (same ELF machine as a32run), or a script
 * whose interpreter chain ends in one, is executed natively by the host
 * kernel. Anything else fails with the errno Linux gives.
 */
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "linux/thread.h"
#include "linux/sysroot.h"
#include "mem/guest_mem.h"
#include "options.h"

/* --- fork / vfork / clone ------------------------------------------------ */

#define CLONE_ID_FLAGS (GUEST_CLONE_PARENT_SETTID | GUEST_CLONE_CHILD_SETTID | \
                        GUEST_CLONE_CHILD_CLEARTID | GUEST_CLONE_SETTLS)
/* Flags a fork-like clone may carry: the exit signal, the tid requests,
 * vfork waiting, and CLONE_VM only together with CLONE_VFORK. */
#define CLONE_FORK_FLAGS (GUEST_CSIGNAL | CLONE_ID_FLAGS | GUEST_CLONE_VFORK | \
                          GUEST_CLONE_VM | GUEST_CLONE_PARENT | GUEST_CLONE_DETACHED | \
                          GUEST_CLONE_UNTRACED)

struct clone_request {
    uint32_t flags;
    uint32_t child_sp;          /* 0: the child keeps the caller's sp */
    uint32_t parent_tid;        /* guest addresses for the tid requests */
    uint32_t tls;
    uint32_t child_tid;
};

/* Creates the host child. exit_signal and CLONE_PARENT are host behaviour
 * with the same meaning. The usual cases go through the C library's
 * fork(), which takes its own locks (malloc's above all) around the fork:
 * with several guest threads, a raw clone could copy a lock another
 * thread holds and the child would hang in a32run's own malloc. vfork is
 * such a fork whose parent then waits, as Linux's CLONE_VFORK does, until
 * the child execs or exits: the end of a close-on-exec pipe that only the
 * child holds. */
static pid_t host_fork(uint32_t flags)
{
    unsigned long host_flags = flags & (GUEST_CSIGNAL | GUEST_CLONE_PARENT);
    if (host_flags != SIGCHLD) {
        if (flags & GUEST_CLONE_VFORK)
            host_flags |= CLONE_VFORK;
        /* No stack and no tid pointers: fork semantics on every host,
         * whatever its clone argument order. */
        return (pid_t)syscall(SYS_clone, host_flags, 0UL, 0UL, 0UL, 0UL);
    }
    int vfork_pipe[2] = { -1, -1 };
    if ((flags & GUEST_CLONE_VFORK) && pipe2(vfork_pipe, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = fork();
    if (vfork_pipe[0] < 0)
        return pid;
    if (pid == 0) {
        close(vfork_pipe[0]);
        return 0;
    }
    int saved_errno = errno;
    close(vfork_pipe[1]);
    if (pid > 0) {
        char byte;
        while (read(vfork_pipe[0], &byte, 1) < 0 && errno == EINTR)
            continue;
    }
    close(vfork_pipe[0]);
    errno = saved_errno;
    return pid;
}

static long do_fork(struct guest_thread *thread, const struct clone_request *req)
{
    if (req->flags & GUEST_CLONE_PARENT_SETTID &&
        !guest_access_ok(req->parent_tid, 4, GUEST_PROT_WRITE))
        return -EFAULT;
    pid_t pid = host_fork(req->flags);
    if (pid < 0)
        return -errno;
    if (pid > 0) {
        if (req->flags & GUEST_CLONE_PARENT_SETTID) {
            uint32_t tid = (uint32_t)pid;
            guest_copy_to(req->parent_tid, &tid, 4);
        }
        return pid;
    }
    /* Child: the tid requests apply to its own (copied) memory. */
    linux_thread_after_fork_child(thread);
    uint32_t self = (uint32_t)gettid();
    if (req->flags & GUEST_CLONE_CHILD_SETTID)
        guest_copy_to(req->child_tid, &self, 4);
    if (req->flags & GUEST_CLONE_CHILD_CLEARTID)
        linux_thread.clear_child_tid = req->child_tid;
    if (req->flags & GUEST_CLONE_SETTLS)
        thread->cpu.tpidruro = req->tls;
    if (req->child_sp)
        thread->cpu.r[13] = req->child_sp;
    return 0;
}

long sys_fork(struct guest_thread *thread, const uint32_t *arg)
{
    struct clone_request req = { .flags = SIGCHLD };
    return do_fork(thread, &req);
}

/* vfork: the parent sleeps until the child execs or exits, as on Linux;
 * the child works on a copy of memory (no sharing across the translator). */
long sys_vfork(struct guest_thread *thread, const uint32_t *arg)
{
    struct clone_request req = { .flags = SIGCHLD | GUEST_CLONE_VFORK };
    return do_fork(thread, &req);
}

/* ARM clone argument order (CLONE_BACKWARDS): flags, newsp, parent_tidptr,
 * tls, child_tidptr. */
long sys_clone(struct guest_thread *thread, const uint32_t *arg)
{
    struct clone_request req = { arg[0], arg[1], arg[2], arg[3], arg[4] };
    uint32_t flags = req.flags;
    if (flags & (GUEST_CLONE_THREAD | GUEST_CLONE_SIGHAND) ||
        (flags & GUEST_CLONE_VM && !(flags & GUEST_CLONE_VFORK)))
        return linux_clone_thread(thread, flags, req.child_sp, req.parent_tid, req.tls,
                                  req.child_tid);
    if (flags & ~CLONE_FORK_FLAGS) {
        linux_report_once("clone", flags & ~CLONE_FORK_FLAGS,
                          "clone flags 0x%x not supported (EINVAL)", flags & ~CLONE_FORK_FLAGS);
        return -EINVAL;
    }
    if (flags & GUEST_CLONE_VM)
        linux_report_once("clone", GUEST_CLONE_VM | GUEST_CLONE_VFORK,
                          "clone(CLONE_VM|CLONE_VFORK) runs as vfork with copied memory");
    return do_fork(thread, &req);
}

/* --- wait4 / waitid ------------------------------------------------------ */

/* The option bits (WNOHANG, WUNTRACED, WEXITED, WCONTINUED, WNOWAIT,
 * __WNOTHREAD, __WALL, __WCLONE) are arch-independent. */
#define GUEST_WAIT_OPTIONS (WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT | \
                            __WNOTHREAD | __WALL | __WCLONE)

static long put_rusage(uint32_t addr, const struct rusage *ru)
{
    struct guest_rusage g;
    guest_rusage_from_host(&g, ru);
    return guest_copy_to(addr, &g, sizeof g);
}

long sys_wait4(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[2] & ~(uint32_t)(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
        return -EINVAL;
    if (arg[1] && !guest_access_ok(arg[1], 4, GUEST_PROT_WRITE))
        return -EFAULT;
    if (arg[3] && !guest_access_ok(arg[3], sizeof(struct guest_rusage), GUEST_PROT_WRITE))
        return -EFAULT;
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    long pid = safe_syscall(SYS_wait4, (pid_t)arg[0], &status, (int)arg[2], &ru);
    if (pid < 0)
        return pid;
    if (pid > 0) {
        if (arg[1])
            guest_copy_to(arg[1], &status, 4);
        if (arg[3])
            put_rusage(arg[3], &ru);
    }
    return pid;
}

/* waitid(idtype, id, infop, options, rusage): like the kernel, stores
 * si_signo, si_errno, si_code, si_pid, si_uid and si_status (all zero when
 * WNOHANG found nothing), nothing else of the 128 bytes. */
long sys_waitid(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[3] & ~(uint32_t)GUEST_WAIT_OPTIONS)
        return -EINVAL;
    if (arg[2] && !guest_access_ok(arg[2], GUEST_SIGINFO_SIZE, GUEST_PROT_WRITE))
        return -EFAULT;
    if (arg[4] && !guest_access_ok(arg[4], sizeof(struct guest_rusage), GUEST_PROT_WRITE))
        return -EFAULT;
    siginfo_t info;
    struct rusage ru;
    memset(&info, 0, sizeof info);
    memset(&ru, 0, sizeof ru);
    long r = safe_syscall(SYS_waitid, (int)arg[0], (pid_t)arg[1], &info, (int)arg[3], &ru);
    if (r < 0)
        return r;
    if (arg[2]) {
        struct guest_siginfo_chld g = {
            .signo = info.si_signo, .err = info.si_errno,
            .code = info.si_code, .pid = info.si_pid,
            .uid = info.si_uid, .status = info.si_status,
        };
        guest_copy_to(arg[2], &g, offsetof(struct guest_siginfo_chld, utime));
    }
    if (arg[4])
        put_rusage(arg[4], &ru);
    return 0;
}

/* --- execve -------------------------------------------------------------- */

#define EXEC_MAX_STRINGS 0x20000u       /* argv/envp entries (kernel: MAX_ARG_STRINGS is larger, memory bounds it) */
#define EXEC_MAX_SCRIPT_DEPTH 4         /* the kernel's binfmt recursion limit */
#define SCRIPT_LINE_MAX 256             /* BINPRM_BUF_SIZE */

/* A NULL-terminated guest array of string pointers, checked. Returns the
 * count or -EFAULT/-E2BIG; *out (malloc'ed, NULL-terminated) points at
 * the guest strings in host memory. */
static long guest_string_array(uint32_t addr, char ***out)
{
    *out = NULL;
    size_t cap = 16, n = 0;
    char **list = malloc(cap * sizeof *list);
    if (!list)
        return -ENOMEM;
    for (; addr; addr += 4) {
        uint32_t p;
        if (guest_copy_from(&p, addr, 4) < 0)
            goto fault;
        if (!p)
            break;
        long len = guest_strlen_checked(p, 128u * 1024);    /* MAX_ARG_STRLEN */
        if (len < 0) {
            free(list);
            return len == -ENAMETOOLONG ? -E2BIG : len;
        }
        if (n + 2 > cap) {
            if (cap >= EXEC_MAX_STRINGS) {
                free(list);
                return -E2BIG;
            }
            cap *= 2;
            char **bigger = realloc(list, cap * sizeof *list);
            if (!bigger) {
                free(list);
                return -ENOMEM;
            }
            list = bigger;
        }
        list[n++] = guest_to_host(p);
    }
    list[n] = NULL;
    *out = list;
    return (long)n;
fault:
    free(list);
    return -EFAULT;
}

/* What execve would run: an ARM ELF file, or a script whose interpreter
 * chain ends in one. Level 0 is the script the guest named. */
struct exec_target {
    char path[PATH_MAX];                /* the ARM ELF file */
    bool native;                        /* the chain ends in a host program */
    char first[PATH_MAX];               /* host path of what the guest named */
    int levels;
    int exec_fd;                        /* see cloexec_program_fd(), or -1 */
    struct { char *interp, *arg; } level[EXEC_MAX_SCRIPT_DEPTH];
    char lines[EXEC_MAX_SCRIPT_DEPTH + 1][SCRIPT_LINE_MAX + 1];
};

/* Checks a candidate like the kernel's open_exec + search_binary_handler:
 * ENOENT/ENOTDIR/ELOOP from the lookup, EACCES for no execute permission
 * or not a regular file, ENOEXEC for a format nobody handles. */
static long classify(const char *path, char *head, size_t head_size, size_t *got)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != EACCES)
            return -errno;
        /* Execute-only files still run on Linux; the header is unreadable
         * to us then, so treat it like an unreadable file. */
        return access(path, X_OK) < 0 ? -errno : -EACCES;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || access(path, X_OK) < 0) {
        close(fd);
        return -EACCES;
    }
    ssize_t n = pread(fd, head, head_size, 0);
    close(fd);
    if (n < 0)
        return -EIO;
    *got = (size_t)n;
    return 0;
}

static bool is_arm_elf(const unsigned char *h, size_t n)
{
    return n >= 20 && !memcmp(h, "\177ELF", 4) && h[4] == 1 /* ELFCLASS32 */ &&
           h[5] == 1 /* little-endian */ && (h[18] | h[19] << 8) == 40 /* EM_ARM */;
}

/* Splits "#!interp [arg]" the way binfmt_script does: whitespace around
 * the interpreter, the rest of the line (trimmed) is one argument. */
static long parse_shebang(char *line, size_t n, char **interp, char **interp_arg)
{
    line[n] = 0;
    char *end = memchr(line, '\n', n);
    if (!end) {
        if (n >= SCRIPT_LINE_MAX)
            return -ENOEXEC;    /* an interpreter path cut off by the buffer */
        end = line + n;
    }
    *end = 0;
    char *p = line + 2;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return -ENOEXEC;
    *interp = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    *interp_arg = NULL;
    if (*p) {
        *p++ = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        char *e = p + strlen(p);
        while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
            *--e = 0;
        if (*p)
            *interp_arg = p;
    }
    return 0;
}

/* The guest's name for the program it runs as itself. */
static const char *resolve_self_exe(const char *path)
{
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/exe", (int)getpid());
    if (linux_exe_path && (!strcmp(path, "/proc/self/exe") || !strcmp(path, own)))
        return linux_exe_path;
    return path;
}

/* Is the ELF header that of a host program (the machine a32run itself
 * was built for)? Read from a32run's own header: no host #ifdef. */
static bool is_host_elf(const unsigned char *h, size_t n)
{
    static int own_machine = -1;
    if (own_machine < 0) {
        unsigned char self[20];
        int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
        own_machine = 0;
        if (fd >= 0) {
            if (pread(fd, self, sizeof self, 0) == (ssize_t)sizeof self)
                own_machine = self[18] | self[19] << 8;
            close(fd);
        }
    }
    return n >= 20 && !memcmp(h, "\177ELF", 4) && own_machine &&
           (h[18] | h[19] << 8) == own_machine;
}

static long find_target(const char *path, struct exec_target *t)
{
    t->levels = 0;
    t->native = false;
    const char *current = resolve_self_exe(path);
    for (int depth = 0;; depth++) {
        char *head = t->lines[depth];
        size_t got = 0;
        /* Guest paths (the program, each interpreter) go through the
         * sysroot like any other path the guest names. */
        struct sysroot_path_buf buf;
        long r = sysroot_resolve(current, SYSROOT_FOLLOW, &buf, &current);
        if (r < 0)
            return r;
        r = classify(current, head, SCRIPT_LINE_MAX, &got);
        if (r < 0)
            return r;
        if (depth == 0) {
            if (strlen(current) >= sizeof t->first)
                return -ENAMETOOLONG;
            strcpy(t->first, current);
        }
        if (is_host_elf((unsigned char *)head, got)) {
            /* A host program (or a script run by one) runs natively: the
             * host kernel executes what the guest named. */
            t->native = true;
            return 0;
        }
        if (is_arm_elf((unsigned char *)head, got)) {
            if (strlen(current) >= sizeof t->path)
                return -ENAMETOOLONG;
            strcpy(t->path, current);
            return 0;
        }
        if (got < 2 || head[0] != '#' || head[1] != '!')
            return -ENOEXEC;
        if (depth >= EXEC_MAX_SCRIPT_DEPTH)
            return -ELOOP;
        char *interp, *interp_arg;
        if (parse_shebang(head, got, &interp, &interp_arg) < 0)
            return -ENOEXEC;
        t->level[depth].interp = interp;
        t->level[depth].arg = interp_arg;
        t->levels = depth + 1;
        current = interp;
    }
}

/* Host argv for re-executing a32run: self, options, -0 argv0, --, the ELF
 * path, guest args. For scripts the guest argv is what the kernel builds:
 * each level replaces argv[0] by "interp [arg] file", so the outermost
 * interpreter comes first: i_k [a_k] ... i_0 [a_0] path argv[1..]. */
static char **build_host_argv(const char *self, const struct exec_target *t,
                              const char *guest_path_name, char **guest_argv, long guest_argc)
{
    size_t max = (size_t)guest_argc + 2u * EXEC_MAX_SCRIPT_DEPTH + 16;
    char **v = calloc(max, sizeof *v);
    if (!v)
        return NULL;
    size_t n = 0;
    v[n++] = (char *)self;
    if (a32run_options.strace)
        v[n++] = "--strace";
    if (a32run_options.debug)
        v[n++] = "--debug";
    if (a32run_options.stats)
        v[n++] = "--stats";
    if (a32run_options.force_offset)
        v[n++] = "--force-offset";
    static char exec_fd_text[16];
    if (t->exec_fd >= 0) {
        snprintf(exec_fd_text, sizeof exec_fd_text, "%d", t->exec_fd);
        v[n++] = "--exec-fd";
        v[n++] = exec_fd_text;
    }
    /* The sysroot in effect (canonical), whether it came from -L or the
     * environment, so a guest that clears its environment keeps it. */
    if (sysroot_mode() == SYSROOT_FULL && sysroot_dir()) {
        v[n++] = "--sysroot";
        v[n++] = (char *)sysroot_dir();
    } else if (a32run_options.sysroot) {
        v[n++] = "--sysroot";
        v[n++] = (char *)a32run_options.sysroot;
    }
    v[n++] = "-0";
    if (t->levels) {
        v[n++] = t->level[t->levels - 1].interp;
        v[n++] = "--";
        v[n++] = (char *)t->path;
        for (int lv = t->levels - 1; lv >= 0; lv--) {
            if (lv != t->levels - 1)
                v[n++] = t->level[lv].interp;
            if (t->level[lv].arg)
                v[n++] = t->level[lv].arg;
        }
        v[n++] = (char *)guest_path_name;
    } else {
        v[n++] = guest_argc > 0 ? guest_argv[0] : "";
        v[n++] = "--";
        v[n++] = (char *)t->path;
    }
    for (long i = 1; i < guest_argc; i++)
        v[n++] = guest_argv[i];
    v[n] = NULL;
    return v;
}

/* fexecve (execveat(fd, "", AT_EMPTY_PATH), or glibc's fallback) names
 * the program as /proc/self/fd/N. The kernel opens the file before it
 * closes the close-on-exec descriptors, but the re-executed a32run opens
 * it by that name after the host's execve: a close-on-exec N is made
 * inheritable for the execve and the new a32run closes it once the
 * program is loaded (--exec-fd), so the new image does not see it.
 * Returns N, or -1 for other paths and for inheritable descriptors (the
 * new image keeps those, as it would natively). */
static int cloexec_program_fd(const char *path)
{
    char own[32], rest;
    int fd = -1;
    snprintf(own, sizeof own, "/proc/%d/fd/", (int)getpid());
    const char *number = !strncmp(path, "/proc/self/fd/", 14) ? path + 14 :
                         !strncmp(path, "/dev/fd/", 8) ? path + 8 :
                         !strncmp(path, own, strlen(own)) ? path + strlen(own) : NULL;
    if (!number || *number < '0' || *number > '9' || sscanf(number, "%d%c", &fd, &rest) != 1)
        return -1;
    int flags = fcntl(fd, F_GETFD);
    return flags >= 0 && (flags & FD_CLOEXEC) ? fd : -1;
}

static long do_execve(const char *path, uint32_t guest_argv_addr, uint32_t guest_envp_addr)
{
    long r;
    char **guest_argv = NULL, **guest_envp = NULL;
    long argc = guest_string_array(guest_argv_addr, &guest_argv);
    if (argc < 0)
        return argc;
    long envc = guest_string_array(guest_envp_addr, &guest_envp);
    if (envc < 0) {
        free(guest_argv);
        return envc;
    }
    static struct exec_target target;
    r = find_target(path, &target);
    if (r == 0 && target.native) {
        execve(target.first, guest_argv, guest_envp);
        r = -errno;
        free(guest_argv);
        free(guest_envp);
        return r;
    }
    char self[PATH_MAX];
    if (r == 0) {
        ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
        if (len < 0)
            r = -ENOEXEC;
        else
            self[len] = 0;
    }
    char **host_argv = NULL;
    if (r == 0) {
        target.exec_fd = target.levels ? -1 : cloexec_program_fd(target.path);
        host_argv = build_host_argv(self, &target, path, guest_argv, argc);
        if (!host_argv)
            r = -ENOMEM;
    }
    if (r == 0) {
        if (target.exec_fd >= 0)
            fcntl(target.exec_fd, F_SETFD, 0);
        execve(self, host_argv, guest_envp);
        r = -errno;
        if (target.exec_fd >= 0)
            fcntl(target.exec_fd, F_SETFD, FD_CLOEXEC);
    }
    free(host_argv);
    free(guest_argv);
    free(guest_envp);
    return r;
}

long sys_execve(struct guest_thread *thread, const uint32_t *arg)
{
    const char *path;
    long r = guest_path(arg[0], &path);
    if (r < 0)
        return r;
    return do_execve(path, arg[1], arg[2]);
}

/* execveat(dirfd, path, argv, envp, flags): a relative path or
 * AT_EMPTY_PATH names the file through /proc/self/fd (what the kernel
 * shows as the script name too). */
#define GUEST_AT_EMPTY_PATH 0x1000u
#define GUEST_AT_SYMLINK_NOFOLLOW 0x100u
long sys_execveat(struct guest_thread *thread, const uint32_t *arg)
{
    int dirfd = (int)arg[0];
    uint32_t flags = arg[4];
    if (flags & ~(GUEST_AT_EMPTY_PATH | GUEST_AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    const char *path;
    long r = guest_path(arg[1], &path);
    if (r < 0)
        return r;
    static char joined[PATH_MAX + 64];
    if (!*path) {
        if (!(flags & GUEST_AT_EMPTY_PATH))
            return -ENOENT;
        snprintf(joined, sizeof joined, "/proc/self/fd/%d", dirfd);
        path = joined;
    } else if (path[0] != '/' && dirfd != AT_FDCWD) {
        if ((size_t)snprintf(joined, sizeof joined, "/proc/self/fd/%d/%s", dirfd, path) >= sizeof joined)
            return -ENAMETOOLONG;
        path = joined;
    }
    if (flags & GUEST_AT_SYMLINK_NOFOLLOW) {
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && path != joined)
            return -ELOOP;
    }
    return do_execve(path, arg[2], arg[3]);
}

/* capget/capset(header, data): struct __user_cap_header_struct (u32
 * version, int pid) and 1 (version 1) or 2 (versions 2, 3) data records
 * of three u32: fixed-width, the same everywhere, passed in place. */
static long do_capability(const uint32_t *arg, bool set)
{
    uint32_t header[2];
    if (guest_copy_from(header, arg[0], sizeof header) < 0)
        return -EFAULT;
    if (!guest_access_ok(arg[0], sizeof header, GUEST_PROT_WRITE))
        return -EFAULT;
    uint32_t records = header[0] == 0x19980330u ? 1 : 2;
    if (arg[1] && !guest_access_ok(arg[1], records * 12u, set ? GUEST_PROT_READ : GUEST_PROT_WRITE))
        return -EFAULT;
    return host_result(syscall(set ? SYS_capset : SYS_capget, guest_to_host(arg[0]),
                               arg[1] ? guest_to_host(arg[1]) : NULL));
}

long sys_capget(struct guest_thread *thread, const uint32_t *arg)
{
    return do_capability(arg, false);
}

long sys_capset(struct guest_thread *thread, const uint32_t *arg)
{
    return do_capability(arg, true);
}

/* membarrier(cmd, flags, cpu_id): integers; every guest thread is a host
 * thread of this process, so the host's barriers cover them. */
long sys_membarrier(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_membarrier, (int)arg[0], (unsigned)arg[1], (int)arg[2]));
}
