/*
 * Extended attributes, inotify, preadv2/pwritev2, ioprio and capget,
 * self-checking: user.* attributes set, sized, read, listed and removed
 * on a file in $TMPDIR or /tmp (skipped where the file system has none),
 * ERANGE for a small buffer, ENODATA after removal, the f* forms; an
 * inotify watch reporting a created file by name; preadv2 at offset -1
 * (the file position) and pwritev2 with RWF_APPEND; ioprio_get of this
 * process; capget's version handshake. Linux's behaviour for a 32-bit ARM
 * process. qemu-arm 7.2 differs: getxattr checks the buffer before looking
 * the attribute up (EFAULT instead of ENODATA), and pwritev2 refuses
 * RWF_APPEND (EOPNOTSUPP).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/xattr.h>

#include "check.h"

static void test_xattr(const char *dir)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/a32run-xattr-%d", dir, (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0, "create %s", path);
    if (setxattr(path, "user.a32run", "value-1", 7, 0) < 0 && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
        printf("ok: no user xattrs on %s: skipped\n", dir);
    } else {
        char buf[64];
        CHECK(getxattr(path, "user.a32run", NULL, 0) == 7, "size query");
        CHECK(getxattr(path, "user.a32run", buf, sizeof buf) == 7 && !memcmp(buf, "value-1", 7), "getxattr");
        CHECK(getxattr(path, "user.a32run", buf, 3) == -1 && errno == ERANGE, "small buffer: ERANGE");
        CHECK(fsetxattr(fd, "user.second", "2", 1, XATTR_CREATE) == 0, "fsetxattr XATTR_CREATE");
        CHECK(fsetxattr(fd, "user.second", "2", 1, XATTR_CREATE) == -1 && errno == EEXIST, "again: EEXIST");
        char list[256];
        ssize_t n = listxattr(path, list, sizeof list);
        int seen = 0;
        for (ssize_t i = 0; i < n; i += (ssize_t)strlen(list + i) + 1)
            seen += !strcmp(list + i, "user.a32run") + !strcmp(list + i, "user.second");
        CHECK(n > 0 && seen == 2, "listxattr lists both (%zd bytes)", n);
        CHECK(flistxattr(fd, NULL, 0) == n, "flistxattr size query");
        CHECK(fgetxattr(fd, "user.second", buf, sizeof buf) == 1 && buf[0] == '2', "fgetxattr");
        CHECK(lgetxattr(path, "user.a32run", buf, sizeof buf) == 7, "lgetxattr");
        CHECK(removexattr(path, "user.a32run") == 0 && fremovexattr(fd, "user.second") == 0, "remove both");
        CHECK(getxattr(path, "user.a32run", buf, sizeof buf) == -1 && errno == ENODATA, "gone: ENODATA");
        CHECK(syscall(SYS_getxattr, path, "user.a32run", 8, 64) == -1 && errno == ENODATA,
              "nothing to copy: no EFAULT");
        CHECK(syscall(SYS_setxattr, path, "user.x", 8, 4, 0) == -1 && errno == EFAULT, "bad value: EFAULT");
    }
    close(fd);
    unlink(path);
}

static void test_inotify(const char *dir)
{
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK(in >= 0 && (fcntl(in, F_GETFD) & FD_CLOEXEC) && (fcntl(in, F_GETFL) & O_NONBLOCK), "inotify_init1 flags");
    int wd = inotify_add_watch(in, dir, IN_CREATE);
    CHECK(wd >= 0, "watch %s", dir);
    char name[64], path[PATH_MAX];
    snprintf(name, sizeof name, "a32run-inotify-%d", (int)getpid());
    snprintf(path, sizeof path, "%s/%s", dir, name);
    close(open(path, O_CREAT | O_WRONLY, 0600));
    char buf[4096] __attribute__((aligned(8)));
    ssize_t n = read(in, buf, sizeof buf);
    int found = 0;
    for (ssize_t i = 0; i < n;) {
        struct inotify_event *ev = (struct inotify_event *)(buf + i);
        if (ev->wd == wd && (ev->mask & IN_CREATE) && ev->len && !strcmp(ev->name, name))
            found = 1;
        i += (ssize_t)sizeof *ev + ev->len;
    }
    CHECK(found, "IN_CREATE event names the file (%zd bytes)", n);
    CHECK(read(in, buf, sizeof buf) == -1 && errno == EAGAIN, "no more events: EAGAIN");
    CHECK(inotify_rm_watch(in, wd) == 0, "inotify_rm_watch");
    CHECK(inotify_rm_watch(in, wd) == -1 && errno == EINVAL, "again: EINVAL");
    unlink(path);
    close(in);
}

static void test_rw2(const char *dir)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/a32run-rw2-%d", dir, (int)getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(write(fd, "0123456789", 10) == 10 && lseek(fd, 2, SEEK_SET) == 2, "file at position 2");
    char a[3], b[3];
    struct iovec iov[2] = { { a, 3 }, { b, 3 } };
    CHECK(preadv2(fd, iov, 2, -1, 0) == 6 && !memcmp(a, "234", 3) && !memcmp(b, "567", 3) &&
          lseek(fd, 0, SEEK_CUR) == 8, "preadv2 at -1 uses and moves the position");
    CHECK(preadv2(fd, iov, 1, 0, 0) == 3 && !memcmp(a, "012", 3) && lseek(fd, 0, SEEK_CUR) == 8,
          "preadv2 at 0 leaves it");
    struct iovec w = { "XY", 2 };
    CHECK_HOSTDEP(pwritev2(fd, &w, 1, 0, RWF_APPEND) == 2, "pwritev2 RWF_APPEND");
    char all[16];
    CHECK_HOSTDEP(pread(fd, all, sizeof all, 0) == 12 && !memcmp(all + 10, "XY", 2), "appended at the end");
    CHECK(preadv2(fd, iov, 1, 0, 0x40000000) == -1 && errno == EOPNOTSUPP, "unknown flag: EOPNOTSUPP");
    close(fd);
    unlink(path);
}

int main(void)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    test_xattr(dir);
    test_inotify(dir);
    test_rw2(dir);
    long prio = syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0);
    CHECK(prio >= 0, "ioprio_get = 0x%lx", prio);
    uint32_t header[2] = { 0, 0 }, data[6];
    CHECK(syscall(SYS_capget, header, NULL) == 0 && header[0] == 0x20080522u, "capget version query: 0x%x", header[0]);
    CHECK(syscall(SYS_capget, header, data) == 0, "capget (effective 0x%x)", data[0]);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
