/* check_sys_ioctl.c with 64-bit time_t and off_t. */
// variants: arm-O2 thumb-O2
// cflags: -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
#include "check_sys_ioctl.c"
