/*
 * Guest memory: the 4 GiB guest address space and its mappings.
 *
 * The whole space is reserved at start-up (PROT_NONE) plus a guard beyond
 * 4 GiB, so that any 32-bit guest address, plus an access of up to 16 bytes,
 * lands inside the reservation: guest code can never reach host memory.
 * Placement is identity (guest_base == 0) when the low 4 GiB is free,
 * otherwise a base offset; every translation goes through guest_to_host()
 * so both placements use the same code.
 *
 * Page size: guest pages are 4 KiB (the ARM Linux ABI); the host page size
 * is read at run time (4 KiB, 16 KiB or 64 KiB) and never assumed. A per
 * guest page flag table records what the guest mapped and with which
 * protection; syscall pointer checks and self-modifying-code tracking use it.
 */
#ifndef A32RUN_MEM_GUEST_MEM_H
#define A32RUN_MEM_GUEST_MEM_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <string.h>

#define GUEST_PAGE_SIZE 4096u
#define GUEST_PAGE_SHIFT 12
#define GUEST_PAGE_COUNT (1u << (32 - GUEST_PAGE_SHIFT))
#define GUEST_SPACE_SIZE (1ull << 32)
/* Reservation beyond 4 GiB so that unaligned/multi-word accesses near the
 * top of the space fault inside the reservation. */
#define GUEST_GUARD_SIZE (1ull << 20)

/* Guest page flags (guest_page_flags[]). */
#define GPAGE_READ      0x01u
#define GPAGE_WRITE     0x02u
#define GPAGE_EXEC      0x04u
#define GPAGE_MAPPED    0x08u
#define GPAGE_CODE      0x10u   /* decoded blocks exist for this page */
#define GPAGE_WPROTECT  0x20u   /* host-protected read-only to catch guest
                                   writes to code (GPAGE_WRITE still set) */

/* Guest protection bits, same values as Linux PROT_* */
#define GUEST_PROT_READ  1
#define GUEST_PROT_WRITE 2
#define GUEST_PROT_EXEC  4

/* Vector page (kuser helpers). */
#define GUEST_VECTOR_PAGE 0xffff0000u

struct guest_mem_options {
    bool force_offset;      /* never try identity placement (tests) */
};

extern uintptr_t guest_base;         /* host address of guest address 0 */
extern size_t host_page_size;        /* sysconf(_SC_PAGESIZE) */
extern uint8_t *guest_page_flags;    /* GUEST_PAGE_COUNT entries */

static inline void *guest_to_host(uint32_t addr)
{
    return (void *)(guest_base + addr);
}

/* True when the host address lies inside the guest reservation; *addr gets
 * the guest address. */
static inline bool host_to_guest(uintptr_t host, uint32_t *addr)
{
    if (host < guest_base || host - guest_base >= GUEST_SPACE_SIZE)
        return false;
    *addr = (uint32_t)(host - guest_base);
    return true;
}

/* Raw guest accesses from the executor. Faults (unmapped, protection) arrive
 * as host SIGSEGV/SIGBUS and are turned into guest signals by the fault
 * handler; unaligned accesses are allowed (memcpy). */
static inline uint8_t guest_load8(uint32_t a)
{ return *(volatile uint8_t *)guest_to_host(a); }
static inline uint16_t guest_load16(uint32_t a)
{ uint16_t v; memcpy(&v, guest_to_host(a), 2); return v; }
static inline uint32_t guest_load32(uint32_t a)
{ uint32_t v; memcpy(&v, guest_to_host(a), 4); return v; }
static inline uint64_t guest_load64(uint32_t a)
{ uint64_t v; memcpy(&v, guest_to_host(a), 8); return v; }
static inline void guest_store8(uint32_t a, uint8_t v)
{ *(volatile uint8_t *)guest_to_host(a) = v; }
static inline void guest_store16(uint32_t a, uint16_t v)
{ memcpy(guest_to_host(a), &v, 2); }
static inline void guest_store32(uint32_t a, uint32_t v)
{ memcpy(guest_to_host(a), &v, 4); }
static inline void guest_store64(uint32_t a, uint64_t v)
{ memcpy(guest_to_host(a), &v, 8); }

/* Reserves the guest space. Returns 0 or -errno; prints nothing. */
int guest_mem_init(const struct guest_mem_options *options);

/* True if identity placement was obtained. */
bool guest_mem_is_identity(void);

/* mmap semantics inside the guest space (Linux mmap2 with byte offset).
 * Returns the guest address, or a negative errno in the range -4095..-1
 * (compare with guest_mem_is_error()). addr is a hint unless
 * GUEST_MAP_FIXED / GUEST_MAP_FIXED_NOREPLACE. flags are Linux ARM MAP_*
 * values (same numbers as the host's generic ones). */
int64_t guest_mmap(uint32_t addr, uint32_t length, int prot, int flags,
                   int fd, uint64_t offset);
int guest_munmap(uint32_t addr, uint32_t length);
int guest_mprotect(uint32_t addr, uint32_t length, int prot);
int64_t guest_mremap(uint32_t old_addr, uint32_t old_size, uint32_t new_size,
                     int flags, uint32_t new_addr);

/* Finds a free range of length bytes at or above hint (0: anywhere). */
int64_t guest_find_free(uint32_t hint, uint32_t length);

/* brk: the loader sets the initial break; guest_brk(0) queries. */
void guest_brk_init(uint32_t start);
uint32_t guest_brk(uint32_t new_brk);

/* Checks that [addr, addr+len) is mapped with at least prot
 * (GUEST_PROT_READ/WRITE). For writes it also makes write-protected code
 * pages writable again (invalidating their decoded blocks), so the host
 * kernel can write there. len 0 is always fine. */
bool guest_access_ok(uint32_t addr, uint32_t len, int prot);

/* Length of the NUL-terminated guest string at addr including the NUL, or
 * -EFAULT if it runs into unreadable memory, or -ENAMETOOLONG past max. */
long guest_strlen_checked(uint32_t addr, size_t max);

/* Copies between host and guest with checks; return 0 or -EFAULT. */
int guest_copy_from(void *dst, uint32_t src, size_t len);
int guest_copy_to(uint32_t dst, const void *src, size_t len);

/* Self-modifying code support, called by the block cache: marks a guest
 * page as holding decoded code (and write-protects it on the host if the
 * guest may write it). */
void guest_mem_mark_code(uint32_t page_addr);

/* Called from the host fault handler for a write fault at guest address
 * addr: if the page is write-protected code, invalidates its blocks,
 * restores write access and returns true (the access is retried). */
bool guest_mem_handle_code_write(uint32_t addr);

/* Maps the vector page with the kuser helpers (read + exec). */
int guest_mem_map_vector_page(void);

/* Snapshot of mappings for /proc/self/maps-like debugging. */
void guest_mem_dump(int fd);

/* Guest (Linux ARM) mmap flag values used by guest_mmap()/guest_mremap().
 * They equal the host's generic Linux values; spelled out so callers need
 * not rely on that. (Appended by the memory layer.) */
#define GUEST_MAP_SHARED          0x01
#define GUEST_MAP_PRIVATE         0x02
#define GUEST_MAP_SHARED_VALIDATE 0x03
#define GUEST_MAP_TYPE            0x0f
#define GUEST_MAP_FIXED           0x10
#define GUEST_MAP_ANONYMOUS       0x20
#define GUEST_MAP_NORESERVE       0x4000
#define GUEST_MAP_POPULATE        0x8000
#define GUEST_MAP_HUGETLB         0x40000
#define GUEST_MAP_SYNC            0x80000
#define GUEST_MAP_FIXED_NOREPLACE 0x100000
#define GUEST_MREMAP_MAYMOVE      1
#define GUEST_MREMAP_FIXED        2
#define GUEST_MREMAP_DONTUNMAP    4

/* SysV shared memory (guest_shm.c; appended for sys_ipc.c). Attaches
 * segment shmid of size bytes at guest address addr (0: the layer picks
 * one; else it must be host-page aligned, and SHM_REMAP allows replacing
 * guest mappings there); shmflg are the shmat flags. Returns the guest
 * address or -errno. Detach takes the address and size attach used. */
int64_t guest_shm_attach(int shmid, uint32_t addr, uint32_t size, int shmflg);
int guest_shm_detach(uint32_t addr, uint32_t size);

#endif
