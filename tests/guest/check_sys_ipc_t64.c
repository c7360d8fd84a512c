/* check_sys_ipc.c with 64-bit time_t and off_t (glibc's time64 calls:
 * semtimedop_time64, mq_timedreceive_time64, IPC_64 *_high time words). */
// variants: arm-O2 thumb-O2
// cflags: -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64
#include "check_sys_ipc.c"
