/*
 * Pins flag results and edge cases of single instructions: shifts by
 * 0/1/31/32/33/255 through register-shifted operands, RRX carry, ADC/SBC
 * carries, overflow, SSAT/USAT bounds and Q, parallel add/sub GE flags, SEL,
 * multiplies, CLZ/RBIT/REV, bitfields, divides by zero, and IT blocks with
 * every condition (Thumb). Each line prints the result and the APSR after
 * the instruction, for a set of inputs and initial flags; the test runner
 * compares the output with qemu-arm's.
 */
#include <stdint.h>
#include <stdio.h>

// variants: arm-O2 thumb-O2 arm-O0 thumb-O0
// cflags: -march=armv7ve

static const uint32_t values[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff,
    0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x12345678, 0xdeadbeef,
    0x00ff00ff, 0x7f7f8080, 0x80017fff,
};
#define NVALUES (sizeof values / sizeof values[0])
static const uint32_t shifts[] = { 0, 1, 7, 31, 32, 33, 63, 64, 255, 256, 0x120 };
#define NSHIFTS (sizeof shifts / sizeof shifts[0])
static const uint32_t flag_inputs[] = { 0x00000000, 0x20000000, 0xf0000000, 0x90000000, 0x60000000 };
#define NFLAGS (sizeof flag_inputs / sizeof flag_inputs[0])

static unsigned long hash = 5381;
static void report(const char *name, uint32_t a, uint32_t b, uint32_t flags_in, uint32_t result, uint32_t apsr)
{
    apsr &= 0xf80f0000u;   /* NZCVQ and GE */
    printf("%-8s %08x %08x f%x -> %08x %08x\n", name, a, b, flags_in >> 28, result, apsr);
    hash = hash * 33 + result + apsr;
}

/* Runs "INSN %0, %2, %3" with flags set from %1 first; reads APSR after. */
#define BINOP(name, insn)                                                     \
    static void test_##name(void)                                             \
    {                                                                         \
        for (unsigned i = 0; i < NVALUES; i++)                                \
            for (unsigned j = 0; j < NVALUES; j += 3)                         \
                for (unsigned f = 0; f < NFLAGS; f++) {                       \
                    uint32_t r, apsr, a = values[i], b = values[j];           \
                    __asm__ volatile("msr APSR_nzcvqg, %2\n\t" insn "\n\t"    \
                                     "mrs %1, APSR"                           \
                                     : "=&r"(r), "=&r"(apsr)                  \
                                     : "r"(flag_inputs[f]), "r"(a), "r"(b)    \
                                     : "cc");                                 \
                    report(#name, a, b, flag_inputs[f], r, apsr);             \
                }                                                             \
    }

/* Shift by register amount, with the amounts table. */
#define SHIFTOP(name, insn)                                                   \
    static void test_##name(void)                                             \
    {                                                                         \
        for (unsigned i = 0; i < NVALUES; i += 2)                             \
            for (unsigned j = 0; j < NSHIFTS; j++)                            \
                for (unsigned f = 0; f < 2; f++) {                            \
                    uint32_t r, apsr, a = values[i], b = shifts[j];           \
                    __asm__ volatile("msr APSR_nzcvqg, %2\n\t" insn "\n\t"    \
                                     "mrs %1, APSR"                           \
                                     : "=&r"(r), "=&r"(apsr)                  \
                                     : "r"(flag_inputs[f + 1]), "r"(a), "r"(b) \
                                     : "cc");                                 \
                    report(#name, a, b, flag_inputs[f + 1], r, apsr);         \
                }                                                             \
    }

BINOP(adds, "adds %0, %3, %4")
BINOP(adcs, "adcs %0, %3, %4")
BINOP(subs, "subs %0, %3, %4")
BINOP(sbcs, "sbcs %0, %3, %4")
BINOP(rsbs, "rsbs %0, %3, %4")
BINOP(ands, "ands %0, %3, %4")
BINOP(orrs_lsl1, "orrs %0, %3, %4, lsl #1")
BINOP(eors_lsr32, "eors %0, %3, %4, lsr #32")
BINOP(movs_asr32, "movs %0, %4, asr #32")
BINOP(movs_ror1, "movs %0, %4, ror #1")
BINOP(movs_rrx, "movs %0, %4, rrx")
BINOP(bics_asr1, "bics %0, %3, %4, asr #1")
BINOP(mvns_lsl31, "mvns %0, %4, lsl #31")
BINOP(tst_imm, "tst %3, #0x80000000\n\tmov %0, #0")
BINOP(cmp_reg, "cmp %3, %4\n\tmov %0, #0")
BINOP(cmn_reg, "cmn %3, %4\n\tmov %0, #0")
BINOP(teq_reg, "teq %3, %4\n\tmov %0, #0")
BINOP(qadd, "qadd %0, %3, %4")
BINOP(qsub, "qsub %0, %3, %4")
BINOP(qdadd, "qdadd %0, %3, %4")
BINOP(qdsub, "qdsub %0, %3, %4")
BINOP(ssat8, "ssat %0, #8, %3")
BINOP(ssat1, "ssat %0, #1, %3, asr #3")
BINOP(ssat32, "ssat %0, #32, %3, lsl #4")
BINOP(usat8, "usat %0, #8, %3")
BINOP(usat0, "usat %0, #0, %3")
BINOP(usat31, "usat %0, #31, %3, asr #1")
BINOP(ssat16, "ssat16 %0, #9, %3")
BINOP(usat16, "usat16 %0, #7, %3")
BINOP(sadd16, "sadd16 %0, %3, %4")
BINOP(uadd8, "uadd8 %0, %3, %4")
BINOP(usub8, "usub8 %0, %3, %4")
BINOP(ssax, "ssax %0, %3, %4")
BINOP(uasx, "uasx %0, %3, %4")
BINOP(qadd8, "qadd8 %0, %3, %4")
BINOP(uqsub16, "uqsub16 %0, %3, %4")
BINOP(shadd8, "shadd8 %0, %3, %4")
BINOP(uhsub16, "uhsub16 %0, %3, %4")
BINOP(sel, "uadd8 %0, %3, %4\n\tsel %0, %3, %4")
BINOP(usad8, "usad8 %0, %3, %4")
BINOP(smulbb, "smulbb %0, %3, %4")
BINOP(smultt, "smultt %0, %3, %4")
BINOP(smlabt, "smlabt %0, %3, %4, %3")
BINOP(smulwb, "smulwb %0, %3, %4")
BINOP(smlawt, "smlawt %0, %3, %4, %4")
BINOP(smuad, "smuad %0, %3, %4")
BINOP(smladx, "smladx %0, %3, %4, %3")
BINOP(smusdx, "smusdx %0, %3, %4")
BINOP(smmulr, "smmulr %0, %3, %4")
BINOP(smmls, "smmls %0, %3, %4, %3")
BINOP(mul, "mul %0, %3, %4")
BINOP(mla, "mla %0, %3, %4, %3")
BINOP(mls, "mls %0, %3, %4, %4")
BINOP(sdiv, "sdiv %0, %3, %4")
BINOP(udiv, "udiv %0, %3, %4")
BINOP(clz, "clz %0, %3")
BINOP(rbit, "rbit %0, %3")
BINOP(rev, "rev %0, %3")
BINOP(rev16, "rev16 %0, %3")
BINOP(revsh, "revsh %0, %3")
BINOP(sxtab16, "sxtab16 %0, %3, %4, ror #8")
BINOP(uxtah, "uxtah %0, %3, %4, ror #16")
BINOP(sxtb, "sxtb %0, %4, ror #24")
BINOP(pkhbt, "pkhbt %0, %3, %4, lsl #12")
BINOP(pkhtb, "pkhtb %0, %3, %4, asr #32")
BINOP(bfi, "mov %0, %3\n\tbfi %0, %4, #5, #11")
BINOP(bfc, "mov %0, %3\n\tbfc %0, #31, #1")
BINOP(sbfx, "sbfx %0, %3, #3, #17")
BINOP(ubfx, "ubfx %0, %3, #31, #1")
BINOP(movw_movt, "movw %0, #0xbeef\n\tmovt %0, #0xdead")

#ifndef __thumb__
/* A32-only forms: register-shifted register operands and RSC. */
SHIFTOP(movs_lsl_reg, "movs %0, %3, lsl %4")
SHIFTOP(movs_lsr_reg, "movs %0, %3, lsr %4")
SHIFTOP(movs_asr_reg, "movs %0, %3, asr %4")
SHIFTOP(movs_ror_reg, "movs %0, %3, ror %4")
SHIFTOP(adds_lsl_reg, "adds %0, %3, %3, lsl %4")
BINOP(rscs, "rscs %0, %3, %4")
BINOP(rscs_ror3, "rscs %0, %3, %4, ror #3")
#else
/* Thumb register shifts are MOV with register-shifted register. */
SHIFTOP(movs_lsl_reg, "lsls %0, %3, %4")
SHIFTOP(movs_lsr_reg, "lsrs %0, %3, %4")
SHIFTOP(movs_asr_reg, "asrs %0, %3, %4")
SHIFTOP(movs_ror_reg, "rors %0, %3, %4")
BINOP(orns, "orns %0, %3, %4, lsl #3")
#endif

/* Long multiplies: print both halves. Flags are set explicitly first: what
 * compiled code leaves in them depends on stack addresses, which differ
 * between qemu-arm and a32run. */
static void test_long(void)
{
    for (unsigned i = 0; i < NVALUES; i++)
        for (unsigned j = 0; j < NVALUES; j += 2) {
            uint32_t a = values[i], b = values[j];
            uint32_t lo, hi, apsr;
            lo = a ^ 0x5555; hi = b ^ 0xaaaa;
            __asm__ volatile("msr APSR_nzcvqg, %5\n\tumlal %0, %1, %3, %4\n\tmrs %2, APSR" : "+r"(lo), "+r"(hi), "=r"(apsr) : "r"(a), "r"(b), "r"(flag_inputs[j % NFLAGS]) : "cc");
            report("umlal.lo", a, b, 0, lo, apsr); report("umlal.hi", a, b, 0, hi, apsr);
            lo = a ^ 0x5555; hi = b ^ 0xaaaa;
            __asm__ volatile("msr APSR_nzcvqg, %5\n\tsmlal %0, %1, %3, %4\n\tmrs %2, APSR" : "+r"(lo), "+r"(hi), "=r"(apsr) : "r"(a), "r"(b), "r"(flag_inputs[j % NFLAGS]) : "cc");
            report("smlal.lo", a, b, 0, lo, apsr); report("smlal.hi", a, b, 0, hi, apsr);
            lo = a; hi = b;
            __asm__ volatile("msr APSR_nzcvqg, %5\n\tumaal %0, %1, %3, %4\n\tmrs %2, APSR" : "+r"(lo), "+r"(hi), "=r"(apsr) : "r"(a), "r"(b), "r"(flag_inputs[j % NFLAGS]) : "cc");
            report("umaal.lo", a, b, 0, lo, apsr); report("umaal.hi", a, b, 0, hi, apsr);
            lo = a; hi = b;
            __asm__ volatile("msr APSR_nzcvqg, %5\n\tsmlaldx %0, %1, %3, %4\n\tmrs %2, APSR" : "+r"(lo), "+r"(hi), "=r"(apsr) : "r"(a), "r"(b), "r"(flag_inputs[j % NFLAGS]) : "cc");
            report("smlaldx.lo", a, b, 0, lo, apsr); report("smlaldx.hi", a, b, 0, hi, apsr);
            lo = a; hi = b;
            __asm__ volatile("msr APSR_nzcvqg, %5\n\tsmlaltb %0, %1, %3, %4\n\tmrs %2, APSR" : "+r"(lo), "+r"(hi), "=r"(apsr) : "r"(a), "r"(b), "r"(flag_inputs[j % NFLAGS]) : "cc");
            report("smlaltb.lo", a, b, 0, lo, apsr); report("smlaltb.hi", a, b, 0, hi, apsr);
#ifndef __thumb__
            __asm__ volatile("msr APSR_nzcvq, #0\n\tsmulls %0, %1, %3, %4\n\tmrs %2, APSR" : "=&r"(lo), "=&r"(hi), "=r"(apsr) : "r"(a), "r"(b) : "cc");
            report("smulls.lo", a, b, 0, lo, apsr); report("smulls.hi", a, b, 0, hi, apsr);
#endif
        }
}

#ifdef __thumb__
/* IT blocks with every condition: each flag setting x each condition,
 * with then and else instructions. */
#define IT_TEST(cond, inv)                                                    \
    for (unsigned f = 0; f < 16; f++) {                                      \
        uint32_t r = 0, s = 0, apsr = f << 28;                                \
        __asm__ volatile("msr APSR_nzcvq, %2\n\t"                             \
                         "ite " #cond "\n\t"                                  \
                         "mov" #cond " %0, #1\n\t"                            \
                         "mov" #inv " %0, #2\n\t"                             \
                         "itete " #cond "\n\t"                                \
                         "add" #cond " %1, %1, #1\n\t"                        \
                         "add" #inv " %1, %1, #2\n\t"                         \
                         "add" #cond " %1, %1, #4\n\t"                        \
                         "add" #inv " %1, %1, #8\n\t"                         \
                         : "+r"(r), "+r"(s) : "r"(apsr) : "cc");              \
        report("it" #cond, f, 0, apsr, r | s << 8, apsr);                     \
    }
static void test_it(void)
{
    IT_TEST(eq, ne) IT_TEST(ne, eq) IT_TEST(cs, cc) IT_TEST(cc, cs)
    IT_TEST(mi, pl) IT_TEST(pl, mi) IT_TEST(vs, vc) IT_TEST(vc, vs)
    IT_TEST(hi, ls) IT_TEST(ls, hi) IT_TEST(ge, lt) IT_TEST(lt, ge)
    IT_TEST(gt, le) IT_TEST(le, gt)
    /* 16-bit flag-setting instructions do not set flags inside IT. */
    for (unsigned f = 0; f < 16; f++) {
        uint32_t r = 5, apsr_in = f << 28, apsr;
        __asm__ volatile("msr APSR_nzcvq, %2\n\t"
                         "it eq\n\t"
                         "addeq %0, %0, #200\n\t"
                         "mrs %1, APSR"
                         : "+l"(r), "=r"(apsr) : "r"(apsr_in) : "cc");
        report("it.noflags", f, 0, apsr_in, r, apsr);
    }
}
#else
/* A32 conditional execution with every condition. */
#define COND_TEST(cond)                                                       \
    for (unsigned f = 0; f < 16; f++) {                                      \
        uint32_t r = 0, apsr = f << 28;                                       \
        __asm__ volatile("msr APSR_nzcvq, %1\n\t"                             \
                         "mov" #cond " %0, #1\n\t"                            \
                         : "+r"(r) : "r"(apsr) : "cc");                       \
        report("cond" #cond, f, 0, apsr, r, apsr);                            \
    }
static void test_it(void)
{
    COND_TEST(eq) COND_TEST(ne) COND_TEST(cs) COND_TEST(cc) COND_TEST(mi)
    COND_TEST(pl) COND_TEST(vs) COND_TEST(vc) COND_TEST(hi) COND_TEST(ls)
    COND_TEST(ge) COND_TEST(lt) COND_TEST(gt) COND_TEST(le) COND_TEST(al)
}
#endif

int main(void)
{
    test_adds(); test_adcs(); test_subs(); test_sbcs(); test_rsbs(); test_ands();
    test_orrs_lsl1(); test_eors_lsr32(); test_movs_asr32(); test_movs_ror1();
    test_movs_rrx(); test_bics_asr1(); test_mvns_lsl31(); test_tst_imm();
    test_cmp_reg(); test_cmn_reg(); test_teq_reg();
    test_qadd(); test_qsub(); test_qdadd(); test_qdsub();
    test_ssat8(); test_ssat1(); test_ssat32(); test_usat8(); test_usat0(); test_usat31();
    test_ssat16(); test_usat16();
    test_sadd16(); test_uadd8(); test_usub8(); test_ssax(); test_uasx(); test_qadd8();
    test_uqsub16(); test_shadd8(); test_uhsub16(); test_sel(); test_usad8();
    test_smulbb(); test_smultt(); test_smlabt(); test_smulwb(); test_smlawt();
    test_smuad(); test_smladx(); test_smusdx(); test_smmulr(); test_smmls();
    test_mul(); test_mla(); test_mls(); test_sdiv(); test_udiv();
    test_clz(); test_rbit(); test_rev(); test_rev16(); test_revsh();
    test_sxtab16(); test_uxtah(); test_sxtb(); test_pkhbt(); test_pkhtb();
    test_bfi(); test_bfc(); test_sbfx(); test_ubfx(); test_movw_movt();
    test_movs_lsl_reg(); test_movs_lsr_reg(); test_movs_asr_reg(); test_movs_ror_reg();
#ifndef __thumb__
    test_adds_lsl_reg(); test_rscs(); test_rscs_ror3();
#else
    test_orns();
#endif
    test_long();
    test_it();
    printf("asm_flags: hash %08lx\n", hash);
    return 0;
}
