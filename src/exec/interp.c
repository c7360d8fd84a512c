/*
 * The executor's entry points: exec_init(), exec_run(), invalidation and
 * statistics, plus the fault recovery point for guest signals.
 *
 * exec_run() loops over blocks: the jump cache (or the hash table, or the
 * block builder) gives the block for (r[15], thumb, ITSTATE), and
 * interp_execute_block() (interp_block.c) runs it and the blocks it chains
 * to. It returns only for SVC and for guest signals.
 *
 * Invariants:
 *  - Whenever control is outside interp_execute_block(), r[15], thumb and
 *    itstate describe the next instruction.
 *  - interp_current points at the executing instruction, so a guest signal
 *    raised by a host fault or interp_raise() (both siglongjmp to
 *    thread->fault_jump) reports that instruction's pc, thumb and ITSTATE.
 *  - Instructions access memory before writing registers (precise faults).
 *  - After any instruction that writes memory, thread->code_changed is
 *    checked: if the write invalidated decoded code, the block is left at
 *    the next instruction.
 *  - Before every lookup run_blocks() passes a quiescent point
 *    (block_cache_quiesce); outside exec_run the thread is offline for
 *    block reclamation.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "exec/exec.h"
#include "exec/interp.h"
#include "exec/block_cache.h"
#include "exec/fault.h"
#include "exec/jit.h"
#include "mem/guest_mem.h"

__thread struct guest_thread *current_guest_thread;

noreturn void interp_raise(struct guest_thread *thread, int signo, int code, uint32_t addr)
{
    thread->fault = (struct guest_fault){ .signo = signo, .code = code, .addr = addr };
    siglongjmp(thread->fault_jump, 1);
}

/* Runs blocks until SVC or a guest signal without a host fault. */
static enum exec_exit run_blocks(struct guest_thread *thread)
{
    struct guest_cpu *cpu = &thread->cpu;
    for (;;) {
        thread->code_changed = 0;
        block_cache_quiesce(thread);
        struct exec_build_fault fault;
        interp_current = NULL;
        struct exec_block *b = block_cache_lookup(cpu->r[15], cpu->thumb,
                                                  cpu->itstate, &fault);
        if (!b) {
            thread->fault = (struct guest_fault){
                .signo = fault.signo, .code = fault.code, .addr = fault.addr };
            return EXEC_EXIT_SIGNAL;
        }
        if (interp_execute_block(thread, b, true) == BLOCK_SYSCALL)
            return EXEC_EXIT_SYSCALL;
        if (thread->signal_pending)
            return EXEC_EXIT_INTERRUPT;
    }
}

/* Common entry for exec_run and the test hook: sets up the fault recovery
 * point, runs fn, and converts a siglongjmp into EXEC_EXIT_SIGNAL. */
static enum exec_exit run_guarded(struct guest_thread *thread,
                                  enum exec_exit (*fn)(struct guest_thread *, void *),
                                  void *arg, int *signalled)
{
    struct guest_thread *volatile t = thread;
    current_guest_thread = thread;
    exec_fault_thread_setup();
    *signalled = 0;
    if (sigsetjmp(thread->fault_jump, 0)) {
        t->in_guest_code = 0;
        const struct exec_insn *e = interp_current;
        interp_current = NULL;
        if (e) {
            t->cpu.r[15] = e->g.pc;
            t->cpu.thumb = e->g.thumb;
            t->cpu.itstate = e->g.itstate;
        }
        *signalled = 1;
        return EXEC_EXIT_SIGNAL;
    }
    thread->in_guest_code = 1;
    enum exec_exit result = fn(thread, arg);
    thread->in_guest_code = 0;
    interp_current = NULL;
    return result;
}

static enum exec_exit run_blocks_fn(struct guest_thread *thread, void *unused)
{
    return run_blocks(thread);
}

int exec_init(void)
{
    interp_dispatch_init();
    jit_init();
    if (block_cache_init() < 0)
        return -1;
    return exec_fault_init();
}

enum exec_exit exec_run(struct guest_thread *thread)
{
    int signalled;
    if (!thread->registered)
        block_cache_register(thread);
    enum exec_exit result = run_guarded(thread, run_blocks_fn, NULL, &signalled);
    block_cache_offline(thread);
    return result;
}

void exec_thread_exit(struct guest_thread *thread)
{
    exec_fault_thread_teardown();
    block_cache_offline(thread);
    if (thread->registered)
        block_cache_unregister(thread);
}

void exec_after_fork_child(struct guest_thread *self)
{
    block_cache_after_fork_child(self);
}

void exec_code_lock(void)
{
    block_cache_lock();
}

void exec_code_unlock(void)
{
    block_cache_unlock();
}

void exec_invalidate_range(uint32_t start, uint32_t length)
{
    unsigned dropped = block_cache_invalidate(start, length);
    struct guest_thread *t = current_guest_thread;
    if (dropped && t && t->in_guest_code)
        t->code_changed = 1;
}

#ifdef INTERP_PROFILE
void interp_profile_report(void);
#endif

void exec_print_stats(int fd)
{
#ifdef INTERP_PROFILE
    interp_profile_report();
#endif
    struct block_cache_stats s;
    block_cache_get_stats(&s);
    dprintf(fd,
            "a32run: blocks built %llu (%llu insns, %.1f per block), live %llu\n"
            "a32run: invalidations %llu calls, %llu blocks dropped; slow lookups %llu\n",
            (unsigned long long)s.blocks_built, (unsigned long long)s.insns_decoded,
            s.blocks_built ? (double)s.insns_decoded / (double)s.blocks_built : 0.0,
            (unsigned long long)s.blocks_live, (unsigned long long)s.invalidate_calls,
            (unsigned long long)s.blocks_invalidated, (unsigned long long)s.lookups_slow);
    struct jit_stats jit;
    jit_get_stats(&jit);
    if (jit.enabled)
        dprintf(fd, "a32run: JIT runs %llu (%llu insns, %llu bytes of code)\n",
                (unsigned long long)jit.runs, (unsigned long long)jit.insns,
                (unsigned long long)jit.bytes);
    else
        dprintf(fd, "a32run: JIT off (A32RUN_JIT=0, no backend for this host, or no executable memory)\n");
    if (current_guest_thread)
        dprintf(fd, "a32run: guest instructions (approx.) %llu\n",
                (unsigned long long)current_guest_thread->insn_count);
}

/* Test hook. */
struct insn_list {
    const struct guest_insn *insns;
    unsigned count;
};

static enum exec_exit run_insn_list(struct guest_thread *thread, void *arg)
{
    const struct insn_list *list = arg;
    unsigned n = list->count > EXEC_BLOCK_MAX_INSNS ? EXEC_BLOCK_MAX_INSNS : list->count;
    static __thread struct exec_block *b;
    if (!b)
        b = calloc(1, sizeof *b + (EXEC_BLOCK_MAX_INSNS + 1) * sizeof(struct exec_insn));
    if (n == 0 || !b)
        return EXEC_EXIT_SIGNAL;
    b->count = (uint16_t)n;
    b->pc = list->insns[0].pc;
    b->thumb = list->insns[0].thumb;
    for (unsigned i = 0; i < n; i++) {
        struct exec_insn *e = &b->insns[i];
        e->g = list->insns[i];
        if (e->g.thumb) {
            e->pc_read = e->g.pc + 4;
            if (e->g.rn == 15 && ((e->g.op >= OP_LDR_IMM && e->g.op <= OP_STRD_REG) ||
                                  (e->g.op > OP_VFP_FIRST_ && e->g.op < OP_VFP_END_)))
                e->pc_read &= ~3u;
        } else {
            e->pc_read = e->g.pc + 8;
        }
        interp_prepare_insn(e);
    }
    const struct guest_insn *last = &list->insns[n - 1];
    interp_prepare_sentinel(&b->insns[n], last->pc + last->length,
                            last->thumb ? exec_next_itstate(last) : 0);
    return interp_execute_block(thread, b, false) == BLOCK_SYSCALL ? EXEC_EXIT_SYSCALL
                                                                 : EXEC_EXIT_SIGNAL;
}

enum exec_exit interp_run_insns(struct guest_thread *thread,
                                const struct guest_insn *insns, unsigned count,
                                int *signalled)
{
    struct insn_list list = { insns, count };
    enum exec_exit r = run_guarded(thread, run_insn_list, &list, signalled);
    return *signalled ? EXEC_EXIT_SIGNAL : r;
}
