/*
 * SysV shared memory inside the guest space: shmat places a segment at a
 * guest address (chosen like an mmap without hint, or the guest's own),
 * replacing the PROT_NONE placeholder there (SHM_REMAP on the host), and
 * records it in the guest page flags; shmdt puts the placeholder back.
 * Kept apart from guest_mmap.c: only the entry points are new, the
 * bookkeeping is the memory layer's own (guest_mem_internal.h).
 *
 * Host page rounding: a segment occupies whole host pages (the host
 * kernel maps it so), the guest page flags cover its 4 KiB-rounded size.
 */
#include <errno.h>
#include <sys/shm.h>

#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

static uint64_t host_round(uint64_t v)
{
    return (v + host_page_size - 1) & ~((uint64_t)host_page_size - 1);
}

int64_t guest_shm_attach(int shmid, uint32_t addr, uint32_t size, int shmflg)
{
    uint64_t length = host_round(size);
    if (size == 0 || length > GUEST_MAP_LIMIT)
        return -EINVAL;
    pthread_mutex_lock(&guest_mem_lock);
    int64_t r;
    if (addr == 0) {
        r = guest_find_free_locked(0, (uint32_t)length);
        if (r < 0)
            goto out;
        addr = (uint32_t)r;
    } else {
        r = -EINVAL;
        if (addr % host_page_size || addr < guest_min_addr ||
            (uint64_t)addr + length > GUEST_MAP_LIMIT)
            goto out;
        if (!guest_range_is_free(addr, length)) {
            if (!(shmflg & SHM_REMAP))
                goto out;
            r = guest_unmap_range_locked(addr, length);
            if (r < 0)
                goto out;
        }
    }
    /* SHM_REMAP: the placeholder mapping there is replaced atomically. */
    void *h = shmat(shmid, guest_to_host(addr), (shmflg & (SHM_RDONLY | SHM_EXEC)) | SHM_REMAP);
    if (h == (void *)-1) {
        r = -errno;
        goto out;
    }
    uint8_t f = GPAGE_MAPPED | GPAGE_READ;
    if (!(shmflg & SHM_RDONLY))
        f |= GPAGE_WRITE;
    if ((shmflg & SHM_EXEC) || guest_read_implies_exec)
        f |= GPAGE_EXEC;
    uint32_t pages = (uint32_t)(((uint64_t)size + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_SHIFT);
    for (uint32_t i = 0; i < pages; i++)
        guest_page_flags[(addr >> GUEST_PAGE_SHIFT) + i] = f;
    r = guest_mem_apply_host_prot(addr, length);
    if (r == 0)
        r = addr;
out:
    pthread_mutex_unlock(&guest_mem_lock);
    return r;
}

int guest_shm_detach(uint32_t addr, uint32_t size)
{
    pthread_mutex_lock(&guest_mem_lock);
    int r = guest_unmap_range_locked(addr, host_round(size));
    pthread_mutex_unlock(&guest_mem_lock);
    return r;
}
