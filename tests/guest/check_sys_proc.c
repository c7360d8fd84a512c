/*
 * /proc for a 32-bit guest, self-checking: /proc/self/maps (and through
 * /proc/<pid>/ and /proc/thread-self/) lists the guest's mappings with
 * 32-bit addresses: the program's code with its path, [stack], [heap], an
 * anonymous mapping split by mprotect, a file mapping with its offset;
 * /proc/self/auxv matches getauxval; cmdline and environ are the guest's
 * argv and environment; /proc/cpuinfo is an ARM cpuinfo whose Features
 * line lists exactly the AT_HWCAP/AT_HWCAP2 bits; stat and status carry
 * the program's command name; the files are read-only, seekable regular
 * files. qemu-arm 7.2 differs: it shows the host's /proc/cpuinfo, names
 * the process after qemu in status, prints some maps addresses with more
 * than 8 digits, names no [heap], does not fake /proc/thread-self/maps,
 * serves maps as a writable file, and its environ starts with its own
 * variables.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "check.h"

static char *slurp(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    ssize_t r;
    while ((r = read(fd, buf + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    close(fd);
    buf[n] = 0;
    *size = n;
    return buf;
}

struct map_line { unsigned long start, end, offset; char perms[5]; char name[PATH_MAX]; };

/* The maps line containing addr, or 0. */
static int find_mapping(const char *maps, uintptr_t addr, struct map_line *m)
{
    const char *line = maps;
    while (line && *line) {
        int at = 0;
        m->name[0] = 0;
        if (sscanf(line, "%lx-%lx %4s %lx %*s %*s %n", &m->start, &m->end, m->perms, &m->offset, &at) >= 4) {
            const char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            if (at > 0 && (size_t)at < len)
                snprintf(m->name, sizeof m->name, "%.*s", (int)(len - (size_t)at), line + at);
            if (addr >= m->start && addr < m->end)
                return 1;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return 0;
}

static void test_maps(const char *exe)
{
    size_t n;
    char *maps = slurp("/proc/self/maps", &n);
    CHECK(maps && n > 0, "read /proc/self/maps (%zu bytes)", n);
    if (!maps)
        return;
    int wide = 0;
    for (const char *l = maps; *l; l = strchr(l, '\n') + 1) {
        if (strchr(l, '-') - l != 8)
            wide = 1;
        if (!strchr(l, '\n'))
            break;
    }
    CHECK(!wide, "every start address has 8 hex digits");
    struct map_line m;
    CHECK(find_mapping(maps, (uintptr_t)&test_maps, &m) && m.perms[0] == 'r' && m.perms[2] == 'x' &&
          !strcmp(m.name, exe), "code: %lx-%lx %s %s", m.start, m.end, m.perms, m.name);
    int local;
    CHECK(find_mapping(maps, (uintptr_t)&local, &m) && !strcmp(m.name, "[stack]") &&
          !strncmp(m.perms, "rw", 2), "stack: %lx-%lx %s %s", m.start, m.end, m.perms, m.name);
    char *small = malloc(64);
    free(maps);
    maps = slurp("/proc/self/maps", &n);
    CHECK(find_mapping(maps, (uintptr_t)small, &m) && !strcmp(m.name, "[heap]"),
          "malloc'ed block in [heap]: %lx-%lx %s", m.start, m.end, m.name);
    free(maps);
    free(small);

    char *anon = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(anon + 4096, 4096, PROT_READ | PROT_WRITE);
    char tmp[] = "/tmp/a32run-proc-XXXXXX";
    int fd = mkstemp(tmp);
    ftruncate(fd, 3 * 4096);
    char *file = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 8192);
    char real_tmp[PATH_MAX];
    realpath(tmp, real_tmp);
    maps = slurp("/proc/self/maps", &n);
    CHECK(find_mapping(maps, (uintptr_t)anon, &m) && m.start == (uintptr_t)anon &&
          m.end == (uintptr_t)anon + 4096 && !strcmp(m.perms, "r--p"), "anon first page %s", m.perms);
    CHECK(find_mapping(maps, (uintptr_t)anon + 4096, &m) && m.start == (uintptr_t)anon + 4096 &&
          m.end == (uintptr_t)anon + 8192 && !strcmp(m.perms, "rw-p"), "anon middle page %s", m.perms);
    CHECK(find_mapping(maps, (uintptr_t)file, &m) && m.start == (uintptr_t)file && m.offset == 8192 &&
          !strcmp(m.perms, "r--s") && !strcmp(m.name, real_tmp),
          "file mapping %lx %s offset %lx %s", m.start, m.perms, m.offset, m.name);
    char other[64];
    snprintf(other, sizeof other, "/proc/%d/maps", (int)getpid());
    size_t n2;
    char *maps2 = slurp(other, &n2);
    CHECK(maps2 && n2 == n && !memcmp(maps, maps2, n), "%s is the same", other);
    free(maps2);
    maps2 = slurp("/proc/thread-self/maps", &n2);
    CHECK(maps2 && n2 == n, "/proc/thread-self/maps is the same");
    free(maps2);
    free(maps);
    munmap(file, 4096);
    munmap(anon, 3 * 4096);
    close(fd);
    unlink(tmp);

    fd = open("/proc/self/maps", O_RDONLY);
    struct stat st;
    char a[64], b[64];
    CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0222) == 0, "fstat: read-only regular file");
    CHECK(read(fd, a, sizeof a) == sizeof a && lseek(fd, 0, SEEK_SET) == 0 &&
          read(fd, b, sizeof b) == sizeof b && !memcmp(a, b, sizeof a), "lseek and read again");
    close(fd);
    CHECK(open("/proc/self/maps", O_WRONLY) == -1 && errno == EACCES, "open for writing: EACCES");
}

static void test_auxv(void)
{
    size_t n;
    uint32_t *aux = (uint32_t *)slurp("/proc/self/auxv", &n);
    CHECK(aux && n >= 16 && n % 8 == 0, "auxv: %zu bytes", n);
    if (!aux)
        return;
    int seen = 0, bad = 0;
    for (size_t i = 0; i + 1 < n / 4; i += 2) {
        if (aux[i] == AT_NULL) {
            CHECK(i + 2 == n / 4, "AT_NULL ends it");
            break;
        }
        if (aux[i] == AT_HWCAP || aux[i] == AT_HWCAP2 || aux[i] == AT_PAGESZ || aux[i] == AT_ENTRY ||
            aux[i] == AT_PHDR || aux[i] == AT_RANDOM || aux[i] == AT_EXECFN) {
            seen++;
            if (aux[i + 1] != getauxval(aux[i]))
                bad++;
        }
    }
    CHECK(seen == 7 && bad == 0, "auxv values match getauxval (%d seen, %d differ)", seen, bad);
    free(aux);
}

static void test_cmdline(int argc, char **argv, const char *first_env)
{
    size_t n;
    char *cmd = slurp("/proc/self/cmdline", &n);
    size_t want = 0;
    for (int i = 0; i < argc; i++)
        want += strlen(argv[i]) + 1;
    int same = cmd && n == want;
    for (int i = 0, at = 0; same && i < argc; at += (int)strlen(argv[i]) + 1, i++)
        same = !strcmp(cmd + at, argv[i]);
    CHECK(same, "cmdline is argv (%zu bytes)", n);
    free(cmd);
    char *env = slurp("/proc/self/environ", &n);
    CHECK(env && (first_env ? !strcmp(env, first_env) : n == 0), "environ starts with %s",
          first_env ? first_env : "(empty)");
    free(env);
}

static void test_cpuinfo(void)
{
    static const char *const names[32] = {
        "swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp", "java",
        "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4",
        "idiva", "idivt", "vfpd32", "lpae", "evtstrm", "fphp", "asimdhp", "asimddp",
        "asimdfhm", "asimdbf16", "i8mm",
    };
    static const char *const names2[32] = { "aes", "pmull", "sha1", "sha2", "crc32", "sb", "ssbs" };
    size_t n;
    char *info = slurp("/proc/cpuinfo", &n);
    CHECK(info && strstr(info, "processor\t: 0\n") && strstr(info, "CPU architecture: 7") &&
          strstr(info, "CPU implementer\t: 0x41"), "ARM cpuinfo");
    char *f = info ? strstr(info, "Features\t: ") : NULL;
    CHECK(f != NULL, "Features line");
    if (!f)
        return;
    f += 11;
    char line[512];
    snprintf(line, sizeof line, "%.*s", (int)strcspn(f, "\n"), f);
    unsigned long caps[2] = { getauxval(AT_HWCAP), getauxval(AT_HWCAP2) };
    int mismatches = 0, words = 0;
    for (char *w = strtok(line, " "); w; w = strtok(NULL, " ")) {
        words++;
        int known = 0;
        for (int b = 0; b < 32; b++) {
            if (names[b] && !strcmp(w, names[b]))
                known = (caps[0] >> b) & 1;
            if (names2[b] && !strcmp(w, names2[b]))
                known = (caps[1] >> b) & 1;
        }
        if (!known) {
            printf("  feature %s not in AT_HWCAP/AT_HWCAP2\n", w);
            mismatches++;
        }
    }
    int bits = __builtin_popcountl(caps[0]) + __builtin_popcountl(caps[1]);
    CHECK(mismatches == 0 && words == bits, "Features lists exactly the %d hwcap bits (%d words)", bits, words);
    free(info);
}

static void test_stat(const char *argv0)
{
    const char *base = strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    char comm[16];
    snprintf(comm, sizeof comm, "%.15s", base);
    size_t n;
    char *st = slurp("/proc/self/stat", &n);
    char want[64];
    snprintf(want, sizeof want, "%d (%s) ", (int)getpid(), comm);
    CHECK(st && !strncmp(st, want, strlen(want)), "stat starts with \"%s\"", want);
    free(st);
    char *status = slurp("/proc/self/status", &n);
    snprintf(want, sizeof want, "Name:\t%s\n", comm);
    CHECK_HOSTDEP(status && !strncmp(status, want, strlen(want)), "status Name: %s", comm);
    free(status);
}

int main(int argc, char **argv)
{
    extern char **environ;
    const char *first_env = environ[0] ? strdup(environ[0]) : NULL;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = 0;
    char real[PATH_MAX];
    CHECK(realpath(argv[0], real) && !strcmp(real, exe), "/proc/self/exe is %s", exe);
    test_maps(exe);
    test_auxv();
    test_cmdline(argc, argv, first_env);
    test_cpuinfo();
    test_stat(exe);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
