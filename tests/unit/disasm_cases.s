    .syntax unified
    .arch armv8-a
    .fpu fp-armv8
    .text
    .arm
a_start:
    @ data-processing, immediate / register / register-shifted
    and r0, r1, #0xff
    ands r2, r3, #0xf000000f
    eor r4, r5, r6
    eors r7, r8, r9, lsl #1
    sub r10, r11, r12, lsr #32
    subs r0, r1, r2, asr #5
    rsb r3, r4, r5, ror #7
    rsbs r6, r7, r8, rrx
    add r9, r10, r11, lsl r12
    adds r0, r1, r2, lsr r3
    adc r4, r5, r6, asr r7
    adcs r8, r9, r10, ror r11
    sbc r0, r1, #1
    sbcs r2, r3, #0x3fc
    rsc r4, r5, r6
    rscs r7, r8, #4
    tst r0, #1
    tst r1, r2, lsl #3
    teq r3, r4, lsl r5
    cmp r6, #0
    cmp r7, r8
    cmn r9, #0x100
    cmn r10, r11, ror #3
    orr r0, r1, #0x80000000
    orrs r2, r3, r4
    mov r0, #0
    movs r1, #0xff000000
    mov r2, r3
    movs r4, r5
    mov r6, r7, lsl #2
    lsls r0, r1, #31
    lsr r2, r3, #1
    asrs r4, r5, #32
    ror r6, r7, #16
    rrx r8, r9
    rrxs r10, r11
    lsl r0, r1, r2
    lsrs r3, r4, r5
    asr r6, r7, r8
    rors r9, r10, r11
    bic r0, r1, #0xff
    bics r2, r3, r4, lsl #4
    mvn r5, #0
    mvns r6, r7
    mvn r8, r9, lsl r10
    mov pc, lr
    add pc, r0, r1
    mov sp, fp
    add sp, sp, #16
    sub sp, sp, #256
    add r0, sp, r1
    addeq r0, r1, r2
    addsne r0, r1, #1
    movgt r0, #5
    cmplt r1, r2
    movwcs r0, #0xffff
    movw r1, #0x1234
    movt r1, #0xabcd
    movtvs r2, #1
    adr r0, a_start
    adr r1, a_fwd
    add r2, pc, #16
    @ multiplies
    mul r0, r1, r2
    muls r3, r4, r5
    mla r0, r1, r2, r3
    mlas r4, r5, r6, r7
    mls r8, r9, r10, r11
    umull r0, r1, r2, r3
    umulls r4, r5, r6, r7
    smull r8, r9, r10, r11
    umlal r0, r1, r2, r3
    smlal r4, r5, r6, r7
    smlals r4, r5, r6, r7
    umaal r8, r9, r10, r11
    smulbb r0, r1, r2
    smulbt r0, r1, r2
    smultb r0, r1, r2
    smultt r0, r1, r2
    smlabb r0, r1, r2, r3
    smlatb r0, r1, r2, r3
    smlabt r0, r1, r2, r3
    smlatt r0, r1, r2, r3
    smulwb r4, r5, r6
    smulwt r4, r5, r6
    smlawb r4, r5, r6, r7
    smlawt r4, r5, r6, r7
    smlalbb r0, r1, r2, r3
    smlaltt r0, r1, r2, r3
    smlalbt r0, r1, r2, r3
    smlaltb r0, r1, r2, r3
    smuad r0, r1, r2
    smuadx r0, r1, r2
    smusd r0, r1, r2
    smusdx r0, r1, r2
    smlad r0, r1, r2, r3
    smladx r0, r1, r2, r3
    smlsd r0, r1, r2, r3
    smlsdx r0, r1, r2, r3
    smlald r0, r1, r2, r3
    smlaldx r0, r1, r2, r3
    smlsld r0, r1, r2, r3
    smlsldx r0, r1, r2, r3
    smmul r0, r1, r2
    smmulr r0, r1, r2
    smmla r0, r1, r2, r3
    smmlar r0, r1, r2, r3
    smmls r0, r1, r2, r3
    smmlsr r0, r1, r2, r3
    sdiv r0, r1, r2
    udiv r3, r4, r5
    mulne r0, r1, r2
    umullge r0, r1, r2, r3
    @ saturating
    qadd r0, r1, r2
    qsub r3, r4, r5
    qdadd r6, r7, r8
    qdsub r9, r10, r11
    ssat r0, #1, r1
    ssat r0, #32, r1, lsl #31
    ssat r0, #16, r1, asr #32
    usat r2, #0, r3
    usat r2, #31, r3, asr #4
    ssat16 r4, #1, r5
    ssat16 r4, #16, r5
    usat16 r6, #0, r7
    usat16 r6, #15, r7
    @ parallel add/subtract
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
    uadd8eq r0, r1, r2
    @ packing, extends, reversal, bitfields
    sel r0, r1, r2
    pkhbt r0, r1, r2
    pkhbt r0, r1, r2, lsl #8
    pkhtb r0, r1, r2, asr #16
    pkhtb r0, r1, r2, asr #32
    sxtb r0, r1
    sxtb r0, r1, ror #8
    sxth r2, r3, ror #16
    sxtb16 r4, r5, ror #24
    uxtb r6, r7
    uxth r8, r9
    uxtb16 r10, r11, ror #8
    sxtab r0, r1, r2
    sxtah r0, r1, r2, ror #8
    sxtab16 r0, r1, r2, ror #16
    uxtab r3, r4, r5, ror #24
    uxtah r3, r4, r5
    uxtab16 r3, r4, r5
    rev r0, r1
    rev16 r2, r3
    revsh r4, r5
    rbit r6, r7
    clz r8, r9
    usad8 r0, r1, r2
    usada8 r0, r1, r2, r3
    bfc r0, #0, #1
    bfc r0, #4, #28
    bfi r1, r2, #0, #32
    bfi r1, r2, #31, #1
    sbfx r3, r4, #0, #32
    sbfx r3, r4, #31, #1
    ubfx r5, r6, #8, #8
    @ branches
    b a_start
    bl a_start
    beq a_fwd
    blne a_fwd
    blx a_thumb_target
    bx lr
    bxeq r3
    blx r4
    blxgt r5
    bxj r6
a_fwd:
    @ word/byte loads and stores
    ldr r0, [r1]
    ldr r0, [r1, #4]
    ldr r0, [r1, #-4]
    ldr r0, [r1, #4095]
    ldr r0, [r1, #-4095]
    ldr r0, [r1, #8]!
    ldr r0, [r1, #-8]!
    ldr r0, [r1], #4
    ldr r0, [r1], #-4
    ldr r0, [r1, r2]
    ldr r0, [r1, -r2]
    ldr r0, [r1, r2, lsl #2]
    ldr r0, [r1, -r2, asr #32]
    ldr r0, [r1, r2, rrx]
    ldr r0, [r1, r2]!
    ldr r0, [r1, -r2, lsl #3]!
    ldr r0, [r1], r2
    ldr r0, [r1], -r2, lsr #1
    ldr r0, [pc, #16]
    ldr r0, [pc, #-16]
    ldr pc, [sp], #4
    ldr pc, [r0, #4]
    str r0, [r1, #4]
    str r0, [r1, #-4]!
    str r0, [r1], #4
    str r0, [r1, r2, lsl #2]
    str pc, [r0]
    ldrb r0, [r1, #1]
    ldrb r0, [r1, -r2]
    strb r0, [r1], #-1
    strb r0, [r1, r2, ror #8]!
    ldrt r0, [r1], #4
    ldrt r0, [r1], -r2
    strt r0, [r1], #-4
    ldrbt r0, [r1], #1
    strbt r0, [r1], r2, lsl #1
    push {r0}
    pop {r1}
    ldrne r0, [r1]
    strbeq r2, [r3, #5]
    @ halfword, signed, dual
    ldrh r0, [r1]
    ldrh r0, [r1, #2]
    ldrh r0, [r1, #-255]
    ldrh r0, [r1, #4]!
    ldrh r0, [r1], #-6
    ldrh r0, [r1, r2]
    ldrh r0, [r1, -r2]!
    ldrh r0, [r1], r2
    strh r0, [r1, #2]
    strh r0, [r1, -r2]
    ldrsb r0, [r1, #1]
    ldrsb r0, [r1, r2]
    ldrsh r0, [r1, #-2]
    ldrsh r0, [r1], -r2
    ldrh r0, [pc, #8]
    ldrd r0, r1, [r2]
    ldrd r0, r1, [r2, #8]
    ldrd r2, r3, [r4, #-8]!
    ldrd r4, r5, [r6], #16
    ldrd r0, r1, [r2, r3]
    ldrd r0, r1, [r2, -r3]!
    strd r0, r1, [r2, #255]
    strd r2, r3, [r4], -r5
    ldrd r0, r1, [pc, #8]
    strht r0, [r1], #2
    ldrht r0, [r1], -r2
    ldrsbt r0, [r1], #1
    ldrsht r0, [r1], r2
    @ load/store multiple
    push {r4, r5, lr}
    pop {r4, r5, pc}
    push {r0, r1}
    pop {r0-r12, lr}
    ldm r0, {r1, r2}
    ldm r0!, {r1, r2, r3}
    ldmib r0, {r1, r2}
    ldmda r0!, {r1, r2}
    ldmdb r0, {r1, r2}
    stm r0!, {r1, r2}
    stmib r0, {r1, r2}
    stmda r0, {r1, r2}
    stmdb r0!, {r1, r2}
    ldm sp, {r0, r1}
    stmdb sp, {r0, r1}
    ldmeq r0, {r1, pc}
    stm r0, {r0, r1}
    @ exclusives, acquire/release, swap
    ldrex r0, [r1]
    ldrexb r0, [r1]
    ldrexh r0, [r1]
    ldrexd r0, r1, [r2]
    strex r0, r1, [r2]
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
    clrex
    ldrexeq r0, [r1]
    @ system
    svc #0
    svc #0x900001
    svcne #1
    bkpt #0
    bkpt #0xfff5
    udf #0
    udf #0xfdee
    dmb sy
    dmb ish
    dsb sy
    dsb ishst
    isb sy
    mcr p15, 0, r0, c7, c10, 5
    mcr p15, 0, r0, c7, c10, 4
    mcr p15, 0, r0, c7, c5, 4
    mrs r0, APSR
    mrseq r1, APSR
    msr APSR_nzcvq, r0
    msr APSR_g, r1
    msr APSR_nzcvqg, r2
    msr APSR_nzcvq, #0xf0000000
    msr APSR_g, #0xf0000
    mrc p15, 0, r0, c13, c0, 3
    mrc p15, 0, r1, c13, c0, 2
    mcr p15, 0, r2, c13, c0, 2
    nop
    yield
    wfe
    wfi
    sev
    pld [r0]
    pld [r0, #-4]
    pldw [r1, r2, lsl #2]
    pli [r3, #8]
    cpsie i
    setend le
    @ VFP loads and stores
    vldr d0, [r0]
    vldr d1, [r0, #8]
    vldr d31, [r1, #-1020]
    vldr s0, [r2, #4]
    vldr s31, [r2, #-4]
    vldr d2, [pc, #16]
    vstr d3, [r3, #1020]
    vstr s5, [sp, #-8]
    vldmia r0, {d0-d3}
    vldmia r0!, {s0-s7}
    vldmdb r1!, {d8}
    vstmia r2, {s1}
    vstmia r2!, {d16-d31}
    vstmdb r3!, {s2-s3}
    vpush {d8-d15}
    vpop {d8-d15}
    vpush {s16-s31}
    vpop {s0}
    vldreq d0, [r0]
    @ VFP register transfers
    vmov r0, s0
    vmov s31, r12
    vmov r0, r1, d0
    vmov d31, r2, r3
    vmov r4, r5, s6, s7
    vmov s30, s31, r6, r7
    vmov.32 r0, d1[0]
    vmov.32 r1, d31[1]
    vmov.32 d2[0], r2
    vmov.32 d17[1], r3
    vmrs r0, fpscr
    vmrs APSR_nzcv, fpscr
    vmsr fpscr, r1
    vmoveq r0, s1
    @ VFP data processing
    vmov.f32 s0, s1
    vmov.f64 d0, d31
    vmov.f32 s0, #1.0
    vmov.f32 s1, #-2.5
    vmov.f64 d1, #0.125
    vmov.f64 d2, #31.0
    vmov.f32 s3, #0.1328125
    vabs.f32 s0, s1
    vabs.f64 d0, d1
    vneg.f32 s2, s3
    vneg.f64 d2, d3
    vsqrt.f32 s4, s5
    vsqrt.f64 d4, d5
    vadd.f32 s0, s1, s2
    vadd.f64 d0, d1, d2
    vsub.f32 s0, s1, s2
    vsub.f64 d16, d17, d18
    vmul.f32 s3, s4, s5
    vmul.f64 d3, d4, d5
    vdiv.f32 s6, s7, s8
    vdiv.f64 d6, d7, d8
    vnmul.f32 s0, s1, s2
    vnmul.f64 d0, d1, d2
    vmla.f32 s0, s1, s2
    vmla.f64 d0, d1, d2
    vmls.f32 s0, s1, s2
    vmls.f64 d0, d1, d2
    vnmla.f32 s0, s1, s2
    vnmla.f64 d0, d1, d2
    vnmls.f32 s0, s1, s2
    vnmls.f64 d0, d1, d2
    vfma.f32 s0, s1, s2
    vfma.f64 d0, d1, d2
    vfms.f32 s0, s1, s2
    vfms.f64 d0, d1, d2
    vfnma.f32 s0, s1, s2
    vfnma.f64 d0, d1, d2
    vfnms.f32 s0, s1, s2
    vfnms.f64 d0, d1, d2
    vcmp.f32 s0, s1
    vcmp.f64 d0, d1
    vcmpe.f32 s2, s3
    vcmpe.f64 d2, d3
    vcmp.f32 s4, #0.0
    vcmpe.f64 d4, #0.0
    vaddne.f64 d0, d1, d2
    vcmpgt.f32 s0, s1
    @ VFP conversions
    vcvt.f64.f32 d0, s1
    vcvt.f32.f64 s2, d3
    vcvt.f32.s32 s0, s1
    vcvt.f32.u32 s0, s1
    vcvt.f64.s32 d0, s1
    vcvt.f64.u32 d0, s1
    vcvt.s32.f32 s0, s1
    vcvt.u32.f32 s0, s1
    vcvt.s32.f64 s0, d1
    vcvt.u32.f64 s0, d1
    vcvtr.s32.f32 s0, s1
    vcvtr.u32.f64 s0, d1
    vcvt.f32.s16 s0, s0, #1
    vcvt.f32.u16 s0, s0, #16
    vcvt.f32.s32 s0, s0, #1
    vcvt.f32.u32 s0, s0, #32
    vcvt.f64.s16 d0, d0, #8
    vcvt.f64.u32 d0, d0, #20
    vcvt.s16.f32 s0, s0, #3
    vcvt.u16.f32 s0, s0, #16
    vcvt.s32.f64 d0, d0, #31
    vcvt.u32.f64 d1, d1, #1
    vcvtb.f32.f16 s0, s1
    vcvtt.f32.f16 s0, s1
    vcvtb.f16.f32 s0, s1
    vcvtt.f16.f32 s0, s1
    vcvteq.f64.f32 d0, s1
    vcvtrne.s32.f64 s0, d1
    @ ARMv8 VFP additions
    vseleq.f32 s0, s1, s2
    vselvs.f64 d0, d1, d2
    vselge.f32 s3, s4, s5
    vselgt.f64 d16, d17, d18
    vmaxnm.f32 s0, s1, s2
    vminnm.f64 d0, d1, d2
    vrinta.f32 s0, s1
    vrintn.f64 d0, d1
    vrintp.f32 s2, s3
    vrintm.f64 d2, d3
    vrintz.f32 s4, s5
    vrintr.f64 d4, d5
    vrintx.f32 s6, s7
    vrintzeq.f64 d6, d7
    vcvta.s32.f32 s0, s1
    vcvtn.u32.f64 s0, d1
    vcvtp.s32.f64 s2, d3
    vcvtm.u32.f32 s4, s5
    vcvtb.f64.f16 d0, s1
    vcvtt.f16.f64 s2, d3
    vcvtt.f64.f16 d4, s5
    vcvtb.f16.f64 s6, d7
    @ ARMv8 crypto extension and CRC32
    .fpu crypto-neon-fp-armv8
    .arch_extension crc
    aese.8 q0, q1
    aesd.8 q15, q14
    aesmc.8 q2, q3
    aesimc.8 q8, q9
    sha1h.32 q4, q5
    sha1su1.32 q6, q7
    sha256su0.32 q10, q11
    sha1c.32 q0, q1, q2
    sha1p.32 q3, q4, q5
    sha1m.32 q6, q7, q8
    sha1su0.32 q9, q10, q11
    sha256h.32 q12, q13, q14
    sha256h2.32 q15, q0, q1
    sha256su1.32 q2, q3, q4
    vmull.p64 q0, d1, d2
    vmull.p64 q15, d31, d16
    crc32b r0, r1, r2
    crc32h r3, r4, r5
    crc32w r6, r7, r8
    crc32cb r9, r10, r11
    crc32ch r12, lr, sp
    crc32cw r0, r0, r0
    .fpu fp-armv8
    bx lr
    .thumb
    .thumb_func
a_thumb_target:
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
    blx a_start
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
    @ more 16-bit forms
    adds r0, r0, #1
    adds r0, #100
    subs r1, r1, #7
    subs r1, #8
    add r9, r9, r0
    .inst.n 0x1c49          @ adds r1, r1, #1 (imm3 encoding)
    .inst.n 0x1e52          @ subs r2, r2, #1 (imm3 encoding)
    .inst.w 0xf2010004      @ addw r0, r1, #4
    adr r3, t_lit
    ldr r4, t_lit
    .align 2
t_lit:
    nop
    nop
    @ Thumb VFP
    vldr d0, [r0, #8]
    vstr s1, [r1, #-4]
    vldr s2, [pc, #8]
    vpush {d8-d9}
    vpop {d8-d9}
    vldmia r0!, {s0-s3}
    vstmdb r1!, {d0-d1}
    vmov r0, s1
    vmov s2, r1
    vmov r0, r1, d2
    vmov d3, r2, r3
    vmov.32 r0, d4[1]
    vmov.32 d5[0], r1
    vmrs APSR_nzcv, fpscr
    vmsr fpscr, r2
    vadd.f64 d0, d1, d2
    vmul.f32 s0, s1, s2
    vfma.f64 d3, d4, d5
    vsqrt.f32 s6, s7
    vmov.f64 d1, #-1.5
    vcmpe.f64 d0, #0.0
    vcvt.s32.f64 s0, d1
    vcvt.f64.u32 d2, s3
    vcvt.f32.f64 s4, d5
    vcvt.f32.s16 s6, s6, #4
    vcvtt.f16.f32 s7, s8
    ite eq
    vaddeq.f32 s0, s1, s2
    vsubne.f32 s0, s1, s2
    itt gt
    vmovgt r0, s1
    vcmpgt.f64 d0, d1
    @ ARMv8 VFP additions
    vseleq.f32 s0, s1, s2
    vselvs.f64 d0, d1, d2
    vselge.f32 s3, s4, s5
    vselgt.f64 d16, d17, d18
    vmaxnm.f32 s0, s1, s2
    vminnm.f64 d0, d1, d2
    vrinta.f32 s0, s1
    vrintn.f64 d0, d1
    vrintp.f32 s2, s3
    vrintm.f64 d2, d3
    vrintz.f32 s4, s5
    vrintr.f64 d4, d5
    vrintx.f32 s6, s7
    it eq
    vrintzeq.f64 d6, d7
    vcvta.s32.f32 s0, s1
    vcvtn.u32.f64 s0, d1
    vcvtp.s32.f64 s2, d3
    vcvtm.u32.f32 s4, s5
    vcvtb.f64.f16 d0, s1
    vcvtt.f16.f64 s2, d3
    vcvtt.f64.f16 d4, s5
    vcvtb.f16.f64 s6, d7
    @ ARMv8 crypto extension and CRC32
    .fpu crypto-neon-fp-armv8
    .arch_extension crc
    aese.8 q0, q1
    aesimc.8 q14, q15
    sha1h.32 q4, q5
    sha256su0.32 q10, q11
    sha1c.32 q0, q1, q2
    sha256h2.32 q15, q0, q1
    sha256su1.32 q2, q3, q4
    vmull.p64 q0, d1, d2
    crc32b r0, r1, r2
    crc32w r6, r7, r8
    crc32ch r12, lr, r3
    .fpu fp-armv8
    bx lr
