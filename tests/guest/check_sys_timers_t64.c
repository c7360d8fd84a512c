/* check_sys_timers.c with 64-bit time_t (timer_settime64/timer_gettime64). */
// variants: arm-O2 thumb-O2
// cflags: -pthread -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
#include "check_sys_timers.c"
