/*
 * Directory cookies for a 32-bit program, self-checking (run under a32run
 * only: qemu-arm 7.2 truncates ext4's 64-bit hash cookies and loses or
 * repeats entries). Creates a directory of 3000 files under $TMPDIR or
 * /tmp (ext4 on the test machines; on tmpfs the cookies are small anyway
 * and every check must still pass), then checks: readdir sees each entry
 * once; every d_off fits 31 bits; telldir/seekdir round-trip at every
 * entry; the old getdents syscall (32-bit d_ino/d_off) with a small buffer
 * reads everything and lseek to any of its d_off values resumes after that
 * entry; lseek(SEEK_CUR) reports a position that lseek(SEEK_SET) accepts;
 * a dup'ed descriptor shares the cookies; closing and reopening starts
 * afresh.
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define NFILES 3000
#include "check.h"

static char dir[512];
static unsigned char seen[NFILES];

static int file_index(const char *name)
{
    if (strncmp(name, "f", 1))
        return -1;
    int i = atoi(name + 1);
    return i >= 0 && i < NFILES ? i : -1;
}

static void make_files(void)
{
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/check_sys_dir.XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(2);
    }
    char path[600];
    for (int i = 0; i < NFILES; i++) {
        snprintf(path, sizeof path, "%s/f%d", dir, i);
        int fd = open(path, O_CREAT | O_WRONLY, 0644);
        if (fd < 0) {
            perror("create");
            exit(2);
        }
        close(fd);
    }
}

static void remove_files(void)
{
    char path[600];
    for (int i = 0; i < NFILES; i++) {
        snprintf(path, sizeof path, "%s/f%d", dir, i);
        unlink(path);
    }
    rmdir(dir);
}

struct old_dirent {
    uint32_t d_ino;
    uint32_t d_off;
    uint16_t d_reclen;
    char d_name[];
};

static void test_readdir_telldir(void)
{
    DIR *d = opendir(dir);
    static long pos[NFILES + 2];
    static char names[NFILES + 2][16];
    int n = 0, dups = 0, others = 0, big = 0;
    memset(seen, 0, sizeof seen);
    for (;;) {
        long here = telldir(d);
        struct dirent *e = readdir(d);
        if (!e)
            break;
        if (n < NFILES + 2) {
            pos[n] = here;
            snprintf(names[n], sizeof names[n], "%.15s", e->d_name);
        }
        n++;
        if ((uint64_t)e->d_off > 0x7fffffffu)
            big++;
        int i = file_index(e->d_name);
        if (i < 0)
            others++;
        else if (seen[i]++)
            dups++;
    }
    int missing = 0;
    for (int i = 0; i < NFILES; i++)
        missing += !seen[i];
    CHECK(n == NFILES + 2 && missing == 0 && dups == 0 && others == 2,
          "readdir: %d entries, %d missing, %d repeated", n, missing, dups);
    CHECK(big == 0, "every d_off fits 31 bits (%d do not)", big);
    int bad = 0;
    for (int k = n - 1; k >= 0 && k < NFILES + 2; k -= 7) {
        seekdir(d, pos[k]);
        struct dirent *e = readdir(d);
        if (!e || strcmp(e->d_name, names[k]))
            bad++;
    }
    CHECK(bad == 0, "seekdir(telldir) returns to the same entry (%d wrong)", bad);
    rewinddir(d);
    struct dirent *e = readdir(d);
    CHECK(e && !strcmp(e->d_name, names[0]), "rewinddir starts again");
    closedir(d);
}

static void test_old_getdents(void)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    char buf[512] __attribute__((aligned(8)));
    int n = 0, calls = 0, dups = 0, bad_type = 0;
    static uint32_t offs[NFILES + 2];
    static char names[NFILES + 2][16];
    memset(seen, 0, sizeof seen);
    for (;;) {
        long got = syscall(SYS_getdents, fd, buf, sizeof buf);
        if (got <= 0) {
            CHECK(got == 0, "getdents ends with 0 (got %ld errno %d)", got, errno);
            break;
        }
        calls++;
        for (long at = 0; at < got;) {
            struct old_dirent *e = (struct old_dirent *)(buf + at);
            unsigned char type = (unsigned char)buf[at + e->d_reclen - 1];
            int i = file_index(e->d_name);
            if (i >= 0 && seen[i]++)
                dups++;
            if (i >= 0 && type != DT_REG)
                bad_type++;
            if (n < NFILES + 2) {
                offs[n] = e->d_off;
                snprintf(names[n], sizeof names[n], "%.15s", e->d_name);
            }
            n++;
            at += e->d_reclen;
        }
    }
    int missing = 0;
    for (int i = 0; i < NFILES; i++)
        missing += !seen[i];
    CHECK(n == NFILES + 2 && missing == 0 && dups == 0,
          "old getdents: %d entries in %d calls, %d missing, %d repeated", n, calls, missing, dups);
    CHECK(bad_type == 0, "d_type in the last byte of each record");
    int bad = 0;
    for (int k = 0; k + 1 < n && k < NFILES + 1; k += 11) {
        if (lseek(fd, (off_t)offs[k], SEEK_SET) != (off_t)offs[k]) {
            bad++;
            continue;
        }
        long got = syscall(SYS_getdents, fd, buf, sizeof buf);
        struct old_dirent *e = (struct old_dirent *)buf;
        if (got <= 0 || strcmp(e->d_name, names[k + 1]))
            bad++;
    }
    CHECK(bad == 0, "lseek to a d_off resumes after that entry (%d wrong)", bad);
    lseek(fd, 0, SEEK_SET);
    syscall(SYS_getdents, fd, buf, sizeof buf);
    off_t cur = lseek(fd, 0, SEEK_CUR);
    long got = syscall(SYS_getdents, fd, buf, sizeof buf);
    char first[16];
    snprintf(first, sizeof first, "%.15s", ((struct old_dirent *)buf)->d_name);
    CHECK(cur > 0 && cur <= 0x7fffffff && got > 0, "lseek(SEEK_CUR) gives a small position");
    CHECK(lseek(fd, cur, SEEK_SET) == cur && syscall(SYS_getdents, fd, buf, sizeof buf) > 0 &&
          !strcmp(((struct old_dirent *)buf)->d_name, first), "SEEK_CUR position round-trips");

    int fd2 = dup(fd);
    lseek(fd, 0, SEEK_SET);
    syscall(SYS_getdents, fd, buf, sizeof buf);
    off_t mid = lseek(fd, 0, SEEK_CUR);
    CHECK(lseek(fd2, 0, SEEK_CUR) == mid, "dup'ed descriptor shares position and cookies");
    close(fd);
    CHECK(lseek(fd2, mid, SEEK_SET) == mid, "cookies survive closing the original");
    close(fd2);
    fd = open(dir, O_RDONLY | O_DIRECTORY);
    got = syscall(SYS_getdents64, fd, buf, sizeof buf);
    CHECK(got > 0, "getdents64 after reopen");
    long long last_off = 0;
    for (long at = 0; at < got;) {
        struct dirent64 *e = (struct dirent64 *)(buf + at);
        last_off = (long long)e->d_off;
        at += e->d_reclen;
    }
    CHECK(last_off > 0 && last_off < 0x7fffffff, "getdents64 d_off is a small cookie");
    close(fd);
}

int main(void)
{
    make_files();
    test_readdir_telldir();
    test_old_getdents();
    remove_files();
    printf("%d failures\n", failures);
    return failures != 0;
}
