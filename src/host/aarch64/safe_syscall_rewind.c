/* AArch64: rewinds a thread interrupted inside safe_syscall_base between
 * the pending-flag check and the svc instruction (safe_syscall.h). */
#include <signal.h>
#include <stdint.h>
#include <sys/ucontext.h>

#include "linux/safe_syscall.h"

extern const char safe_syscall_start[], safe_syscall_end[], safe_syscall_interrupted[];

void safe_syscall_rewind(void *ucontext)
{
    ucontext_t *uc = ucontext;
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.pc;
    if (pc >= (uintptr_t)safe_syscall_start && pc < (uintptr_t)safe_syscall_end)
        uc->uc_mcontext.pc = (uint64_t)(uintptr_t)safe_syscall_interrupted;
}
