/*
 * System call dispatch: the table built from linux/syscall_table.h,
 * indexed by number (ARM-private calls 0x0f0000 + n sit in slots after the
 * regular numbers), --strace output and the one-time reports of calls the
 * layer does not implement.
 */
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "linux/syscall.h"
#include "mem/guest_mem.h"
#include "options.h"
#include "tools/strace.h"

#define ARM_PRIVATE_BASE 0x0f0000u
#define ARM_PRIVATE_COUNT 8u
#define REGULAR_SLOTS 512u        /* above the largest EABI number */
#define TABLE_SLOTS (REGULAR_SLOTS + ARM_PRIVATE_COUNT)
#define SLOT(nr) ((nr) >= ARM_PRIVATE_BASE ? (nr) - ARM_PRIVATE_BASE + REGULAR_SLOTS : (nr))

struct syscall_desc {
    const char *name;
    linux_syscall_fn *handler;      /* NULL: -ENOSYS */
    const char *refusal;            /* why there is no handler ("" = not yet) */
    uint8_t ret_kind;
    uint8_t arg_kinds[STRACE_MAX_ARGS];
};

#define SYSCALL(nr, name, handler, ret, ...) \
    [SLOT(nr)] = { #name, handler, NULL, ret, { __VA_ARGS__ } },
#define NOSYS(nr, name, reason) \
    [SLOT(nr)] = { #name, NULL, reason, RET_INT, { ARG_END } },
static const struct syscall_desc syscall_table[TABLE_SLOTS] = {
#include "linux/syscall_table.h"
};
#undef SYSCALL
#undef NOSYS

/* Every number must land in its own slot of the array. */
#define SYSCALL(nr, name, handler, ret, ...) \
    _Static_assert((nr) < REGULAR_SLOTS || \
                   ((nr) >= ARM_PRIVATE_BASE && (nr) < ARM_PRIVATE_BASE + ARM_PRIVATE_COUNT), \
                   "syscall number " #nr " outside the table");
#define NOSYS(nr, name, reason) SYSCALL(nr, name, 0, 0, 0)
#include "linux/syscall_table.h"
#undef SYSCALL
#undef NOSYS

static const struct syscall_desc *syscall_lookup(uint32_t nr)
{
    if (nr < REGULAR_SLOTS || (nr >= ARM_PRIVATE_BASE && nr - ARM_PRIVATE_BASE < ARM_PRIVATE_COUNT)) {
        const struct syscall_desc *desc = &syscall_table[SLOT(nr)];
        return desc->name ? desc : NULL;
    }
    return NULL;
}

/* The call being serviced, for a --strace line when it ends the process
 * (a signal sent to itself) instead of returning. */
static __thread const struct strace_call *strace_in_flight;

void linux_strace_process_end(int status, int signo)
{
    if (!a32run_options.strace)
        return;
    if (strace_in_flight) {
        strace_print_noreturn(strace_in_flight);
        strace_in_flight = NULL;
    }
    char line[64];
    int n;
    const char *abbrev = signo > 0 ? sigabbrev_np(signo) : NULL;
    if (signo > 0)
        n = snprintf(line, sizeof line, "+++ killed by SIG%s +++\n", abbrev ? abbrev : "?");
    else
        n = snprintf(line, sizeof line, "+++ exited with %d +++\n", status);
    ssize_t ignored = write(2, line, (size_t)n);
    (void)ignored;
}

const char *linux_syscall_name(uint32_t nr)
{
    const struct syscall_desc *desc = syscall_lookup(nr);
    return desc ? desc->name : NULL;
}

/* Remembers reported (kind, key) pairs in a small open-addressing set
 * (kinds are string literals, kept by pointer); a full set just reports
 * again (harmless). */
void linux_report_once(const char *kind, uint32_t key, const char *fmt, ...)
{
    if (!a32run_options.strace && !a32run_options.debug)
        return;
    static struct { const char *kind; uint32_t key; } seen[256];
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    bool already = false;
    uint32_t h = (key * 2654435761u) >> 24;
    for (unsigned i = 0; i < 256; i++) {
        unsigned slot = (h + i) & 255;
        if (seen[slot].kind == NULL) {
            seen[slot].kind = kind;
            seen[slot].key = key;
            break;
        }
        if (seen[slot].key == key && !strcmp(seen[slot].kind, kind)) {
            already = true;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    if (already)
        return;
    char line[512];
    int n = snprintf(line, sizeof line, "a32run: ");
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    ssize_t ignored = write(2, line, (size_t)n);
    (void)ignored;
}

uint32_t guest_access_prefix(uint32_t addr, uint32_t len, int prot)
{
    if (guest_access_ok(addr, len, prot))
        return len;
    uint64_t limit = GUEST_SPACE_SIZE - addr;   /* never past the 4 GiB end */
    uint32_t usable = (uint64_t)len < limit ? len : (uint32_t)limit;
    uint32_t done = 0;
    while (done < usable) {
        uint32_t in_page = GUEST_PAGE_SIZE - ((addr + done) & (GUEST_PAGE_SIZE - 1));
        uint32_t chunk = usable - done < in_page ? usable - done : in_page;
        if (!guest_access_ok(addr + done, chunk, prot))
            break;
        done += chunk;
    }
    return done;
}

long guest_path(uint32_t addr, const char **out)
{
    long len = guest_strlen_checked(addr, GUEST_PATH_MAX);
    if (len < 0)
        return len;
    *out = guest_to_host(addr);
    return 0;
}

void linux_syscall(struct guest_thread *thread)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t nr = cpu->r[7];
    uint32_t arg[STRACE_MAX_ARGS];
    memcpy(arg, cpu->r, sizeof arg);

    const struct syscall_desc *desc = syscall_lookup(nr);
    long result;
    if (desc && desc->handler) {
        struct strace_call call = {
            desc->name, nr, (enum strace_ret_kind)desc->ret_kind,
            desc->arg_kinds, arg,
        };
        if (a32run_options.strace && desc->ret_kind == RET_NORETURN)
            strace_print_noreturn(&call);
        else
            strace_in_flight = &call;
        result = desc->handler(thread, arg);
        strace_in_flight = NULL;
        cpu->r[0] = (uint32_t)result;
        if (a32run_options.strace)
            strace_print(&call, cpu->r[0]);
        return;
    }
    if (desc)
        linux_report_once("syscall", nr, "unimplemented syscall %s (%u)%s%s",
                          desc->name, nr, desc->refusal[0] ? ": " : "",
                          desc->refusal);
    else
        linux_report_once("syscall", nr, "unknown syscall %u (0x%x)", nr, nr);
    result = -ENOSYS;
    cpu->r[0] = (uint32_t)result;
    if (a32run_options.strace) {
        static const uint8_t no_kinds[STRACE_MAX_ARGS] = { ARG_HEX, ARG_HEX, ARG_HEX };
        char unknown[32];
        snprintf(unknown, sizeof unknown, "syscall_%u", nr);
        struct strace_call call = { desc ? desc->name : unknown, nr, RET_INT,
                                    no_kinds, arg };
        strace_print(&call, cpu->r[0]);
    }
}
