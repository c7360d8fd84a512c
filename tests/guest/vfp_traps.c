/*
 * VFP traps: unaligned VLDR/VSTR/VLDM (SIGBUS BUS_ADRALN with the address),
 * user-mode access to FPEXC/FPSID/MVFR0/MVFR1 (SIGILL), and registers left
 * unchanged by a faulting load. Compared with qemu-arm.
 */
// cflags: -mfpu=vfpv4
// pending: qemu-arm reports ILL_ILLOPN for SIGILL where Linux (do_undefinedinstr) gives ILL_ILLOPC; to become a check_ program
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf jump;
static volatile sig_atomic_t last_code;
static volatile uintptr_t last_addr;

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
        printf("unaligned vldr: no trap %a\n", (double)f);
    } else {
        printf("unaligned vldr: signal %d offset %d\n", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    if (!sigsetjmp(jump, 1)) {
        float f = 1.0f;
        __asm__ volatile("vstr %0, [%1]" : : "t"(f), "r"((char *)buf + 1) : "memory");
        printf("unaligned vstr: no trap\n");
    } else {
        printf("unaligned vstr: signal %d offset %d\n", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vldmia %0, {d0-d1}" : : "r"((char *)buf + 6) : "d0", "d1", "memory");
        printf("unaligned vldm: no trap\n");
    } else {
        printf("unaligned vldm: signal %d offset %d\n", (int)last_code,
               (int)(last_addr - (uintptr_t)buf));
    }
    if (!sigsetjmp(jump, 1)) {
        /* Doubles need only word alignment. */
        uint64_t v;
        double d;
        (void)d;
        __asm__ volatile("vldr %P0, [%2]\n\tvmov %Q1, %R1, %P0"
                         : "=&w"(d), "=r"(v) : "r"((char *)buf + 4) : "memory");
        printf("word-aligned vldr.64: %016llx\n", (unsigned long long)v);
    } else {
        printf("word-aligned vldr.64: signal %d\n", (int)last_code);
    }
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, fpexc" : "=r"(r));
        printf("vmrs fpexc: %08x\n", r);
    } else {
        printf("vmrs fpexc: signal %d\n", (int)last_code);
    }
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, fpsid" : "=r"(r));
        printf("vmrs fpsid: %08x\n", r);
    } else {
        printf("vmrs fpsid: signal %d\n", (int)last_code);
    }
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("vmrs %0, mvfr0" : "=r"(r));
        printf("vmrs mvfr0: %08x\n", r);
    } else {
        printf("vmrs mvfr0: signal %d\n", (int)last_code);
    }
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
        printf("vldm across: no fault\n");
    } else {
        uint32_t lo, hi;
        __asm__ volatile("vmov %0, %1, d19" : "=r"(lo), "=r"(hi));
        after = lo ^ hi;
        printf("vldm across: signal %d offset %d d19 %08x %08x\n", (int)last_code,
               (int)(last_addr - (uintptr_t)p), lo, hi);
    }
    (void)after;
    munmap(p, 8192);
}

int main(void)
{
    test_traps();
    test_precise_fault();
    return 0;
}
