/*
 * AArch64 safe_syscall_base (see src/linux/safe_syscall.h):
 *   long safe_syscall_base(const volatile int *pending, long nr,
 *                          long a1, long a2, long a3, long a4, long a5, long a6)
 * Between safe_syscall_start and safe_syscall_end the host signal handler
 * rewinds the thread to safe_syscall_interrupted.
 */
#define GUEST_ERESTARTSYS 512

    .text
    .globl safe_syscall_base
    .globl safe_syscall_start
    .globl safe_syscall_end
    .globl safe_syscall_interrupted
    .type safe_syscall_base, %function
safe_syscall_base:
    .cfi_startproc
    mov x9, x0                  /* pending flag */
    mov x8, x1                  /* syscall number */
    mov x0, x2
    mov x1, x3
    mov x2, x4
    mov x3, x5
    mov x4, x6
    mov x5, x7
safe_syscall_start:
    ldr w10, [x9]
    cbnz w10, safe_syscall_interrupted
    svc #0
safe_syscall_end:
    ret
safe_syscall_interrupted:
    mov x0, #-GUEST_ERESTARTSYS
    ret
    .cfi_endproc
    .size safe_syscall_base, . - safe_syscall_base

    .section .note.GNU-stack, "", %progbits
