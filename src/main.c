/*
 * a32run command line: parses options (command line first, A32RUN_*
 * environment variables as defaults), sets up guest memory and the
 * execution engine, loads the program and hands the main guest thread to
 * the Linux personality, which never returns.
 *
 * Every failure before the guest starts is one line on stderr and exit
 * status 126/127 style codes (127: program not found, 126: cannot run it,
 * 2: bad usage), so wrappers can tell translator errors from guest exits.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "options.h"
#include "version.h"
#include "mem/guest_mem.h"
#include "exec/exec.h"
#include "loader/elf_loader.h"
#include "linux/linux.h"
#include "linux/sysroot.h"


extern char **environ;

static void usage(FILE *out)
{
    fprintf(out,
"usage: a32run [options] PROGRAM [ARGS...]\n"
"Runs a 32-bit ARM (armhf/armel EABI5) Linux program on this host.\n"
"\n"
"options:\n"
"  -L, --sysroot DIR   guest root for the dynamic loader and libraries\n"
"                      (env A32RUN_SYSROOT)\n"
"  -0, --argv0 NAME    guest argv[0] (default: PROGRAM as given)\n"
"  -s, --strace        log guest system calls to stderr (env A32RUN_STRACE=1)\n"
"      --stats         print execution statistics at exit (env A32RUN_STATS=1)\n"
"      --debug         report unimplemented features once (env A32RUN_DEBUG=1)\n"
"      --force-offset  place guest memory at a base offset even when the\n"
"                      low 4 GiB is free (env A32RUN_FORCE_OFFSET=1)\n"
"  -h, --help          this text\n"
"  -V, --version       version\n");
}

static bool env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

static noreturn void die_usage(const char *message, const char *arg)
{
    fprintf(stderr, "a32run: %s%s%s\n", message, arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "Try 'a32run --help'.\n");
    exit(2);
}

/* Parses options up to the program name; returns the index of PROGRAM. */
static int parse_options(int argc, char **argv)
{
    struct a32run_options *o = &a32run_options;
    o->strace = env_flag("A32RUN_STRACE");
    o->stats = env_flag("A32RUN_STATS");
    o->debug = env_flag("A32RUN_DEBUG");
    o->force_offset = env_flag("A32RUN_FORCE_OFFSET");
    o->sysroot = getenv("A32RUN_SYSROOT");
    if (o->sysroot && !*o->sysroot)
        o->sysroot = NULL;

    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("a32run %s\n", A32RUN_VERSION);
            exit(0);
        } else if (!strcmp(a, "-s") || !strcmp(a, "--strace")) {
            o->strace = true;
        } else if (!strcmp(a, "--stats")) {
            o->stats = true;
        } else if (!strcmp(a, "--debug")) {
            o->debug = true;
        } else if (!strcmp(a, "--force-offset")) {
            o->force_offset = true;
        } else if (!strcmp(a, "-L") || !strcmp(a, "--sysroot") ||
                   !strcmp(a, "-0") || !strcmp(a, "--argv0")) {
            if (i + 1 >= argc)
                die_usage("option needs an argument", a);
            if (a[1] == 'L' || a[2] == 's')
                o->sysroot = argv[i + 1];
            else
                o->argv0 = argv[i + 1];
            i++;
        } else if (!strncmp(a, "--sysroot=", 10)) {
            o->sysroot = a + 10;
        } else if (!strncmp(a, "--argv0=", 8)) {
            o->argv0 = a + 8;
        } else {
            die_usage("unknown option", a);
        }
        i++;
    }
    if (i >= argc)
        die_usage("no program given", NULL);
    return i;
}

int main(int argc, char **argv)
{
    int prog_index = parse_options(argc, argv);
    const char *path = argv[prog_index];

    /* -L: the guest sees the sysroot over the host root, the program's
     * path included. Without it, Debian's cross libc root serves the
     * interpreter and library lookups of dynamic programs only (see
     * linux/sysroot.c). */
    enum sysroot_mode sysroot_kind = SYSROOT_FULL;
    const char *sysroot = a32run_options.sysroot;
    if (!sysroot) {
        sysroot = sysroot_default_dir();
        sysroot_kind = SYSROOT_LIBRARIES;
    }
    int sysroot_err = sysroot_init(sysroot, sysroot_kind);
    if (sysroot_err < 0) {
        fprintf(stderr, "a32run: sysroot %s: %s\n", sysroot, strerror(-sysroot_err));
        return 2;
    }
    struct sysroot_path_buf program_buf;
    if (sysroot_kind == SYSROOT_FULL &&
        sysroot_resolve(path, SYSROOT_FOLLOW, &program_buf, &path) < 0)
        path = argv[prog_index];

    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "a32run: %s: %s\n", path, strerror(errno));
        return errno == ENOENT ? 127 : 126;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "a32run: %s: is a directory\n", path);
        return 126;
    }

    struct guest_mem_options mem_options = {
        .force_offset = a32run_options.force_offset,
    };
    int err = guest_mem_init(&mem_options);
    if (err < 0) {
        fprintf(stderr, "a32run: cannot reserve the 4 GiB guest address space: %s\n",
                strerror(-err));
        return 126;
    }
    if (exec_init() < 0) {
        fprintf(stderr, "a32run: cannot initialise the execution engine\n");
        return 126;
    }

    /* Guest argv: PROGRAM [ARGS...], argv[0] possibly overridden. */
    int guest_argc = argc - prog_index;
    char **guest_argv = calloc((size_t)guest_argc + 1, sizeof(char *));
    if (!guest_argv) {
        fprintf(stderr, "a32run: out of memory\n");
        return 126;
    }
    for (int i = 0; i < guest_argc; i++)
        guest_argv[i] = argv[prog_index + i];
    if (a32run_options.argv0)
        guest_argv[0] = (char *)a32run_options.argv0;

    struct elf_load_request request = {
        .path = path,
        .execfn = argv[prog_index],  /* as the guest named it */
        .argc = guest_argc,
        .argv = guest_argv,
        .envp = environ,
        .sysroot = sysroot_dir(),
        .stack_size = 8u << 20,
    };
    struct elf_load_result loaded;
    char error[512];
    if (elf_load(&request, &loaded, error, sizeof error) < 0) {
        fprintf(stderr, "a32run: %s\n", error);
        return 126;
    }
    if (sysroot_kind == SYSROOT_LIBRARIES && loaded.interp_base == 0)
        sysroot_init(NULL, SYSROOT_NONE);       /* static: no library lookups */
    if (guest_mem_map_vector_page() < 0) {
        fprintf(stderr, "a32run: cannot map the kuser helper page\n");
        return 126;
    }

    /* /proc/self/exe of the guest is the program, not a32run. */
    char *exe_path = realpath(path, NULL);
    linux_set_exe_path(exe_path ? exe_path : path);

    static struct guest_thread main_thread;
    struct guest_cpu *cpu = &main_thread.cpu;
    cpu->r[13] = loaded.initial_sp;
    cpu->r[15] = loaded.entry & ~1u;
    cpu->thumb = loaded.entry & 1u;
    current_guest_thread = &main_thread;
    linux_run(&main_thread);
}
