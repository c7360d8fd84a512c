/* The process-wide run-time options (see options.h). Kept out of main.c so
 * that unit tests, which link everything but main.c, see them too. */
#include "options.h"

struct a32run_options a32run_options;
