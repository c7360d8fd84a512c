/*
 * /proc as a 32-bit ARM program expects it (proc_fs.c): files whose host
 * contents would describe a32run instead of the guest are generated and
 * served through a memfd (so read, lseek, fstat and mmap work).
 */
#ifndef A32RUN_LINUX_PROC_FS_H
#define A32RUN_LINUX_PROC_FS_H

#include <stdbool.h>

#include "exec/exec.h"

/* Opens the faked file named by the absolute guest path, if it is one:
 * returns true with *result the new descriptor or -errno; false when the
 * path is not faked (the caller opens it normally). host_flags are the
 * translated open flags: only read-only opens are faked. */
bool proc_fs_open(struct guest_thread *thread, const char *path, int host_flags,
                  long *result);

/* The generated contents of a faked file (malloc'ed, *size bytes) or
 * NULL; for tests and tools. name is the part after /proc/self/ or
 * "cpuinfo". */
char *proc_fs_generate(const char *name, size_t *size);

#endif
