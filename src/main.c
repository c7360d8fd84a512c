/*
 * a32run command line: parses options (command line first, A32RUN_*
 * environment variables as defaults), sets up guest memory and the
 * execution engine, loads the program and hands the main guest thread to
 * the Linux personality, which never returns. Also the entry point of
 * `a32run --binfmt ...` (tools/binfmt.c) and of programs the kernel starts
 * through a binfmt_misc entry with the P flag (argv then carries the
 * program's own argv[0], and options come from A32RUN_* only).
 *
 * Every failure before the guest starts is one line on stderr and exit
 * status 126/127 style codes (127: program not found, 126: cannot run it,
 * 2: bad usage), so wrappers can tell translator errors from guest exits.
 */
#include <errno.h>
#include <limits.h>
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
#include "tools/binfmt.h"


extern char **environ;

static void usage(FILE *out)
{
    fprintf(out,
"usage: a32run [options] PROGRAM [ARGS...]\n"
"       a32run --binfmt register|unregister|status [binfmt options]\n"
"Runs a 32-bit ARM (armhf/armel EABI5) Linux program on this host.\n"
"\n"
"options:\n"
"  -L, --sysroot DIR   guest root: the dynamic loader, libraries and programs\n"
"                      are looked up in DIR first (env A32RUN_SYSROOT).\n"
"                      Default: the host's armhf multiarch libraries, else\n"
"                      /usr/arm-linux-gnueabihf for dynamic programs\n"
"  -0, --argv0 NAME    guest argv[0] (default: PROGRAM as given)\n"
"  -s, --strace        log guest system calls to stderr (env A32RUN_STRACE=1)\n"
"      --stats         print execution statistics at exit (env A32RUN_STATS=1)\n"
"      --debug         report unimplemented features once (env A32RUN_DEBUG=1)\n"
"      --force-offset  place guest memory at a base offset even when the\n"
"                      low 4 GiB is free (env A32RUN_FORCE_OFFSET=1)\n"
"      --exec-fd N     PROGRAM is open as descriptor N, which is closed once\n"
"                      the program is loaded (what a guest's fexecve of a\n"
"                      close-on-exec descriptor re-executes a32run with)\n"
"      --binfmt CMD    binfmt_misc registration (below); must come first\n"
"  -h, --help          this text\n"
"  -V, --version       version\n"
"  --                  end of options\n"
"\n"
"environment (defaults that command-line options override; the only way to\n"
"pass options to a program started through binfmt_misc):\n"
"  A32RUN_SYSROOT=DIR         as --sysroot DIR (empty: unset)\n"
"  A32RUN_STRACE=1            as --strace\n"
"  A32RUN_STATS=1             as --stats\n"
"  A32RUN_DEBUG=1             as --debug\n"
"  A32RUN_FORCE_OFFSET=1      as --force-offset\n"
"  A32RUN_JIT=0               interpret only: no native code for runs of\n"
"                             simple instructions (the JIT; x86-64 hosts)\n"
"  A32RUN_TEST_HOST_PAGE_SIZE=N  testing only: behave as if the host page\n"
"                             size were N (e.g. 16384, 65536)\n"
"  A flag variable is on when set to anything but empty or 0.\n"
"\n"
"%s"
"\n"
"exit status: the guest's; a guest killed by a signal kills a32run with the\n"
"same signal. Before the guest starts: 127 program not found, 126 cannot run\n"
"it, 2 bad usage.\n", binfmt_usage_text);
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

    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--binfmt")) {
            if (i != 1)
                die_usage("--binfmt must be the first argument", NULL);
            exit(binfmt_command(argc - i - 1, argv + i + 1));
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
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
        } else if (!strcmp(a, "--exec-fd")) {
            char *end;
            long fd = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (i + 1 >= argc || !*argv[i + 1] || *end || fd < 0 || fd > INT_MAX)
                die_usage("--exec-fd needs a descriptor number", i + 1 < argc ? argv[i + 1] : NULL);
            o->exec_fd = (int)fd;
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
    /* Started by binfmt_misc with the P flag, argv is {a32run, program
     * path, the program's own argv[0], args...} and options come only
     * from the environment. Without P (kernels before 5.12) the kernel
     * passes {a32run, program path, args...}: a plain invocation. */
    a32run_options_from_env();
    bool via_binfmt = binfmt_started_with_preserved_argv0() && argc >= 2;
    int prog_index, first_arg;
    if (via_binfmt) {
        prog_index = 1;
        a32run_options.argv0 = argc >= 3 ? argv[2] : "";
        first_arg = argc >= 3 ? 3 : 2;
    } else {
        prog_index = parse_options(argc, argv);
        first_arg = prog_index + 1;
    }
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
    /* The kernel already found a binfmt program on the host. */
    if (sysroot_kind == SYSROOT_FULL && !via_binfmt &&
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
    int guest_argc = 1 + (argc - first_arg);
    char **guest_argv = calloc((size_t)guest_argc + 1, sizeof(char *));
    if (!guest_argv) {
        fprintf(stderr, "a32run: out of memory\n");
        return 126;
    }
    guest_argv[0] = argv[prog_index];
    for (int i = 1; i < guest_argc; i++)
        guest_argv[i] = argv[first_arg + i - 1];
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
    if (a32run_options.exec_fd >= 0)
        close(a32run_options.exec_fd);

    static struct guest_thread main_thread;
    struct guest_cpu *cpu = &main_thread.cpu;
    cpu->r[13] = loaded.initial_sp;
    cpu->r[15] = loaded.entry & ~1u;
    cpu->thumb = loaded.entry & 1u;
    current_guest_thread = &main_thread;
    linux_run(&main_thread);
}
