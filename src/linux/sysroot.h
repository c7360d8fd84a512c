/*
 * Guest path resolution against a sysroot (-L DIR): which host file an
 * absolute guest path names. The guest sees the sysroot laid over the host
 * root: a path resolves into the sysroot when it exists there, else to the
 * host path itself; the user's and the system's live state (/proc, /dev,
 * /sys, /tmp, /run, /home, /root, a few /etc files, and what the host has
 * in the current directory's tree) is the host's, and the dynamic loader's
 * configuration (/etc/ld.so.cache, ld.so.preload, ld.so.conf) is always
 * the sysroot's.
 * Symbolic links inside the sysroot are followed inside it, as in a chroot.
 * The rules are listed in README.md ("Sysroot") and in sysroot.c.
 *
 * Relative paths, and the current directory, are host paths: they are
 * never rewritten.
 */
#ifndef A32RUN_LINUX_SYSROOT_H
#define A32RUN_LINUX_SYSROOT_H

#include <stddef.h>
#include <stdint.h>

enum sysroot_mode {
    SYSROOT_NONE,           /* host paths only */
    SYSROOT_FULL,           /* -L DIR: every absolute path */
    SYSROOT_LIBRARIES,      /* implicit cross-libc root: /lib, /usr/lib and
                               the ld.so configuration files only */
};

/* Resolution flags of one path argument. */
#define SYSROOT_FOLLOW   0u
#define SYSROOT_NOFOLLOW 1u     /* the last component is not followed
                                   (lstat, readlink, unlink, rename...) */
#define SYSROOT_CREATE   2u     /* the call may create the last component */

/* The resolution flag of a *at call's AT_SYMLINK_NOFOLLOW (0x100, the
 * same value for ARM and every host). */
static inline unsigned sysroot_at_flags(uint32_t at_flags)
{
    return (at_flags & 0x100u) ? SYSROOT_NOFOLLOW : SYSROOT_FOLLOW;
}

/* A resolved path no longer than the host's PATH_MAX. */
#define SYSROOT_HOST_PATH_MAX 4096
struct sysroot_path_buf {
    char path[SYSROOT_HOST_PATH_MAX];
};

/* Sets the sysroot (dir NULL or mode SYSROOT_NONE: none). The directory is
 * made canonical. Returns 0, or -errno when dir is not a directory. */
int sysroot_init(const char *dir, enum sysroot_mode mode);

/* The canonical sysroot directory (NULL if none), and the mode. */
const char *sysroot_dir(void);
enum sysroot_mode sysroot_mode(void);

/* The sysroot to use when none was given: NULL when the host has armhf
 * multiarch libraries (/lib/ld-linux-armhf.so.3: the host root is used as
 * it is) or no armhf libc at all, else the cross libc root of Debian's
 * libc6-armhf-cross package (/usr/arm-linux-gnueabihf), for SYSROOT_LIBRARIES. */
const char *sysroot_default_dir(void);

/* Resolves the absolute or relative guest path for a call with flags.
 * *out becomes guest_path itself (no copy) or a host path written into
 * buf. Returns 0 or -errno (ENAMETOOLONG, ELOOP). */
long sysroot_resolve(const char *guest_path, unsigned flags,
                     struct sysroot_path_buf *buf, const char **out);

/* guest_path() (checks the guest string) followed by sysroot_resolve(). */
long guest_host_path(uint32_t guest_addr, unsigned flags,
                     struct sysroot_path_buf *buf, const char **out);

/* How the guest names a host path (the current directory): with -L, a
 * path inside the sysroot loses the sysroot's prefix ("/" for the sysroot
 * itself), as inside a chroot, and resolves back to the same file; other
 * paths are unchanged. Returns host_path, a suffix of it, or "/". */
const char *sysroot_guest_view(const char *host_path);

/* The current directory changed (chdir, fchdir): the current-directory
 * rule must look again. */
void sysroot_cwd_changed(void);

#endif
