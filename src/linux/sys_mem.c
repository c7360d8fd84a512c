/*
 * Memory system calls: brk, mmap2, munmap, mprotect, mremap, madvise,
 * msync, mincore, the mlock family, process_mrelease and the ARM-private
 * cacheflush.
 * Mapping bookkeeping lives in the memory layer (mem/guest_mem.h); this
 * file validates arguments the Linux way.
 */
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>

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

/* mincore(addr, length, vec): one byte per guest page, bit 0 = resident,
 * from the host's answer for the host page holding it (on a 16K/64K host
 * the guest pages of one host page share it, which is true: that page is
 * resident). Guest pages outside the guest's mappings give ENOMEM, as
 * holes between VMAs do in Linux, after the bytes of the mapped run before
 * them are written; asking the host about them would describe the
 * PROT_NONE reservation. Range checks as in the kernel: unaligned start
 * EINVAL, a range past the address space ENOMEM, a vec past it EFAULT. */
#define MINCORE_CHUNK 4096u     /* guest pages per host call, as the kernel's */
long sys_mincore(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t addr = arg[0], length = arg[1], vec = arg[2];
    if (addr & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    if ((uint64_t)addr + length > GUEST_SPACE_SIZE)
        return -ENOMEM;
    uint64_t pages = ((uint64_t)length + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_SHIFT;
    if ((uint64_t)vec + pages > GUEST_SPACE_SIZE)
        return -EFAULT;
    /* a chunk spans at most MINCORE_CHUNK + 1 host pages of >= 4 KiB */
    static __thread unsigned char host_vec[MINCORE_CHUNK + 1];
    unsigned char out[MINCORE_CHUNK];
    const uint64_t hp = host_page_size;
    uint64_t page = addr >> GUEST_PAGE_SHIFT, done = 0;
    while (done < pages) {
        uint64_t n = 0;
        while (n < MINCORE_CHUNK && done + n < pages &&
               (guest_page_flags[page + n] & GPAGE_MAPPED))
            n++;
        if (n == 0)
            return -ENOMEM;
        uint64_t start = page << GUEST_PAGE_SHIFT, end = (page + n) << GUEST_PAGE_SHIFT;
        uint64_t hstart = start & ~(hp - 1), hend = (end + hp - 1) & ~(hp - 1);
        if (mincore(guest_to_host((uint32_t)hstart), (size_t)(hend - hstart), host_vec) < 0)
            return -errno;
        for (uint64_t i = 0; i < n; i++)
            out[i] = host_vec[((start + (i << GUEST_PAGE_SHIFT)) - hstart) / hp] & 1;
        if (guest_copy_to(vec + (uint32_t)done, out, (size_t)n) < 0)
            return -EFAULT;
        done += n;
        page += n;
    }
    return 0;
}

/* ---- mlock, munlock, mlock2, mlockall, munlockall ----
 *
 * Ranges are guest ranges, checked against the guest's mappings (a hole,
 * or the PROT_NONE reservation between mappings, is ENOMEM as a hole
 * between VMAs is in Linux); the locking itself is the host's mlock of the
 * same memory, so RLIMIT_MEMLOCK accounting, CAP_IPC_LOCK and the
 * population errors (EAGAIN, ENOMEM) are the host kernel's. a32run never
 * locks memory of its own, so the host's locked_vm is the guest's.
 * Lengths are computed in 32 bits as by a 32-bit kernel: a range wrapping
 * past 4 GiB is EINVAL. MLOCK_ONFAULT and MCL_* have the generic values on
 * ARM and both hosts. Raw system calls throughout: sanitizer runtimes
 * replace the C library's mlock family with no-ops. */
_Static_assert(MCL_CURRENT == 1 && MCL_FUTURE == 2 && MCL_ONFAULT == 4 && MLOCK_ONFAULT == 1,
               "host MCL_*/MLOCK_ONFAULT values differ from ARM's");

static bool has_cap_ipc_lock(void)
{
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capget, &header, data) < 0)
        return false;
    return data[CAP_IPC_LOCK / 32].effective & (1u << (CAP_IPC_LOCK % 32));
}

/* can_do_mlock(): EPERM when RLIMIT_MEMLOCK is 0 without CAP_IPC_LOCK. A
 * host mlock of nothing answers exactly that and locks nothing. */
static long mlock_permitted(void)
{
    return host_result(syscall(SYS_mlock, guest_to_host(0), 0));
}

/* RLIMIT_MEMLOCK in guest pages, or UINT64_MAX when it does not apply
 * (unlimited, or CAP_IPC_LOCK). */
static uint64_t memlock_limit_pages(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_MEMLOCK, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY ||
        has_cap_ipc_lock())
        return UINT64_MAX;
    return rl.rlim_cur / GUEST_PAGE_SIZE;
}

/* Would locking pages more guest pages exceed RLIMIT_MEMLOCK? Only used
 * where the host cannot be asked (pages already locked, which the kernel
 * discounts, are not counted here). */
static bool over_memlock_limit(uint64_t pages)
{
    return pages > memlock_limit_pages();
}

enum lock_op { OP_LOCK, OP_LOCK_ONFAULT, OP_UNLOCK };

static long lock_range(uint32_t addr, uint32_t length, enum lock_op op)
{
    uint32_t offset = addr & (GUEST_PAGE_SIZE - 1);
    uint32_t start = addr - offset;
    /* PAGE_ALIGN(len + offset_in_page(start)) in a 32-bit size_t */
    uint32_t len = (length + offset + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (op != OP_UNLOCK) {
        long r = mlock_permitted();
        if (r < 0)
            return r;
    }
    uint32_t end = start + len;
    if (end < start) {
        /* do_mlock checks the limit before apply_vma_lock_flags' EINVAL */
        if (op != OP_UNLOCK && over_memlock_limit(len >> GUEST_PAGE_SHIFT))
            return -ENOMEM;
        return -EINVAL;
    }
    if (len == 0)
        return 0;
    if (!range_mapped(start, len))
        return -ENOMEM;
    void *host = guest_to_host(start);
    switch (op) {
    case OP_LOCK:
        return host_result(syscall(SYS_mlock, host, (size_t)len));
    case OP_LOCK_ONFAULT:
        return host_result(syscall(SYS_mlock2, host, (size_t)len, MLOCK_ONFAULT));
    default:
        return host_result(syscall(SYS_munlock, host, (size_t)len));
    }
}

long sys_mlock(struct guest_thread *thread, const uint32_t *arg)
{
    return lock_range(arg[0], arg[1], OP_LOCK);
}

long sys_munlock(struct guest_thread *thread, const uint32_t *arg)
{
    return lock_range(arg[0], arg[1], OP_UNLOCK);
}

long sys_mlock2(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[2] & ~(uint32_t)MLOCK_ONFAULT)
        return -EINVAL;
    return lock_range(arg[0], arg[1], arg[2] ? OP_LOCK_ONFAULT : OP_LOCK);
}

/* mlockall must not become the host's mlockall(MCL_CURRENT): that would
 * lock a32run itself and account the whole 4 GiB PROT_NONE reservation
 * against RLIMIT_MEMLOCK (failing with ENOMEM for any unprivileged
 * process). Instead:
 *  - MCL_CURRENT locks each run of guest-mapped pages with the host's
 *    mlock (after a host munlockall, which drops the previous locks and
 *    MCL_FUTURE exactly as Linux's mlockall replaces them); failures of
 *    single ranges are ignored, as Linux ignores them, and the limit check
 *    uses the guest's mapped size as Linux uses total_vm.
 *  - MCL_FUTURE is the host's mlockall(MCL_FUTURE): every later mapping
 *    of the process is locked, the guest's and a32run's own (its block
 *    cache, thread stacks, the reservation refilled after munmap). Locked
 *    mappings of a32run beyond RLIMIT_MEMLOCK would fail and take the
 *    translator down, so MCL_FUTURE is taken only when the limit cannot be
 *    hit (CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK); otherwise it fails
 *    with ENOMEM (the error Linux gives for exceeding the limit), reported
 *    under --strace. */
long sys_mlockall(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t flags = arg[0];
    if (!flags || (flags & ~(uint32_t)(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
        flags == MCL_ONFAULT)
        return -EINVAL;
    long r = mlock_permitted();
    if (r < 0)
        return r;
    if (flags & MCL_CURRENT) {
        uint64_t mapped = 0;
        for (uint64_t p = 0; p < GUEST_PAGE_COUNT; p++)
            mapped += (guest_page_flags[p] & GPAGE_MAPPED) != 0;
        if (over_memlock_limit(mapped))
            return -ENOMEM;
    }
    if ((flags & MCL_FUTURE) && memlock_limit_pages() != UINT64_MAX) {
        linux_report_once("mlockall", MCL_FUTURE,
                          "mlockall(MCL_FUTURE) refused (ENOMEM): it would lock a32run's own "
                          "future mappings under a finite RLIMIT_MEMLOCK");
        return -ENOMEM;
    }
    if (flags & MCL_CURRENT)
        syscall(SYS_munlockall);
    if (flags & MCL_FUTURE) {
        if (syscall(SYS_mlockall, MCL_FUTURE | (int)(flags & MCL_ONFAULT)) < 0)
            return -errno;
    }
    if (!(flags & MCL_CURRENT))
        return 0;
    for (uint64_t p = 0; p < GUEST_PAGE_COUNT;) {
        if (!(guest_page_flags[p] & GPAGE_MAPPED)) {
            p++;
            continue;
        }
        uint64_t first = p;
        while (p < GUEST_PAGE_COUNT && (guest_page_flags[p] & GPAGE_MAPPED))
            p++;
        void *host = guest_to_host((uint32_t)(first << GUEST_PAGE_SHIFT));
        size_t len = (size_t)((p - first) << GUEST_PAGE_SHIFT);
        if (flags & MCL_ONFAULT)
            syscall(SYS_mlock2, host, len, MLOCK_ONFAULT);
        else
            syscall(SYS_mlock, host, len);
    }
    return 0;
}

/* Linux's munlockall unlocks every mapping and clears MCL_FUTURE: the
 * host's does the same, and a32run has no locks of its own to keep. */
long sys_munlockall(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_munlockall));
}

/* process_mrelease(pidfd, flags): reaps the memory of a process that is
 * being killed; guest pidfds are host pidfds and the memory is the host
 * process's, so this is the host's call (flags must be 0: checked there). */
long sys_process_mrelease(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(syscall(SYS_process_mrelease, (int)arg[0], arg[1]));
}
