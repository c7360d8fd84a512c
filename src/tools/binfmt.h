/*
 * binfmt_misc integration: registering a32run as the kernel's handler for
 * ARM EABI ELF executables (`a32run --binfmt register|unregister|status`),
 * and recognising the calling convention the kernel then uses.
 */
#ifndef A32RUN_TOOLS_BINFMT_H
#define A32RUN_TOOLS_BINFMT_H

#include <stdbool.h>

#define BINFMT_DEFAULT_NAME "a32run-arm"

/* Exit statuses of the --binfmt commands. BINFMT_EXIT_REFUSED means the
 * kernel or the environment does not allow binfmt_misc changes here (no
 * binfmt_misc support, no permission to mount it or write to it), as
 * opposed to BINFMT_EXIT_ERROR, a failure worth reporting as a bug. */
enum {
    BINFMT_EXIT_OK = 0,
    BINFMT_EXIT_ERROR = 1,
    BINFMT_EXIT_USAGE = 2,
    BINFMT_EXIT_REFUSED = 3,
};

/* Runs `a32run --binfmt ARGS...`; argv[0] is the subcommand (register,
 * unregister, status). Returns the process exit status. */
int binfmt_command(int argc, char **argv);

/* True when the kernel started this process through a binfmt_misc entry
 * with the P flag: argv is then {interpreter, program path, original
 * argv[0], args...}. Linux 5.12+ says so in AT_FLAGS; older kernels do
 * not, which is why `register` leaves P out on them. */
bool binfmt_started_with_preserved_argv0(void);

/* Help text for the --binfmt commands (part of a32run --help). */
extern const char binfmt_usage_text[];

#endif
