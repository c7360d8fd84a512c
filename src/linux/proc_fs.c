/*
 * Faked /proc files. The host's /proc describes a32run: its 64-bit
 * mappings, its own auxv and command line, an x86-64 or AArch64 cpuinfo.
 * For the guest's own process (/proc/self, /proc/thread-self and
 * /proc/<own pid>) these are generated instead:
 *
 *   maps      guest mappings in 32-bit form: protections from the guest
 *             page flags, backing file, offset, device and inode from the
 *             host mapping at the same place (so file mappings keep their
 *             names; files in the sysroot by their guest path), [stack] for the main stack, [heap] for the mapping
 *             holding the break, [vectors] for the kuser helper page
 *   auxv, cmdline, environ
 *             from the guest's initial stack (the loader's layout,
 *             loader/initial_stack.c): located once by its shape, then
 *             read live like Linux does for cmdline/environ
 *   stat, status
 *             the host's, with the command name of the guest program
 *   cpuinfo   an ARM cpuinfo whose Features line lists exactly the
 *             AT_HWCAP/AT_HWCAP2 bits the guest is given
 *
 * Everything else under /proc is the host's (the sysroot rules never
 * redirect /proc). Contents are built at open time into a memfd with mode
 * 0444, as a snapshot (Linux generates at read time; a program reading
 * maps while changing its mappings sees the state at open).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "linux/proc_fs.h"
#include "linux/syscall.h"
#include "linux/sysroot.h"
#include "loader/elf_loader.h"
#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"     /* GUEST_STACK_TOP: where the loader puts the stack */

/* A growing text buffer. */
struct text { char *data; size_t len, cap; bool failed; };

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = t->cap - t->len;
        int n = vsnprintf(t->data ? t->data + t->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if ((size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap ? t->cap * 2 : 4096;
        while (cap - t->len <= (size_t)n)
            cap *= 2;
        char *bigger = realloc(t->data, cap);
        if (!bigger) {
            t->failed = true;
            return;
        }
        t->data = bigger;
        t->cap = cap;
    }
}

static void add_bytes(struct text *t, const void *p, size_t n)
{
    if (t->cap - t->len < n + 1) {
        size_t cap = t->len + n + 4096;
        char *bigger = realloc(t->data, cap);
        if (!bigger) {
            t->failed = true;
            return;
        }
        t->data = bigger;
        t->cap = cap;
    }
    memcpy(t->data + t->len, p, n);
    t->len += n;
}

/* ---- the initial stack: argc, argv, envp, auxv ---- */

#define AT_NULL_ 0
#define AT_PAGESZ_ 6
#define AT_HWCAP_ 16

struct initial_stack {
    bool found;
    uint32_t argc, argv, envp, auxv;    /* guest addresses of the arrays */
    uint32_t auxv_bytes;                /* including the AT_NULL pair */
};

static bool readable(uint32_t addr, uint32_t len)
{
    return guest_access_ok(addr, len, GUEST_PROT_READ);
}

static uint32_t load_checked(uint32_t addr, bool *ok)
{
    if (!readable(addr, 4)) {
        *ok = false;
        return 0;
    }
    return guest_load32(addr);
}

/* Reads the arrays around the auxv found at aux. The program may have
 * overwritten argc (glibc's _start pops it, later frames reuse the slot),
 * so argv is found by walking back from envp: its entries point into the
 * string area above the auxv and increase with the index (argv[0] is the
 * lowest string); the word before argv[0] is no such pointer. */
static bool read_arrays(uint32_t aux, struct initial_stack *s)
{
    const uint32_t top = GUEST_STACK_TOP;
    bool ok = true;
    uint32_t q = aux;
    for (int i = 0;; i++, q += 8) {
        if (i == 64 || q + 8 > top)
            return false;
        if (load_checked(q, &ok) == AT_NULL_)
            break;
    }
    if (!ok)
        return false;
    s->auxv = aux;
    s->auxv_bytes = q + 8 - aux;
    /* envp[] ends at aux - 4 */
    if (load_checked(aux - 4, &ok) != 0 || !ok)
        return false;
    uint32_t e = aux - 4;
    while (load_checked(e - 4, &ok) != 0 && ok)
        e -= 4;
    if (!ok)
        return false;
    s->envp = e;
    /* argv's NULL is at e - 4 */
    uint32_t a = e - 4, previous = top;
    for (;;) {
        uint32_t v = load_checked(a - 4, &ok);
        if (!ok || v <= q || v >= previous)
            break;
        previous = v;
        a -= 4;
    }
    s->argv = a;
    s->argc = (e - 4 - a) / 4;
    s->found = true;
    return true;
}

/* Found once by its first auxv entries, which the loader writes in a
 * fixed order (AT_HWCAP, AT_PAGESZ, AT_CLKTCK): Linux, too, keeps the
 * argv/env bounds and a copy of the auxv from exec time. */
static const struct initial_stack *initial_stack(void)
{
    static struct initial_stack s;
    static bool searched;
    if (searched)
        return &s;
    searched = true;
    const uint32_t pattern[6] = { AT_HWCAP_, guest_hwcap(), AT_PAGESZ_, GUEST_PAGE_SIZE, 17, 100 };
    const uint32_t limit = 16u << 20;
    for (uint32_t p = GUEST_STACK_TOP - sizeof pattern; p > GUEST_STACK_TOP - limit; p -= 4) {
        if (!readable(p, sizeof pattern))
            break;
        if (!memcmp(guest_to_host(p), pattern, sizeof pattern)) {
            read_arrays(p, &s);
            break;
        }
    }
    return &s;
}

/* argv or envp strings as Linux shows them: from the first string to the
 * end of the last, NULs included. */
static void add_string_area(struct text *t, uint32_t array, uint32_t count_hint, bool is_argv)
{
    uint32_t first = 0, end = 0;
    for (uint32_t i = 0; is_argv ? i < count_hint : true; i++) {
        uint32_t p = guest_load32(array + 4 * i);
        if (!p)
            break;
        long len = guest_strlen_checked(p, 1u << 20);
        if (len < 0)
            break;
        if (!first)
            first = p;
        end = p + (uint32_t)len;
    }
    if (first && end > first && readable(first, end - first))
        add_bytes(t, guest_to_host(first), end - first);
}

/* ---- maps ---- */

struct host_map {
    uint64_t start, end, offset, inode;
    char shared;
    char dev[16];
    char name[512];
};

static bool parse_host_map(const char *line, struct host_map *m)
{
    char perms[8];
    int name_at = 0;
    m->name[0] = 0;
    if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %15s %" SCNu64 " %n",
               &m->start, &m->end, perms, &m->offset, m->dev, &m->inode, &name_at) < 6)
        return false;
    m->shared = perms[3];
    if (name_at > 0) {
        snprintf(m->name, sizeof m->name, "%s", line + name_at);
        size_t n = strlen(m->name);
        while (n && (m->name[n - 1] == '\n' || m->name[n - 1] == ' '))
            m->name[--n] = 0;
    }
    return true;
}

static void add_run(struct text *t, const struct host_map *m, uint32_t start, uint64_t end,
                    uint8_t flags)
{
    const char *name = m->name;
    /* Files inside the sysroot show the path the guest knows them by. */
    const char *root = sysroot_mode() != SYSROOT_NONE ? sysroot_dir() : NULL;
    size_t root_len = root ? strlen(root) : 0;
    if (root_len > 1 && !strncmp(name, root, root_len) && name[root_len] == '/')
        name += root_len;
    if (!m->inode) {
        if (start <= GUEST_STACK_TOP - 1 && end >= GUEST_STACK_TOP)
            name = "[stack]";
        else if (start == GUEST_VECTOR_PAGE)
            name = "[vectors]";
        else if (start <= guest_brk(0) && end >= guest_brk(0))
            name = "[heap]";    /* Linux's test, with the brk start unknown
                                   here but below the current break */
        else
            name = "";
    }
    uint64_t offset = m->inode ? m->offset + (guest_base + start - m->start) : 0;
    /* fs/proc/task_mmu.c's layout: the name starts after padding to
     * 25 + 6 * sizeof(void *) - 1 columns plus a space; the width is the
     * kernel's pointer size, 8 for a 32-bit task on an arm64 kernel. */
    char line[128];
    int n = snprintf(line, sizeof line, "%08x-%08" PRIx64 " %c%c%c%c %08" PRIx64 " %s %" PRIu64 " ",
                     start, end, flags & GPAGE_READ ? 'r' : '-', flags & GPAGE_WRITE ? 'w' : '-',
                     flags & GPAGE_EXEC ? 'x' : '-', m->shared == 's' ? 's' : 'p',
                     offset, m->inode ? m->dev : "00:00", m->inode);
    if (*name)
        add(t, "%s%*s%s\n", line, n < 72 ? 72 - n : 0, "", name);
    else
        add(t, "%s\n", line);
}

static void generate_maps(struct text *t)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (!f) {
        t->failed = true;
        return;
    }
    char line[1024];
    const uint64_t lo = guest_base, hi = guest_base + GUEST_SPACE_SIZE;
    while (fgets(line, sizeof line, f)) {
        struct host_map m;
        if (!parse_host_map(line, &m) || m.end <= lo || m.start >= hi)
            continue;
        uint64_t s = (m.start > lo ? m.start : lo) - lo;
        uint64_t e = (m.end < hi ? m.end : hi) - lo;
        /* runs of guest pages with the same flags inside this host mapping */
        uint64_t run = s;
        uint8_t run_flags = 0;
        const uint8_t keep = GPAGE_MAPPED | GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC;
        for (uint64_t p = s; p <= e; p += GUEST_PAGE_SIZE) {
            uint8_t f_now = p < e ? guest_page_flags[p >> GUEST_PAGE_SHIFT] & keep : 0;
            if (p == s) {
                run_flags = f_now;
                continue;
            }
            if (f_now != run_flags || p == e) {
                if (run_flags & GPAGE_MAPPED)
                    add_run(t, &m, (uint32_t)run, p, run_flags);
                run = p;
                run_flags = f_now;
            }
        }
    }
    fclose(f);
}

/* ---- stat / status: the host's with the guest's command name ---- */

static void guest_comm(char comm[16])
{
    const char *exe = linux_exe_path ? linux_exe_path : "a32run";
    const char *base = strrchr(exe, '/');
    snprintf(comm, 16, "%s", base ? base + 1 : exe);
}

/* The host command name is a32run's unless the guest renamed itself
 * (prctl(PR_SET_NAME) reaches the host). */
static bool host_comm_is_translator(const char *comm)
{
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return false;
    self[n] = 0;
    const char *base = strrchr(self, '/');
    base = base ? base + 1 : self;
    return !strncmp(comm, base, 15) && strlen(comm) == (strlen(base) < 15 ? strlen(base) : 15);
}

static char *read_host_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct text t = { 0 };
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        add_bytes(&t, buf, (size_t)n);
    close(fd);
    if (t.failed) {
        free(t.data);
        return NULL;
    }
    *size = t.len;
    return t.data ? t.data : calloc(1, 1);
}

static void generate_stat(struct text *t)
{
    size_t n;
    char *host = read_host_file("/proc/self/stat", &n);
    if (!host) {
        t->failed = true;
        return;
    }
    char *open_paren = memchr(host, '(', n), *close_paren = NULL;
    for (char *p = host + n; p > host; p--)
        if (p[-1] == ')') {
            close_paren = p - 1;
            break;
        }
    if (!open_paren || !close_paren || close_paren < open_paren) {
        add_bytes(t, host, n);
    } else {
        char comm[16];
        size_t len = (size_t)(close_paren - open_paren - 1);
        char host_comm[64];
        snprintf(host_comm, sizeof host_comm, "%.*s", (int)(len < 63 ? len : 63), open_paren + 1);
        if (host_comm_is_translator(host_comm))
            guest_comm(comm);
        else
            snprintf(comm, sizeof comm, "%.15s", host_comm);
        add_bytes(t, host, (size_t)(open_paren + 1 - host));
        add(t, "%s", comm);
        add_bytes(t, close_paren, n - (size_t)(close_paren - host));
    }
    free(host);
}

static void generate_status(struct text *t)
{
    size_t n;
    char *host = read_host_file("/proc/self/status", &n);
    if (!host) {
        t->failed = true;
        return;
    }
    char *line = host, *end = host + n;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = nl ? (size_t)(nl - line + 1) : (size_t)(end - line);
        if (len > 6 && !strncmp(line, "Name:\t", 6)) {
            char host_comm[64];
            snprintf(host_comm, sizeof host_comm, "%.*s", (int)(len - 7 < 63 ? len - 7 : 63), line + 6);
            char comm[16];
            if (host_comm_is_translator(host_comm))
                guest_comm(comm);
            else
                snprintf(comm, sizeof comm, "%.15s", host_comm);
            add(t, "Name:\t%s\n", comm);
        } else {
            add_bytes(t, line, len);
        }
        line += len;
    }
    free(host);
}

/* ---- cpuinfo ---- */

static void generate_cpuinfo(struct text *t)
{
    /* arch/arm/kernel/setup.c hwcap_str[] and hwcap2_str[] */
    static const char *const hwcap_names[32] = {
        "swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp", "java",
        "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4",
        "idiva", "idivt", "vfpd32", "lpae", "evtstrm", "fphp", "asimdhp", "asimddp",
        "asimdfhm", "asimdbf16", "i8mm",
    };
    static const char *const hwcap2_names[32] = {
        "aes", "pmull", "sha1", "sha2", "crc32", "sb", "ssbs",
    };
    char features[512] = "";
    size_t used = 0;
    uint32_t caps[2] = { guest_hwcap(), guest_hwcap2() };
    for (int w = 0; w < 2; w++)
        for (int b = 0; b < 32; b++) {
            const char *name = w ? hwcap2_names[b] : hwcap_names[b];
            if ((caps[w] >> b & 1) && name && used < sizeof features - 16)
                used += (size_t)snprintf(features + used, sizeof features - used, "%s%s",
                                         used ? " " : "", name);
        }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus < 1)
        cpus = 1;
    for (long i = 0; i < cpus; i++)
        add(t, "processor\t: %ld\n"
               "model name\t: ARMv7 Processor rev 5 (v7l)\n"
               "BogoMIPS\t: 50.00\n"
               "Features\t: %s\n"
               "CPU implementer\t: 0x41\n"
               "CPU architecture: 7\n"
               "CPU variant\t: 0x0\n"
               "CPU part\t: 0xc0f\n"
               "CPU revision\t: 5\n\n", i, features);
    add(t, "Hardware\t: a32run (user-mode ARMv7 translator)\n"
           "Revision\t: 0000\n"
           "Serial\t\t: 0000000000000000\n");
}

/* ---- dispatch ---- */

char *proc_fs_generate(const char *name, size_t *size)
{
    struct text t = { 0 };
    if (!strcmp(name, "maps")) {
        generate_maps(&t);
    } else if (!strcmp(name, "cpuinfo")) {
        generate_cpuinfo(&t);
    } else if (!strcmp(name, "stat")) {
        generate_stat(&t);
    } else if (!strcmp(name, "status")) {
        generate_status(&t);
    } else if (!strcmp(name, "auxv") || !strcmp(name, "cmdline") || !strcmp(name, "environ")) {
        const struct initial_stack *s = initial_stack();
        if (!s->found) {
            linux_report_once("proc", 1, "/proc/self/%s: the guest's initial stack "
                              "was not found; serving the file empty", name);
        } else if (name[0] == 'a') {
            if (readable(s->auxv, s->auxv_bytes))
                add_bytes(&t, guest_to_host(s->auxv), s->auxv_bytes);
        } else {
            add_string_area(&t, name[0] == 'c' ? s->argv : s->envp, s->argc, name[0] == 'c');
        }
    } else {
        return NULL;
    }
    if (t.failed) {
        free(t.data);
        return NULL;
    }
    *size = t.len;
    return t.data ? t.data : calloc(1, 1);
}

/* The file name under the process directory if path names one of this
 * process's directories, else NULL. */
static const char *own_proc_entry(const char *path)
{
    if (strncmp(path, "/proc/", 6))
        return NULL;
    const char *p = path + 6;
    while (*p == '/')
        p++;
    const char *rest = NULL;
    if (!strncmp(p, "self/", 5)) {
        rest = p + 5;
    } else if (!strncmp(p, "thread-self/", 12)) {
        rest = p + 12;
    } else if (isdigit((unsigned char)*p)) {
        char *after;
        long pid = strtol(p, &after, 10);
        if (pid != getpid() || *after != '/')
            return NULL;
        rest = after + 1;
    } else {
        return NULL;
    }
    while (*rest == '/')
        rest++;
    return rest;
}

bool proc_fs_open(struct guest_thread *thread, const char *path, int host_flags, long *result)
{
    if (path[0] != '/' || strncmp(path, "/proc/", 6))
        return false;
    const char *name = NULL;
    if (!strcmp(path, "/proc/cpuinfo")) {
        name = "cpuinfo";
    } else {
        const char *entry = own_proc_entry(path);
        static const char *const faked[] = { "maps", "auxv", "cmdline", "environ", "stat", "status" };
        for (size_t i = 0; entry && i < sizeof faked / sizeof faked[0]; i++)
            if (!strcmp(entry, faked[i]))
                name = faked[i];
    }
    if (!name || (host_flags & (O_DIRECTORY | O_PATH)))
        return false;   /* the host answers ENOTDIR, or gives a path fd */
    if ((host_flags & O_ACCMODE) != O_RDONLY) {
        *result = -EACCES;      /* these files are read-only on Linux too */
        return true;
    }
    size_t size = 0;
    char *data = proc_fs_generate(name, &size);
    if (!data) {
        *result = -ENOMEM;
        return true;
    }
    int fd = memfd_create(name, (host_flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    long r = fd;
    if (fd < 0) {
        r = -errno;
    } else {
        size_t done = 0;
        while (done < size) {
            ssize_t n = write(fd, data + done, size - done);
            if (n <= 0) {
                r = -EIO;
                break;
            }
            done += (size_t)n;
        }
        if (r >= 0 && (lseek(fd, 0, SEEK_SET) < 0 || fchmod(fd, 0444) < 0))
            r = -errno;
        if (r >= 0 && (host_flags & O_NONBLOCK))
            fcntl(fd, F_SETFL, O_NONBLOCK);
        if (r < 0)
            close(fd);
    }
    free(data);
    *result = r;
    return true;
}
