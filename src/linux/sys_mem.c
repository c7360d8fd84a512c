/*
 * Memory system calls: brk, mmap2, munmap, mprotect, mremap, madvise and
 * the ARM-private cacheflush. Mapping bookkeeping lives in the memory
 * layer (mem/guest_mem.h); this file validates arguments the Linux way.
 */
#include <string.h>
#include <sys/mman.h>

#include "linux/syscall.h"
#include "mem/guest_mem.h"

long sys_brk(struct guest_thread *thread, const uint32_t *arg)
{
    return (long)guest_brk(arg[0]);
}

/* mmap2(addr, length, prot, flags, fd, pgoffset): offset in 4096-byte
 * units whatever the page size (ARM's mmap2). */
long sys_mmap2(struct guest_thread *thread, const uint32_t *arg)
{
    int64_t r = guest_mmap(arg[0], arg[1], (int)arg[2], (int)arg[3],
                           (int)arg[4], (uint64_t)arg[5] << 12);
    return (long)r;
}

long sys_munmap(struct guest_thread *thread, const uint32_t *arg)
{
    return guest_munmap(arg[0], arg[1]);
}

long sys_mprotect(struct guest_thread *thread, const uint32_t *arg)
{
    return guest_mprotect(arg[0], arg[1], (int)arg[2]);
}

long sys_mremap(struct guest_thread *thread, const uint32_t *arg)
{
    return (long)guest_mremap(arg[0], arg[1], arg[2], (int)arg[3], arg[4]);
}

static bool range_mapped(uint32_t addr, uint32_t length)
{
    uint64_t end = (uint64_t)addr + length;
    for (uint64_t page = addr >> GUEST_PAGE_SHIFT;
         page < (end + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_SHIFT; page++)
        if (!(guest_page_flags[page] & GPAGE_MAPPED))
            return false;
    return true;
}

/* madvise: hints are accepted and dropped; MADV_DONTNEED and MADV_FREE
 * discard contents. On the host-page-aligned part the host does it (so
 * file-backed private pages re-read the file, anonymous ones read zero);
 * guest pages sharing a host page with other data (16K/64K hosts) are
 * zeroed by hand if writable, which is right for anonymous memory. Other
 * advice values are refused with EINVAL rather than passed through. */
long sys_madvise(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t addr = arg[0], length = arg[1];
    int advice = (int)arg[2];
    if (addr & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    uint64_t len = ((uint64_t)length + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if ((uint64_t)addr + len > GUEST_SPACE_SIZE)
        return -EINVAL;
    if (len == 0)
        return 0;
    switch (advice) {
    case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
    case MADV_WILLNEED: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
    case MADV_DONTDUMP: case MADV_DODUMP:
        return range_mapped(addr, (uint32_t)len) ? 0 : -ENOMEM;
    case MADV_DONTNEED: case MADV_FREE:
        break;
    default:
        linux_report_once("madvise", (uint32_t)advice,
                          "madvise advice %d refused (EINVAL)", advice);
        return -EINVAL;
    }
    if (!range_mapped(addr, (uint32_t)len))
        return -ENOMEM;
    /* The contents change: decoded code of the range is stale. */
    exec_invalidate_range(addr, (uint32_t)len);
    uint64_t hmask = host_page_size - 1;
    uint64_t start = addr, end = addr + len;
    uint64_t inner_start = (start + hmask) & ~hmask, inner_end = end & ~hmask;
    if (inner_start < inner_end) {
        if (madvise(guest_to_host((uint32_t)inner_start), inner_end - inner_start,
                    MADV_DONTNEED) < 0)
            return -errno;
    } else {
        inner_start = inner_end = end;
    }
    for (uint64_t p = start; p < end; p += GUEST_PAGE_SIZE) {
        if (p >= inner_start && p < inner_end)
            continue;
        if (guest_page_flags[p >> GUEST_PAGE_SHIFT] & GPAGE_WRITE)
            memset(guest_to_host((uint32_t)p), 0, GUEST_PAGE_SIZE);
    }
    return 0;
}

/* ARM cacheflush(start, end, flags): the guest wrote code; drop decoded
 * blocks of the range (JITs writing through a second mapping depend on
 * this). */
long sys_cacheflush(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t start = arg[0], end = arg[1];
    if (end < start || arg[2] != 0)
        return -EINVAL;
    exec_invalidate_range(start, end - start);
    return 0;
}

/* msync(addr, length, flags): on a host with larger pages the start is
 * rounded down to the host page (syncing a little more is harmless). */
long sys_msync(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t addr = arg[0];
    int flags = (int)arg[2];
    if ((addr & (GUEST_PAGE_SIZE - 1)) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    uint64_t len = ((uint64_t)arg[1] + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if ((uint64_t)addr + len > GUEST_SPACE_SIZE)
        return -ENOMEM;
    if (len == 0)
        return 0;
    if (!range_mapped(addr, (uint32_t)len))
        return -ENOMEM;
    uint32_t start = addr & ~(uint32_t)(host_page_size - 1);
    return host_result(msync(guest_to_host(start), len + (addr - start), flags));
}
