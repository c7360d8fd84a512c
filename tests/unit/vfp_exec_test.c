/*
 * VFP decoder fields and UNDEFINED cases, and the executor's loads/stores,
 * moves, FPSCR access and traps (alignment, Len/Stride, precise faults).
 * Arithmetic and conversions are covered by vfp_vectors_test.c and
 * vfp_helpers_test.c.
 */
#include <signal.h>

#include "exec_test_util.h"
#include "exec/interp_vfp.h"
#include "guest/decode.h"

struct decode_case {
    uint32_t raw;
    unsigned op;
    unsigned rd, rn, rm, ra;
    uint32_t imm;
    unsigned flags;
};

#define WB F_WBACK
static const struct decode_case decode_cases[] = {
    { 0xed510b02, OP_VLDR, 16, 1, 0, 0, 8, F_PRE | VF_F64 },
    { 0xeddf1a05, OP_VLDR, 3, 15, 0, 0, 20, F_PRE | F_ADD },
    { 0xedcdfaff, OP_VSTR, 31, 13, 0, 0, 1020, F_PRE | F_ADD },
    { 0xecb20b20, OP_VLDM, 0, 2, 0, 16, 128, F_ADD | WB | VF_F64 },
    { 0xed2d8b04, OP_VSTM, 8, 13, 0, 2, 16, F_PRE | WB | VF_F64 },
    { 0xecbd8a10, OP_VLDM, 16, 13, 0, 16, 64, F_ADD | WB },
    { 0xecd32a01, OP_VLDM, 5, 3, 0, 1, 4, F_ADD },
    { 0xecb42b05, OP_VLDM, 2, 4, 0, 2, 20, F_ADD | WB | VF_F64 },
    { 0xed651b03, OP_VSTM, 17, 5, 0, 1, 12, F_PRE | WB | VF_F64 },
    { 0xee132a90, OP_VMOV_CORE_S, 2, 7, 0, 0, 0, 0 },
    { 0xee043a90, OP_VMOV_S_CORE, 9, 0, 3, 0, 0, 0 },
    { 0xec554a1f, OP_VMOV_CORE2_S2, 4, 0, 30, 5, 0, 0 },
    { 0xec476a11, OP_VMOV_S2_CORE2, 6, 0, 2, 7, 0, 0 },
    { 0xec598b3f, OP_VMOV_CORE2_D, 8, 0, 31, 9, 0, 0 },
    { 0xec4bab3e, OP_VMOV_D_CORE2, 10, 0, 30, 11, 0, 0 },
    { 0xee311b90, OP_VMOV_CORE_DHALF, 1, 17, 0, 0, 1, 0 },
    { 0xee022b90, OP_VMOV_DHALF_CORE, 18, 0, 2, 0, 0, 0 },
    { 0xeef80a00, OP_VMOV_IMM, 1, 0, 0, 0, 0xc0000000, 0 },
    { 0xeef64b00, OP_VMOV_IMM, 20, 0, 0, 0, 0x3fe00000, VF_F64 },
    { 0xeeb01b6e, OP_VMOV_REG, 1, 0, 30, 0, 0, VF_F64 },
    { 0xeef1fa10, OP_VMRS, 15, 0, 0, 0, 0, 0 },
    { 0xeef13a10, OP_VMRS, 3, 0, 0, 0, 0, 0 },
    { 0xeee14a10, OP_VMSR, 4, 0, 0, 0, 0, 0 },
    { 0xeeb53bc0, OP_VCMPE, 3, 0, 0, 0, 0, VF_F64 | VF_CMP_ZERO },
    { 0xeef71aef, OP_VCVT_F64_F32, 17, 0, 31, 0, 0, 0 },
    { 0xeef7fbe1, OP_VCVT_F32_F64, 31, 0, 17, 0, 0, 0 },
    { 0xeebd1b6f, OP_VCVT_INT_F, 2, 0, 31, 0, 0, VF_F64 | VF_SIGNED | VF_RMODE },
    { 0xeef8fb61, OP_VCVT_F_INT, 31, 0, 3, 0, 0, VF_F64 },
    { 0xeebf5b40, OP_VCVT_FIXED_F, 5, 0, 0, 0, 16, VF_F64 },
    { 0xeefa3aef, OP_VCVT_F_FIXED, 7, 0, 0, 0, 32, VF_SIGNED },
    { 0xeef30ac1, OP_VCVT_F16_F32, 1, 0, 2, 0, 1, 0 },
    { 0xee921b43, OP_VFNMA, 1, 2, 3, 0, 0, VF_F64 },
    /* ARMv8. */
    { 0xfe307aa9, OP_VSEL, 14, 1, 19, 0, 3, 0 },    /* vselgt.f32 s14, s1, s19 */
    { 0xfe510b2f, OP_VSEL, 16, 1, 31, 0, 1, VF_F64 },       /* vselvs.f64 d16, d1, d31 */
    { 0xfec00a00, OP_VMAXNM, 1, 0, 0, 0, 0, 0 },            /* vmaxnm.f32 s1, s0, s0 */
    { 0xfe812be3, OP_VMINNM, 2, 17, 19, 0, 0, VF_F64 },     /* vminnm.f64 d2, d17, d19 */
    { 0xfeb80a60, OP_VRINT, 0, 0, 1, 0, 4, 0 },             /* vrinta.f32 s0, s1 */
    { 0xfefb1b61, OP_VRINT, 17, 0, 17, 0, 2, VF_F64 },      /* vrintm.f64 d17, d17 */
    { 0xeeb60ae0, OP_VRINT, 0, 0, 1, 0, 3, 0 },             /* vrintz.f32 s0, s1 */
    { 0xeeb60b41, OP_VRINT, 0, 0, 1, 0, 0, VF_F64 | VF_RMODE }, /* vrintr.f64 */
    { 0xeef70a60, OP_VRINTX, 1, 0, 1, 0, 0, VF_RMODE },     /* vrintx.f32 s1, s1 */
    { 0xfebd0ae0, OP_VCVT_INT_F_RM, 0, 0, 1, 0, 0, VF_SIGNED },  /* vcvtn.s32.f32 */
    { 0xfefe1b62, OP_VCVT_INT_F_RM, 3, 0, 18, 0, 1, VF_F64 },    /* vcvtp.u32.f64 s3, d18 */
    { 0xeeb20be1, OP_VCVT_F64_F16, 0, 0, 3, 0, 1, 0 },      /* vcvtt.f64.f16 d0, s3 */
    { 0xeef30b61, OP_VCVT_F16_F64, 1, 0, 17, 0, 0, 0 },     /* vcvtb.f16.f64 s1, d17 */
    { 0xeef90bc1, OP_VJCVT, 1, 0, 1, 0, 0, 0 },             /* vjcvt.s32.f64 s1, d1 */
};

/* Words of the cp10/11 space that must decode as OP_UNDEFINED. */
static const uint32_t undefined_words[] = {
    0xeef00a10,     /* vmrs r0, fpsid */
    0xeef80a10,     /* vmrs r0, fpexc */
    0xeef70a10,     /* vmrs r0, mvfr0 */
    0xeee80a10,     /* vmsr fpexc, r0 */
    0xeee1fa10,     /* vmsr fpscr, pc */
    0xee10fa10,     /* vmov pc, s0 */
    0xeeb90ac0,     /* vjcvt with a single source */
    0xeeb90b40,     /* vjcvt with bit 7 clear */
    0xfe000a40,     /* vsel with bit 6 set */
    0xfe000a10,     /* unconditional space, bit 4 set */
    0xfe900a00,     /* unconditional space, opc 1.01 */
    0xfeb40a60,     /* unconditional space, opc2 0100 */
    0xfeb80ac0,     /* vrinta with bit 7 set */
    0xfeb00a40,     /* vmovx.f16 (FEAT_FP16, not implemented) */
    0xfc000a00,     /* unconditional load/store space */
    0xee800b10,     /* vdup.32 d0, r0 (NEON) */
    0xee500b10,     /* vmov.s8 r0, d0[0] (NEON) */
    0xee400b10,     /* vmov.8 d0[0], r0 (NEON) */
    0xec500a10,     /* vmov r0, r0, s0, s1 (Rt == Rt2) */
    0xec510a3f,     /* vmov r0, r1, s31, s32 */
    0xecbd0b00,     /* vpop {} (empty list) */
    0xecbd0b22,     /* vpop 17 doubles */
    0xecb00a21,     /* vldmia r0!, {s0-s32} */
    0xecbf0a01,     /* vldmia pc!, {s0} */
    0xedb00a01,     /* P=1 U=1 W=1 */
    0xee800a40,     /* vdiv with op bit set */
    0xeeb00a10,     /* vmov imm with bit 4 set: transfer space, bad */
    0xeeb00a80,     /* vmov imm with bit 7 set */
    0xeeba0a49,     /* vcvt.f32.s16 s0, s0, #-2 (frac bits < 0) */
    0xeeb50a41,     /* vcmp.f32 s0, #0 with Vm != 0 */
};

static void test_decode(void)
{
    for (unsigned i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
        const struct decode_case *c = &decode_cases[i];
        struct guest_insn insn;
        memset(&insn, 0xaa, sizeof insn);
        CHECK_EQ(guest_decode_vfp(c->raw, &insn), 1);
        CHECK_EQ(insn.op, c->op);
        CHECK_EQ(insn.rd, c->rd);
        if (c->rn)
            CHECK_EQ(insn.rn, c->rn);
        if (c->rm)
            CHECK_EQ(insn.rm, c->rm);
        if (c->ra)
            CHECK_EQ(insn.ra, c->ra);
        CHECK_EQ(insn.imm, c->imm);
        CHECK_EQ(insn.flags, c->flags);
        if (insn.op != c->op || insn.flags != c->flags)
            fprintf(stderr, "  (case %08x)\n", c->raw);
    }
    for (unsigned i = 0; i < sizeof undefined_words / sizeof undefined_words[0]; i++) {
        struct guest_insn insn;
        memset(&insn, 0, sizeof insn);
        CHECK_EQ(guest_decode_vfp(undefined_words[i], &insn), 1);
        if (insn.op != OP_UNDEFINED)
            fprintf(stderr, "%08x: decoded as %s, expected undefined\n",
                    undefined_words[i], guest_op_name(insn.op));
        CHECK_EQ(insn.op, OP_UNDEFINED);
    }
    /* Not VFP at all: other coprocessors, other spaces. */
    struct guest_insn insn;
    CHECK_EQ(guest_decode_vfp(0xee1d0f70, &insn), 0);    /* mrc p15 */
    CHECK_EQ(guest_decode_vfp(0xe0810002, &insn), 0);    /* add */
    CHECK_EQ(guest_decode_vfp(0xee000910, &insn), 0);    /* cp9 */
    /* The A32 decoder routes VFP words with the condition. */
    guest_decode_a32(0x8000, 0x1e300a81, &insn);          /* vaddne.f32 */
    CHECK_EQ(insn.op, OP_VADD);
    CHECK_EQ(insn.cond, COND_NE);
    /* The T32 decoder too (vadd.f32 s0, s1, s2 = ee30 0a81). */
    CHECK_EQ(guest_decode_t32(0x9000, 0xee30, 0x0a81, 0, &insn), 4);
    CHECK_EQ(insn.op, OP_VADD);
    CHECK_EQ(insn.rd, 0);
    CHECK_EQ(insn.rn, 1);
    CHECK_EQ(insn.rm, 2);
    /* ARMv8 unconditional forms: A32 with cond 0xF, T32 hw1 0xFExx; in an
     * IT block the T32 form takes the IT condition, as in qemu-arm. */
    guest_decode_a32(0x8000, 0xfe800a81, &insn);          /* vmaxnm.f32 */
    CHECK_EQ(insn.op, OP_VMAXNM);
    CHECK_EQ(insn.cond, COND_AL);
    guest_decode_a32(0x8000, 0xfe000a91, &insn);          /* bit 4 set */
    CHECK_EQ(insn.op, OP_UNDEFINED);
    CHECK_EQ(guest_decode_t32(0x9000, 0xfebc, 0x0ae0, 0, &insn), 4);
    CHECK_EQ(insn.op, OP_VCVT_INT_F_RM);
    CHECK_EQ(insn.cond, COND_AL);
    CHECK_EQ(insn.thumb, 1);
    CHECK_EQ(guest_decode_t32(0x9000, 0xfe00, 0x0a81, 0x18, &insn), 4);  /* IT NE */
    CHECK_EQ(insn.op, OP_VSEL);
    CHECK_EQ(insn.cond, COND_NE);
    CHECK_EQ(guest_decode_t32(0x9000, 0xfe00, 0x0a91, 0, &insn), 4);
    CHECK_EQ(insn.op, OP_UNDEFINED);
}

static struct guest_insn decode(uint32_t raw, uint32_t pc)
{
    struct guest_insn insn;
    guest_decode_a32(pc, raw, &insn);
    return insn;
}

static uint32_t mem32(uint32_t a) { return guest_load32(a); }

static void test_loads_stores(void)
{
    const uint32_t buf = TEST_DATA + 0x100;
    for (unsigned i = 0; i < 64; i++)
        guest_store32(buf + 4 * i, 0x1000u + i);

    /* vldmia r2!, {d0-d15} */
    CPU->r[2] = buf;
    CHECK_EQ(run1(decode(0xecb20b20, 0x8000)), 0);
    CHECK_EQ(CPU->r[2], buf + 128);
    CHECK_EQ(CPU->d[0], 0x0000100100001000ull);
    CHECK_EQ(CPU->d[15], 0x0000101f0000101eull);

    /* vpush {d8-d9}: sp -= 16, d8 at the lowest address. */
    CPU->r[13] = buf + 0x200;
    CHECK_EQ(run1(decode(0xed2d8b04, 0x8000)), 0);
    CHECK_EQ(CPU->r[13], buf + 0x200 - 16);
    CHECK_EQ(mem32(buf + 0x200 - 16), 0x1010);
    CHECK_EQ(mem32(buf + 0x200 - 4), 0x1013);

    /* vpop {s16-s31} */
    CPU->r[13] = buf;
    CHECK_EQ(run1(decode(0xecbd8a10, 0x8000)), 0);
    CHECK_EQ(CPU->r[13], buf + 64);
    CHECK_EQ(guest_cpu_get_s(CPU, 16), 0x1000);
    CHECK_EQ(guest_cpu_get_s(CPU, 31), 0x100f);

    /* fldmiax r4!, {d2-d3}: 2 registers, writeback 20 bytes. */
    CPU->r[4] = buf;
    CHECK_EQ(run1(decode(0xecb42b05, 0x8000)), 0);
    CHECK_EQ(CPU->r[4], buf + 20);
    CHECK_EQ(CPU->d[3], 0x0000100300001002ull);
    /* fstmdbx r5!, {d17}: start base - 12, writeback base - 12. */
    CPU->r[5] = buf + 0x300;
    CPU->d[17] = 0x1122334455667788ull;
    CHECK_EQ(run1(decode(0xed651b03, 0x8000)), 0);
    CHECK_EQ(CPU->r[5], buf + 0x300 - 12);
    CHECK_EQ(mem32(buf + 0x300 - 12), 0x55667788);
    CHECK_EQ(mem32(buf + 0x300 - 8), 0x11223344);

    /* vldr s3, [pc, #20] in A32: base = pc + 8. */
    const uint32_t code = TEST_DATA + 0x4000;
    guest_store32(code + 8 + 20, 0xcafef00d);
    CHECK_EQ(run1(decode(0xeddf1a05, code)), 0);
    CHECK_EQ(guest_cpu_get_s(CPU, 3), 0xcafef00d);
    /* In T32 at pc code + 2: base = Align(code + 6, 4) = code + 4. */
    struct guest_insn t;
    CHECK_EQ(guest_decode_t32(code + 2, 0xeddf, 0x1a05, 0, &t), 4);
    guest_store32(code + 4 + 20, 0xfeedbeef);
    CHECK_EQ(run1(t), 0);
    CHECK_EQ(guest_cpu_get_s(CPU, 3), 0xfeedbeef);

    /* vldr d16, [r1, #-8] */
    CPU->r[1] = buf + 8;
    CHECK_EQ(run1(decode(0xed510b02, 0x8000)), 0);
    CHECK_EQ(CPU->d[16], 0x0000100100001000ull);

    /* Unaligned: SIGBUS BUS_ADRALN at the address, nothing changed. */
    CPU->r[1] = buf + 10;
    CPU->d[16] = 0;
    CHECK_EQ(run1(decode(0xed510b02, 0x8000)), 1);
    CHECK_EQ(test_thread.fault.signo, SIGBUS);
    CHECK_EQ(test_thread.fault.code, BUS_ADRALN);
    CHECK_EQ(test_thread.fault.addr, buf + 2);
    CHECK_EQ(CPU->d[16], 0);
    CHECK_EQ(CPU->r[15], 0x8000);

    /* Precise fault: vldmia r2!, {d0-d15} running into an unmapped page
     * leaves registers and base unchanged. */
    uint32_t end = TEST_DATA + TEST_DATA_SIZE;
    CPU->r[2] = end - 64;
    CPU->d[0] = 0x1234;
    CHECK_EQ(run1(decode(0xecb20b20, 0x8000)), 1);
    CHECK_EQ(test_thread.fault.signo, SIGSEGV);
    CHECK_EQ(CPU->r[2], end - 64);
    CHECK_EQ(CPU->d[0], 0x1234);
}

static void test_moves_and_fpscr(void)
{
    CPU->r[6] = 0x11111111;
    CPU->r[7] = 0x22222222;
    CHECK_EQ(run1(decode(0xec476a11, 0x8000)), 0);     /* vmov s2, s3, r6, r7 */
    CHECK_EQ(CPU->d[1], 0x2222222211111111ull);
    CHECK_EQ(run1(decode(0xec554a1f, 0x8000)), 0);     /* vmov r4, r5, s30, s31 */
    CHECK_EQ(CPU->r[4], (uint32_t)CPU->d[15]);
    CHECK_EQ(CPU->r[5], (uint32_t)(CPU->d[15] >> 32));
    CPU->r[10] = 0xaaaaaaaa;
    CPU->r[11] = 0xbbbbbbbb;
    CHECK_EQ(run1(decode(0xec4bab3e, 0x8000)), 0);     /* vmov d30, r10, r11 */
    CHECK_EQ(CPU->d[30], 0xbbbbbbbbaaaaaaaaull);
    CPU->d[31] = 0x0102030405060708ull;
    CHECK_EQ(run1(decode(0xec598b3f, 0x8000)), 0);     /* vmov r8, r9, d31 */
    CHECK_EQ(CPU->r[8], 0x05060708);
    CHECK_EQ(CPU->r[9], 0x01020304);
    CPU->d[17] = 0x9999999988888888ull;
    CHECK_EQ(run1(decode(0xee311b90, 0x8000)), 0);     /* vmov.32 r1, d17[1] */
    CHECK_EQ(CPU->r[1], 0x99999999);
    CPU->r[2] = 0x77777777;
    CPU->d[18] = 0;
    CHECK_EQ(run1(decode(0xee022b90, 0x8000)), 0);     /* vmov.32 d18[0], r2 */
    CHECK_EQ(CPU->d[18], 0x77777777ull);
    CHECK_EQ(run1(decode(0xeef64b00, 0x8000)), 0);     /* vmov.f64 d20, #0.5 */
    CHECK_EQ(CPU->d[20], 0x3fe0000000000000ull);

    /* VMSR keeps only the writable bits; VMRS APSR_nzcv copies NZCV. */
    CPU->r[4] = 0xffffffff;
    CHECK_EQ(run1(decode(0xeee14a10, 0x8000)), 0);
    CHECK_EQ(CPU->fpscr, FPSCR_WRITABLE_MASK);
    set_flags(0);
    CHECK_EQ(run1(decode(0xeef1fa10, 0x8000)), 0);
    CHECK_EQ(get_flags(), 0xf);

    /* Len != 0: vector-capable data processing is UNDEFINED, loads and
     * conversions still run. */
    CPU->fpscr = 0x00010000;
    CHECK_EQ(run1(decode(0xee300a81, 0x8000)), 1);     /* vadd.f32 */
    CHECK_EQ(test_thread.fault.signo, SIGILL);
    CHECK_EQ(run1(decode(0xeef71aef, 0x8000)), 0);     /* vcvt.f64.f32 */
    CPU->fpscr = 0x00100000;                           /* Stride */
    CHECK_EQ(run1(decode(0xee921b43, 0x8000)), 1);     /* vfnma.f64 */
    CPU->fpscr = 0;
    CHECK_EQ(run1(decode(0xee921b43, 0x8000)), 0);
    /* Condition failed: nothing happens. */
    CPU->d[1] = 0;
    set_flags(0);                                      /* Z clear: EQ fails */
    CHECK_EQ(run1(decode(0x0eb01b6e, 0x8000)), 0);     /* vmoveq.f64 d1, d30 */
    CHECK_EQ(CPU->d[1], 0);
}

/* ARMv8 additions: executor plumbing (values are covered by
 * vfp_v8_vectors_test.c). */
static void test_v8(void)
{
    /* VSEL reads APSR.NZCV: gt = !Z && N == V. */
    CPU->d[0] = 0x1111111122222222ull;
    CPU->d[1] = 0x3333333344444444ull;
    set_flags(0x9);                                    /* N, V: ge and gt */
    CHECK_EQ(run1(decode(0xfe302a80, 0x8000)), 0);     /* vselgt.f32 s4, s1, s0 */
    CHECK_EQ(guest_cpu_get_s(CPU, 4), 0x11111111u);
    set_flags(0xd);                                    /* Z too: gt fails */
    CHECK_EQ(run1(decode(0xfe302a80, 0x8000)), 0);
    CHECK_EQ(guest_cpu_get_s(CPU, 4), 0x22222222u);
    CHECK_EQ(run1(decode(0xfe012b00, 0x8000)), 0);     /* vseleq.f64 d2, d1, d0 */
    CHECK_EQ(CPU->d[2], 0x3333333344444444ull);

    /* VJCVT: result modulo 2^32, FPSCR.NZCV = 0Z00, Invalid on overflow. */
    CPU->fpscr = 0xf0000000u;
    CPU->d[1] = 0xc1ebf08eb0000000ull;                 /* -3.75e9 */
    CHECK_EQ(run1(decode(0xeeb90bc1, 0x8000)), 0);     /* vjcvt.s32.f64 s0, d1 */
    CHECK_EQ(guest_cpu_get_s(CPU, 0), 0x207b8a80u);
    CHECK_EQ(CPU->fpscr, FPSCR_IOC);
    CPU->fpscr = 0;
    CPU->d[1] = 0xc059000000000000ull;                 /* -100.0: exact */
    CHECK_EQ(run1(decode(0xeeb90bc1, 0x8000)), 0);
    CHECK_EQ(guest_cpu_get_s(CPU, 0), (uint32_t)-100);
    CHECK_EQ(CPU->fpscr, 0x40000000u);

    /* Len != 0: VMAXNM is a vector-capable op (UNDEFINED), VRINT, VSEL
     * and the conversions are not. */
    CPU->fpscr = 0x00010000;
    CHECK_EQ(run1(decode(0xfe800a81, 0x8000)), 1);     /* vmaxnm.f32 */
    CHECK_EQ(test_thread.fault.signo, SIGILL);
    CHECK_EQ(run1(decode(0xfeb80a60, 0x8000)), 0);     /* vrinta.f32 */
    CHECK_EQ(run1(decode(0xfe302a80, 0x8000)), 0);     /* vselgt.f32 */
    CHECK_EQ(run1(decode(0xeeb20bc1, 0x8000)), 0);     /* vcvtt.f64.f16 */
    CPU->fpscr = 0;
}

int main(void)
{
    test_setup();
    test_decode();
    test_loads_stores();
    test_moves_and_fpscr();
    test_v8();
    return test_report("vfp_exec");
}
