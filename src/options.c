/* The process-wide run-time options (see options.h). Kept out of main.c so
 * that unit tests, which link everything but main.c, see them too. */
#include "options.h"

#include <stdlib.h>
#include <string.h>

struct a32run_options a32run_options = { .exec_fd = -1 };

/* "1", "yes", anything non-empty but "0" turns a flag on. */
static bool env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

void a32run_options_from_env(void)
{
    struct a32run_options *o = &a32run_options;
    o->strace = env_flag("A32RUN_STRACE");
    o->stats = env_flag("A32RUN_STATS");
    o->debug = env_flag("A32RUN_DEBUG");
    o->force_offset = env_flag("A32RUN_FORCE_OFFSET");
    o->sysroot = getenv("A32RUN_SYSROOT");
    if (o->sysroot && !*o->sysroot)
        o->sysroot = NULL;
}
