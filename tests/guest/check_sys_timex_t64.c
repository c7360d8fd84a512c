/* check_sys_timex.c with 64-bit time_t (glibc's 208-byte struct timex). */
// variants: arm-O2 thumb-O2
// cflags: -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
#include "check_sys_timex.c"
