    .syntax unified
    .thumb
    .text
    .global f
    .type f, %function
f:
    @ 16-bit shifts/add/sub/mov/cmp
    lsls r0, r1, #3
    lsrs r2, r3, #32
    asrs r4, r5, #1
    asrs r4, r5, #32
    movs r6, r7
    adds r0, r1, r2
    subs r3, r4, r5
    adds r6, r7, #7
    subs r0, r0, #1
    movs r1, #255
    cmp r2, #128
    adds r3, #200
    subs r4, #1
    ands r0, r1
    eors r2, r3
    lsls r4, r5
    lsrs r6, r7
    asrs r0, r1
    adcs r2, r3
    sbcs r4, r5
    rors r6, r7
    tst r0, r1
    negs r2, r3
    cmp r4, r5
    cmn r6, r7
    orrs r0, r1
    muls r2, r3, r2
    bics r4, r5
    mvns r6, r7
    add r8, r9
    add r0, sp
    add sp, r1
    add r2, pc
    cmp r8, r1
    cmp r1, r9
    mov r8, r0
    mov r0, sp
    mov sp, r7
    mov r3, r4
    bx lr
    blx r3
    ldr r0, [pc, #4]
    str r0, [r1, r2]
    strh r3, [r4, r5]
    strb r6, [r7, r0]
    ldrsb r1, [r2, r3]
    ldr r4, [r5, r6]
    ldrh r7, [r0, r1]
    ldrb r2, [r3, r4]
    ldrsh r5, [r6, r7]
    str r0, [r1, #124]
    ldr r2, [r3, #4]
    strb r4, [r5, #31]
    ldrb r6, [r7, #1]
    strh r0, [r1, #62]
    ldrh r2, [r3, #2]
    str r4, [sp, #1020]
    ldr r5, [sp, #8]
    adr r0, lab1
    add r1, sp, #1020
    add sp, #508
    sub sp, #4
    cbz r0, lab1
    cbnz r7, lab1
    sxth r0, r1
    sxtb r2, r3
    uxth r4, r5
    uxtb r6, r7
    push {r4, r5, lr}
    push {r0}
    pop {r4, r5, pc}
    pop {r0, r1}
    rev r0, r1
    rev16 r2, r3
    revsh r4, r5
    bkpt #0x12
    nop
    yield
    wfe
    wfi
    sev
    sevl
    stmia r0!, {r1, r2, r3}
    ldmia r1!, {r2, r3}
    ldmia r1, {r1, r2}
    svc #0
    svc #255
    udf #1
    beq lab1
    bne lab1
    b lab1
    .align 2
lab1:
    it eq
    addeq r0, r1
    itt ne
    movne r2, #1
    addne r3, r3, r4
    ite gt
    movgt r0, r1
    movle r0, r2
    itete lt
    lsllt r0, r1, #2
    lslge r0, r1
    mullt r2, r3, r2
    negge r1, r2
    ittt cs
    ldrcs r0, [r1]
    addcs.w r2, r3, #0x100
    bcs.w lab2
    it al
    nopal
    it eq
    bxeq lr
    it ne
    popne {r4, pc}
    it eq
    moveq pc, lr
lab2:
    @ 32-bit data processing, modified immediate
    and r0, r1, #0xff
    ands r0, r1, #0xff00ff00
    tst r2, #0x80000000
    bic r3, r4, #0x3fc
    orr r5, r6, #0x10001
    orrs r5, r6, #0xab00ab00
    mov.w r7, #0xffffffff
    movs.w r8, #0x100
    orn r9, r10, #3
    mvn r11, #0xff
    mvns r12, #0x55555555
    eor r0, r1, #1
    teq r2, #0x7f000000
    add.w r3, r4, #1
    adds.w r3, r4, #0x2000
    add.w sp, sp, #256
    add.w r0, sp, #8
    cmn r5, #1
    adc r6, r7, #2
    sbc r8, r9, #3
    sub.w r10, r11, #4
    subs.w r0, r1, #0xf0
    sub.w sp, sp, #1024
    cmp.w r2, #0x100
    cmp sp, #8
    rsb r3, r4, #0
    rsbs r3, r4, #16
    @ plain binary immediate
    addw r0, r1, #0xfff
    addw r2, sp, #4
    subw r3, r4, #1
    subw sp, sp, #8
    adr.w r5, lab2
    adr.w r6, lab3
    movw r7, #0xabcd
    movt r7, #0x1234
    ssat r0, #8, r1
    ssat r0, #32, r1, lsl #3
    ssat r2, #1, r3, asr #31
    ssat16 r4, #16, r5
    usat r6, #0, r7
    usat r6, #31, r7, asr #1
    usat16 r8, #15, r9
    sbfx r0, r1, #3, #5
    ubfx r2, r3, #0, #32
    bfi r4, r5, #8, #4
    bfc r6, #0, #31
    @ shifted register
    and.w r0, r1, r2
    ands.w r0, r1, r2, lsl #3
    tst.w r3, r4, asr #2
    bic.w r5, r6, r7, ror #4
    orr.w r8, r9, r10, lsr #32
    orrs.w r8, r9, r10, rrx
    mov.w r0, r1
    movs.w r2, r3
    lsl.w r4, r5, #7
    lsrs.w r6, r7, #32
    asr.w r8, r9, #32
    ror.w r10, r11, #1
    rrx r0, r1
    rrxs r2, r3
    mov.w sp, r4
    mov.w r5, sp
    orn r0, r1, r2
    mvn.w r3, r4, lsl #1
    mvns.w r5, r6
    eor.w r7, r8, r9
    teq r10, r11
    pkhbt r0, r1, r2
    pkhbt r0, r1, r2, lsl #16
    pkhtb r3, r4, r5, asr #16
    pkhtb r3, r4, r5, asr #32
    add.w r0, r1, r2, lsl #2
    adds.w r0, r1, r2
    add.w r3, sp, r4
    add.w sp, sp, r5, lsl #2
    cmn.w r6, r7
    adc.w r8, r9, r10
    adcs.w r8, r9, r10, asr #3
    sbc.w r11, r12, r0
    sub.w r1, r2, r3, lsr #5
    subs.w r1, r2, r3
    sub.w sp, sp, r4
    cmp.w r5, r6, lsl #1
    cmp.w sp, r7
    rsb r8, r9, r10
    rsbs r8, r9, r10, lsl #1
    @ register shifts
    lsl.w r0, r1, r2
    lsls.w r3, r4, r5
    lsr.w r6, r7, r8
    asr.w r9, r10, r11
    ror.w r12, r0, r1
    rors.w r12, r0, r1
    @ extends
    sxth.w r0, r1
    sxth r0, r1, ror #8
    sxtah r2, r3, r4, ror #16
    uxth.w r5, r6
    uxtah r7, r8, r9
    sxtb16 r0, r1
    sxtab16 r2, r3, r4, ror #24
    uxtb16 r5, r6, ror #8
    uxtab16 r7, r8, r9
    sxtb.w r10, r11
    sxtab r12, r0, r1
    uxtb.w r2, r3, ror #16
    uxtab r4, r5, r6, ror #24
    @ parallel
    sadd16 r0, r1, r2
    sasx r0, r1, r2
    ssax r0, r1, r2
    ssub16 r0, r1, r2
    sadd8 r0, r1, r2
    ssub8 r0, r1, r2
    qadd16 r3, r4, r5
    qasx r3, r4, r5
    qsax r3, r4, r5
    qsub16 r3, r4, r5
    qadd8 r3, r4, r5
    qsub8 r3, r4, r5
    shadd16 r6, r7, r8
    shasx r6, r7, r8
    shsax r6, r7, r8
    shsub16 r6, r7, r8
    shadd8 r6, r7, r8
    shsub8 r6, r7, r8
    uadd16 r9, r10, r11
    uasx r9, r10, r11
    usax r9, r10, r11
    usub16 r9, r10, r11
    uadd8 r9, r10, r11
    usub8 r9, r10, r11
    uqadd16 r12, r0, r1
    uqasx r12, r0, r1
    uqsax r12, r0, r1
    uqsub16 r12, r0, r1
    uqadd8 r12, r0, r1
    uqsub8 r12, r0, r1
    uhadd16 r2, r3, r4
    uhasx r2, r3, r4
    uhsax r2, r3, r4
    uhsub16 r2, r3, r4
    uhadd8 r2, r3, r4
    uhsub8 r2, r3, r4
    @ misc
    qadd r0, r1, r2
    qdadd r3, r4, r5
    qsub r6, r7, r8
    qdsub r9, r10, r11
    rev.w r0, r1
    rev16.w r2, r3
    rbit r4, r5
    revsh.w r6, r7
    sel r8, r9, r10
    clz r11, r12
    @ multiplies
    mul r0, r1, r2
    mla r3, r4, r5, r6
    mls r7, r8, r9, r10
    smulbb r0, r1, r2
    smulbt r0, r1, r2
    smultb r0, r1, r2
    smultt r0, r1, r2
    smlabb r3, r4, r5, r6
    smlatt r3, r4, r5, r6
    smlabt r3, r4, r5, r6
    smuad r0, r1, r2
    smuadx r0, r1, r2
    smlad r3, r4, r5, r6
    smladx r3, r4, r5, r6
    smulwb r0, r1, r2
    smulwt r0, r1, r2
    smlawb r3, r4, r5, r6
    smlawt r3, r4, r5, r6
    smusd r0, r1, r2
    smusdx r0, r1, r2
    smlsd r3, r4, r5, r6
    smlsdx r3, r4, r5, r6
    smmul r0, r1, r2
    smmulr r0, r1, r2
    smmla r3, r4, r5, r6
    smmlar r3, r4, r5, r6
    smmls r3, r4, r5, r6
    smmlsr r3, r4, r5, r6
    usad8 r0, r1, r2
    usada8 r3, r4, r5, r6
    smull r0, r1, r2, r3
    sdiv r4, r5, r6
    umull r7, r8, r9, r10
    udiv r11, r12, r0
    smlal r0, r1, r2, r3
    smlalbb r0, r1, r2, r3
    smlaltb r0, r1, r2, r3
    smlalbt r0, r1, r2, r3
    smlaltt r0, r1, r2, r3
    smlald r4, r5, r6, r7
    smlaldx r4, r5, r6, r7
    smlsld r8, r9, r10, r11
    smlsldx r8, r9, r10, r11
    umlal r0, r1, r2, r3
    umaal r4, r5, r6, r7
lab3:
    @ branches
    b.w lab2
    beq.w lab4
    bvc.w lab2
    bl far
    blx farA
    bl lab2
    @ misc control
    msr APSR_nzcvq, r0
    msr APSR_g, r1
    msr APSR_nzcvqg, r2
    mrs r3, APSR
    nop.w
    yield.w
    wfe.w
    sev.w
    sevl.w
    dbg #5
    clrex
    dsb sy
    dsb ish
    dmb ish
    dmb sy
    isb sy
    udf.w #0xabcd
    @ loads/stores
    strb.w r0, [r1, #4095]
    strb r0, [r1, #-255]
    strb r0, [r1, #255]!
    strb r0, [r1], #-1
    strbt r0, [r1, #7]
    strb.w r0, [r1, r2, lsl #3]
    strh.w r2, [r3, #100]
    strh r2, [r3, #-2]
    strh r2, [r3], #2
    strht r2, [r3]
    strh.w r2, [r3, r4]
    str.w r5, [r6, #8]
    str r5, [r6, #-8]!
    str r5, [sp, #-4]!
    str r5, [r6], #4
    strt r5, [r6, #255]
    str.w r5, [r6, r7, lsl #2]
    str.w sp, [r0]
    ldrb.w r0, [r1, #4095]
    ldrb r0, [r1, #-10]
    ldrb r0, [r1, #10]!
    ldrb r0, [r1], #10
    ldrbt r0, [r1, #1]
    ldrb.w r0, [r1, r2, lsl #1]
    ldrb.w r0, [pc, #-12]
    ldrh.w r2, [r3, #100]
    ldrh r2, [r3, #-100]
    ldrh r2, [r3, #-100]!
    ldrht r2, [r3, #9]
    ldrh.w r2, [r3, r4, lsl #3]
    ldrh.w r2, [pc, #100]
    ldr.w r4, [r5, #4000]
    ldr r4, [r5, #-4]
    ldr r4, [r5], #-4
    ldr.w r4, [sp], #4
    ldr.w pc, [sp], #4
    ldrt r4, [r5, #4]
    ldr.w r4, [r5, r6, lsl #2]
    ldr.w r4, [pc, #-1000]
    ldr.w pc, [r0, #4]
    ldr.w sp, [r0]
    ldrsb.w r6, [r7, #12]
    ldrsb r6, [r7, #-12]
    ldrsb r6, [r7], #12
    ldrsbt r6, [r7]
    ldrsb.w r6, [r7, r8]
    ldrsb.w r6, [pc, #4]
    ldrsh.w r8, [r9, #2]
    ldrsh r8, [r9, #-2]!
    ldrsht r8, [r9, #2]
    ldrsh.w r8, [r9, r10, lsl #1]
    ldrsh.w r8, [pc, #-2]
    pld [r0]
    pld [r0, #4095]
    pld [r0, #-4]
    pld [r0, r1, lsl #2]
    pldw [r0, #8]
    pldw [r0, #-8]
    pldw [r0, r2]
    pli [r0, #16]
    pli [r0, #-16]
    pli [r0, r3]
    pld [pc, #-4]
    pli [pc, #4]
    ldrd r0, r1, [r2, #8]
    ldrd r0, r1, [r2, #-8]!
    ldrd r0, r1, [r2], #1020
    ldrd r0, r1, [sp]
    ldrd r0, r2, [pc, #-8]
    strd r3, r4, [r5, #16]
    strd r3, r4, [r5, #-16]!
    strd r3, r4, [r5], #-4
    strd r3, r4, [sp, #8]
    @ ldm/stm
    stmia.w r0!, {r1, r2, r3, lr}
    stmia.w r0, {r1, r2}
    ldmia.w r0!, {r1, r2, r3, pc}
    ldmia.w r0, {r0, r1}
    stmdb r0!, {r1, r2}
    stmdb sp!, {r4, r5, r6, r7, r8, lr}
    push.w {r4, r5, r6, r7, r8, lr}
    pop.w {r4, r5, r6, r7, r8, pc}
    ldmdb r0!, {r1, r2}
    ldmdb r0, {r1, lr}
    @ exclusives & acquire/release
    ldrex r0, [r1]
    ldrex r0, [r1, #1020]
    strex r2, r3, [r4]
    strex r2, r3, [r4, #8]
    ldrexb r5, [r6]
    ldrexh r5, [r6]
    ldrexd r5, r7, [r6]
    strexb r0, r1, [r2]
    strexh r0, r1, [r2]
    strexd r0, r2, r3, [r4]
    lda r0, [r1]
    ldab r0, [r1]
    ldah r0, [r1]
    stl r0, [r1]
    stlb r0, [r1]
    stlh r0, [r1]
    ldaex r0, [r1]
    ldaexb r0, [r1]
    ldaexh r0, [r1]
    ldaexd r0, r1, [r2]
    stlex r0, r1, [r2]
    stlexb r0, r1, [r2]
    stlexh r0, r1, [r2]
    stlexd r0, r2, r3, [r4]
    @ table branches at block ends
    tbb [r0, r1]
    tbh [r2, r3, lsl #1]
    tbb [pc, r4]
    @ coprocessor
    mrc p15, 0, r0, c13, c0, 3
    mrc p15, 0, r1, c13, c0, 2
    mcr p15, 0, r2, c13, c0, 2
    mcr p15, 0, r0, c7, c10, 5
    mcr p15, 0, r0, c7, c10, 4
    mcr p15, 0, r0, c7, c5, 4
    @ IT with 32-bit
    itte eq
    ldreq.w r0, [r1, #4]
    addeq.w r2, r3, r4, lsl #1
    ldrne.w pc, [sp], #4
    it hi
    bhi.w lab3
    it mi
    blmi far
    itt pl
    mulpl r0, r1, r2
    bxpl lr
lab4:
    bx lr
far:
    bx lr
    .arm
farA:
    bx lr
