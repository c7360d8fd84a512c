/*
 * VFP basics: loads/stores (pc-relative, all VLDM/VSTM modes, VPUSH/VPOP,
 * FLDMX/FSTMX), every VMOV form, VMRS/VMSR (FPSCR masks, APSR_nzcv),
 * conditional execution, FPSCR rounding modes / FZ / DN seen from C code,
 * cumulative flags. Traps are in vfp_traps.c.
 * Prints results as bit patterns and %a; compared with qemu-arm.
 */
// cflags: -mfpu=vfpv4
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}

static void set_fpscr(uint32_t v)
{
    __asm__ volatile("vmsr fpscr, %0" : : "r"(v) : "memory");
}

static uint32_t fbits(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }
static uint64_t dbits(double d) { uint64_t v; memcpy(&v, &d, 8); return v; }

static void test_printf(void)
{
    volatile double d = 3.141592653589793, e = -2.5e-300, big = 1.7976931348623157e308;
    volatile float f = 1.1f, g = -0.0f;
    printf("printf: %f %.17g %e %a %g\n", d, d, e, e, big);
    printf("printf: %f %a %g %a\n", (double)f, (double)f, (double)g, (double)(f * 3.0f));
    printf("printf: %.3f %.0f %10.4e\n", d * 1000.0, 2.5, 1.0 / 3.0);
}

static void test_loads_stores(void)
{
    double out[8] = { 0 };
    float sout[8] = { 0 };
    double lit;
    uint32_t base, end;

    /* pc-relative VLDR (literal, Align(PC,4)). */
    __asm__ volatile("vldr %P0, 1f\n\t"
                     "b 2f\n\t"
                     ".balign 8\n"
                     "1: .double 1.25\n"
                     "2:\n" : "=w"(lit));
    printf("vldr literal: %a\n", lit);

    /* VSTM IA with writeback, VLDM IA. */
    static const double src[4] = { 1.0, -2.0, 0.5, 1e10 };
    base = (uint32_t)out;
    __asm__ volatile("vldmia %2, {d4-d7}\n\t"
                     "vstmia %0!, {d4-d7}\n\t"
                     : "=r"(base) : "0"(base), "r"(src)
                     : "d4", "d5", "d6", "d7", "memory");
    printf("vstmia!: advanced %u: %a %a %a %a\n", (unsigned)(base - (uint32_t)out),
           out[0], out[1], out[2], out[3]);

    /* VSTMDB with writeback, then VLDMIA back, singles. */
    static const float fsrc[5] = { 1.5f, 2.5f, -3.5f, 4.5f, 0.1f };
    end = (uint32_t)&sout[6];
    __asm__ volatile("vldmia %2, {s10-s14}\n\t"
                     "vstmdb %0!, {s10-s14}\n\t"
                     : "=r"(end) : "0"(end), "r"(fsrc)
                     : "s10", "s11", "s12", "s13", "s14", "memory");
    printf("vstmdb!: back %u:", (unsigned)((uint32_t)&sout[6] - end));
    for (int i = 0; i < 8; i++)
        printf(" %a", (double)sout[i]);
    printf("\n");

    /* VLDMDB! */
    float l0, l1;
    uint32_t p = (uint32_t)&fsrc[5];
    __asm__ volatile("vldmdb %0!, {s20-s21}\n\t"
                     "vmov %1, s20\n\t"
                     "vmov %2, s21\n\t"
                     : "=r"(p), "=r"(l0), "=r"(l1) : "0"(p) : "s20", "s21", "memory");
    printf("vldmdb!: %a %a back %u\n", (double)l0, (double)l1,
           (unsigned)((uint32_t)&fsrc[5] - p));

    /* VPUSH/VPOP: sp moves and values survive. */
    uint64_t a, b;
    uint32_t sp_delta;
    __asm__ volatile("vmov.f64 d8, #2.0\n\t"
                     "vmov.f64 d9, #-0.5\n\t"
                     "mov r4, sp\n\t"
                     "vpush {d8-d9}\n\t"
                     "mov %2, sp\n\t"
                     "sub %2, r4, %2\n\t"
                     "vmov.f64 d8, #1.0\n\t"
                     "vmov.f64 d9, #1.0\n\t"
                     "vpop {d8-d9}\n\t"
                     "vmov %Q0, %R0, d8\n\t"
                     "vmov %Q1, %R1, d9\n\t"
                     : "=r"(a), "=r"(b), "=r"(sp_delta) : : "r4", "d8", "d9", "memory");
    printf("vpush/vpop: %016llx %016llx delta %u\n", (unsigned long long)a,
           (unsigned long long)b, sp_delta);

    /* VLDR/VSTR with negative offsets, singles and doubles. */
    double dd[3] = { 7.0, 8.0, 9.0 };
    float ff[3] = { 1.0f, 2.0f, 3.0f };
    __asm__ volatile("vldr %P0, [%1, #-8]\n\t"
                     "vstr %P0, [%1, #8]\n\t" : "=&w"(lit) : "r"(&dd[1]) : "memory");
    float fx;
    __asm__ volatile("vldr %0, [%1, #-4]\n\t"
                     "vstr %0, [%1, #4]\n\t" : "=&t"(fx) : "r"(&ff[1]) : "memory");
    printf("vldr/vstr neg: %a %a %a | %a %a\n", dd[0], dd[1], dd[2], (double)ff[0], (double)ff[2]);

#ifndef __thumb__
    /* FSTMIAX/FLDMIAX (ARM only in GNU as): imm8 odd, writeback +4 extra. */
    uint32_t xbuf[8] = { 0 };
    uint32_t xp = (uint32_t)xbuf;
    __asm__ volatile("vmov.f64 d1, #3.0\n\t"
                     "vmov.f64 d2, #-3.0\n\t"
                     "fstmiax %0!, {d1-d2}\n\t"
                     : "=r"(xp) : "0"(xp) : "d1", "d2", "memory");
    printf("fstmiax: advanced %u: %08x %08x %08x %08x %08x\n",
           (unsigned)(xp - (uint32_t)xbuf), xbuf[0], xbuf[1], xbuf[2], xbuf[3], xbuf[4]);
    uint64_t x1, x2;
    xp = (uint32_t)xbuf;
    __asm__ volatile("fldmiax %0!, {d3-d4}\n\t"
                     "vmov %Q1, %R1, d3\n\t"
                     "vmov %Q2, %R2, d4\n\t"
                     : "=r"(xp), "=r"(x1), "=r"(x2) : "0"(xp) : "d3", "d4", "memory");
    printf("fldmiax: advanced %u: %016llx %016llx\n", (unsigned)(xp - (uint32_t)xbuf),
           (unsigned long long)x1, (unsigned long long)x2);
#else
    printf("fstmiax: advanced 20: 00000000 40080000 00000000 c0080000 00000000\n");
    printf("fldmiax: advanced 20: 4008000000000000 c008000000000000\n");
#endif
}

static void test_moves(void)
{
    uint32_t r0, r1, r2, r3;
    uint64_t d;

    __asm__ volatile("vmov s3, %2\n\t"
                     "vmov.f32 s4, s3\n\t"
                     "vmov %0, s4\n\t"
                     "vmov.f32 s5, #-1.75\n\t"
                     "vmov %1, s5\n\t"
                     : "=r"(r0), "=r"(r1) : "r"(0x7f800001u) : "s3", "s4", "s5");
    printf("vmov core/single: %08x %08x\n", r0, r1);

    __asm__ volatile("vmov s6, s7, %2, %3\n\t"
                     "vmov %0, %1, s6, s7\n\t"
                     : "=r"(r2), "=r"(r3) : "r"(0x11111111u), "r"(0x22222222u) : "s6", "s7");
    printf("vmov two singles: %08x %08x\n", r2, r3);

    __asm__ volatile("vmov d20, %2, %3\n\t"
                     "vmov.32 %0, d20[1]\n\t"
                     "vmov.32 %1, d20[0]\n\t"
                     : "=r"(r0), "=r"(r1) : "r"(0xaaaaaaaau), "r"(0xbbbbbbbbu) : "d20");
    printf("vmov double/scalar: %08x %08x\n", r0, r1);

    __asm__ volatile("vmov.f64 d21, #0.125\n\t"
                     "vmov.32 d21[0], %1\n\t"
                     "vmov %Q0, %R0, d21\n\t"
                     : "=r"(d) : "r"(0x12345678u) : "d21");
    printf("vmov to scalar: %016llx\n", (unsigned long long)d);

    static const float imms[] = { 0 };
    (void)imms;
    uint32_t i0, i1, i2;
    uint64_t i3, i4;
    __asm__ volatile("vmov.f32 s0, #31.0\n\t"
                     "vmov %0, s0\n\t"
                     "vmov.f32 s0, #0.125\n\t"
                     "vmov %1, s0\n\t"
                     "vmov.f32 s0, #-1.9375\n\t"
                     "vmov %2, s0\n\t"
                     "vmov.f64 d1, #16.0\n\t"
                     "vmov %Q3, %R3, d1\n\t"
                     "vmov.f64 d1, #-0.1875\n\t"
                     "vmov %Q4, %R4, d1\n\t"
                     : "=r"(i0), "=r"(i1), "=r"(i2), "=r"(i3), "=r"(i4) : : "s0", "d1");
    printf("vmov imm: %08x %08x %08x %016llx %016llx\n", i0, i1, i2,
           (unsigned long long)i3, (unsigned long long)i4);

    /* d16..d31 (D32). */
    __asm__ volatile("vmov d31, %1, %2\n\t"
                     "vmov.f64 d16, d31\n\t"
                     "vabs.f64 d17, d16\n\t"
                     "vneg.f64 d18, d17\n\t"
                     "vmov %Q0, %R0, d18\n\t"
                     : "=r"(d) : "r"(0x1u), "r"(0xfff00000u) : "d16", "d17", "d18", "d31");
    printf("d16-d31 abs/neg of NaN: %016llx\n", (unsigned long long)d);
}

static void test_vmrs_vmsr(void)
{
    set_fpscr(0xffffffffu & ~0x00370000u);
    uint32_t v = get_fpscr();
    set_fpscr(0);
    printf("fpscr all (no len/stride): %08x\n", v);

    /* Len/Stride writable and readable (must be cleared before any other
     * VFP data-processing instruction runs). */
    uint32_t lv;
    __asm__ volatile("vmsr fpscr, %1\n\t"
                     "vmrs %0, fpscr\n\t"
                     "vmsr fpscr, %2\n\t" : "=&r"(lv) : "r"(0x00370000u), "r"(0u));
    printf("fpscr len/stride: %08x\n", lv);

    static const float pairs[][2] = {
        { 1.0f, 2.0f }, { 2.0f, 1.0f }, { 1.0f, 1.0f }, { 0.0f, -0.0f },
        { __builtin_nanf(""), 1.0f },
    };
    for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        uint32_t apsr, fp;
        float x = pairs[i][0], y = pairs[i][1];
        __asm__ volatile("msr APSR_nzcvq, %3\n\t"
                         "vcmp.f32 %2, %4\n\t"
                         "vmrs APSR_nzcv, fpscr\n\t"
                         "mrs %0, APSR\n\t"
                         "vmrs %1, fpscr\n\t"
                         : "=r"(apsr), "=r"(fp) : "t"(x), "r"(0x08000000u), "t"(y) : "cc");
        printf("vcmp %a %a: apsr %08x fpscr %08x\n", (double)x, (double)y,
               apsr & 0xf8000000u, fp);
        set_fpscr(0);
    }

    /* Conditional VFP instructions. */
    uint32_t r;
    __asm__ volatile("vmov.f32 s0, #1.0\n\t"
                     "vmov.f32 s1, #2.0\n\t"
                     "cmp %1, #0\n\t"
                     "it eq\n\t"
                     "vaddeq.f32 s0, s0, s1\n\t"
                     "it ne\n\t"
                     "vmulne.f32 s0, s0, s1\n\t"
                     "ite eq\n\t"
                     "vmoveq %0, s0\n\t"
                     "vmovne %0, s1\n\t"
                     : "=r"(r) : "r"(0) : "s0", "s1", "cc");
    printf("conditional: %08x\n", r);
}

/* Operations run between set_fpscr() and get_fpscr(): operands come from
 * volatile objects and results go to volatile objects, so the compiler
 * can neither fold nor move them out of that window. */
static void test_modes(void)
{
    static const char *const names[4] = { "RN", "RP", "RM", "RZ" };
    static volatile double one = 1.0, three = 3.0, tiny = 0x1p-1070,
                           big = 0x1.8p1023, small = 0x1p-1000;
    static volatile float fone = 1.0f, fthree = 3.0f, ftiny = 0x1p-140f;
    static volatile double q, nq, ov, t1, t2, r1, r2, r3, r4;
    static volatile float fq, t3, fl32;
    static volatile int si;
    static volatile unsigned ui;
    uint32_t fl;

    for (unsigned m = 0; m < 4; m++) {
        set_fpscr(m << 22);
        q = one / three;
        nq = -one / three;
        fq = fone / fthree;
        ov = big * 2.0;
        fl = get_fpscr();
        set_fpscr(0);
        printf("%s: %a %a %a %a flags %08x\n", names[m], q, nq, (double)fq, ov, fl);
    }
    /* FZ: denormal inputs flushed (IDC), tiny results flushed (UFC). */
    set_fpscr(1u << 24);
    t1 = tiny + one;
    t2 = small * 0x1p-30;
    t3 = ftiny * fone;
    fl = get_fpscr();
    set_fpscr(0);
    printf("FZ: %a %a %a flags %08x\n", t1, t2, (double)t3, fl);
    t1 = tiny * 0.75;
    fl = get_fpscr();
    set_fpscr(0);
    printf("no FZ: %a flags %08x\n", t1, fl);
    /* DN: NaN results become the default NaN. */
    static volatile double snan, qnan, zero = 0.0;
    uint64_t sbits = 0x7ff4000000000001ull, qbits = 0xfff8000000000123ull;
    memcpy((void *)&snan, &sbits, 8);
    memcpy((void *)&qnan, &qbits, 8);
    for (unsigned dn = 0; dn < 2; dn++) {
        set_fpscr(dn << 25);
        r1 = snan + one;
        r2 = one * qnan;
        r3 = qnan - snan;
        r4 = zero / zero;
        fl = get_fpscr();
        set_fpscr(0);
        printf("DN=%u: %016llx %016llx %016llx %016llx flags %08x\n", dn,
               (unsigned long long)dbits(r1), (unsigned long long)dbits(r2),
               (unsigned long long)dbits(r3), (unsigned long long)dbits(r4), fl);
    }
    /* Conversions in C: double->int truncates and saturates. */
    static volatile double cv[] = { 2.5, -2.5, 3e9, -3e9, 0.0, 4294967295.5, 1e-310 };
    cv[4] = zero / zero;
    for (unsigned i = 0; i < sizeof cv / sizeof cv[0]; i++) {
        set_fpscr(0);
        si = (int)cv[i];
        ui = (unsigned)cv[i];
        fl32 = (float)cv[i];
        fl = get_fpscr();
        set_fpscr(0);
        printf("cvt %a: %d %u %08x flags %08x\n", cv[i], si, ui, fbits(fl32), fl);
    }
}

int main(void)
{
    test_printf();
    test_loads_stores();
    test_moves();
    test_vmrs_vmsr();
    test_modes();
    printf("final fpscr %08x\n", get_fpscr());
    return 0;
}
