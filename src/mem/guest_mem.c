/*
 * Guest memory: reservation of the 4 GiB guest space, host protection
 * derived from the per guest page flags, pointer checks for system calls
 * and the write protection of pages holding decoded code.
 *
 * Placement: identity (guest_base = 0) when [mmap_min_addr, 4 GiB + guard)
 * is free in the host, else a base offset, 4 GiB aligned when possible so
 * that guest_base + addr never carries into the next 4 GiB.
 *
 * Host pages larger than 4 KiB: the host protection of a host page is the
 * union of the protections of the guest pages it covers (readable if any is
 * readable, writable if any is writable and none is write-protected code).
 * Consequence: on a 16 KiB host the guest can read or write a 4 KiB page
 * whose own protection forbids it, when a neighbour in the same host page
 * allows it; unmapped guest pages sharing a host page with mapped ones read
 * as zeros instead of faulting. The flags stay exact, so system call
 * pointer checks (guest_access_ok) still follow the guest's protections.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "exec/exec.h"
#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

uintptr_t guest_base;
size_t host_page_size;
uint8_t *guest_page_flags;

uint32_t guest_min_addr;
uint32_t guest_mmap_base = GUEST_STACK_TOP - GUEST_STACK_GAP_MIN;
pthread_mutex_t guest_mem_lock = PTHREAD_MUTEX_INITIALIZER;

static bool identity_placement;
static bool initialized;
static size_t test_host_page_size;
static uintptr_t reservation_start;     /* host address */
static size_t reservation_length;

#define RESERVE_FLAGS (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)
#define FOUR_GIB (1ull << 32)

void guest_mem_test_set_host_page_size(size_t page_size)
{
    test_host_page_size = page_size;
}

static unsigned long read_mmap_min_addr(void)
{
    unsigned long value = 65536;
    int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buf[32];
        ssize_t n = read(fd, buf, sizeof buf - 1);
        if (n > 0) {
            buf[n] = 0;
            value = strtoul(buf, NULL, 10);
        }
        close(fd);
    }
    return value;
}

static uint32_t round_up_to_host_page(uint64_t v)
{
    return (uint32_t)((v + host_page_size - 1) & ~(uint64_t)(host_page_size - 1));
}

static bool try_identity_at(uint64_t low);

/* Identity placement: the reservation starts at the lowest address the
 * host lets us map (vm.mmap_min_addr). Some environments refuse more than
 * that (qemu-user keeps the first 64 KiB whatever the sysctl says): 64 KiB
 * is the second try, still no higher than where ARM programs are linked
 * (0x10000). The guest cannot use the addresses below the reservation. */
static bool try_identity(void)
{
    uint64_t low = read_mmap_min_addr();
    if (low < GUEST_PAGE_SIZE)
        low = GUEST_PAGE_SIZE;
    low = round_up_to_host_page(low);
    if (try_identity_at(low))
        return true;
    return low < 0x10000 && try_identity_at(round_up_to_host_page(0x10000));
}

static bool try_identity_at(uint64_t low)
{
    if (low >= FOUR_GIB / 2)
        return false;
    size_t length = (size_t)(FOUR_GIB + GUEST_GUARD_SIZE - low);
    void *p = mmap((void *)(uintptr_t)low, length, PROT_NONE,
                   RESERVE_FLAGS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        return false;
    if ((uintptr_t)p != low) {          /* kernels without NOREPLACE */
        munmap(p, length);
        return false;
    }
    guest_base = 0;
    guest_min_addr = (uint32_t)low;
    reservation_start = (uintptr_t)low;
    reservation_length = length;
    identity_placement = true;
    return true;
}

static int reserve_offset(void)
{
    size_t length = (size_t)(FOUR_GIB + GUEST_GUARD_SIZE);
    /* Over-reserve by 4 GiB to carve out a 4 GiB aligned base. */
    uint8_t *p = mmap(NULL, length + FOUR_GIB, PROT_NONE, RESERVE_FLAGS, -1, 0);
    uintptr_t base;
    if (p != MAP_FAILED) {
        base = ((uintptr_t)p + FOUR_GIB - 1) & ~(uintptr_t)(FOUR_GIB - 1);
        size_t head = base - (uintptr_t)p;
        size_t tail = FOUR_GIB - head;
        if (head)
            munmap(p, head);
        if (tail)
            munmap((void *)(base + length), tail);
    } else {
        p = mmap(NULL, length, PROT_NONE, RESERVE_FLAGS, -1, 0);
        if (p == MAP_FAILED)
            return -errno;
        base = (uintptr_t)p;
    }
    guest_base = base;
    /* Guest page 0 (and the rest of the first host page) stays unmapped so
     * that guest NULL pointers fault. */
    guest_min_addr = round_up_to_host_page(GUEST_PAGE_SIZE);
    reservation_start = base;
    reservation_length = length;
    identity_placement = false;
    return 0;
}

/* A fork while another thread holds the lock must not leave the child
 * with a lock nobody will release. */
static void lock_before_fork(void) { pthread_mutex_lock(&guest_mem_lock); }
static void unlock_after_fork(void) { pthread_mutex_unlock(&guest_mem_lock); }

int guest_mem_init(const struct guest_mem_options *options)
{
    if (initialized)
        return -EBUSY;
    long real_page = sysconf(_SC_PAGESIZE);
    if (real_page <= 0)
        real_page = 4096;
    host_page_size = (size_t)real_page;
    /* Test knob: run whole programs as if the host had larger pages
     * (16384, 65536) to exercise those paths on a 4 KiB host. */
    const char *pretend = getenv("A32RUN_TEST_HOST_PAGE_SIZE");
    if (pretend && !test_host_page_size)
        test_host_page_size = (size_t)strtoul(pretend, NULL, 0);
    if (test_host_page_size > host_page_size &&
        test_host_page_size % host_page_size == 0)
        host_page_size = test_host_page_size;
    if (host_page_size < GUEST_PAGE_SIZE || host_page_size > (1u << 20) ||
        (host_page_size & (host_page_size - 1)))
        return -EINVAL;

    bool force_offset = options && options->force_offset;
    if (force_offset || !try_identity()) {
        int err = reserve_offset();
        if (err < 0)
            return err;
    }
    /* Allocated after the reservation, so it cannot land inside it. */
    void *flags = mmap(NULL, GUEST_PAGE_COUNT, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (flags == MAP_FAILED) {
        int err = -errno;
        munmap((void *)reservation_start, reservation_length);
        return err;
    }
    guest_page_flags = flags;
    pthread_atfork(lock_before_fork, unlock_after_fork, unlock_after_fork);
    initialized = true;
    return 0;
}

bool guest_mem_is_identity(void)
{
    return identity_placement;
}

int guest_mem_relocate_to_offset(void)
{
    if (!initialized)
        return -EINVAL;
    if (!identity_placement)
        return 0;
    if (!guest_range_is_free(0, FOUR_GIB))
        return -EBUSY;
    uintptr_t old_start = reservation_start;
    size_t old_length = reservation_length;
    int err = reserve_offset();
    if (err < 0)
        return err;
    munmap((void *)old_start, old_length);
    return 0;
}

void guest_mem_set_mmap_base(uint32_t base)
{
    guest_mmap_base = base & ~(GUEST_PAGE_SIZE - 1);
}

/* ---- host protection derived from guest page flags ---- */

static inline uint8_t flags_load(uint32_t page)
{
    return __atomic_load_n(&guest_page_flags[page], __ATOMIC_RELAXED);
}

int host_prot_of_host_page(uint32_t addr)
{
    uint32_t per_host = (uint32_t)(host_page_size / GUEST_PAGE_SIZE);
    uint32_t first = (uint32_t)((addr & ~(uint64_t)(host_page_size - 1)) >> GUEST_PAGE_SHIFT);
    bool readable = false, writable = false, wprotect = false;
    for (uint32_t i = 0; i < per_host && first + i < GUEST_PAGE_COUNT; i++) {
        uint8_t f = flags_load(first + i);
        if (!(f & GPAGE_MAPPED))
            continue;
        /* ARM page tables cannot express write-only or exec-only user
         * pages: any access right implies read. */
        if (f & (GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC))
            readable = true;
        if (f & GPAGE_WRITE)
            writable = true;
        if (f & GPAGE_WPROTECT)
            wprotect = true;
    }
    int prot = readable ? PROT_READ : PROT_NONE;
    if (writable && !wprotect)
        prot |= PROT_READ | PROT_WRITE;
    return prot;
}

int guest_mem_apply_host_prot(uint32_t start, uint64_t length)
{
    if (length == 0)
        return 0;
    uint64_t hp = host_page_size;
    uint64_t first = start & ~(hp - 1);
    uint64_t end = ((uint64_t)start + length + hp - 1) & ~(hp - 1);
    if (end > FOUR_GIB)
        end = FOUR_GIB;
    /* Batch runs of equal protection into one mprotect. */
    uint64_t run_start = first;
    int run_prot = host_prot_of_host_page((uint32_t)first);
    for (uint64_t a = first + hp; a <= end; a += hp) {
        int prot = a < end ? host_prot_of_host_page((uint32_t)a) : -1;
        if (prot == run_prot)
            continue;
        if (mprotect(guest_to_host((uint32_t)run_start), (size_t)(a - run_start), run_prot) != 0)
            return -errno;
        run_start = a;
        run_prot = prot;
    }
    return 0;
}

static bool host_page_has_mapped(uint64_t host_page_addr)
{
    uint32_t per_host = (uint32_t)(host_page_size / GUEST_PAGE_SIZE);
    uint32_t first = (uint32_t)(host_page_addr >> GUEST_PAGE_SHIFT);
    for (uint32_t i = 0; i < per_host; i++)
        if (flags_load(first + i) & GPAGE_MAPPED)
            return true;
    return false;
}

static int replace_with_placeholder(uint64_t start, uint64_t end)
{
    if (end <= start)
        return 0;
    void *p = mmap(guest_to_host((uint32_t)start), (size_t)(end - start), PROT_NONE,
                   RESERVE_FLAGS | MAP_FIXED, -1, 0);
    return p == MAP_FAILED ? -errno : 0;
}

int guest_mem_release_host_pages(uint32_t start, uint64_t length)
{
    if (length == 0)
        return 0;
    uint64_t hp = host_page_size;
    uint64_t first = start & ~(hp - 1);
    uint64_t end = ((uint64_t)start + length + hp - 1) & ~(hp - 1);
    if (end > FOUR_GIB)
        end = FOUR_GIB;
    uint64_t run_start = 0;
    bool in_run = false;
    int err = 0;
    for (uint64_t a = first; a < end; a += hp) {
        bool empty = !host_page_has_mapped(a);
        if (empty && !in_run) {
            run_start = a;
            in_run = true;
        } else if (!empty && in_run) {
            int e = replace_with_placeholder(run_start, a);
            if (e < 0)
                err = e;
            in_run = false;
        }
    }
    if (in_run) {
        int e = replace_with_placeholder(run_start, end);
        if (e < 0)
            err = e;
    }
    return err;
}

void guest_mem_forget_code(uint32_t start, uint64_t length)
{
    uint64_t first = start >> GUEST_PAGE_SHIFT;
    uint64_t end = ((uint64_t)start + length + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_SHIFT;
    if (end > GUEST_PAGE_COUNT)
        end = GUEST_PAGE_COUNT;
    uint64_t run = 0;
    bool in_run = false;
    exec_code_lock();
    for (uint64_t p = first; p <= end; p++) {
        bool code = p < end && (flags_load((uint32_t)p) & GPAGE_CODE);
        if (code) {
            __atomic_and_fetch(&guest_page_flags[p], (uint8_t)~(GPAGE_CODE | GPAGE_WPROTECT),
                               __ATOMIC_RELAXED);
            if (!in_run) {
                run = p;
                in_run = true;
            }
        } else if (in_run) {
            exec_invalidate_range((uint32_t)(run << GUEST_PAGE_SHIFT),
                                  (uint32_t)((p - run) << GUEST_PAGE_SHIFT));
            in_run = false;
        }
    }
    exec_code_unlock();
}

bool guest_range_is_free(uint32_t start, uint64_t length)
{
    uint64_t first = start >> GUEST_PAGE_SHIFT;
    uint64_t end = ((uint64_t)start + length + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_SHIFT;
    if (end > GUEST_PAGE_COUNT)
        return false;
    for (uint64_t p = first; p < end; p++)
        if (flags_load((uint32_t)p) & GPAGE_MAPPED)
            return false;
    return true;
}

/* ---- self-modifying code ---- */

void guest_mem_mark_code(uint32_t page_addr)
{
    uint32_t page = page_addr >> GUEST_PAGE_SHIFT;
    uint8_t f = flags_load(page);
    if (!(f & GPAGE_MAPPED))
        return;
    if (!(f & GPAGE_WRITE)) {
        __atomic_or_fetch(&guest_page_flags[page], GPAGE_CODE, __ATOMIC_RELAXED);
        return;
    }
    if ((f & (GPAGE_CODE | GPAGE_WPROTECT)) == (GPAGE_CODE | GPAGE_WPROTECT))
        return;
    __atomic_or_fetch(&guest_page_flags[page], GPAGE_CODE | GPAGE_WPROTECT, __ATOMIC_RELAXED);
    uint32_t host_page = (uint32_t)(page_addr & ~(uint64_t)(host_page_size - 1));
    mprotect(guest_to_host(host_page), host_page_size, host_prot_of_host_page(host_page));
}

/* Async-signal-safe for a thread not holding the code lock: atomics,
 * exec_invalidate_range and mprotect only. The whole change is made under
 * the code lock, so a block builder (which write-protects, then decodes,
 * under that lock) never sees the flags and the protection disagree. */
static void unprotect_code_host_page(uint32_t addr)
{
    exec_code_lock();
    uint32_t per_host = (uint32_t)(host_page_size / GUEST_PAGE_SIZE);
    uint32_t host_page = (uint32_t)(addr & ~(uint64_t)(host_page_size - 1));
    uint32_t first = host_page >> GUEST_PAGE_SHIFT;
    bool changed = false;
    for (uint32_t i = 0; i < per_host; i++) {
        if (!(flags_load(first + i) & GPAGE_WPROTECT))
            continue;
        uint8_t old = __atomic_fetch_and(&guest_page_flags[first + i],
                                         (uint8_t)~(GPAGE_CODE | GPAGE_WPROTECT),
                                         __ATOMIC_RELAXED);
        if (old & GPAGE_WPROTECT) {
            exec_invalidate_range((first + i) << GUEST_PAGE_SHIFT, GUEST_PAGE_SIZE);
            changed = true;
        }
    }
    if (changed && current_guest_thread)
        current_guest_thread->code_changed = 1;
    mprotect(guest_to_host(host_page), host_page_size, host_prot_of_host_page(host_page));
    exec_code_unlock();
}

bool guest_mem_handle_code_write(uint32_t addr)
{
    if (!guest_page_flags)
        return false;
    uint8_t f = flags_load(addr >> GUEST_PAGE_SHIFT);
    if ((f & (GPAGE_MAPPED | GPAGE_WRITE)) != (GPAGE_MAPPED | GPAGE_WRITE))
        return false;
    /* A guest-writable page only faults on write while it (or a page in the
     * same host page) is write-protected code, or just was (another thread
     * won the race): either way, retrying is right. */
    unprotect_code_host_page(addr);
    return true;
}

/* ---- pointer checks for system calls ---- */

bool guest_access_ok(uint32_t addr, uint32_t len, int prot)
{
    if (len == 0)
        return true;
    if (!guest_page_flags || (uint64_t)addr + len > FOUR_GIB)
        return false;
    uint32_t first = addr >> GUEST_PAGE_SHIFT;
    uint32_t last = (uint32_t)(((uint64_t)addr + len - 1) >> GUEST_PAGE_SHIFT);
    bool any_wprotect = false;
    for (uint32_t p = first; p <= last; p++) {
        uint8_t f = flags_load(p);
        if (!(f & GPAGE_MAPPED))
            return false;
        if ((prot & GUEST_PROT_READ) && !(f & (GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC)))
            return false;
        if ((prot & GUEST_PROT_WRITE) && !(f & GPAGE_WRITE))
            return false;
        if (f & GPAGE_WPROTECT)
            any_wprotect = true;
    }
    if ((prot & GUEST_PROT_WRITE) && any_wprotect) {
        for (uint32_t p = first; p <= last; p++)
            if (flags_load(p) & GPAGE_WPROTECT)
                unprotect_code_host_page(p << GUEST_PAGE_SHIFT);
    }
    return true;
}

long guest_strlen_checked(uint32_t addr, size_t max)
{
    size_t length = 0;
    uint64_t a = addr;
    while (length < max) {
        if (a >= FOUR_GIB || !guest_access_ok((uint32_t)a, 1, GUEST_PROT_READ))
            return -EFAULT;
        size_t in_page = GUEST_PAGE_SIZE - (size_t)(a & (GUEST_PAGE_SIZE - 1));
        if (in_page > max - length)
            in_page = max - length;
        const char *p = guest_to_host((uint32_t)a);
        const char *nul = memchr(p, 0, in_page);
        if (nul)
            return (long)(length + (size_t)(nul - p) + 1);
        length += in_page;
        a += in_page;
    }
    return -ENAMETOOLONG;
}

int guest_copy_from(void *dst, uint32_t src, size_t len)
{
    if (len >= FOUR_GIB || !guest_access_ok(src, (uint32_t)len, GUEST_PROT_READ))
        return -EFAULT;
    if (len)
        memcpy(dst, guest_to_host(src), len);
    return 0;
}

int guest_copy_to(uint32_t dst, const void *src, size_t len)
{
    if (len >= FOUR_GIB || !guest_access_ok(dst, (uint32_t)len, GUEST_PROT_WRITE))
        return -EFAULT;
    if (len)
        memcpy(guest_to_host(dst), src, len);
    return 0;
}

/* ---- debugging ---- */

void guest_mem_dump(int fd)
{
    if (!guest_page_flags)
        return;
    const uint8_t shown = GPAGE_MAPPED | GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC;
    uint32_t p = 0;
    while (p < GUEST_PAGE_COUNT) {
        uint8_t f = flags_load(p) & shown;
        uint32_t q = p + 1;
        while (q < GUEST_PAGE_COUNT && (flags_load(q) & shown) == f)
            q++;
        /* /proc/self/maps layout; names and offsets are not tracked. */
        if (f & GPAGE_MAPPED)
            dprintf(fd, "%08x-%08llx %c%c%cp 00000000 00:00 0%s\n", p << GUEST_PAGE_SHIFT,
                    (unsigned long long)q << GUEST_PAGE_SHIFT,
                    (f & GPAGE_READ) ? 'r' : '-', (f & GPAGE_WRITE) ? 'w' : '-',
                    (f & GPAGE_EXEC) ? 'x' : '-',
                    p << GUEST_PAGE_SHIFT == GUEST_VECTOR_PAGE ? "          [vectors]" : "");
        p = q;
    }
}
