/*
 * AArch64 JIT backend (exec/jit_backend.h): not written yet. Without it
 * the JIT stays off on this host and the interpreter runs every
 * instruction (--stats says so); nothing else changes.
 */
#include "exec/jit_backend.h"

bool jit_backend_available(void)
{
    return false;
}

size_t jit_backend_emit_run(uint8_t *code, size_t capacity, const struct exec_block *block,
                            unsigned first, unsigned *covered)
{
    (void)code;
    (void)capacity;
    (void)block;
    (void)first;
    *covered = 0;
    return 0;
}
