/*
 * Internals shared by the memory layer's files (guest_mem.c, guest_mmap.c,
 * vector_page.c) and by the ELF loader, which places the program, the
 * stack and the mmap area. Not for the rest of the translator.
 *
 * Invariants:
 *  - The reservation [guest_base + guest_min_addr, guest_base + 4 GiB +
 *    GUEST_GUARD_SIZE) is always fully covered by host mappings: guest
 *    mappings or PROT_NONE placeholders. Nothing else can ever land in it.
 *  - guest_page_flags[] is the truth about guest mappings; the host
 *    protection of a host page is derived from the flags of the guest pages
 *    it covers (host_prot_of_host_page()), never stored elsewhere.
 *  - Structural changes (mmap, munmap, mprotect, mremap, brk) hold
 *    guest_mem_lock. The fault path (guest_mem_handle_code_write) takes no
 *    lock: it only clears CODE/WPROTECT bits atomically and re-derives the
 *    host protection, which converges whatever the interleaving.
 */
#ifndef A32RUN_MEM_GUEST_MEM_INTERNAL_H
#define A32RUN_MEM_GUEST_MEM_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "mem/guest_mem.h"

/* Layout of the guest space (see guest_mmap.c for the reasons):
 * the main stack ends at GUEST_STACK_TOP like a 3G/1G armhf kernel's
 * TASK_SIZE; top-down mmap allocation starts below the stack gap; the space
 * between the stack and the vector page is used only when the rest is full
 * (a 64-bit kernel's compat tasks may use it too). */
#define GUEST_STACK_TOP      0xbf000000u
#define GUEST_STACK_GAP_MIN  (128u << 20)
#define GUEST_MAP_LIMIT      GUEST_VECTOR_PAGE  /* first address not mappable */

extern uint32_t guest_min_addr;     /* lowest mappable guest address */
extern uint32_t guest_mmap_base;    /* top-down allocation starts below this */
extern pthread_mutex_t guest_mem_lock;
/* Linux READ_IMPLIES_EXEC personality: an ARM program without a
 * non-executable PT_GNU_STACK gets PROT_EXEC with every PROT_READ. */
extern bool guest_read_implies_exec;

static inline uint32_t guest_page_round_up(uint32_t v)
{
    return (v + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
}

/* Host protection (PROT_*) that the host page containing guest address
 * addr must have, from the flags of all guest pages it covers. */
int host_prot_of_host_page(uint32_t addr);

/* Re-derives and applies host protection for every host page overlapping
 * [start, start + length). Returns 0 or -errno. */
int guest_mem_apply_host_prot(uint32_t start, uint64_t length);

/* Replaces the host pages overlapping [start, start + length) that no
 * longer hold any mapped guest page by fresh PROT_NONE placeholders. */
int guest_mem_release_host_pages(uint32_t start, uint64_t length);

/* Drops decoded code for CODE pages in the range and clears their
 * CODE/WPROTECT bits (host protection is not touched). */
void guest_mem_forget_code(uint32_t start, uint64_t length);

/* True if no guest page in [start, start + length) is mapped. */
bool guest_range_is_free(uint32_t start, uint64_t length);

/* Maps [addr, addr + length) (page aligned, inside the space, already
 * free) with the given guest prot and flags; lock held. 0 or -errno. */
int guest_map_range_locked(uint32_t addr, uint32_t length, int prot,
                           int flags, int fd, uint64_t offset);

/* Unmaps [addr, addr + length) (page aligned); lock held. */
int guest_unmap_range_locked(uint32_t addr, uint64_t length);

/* Free range search with alignment; lock held. */
int64_t guest_find_free_locked(uint32_t hint, uint32_t length);

/* Switches an identity placement to a base offset. Only possible while no
 * guest page is mapped (the loader uses it for programs linked below the
 * host's vm.mmap_min_addr). 0 or -errno. */
int guest_mem_relocate_to_offset(void);

/* Sets where top-down allocation starts (the loader calls it after placing
 * the stack). */
void guest_mem_set_mmap_base(uint32_t base);

/* Tests only: pretend the host page size is page_size (a multiple of the
 * real one), to exercise the large-page paths on a 4 KiB host. Must be
 * called before guest_mem_init(). */
void guest_mem_test_set_host_page_size(size_t page_size);

#endif
