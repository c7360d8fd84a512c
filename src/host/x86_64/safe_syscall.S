/*
 * x86-64 safe_syscall_base (see src/linux/safe_syscall.h):
 *   long safe_syscall_base(const volatile int *pending, long nr,
 *                          long a1, long a2, long a3, long a4, long a5, long a6)
 * Between safe_syscall_start and safe_syscall_end the host signal handler
 * rewinds the thread to safe_syscall_interrupted: the flag check and the
 * syscall instruction are then atomic with respect to guest signals.
 */
#define GUEST_ERESTARTSYS 512

    .text
    .globl safe_syscall_base
    .globl safe_syscall_start
    .globl safe_syscall_end
    .globl safe_syscall_interrupted
    .type safe_syscall_base, @function
safe_syscall_base:
    .cfi_startproc
    mov %rdi, %r11              /* pending flag (syscall clobbers r11 later) */
    mov %rsi, %rax
    mov %rdx, %rdi
    mov %rcx, %rsi
    mov %r8, %rdx
    mov %r9, %r10
    mov 8(%rsp), %r8
    mov 16(%rsp), %r9
safe_syscall_start:
    cmpl $0, (%r11)
    jnz safe_syscall_interrupted
    syscall
safe_syscall_end:
    ret
safe_syscall_interrupted:
    mov $-GUEST_ERESTARTSYS, %rax
    ret
    .cfi_endproc
    .size safe_syscall_base, . - safe_syscall_base

    .section .note.GNU-stack, "", @progbits
