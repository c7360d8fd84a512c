/*
 * ioctl translation (sys_ioctl.c): the table of requests whose guest
 * layout a32run knows. Exposed for --strace (request names).
 */
#ifndef A32RUN_LINUX_SYS_IOCTL_H
#define A32RUN_LINUX_SYS_IOCTL_H

#include <stdint.h>

/* Symbolic name of a guest ioctl request the layer translates, or NULL. */
const char *linux_ioctl_name(uint32_t request);

#endif
