/*
 * NEON decoder and executor: decoded fields of representative encodings
 * (A32 and their T32 twins), UNDEFINED encodings, pattern-table
 * consistency, and execution checks with values worked out from the ARM
 * ARM pseudocode: immediates, permutes, saturation and QC, shifts,
 * estimates, standard-FPSCR float behaviour, loads/stores with alignment
 * faults (SIGBUS BUS_ADRALN, nothing written) and writeback.
 *
 * Instructions run through interp_neon_execute() directly (with the
 * thread's fault_jump armed), so this test does not depend on the
 * interpreter's dispatch.
 */
#include <signal.h>

#include "exec_test_util.h"
#include "exec/interp_neon.h"
#include "exec/neon_float.h"
#include "guest/decode.h"

static struct guest_insn dec(uint32_t raw)
{
    struct guest_insn i;
    memset(&i, 0xa5, sizeof i);
    i.pc = 0x8000;
    guest_decode_a32(0x8000, raw, &i);
    return i;
}

/* Decodes raw (A32) and executes it; returns 1 if it raised a signal. */
static int exec_a32(uint32_t raw)
{
    struct guest_insn i = dec(raw);
    if (i.op == OP_UNDEFINED) {
        fprintf(stderr, "%08x: undefined\n", raw);
        test_failures++;
        return 1;
    }
    test_thread.fault.signo = 0;
    if (sigsetjmp(test_thread.fault_jump, 1) == 0) {
        test_thread.in_guest_code = 1;
        interp_neon_execute(&test_thread, &i);
        test_thread.in_guest_code = 0;
        return 0;
    }
    test_thread.in_guest_code = 0;
    return 1;
}

struct decode_case {
    uint32_t raw;
    unsigned op, rd, rn, rm, size, amount, flags;
};

static const struct decode_case decode_cases[] = {
    /* vadd.i32 q0, q1, q2 */
    { 0xf2220844, OP_NEON_VADD, 0, 2, 4, 2, 0, NF_Q },
    /* vqadd.u8 d16, d1, d31 */
    { 0xf341003f, OP_NEON_VQADD, 16, 1, 31, 0, 0, NF_U },
    /* vshr.s16 q0, q1, #3 */
    { 0xf29d0052, OP_NEON_VSHR, 0, 0, 2, 1, 3, NF_Q },
    /* vmull.u32 q0, d2, d3 */
    { 0xf3a20c03, OP_NEON_VMULL, 0, 2, 3, 2, 0, NF_U },
    /* vmla.i16 q0, q1, d4[3] */
    { 0xf392006c, OP_NEON_VMLA, 0, 2, 4, 1, 3, NF_Q | NF_SCALAR },
    /* vcvt.f32.s32 q0, q1 */
    { 0xf3bb0642, OP_NEON_VCVT_F_I, 0, 0, 2, 2, 0, NF_Q },
    /* vdup.8 q0, d2[5] */
    { 0xf3bb0c42, OP_NEON_VDUP_SCALAR, 0, 0, 2, 0, 5, NF_Q },
    /* vmov.u8 r3, d17[5] (cond AL) */
    { 0xeef13bb0, OP_NEON_VMOV_FROM_SCALAR, 3, 17, 0, 0, 5, NF_U },
    /* vdup.16 q1, r2 (cond NE) */
    { 0x1ea22b30, OP_NEON_VDUP_CORE, 2, 0, 2, 1, 0, NF_Q },
};

static void test_decode(void)
{
    for (unsigned k = 0; k < sizeof decode_cases / sizeof decode_cases[0]; k++) {
        const struct decode_case *c = &decode_cases[k];
        struct guest_insn i = dec(c->raw);
        CHECK_EQ(i.op, c->op);
        CHECK_EQ(i.rd, c->rd);
        if (c->op != OP_NEON_VDUP_CORE && c->op != OP_NEON_VMOV_FROM_SCALAR &&
            c->op != OP_NEON_VSHR && c->op != OP_NEON_VCVT_F_I &&
            c->op != OP_NEON_VDUP_SCALAR)
            CHECK_EQ(i.rn, c->rn);
        if (c->op != OP_NEON_VMOV_FROM_SCALAR)
            CHECK_EQ(i.rm, c->rm);
        CHECK_EQ(i.shift_type, c->size);
        CHECK_EQ(i.shift_amount, c->amount);
        CHECK_EQ(i.flags, c->flags);
        CHECK_EQ(i.pc, 0x8000);
        CHECK_EQ(i.raw, c->raw);
        CHECK_EQ(i.cond, (c->raw >> 28) == 0xf ? COND_AL : c->raw >> 28);
    }
    /* T32 twins: 111U 1111 for data processing, 1111 1001 for loads. */
    static const uint32_t pairs[][2] = {
        { 0xf2220844, 0xef220844 },   /* vadd.i32 q0, q1, q2 */
        { 0xf3a20c03, 0xffa20c03 },   /* vmull.u32 */
        { 0xf420070f, 0xf920070f },   /* vld1.8 {d0}, [r0] */
        { 0xf4a008bd, 0xf9a008bd },   /* vld1.32 {d0[1]}, [r0 :32]! */
    };
    for (unsigned k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        struct guest_insn a = dec(pairs[k][0]), t;
        guest_decode_t32(0x9000, (uint16_t)(pairs[k][1] >> 16),
                         (uint16_t)pairs[k][1], 0, &t);
        CHECK_EQ(t.op, a.op);
        CHECK_EQ(t.rd, a.rd);
        CHECK_EQ(t.rn, a.rn);
        CHECK_EQ(t.rm, a.rm);
        CHECK_EQ(t.flags, a.flags);
        CHECK_EQ(t.imm, a.imm);
        CHECK_EQ(t.thumb, 1);
        CHECK_EQ(t.length, 4);
    }
    /* IT condition reaches T32 NEON: ITSTATE 0x18 = IT NE, one insn. */
    struct guest_insn t;
    guest_decode_t32(0x9000, 0xef22, 0x0844, 0x18, &t);
    CHECK_EQ(t.op, OP_NEON_VADD);
    CHECK_EQ(t.cond, COND_NE);

    static const uint32_t undefined_words[] = {
        0xf2220845,     /* vadd q0, q1, q2 with odd Vm */
        0xf2300000,     /* vhadd with size 11 */
        0xf3b40300,     /* AESE with size 01 */
        0xf2a01e00,     /* VMULL.P64 with odd Vd */
        0xf2100d40,     /* vadd.f16 (sz = 1) */
        0xf42f070f,     /* vld1 with Rn = pc */
        0xf42008bf,     /* vld2 with align 11 */
        0xf4a00cff,     /* vld1 all lanes size 11 */
        0xf4800c0f,     /* vst1 all lanes (does not exist) */
        0xeee00b30,     /* vdup with B:E = 11 */
        0xf2b0080f,     /* vext.8 d0, d0, d15, #8 (imm4 > 7 needs Q) */
    };
    for (unsigned k = 0; k < sizeof undefined_words / sizeof undefined_words[0]; k++) {
        uint32_t w = undefined_words[k];
        struct guest_insn i = dec(w);
        if (i.op != OP_UNDEFINED)
            fprintf(stderr, "%08x decoded as %s\n", w, guest_op_name(i.op));
        CHECK_EQ(i.op, OP_UNDEFINED);
    }

    /* Every pattern entry accepts some random word, only with NEON ops. */
    uint32_t x = 0x12345678;
    for (unsigned p = 0; p < guest_neon_pattern_count; p++) {
        const struct guest_insn_pattern *e = &guest_neon_patterns[p];
        unsigned accepted = 0;
        for (unsigned n = 0; n < 4000; n++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            uint32_t raw = (x & ~e->mask) | e->value;
            if ((e->mask >> 28) == 0 && (raw >> 28) == 0xf)
                raw &= 0xefffffffu;
            struct guest_insn i;
            i.pc = 0x10000;
            if (!e->decode(e, raw, &i))
                continue;
            accepted++;
            bool ok = i.op > OP_NEON_FIRST_ && i.op < OP_NEON_END_ &&
                      i.pc == 0x10000 && i.raw == raw && i.length == 4 &&
                      i.rd < 32 && i.rn < 32 && i.rm < 32 &&
                      i.shift_type < 4 && e->group == GROUP_NEON;
            if (!ok)
                fprintf(stderr, "%s: %08x -> %s\n", e->name, raw, guest_op_name(i.op));
            CHECK_EQ(ok, 1);
            /* Q operands are even D numbers (rm may be a core register
             * or a scalar's D register in some forms). */
            bool core_rm = i.op == OP_NEON_VDUP_CORE || i.op == OP_NEON_VDUP_SCALAR ||
                           i.op == OP_NEON_VLD_MULTI ||
                           i.op == OP_NEON_VST_MULTI || i.op == OP_NEON_VLD_LANE ||
                           i.op == OP_NEON_VST_LANE || i.op == OP_NEON_VLD_ALL;
            bool q_ok = !(i.flags & NF_Q) ||
                        !((i.rd | ((core_rm || (i.flags & NF_SCALAR)) ? 0 : i.rm)) & 1);
            if (!q_ok)
                fprintf(stderr, "%s: %08x -> %s with odd Q register\n", e->name,
                        raw, guest_op_name(i.op));
            CHECK_EQ(q_ok, 1);
        }
        if (!accepted)
            fprintf(stderr, "%s: nothing accepted\n", e->name);
        CHECK_EQ(accepted > 0, 1);
    }
}

static void set_q(unsigned q, uint64_t lo, uint64_t hi)
{
    CPU->d[2 * q] = lo;
    CPU->d[2 * q + 1] = hi;
}

static void test_exec(void)
{
    exec_a32(0xf384065d);      /* vmov.i32 q0, #0xcd000000 */
    CHECK_EQ(CPU->d[0], 0xcd000000cd000000ull);
    CHECK_EQ(CPU->d[1], 0xcd000000cd000000ull);
    /* vmov.i64 d0, #0xff00ff0000ffff00 (imm8 = 0b10100110) */
    exec_a32(0xf3820e36);
    CHECK_EQ(CPU->d[0], 0xff00ff0000ffff00ull);

    /* vqadd.s8 d0, d1, d2: 0x7f + 1 saturates, QC set. */
    CPU->fpscr = 0;
    CPU->d[1] = 0x807f000000000010ull;
    CPU->d[2] = 0xff01000000000020ull;
    exec_a32(0xf2010012);
    CHECK_EQ(CPU->d[0], 0x807f000000000030ull);
    CHECK_EQ(CPU->fpscr & FPSCR_QC, FPSCR_QC);

    /* vrshr.u8 d0, d1, #1: 3 -> 2, 0xff -> 0x80 */
    CPU->d[1] = 0x00000000000003ffull;
    exec_a32(0xf38f0211);
    CHECK_EQ(CPU->d[0], 0x0000000000000280ull);

    /* vqdmulh.s16 d0, d1, d2 with 0x8000 * 0x8000 -> 0x7fff, QC */
    CPU->fpscr = 0;
    CPU->d[1] = 0x0000000040008000ull;
    CPU->d[2] = 0x0000000040008000ull;
    exec_a32(0xf2110b02);
    CHECK_EQ(CPU->d[0], 0x0000000020007fffull);
    CHECK_EQ(CPU->fpscr & FPSCR_QC, FPSCR_QC);

    /* vzip.8 d0, d1 */
    CPU->d[0] = 0x0706050403020100ull;
    CPU->d[1] = 0x1716151413121110ull;
    exec_a32(0xf3b20181);
    CHECK_EQ(CPU->d[0], 0x1303120211011000ull);
    CHECK_EQ(CPU->d[1], 0x1707160615051404ull);

    /* vtbl.8 d0, {d2}, d1: index 8 out of range -> 0 */
    CPU->d[2] = 0x8877665544332211ull;
    CPU->d[1] = 0x0800000102030407ull;
    exec_a32(0xf3b20801);
    CHECK_EQ(CPU->d[0], 0x0011112233445588ull);

    /* vrecpe.f32 d0, d1: 1.0 -> 0.998046875 (0x3f7f8000); 0 -> inf, DZC */
    CPU->fpscr = 0;
    CPU->d[1] = 0x000000003f800000ull;
    exec_a32(0xf3bb0501);
    CHECK_EQ(CPU->d[0], 0x7f8000003f7f8000ull);
    CHECK_EQ(CPU->fpscr & FPSCR_DZC, FPSCR_DZC);
    /* vrsqrte.f32 of 4.0 -> 0.4990234375 (0x3eff8000) */
    uint32_t f = FPSCR_FZ | FPSCR_DN;
    CHECK_EQ(neon_rsqrt_estimate_f32(0x40800000, &f), 0x3eff8000);
    CHECK_EQ(neon_recip_estimate_u32(0x80000000), 0xff800000u);
    CHECK_EQ(neon_recip_estimate_u32(0x7fffffff), 0xffffffffu);

    /* vadd.f32 d0, d1, d2 flushes a denormal input (IDC) and NaNs are the
     * default NaN even with FPSCR.DN clear. */
    CPU->fpscr = 0;
    CPU->d[1] = 0x7f800001ull << 32 | 0x00000001u;
    CPU->d[2] = 0x3f800000ull << 32 | 0x3f800000u;
    exec_a32(0xf2010d02);
    CHECK_EQ(CPU->d[0], 0x7fc000003f800000ull);
    CHECK_EQ(CPU->fpscr & (FPSCR_IDC | FPSCR_IOC), FPSCR_IDC | FPSCR_IOC);

    /* vld1.32 {d0-d1}, [r0 :128]! : misaligned -> SIGBUS, nothing written */
    uint8_t *mem = guest_to_host(TEST_DATA);
    for (unsigned k = 0; k < 64; k++)
        mem[k] = (uint8_t)k;
    CPU->r[0] = TEST_DATA + 8;
    set_q(0, 1, 2);
    CHECK_EQ(exec_a32(0xf4200a6d), 1);
    CHECK_EQ(test_thread.fault.signo, SIGBUS);
    CHECK_EQ(test_thread.fault.code, BUS_ADRALN);
    CHECK_EQ(test_thread.fault.addr, TEST_DATA + 8);
    CHECK_EQ(CPU->d[0], 1);
    CHECK_EQ(CPU->r[0], TEST_DATA + 8);
    CPU->r[0] = TEST_DATA + 16;
    CHECK_EQ(exec_a32(0xf4200a6d), 0);
    CHECK_EQ(CPU->d[0], 0x1716151413121110ull);
    CHECK_EQ(CPU->d[1], 0x1f1e1d1c1b1a1918ull);
    CHECK_EQ(CPU->r[0], TEST_DATA + 32);

    /* vld2.16 {d0[1], d1[1]}, [r0], r1 */
    CPU->r[0] = TEST_DATA + 1;
    CPU->r[1] = 100;
    CPU->d[0] = CPU->d[1] = 0;
    exec_a32(0xf4a00541);
    CHECK_EQ(CPU->d[0], 0x0000000002010000ull);
    CHECK_EQ(CPU->d[1], 0x0000000004030000ull);
    CHECK_EQ(CPU->r[0], TEST_DATA + 101);

    /* vst4.8 {d0-d3}, [r0] then read back interleaved */
    for (unsigned k = 0; k < 4; k++)
        CPU->d[k] = 0x0101010101010101ull * (k + 1);
    CPU->r[0] = TEST_DATA + 128;
    exec_a32(0xf400000f);
    CHECK_EQ(guest_load32(TEST_DATA + 128), 0x04030201u);
    CHECK_EQ(guest_load32(TEST_DATA + 156), 0x04030201u);

    /* vmov.s16 r2, d3[2] sign-extends; vmov.8 d3[5], r2 */
    CPU->d[3] = 0x0000800000000000ull;
    exec_a32(0xee332b30);
    CHECK_EQ(CPU->r[2], 0xffff8000u);
    CPU->r[2] = 0x1ab;
    exec_a32(0xee632b30);
    CHECK_EQ(CPU->d[3], 0x0000ab0000000000ull);
}

int main(void)
{
    test_setup();
    test_decode();
    test_exec();
    return test_report("neon_exec_test");
}
