/*
 * Run-time options, from the command line and A32RUN_* environment
 * variables (for binfmt_misc use, where there is no command line).
 */
#ifndef A32RUN_OPTIONS_H
#define A32RUN_OPTIONS_H

#include <stdbool.h>

struct a32run_options {
    bool strace;            /* --strace / A32RUN_STRACE=1 */
    bool stats;             /* --stats / A32RUN_STATS=1 */
    bool force_offset;      /* --force-offset / A32RUN_FORCE_OFFSET=1 */
    bool debug;             /* --debug / A32RUN_DEBUG=1: report unimplemented things */
    const char *sysroot;    /* -L / --sysroot / A32RUN_SYSROOT */
    const char *argv0;      /* -0 / --argv0: guest argv[0] override */
    int exec_fd;            /* --exec-fd N (set by the guest's execve): the
                               descriptor PROGRAM names, closed once loaded;
                               -1 if none */
};

extern struct a32run_options a32run_options;

/* Sets a32run_options from the A32RUN_* environment variables (the
 * defaults the command line overrides; the only source when the kernel
 * starts a32run through binfmt_misc). */
void a32run_options_from_env(void);

#endif
