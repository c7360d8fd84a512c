/*
 * Guest mmap, munmap, mprotect, mremap and brk with Linux semantics, inside
 * the reservation made by guest_mem.c.
 *
 * Placement without MAP_FIXED: a free hint range is honoured; otherwise the
 * search is top-down below guest_mmap_base (the stack top minus a gap of at
 * least 128 MiB, like Linux ARM's legacy-free layout: libraries land just
 * under 0xb7000000), then top-down in the space between the stack and the
 * vector page, as a 64-bit kernel would give a compat task.
 *
 * Host pages larger than 4 KiB (16 KiB, 64 KiB): a guest mapping covers
 * whole host pages in its middle and possibly parts of host pages at its
 * ends. A host page that no other guest mapping uses is mapped directly
 * (from the file when the file offset has the host page's alignment, which
 * non-fixed placement arranges for offset 0); other parts are private
 * anonymous host memory filled with pread, and a host page shared with
 * another mapping is first turned into a private copy so that filling or
 * zeroing our part can never write into someone else's file. Consequences
 * on such hosts: the copied parts of MAP_SHARED file mappings do not write
 * back to the file nor see later file changes, MAP_SHARED anonymous parts
 * are not shared with forked children, and reading past the end of the
 * file there gives zeros instead of SIGBUS. On a 4 KiB host every mapping
 * is direct and exact.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

#define FOUR_GIB (1ull << 32)

static uint32_t brk_start, brk_current;
static uint64_t topdown_cache;     /* see guest_find_free_locked */
bool guest_read_implies_exec;

static uint8_t page_flags_for_prot(int prot)
{
    uint8_t f = GPAGE_MAPPED;
    if (prot & (GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC))
        f |= GPAGE_READ;    /* ARM user pages are always readable */
    if (prot & GUEST_PROT_WRITE)
        f |= GPAGE_WRITE;
    if ((prot & GUEST_PROT_EXEC) || (guest_read_implies_exec && (prot & GUEST_PROT_READ)))
        f |= GPAGE_EXEC;
    return f;
}

static int host_prot_for(int prot)
{
    /* Guest code is interpreted: host pages never need PROT_EXEC. */
    int h = PROT_NONE;
    if (prot & (GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC))
        h |= PROT_READ;
    if (prot & GUEST_PROT_WRITE)
        h |= PROT_WRITE;
    return h;
}

static void set_flags(uint32_t addr, uint64_t length, uint8_t f)
{
    memset(&guest_page_flags[addr >> GUEST_PAGE_SHIFT], f,
           (size_t)(length >> GUEST_PAGE_SHIFT));
}

static int read_fully(int fd, void *dst, size_t length, uint64_t offset)
{
    uint8_t *p = dst;
    while (length) {
        ssize_t n = pread(fd, p, length, (off_t)offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (n == 0)
            break;          /* past the end of the file: zeros */
        p += n;
        length -= (size_t)n;
        offset += (uint64_t)n;
    }
    return 0;
}

/* Copies one guest page from src without ever faulting: a file-backed page
 * past the end of its file raises SIGBUS when touched (ld.so maps a whole
 * library span from the file, then maps other things over the tail), but
 * makes write() fail with EFAULT instead. Unreadable pages become zeros. */
static void copy_guest_page_safely(uint8_t *dst, const uint8_t *src, int pipe_fds[2])
{
    if (pipe_fds[0] < 0) {
        memcpy(dst, src, GUEST_PAGE_SIZE);      /* no pipe: best effort */
        return;
    }
    ssize_t w;
    do
        w = write(pipe_fds[1], src, GUEST_PAGE_SIZE);
    while (w < 0 && errno == EINTR);
    if (w <= 0) {
        memset(dst, 0, GUEST_PAGE_SIZE);
        return;
    }
    size_t got = 0;
    while (got < (size_t)w) {
        ssize_t r = read(pipe_fds[0], dst + got, (size_t)w - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    memset(dst + got, 0, GUEST_PAGE_SIZE - got);
}

/* Makes a host page that other guest mappings share private anonymous
 * memory with the same contents, so that writing our part of it can never
 * reach a file or another process. Only guest-mapped pages carry data
 * worth keeping. */
static int privatize_host_page(uint64_t host_page)
{
    void *hp = guest_to_host((uint32_t)host_page);
    uint8_t *copy = calloc(1, host_page_size);
    if (!copy)
        return -ENOMEM;
    int pipe_fds[2] = { -1, -1 };
    if (pipe2(pipe_fds, O_CLOEXEC) != 0)
        pipe_fds[0] = pipe_fds[1] = -1;
    int err = 0;
    if (mprotect(hp, host_page_size, PROT_READ) != 0)
        err = -errno;
    else
        for (size_t off = 0; off < host_page_size; off += GUEST_PAGE_SIZE)
            if (guest_page_flags[(host_page + off) >> GUEST_PAGE_SHIFT] & GPAGE_MAPPED)
                copy_guest_page_safely(copy + off, (uint8_t *)hp + off, pipe_fds);
    if (pipe_fds[0] >= 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
    }
    if (!err && mmap(hp, host_page_size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        err = -errno;
    for (size_t off = 0; !err && off < host_page_size; off += GUEST_PAGE_SIZE)
        if (guest_page_flags[(host_page + off) >> GUEST_PAGE_SHIFT] & GPAGE_MAPPED)
            memcpy((uint8_t *)hp + off, copy + off, GUEST_PAGE_SIZE);
    free(copy);
    return err;
}

/* Maps part [start, end) of one host page. If no other guest mapping uses
 * that host page, the whole host page is mapped like the guest asked
 * (directly from the file when the offset allows); otherwise the part is
 * filled with zeros or file data in private memory. */
static int fill_partial_host_page(uint64_t host_page, uint64_t start, uint64_t end,
                                  int fd, bool anon, uint64_t file_offset,
                                  int host_prot, int host_flags)
{
    void *hp = guest_to_host((uint32_t)host_page);
    uint64_t lead = start - host_page;
    if (guest_range_is_free((uint32_t)host_page, host_page_size)) {
        /* Direct file mapping only if the file reaches into the last real
         * host page of it: all of it must stay readable (no SIGBUS when a
         * neighbour is copied later). */
        struct stat st;
        uint64_t real_page = (uint64_t)sysconf(_SC_PAGESIZE);
        if (anon || (file_offset >= lead && (file_offset - lead) % host_page_size == 0 &&
                     fstat(fd, &st) == 0 &&
                     (uint64_t)st.st_size + real_page > file_offset - lead + host_page_size)) {
            if (mmap(hp, host_page_size, host_prot, host_flags, anon ? -1 : fd,
                     anon ? 0 : (off_t)(file_offset - lead)) == MAP_FAILED)
                return -errno;
            return 0;
        }
        if (mmap(hp, host_page_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
            return -errno;
    } else {
        int err = privatize_host_page(host_page);
        if (err)
            return err;
        memset(guest_to_host((uint32_t)start), 0, (size_t)(end - start));
    }
    if (anon)
        return 0;
    return read_fully(fd, guest_to_host((uint32_t)start), (size_t)(end - start), file_offset);
}

int guest_map_range_locked(uint32_t addr, uint32_t length, int prot,
                           int flags, int fd, uint64_t offset)
{
    const uint64_t hp = host_page_size;
    const uint64_t start = addr, end = (uint64_t)addr + length;
    const bool anon = flags & GUEST_MAP_ANONYMOUS;
    const int host_flags = MAP_FIXED | (flags & GUEST_MAP_TYPE) |
                           (anon ? MAP_ANONYMOUS : 0) |
                           (flags & (GUEST_MAP_NORESERVE | GUEST_MAP_POPULATE)) |
                           ((flags & GUEST_MAP_TYPE) == GUEST_MAP_SHARED_VALIDATE
                                ? (flags & GUEST_MAP_SYNC) : 0);
    int err = 0;

    /* [mid_start, mid_end): whole host pages; the rest are the partial host
     * pages at the ends (never on a 4 KiB host). */
    uint64_t mid_start = (start + hp - 1) & ~(hp - 1);
    uint64_t mid_end = end & ~(hp - 1);

    if (mid_start < mid_end) {
        uint64_t mid_offset = offset + (mid_start - start);
        void *h = guest_to_host((uint32_t)mid_start);
        size_t n = (size_t)(mid_end - mid_start);
        if (anon || mid_offset % hp == 0) {
            if (mmap(h, n, host_prot_for(prot), host_flags, anon ? -1 : fd,
                     anon ? 0 : (off_t)mid_offset) == MAP_FAILED)
                err = -errno;
        } else if (mmap(h, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                        -1, 0) == MAP_FAILED) {
            err = -errno;
        } else {
            err = read_fully(fd, h, n, mid_offset);
        }
    }
    if (!err && start < mid_start) {
        uint64_t part_end = end < mid_start ? end : mid_start;
        err = fill_partial_host_page(start & ~(hp - 1), start, part_end, fd, anon, offset,
                                     host_prot_for(prot), host_flags);
    }
    if (!err && end > mid_end && mid_end >= mid_start)
        err = fill_partial_host_page(mid_end, mid_end, end, fd, anon, offset + (mid_end - start),
                                     host_prot_for(prot), host_flags);
    if (err) {
        guest_mem_release_host_pages(addr, length);
        guest_mem_apply_host_prot(addr, length);
        return err;
    }
    set_flags(addr, length, page_flags_for_prot(prot));
    return guest_mem_apply_host_prot(addr, length);
}

int guest_unmap_range_locked(uint32_t addr, uint64_t length)
{
    if (length == 0)
        return 0;
    if (topdown_cache && addr + length > topdown_cache)
        topdown_cache = addr + length;
    guest_mem_forget_code(addr, length);
    set_flags(addr, length, 0);
    int err = guest_mem_release_host_pages(addr, length);
    if (host_page_size > GUEST_PAGE_SIZE) {
        /* Partial host pages keep other mappings: zero the part we dropped
         * (it stays reachable through the host page) and re-derive. */
        uint64_t hp = host_page_size;
        uint64_t ends[2] = { addr & ~(hp - 1), ((uint64_t)addr + length - 1) & ~(hp - 1) };
        for (int i = 0; i < 2; i++) {
            if (i == 1 && ends[1] == ends[0])
                break;
            if (guest_range_is_free((uint32_t)ends[i], hp))
                continue;
            uint64_t s = addr > ends[i] ? addr : ends[i];
            uint64_t e = (uint64_t)addr + length < ends[i] + hp ? (uint64_t)addr + length : ends[i] + hp;
            if (privatize_host_page(ends[i]) == 0)
                memset(guest_to_host((uint32_t)s), 0, (size_t)(e - s));
        }
        int e2 = guest_mem_apply_host_prot(addr, length);
        if (!err)
            err = e2;
    }
    return err;
}

/* ---- free range search ---- */

static inline bool page_mapped(uint64_t addr)
{
    return guest_page_flags[addr >> GUEST_PAGE_SHIFT] & GPAGE_MAPPED;
}

static int64_t search_top_down(uint64_t lo, uint64_t hi, uint64_t need, uint64_t align)
{
    while (hi >= lo + need) {
        uint64_t start = (hi - need) & ~(align - 1);
        if (start < lo)
            break;
        uint64_t p = start + need;
        bool ok = true;
        while (p > start) {
            p -= GUEST_PAGE_SIZE;
            if (page_mapped(p)) {
                ok = false;
                /* Skip the whole mapped run below p. */
                while (p >= lo + GUEST_PAGE_SIZE && page_mapped(p - GUEST_PAGE_SIZE))
                    p -= GUEST_PAGE_SIZE;
                hi = p;
                break;
            }
        }
        if (ok)
            return (int64_t)start;
    }
    return -ENOMEM;
}

static int64_t search_bottom_up(uint64_t lo, uint64_t hi, uint64_t need, uint64_t align)
{
    uint64_t start = (lo + align - 1) & ~(align - 1);
    while (start + need <= hi) {
        uint64_t p = start;
        bool ok = true;
        for (; p < start + need; p += GUEST_PAGE_SIZE) {
            if (page_mapped(p)) {
                ok = false;
                break;
            }
        }
        if (ok)
            return (int64_t)start;
        while (p < hi && page_mapped(p))
            p += GUEST_PAGE_SIZE;
        start = (p + align - 1) & ~(align - 1);
    }
    return -ENOMEM;
}

int64_t guest_find_free_locked(uint32_t hint, uint32_t length)
{
    if (length == 0 || !guest_page_flags)
        return -EINVAL;
    /* On large-page hosts new mappings start on a host page so they do not
     * share host pages (and protections) with their neighbours. */
    uint64_t align = host_page_size > GUEST_PAGE_SIZE ? host_page_size : GUEST_PAGE_SIZE;
    uint64_t need = ((uint64_t)length + align - 1) & ~(align - 1);
    uint64_t lo = guest_min_addr;
    uint64_t base = guest_mmap_base;
    if (base < lo)
        base = lo;
    if (base > GUEST_MAP_LIMIT)
        base = GUEST_MAP_LIMIT;
    int64_t r = -ENOMEM;
    if (hint)
        r = search_bottom_up(hint > lo ? hint : lo, GUEST_MAP_LIMIT, need, align);
    /* Top-down searches resume below the last allocation (everything
     * between it and the base is mapped, unless an unmap raised the cache),
     * so a long run of mappings is not rescanned on every call. */
    uint64_t resume = topdown_cache && topdown_cache < base ? topdown_cache : base;
    if (r < 0) {
        r = search_top_down(lo, resume, need, align);
        if (r < 0 && resume != base)
            r = search_top_down(lo, base, need, align);
        if (r >= 0)
            topdown_cache = (uint64_t)r + need;
    }
    if (r < 0)
        r = search_top_down(base, GUEST_MAP_LIMIT, need, align);
    return r;
}

int64_t guest_find_free(uint32_t hint, uint32_t length)
{
    pthread_mutex_lock(&guest_mem_lock);
    int64_t r = guest_find_free_locked(hint, length);
    pthread_mutex_unlock(&guest_mem_lock);
    return r;
}

/* ---- system call level operations ---- */

static int check_file_for_mmap(int fd, int prot, int flags)
{
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        return -EBADF;
    if (S_ISDIR(st.st_mode))
        return -ENODEV;
    int mode = fcntl(fd, F_GETFL);
    if (mode < 0)
        return -EBADF;
    mode &= O_ACCMODE;
    if (mode == O_WRONLY)
        return -EACCES;
    if ((flags & GUEST_MAP_TYPE) != GUEST_MAP_PRIVATE && (prot & GUEST_PROT_WRITE) &&
        mode != O_RDWR)
        return -EACCES;
    return 0;
}

int64_t guest_mmap(uint32_t addr, uint32_t length, int prot, int flags,
                   int fd, uint64_t offset)
{
    if (!guest_page_flags)
        return -ENOMEM;
    int type = flags & GUEST_MAP_TYPE;
    if (type != GUEST_MAP_SHARED && type != GUEST_MAP_PRIVATE &&
        type != GUEST_MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (flags & GUEST_MAP_HUGETLB)
        return -EINVAL;     /* not supported: fail visibly */
    /* MAP_SHARED_VALIDATE refuses flags Linux does not know. */
    const int known = GUEST_MAP_TYPE | GUEST_MAP_FIXED | GUEST_MAP_ANONYMOUS | 0x0100 /* GROWSDOWN */ |
                      0x0800 /* DENYWRITE */ | 0x1000 /* EXECUTABLE */ | 0x2000 /* LOCKED */ |
                      GUEST_MAP_NORESERVE | GUEST_MAP_POPULATE | 0x10000 /* NONBLOCK */ |
                      0x20000 /* STACK */ | GUEST_MAP_HUGETLB | GUEST_MAP_SYNC |
                      GUEST_MAP_FIXED_NOREPLACE | 0x4000000 /* UNINITIALIZED */;
    if (type == GUEST_MAP_SHARED_VALIDATE && (flags & ~known))
        return -EOPNOTSUPP;
    if (length == 0 || (offset & (GUEST_PAGE_SIZE - 1)))
        return -EINVAL;
    prot &= GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC;
    uint64_t len = ((uint64_t)length + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (len > GUEST_MAP_LIMIT)
        return -ENOMEM;
    bool anon = flags & GUEST_MAP_ANONYMOUS;
    if (!anon) {
        if (offset + len < offset)
            return -EOVERFLOW;
        int err = check_file_for_mmap(fd, prot, flags);
        if (err)
            return err;
    }
    bool fixed = flags & (GUEST_MAP_FIXED | GUEST_MAP_FIXED_NOREPLACE);
    if (fixed && (addr & (GUEST_PAGE_SIZE - 1)))
        return -EINVAL;

    pthread_mutex_lock(&guest_mem_lock);
    int64_t result;
    if (fixed) {
        if ((uint64_t)addr + len > GUEST_MAP_LIMIT) {
            result = -ENOMEM;
            goto out;
        }
        if (addr < guest_min_addr) {
            result = -EPERM;
            goto out;
        }
        if ((flags & GUEST_MAP_FIXED_NOREPLACE) && !guest_range_is_free(addr, len)) {
            result = -EEXIST;
            goto out;
        }
        guest_unmap_range_locked(addr, len);
        result = addr;
    } else {
        uint64_t hint = addr & ~(GUEST_PAGE_SIZE - 1);
        if (hint >= guest_min_addr && hint + len <= GUEST_MAP_LIMIT &&
            guest_range_is_free((uint32_t)hint, len))
            result = (int64_t)hint;
        else
            result = guest_find_free_locked(0, (uint32_t)len);
        if (result < 0)
            goto out;
    }
    int err = guest_map_range_locked((uint32_t)result, (uint32_t)len, prot, flags, fd, offset);
    if (err)
        result = err;
out:
    pthread_mutex_unlock(&guest_mem_lock);
    return result;
}

int guest_munmap(uint32_t addr, uint32_t length)
{
    if ((addr & (GUEST_PAGE_SIZE - 1)) || length == 0)
        return -EINVAL;
    uint64_t end = ((uint64_t)addr + length + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (end > FOUR_GIB)
        return -EINVAL;
    if (addr >= GUEST_MAP_LIMIT)
        return 0;           /* the vector page is not the guest's to unmap */
    if (end > GUEST_MAP_LIMIT)
        end = GUEST_MAP_LIMIT;
    pthread_mutex_lock(&guest_mem_lock);
    int err = guest_unmap_range_locked(addr, end - addr);
    pthread_mutex_unlock(&guest_mem_lock);
    return err < 0 ? -ENOMEM : 0;
}

int guest_mprotect(uint32_t addr, uint32_t length, int prot)
{
    /* PROT_GROWSDOWN / PROT_GROWSUP are accepted and ignored: the stack is
     * mapped at its full size. */
    const int known = GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC |
                      0x01000000 | 0x02000000;
    if ((addr & (GUEST_PAGE_SIZE - 1)) || (prot & ~known))
        return -EINVAL;
    if (length == 0)
        return 0;
    uint64_t end = ((uint64_t)addr + length + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (end > GUEST_MAP_LIMIT)
        return -ENOMEM;
    uint64_t len = end - addr;
    pthread_mutex_lock(&guest_mem_lock);
    int err = 0;
    for (uint64_t a = addr; a < end; a += GUEST_PAGE_SIZE) {
        if (!page_mapped(a)) {
            err = -ENOMEM;
            break;
        }
    }
    if (!err) {
        guest_mem_forget_code(addr, len);
        uint8_t f = page_flags_for_prot(prot);
        for (uint64_t a = addr; a < end; a += GUEST_PAGE_SIZE)
            guest_page_flags[a >> GUEST_PAGE_SHIFT] = f;
        err = guest_mem_apply_host_prot(addr, len);
    }
    pthread_mutex_unlock(&guest_mem_lock);
    return err;
}

/* ---- mremap ---- */

static bool host_aligned(uint64_t v)
{
    return (v & (host_page_size - 1)) == 0;
}

/* Moves [old, old + old_size) to [new_addr, new_addr + new_size) (free,
 * checked by the caller). Lock held. */
static int64_t move_mapping(uint32_t old, uint32_t old_size, uint32_t new_addr, uint32_t new_size)
{
    uint8_t tail_flags = guest_page_flags[(old + old_size - 1) >> GUEST_PAGE_SHIFT] &
                         (GPAGE_MAPPED | GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC);
    /* Write-protected code pages split host VMAs; host mremap needs one. */
    guest_mem_forget_code(old, old_size);
    guest_mem_apply_host_prot(old, old_size);
    if (host_aligned(old) && host_aligned(old_size) && host_aligned(new_addr) &&
        host_aligned(new_size)) {
        /* The host kernel moves the pages, whatever backs them. */
        void *p = mremap(guest_to_host(old), old_size, new_size,
                         MREMAP_MAYMOVE | MREMAP_FIXED, guest_to_host(new_addr));
        if (p == MAP_FAILED)
            return -errno;
        uint32_t keep = old_size < new_size ? old_size : new_size;
        memmove(&guest_page_flags[new_addr >> GUEST_PAGE_SHIFT],
                &guest_page_flags[old >> GUEST_PAGE_SHIFT], keep >> GUEST_PAGE_SHIFT);
        if (new_size > old_size)
            set_flags(new_addr + old_size, new_size - old_size, tail_flags);
        /* The source is a hole in the reservation now: fill it. */
        set_flags(old, old_size, 0);
        mmap(guest_to_host(old), old_size, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
        guest_mem_apply_host_prot(new_addr, new_size);
        return new_addr;
    }
    /* Large-page host with unaligned ranges: copy into a private anonymous
     * mapping (file and sharing identity are lost; see the file comment). */
    int err = guest_map_range_locked(new_addr, new_size, GUEST_PROT_READ | GUEST_PROT_WRITE,
                                     GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS, -1, 0);
    if (err)
        return err;
    /* Make the source readable on the host for the copy. */
    mprotect(guest_to_host(old & ~(uint32_t)(host_page_size - 1)),
             ((uint64_t)old + old_size - (old & ~(uint32_t)(host_page_size - 1)) +
              host_page_size - 1) & ~(uint64_t)(host_page_size - 1), PROT_READ);
    memcpy(guest_to_host(new_addr), guest_to_host(old), old_size < new_size ? old_size : new_size);
    for (uint32_t i = 0; i < new_size >> GUEST_PAGE_SHIFT; i++) {
        uint8_t f = i < old_size >> GUEST_PAGE_SHIFT
                        ? guest_page_flags[(old >> GUEST_PAGE_SHIFT) + i] &
                              (GPAGE_MAPPED | GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC)
                        : tail_flags;
        guest_page_flags[(new_addr >> GUEST_PAGE_SHIFT) + i] = f;
    }
    guest_unmap_range_locked(old, old_size);
    guest_mem_apply_host_prot(new_addr, new_size);
    return new_addr;
}

static int64_t grow_in_place(uint32_t old, uint32_t old_size, uint32_t new_size)
{
    uint32_t tail = old + old_size;
    uint32_t extra = new_size - old_size;
    uint8_t tail_flags = guest_page_flags[(tail - 1) >> GUEST_PAGE_SHIFT] &
                         (GPAGE_MAPPED | GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC);
    if (host_aligned(old) && host_aligned(old_size) && host_aligned(new_size)) {
        /* Drop the placeholder after the mapping so the host can extend it
         * in place; put it back if that fails. */
        guest_mem_forget_code(old, old_size);
        guest_mem_apply_host_prot(old, old_size);
        munmap(guest_to_host(tail), extra);
        void *p = mremap(guest_to_host(old), old_size, new_size, 0);
        if (p == MAP_FAILED) {
            int err = -errno;
            mmap(guest_to_host(tail), extra, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
            return err;
        }
        set_flags(tail, extra, tail_flags);
        guest_mem_apply_host_prot(tail, extra);
        return old;
    }
    int prot = ((tail_flags & GPAGE_READ) ? GUEST_PROT_READ : 0) |
               ((tail_flags & GPAGE_WRITE) ? GUEST_PROT_WRITE : 0) |
               ((tail_flags & GPAGE_EXEC) ? GUEST_PROT_EXEC : 0);
    int err = guest_map_range_locked(tail, extra, prot, GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS,
                                     -1, 0);
    if (err)
        return err;
    return old;
}

int64_t guest_mremap(uint32_t old_addr, uint32_t old_size, uint32_t new_size,
                     int flags, uint32_t new_addr)
{
    if (flags & ~(GUEST_MREMAP_MAYMOVE | GUEST_MREMAP_FIXED | GUEST_MREMAP_DONTUNMAP))
        return -EINVAL;
    if (flags & GUEST_MREMAP_DONTUNMAP)
        return -EINVAL;     /* not supported */
    if ((flags & GUEST_MREMAP_FIXED) && !(flags & GUEST_MREMAP_MAYMOVE))
        return -EINVAL;
    if (old_addr & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    uint64_t old_len = ((uint64_t)old_size + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    uint64_t new_len = ((uint64_t)new_size + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (new_len == 0 || old_len == 0)
        return -EINVAL;     /* old_size 0 (duplicate a shared mapping): unsupported */
    if (old_addr + old_len > GUEST_MAP_LIMIT)
        return -EFAULT;
    if (new_len > GUEST_MAP_LIMIT)
        return -ENOMEM;

    pthread_mutex_lock(&guest_mem_lock);
    int64_t result;
    for (uint64_t a = old_addr; a < old_addr + old_len; a += GUEST_PAGE_SIZE) {
        if (!page_mapped(a)) {
            result = -EFAULT;
            goto out;
        }
    }
    if (flags & GUEST_MREMAP_FIXED) {
        if ((new_addr & (GUEST_PAGE_SIZE - 1)) || new_addr < guest_min_addr ||
            (uint64_t)new_addr + new_len > GUEST_MAP_LIMIT) {
            result = -EINVAL;
            goto out;
        }
        if ((uint64_t)new_addr < old_addr + old_len && old_addr < (uint64_t)new_addr + new_len) {
            result = -EINVAL;
            goto out;
        }
        guest_unmap_range_locked(new_addr, new_len);
        result = move_mapping(old_addr, (uint32_t)old_len, new_addr, (uint32_t)new_len);
        goto out;
    }
    if (new_len <= old_len) {
        guest_unmap_range_locked(old_addr + (uint32_t)new_len, old_len - new_len);
        result = old_addr;
        goto out;
    }
    uint64_t tail = old_addr + old_len;
    if (tail + (new_len - old_len) <= GUEST_MAP_LIMIT &&
        guest_range_is_free((uint32_t)tail, new_len - old_len)) {
        result = grow_in_place(old_addr, (uint32_t)old_len, (uint32_t)new_len);
        goto out;
    }
    if (!(flags & GUEST_MREMAP_MAYMOVE)) {
        result = -ENOMEM;
        goto out;
    }
    result = guest_find_free_locked(0, (uint32_t)new_len);
    if (result >= 0)
        result = move_mapping(old_addr, (uint32_t)old_len, (uint32_t)result, (uint32_t)new_len);
out:
    pthread_mutex_unlock(&guest_mem_lock);
    return result;
}

/* ---- brk ---- */

void guest_brk_init(uint32_t start)
{
    brk_start = brk_current = guest_page_round_up(start);
}

uint32_t guest_brk(uint32_t new_brk)
{
    pthread_mutex_lock(&guest_mem_lock);
    uint32_t result = brk_current;
    if (new_brk < brk_start)
        goto out;
    uint64_t old_top = ((uint64_t)brk_current + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    uint64_t new_top = ((uint64_t)new_brk + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (new_top > old_top) {
        /* Linux also keeps the heap out of the stack gap; our top-down mmap
         * area starts there, so "free" is the same test. */
        if (new_top > guest_mmap_base || !guest_range_is_free((uint32_t)old_top, new_top - old_top))
            goto out;
        if (guest_map_range_locked((uint32_t)old_top, (uint32_t)(new_top - old_top),
                                   GUEST_PROT_READ | GUEST_PROT_WRITE,
                                   GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS, -1, 0) != 0)
            goto out;
    } else if (new_top < old_top) {
        guest_unmap_range_locked((uint32_t)new_top, old_top - new_top);
    }
    brk_current = new_brk;
    result = new_brk;
out:
    pthread_mutex_unlock(&guest_mem_lock);
    return result;
}
