/* x86-64: program counter of an interrupted context (see exec/fault.h). */
#include <signal.h>
#include <sys/ucontext.h>

#include "exec/fault.h"

uintptr_t host_signal_context_pc(const void *ucontext)
{
    const ucontext_t *uc = ucontext;
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
}
