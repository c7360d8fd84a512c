/*
 * Block cache implementation: building blocks from guest memory, the hash
 * table, the per-page block lists used by invalidation, and the jump cache.
 *
 * Invariants:
 *  - A live block is on exactly one hash chain and on the page list of
 *    each guest page it was decoded from (one, or two when a T32 32-bit
 *    instruction straddles a page boundary).
 *  - A jump cache entry either holds EXEC_NO_KEY or a live block whose key
 *    equals the entry's key.
 *  - Dropped blocks are unlinked everywhere and kept on the zombie list
 *    until no thread can reach them (see block_cache.h); invalidation
 *    never allocates or frees, so it may run inside the host fault
 *    handler.
 *  - The hash table, page lists, zombie list, successor links and the
 *    thread registry change only under the cache lock. The lock is
 *    recursive so that guest_mem.c can hold it around an unprotect that
 *    invalidates; no thread writes guest memory while holding it, so the
 *    code-write fault handler never finds its own thread inside.
 *  - Lock order: guest_mem_lock (mmap) before the cache lock.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "exec/block_cache.h"
#include "exec/interp.h"
#include "exec/jit.h"
#include "guest/decode.h"
#include "mem/guest_mem.h"

__thread struct exec_jump_entry exec_jump_cache[EXEC_JUMP_CACHE_SIZE];
uint32_t exec_link_epoch = 1;

static pthread_mutex_t cache_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

#define HASH_BITS 16
#define HASH_SIZE (1u << HASH_BITS)

/* All mutable cache state, under cache_lock. */
static struct {
    struct exec_block **hash;           /* HASH_SIZE chains */
    struct exec_block **page_blocks;    /* GUEST_PAGE_COUNT lists */
    struct exec_block *zombies;
    struct guest_thread *threads;       /* registered threads */
    struct block_cache_stats stats;
} cache;

void block_cache_lock(void)
{
    pthread_mutex_lock(&cache_lock);
}

void block_cache_unlock(void)
{
    pthread_mutex_unlock(&cache_lock);
}

static unsigned hash_index(uint64_t key)
{
    return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> (64 - HASH_BITS));
}

int block_cache_init(void)
{
    if (cache.hash)
        return 0;
    cache.hash = calloc(HASH_SIZE, sizeof *cache.hash);
    if (!cache.hash)
        return -1;
    /* 8 MiB of pointers, touched only for pages that hold code. */
    void *pages = mmap(NULL, (size_t)GUEST_PAGE_COUNT * sizeof(struct exec_block *),
                       PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (pages == MAP_FAILED) {
        free(cache.hash);
        cache.hash = NULL;
        return -1;
    }
    cache.page_blocks = pages;
    return 0;
}

static void jump_cache_flush(void)
{
    for (unsigned i = 0; i < EXEC_JUMP_CACHE_SIZE; i++)
        exec_jump_cache[i] = (struct exec_jump_entry){ EXEC_NO_KEY, NULL };
}

/* ---- threads and reclamation ---- */

void block_cache_register(struct guest_thread *thread)
{
    block_cache_lock();
    if (!thread->registered) {
        thread->registered = 1;
        thread->jump_cache_epoch = 0;       /* flushed at the first quiesce */
        __atomic_store_n(&thread->quiescent_epoch, EXEC_EPOCH_OFFLINE, __ATOMIC_SEQ_CST);
        thread->registry_next = cache.threads;
        cache.threads = thread;
    }
    block_cache_unlock();
}

void block_cache_unregister(struct guest_thread *thread)
{
    block_cache_lock();
    for (struct guest_thread **pp = &cache.threads; *pp; pp = &(*pp)->registry_next) {
        if (*pp == thread) {
            *pp = thread->registry_next;
            break;
        }
    }
    thread->registered = 0;
    block_cache_unlock();
}

void block_cache_after_fork_child(struct guest_thread *self)
{
    pthread_mutex_t fresh = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
    cache_lock = fresh;
    cache.threads = NULL;
    if (self && self->registered) {
        self->registry_next = NULL;
        cache.threads = self;
    }
}

/* Frees the zombies every registered thread has quiesced past. */
static void collect(void)
{
    block_cache_lock();
    uint32_t min = EXEC_EPOCH_OFFLINE;
    for (struct guest_thread *t = cache.threads; t; t = t->registry_next) {
        uint32_t q = __atomic_load_n(&t->quiescent_epoch, __ATOMIC_SEQ_CST);
        if (q < min)
            min = q;
    }
    struct exec_block **pp = &cache.zombies;
    while (*pp) {
        struct exec_block *b = *pp;
        if (b->drop_epoch <= min) {
            *pp = b->zombie_next;
            free(b);
        } else {
            pp = &b->zombie_next;
        }
    }
    block_cache_unlock();
}

void block_cache_offline(struct guest_thread *thread)
{
    __atomic_store_n(&thread->quiescent_epoch, EXEC_EPOCH_OFFLINE, __ATOMIC_RELEASE);
}

void block_cache_quiesce(struct guest_thread *thread)
{
    uint32_t epoch = __atomic_load_n(&exec_link_epoch, __ATOMIC_SEQ_CST);
    uint32_t published = thread->quiescent_epoch;
    if (published == epoch)
        return;
    if (published == EXEC_EPOCH_OFFLINE) {
        /* Coming back: publish what the jump cache is valid for before
         * reading the epoch again (seq_cst on both sides: a collector that
         * still saw OFFLINE bumped the epoch before this load). */
        __atomic_store_n(&thread->quiescent_epoch, thread->jump_cache_epoch,
                         __ATOMIC_SEQ_CST);
        epoch = __atomic_load_n(&exec_link_epoch, __ATOMIC_SEQ_CST);
    }
    if (thread->jump_cache_epoch != epoch) {
        jump_cache_flush();
        thread->jump_cache_epoch = epoch;
    }
    __atomic_store_n(&thread->quiescent_epoch, epoch, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&cache.zombies, __ATOMIC_RELAXED))
        collect();
}

void block_cache_link(struct exec_block *block, unsigned slot,
                      struct exec_block *target, uint32_t epoch)
{
    block_cache_lock();
    if (!target->invalid && !block->invalid &&
        __atomic_load_n(&exec_link_epoch, __ATOMIC_RELAXED) == epoch) {
        __atomic_store_n(&block->succ[slot], target, __ATOMIC_RELAXED);
        __atomic_store_n(&block->link_epoch[slot], epoch, __ATOMIC_RELEASE);
    }
    block_cache_unlock();
}

static uint32_t page_flags(uint64_t addr)
{
    if (addr >= GUEST_SPACE_SIZE || !guest_page_flags)
        return 0;
    return guest_page_flags[addr >> GUEST_PAGE_SHIFT];
}

static void set_exec_fault(struct exec_build_fault *fault, uint32_t pc,
                           uint64_t page_addr)
{
    fault->signo = SIGSEGV;
    fault->code = (page_flags(page_addr) & GPAGE_MAPPED) ? SEGV_ACCERR : SEGV_MAPERR;
    fault->addr = pc;
}

static bool is_literal_capable_op(unsigned op)
{
    return (op >= OP_LDR_IMM && op <= OP_STRD_REG) || op == OP_LDM || op == OP_STM ||
           (op > OP_VFP_FIRST_ && op < OP_VFP_END_);   /* VLDR/VSTR literal */
}

/* Write-protects a page before its code is read: a write by another thread
 * after this point faults and invalidates the block being built (it waits
 * for the cache lock); marking after decoding would let a write slip in
 * between unnoticed. */
static void mark_code_page(uint32_t page_addr)
{
    if (!(page_flags(page_addr) & GPAGE_CODE))
        guest_mem_mark_code(page_addr);
}

/* Decodes the block at (pc, thumb, itstate) into insns; returns the count
 * (0 with *fault filled if the first instruction cannot be fetched). */
static unsigned decode_block(uint32_t pc, uint32_t thumb, uint32_t itstate,
                             struct exec_insn *insns, uint32_t *end_pc,
                             uint32_t *exit_itstate, bool *straddles,
                             struct exec_build_fault *fault)
{
    uint64_t page_start = pc & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    uint64_t page_end = page_start + GUEST_PAGE_SIZE;
    uint64_t cur = pc;
    uint32_t it = thumb ? itstate : 0;
    unsigned n = 0;

    *straddles = false;
    if (!(page_flags(pc) & GPAGE_EXEC)) {
        set_exec_fault(fault, pc, pc);
        return 0;
    }
    mark_code_page((uint32_t)page_start);
    while (n < EXEC_BLOCK_MAX_INSNS && cur < page_end) {
        struct exec_insn *e = &insns[n];
        uint32_t addr = (uint32_t)cur;
        unsigned length;
        if (thumb) {
            uint16_t hw1 = guest_load16(addr), hw2 = 0;
            if (guest_t32_is_32bit(hw1)) {
                if (cur + 2 >= page_end) {
                    if (!(page_flags(page_end) & GPAGE_EXEC)) {
                        if (n == 0) {
                            set_exec_fault(fault, pc, page_end);
                            return 0;
                        }
                        break;
                    }
                    *straddles = true;
                    mark_code_page((uint32_t)page_end);
                }
                hw2 = guest_load16(addr + 2);
            }
            length = guest_decode_t32(addr, hw1, hw2, it, &e->g);
            e->pc_read = addr + 4;
            if (e->g.rn == 15 && is_literal_capable_op(e->g.op))
                e->pc_read &= ~3u;
            it = exec_next_itstate(&e->g);
        } else {
            guest_decode_a32(addr, guest_load32(addr), &e->g);
            length = 4;
            e->pc_read = addr + 8;
        }
        e->g.thumb = (uint8_t)thumb;
        n++;
        cur += length;
        if (guest_insn_ends_block(&e->g) || *straddles)
            break;
    }
    *end_pc = (uint32_t)cur;
    *exit_itstate = it;
    return n;
}

static void jump_cache_fill(struct exec_block *b)
{
    struct exec_jump_entry *e = &exec_jump_cache[exec_jump_index(b->pc, b->itstate)];
    e->block = b;
    e->key = b->key;
}

static struct exec_block *build_block(uint32_t pc, uint32_t thumb, uint32_t itstate,
                                      struct exec_build_fault *fault)
{
    struct exec_insn insns[EXEC_BLOCK_MAX_INSNS + 1];
    uint32_t end_pc, exit_itstate;
    bool straddles;
    unsigned n = decode_block(pc, thumb, itstate, insns, &end_pc, &exit_itstate,
                              &straddles, fault);
    if (n == 0)
        return NULL;

    for (unsigned i = 0; i < n; i++)
        interp_prepare_insn(&insns[i]);
    interp_prepare_sentinel(&insns[n], end_pc, exit_itstate);
    struct exec_block *b = malloc(sizeof *b + (n + 1) * sizeof(struct exec_insn));
    if (!b) {
        static const char msg[] = "a32run: out of memory for decoded code\n";
        if (write(2, msg, sizeof msg - 1) < 0) {
            /* nothing more to do */
        }
        abort();
    }
    memset(b, 0, sizeof *b);
    memcpy(b->insns, insns, (n + 1) * sizeof(struct exec_insn));
    b->key = exec_block_key(pc, thumb, itstate);
    b->pc = pc;
    b->end_pc = end_pc;
    b->count = (uint16_t)n;
    b->size = (uint16_t)(end_pc - pc);
    b->thumb = (uint8_t)thumb;
    b->itstate = (uint8_t)itstate;
    b->exit_itstate = (uint8_t)exit_itstate;
    jit_compile_block(b, interp_jit_handler());

    unsigned h = hash_index(b->key);
    b->hash_next = cache.hash[h];
    cache.hash[h] = b;

    uint32_t first_page = pc >> GUEST_PAGE_SHIFT;
    b->page_next[0] = cache.page_blocks[first_page];
    cache.page_blocks[first_page] = b;
    if (straddles) {
        uint32_t second_page = first_page + 1;
        b->page_next[1] = cache.page_blocks[second_page];
        cache.page_blocks[second_page] = b;
    }

    cache.stats.blocks_built++;
    cache.stats.insns_decoded += n;
    cache.stats.blocks_live++;
    return b;
}

struct exec_block *block_cache_find_or_build(uint32_t pc, uint32_t thumb,
                                             uint32_t itstate,
                                             struct exec_build_fault *fault)
{
    uint64_t key = exec_block_key(pc, thumb, itstate);
    block_cache_lock();
    cache.stats.lookups_slow++;
    struct exec_block *b;
    for (b = cache.hash[hash_index(key)]; b; b = b->hash_next)
        if (b->key == key)
            break;
    if (!b)
        b = build_block(pc, thumb, itstate, fault);
    block_cache_unlock();
    /* Live now, so it stays allocated until this thread quiesces, which
     * flushes the jump cache if it was dropped meanwhile. */
    if (b)
        jump_cache_fill(b);
    return b;
}

static uint32_t block_first_page(const struct exec_block *b)
{
    return b->pc >> GUEST_PAGE_SHIFT;
}

static uint32_t block_last_page(const struct exec_block *b)
{
    return (uint32_t)(((uint64_t)b->pc + b->size - 1) >> GUEST_PAGE_SHIFT);
}

/* Link slot of b in the list of page. */
static struct exec_block **page_link(struct exec_block *b, uint32_t page)
{
    return &b->page_next[block_first_page(b) == page ? 0 : 1];
}

static void unlink_from_page(struct exec_block *b, uint32_t page)
{
    for (struct exec_block **pp = &cache.page_blocks[page]; *pp; pp = page_link(*pp, page)) {
        if (*pp == b) {
            *pp = *page_link(b, page);
            return;
        }
    }
}

static void drop_block(struct exec_block *b, uint32_t drop_epoch)
{
    for (struct exec_block **pp = &cache.hash[hash_index(b->key)]; *pp; pp = &(*pp)->hash_next) {
        if (*pp == b) {
            *pp = b->hash_next;
            break;
        }
    }
    b->invalid = 1;
    b->drop_epoch = drop_epoch;
    b->zombie_next = cache.zombies;
    cache.zombies = b;
    cache.stats.blocks_invalidated++;
    cache.stats.blocks_live--;
}

unsigned block_cache_invalidate(uint32_t start, uint64_t length)
{
    if (!cache.hash || length == 0)
        return 0;
    block_cache_lock();
    cache.stats.invalidate_calls++;
    /* Blocks dropped here are unreachable for a thread once it has seen
     * the bumped epoch (the bump comes after the unlinking, below). */
    uint32_t drop_epoch = exec_link_epoch + 1;
    uint64_t end = (uint64_t)start + length;
    if (end > GUEST_SPACE_SIZE)
        end = GUEST_SPACE_SIZE;
    unsigned dropped = 0;
    uint32_t first = start >> GUEST_PAGE_SHIFT;
    uint32_t last = (uint32_t)((end - 1) >> GUEST_PAGE_SHIFT);
    for (uint64_t page = first; page <= last; page++) {
        uint32_t p = (uint32_t)page;
        struct exec_block **pp = &cache.page_blocks[p];
        while (*pp) {
            struct exec_block *b = *pp;
            if (b->pc < end && (uint64_t)b->pc + b->size > start) {
                *pp = *page_link(b, p);
                uint32_t fp = block_first_page(b), lp = block_last_page(b);
                if (fp != lp)
                    unlink_from_page(b, fp == p ? lp : fp);
                drop_block(b, drop_epoch);
                dropped++;
            } else {
                pp = page_link(b, p);
            }
        }
    }
    if (dropped)
        __atomic_store_n(&exec_link_epoch, drop_epoch, __ATOMIC_SEQ_CST);
    block_cache_unlock();
    return dropped;
}

void block_cache_get_stats(struct block_cache_stats *stats)
{
    block_cache_lock();
    *stats = cache.stats;
    block_cache_unlock();
}
