/*
 * Block cache: decoded guest code, keyed by (pc, thumb, ITSTATE).
 *
 * A block is a run of pre-decoded instructions from one guest page (a T32
 * 32-bit instruction may straddle into the next page) that ends at the
 * first instruction that cannot be followed by the next one in memory, at
 * a length limit or at the page end. Lookup goes through a small
 * direct-mapped jump cache first, then a hash table.
 *
 * Threads: the hash table and the per-page lists are shared by all guest
 * threads and change only under the cache lock; each thread has its own
 * jump cache. Invalidation (self-modifying code, munmap, cacheflush)
 * unlinks blocks at once and bumps the code epoch (exec_link_epoch), but
 * frees them only when every thread has passed a block boundary after the
 * bump (quiescent-state reclamation): a thread publishes the epoch it has
 * seen in block_cache_quiesce(), flushing its jump cache when the epoch
 * moved, and a block dropped at epoch D is freed once every running
 * thread has published an epoch >= D. So no thread ever runs a freed
 * block, and a thread that is executing a block when its code is
 * invalidated (possibly from its own host fault handler) finishes the
 * current instruction safely.
 *
 * Successor links (exec_block.succ/link_epoch) let the interpreter go from
 * block to block without a lookup. A link is written only under the cache
 * lock with the current epoch and a live target, so a link whose epoch
 * equals the epoch the reader loaded points at a block that is not freed
 * before the reader's next quiescent point.
 */
#ifndef A32RUN_EXEC_BLOCK_CACHE_H
#define A32RUN_EXEC_BLOCK_CACHE_H

#include <stdint.h>
#include <stdbool.h>

#include "guest/insn.h"
#include "exec/exec.h"

/* A decoded instruction as the interpreter sees it. pc_read is the value
 * r[15] reads as while it executes: insn pc + 8 (A32), + 4 (T32), and
 * Align(pc + 4, 4) for T32 loads/stores with base r15 (literal forms).
 * handler/body are the interpreter's code for it (interp_prepare_insn());
 * g may have been rewritten into an equivalent form for that code.
 * Every block ends with a sentinel entry (interp_prepare_sentinel()) whose
 * g.pc is the block's end pc and g.itstate the ITSTATE there. */
struct exec_insn;
/* Native code of a JIT run (exec/jit.h). */
typedef uintptr_t exec_jit_fn(struct guest_thread *thread,
                              const struct exec_insn *volatile *current);

struct exec_insn {
    struct guest_insn g;
    uint32_t pc_read;
    const void *handler;            /* dispatch target: body, or a
                                       condition check that jumps to body */
    const void *body;
    /* NEON: the executor function for this instruction (interp_neon_lookup) */
    void (*neon_fn)(struct guest_thread *thread, const struct guest_insn *insn);
    /* First instruction of a JIT run (handler: the interpreter's JIT
     * handler): the run's code. */
    exec_jit_fn *jit_code;
};

#define EXEC_BLOCK_MAX_INSNS 64

struct exec_block {
    uint64_t key;                   /* exec_block_key(pc, thumb, itstate) */
    uint32_t pc;
    uint32_t end_pc;                /* address after the last instruction
                                       (wraps to 0 at the top of memory) */
    uint16_t count;                 /* instructions */
    uint16_t size;                  /* bytes: end_pc - pc, without wrapping */
    uint8_t thumb;
    uint8_t itstate;                /* ITSTATE before the first insn */
    uint8_t exit_itstate;           /* ITSTATE after the last insn */
    uint8_t invalid;
    uint32_t drop_epoch;            /* epoch after the drop (zombies) */
    struct exec_block *hash_next;
    struct exec_block *page_next[2];/* per-page lists: [0] page of pc,
                                       [1] page of end_pc - 1 if different */
    struct exec_block *zombie_next;
    /* Successor links (block_cache_link): [0] fall-through exit, [1]
     * taken branch (compare succ[1]->key with the branch target's key).
     * Valid only while link_epoch == exec_link_epoch. Read link_epoch
     * (acquire) before succ. */
    struct exec_block *succ[2];
    uint32_t link_epoch[2];
    struct exec_insn insns[];       /* count + 1 (sentinel) */
};

static inline uint64_t exec_block_key(uint32_t pc, uint32_t thumb, uint32_t itstate)
{
    return (uint64_t)pc | ((uint64_t)thumb << 32) | ((uint64_t)itstate << 33);
}

#define EXEC_JUMP_CACHE_BITS 12
#define EXEC_JUMP_CACHE_SIZE (1u << EXEC_JUMP_CACHE_BITS)

/* Empty entries hold EXEC_NO_KEY, which no block key equals. */
#define EXEC_NO_KEY (~(uint64_t)0)

struct exec_jump_entry {
    uint64_t key;
    struct exec_block *block;
};

/* Per thread; valid for the thread's jump_cache_epoch. */
extern __thread struct exec_jump_entry exec_jump_cache[EXEC_JUMP_CACHE_SIZE];

/* The code epoch: incremented whenever blocks are dropped; invalidates
 * successor links and jump caches. Starts at 1 so that zeroed links are
 * invalid; never reaches EXEC_EPOCH_OFFLINE in practice. */
extern uint32_t exec_link_epoch;

static inline uint32_t block_cache_epoch(void)
{
    return __atomic_load_n(&exec_link_epoch, __ATOMIC_ACQUIRE);
}

static inline unsigned exec_jump_index(uint32_t pc, uint32_t itstate)
{
    return ((pc >> 1) ^ (pc >> (EXEC_JUMP_CACHE_BITS + 1)) ^ itstate) &
           (EXEC_JUMP_CACHE_SIZE - 1);
}

/* Result of a failed build: the guest signal to raise at pc. */
struct exec_build_fault {
    int signo;
    int code;
    uint32_t addr;
};

int block_cache_init(void);

/* A block boundary of thread: it holds no block pointer except through its
 * jump cache. Publishes the epoch, flushes the jump cache if the epoch
 * moved, and frees the zombies no thread can reach any more. */
void block_cache_quiesce(struct guest_thread *thread);
/* Thread leaves guest code (syscall, signal delivery, exit). */
void block_cache_offline(struct guest_thread *thread);
/* Thread registry (for the minimum published epoch). */
void block_cache_register(struct guest_thread *thread);
void block_cache_unregister(struct guest_thread *thread);
void block_cache_after_fork_child(struct guest_thread *self);

/* Sets block->succ[slot] = target if the epoch is still epoch and target
 * is live (under the cache lock). */
void block_cache_link(struct exec_block *block, unsigned slot,
                      struct exec_block *target, uint32_t epoch);

void block_cache_lock(void);
void block_cache_unlock(void);

/* Slow path of the lookup: hash table, then building. Returns NULL with
 * *fault filled if the code at pc cannot be executed. */
struct exec_block *block_cache_find_or_build(uint32_t pc, uint32_t thumb,
                                             uint32_t itstate,
                                             struct exec_build_fault *fault);

static inline struct exec_block *block_cache_lookup(uint32_t pc, uint32_t thumb,
                                                    uint32_t itstate,
                                                    struct exec_build_fault *fault)
{
    uint64_t key = exec_block_key(pc, thumb, itstate);
    struct exec_jump_entry *e = &exec_jump_cache[exec_jump_index(pc, itstate)];
    if (__builtin_expect(e->key == key, 1))
        return e->block;
    return block_cache_find_or_build(pc, thumb, itstate, fault);
}

/* Unlinks blocks overlapping [start, start + length); async-signal-safe
 * for a thread not holding the cache lock (no allocation or freeing).
 * Returns the number of blocks dropped. */
unsigned block_cache_invalidate(uint32_t start, uint64_t length);

struct block_cache_stats {
    uint64_t blocks_built;
    uint64_t insns_decoded;
    uint64_t blocks_invalidated;
    uint64_t invalidate_calls;
    uint64_t lookups_slow;
    uint64_t blocks_live;
};

void block_cache_get_stats(struct block_cache_stats *stats);

/* ITSTATE after insn has executed (taken branches excepted). */
static inline uint32_t exec_next_itstate(const struct guest_insn *insn)
{
    if (insn->op == OP_IT)
        return insn->imm & 0xffu;
    return guest_itstate_advance(insn->itstate);
}

#endif
