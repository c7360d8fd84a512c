/*
 * VFP traps, self-checking against what Linux on ARMv7 hardware does:
 * unaligned VLDR/VSTR/VLDM raise SIGBUS BUS_ADRALN with the address
 * (word alignment is required, also for doubles); user-mode VMRS of FPEXC,
 * FPSID and MVFR0 is UNDEFINED (PL1 only), which Linux reports as SIGILL
 * with ILL_ILLOPC (do_undefinedinstr; qemu-arm 7.2 says ILL_ILLOPN, hence
 * not a comparison test); a VLDM running into an inaccessible page raises
 * SIGSEGV SEGV_ACCERR at the first inaccessible address and leaves the
 * destination registers unchanged.
 */
// cflags: -mfpu=vfpv4
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static int failures;
static char got[128];

/* Compares the outcome a case wrote into got[] with the expected one. */
static void expect(const char *want)
{
    if (!strcmp(got, want)) {
        printf("ok: %s\n", got);
    } else {
        printf("FAIL: got \"%s\", want \"%s\"\n", got, want);
        failures++;
    }
}

static sigjmp_buf jump;
static volatile sig_atomic_t last_code;
static volatile uintptr_t last_addr;

/* Outcomes are recorded as signal * 100 + si_code: 701 is SIGBUS
 * BUS_ADRALN, 401 SIGILL ILL_ILLOPC, 1102 SIGSEGV SEGV_ACCERR. */
static void handler(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    last_code = sig * 100 + si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    siglongjmp(jump, 1);
}

static void test_traps(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    static uint32_t buf[4] = { 1, 2, 3, 4 };
    volatile uint32_t r = 0;
    if (!sigsetjmp(jump, 1)) {
        float f;
        __asm__ volatile("vldr %0, [%1]" : "=t"(f) : "r"((char *)buf + 2) : "memory");
        snprintf(got, sizeof got, "unaligned vldr: no trap %a", (double)f);
    } else {
        snprintf(got, sizeof got, "unaligned vldr: signal %d offset %d", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    expect("unaligned vldr: signal 701 offset 2");
    if (!sigsetjmp(jump, 1)) {
        float f = 1.0f;
        __asm__ volatile("vstr %0, [%1]" : : "t"(f), "r"((char *)buf + 1) : "memory");
        snprintf(got, sizeof got, "unaligned vstr: no trap");
    } else {
        snprintf(got, sizeof got, "unaligned vstr: signal %d offset %d", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    expect("unaligned vstr: signal 701 offset 1");
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vldmia %0, {d0-d1}" : : "r"((char *)buf + 6) : "d0", "d1", "memory");
        snprintf(got, sizeof got, "unaligned vldm: no trap");
    } else {
        snprintf(got, sizeof got, "unaligned vldm: signal %d offset %d", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    expect("unaligned vldm: signal 701 offset 6");
    if (!sigsetjmp(jump, 1)) {
        /* Doubles need only word alignment. */
        uint64_t v;
        double d;
        (void)d;
        __asm__ volatile("vldr %P0, [%2]\n\tvmov %Q1, %R1, %P0"
                         : "=&w"(d), "=r"(v) : "r"((char *)buf + 4) : "memory");
        snprintf(got, sizeof got, "word-aligned vldr.64: %016llx", (unsigned long long)v);
    } else {
        snprintf(got, sizeof got, "word-aligned vldr.64: signal %d", (int)last_code);
    }
    expect("word-aligned vldr.64: 0000000300000002");
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, fpexc" : "=r"(r));
        snprintf(got, sizeof got, "vmrs fpexc: %08x", r);
    } else {
        snprintf(got, sizeof got, "vmrs fpexc: signal %d", (int)last_code);
    }
    expect("vmrs fpexc: signal 401");
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, fpsid" : "=r"(r));
        snprintf(got, sizeof got, "vmrs fpsid: %08x", r);
    } else {
        snprintf(got, sizeof got, "vmrs fpsid: signal %d", (int)last_code);
    }
    expect("vmrs fpsid: signal 401");
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, mvfr0" : "=r"(r));
        snprintf(got, sizeof got, "vmrs mvfr0: %08x", r);
    } else {
        snprintf(got, sizeof got, "vmrs mvfr0: signal %d", (int)last_code);
    }
    expect("vmrs mvfr0: signal 401");
}

/* A VLDM that runs into an inaccessible page: SIGSEGV at the first
 * inaccessible address, and none of the destination registers (d16-d19,
 * which neither the handler nor siglongjmp touch) is changed. */
static void test_precise_fault(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return;
    memset(p, 0x5a, 8192);
    mprotect(p + 4096, 4096, PROT_NONE);
    __asm__ volatile("vmov d16, %0, %0\n\t"
                     "vmov d17, %0, %0\n\t"
                     "vmov d18, %0, %0\n\t"
                     "vmov d19, %0, %0\n\t" : : "r"(0x11111111u) : "d16", "d17", "d18", "d19");
    uint32_t base = (uint32_t)(p + 4096 - 16), after = 0;
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vldmia %0!, {d16-d19}" : "+r"(base) : : "d16", "d17", "d18", "d19", "memory");
        snprintf(got, sizeof got, "vldm across: no fault");
    } else {
        uint32_t lo, hi;
        __asm__ volatile("vmov %0, %1, d19" : "=r"(lo), "=r"(hi));
        after = lo ^ hi;
        snprintf(got, sizeof got, "vldm across: signal %d offset %d d19 %08x %08x", (int)last_code,
               (int)(last_addr - (uintptr_t)p), lo, hi);
    }
    expect("vldm across: signal 1102 offset 4096 d19 11111111 11111111");
    (void)after;
    munmap(p, 8192);
}

int main(void)
{
    test_traps();
    test_precise_fault();
    printf("%d failures\n", failures);
    return failures != 0;
}
