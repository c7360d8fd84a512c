/*
 * Directory reading for a 32-bit guest: getdents64, the old getdents
 * (struct linux_dirent with 32-bit d_ino/d_off), and directory positions.
 *
 * ext4 hands a 64-bit process 64-bit hash cookies as d_off; the kernel's
 * compat layer would have given a 32-bit task 32-bit ones, and a 32-bit
 * program (telldir, seekdir, getdents, lseek on a directory) cannot hold
 * the 64-bit values (qemu-arm truncates them and loses entries). So every
 * directory the guest reads gets a cookie table: each host d_off seen is
 * given a small guest cookie (1, 2, 3...; 0 stays "the start"), and
 * lseek on that descriptor translates both ways.
 *
 * Invariants: a table belongs to an open file description, shared by the
 * descriptors dup'ed from the one that created it (reference counted);
 * close, dup2/dup3 onto a descriptor and close_range drop the reference.
 * A table also records the directory's device and inode, so a descriptor
 * number reused for another directory behind our back (a close we did
 * not see) starts afresh. Cookies are never reused while the table lives,
 * so a telldir value stays valid until closedir.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "linux/syscall.h"
#include "mem/guest_mem.h"

struct dir_cookies {
    unsigned refs;
    dev_t dev;
    ino_t ino;
    uint64_t *host_off;         /* cookie c (1-based) -> host offset host_off[c - 1] */
    uint32_t count, cap;
    /* open-addressing map host offset -> cookie (0 = empty slot) */
    uint32_t *hash;
    uint32_t hash_size;         /* power of two, > 2 * count */
};

static pthread_mutex_t dir_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dir_cookies **by_fd;
static size_t by_fd_len;

#define MAX_COOKIES 0x7ffffffeu

static uint32_t hash_slot(uint64_t off, uint32_t size)
{
    return (uint32_t)((off * 0x9e3779b97f4a7c15ull) >> 32) & (size - 1);
}

static void table_free(struct dir_cookies *t)
{
    if (t && --t->refs == 0) {
        free(t->host_off);
        free(t->hash);
        free(t);
    }
}

static bool hash_grow(struct dir_cookies *t)
{
    uint32_t size = t->hash_size ? t->hash_size * 2 : 256;
    uint32_t *hash = calloc(size, sizeof *hash);
    if (!hash)
        return false;
    for (uint32_t c = 1; c <= t->count; c++) {
        uint32_t s = hash_slot(t->host_off[c - 1], size);
        while (hash[s])
            s = (s + 1) & (size - 1);
        hash[s] = c;
    }
    free(t->hash);
    t->hash = hash;
    t->hash_size = size;
    return true;
}

/* The guest cookie of host offset off, created if new; 0 for offset 0;
 * -ENOMEM / -EOVERFLOW when it cannot be given one. */
static int64_t cookie_for(struct dir_cookies *t, uint64_t off)
{
    if (off == 0)
        return 0;
    if (t->hash_size) {
        for (uint32_t s = hash_slot(off, t->hash_size); t->hash[s]; s = (s + 1) & (t->hash_size - 1))
            if (t->host_off[t->hash[s] - 1] == off)
                return t->hash[s];
    }
    if (t->count >= MAX_COOKIES)
        return -EOVERFLOW;
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 64;
        uint64_t *grown = realloc(t->host_off, cap * sizeof *grown);
        if (!grown)
            return -ENOMEM;
        t->host_off = grown;
        t->cap = cap;
    }
    if ((uint64_t)(t->count + 1) * 2 >= t->hash_size && !hash_grow(t))
        return -ENOMEM;
    uint32_t c = ++t->count;
    t->host_off[c - 1] = off;
    uint32_t s = hash_slot(off, t->hash_size);
    while (t->hash[s])
        s = (s + 1) & (t->hash_size - 1);
    t->hash[s] = c;
    return c;
}

static struct dir_cookies *table_of(int fd)
{
    return fd >= 0 && (size_t)fd < by_fd_len ? by_fd[fd] : NULL;
}

static bool set_table(int fd, struct dir_cookies *t)
{
    if ((size_t)fd >= by_fd_len) {
        size_t len = by_fd_len ? by_fd_len : 64;
        while (len <= (size_t)fd)
            len *= 2;
        struct dir_cookies **grown = realloc(by_fd, len * sizeof *grown);
        if (!grown)
            return false;
        memset(grown + by_fd_len, 0, (len - by_fd_len) * sizeof *grown);
        by_fd = grown;
        by_fd_len = len;
    }
    table_free(by_fd[fd]);
    by_fd[fd] = t;
    return true;
}

/* The table for directory fd, made if needed; NULL on failure (errno-like
 * code in *err). Caller holds dir_lock. */
static struct dir_cookies *table_for_reading(int fd, long *err)
{
    struct stat st;
    if (fstat(fd, &st) < 0) {
        *err = -errno;
        return NULL;
    }
    struct dir_cookies *t = table_of(fd);
    if (t && t->dev == st.st_dev && t->ino == st.st_ino)
        return t;
    t = calloc(1, sizeof *t);
    if (!t || !set_table(fd, t)) {
        free(t);
        *err = -ENOMEM;
        return NULL;
    }
    t->refs = 1;
    t->dev = st.st_dev;
    t->ino = st.st_ino;
    return t;
}

void linux_dir_fd_closed(int fd)
{
    pthread_mutex_lock(&dir_lock);
    if (table_of(fd))
        set_table(fd, NULL);
    pthread_mutex_unlock(&dir_lock);
}

void linux_dir_fd_range_closed(unsigned first, unsigned last)
{
    pthread_mutex_lock(&dir_lock);
    for (size_t fd = first; fd < by_fd_len && fd <= last; fd++)
        if (by_fd[fd])
            set_table((int)fd, NULL);
    pthread_mutex_unlock(&dir_lock);
}

void linux_dir_fd_duplicated(int oldfd, int newfd)
{
    if (oldfd == newfd || newfd < 0)
        return;
    pthread_mutex_lock(&dir_lock);
    struct dir_cookies *t = table_of(oldfd);
    if (t) {
        t->refs++;
        if (!set_table(newfd, t))
            t->refs--;
    } else if (table_of(newfd)) {
        set_table(newfd, NULL);
    }
    pthread_mutex_unlock(&dir_lock);
}

/* Positions of a directory with a table: guest cookie -> host offset for
 * SEEK_SET, host position -> guest cookie for the result. Returns false
 * when fd has no table (the caller seeks as for any file). */
bool linux_dir_lseek(int fd, int64_t offset, int whence, int64_t *result)
{
    pthread_mutex_lock(&dir_lock);
    struct dir_cookies *t = table_of(fd);
    struct stat st;
    if (t && (fstat(fd, &st) < 0 || st.st_dev != t->dev || st.st_ino != t->ino)) {
        set_table(fd, NULL);    /* stale: the number now names another file */
        t = NULL;
    }
    if (!t) {
        pthread_mutex_unlock(&dir_lock);
        return false;
    }
    int64_t host_offset = offset;
    if (whence == SEEK_SET && offset != 0) {
        if (offset < 0 || (uint64_t)offset > t->count) {
            *result = -EINVAL;
            goto out;
        }
        host_offset = (int64_t)t->host_off[offset - 1];
    }
    off_t pos = lseek(fd, (off_t)host_offset, whence);
    *result = pos < 0 ? -errno : cookie_for(t, (uint64_t)pos);
out:
    pthread_mutex_unlock(&dir_lock);
    return true;
}

/* Host linux_dirent64: d_ino u64, d_off s64, d_reclen u16, d_type u8,
 * d_name; the same layout on every architecture. */
#define DIRENT64_RECLEN_AT 16
#define DIRENT64_NAME_AT 19

/* getdents64: the host fills the guest buffer (same layout), then each
 * d_off is replaced by its guest cookie. */
long sys_getdents64(struct guest_thread *thread, const uint32_t *arg)
{
    int fd = (int)arg[0];
    uint32_t len = guest_access_prefix(arg[1], arg[2], GUEST_PROT_WRITE);
    if (arg[2] && !len)
        return -EFAULT;
    pthread_mutex_lock(&dir_lock);
    long err = 0;
    struct dir_cookies *t = table_for_reading(fd, &err);
    long n = err;
    if (t) {
        uint8_t *buf = guest_to_host(arg[1]);
        n = host_result(syscall(SYS_getdents64, fd, buf, (size_t)len));
        for (long at = 0; n > 0 && at < n;) {
            uint16_t reclen;
            int64_t off;
            memcpy(&reclen, buf + at + DIRENT64_RECLEN_AT, 2);
            memcpy(&off, buf + at + 8, 8);
            int64_t cookie = cookie_for(t, (uint64_t)off);
            if (cookie < 0) {
                n = cookie;
                break;
            }
            memcpy(buf + at + 8, &cookie, 8);
            at += reclen;
        }
    }
    pthread_mutex_unlock(&dir_lock);
    return n;
}

/* Old getdents: struct linux_dirent { u32 d_ino; u32 d_off; u16 d_reclen;
 * char d_name[]; NUL; d_type in the last byte }, records 4-byte aligned.
 * A record is never larger than its dirent64 form, so a host read of the
 * guest's count always fits once converted. */
#define OLD_DIRENT_NAME_AT 10
long sys_getdents(struct guest_thread *thread, const uint32_t *arg)
{
    int fd = (int)arg[0];
    uint32_t count = arg[2];
    if (count > 0x7ffff000u)
        count = 0x7ffff000u;
    uint32_t len = guest_access_prefix(arg[1], count, GUEST_PROT_WRITE);
    if (count && !len)
        return -EFAULT;
    uint8_t *host = malloc(len ? len : 1);
    if (!host)
        return -ENOMEM;
    pthread_mutex_lock(&dir_lock);
    long err = 0;
    struct dir_cookies *t = table_for_reading(fd, &err);
    long n = err;
    uint32_t out = 0;
    if (t)
        n = host_result(syscall(SYS_getdents64, fd, host, (size_t)len));
    uint8_t *guest = guest_to_host(arg[1]);
    int64_t last_off = -1;      /* host d_off of the last stored record */
    for (long at = 0; n > 0 && at < n;) {
        uint64_t ino;
        int64_t off;
        uint16_t reclen;
        memcpy(&ino, host + at, 8);
        memcpy(&off, host + at + 8, 8);
        memcpy(&reclen, host + at + DIRENT64_RECLEN_AT, 2);
        uint8_t type = host[at + 18];
        const char *name = (const char *)host + at + DIRENT64_NAME_AT;
        size_t namelen = strlen(name);
        int64_t cookie = ino > 0xffffffffu ? -EOVERFLOW : cookie_for(t, (uint64_t)off);
        if (cookie < 0) {
            /* As the kernel's compat filldir: an inode that does not fit
             * is EOVERFLOW, reported once the entries before it are
             * consumed: the directory is set back to just after them. */
            n = cookie;
            if (last_off >= 0)
                lseek(fd, (off_t)last_off, SEEK_SET);
            break;
        }
        uint32_t rec = (uint32_t)(OLD_DIRENT_NAME_AT + namelen + 2 + 3) & ~3u;
        uint32_t ino32 = (uint32_t)ino, off32 = (uint32_t)cookie;
        uint16_t rec16 = (uint16_t)rec;
        memset(guest + out, 0, rec);
        memcpy(guest + out, &ino32, 4);
        memcpy(guest + out + 4, &off32, 4);
        memcpy(guest + out + 8, &rec16, 2);
        memcpy(guest + out + OLD_DIRENT_NAME_AT, name, namelen);
        guest[out + rec - 1] = type;
        out += rec;
        last_off = off;
        at += reclen;
    }
    pthread_mutex_unlock(&dir_lock);
    free(host);
    return n < 0 && out == 0 ? n : (long)out;
}
