/*
 * Precise faults in the middle of straight-line integer code (what the
 * JIT compiles as one run): a faulting LDR, STR, LDRD and LDM after
 * instructions that changed registers. The handler sees those changes,
 * none of the faulting instruction's (LDM and LDRD write nothing, their
 * writeback base included) and the PC of the faulting instruction; it
 * then skips the instruction, and the code after it runs. Compared with
 * qemu-arm.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile uint32_t seen_r2, seen_r3, seen_r4, seen_r5, seen_pc_offset;
static volatile uintptr_t fault_insn;

static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    (void)sig;
    (void)si;
    seen_r2 = uc->uc_mcontext.arm_r2;
    seen_r3 = uc->uc_mcontext.arm_r3;
    seen_r4 = uc->uc_mcontext.arm_r4;
    seen_r5 = uc->uc_mcontext.arm_r5;
    seen_pc_offset = (uint32_t)(uc->uc_mcontext.arm_pc - (fault_insn & ~1u));
    uc->uc_mcontext.arm_pc += 4;        /* all faulting forms below are 32-bit */
}

/* Each case: r2 = 5, r3 = r2 + 1, the faulting instruction (its address
 * in fault_insn via the label), then r2 = 9. Prints r2 (after), and what
 * the handler saw. */
#define CASE(NAME, INSN)                                                         \
    static void case_##NAME(void)                                                \
    {                                                                            \
        register uint32_t r1 __asm__("r1") = 0x10;                               \
        register uint32_t r2 __asm__("r2") = 0;                                  \
        register uint32_t r3 __asm__("r3") = 0;                                  \
        register uint32_t r4 __asm__("r4") = 0x44;                               \
        register uint32_t r5 __asm__("r5") = 0x55;                               \
        uintptr_t at;                                                            \
        __asm__ volatile("adr %0, 1f\n\t" : "=r"(at));                           \
        fault_insn = at;                                                         \
        __asm__ volatile("mov %1, #5\n\t"                                        \
                         "add %2, %1, #1\n\t"                                    \
                         "1: " INSN "\n\t"                                       \
                         "mov %1, #9\n\t"                                        \
                         : "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5)      \
                         : : "memory");                                          \
        printf("%-5s after: r1=%#x r2=%u r3=%u r4=%#x r5=%#x; handler saw "      \
               "r2=%u r3=%u r4=%#x r5=%#x pc=fault+%u\n", #NAME, (unsigned)r1,   \
               (unsigned)r2, (unsigned)r3, (unsigned)r4, (unsigned)r5,           \
               (unsigned)seen_r2, (unsigned)seen_r3, (unsigned)seen_r4,          \
               (unsigned)seen_r5, (unsigned)seen_pc_offset);                     \
    }

#ifdef __thumb__
CASE(ldr, "ldr.w r4, [r1, #4]")
CASE(str, "str.w r3, [r1, #8]")
CASE(ldrd, "ldrd r4, r5, [r1, #8]!")
CASE(ldm, "ldmia.w r1!, {r4, r5}")
#else
CASE(ldr, "ldr r4, [r1, #4]")
CASE(str, "str r3, [r1, #8]")
CASE(ldrd, "ldrd r4, r5, [r1, #8]!")
CASE(ldm, "ldmia r1!, {r4, r5}")
#endif

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    case_ldr();
    case_str();
    case_ldrd();
    case_ldm();
    return 0;
}
