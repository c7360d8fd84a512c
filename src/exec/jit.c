/*
 * Host-independent part of the JIT (see jit.h): the code arena and the
 * choice of runs; the host backend emits the code.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "exec/interp.h"
#include "exec/jit.h"
#include "exec/jit_backend.h"

#define JIT_ARENA_SIZE (64u << 20)
/* A run of one instruction that the interpreter has a specialised
 * handler for costs more to enter than it saves; one that would take the
 * interpreter's generic body is worth it. */
#define JIT_MIN_RUN 2u

static uint8_t *arena_next, *arena_end;
static struct jit_stats stats;

void jit_init(void)
{
    const char *setting = getenv("A32RUN_JIT");
    if (setting && (!*setting || !strcmp(setting, "0")))
        return;
    if (!jit_backend_available())
        return;
    void *arena = mmap(NULL, JIT_ARENA_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (arena == MAP_FAILED)
        return;     /* e.g. a policy forbidding writable code: interpret */
    arena_next = arena;
    arena_end = arena_next + JIT_ARENA_SIZE;
    stats.enabled = 1;
}

void jit_compile_block(struct exec_block *b, const void *run_handler)
{
    if (!arena_next)
        return;
    for (unsigned i = 0; i < b->count;) {
        size_t room = (size_t)(arena_end - arena_next);
        if (room < 16u * JIT_BACKEND_MAX_INSN_BYTES) {
            arena_next = NULL;      /* full: no more compiling */
            return;
        }
        unsigned covered = 0;
        size_t bytes = jit_backend_emit_run(arena_next, room, b, i, &covered);
        if (bytes && (covered >= JIT_MIN_RUN || !interp_insn_is_specialised(&b->insns[i]))) {
            b->insns[i].jit_code = (exec_jit_fn *)(void *)arena_next;
            b->insns[i].handler = run_handler;
            arena_next += (bytes + 15u) & ~(size_t)15u;
            stats.runs++;
            stats.insns += covered;
            stats.bytes += bytes;
        }
        i += covered ? covered : 1;
    }
}

void jit_get_stats(struct jit_stats *out)
{
    *out = stats;
}
