/*
 * Interpreter ALU unit tests: shifter carry-out, AddWithCarry flags,
 * conditions, multiplies, saturation, parallel add/subtract, misc ops.
 * Instructions are built by hand (no decoder involved).
 */
#include "exec_test_util.h"
#include "exec/interp_alu.h"

uint16_t interp_cond_mask_reference(unsigned cond);

static void test_cond_table(void)
{
    for (unsigned c = 0; c < 15; c++)
        CHECK_EQ(interp_cond_table[c], interp_cond_mask_reference(c));
}

/* MOV{S} r0, r1, <type> r2 (register-shifted) with carry in cin. */
static void rsr(unsigned type, uint32_t v, uint32_t amount, uint32_t cin,
                uint32_t want, uint32_t want_c, int line)
{
    struct guest_insn i = mk(OP_MOV_RSR, 0, 0, 1);
    i.ra = 2;
    i.shift_type = (uint8_t)type;
    i.flags = F_S;
    CPU->r[1] = v;
    CPU->r[2] = amount | 0xab00;    /* only the bottom byte counts */
    set_flags(cin << 1);
    run1(i);
    if (CPU->r[0] != want || CPU->flag_c != want_c) {
        test_failures++;
        fprintf(stderr, "line %d: shift %u by %u of 0x%x: got 0x%x C=%u, want 0x%x C=%u\n",
                line, type, amount, v, CPU->r[0], CPU->flag_c, want, want_c);
    }
    test_checks++;
}

static void test_shifts(void)
{
    uint32_t v = 0x80000001;
    rsr(SHIFT_LSL, v, 0, 0, v, 0, __LINE__);
    rsr(SHIFT_LSL, v, 0, 1, v, 1, __LINE__);
    rsr(SHIFT_LSL, v, 1, 0, 2, 1, __LINE__);
    rsr(SHIFT_LSL, v, 31, 1, 0x80000000, 0, __LINE__);
    rsr(SHIFT_LSL, v, 32, 0, 0, 1, __LINE__);
    rsr(SHIFT_LSL, v, 33, 1, 0, 0, __LINE__);
    rsr(SHIFT_LSL, v, 255, 1, 0, 0, __LINE__);
    rsr(SHIFT_LSR, v, 0, 1, v, 1, __LINE__);
    rsr(SHIFT_LSR, v, 1, 0, 0x40000000, 1, __LINE__);
    rsr(SHIFT_LSR, v, 31, 0, 1, 0, __LINE__);
    rsr(SHIFT_LSR, v, 32, 0, 0, 1, __LINE__);
    rsr(SHIFT_LSR, v, 33, 1, 0, 0, __LINE__);
    rsr(SHIFT_LSR, v, 255, 1, 0, 0, __LINE__);
    rsr(SHIFT_ASR, v, 0, 0, v, 0, __LINE__);
    rsr(SHIFT_ASR, v, 1, 0, 0xc0000000, 1, __LINE__);
    rsr(SHIFT_ASR, v, 31, 1, 0xffffffff, 0, __LINE__);
    rsr(SHIFT_ASR, v, 32, 0, 0xffffffff, 1, __LINE__);
    rsr(SHIFT_ASR, v, 33, 0, 0xffffffff, 1, __LINE__);
    rsr(SHIFT_ASR, 0x7fffffff, 255, 1, 0, 0, __LINE__);
    rsr(SHIFT_ROR, v, 0, 0, v, 0, __LINE__);
    rsr(SHIFT_ROR, v, 1, 0, 0xc0000000, 1, __LINE__);
    rsr(SHIFT_ROR, v, 31, 0, 0x00000003, 0, __LINE__);
    rsr(SHIFT_ROR, v, 32, 0, v, 1, __LINE__);
    rsr(SHIFT_ROR, v, 33, 0, 0xc0000000, 1, __LINE__);
    rsr(SHIFT_ROR, 0x7ffffffe, 64, 1, 0x7ffffffe, 0, __LINE__);

    /* Immediate forms, normalised amounts: LSR #32, ASR #32, RRX. */
    struct guest_insn i = mk(OP_MOV_REG, 0, 0, 1);
    i.flags = F_S;
    CPU->r[1] = v;
    i.shift_type = SHIFT_LSR;
    i.shift_amount = 32;
    set_flags(0);
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(get_flags(), 0x6);     /* Z, C */
    i.shift_type = SHIFT_RRX;
    i.shift_amount = 1;
    set_flags(0x2);
    run1(i);
    CHECK_EQ(CPU->r[0], 0xc0000000);
    CHECK_EQ(get_flags(), 0xa);     /* N, C */
    set_flags(0x0);
    CPU->r[1] = 0x2;
    run1(i);
    CHECK_EQ(CPU->r[0], 1);
    CHECK_EQ(get_flags(), 0);
    /* Without S, flags are untouched. */
    i.flags = 0;
    set_flags(0x5);
    CPU->r[1] = 1;
    run1(i);
    CHECK_EQ(get_flags(), 0x5);

    /* Logical immediates: C from imm bit 31 only with F_IMM_CARRY. */
    i = mk(OP_AND_IMM, 0, 1, 0);
    i.imm = 0x80000000;
    i.flags = F_S | F_IMM_CARRY;
    CPU->r[1] = 0xffffffff;
    set_flags(0x1);
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    CHECK_EQ(get_flags(), 0xb);     /* N C V(unchanged) */
    i.flags = F_S;
    i.imm = 0xff;
    set_flags(0x0);
    run1(i);
    CHECK_EQ(get_flags(), 0x0);
    /* Shift by register for an arithmetic op: RSB r0, r1, r3, LSL r2. */
    i = mk(OP_RSB_RSR, 0, 1, 3);
    i.ra = 2;
    i.shift_type = SHIFT_LSL;
    CPU->r[1] = 1;
    CPU->r[2] = 4;
    CPU->r[3] = 3;
    run1(i);
    CHECK_EQ(CPU->r[0], 47);
}

static void arith(unsigned op, uint32_t a, uint32_t b, unsigned flags_in,
                  uint32_t want, unsigned want_flags, int line)
{
    struct guest_insn i = mk(op, 0, 1, 2);
    i.flags = F_S;
    CPU->r[0] = 0xdeadbeef;
    CPU->r[1] = a;
    CPU->r[2] = b;
    set_flags(flags_in);
    run1(i);
    bool writes = op != OP_CMP_REG && op != OP_CMN_REG && op != OP_TST_REG && op != OP_TEQ_REG;
    if ((writes && CPU->r[0] != want) || get_flags() != want_flags) {
        test_failures++;
        fprintf(stderr, "line %d: op %s 0x%x, 0x%x: got 0x%x nzcv=%x, want 0x%x nzcv=%x\n",
                line, guest_op_name(op), a, b, CPU->r[0], get_flags(), want, want_flags);
    }
    test_checks++;
}

static void test_arith(void)
{
    arith(OP_ADD_REG, 0x7fffffff, 1, 0, 0x80000000, 0x9, __LINE__);
    arith(OP_ADD_REG, 0xffffffff, 1, 0, 0, 0x6, __LINE__);
    arith(OP_ADD_REG, 0x80000000, 0x80000000, 0, 0, 0x7, __LINE__);
    arith(OP_ADC_REG, 0xffffffff, 0, 0x2, 0, 0x6, __LINE__);
    arith(OP_ADC_REG, 0x7ffffffe, 1, 0x2, 0x80000000, 0x9, __LINE__);
    arith(OP_ADC_REG, 1, 1, 0x0, 2, 0x0, __LINE__);
    arith(OP_SUB_REG, 0, 1, 0, 0xffffffff, 0x8, __LINE__);
    arith(OP_SUB_REG, 5, 5, 0, 0, 0x6, __LINE__);
    arith(OP_SUB_REG, 0x80000000, 1, 0, 0x7fffffff, 0x3, __LINE__);
    arith(OP_SBC_REG, 5, 3, 0x0, 1, 0x2, __LINE__);
    arith(OP_SBC_REG, 5, 3, 0x2, 2, 0x2, __LINE__);
    arith(OP_SBC_REG, 0, 0, 0x0, 0xffffffff, 0x8, __LINE__);
    arith(OP_RSB_REG, 3, 5, 0, 2, 0x2, __LINE__);
    arith(OP_RSC_REG, 3, 5, 0x0, 1, 0x2, __LINE__);
    arith(OP_RSC_REG, 5, 5, 0x0, 0xffffffff, 0x8, __LINE__);
    arith(OP_CMP_REG, 0x80000000, 1, 0, 0, 0x3, __LINE__);
    arith(OP_CMN_REG, 0xffffffff, 1, 0, 0, 0x6, __LINE__);
    arith(OP_TEQ_REG, 0x80000000, 0x80000000, 0xb, 0, 0x7, __LINE__);
    arith(OP_ORN_REG, 0, 0xffffffff, 0, 0, 0x4, __LINE__);
    arith(OP_BIC_REG, 0xff, 0x0f, 0, 0xf0, 0, __LINE__);
    arith(OP_MVN_REG, 0, 0, 0, 0xffffffff, 0x8, __LINE__);
}

static void test_conditions(void)
{
    struct guest_insn i = mk(OP_MOV_IMM, 0, 0, 0);
    i.imm = 7;
    i.cond = COND_NE;
    CPU->r[0] = 1;
    set_flags(0x4);
    run1(i);
    CHECK_EQ(CPU->r[0], 1);
    i.cond = COND_EQ;
    run1(i);
    CHECK_EQ(CPU->r[0], 7);
    i.cond = COND_GT;
    i.imm = 9;
    set_flags(0x9);             /* N = V, Z = 0 */
    run1(i);
    CHECK_EQ(CPU->r[0], 9);
}

static void test_multiplies(void)
{
    struct guest_insn i = mk(OP_UMAAL, 0, 2, 3);
    i.ra = 1;
    CPU->r[0] = CPU->r[1] = CPU->r[2] = CPU->r[3] = 0xffffffff;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffffffff);
    CHECK_EQ(CPU->r[1], 0xffffffff);

    i = mk(OP_SMULL, 0, 2, 3);
    i.ra = 1;
    i.flags = F_S;
    CPU->r[2] = 0xffffffff;
    CPU->r[3] = 2;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xfffffffe);
    CHECK_EQ(CPU->r[1], 0xffffffff);
    CHECK_EQ(CPU->flag_n, 1);

    i = mk(OP_UMLAL, 0, 2, 3);
    i.ra = 1;
    CPU->r[0] = 0xffffffff;
    CPU->r[1] = 0;
    CPU->r[2] = 1;
    CPU->r[3] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(CPU->r[1], 1);

    /* SMMUL / SMMULR / SMMLAR / SMMLS(R). */
    i = mk(OP_SMMUL, 0, 1, 2);
    CPU->r[1] = 0x40000000;
    CPU->r[2] = 2;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    i.flags = F_ROUND;
    run1(i);
    CHECK_EQ(CPU->r[0], 1);
    CPU->r[1] = 1;
    CPU->r[2] = 0x80000000;
    i.flags = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffffffff);
    i.flags = F_ROUND;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    i = mk(OP_SMMLA, 0, 1, 2);
    i.ra = 3;
    i.flags = F_ROUND;
    CPU->r[1] = 0x40000000;
    CPU->r[2] = 2;
    CPU->r[3] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 2);
    i = mk(OP_SMMLS, 0, 1, 2);
    i.ra = 3;
    CPU->r[1] = 1;
    CPU->r[2] = 1;
    CPU->r[3] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    i.flags = F_ROUND;
    run1(i);
    CHECK_EQ(CPU->r[0], 1);

    /* SMLABB sets Q on overflow of the accumulation, never clears it. */
    i = mk(OP_SMLAXY, 0, 1, 2);
    i.ra = 3;
    CPU->r[1] = 0x7fff;
    CPU->r[2] = 0x7fff;
    CPU->r[3] = 0x7fffffff;
    CPU->flag_q = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xbfff0000);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->r[3] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x3fff0001);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i.flags = F_NHIGH | F_MHIGH;
    CPU->r[1] = 0xffff0000;     /* -1 */
    CPU->r[2] = 0x00050000;
    CPU->r[3] = 10;
    run1(i);
    CHECK_EQ(CPU->r[0], 5);
    CHECK_EQ(CPU->flag_q, 0);

    /* SMUAD Q: 0x8000*0x8000 twice overflows. */
    i = mk(OP_SMUAD, 0, 1, 2);
    CPU->r[1] = 0x80008000;
    CPU->r[2] = 0x80008000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;

    /* SMULWB: (rn * rm[15:0]) >> 16. */
    i = mk(OP_SMULWY, 0, 1, 2);
    CPU->r[1] = 0x00010000;
    CPU->r[2] = 0x0000ffff;     /* -1 */
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffffffff);

    /* Division. */
    i = mk(OP_SDIV, 0, 1, 2);
    CPU->r[1] = 0x80000000;
    CPU->r[2] = 0xffffffff;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    CPU->r[1] = 7;
    CPU->r[2] = (uint32_t)-2;
    run1(i);
    CHECK_EQ(CPU->r[0], (uint32_t)-3);
    CPU->r[2] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    i = mk(OP_UDIV, 0, 1, 2);
    CPU->r[1] = 0xffffffff;
    CPU->r[2] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CPU->r[2] = 2;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x7fffffff);
}

static void test_saturation(void)
{
    struct guest_insn i = mk(OP_SSAT, 0, 1, 0);
    i.imm = 8;
    CPU->flag_q = 0;
    CPU->r[1] = 127;
    run1(i);
    CHECK_EQ(CPU->r[0], 127);
    CHECK_EQ(CPU->flag_q, 0);
    CPU->r[1] = 128;
    run1(i);
    CHECK_EQ(CPU->r[0], 127);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    CPU->r[1] = (uint32_t)-129;
    run1(i);
    CHECK_EQ(CPU->r[0], (uint32_t)-128);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i.imm = 32;
    CPU->r[1] = 0x80000000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    CHECK_EQ(CPU->flag_q, 0);
    i.imm = 1;
    CPU->r[1] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    /* SSAT with ASR #32 of a negative value: -1 fits. */
    i.imm = 4;
    i.shift_type = SHIFT_ASR;
    i.shift_amount = 32;
    CPU->r[1] = 0x80000000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffffffff);
    CHECK_EQ(CPU->flag_q, 0);

    i = mk(OP_USAT, 0, 1, 0);
    i.imm = 8;
    CPU->r[1] = 300;
    run1(i);
    CHECK_EQ(CPU->r[0], 255);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    CPU->r[1] = (uint32_t)-5;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i.imm = 31;
    CPU->r[1] = 0x7fffffff;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x7fffffff);
    CHECK_EQ(CPU->flag_q, 0);
    i.imm = 0;
    CPU->r[1] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(CPU->flag_q, 0);

    i = mk(OP_SSAT16, 0, 1, 0);
    i.imm = 8;
    CPU->r[1] = 0x8000007f;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xff80007f);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i = mk(OP_USAT16, 0, 1, 0);
    i.imm = 4;
    CPU->r[1] = 0x0010fff0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x000f0000);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;

    i = mk(OP_QADD, 0, 1, 2);
    CPU->r[1] = 0x7fffffff;
    CPU->r[2] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x7fffffff);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i = mk(OP_QSUB, 0, 1, 2);   /* rm - rn */
    CPU->r[1] = 1;
    CPU->r[2] = 0x80000000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    i = mk(OP_QDADD, 0, 1, 2);  /* rm + sat(2*rn) */
    CPU->r[1] = 0x40000000;
    CPU->r[2] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x7fffffff);
    CHECK_EQ(CPU->flag_q, 1);
    CPU->flag_q = 0;
    CPU->r[1] = 0x10;
    CPU->r[2] = 5;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x25);
    CHECK_EQ(CPU->flag_q, 0);
}

static void par(unsigned prefix, unsigned kind, uint32_t n, uint32_t m,
                uint32_t want, int want_ge, int line)
{
    struct guest_insn i = mk(OP_PARALLEL, 0, 1, 2);
    i.imm = prefix * 8 + kind;
    CPU->r[1] = n;
    CPU->r[2] = m;
    CPU->ge = 0x5;
    run1(i);
    unsigned ge_expected = want_ge < 0 ? 0x5u : (unsigned)want_ge;
    if (CPU->r[0] != want || CPU->ge != ge_expected) {
        test_failures++;
        fprintf(stderr, "line %d: parallel %u/%u: got 0x%x ge=%x, want 0x%x ge=%x\n",
                line, prefix, kind, CPU->r[0], CPU->ge, want, ge_expected);
    }
    test_checks++;
}

static void test_parallel(void)
{
    par(0, 0, 0x7fff8000, 0x0001ffff, 0x80007fff, 0xc, __LINE__);   /* SADD16 */
    par(3, 4, 0xff01ff01, 0x01010101, 0x00020002, 0xa, __LINE__);   /* UADD8 */
    par(3, 3, 0x00010005, 0x00020003, 0xffff0002, 0x3, __LINE__);   /* USUB16 */
    par(0, 5, 0x01807f00, 0x02017f01, 0xff7f00ff, 0x2, __LINE__);   /* SSUB8 */
    par(1, 0, 0x7fff8000, 0x00018000, 0x7fff8000, -1, __LINE__);    /* QADD16 */
    par(4, 5, 0x05000310, 0x06000120, 0x00000200, -1, __LINE__);    /* UQSUB8 */
    par(2, 0, 0x7fff8000, 0x7fff8000, 0x7fff8000, -1, __LINE__);    /* SHADD16 */
    par(5, 3, 0x00000001, 0x00010003, 0xffffffff, -1, __LINE__);    /* UHSUB16 */
    par(0, 1, 0x00050003, 0x00010002, 0x00070002, 0xf, __LINE__);   /* SASX: lo 3-1, hi 5+2 */
    par(3, 2, 0x00050003, 0x00010002, 0x00030004, 0xc, __LINE__);   /* USAX: lo 3+1 (no carry), hi 5-2 */

    struct guest_insn i = mk(OP_SEL, 0, 1, 2);
    CPU->ge = 0x5;
    CPU->r[1] = 0x11223344;
    CPU->r[2] = 0xaabbccdd;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xaa22cc44);

    i = mk(OP_USADA8, 0, 1, 2);
    i.ra = 3;
    CPU->r[1] = 0x00ff1005;
    CPU->r[2] = 0xff000510;
    CPU->r[3] = 1;
    run1(i);
    CHECK_EQ(CPU->r[0], 1 + 255 + 255 + 11 + 11);
}

static void test_misc(void)
{
    struct guest_insn i = mk(OP_BFI, 0, 1, 0);
    i.imm = 4 | (11 << 8);
    CPU->r[0] = 0xffffffff;
    CPU->r[1] = 0x12345678;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xfffff78f);
    i = mk(OP_BFC, 0, 0, 0);
    i.imm = 0 | (31 << 8);
    run1(i);
    CHECK_EQ(CPU->r[0], 0);
    i = mk(OP_SBFX, 0, 1, 0);
    i.imm = 4 | (7 << 8);
    CPU->r[1] = 0x00000f80;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xfffffff8);
    i.op = OP_UBFX;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xf8);
    i.imm = 0 | (31 << 8);
    CPU->r[1] = 0x87654321;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x87654321);

    i = mk(OP_SXTAB16, 0, 1, 2);
    i.shift_amount = 8;
    CPU->r[1] = 0x00010001;
    CPU->r[2] = 0x80008000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xff81ff81);
    i = mk(OP_UXTH, 0, 0, 2);
    i.shift_amount = 16;
    CPU->r[2] = 0x12345678;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x1234);
    i = mk(OP_REVSH, 0, 0, 2);
    CPU->r[2] = 0x00000080;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffff8000);
    i = mk(OP_REV16, 0, 0, 2);
    CPU->r[2] = 0x11223344;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x22114433);
    i = mk(OP_RBIT, 0, 0, 2);
    CPU->r[2] = 0x00000001;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80000000);
    i = mk(OP_CLZ, 0, 0, 2);
    CPU->r[2] = 0;
    run1(i);
    CHECK_EQ(CPU->r[0], 32);
    i = mk(OP_PKHTB, 0, 1, 2);
    i.shift_amount = 32;
    CPU->r[1] = 0x12345678;
    CPU->r[2] = 0x80000000;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x1234ffff);
    i = mk(OP_PKHBT, 0, 1, 2);
    i.shift_amount = 8;
    CPU->r[2] = 0x00abcdef;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xabcd5678);

    /* MRS / MSR. */
    set_flags(0xa);
    CPU->flag_q = 1;
    CPU->ge = 0x9;
    i = mk(OP_MRS, 0, 0, 0);
    run1(i);
    CHECK_EQ(CPU->r[0], 0xa8090010);
    i = mk(OP_MSR_IMM, 0, 0, 0);
    i.imm = 0x50060000;
    i.shift_amount = 8;
    run1(i);
    CHECK_EQ(get_flags(), 0x5);
    CHECK_EQ(CPU->flag_q, 0);
    CHECK_EQ(CPU->ge, 0x9);
    i.shift_amount = 4;
    run1(i);
    CHECK_EQ(CPU->ge, 0x6);
}

int main(void)
{
    test_setup();
    test_cond_table();
    test_shifts();
    test_arith();
    test_conditions();
    test_multiplies();
    test_saturation();
    test_parallel();
    test_misc();
    return test_report("exec_alu_test");
}
