/*
 * --strace: one line per guest system call on stderr, in strace's style:
 *   openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_LARGEFILE) = 3
 *   read(3, 0xbefff000, 16) = -1 EFAULT (Bad address)
 * The line is formatted after the call (so output buffers can be shown)
 * and written with one write(2); calls that do not return (exit_group) are
 * printed before, with " = ?".
 *
 * Formatting is driven by the argument kinds of the syscall table
 * (linux/syscall_table.h). Kinds also describe the register layout: an
 * ARG_I64 starts at an even register (EABI) and takes two.
 */
#ifndef A32RUN_TOOLS_STRACE_H
#define A32RUN_TOOLS_STRACE_H

#include <stdint.h>

enum strace_arg_kind {
    ARG_END = 0,    /* terminates the list (unused slots are ARG_END) */
    ARG_NONE,       /* no arguments: the only entry of the list */
    ARG_INT,        /* signed decimal */
    ARG_UINT,       /* unsigned decimal */
    ARG_HEX,        /* unsigned hex (addresses, masks) */
    ARG_OCT,        /* octal (modes) */
    ARG_FD,         /* file descriptor */
    ARG_DIRFD,      /* fd or AT_FDCWD */
    ARG_STR,        /* NUL-terminated guest string */
    ARG_PTR,        /* guest pointer: hex or NULL */
    ARG_BUF_IN,     /* guest buffer, length is the next argument: contents */
    ARG_BUF_OUT,    /* guest buffer filled by the call, length = result */
    ARG_OFLAGS,     /* open flags (guest ARM values), symbolic */
    ARG_SIGNO,      /* signal number, symbolic */
    ARG_I64,        /* 64-bit signed value in an aligned register pair */
    ARG_PAD,        /* unused register (explicit EABI padding) */
    ARG_IOCTL,      /* ioctl request: name if known, else hex */
};

enum strace_ret_kind {
    RET_INT,        /* signed decimal, or -1 ERRNO (text) */
    RET_HEX,        /* addresses (brk, mmap2), or -1 ERRNO */
    RET_NORETURN,   /* printed before the call, " = ?" */
};

#define STRACE_MAX_ARGS 7

struct strace_call {
    const char *name;
    uint32_t nr;
    enum strace_ret_kind ret_kind;
    const uint8_t *arg_kinds;   /* STRACE_MAX_ARGS entries */
    const uint32_t *args;       /* r0..r6 at entry */
};

/* Prints the line of a call that returned result (the guest's r0). */
void strace_print(const struct strace_call *call, uint32_t result);

/* Prints "name(args) = ?" for a call that will not return. */
void strace_print_noreturn(const struct strace_call *call);

/* Formats into buf (always NUL-terminated); returns the length. For tests. */
int strace_format(char *buf, int size, const struct strace_call *call,
                  uint32_t result, int returned);

#endif
