/*
 * Difftest harness trampoline (A32). dt_enter loads a complete guest state
 * and jumps to the code buffer; the generated sequence ends with a stub that
 * loads dt_epilogue's address into pc, and dt_epilogue stores the final state
 * into the stash at DT_STASH and returns to dt_enter's caller. sp is part of
 * the tested state: sequences may push and pop.
 *
 * struct dt_in  (r0 of dt_enter): r0..r12 @0, lr @52, apsr @56, fpscr @60,
 *                                 entry @64 (bit 0 = Thumb), d0..d31 @72.
 * struct dt_out (at DT_STASH):    r0..r12 @0, lr @52, sp @56, apsr @60,
 *                                 fpscr @64, d0..d31 @72.
 */
    .syntax unified
    .arch armv7-a
    .fpu neon-vfpv4
    .arm
    .text

    .global dt_enter
    .type dt_enter, %function
dt_enter:
    push    {r4-r11, lr}
    vpush   {d8-d15}
    ldr     r1, =dt_host_sp
    str     sp, [r1]
    vmrs    r2, fpscr
    ldr     r1, =dt_host_fpscr
    str     r2, [r1]
    clrex
    ldr     r1, [r0, #60]
    vmsr    fpscr, r1
    add     r1, r0, #72
    vldmia  r1!, {d0-d15}
    vldmia  r1, {d16-d31}
    ldr     r1, [r0, #56]
    msr     APSR_nzcvqg, r1
    /* sp = DT_SP_VALUE; the entry address goes to the stash slot at
     * sp - 0x800 (outside the scratch buffer, which surrounds sp). */
    movw    sp, #:lower16:0x30008000
    movt    sp, #:upper16:0x30008000
    ldr     r1, [r0, #64]
    str     r1, [sp, #-0x800]
    ldmia   r0, {r0-r12, lr}
    ldr     pc, [sp, #-0x800]
    .size dt_enter, . - dt_enter
    .ltorg

    .global dt_epilogue
    .type dt_epilogue, %function
dt_epilogue:
    /* TPIDRURW holds r0 while r0 addresses the stash: the sequence may
     * have moved sp, so nothing here may depend on it. */
    mcr     p15, 0, r0, c13, c0, 2
    movw    r0, #:lower16:(0x30008000 - 0x800)
    movt    r0, #:upper16:(0x30008000 - 0x800)
    stmib   r0, {r1-r12}
    str     lr, [r0, #52]
    str     sp, [r0, #56]
    mrc     p15, 0, r1, c13, c0, 2
    str     r1, [r0]
    mrs     r1, APSR
    str     r1, [r0, #60]
    vmrs    r1, fpscr
    str     r1, [r0, #64]
    add     r1, r0, #72
    vstmia  r1!, {d0-d15}
    vstmia  r1, {d16-d31}
    ldr     r1, =dt_host_fpscr
    ldr     r1, [r1]
    vmsr    fpscr, r1
    ldr     r1, =dt_host_sp
    ldr     sp, [r1]
    vpop    {d8-d15}
    pop     {r4-r11, pc}
    .size dt_epilogue, . - dt_epilogue
    .ltorg

    /* Restores the harness FPSCR after a signal left a case early. */
    .global dt_restore_fpscr
    .type dt_restore_fpscr, %function
dt_restore_fpscr:
    ldr     r1, =dt_host_fpscr
    ldr     r1, [r1]
    vmsr    fpscr, r1
    bx      lr
    .size dt_restore_fpscr, . - dt_restore_fpscr
    .ltorg

    .global dt_set_tpidrurw
    .type dt_set_tpidrurw, %function
dt_set_tpidrurw:
    mcr     p15, 0, r0, c13, c0, 2
    bx      lr
    .size dt_set_tpidrurw, . - dt_set_tpidrurw

    .bss
    .align 2
dt_host_sp:     .space 4
dt_host_fpscr:  .space 4
    .section .note.GNU-stack,"",%progbits
