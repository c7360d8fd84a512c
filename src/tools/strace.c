/*
 * --strace line formatting (see strace.h). Guest memory is read only
 * through the checked accessors, so a bad pointer in a traced call shows
 * as a hex address instead of crashing the tracer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tools/strace.h"
#include "linux/guest_abi.h"
#include "linux/sys_ioctl.h"
#include "mem/guest_mem.h"

#define STRACE_STR_MAX 32       /* characters of a string shown */

struct out {
    char *buf;
    int size;
    int len;
};

static void put(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
    if (o->len >= o->size - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, (size_t)(o->size - o->len), fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += n;
    if (o->len > o->size - 1)
        o->len = o->size - 1;
}

/* Quoted, escaped, at most STRACE_STR_MAX characters, "..." if longer. */
static void put_bytes(struct out *o, uint32_t addr, uint32_t len, bool stop_at_nul)
{
    uint8_t bytes[STRACE_STR_MAX + 1];
    uint32_t want = len > STRACE_STR_MAX ? STRACE_STR_MAX + 1 : len;
    uint32_t have = 0;
    while (have < want && guest_copy_from(&bytes[have], addr + have, 1) == 0) {
        if (stop_at_nul && bytes[have] == 0)
            break;
        have++;
    }
    if (have == 0 && want > 0 && !(stop_at_nul && guest_copy_from(bytes, addr, 1) == 0)) {
        put(o, "0x%x", addr);
        return;
    }
    put(o, "\"");
    uint32_t shown = have > STRACE_STR_MAX ? STRACE_STR_MAX : have;
    for (uint32_t i = 0; i < shown; i++) {
        uint8_t c = bytes[i];
        switch (c) {
        case '\n': put(o, "\\n"); break;
        case '\t': put(o, "\\t"); break;
        case '\r': put(o, "\\r"); break;
        case '"': put(o, "\\\""); break;
        case '\\': put(o, "\\\\"); break;
        default:
            if (c >= 0x20 && c < 0x7f)
                put(o, "%c", c);
            else
                put(o, "\\%o", c);
        }
    }
    put(o, "\"");
    if (have > STRACE_STR_MAX)
        put(o, "...");
}

static void put_open_flags(struct out *o, uint32_t flags)
{
    static const struct { uint32_t bit; const char *name; } names[] = {
        { GUEST_O_CREAT, "O_CREAT" }, { GUEST_O_EXCL, "O_EXCL" },
        { GUEST_O_NOCTTY, "O_NOCTTY" }, { GUEST_O_TRUNC, "O_TRUNC" },
        { GUEST_O_APPEND, "O_APPEND" }, { GUEST_O_NONBLOCK, "O_NONBLOCK" },
        { GUEST_O_DSYNC, "O_DSYNC" }, { GUEST_O_ASYNC, "O_ASYNC" },
        { GUEST_O_DIRECTORY, "O_DIRECTORY" }, { GUEST_O_NOFOLLOW, "O_NOFOLLOW" },
        { GUEST_O_DIRECT, "O_DIRECT" }, { GUEST_O_LARGEFILE, "O_LARGEFILE" },
        { GUEST_O_NOATIME, "O_NOATIME" }, { GUEST_O_CLOEXEC, "O_CLOEXEC" },
        { GUEST___O_SYNC, "__O_SYNC" }, { GUEST_O_PATH, "O_PATH" },
        { GUEST___O_TMPFILE, "__O_TMPFILE" },
    };
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };
    put(o, "%s", modes[flags & 3]);
    flags &= ~3u;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit) {
            put(o, "|%s", names[i].name);
            flags &= ~names[i].bit;
        }
    if (flags)
        put(o, "|%#o", flags);
}

static void put_signo(struct out *o, uint32_t signo)
{
    static const char *const names[32] = {
        NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
        "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS",
    };
    if (signo < 32 && names[signo])
        put(o, "%s", names[signo]);
    else if (signo >= 32 && signo <= 64)
        put(o, "SIGRT_%u", signo - 32);
    else
        put(o, "%d", (int32_t)signo);
}

static void put_ioctl(struct out *o, uint32_t request)
{
    const char *name = linux_ioctl_name(request);
    if (name)
        put(o, "%s", name);
    else
        put(o, "%#x", request);
}

static bool is_error(uint32_t result)
{
    return result >= 0xfffff001u;
}

int strace_format(char *buf, int size, const struct strace_call *call,
                  uint32_t result, int returned)
{
    struct out o = { buf, size, 0 };
    buf[0] = 0;
    put(&o, "%s(", call->name);
    int reg = 0;
    bool first = true;
    for (int i = 0; i < STRACE_MAX_ARGS && reg < STRACE_MAX_ARGS; i++) {
        uint8_t kind = call->arg_kinds[i];
        if (kind == ARG_END || kind == ARG_NONE)
            break;
        if (kind == ARG_PAD) {
            reg++;
            continue;
        }
        if (kind == ARG_I64 && (reg & 1))
            reg++;
        if (reg >= STRACE_MAX_ARGS)
            break;
        uint32_t v = call->args[reg];
        if (!first)
            put(&o, ", ");
        first = false;
        switch (kind) {
        case ARG_INT: put(&o, "%d", (int32_t)v); break;
        case ARG_UINT: put(&o, "%u", v); break;
        case ARG_HEX: put(&o, "%#x", v); break;
        case ARG_OCT: put(&o, "%#o", v); break;
        case ARG_FD: put(&o, "%d", (int32_t)v); break;
        case ARG_DIRFD:
            if ((int32_t)v == -100)
                put(&o, "AT_FDCWD");
            else
                put(&o, "%d", (int32_t)v);
            break;
        case ARG_PTR:
            if (v)
                put(&o, "%#x", v);
            else
                put(&o, "NULL");
            break;
        case ARG_STR:
            if (v)
                put_bytes(&o, v, STRACE_STR_MAX + 1, true);
            else
                put(&o, "NULL");
            break;
        case ARG_BUF_IN:
            put_bytes(&o, v, reg + 1 < STRACE_MAX_ARGS ? call->args[reg + 1] : 0, false);
            break;
        case ARG_BUF_OUT:
            if (returned && !is_error(result))
                put_bytes(&o, v, result, false);
            else
                put(&o, "%#x", v);
            break;
        case ARG_OFLAGS: put_open_flags(&o, v); break;
        case ARG_SIGNO: put_signo(&o, v); break;
        case ARG_IOCTL: put_ioctl(&o, v); break;
        case ARG_I64:
            put(&o, "%lld", (long long)(int64_t)((uint64_t)v |
                ((uint64_t)call->args[reg + 1] << 32)));
            reg++;
            break;
        default: put(&o, "?%#x", v); break;
        }
        reg++;
    }
    put(&o, ")");
    if (!returned) {
        put(&o, " = ?");
    } else if (is_error(result)) {
        int err = -(int32_t)result;
        char name[32];
        const char *abbrev = strerrorname_np(err);
        snprintf(name, sizeof name, "%s", abbrev ? abbrev : "E?");
        put(&o, " = -1 %s (%s)", name, strerrordesc_np(err) ? strerrordesc_np(err) : "Unknown error");
    } else if (call->ret_kind == RET_HEX) {
        put(&o, " = %#x", result);
    } else {
        put(&o, " = %d", (int32_t)result);
    }
    return o.len;
}

static void emit(const struct strace_call *call, uint32_t result, int returned)
{
    char line[1024];
    int n = strace_format(line, (int)sizeof line - 1, call, result, returned);
    line[n++] = '\n';
    ssize_t ignored = write(2, line, (size_t)n);
    (void)ignored;
}

void strace_print(const struct strace_call *call, uint32_t result)
{
    emit(call, result, 1);
}

void strace_print_noreturn(const struct strace_call *call)
{
    emit(call, 0, 0);
}
