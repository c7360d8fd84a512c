/*
 * Sysroot path resolution (see sysroot.h). With a sysroot S, an absolute
 * guest path P names, in this order:
 *
 *   1. the guest program, for /proc/self/exe and its aliases when the call
 *      follows links (so open and stat see the program, not a32run);
 *   2. S/P for the dynamic loader's configuration (/etc/ld.so.cache,
 *      /etc/ld.so.preload, /etc/ld.so.conf, /etc/ld.so.conf.d), whether it
 *      exists or not: the host's lists host libraries;
 *   3. P itself, in SYSROOT_LIBRARIES mode, unless P is under /lib or /usr/lib;
 *   4. P itself when P lies in the current directory's tree (the cwd
 *      being neither / nor inside S) and the host has P or the call
 *      creates it: the user's files stay live even where S has the same
 *      directories; what only S has there (libraries, when started in
 *      /usr/lib) still comes from S;
 *   5. otherwise P is walked component by component inside S, following
 *      S's symbolic links inside S (an absolute target starts again at S,
 *      ".." stops at S), as a chroot would. A component that reaches a
 *      host-only tree ends the walk on the host: /proc, /dev, /sys, /tmp,
 *      /run, /home, /root, the files of host_files[], and S itself (paths
 *      the guest got from /proc or from the user);
 *   6. when every component exists in S: that file in S; when the last
 *      one is missing and the call creates it: the host file if P exists
 *      on the host (the guest saw it there), else the new file in S; when
 *      anything else is missing: P itself on the host.
 *
 * The result is a host path the kernel then resolves; paths inside S that
 * the walk produced contain no symbolic links except, for NOFOLLOW calls,
 * the last component, so the kernel cannot leave S through an absolute
 * link.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "linux/syscall.h"
#include "linux/sysroot.h"

#define MAX_SYMLINK_HOPS 40     /* Linux's MAXSYMLINKS */

static char *root_dir;          /* canonical, never "/" */
static size_t root_len;
static enum sysroot_mode root_mode = SYSROOT_NONE;

/* The user's and the system's live state: always the host's. */
static const char *const host_trees[] = {
    "/proc", "/dev", "/sys", "/tmp", "/run", "/home", "/root",
};
static const char *const host_files[] = {
    "/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/hosts",
    "/etc/resolv.conf", "/etc/nsswitch.conf", "/etc/hostname", "/etc/localtime",
    "/etc/timezone", "/etc/mtab",
};
/* The dynamic loader's configuration: always the sysroot's. */
static const char *const sysroot_files[] = {
    "/etc/ld.so.cache", "/etc/ld.so.preload", "/etc/ld.so.conf",
};
static const char *const sysroot_trees[] = { "/etc/ld.so.conf.d" };
/* What SYSROOT_LIBRARIES rewrites. */
static const char *const library_trees[] = { "/lib", "/usr/lib" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* p (length n) is dir or lies under it; dir has no trailing slash. */
static bool in_tree(const char *p, size_t n, const char *dir, size_t dir_len)
{
    return n >= dir_len && memcmp(p, dir, dir_len) == 0 && (n == dir_len || p[dir_len] == '/');
}

static bool in_any_tree(const char *p, size_t n, const char *const *dirs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (in_tree(p, n, dirs[i], strlen(dirs[i])))
            return true;
    return false;
}

static bool is_any_file(const char *p, size_t n, const char *const *files, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(files[i]) == n && memcmp(p, files[i], n) == 0)
            return true;
    return false;
}

/* ---- the current directory rule ----
 * The host's current directory is cached (resolution runs on every path
 * call) and looked up again after chdir/fchdir. The lock makes the cache
 * safe for guest threads; it is never held across anything but getcwd. */
static pthread_mutex_t cwd_lock = PTHREAD_MUTEX_INITIALIZER;
static bool cwd_known;
static char cwd_tree[SYSROOT_HOST_PATH_MAX];
static size_t cwd_tree_len;     /* 0: the rule is off */

void sysroot_cwd_changed(void)
{
    pthread_mutex_lock(&cwd_lock);
    cwd_known = false;
    pthread_mutex_unlock(&cwd_lock);
}

static void cwd_refresh_locked(void)
{
    cwd_known = true;
    cwd_tree_len = 0;
    if (!root_dir || !getcwd(cwd_tree, sizeof cwd_tree) || cwd_tree[0] != '/')
        return;
    size_t n = strlen(cwd_tree);
    /* The tree of / is everything; inside S, rule 5 already applies. */
    if (n == 1 || in_tree(cwd_tree, n, root_dir, root_len))
        return;
    cwd_tree_len = n;
}

static bool in_cwd_tree(const char *p, size_t n)
{
    pthread_mutex_lock(&cwd_lock);
    if (!cwd_known)
        cwd_refresh_locked();
    bool inside = cwd_tree_len && in_tree(p, n, cwd_tree, cwd_tree_len);
    pthread_mutex_unlock(&cwd_lock);
    return inside;
}

/* p: a guest path without "." or ".." components or repeated slashes. */
static bool is_host_path(const char *p, size_t n)
{
    return in_any_tree(p, n, host_trees, COUNT(host_trees)) ||
           is_any_file(p, n, host_files, COUNT(host_files)) ||
           in_tree(p, n, root_dir, root_len);
}

static bool is_sysroot_path(const char *p, size_t n)
{
    return is_any_file(p, n, sysroot_files, COUNT(sysroot_files)) ||
           in_any_tree(p, n, sysroot_trees, COUNT(sysroot_trees));
}

static bool is_own_exe(const char *p)
{
    if (!strcmp(p, "/proc/self/exe") || !strcmp(p, "/proc/thread-self/exe"))
        return true;
    char own[48];
    snprintf(own, sizeof own, "/proc/%d/exe", (int)getpid());
    return !strcmp(p, own);
}

/* Does the rest of a path ("/a/../b") contain a ".." component? */
static bool has_dotdot(const char *rest)
{
    for (const char *s = rest; (s = strstr(s, "..")) != NULL; s += 2)
        if ((s == rest || s[-1] == '/') && (s[2] == 0 || s[2] == '/'))
            return true;
    return false;
}

static long join(struct sysroot_path_buf *buf, const char **out, const char *a, const char *b)
{
    int n = snprintf(buf->path, sizeof buf->path, "%s%s", a, b);
    if (n < 0 || (size_t)n >= sizeof buf->path)
        return -ENAMETOOLONG;
    *out = buf->path;
    return 0;
}

struct walk_state {
    char resolved[SYSROOT_HOST_PATH_MAX];   /* guest path walked so far, free of
                                               links in the sysroot; "" is / */
    size_t resolved_len;
    char pending[SYSROOT_HOST_PATH_MAX];    /* what is left to walk */
    char host[2 * SYSROOT_HOST_PATH_MAX];   /* sysroot + resolved */
    char target[SYSROOT_HOST_PATH_MAX];     /* a link's contents */
};

static bool host_has(const char *path, unsigned flags)
{
    struct stat st;
    return ((flags & SYSROOT_NOFOLLOW) ? lstat(path, &st) : stat(path, &st)) == 0;
}

/* Rule 6 for a creating call whose last component is missing in S: the
 * host's file if the guest could see one there, else a new file in S. */
static long resolve_new_file(const char *path, unsigned flags, struct walk_state *w,
                             struct sysroot_path_buf *buf, const char **out)
{
    if (host_has(path, flags)) {
        *out = path;
        return 0;
    }
    return join(buf, out, w->host, "");
}

/* Rules 5 and 6. */
static long walk(const char *path, unsigned flags, struct sysroot_path_buf *buf,
                 const char **out)
{
    struct walk_state w;
    size_t path_len = strlen(path);
    if (path_len >= sizeof w.pending)
        return -ENAMETOOLONG;
    memcpy(w.pending, path, path_len + 1);
    w.resolved[0] = 0;
    w.resolved_len = 0;
    bool trailing_slash = path_len > 1 && path[path_len - 1] == '/';
    if (trailing_slash)
        flags &= ~SYSROOT_NOFOLLOW;     /* "link/" names the link's target */
    bool followed_link = false;
    int hops = 0;
    size_t pos = 0;

    for (;;) {
        while (w.pending[pos] == '/')
            pos++;
        if (!w.pending[pos])
            break;
        const char *name = w.pending + pos;
        size_t name_len = strcspn(name, "/");
        const char *rest = name + name_len;         /* "" or "/..." */
        bool last = rest[strspn(rest, "/")] == 0;
        pos += name_len;
        if (name_len == 1 && name[0] == '.')
            continue;
        if (name_len == 2 && name[0] == '.' && name[1] == '.') {
            while (w.resolved_len && w.resolved[w.resolved_len - 1] != '/')
                w.resolved_len--;
            if (w.resolved_len)
                w.resolved_len--;
            w.resolved[w.resolved_len] = 0;
            continue;
        }
        size_t parent_len = w.resolved_len;
        if (parent_len + 1 + name_len >= sizeof w.resolved)
            return -ENAMETOOLONG;
        w.resolved[parent_len] = '/';
        memcpy(w.resolved + parent_len + 1, name, name_len);
        w.resolved_len = parent_len + 1 + name_len;
        w.resolved[w.resolved_len] = 0;

        if (!has_dotdot(rest) && is_host_path(w.resolved, w.resolved_len)) {
            if (!followed_link) {
                *out = path;
                return 0;
            }
            return join(buf, out, w.resolved, rest);
        }
        snprintf(w.host, sizeof w.host, "%s%s", root_dir, w.resolved);
        struct stat st;
        if (lstat(w.host, &st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR)    /* EACCES...: the call meets it */
                return join(buf, out, w.host, rest);
            if (last && (flags & SYSROOT_CREATE))
                return resolve_new_file(path, flags, &w, buf, out);
            *out = path;
            return 0;
        }
        if (!S_ISLNK(st.st_mode) || (last && (flags & SYSROOT_NOFOLLOW)))
            continue;
        if (++hops > MAX_SYMLINK_HOPS)
            return -ELOOP;
        ssize_t n = readlink(w.host, w.target, sizeof w.target - 1);
        if (n <= 0)
            return join(buf, out, w.host, rest);
        w.target[n] = 0;
        /* pending := target + rest (rest lives in pending: move it first). */
        size_t rest_len = strlen(rest);
        if ((size_t)n + rest_len >= sizeof w.pending)
            return -ENAMETOOLONG;
        memmove(w.pending + n, rest, rest_len + 1);
        memcpy(w.pending, w.target, (size_t)n);
        pos = 0;
        w.resolved_len = w.target[0] == '/' ? 0 : parent_len;
        w.resolved[w.resolved_len] = 0;
        followed_link = true;
    }
    /* Every component exists in the sysroot. */
    int len = snprintf(buf->path, sizeof buf->path, "%s%s%s", root_dir, w.resolved,
                       trailing_slash || !w.resolved_len ? "/" : "");
    if (len < 0 || (size_t)len >= sizeof buf->path)
        return -ENAMETOOLONG;
    *out = buf->path;
    return 0;
}

long sysroot_resolve(const char *path, unsigned flags, struct sysroot_path_buf *buf,
                     const char **out)
{
    *out = path;
    if (path[0] != '/')
        return 0;
    if (!(flags & SYSROOT_NOFOLLOW) && linux_exe_path && !strncmp(path, "/proc/", 6) &&
        is_own_exe(path)) {
        *out = linux_exe_path;
        return 0;
    }
    if (!root_dir)
        return 0;
    size_t n = strlen(path);
    if (is_sysroot_path(path, n))
        return join(buf, out, root_dir, path);
    if (root_mode == SYSROOT_LIBRARIES && !in_any_tree(path, n, library_trees, COUNT(library_trees)))
        return 0;
    if (in_cwd_tree(path, n) && ((flags & SYSROOT_CREATE) || host_has(path, flags)))
        return 0;
    return walk(path, flags, buf, out);
}

long guest_host_path(uint32_t guest_addr, unsigned flags, struct sysroot_path_buf *buf,
                     const char **out)
{
    const char *path;
    long r = guest_path(guest_addr, &path);
    if (r < 0)
        return r;
    return sysroot_resolve(path, flags, buf, out);
}

int sysroot_init(const char *dir, enum sysroot_mode mode)
{
    free(root_dir);
    root_dir = NULL;
    root_len = 0;
    root_mode = SYSROOT_NONE;
    sysroot_cwd_changed();
    if (!dir || !*dir || mode == SYSROOT_NONE)
        return 0;
    char *canonical = realpath(dir, NULL);
    if (!canonical)
        return -errno;
    struct stat st;
    if (stat(canonical, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(canonical);
        return -ENOTDIR;
    }
    if (!strcmp(canonical, "/")) {     /* the host root: nothing to rewrite */
        free(canonical);
        return 0;
    }
    root_dir = canonical;
    root_len = strlen(canonical);
    root_mode = mode;
    return 0;
}

const char *sysroot_dir(void)
{
    return root_dir;
}

const char *sysroot_guest_view(const char *host_path)
{
    if (root_mode != SYSROOT_FULL || !root_dir)
        return host_path;
    size_t n = strlen(host_path);
    if (!in_tree(host_path, n, root_dir, root_len))
        return host_path;
    return n == root_len ? "/" : host_path + root_len;
}

enum sysroot_mode sysroot_mode(void)
{
    return root_mode;
}

const char *sysroot_default_dir(void)
{
    if (access("/lib/ld-linux-armhf.so.3", F_OK) == 0)
        return NULL;
    if (access("/usr/arm-linux-gnueabihf/lib/ld-linux-armhf.so.3", F_OK) == 0)
        return "/usr/arm-linux-gnueabihf";
    return NULL;
}
