/*
 * STM with writeback and the base register in the list, not lowest: the
 * architecture stores an UNKNOWN value for the base, and Cortex-A cores and
 * qemu-arm store its value before the writeback. V8's deoptimizer relies on
 * it ("stmdb sp!, {r0-pc}", all sixteen registers). Regression: a32run
 * raised SIGILL, which killed node once TurboFan code deoptimized.
 * Compared with qemu-arm; A32 only (T32 has no such encoding).
 */
// variants: arm-O0 arm-O2
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    /* vars[0] = sp before, vars[1] = sp after; saved[] = the 16 words. */
    static uint32_t vars[2], saved[16];
    __asm__ volatile("mov r4, %[vars]\n\t"
                     "mov r5, %[out]\n\t"
                     "str sp, [r4]\n\t"
                     ".inst 0xe92dffff\n\t"          /* stmdb sp!, {r0-pc} */
                     "str sp, [r4, #4]\n\t"
                     "mov r2, #64\n"
                     "1:\n\t"
                     "subs r2, r2, #4\n\t"
                     "ldr r3, [sp, r2]\n\t"
                     "str r3, [r5, r2]\n\t"
                     "bne 1b\n\t"
                     "add sp, sp, #64\n\t"
                     :
                     : [vars] "r"(vars), [out] "r"(saved)
                     : "r2", "r3", "r4", "r5", "memory", "cc");
    uint32_t sp_before = vars[0], sp_after = vars[1];
    printf("writeback: sp moved by %d bytes\n", (int)(sp_before - sp_after));
    printf("stored sp slot = sp before the writeback: %s\n", saved[13] == sp_before ? "yes" : "no");
    printf("stored r4 = &vars: %s\n", saved[4] == (uint32_t)(uintptr_t)vars ? "yes" : "no");
    /* The pc slot holds the STM's address + 8, somewhere inside main. */
    printf("pc slot inside main: %s\n",
           saved[15] > (uint32_t)(uintptr_t)main && saved[15] < (uint32_t)(uintptr_t)main + 256 ? "yes" : "no");
    return 0;
}
