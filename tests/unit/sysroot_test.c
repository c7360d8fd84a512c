/*
 * Sysroot path resolution tests: builds a small sysroot in a temporary
 * directory (relative and absolute links, a link loop, a link into /proc,
 * ld.so files) and checks where guest paths land under each rule of
 * linux/sysroot.c, in both modes, plus the current-directory rule.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/sysroot.h"

static int failures, checks;
/* Not under /tmp: that is a host-only tree, which the current-directory
 * checks must not be. */
static char tmpdir[] = "/var/tmp/a32run-sysroot-test-XXXXXX";
static char root[512];          /* canonical sysroot */

static void make_dir(const char *rel)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    if (mkdir(p, 0755) != 0 && errno != EEXIST) {
        perror(p);
        exit(2);
    }
}

static void make_file(const char *dir, const char *rel)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    int fd = open(p, O_CREAT | O_WRONLY, 0644);
    if (fd < 0) {
        perror(p);
        exit(2);
    }
    close(fd);
}

static void make_link(const char *target, const char *rel)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    if (symlink(target, p) != 0) {
        perror(p);
        exit(2);
    }
}

/* expect: NULL = the guest path itself (same pointer), "=..." = that exact
 * host path, "R..." = the sysroot followed by "...", "-E..." = an error. */
static void check(const char *path, unsigned flags, const char *expect, long expect_err)
{
    struct sysroot_path_buf buf;
    const char *out = NULL;
    long r = sysroot_resolve(path, flags, &buf, &out);
    char want[2048] = "";
    bool ok;
    checks++;
    if (expect_err) {
        ok = r == expect_err;
    } else if (!expect) {
        ok = r == 0 && out == path;
    } else {
        if (expect[0] == 'R')
            snprintf(want, sizeof want, "%s%s", root, expect + 1);
        else
            snprintf(want, sizeof want, "%s", expect + 1);
        ok = r == 0 && out && !strcmp(out, want);
    }
    if (!ok) {
        failures++;
        fprintf(stderr, "sysroot_resolve(\"%s\", %u): got r=%ld \"%s\"%s, expected %s%s%s\n",
                path, flags, r, out ? out : "(null)", out == path ? " (itself)" : "",
                expect_err ? "an error" : expect ? "" : "itself", want,
                expect_err ? strerror((int)-expect_err) : "");
    }
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    char raw[600];
    snprintf(raw, sizeof raw, "%s/root", tmpdir);
    if (mkdir(raw, 0755) != 0 || !realpath(raw, root)) {
        perror(raw);
        return 2;
    }
    make_dir("usr");
    make_dir("usr/lib");
    make_dir("usr/bin");
    make_dir("etc");
    make_dir("etc/ld.so.conf.d");
    make_dir("proc");
    make_link("usr/lib", "lib");
    make_file(root, "usr/lib/libx.so.1");
    make_link("libx.so.1", "usr/lib/libx.so");
    make_link("/usr/lib/libx.so", "etc/abs");
    make_link("../proc/self/mounts", "etc/toproc");
    make_link("/proc/self/mounts", "etc/toproc_abs");
    make_link("loop2", "loop1");
    make_link("loop1", "loop2");
    make_link("/nonexistent-target", "usr/lib/dangling");
    make_file(root, "etc/passwd");
    make_file(root, "etc/os-release");

    /* No sysroot: nothing is rewritten. */
    sysroot_init(NULL, SYSROOT_NONE);
    check("/lib/libx.so", SYSROOT_FOLLOW, NULL, 0);
    check("/etc/ld.so.cache", SYSROOT_FOLLOW, NULL, 0);

    {
        long r = sysroot_init(raw, SYSROOT_FULL);
        checks++;
        if (r != 0 || !sysroot_dir() || strcmp(sysroot_dir(), root) != 0) {
            failures++;
            fprintf(stderr, "sysroot_init: %ld %s\n", r, sysroot_dir() ? sysroot_dir() : "(null)");
        }
        checks++;
        if (sysroot_init("/nonexistent-sysroot", SYSROOT_FULL) != -ENOENT) {
            failures++;
            fprintf(stderr, "sysroot_init accepted a missing directory\n");
        }
        sysroot_init(raw, SYSROOT_FULL);
    }

    /* Links inside the sysroot stay inside it. */
    check("/lib/libx.so", SYSROOT_FOLLOW, "R/usr/lib/libx.so.1", 0);
    check("/lib/libx.so", SYSROOT_NOFOLLOW, "R/usr/lib/libx.so", 0);
    check("/etc/abs", SYSROOT_FOLLOW, "R/usr/lib/libx.so.1", 0);
    check("/etc/abs", SYSROOT_NOFOLLOW, "R/etc/abs", 0);
    check("//usr/./lib/../lib//libx.so.1", SYSROOT_FOLLOW, "R/usr/lib/libx.so.1", 0);
    check("/lib/../../../usr/lib/libx.so.1", SYSROOT_FOLLOW, "R/usr/lib/libx.so.1", 0);
    check("/", SYSROOT_FOLLOW, "R/", 0);
    check("/usr/lib/", SYSROOT_FOLLOW, "R/usr/lib/", 0);
    check("/lib/", SYSROOT_NOFOLLOW, "R/usr/lib/", 0);
    check("/loop1", SYSROOT_FOLLOW, NULL, -ELOOP);
    check("/loop1", SYSROOT_NOFOLLOW, "R/loop1", 0);
    /* A link that leads into a host-only tree ends on the host. */
    check("/etc/toproc", SYSROOT_FOLLOW, "=/proc/self/mounts", 0);
    check("/etc/toproc_abs", SYSROOT_FOLLOW, "=/proc/self/mounts", 0);
    /* Host-only trees and files, even where the sysroot has them. */
    check("/proc/cpuinfo", SYSROOT_FOLLOW, NULL, 0);
    check("/proc", SYSROOT_FOLLOW, NULL, 0);
    check("/etc/passwd", SYSROOT_FOLLOW, NULL, 0);
    check("/tmp/anything", SYSROOT_CREATE, NULL, 0);
    check("/dev/null", SYSROOT_FOLLOW, NULL, 0);
    check("/home", SYSROOT_FOLLOW, NULL, 0);
    check("/procfoo", SYSROOT_FOLLOW, NULL, 0);           /* not in S either */
    /* Paths already inside the sysroot, and relative paths. */
    {
        char inside[1024];
        snprintf(inside, sizeof inside, "%s/usr/lib/libx.so", root);
        check(inside, SYSROOT_FOLLOW, NULL, 0);
    }
    check("usr/lib/libx.so", SYSROOT_FOLLOW, NULL, 0);
    check("", SYSROOT_FOLLOW, NULL, 0);
    /* The loader's configuration is the sysroot's, existing or not. */
    check("/etc/ld.so.cache", SYSROOT_FOLLOW, "R/etc/ld.so.cache", 0);
    check("/etc/ld.so.preload", SYSROOT_FOLLOW, "R/etc/ld.so.preload", 0);
    check("/etc/ld.so.conf.d/x.conf", SYSROOT_FOLLOW, "R/etc/ld.so.conf.d/x.conf", 0);
    /* Union: what the sysroot lacks is the host's. */
    check("/etc/os-release", SYSROOT_FOLLOW, "R/etc/os-release", 0);
    check("/usr/share/a32run-no-such-file", SYSROOT_FOLLOW, NULL, 0);
    check("/usr/lib/libx.so.1/below-a-file", SYSROOT_FOLLOW, NULL, 0);
    /* Creating: in the sysroot when its parent is there and the host has
     * no such file; a dangling link is created through. */
    check("/usr/bin/newfile", SYSROOT_CREATE, "R/usr/bin/newfile", 0);
    check("/usr/bin/newfile", SYSROOT_FOLLOW, NULL, 0);
    check("/usr/nodir/newfile", SYSROOT_CREATE, NULL, 0);
    if (access("/usr/bin/env", F_OK) == 0)
        check("/usr/bin/env", SYSROOT_CREATE, NULL, 0);
    check("/usr/lib/dangling", SYSROOT_CREATE, "R/nonexistent-target", 0);
    check("/usr/lib/dangling", SYSROOT_CREATE | SYSROOT_NOFOLLOW, "R/usr/lib/dangling", 0);

    /* The current directory's tree: host files win, what only the
     * sysroot has there still comes from it, creations go to the host. */
    {
        char cwd[600], rel[700], p[800];
        snprintf(cwd, sizeof cwd, "%s/work", tmpdir);
        if (mkdir(cwd, 0755) != 0 || chdir(cwd) != 0 || !getcwd(cwd, sizeof cwd)) {
            perror(cwd);
            return 2;
        }
        sysroot_cwd_changed();
        /* mirror the cwd path inside the sysroot */
        char *walk = cwd + 1, *slash;
        while ((slash = strchr(walk, '/')) != NULL) {
            *slash = 0;
            make_dir(cwd + 1);
            *slash = '/';
            walk = slash + 1;
        }
        make_dir(cwd + 1);
        snprintf(rel, sizeof rel, "%s/both", cwd + 1);
        make_file(root, rel);
        make_file(cwd, "both");
        snprintf(rel, sizeof rel, "%s/only_in_root", cwd + 1);
        make_file(root, rel);
        snprintf(p, sizeof p, "%s/both", cwd);
        check(p, SYSROOT_FOLLOW, NULL, 0);
        snprintf(p, sizeof p, "%s/new", cwd);
        check(p, SYSROOT_CREATE, NULL, 0);
        char want[900];
        snprintf(p, sizeof p, "%s/only_in_root", cwd);
        snprintf(want, sizeof want, "R%s/only_in_root", cwd);
        check(p, SYSROOT_FOLLOW, want, 0);
        /* Outside the cwd the sysroot's copy wins. */
        if (chdir("/") != 0)
            return 2;
        sysroot_cwd_changed();
        snprintf(p, sizeof p, "%s/both", cwd);
        snprintf(want, sizeof want, "R%s/both", cwd);
        check(p, SYSROOT_FOLLOW, want, 0);
    }

    /* Library mode: only /lib, /usr/lib and the loader's files. */
    sysroot_init(raw, SYSROOT_LIBRARIES);
    check("/lib/libx.so", SYSROOT_FOLLOW, "R/usr/lib/libx.so.1", 0);
    check("/etc/ld.so.cache", SYSROOT_FOLLOW, "R/etc/ld.so.cache", 0);
    check("/etc/os-release", SYSROOT_FOLLOW, NULL, 0);
    check("/etc/abs", SYSROOT_FOLLOW, NULL, 0);
    check("/library", SYSROOT_FOLLOW, NULL, 0);
    sysroot_init(NULL, SYSROOT_NONE);

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    printf("sysroot_test: %d checks, %d failed: %s\n", checks, failures, failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
