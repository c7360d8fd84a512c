/*
 * Synchronous guest signals delivered to handlers: SIGSEGV with si_addr and
 * si_code, a handler that edits uc_mcontext (r0 and pc, skipping the
 * faulting instruction as JVMs do), SIGILL from udf and SIGTRAP from bkpt
 * with si_addr = the instruction, SIGBUS from an unaligned ldrex,
 * siglongjmp out of handlers, and the CPSR T bit of the interrupted code.
 * Compared with qemu-arm; si_code is not printed for SIGILL (qemu reports
 * ILL_ILLOPN where Linux reports ILL_ILLOPC) nor for SIGTRAP.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#ifdef __thumb__
#define LDR_W "ldr.w"
#else
#define LDR_W "ldr"
#endif

static sigjmp_buf jump;
static volatile int got_signo, got_code, addr_is_pc, thumb_bit;
static volatile uintptr_t got_addr;

static void skip_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    got_signo = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    thumb_bit = (uc->uc_mcontext.arm_cpsr >> 5) & 1;
    uc->uc_mcontext.arm_r0 = 42;            /* result of the skipped load */
    uc->uc_mcontext.arm_pc += 4;            /* ldr.w / ldr: 4 bytes */
}

static void jump_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    got_signo = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    addr_is_pc = got_addr == uc->uc_mcontext.arm_pc;
    thumb_bit = (uc->uc_mcontext.arm_cpsr >> 5) & 1;
    siglongjmp(jump, 1);
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    install(SIGSEGV, skip_handler, 0);
    for (int i = 0; i < 3; i++) {
        register uint32_t r0 __asm__("r0") = 7;
        register uintptr_t r1 __asm__("r1") = 0x10 + 0x100 * (uintptr_t)i;
        __asm__ volatile(LDR_W " %0, [%1]\n\tadd %0, %0, #1" : "+r"(r0) : "r"(r1) : "memory");
        printf("segv %d: signo %d code %d addr %#lx r0 %u thumb %d\n", i, got_signo,
               got_code, (unsigned long)got_addr, (unsigned)r0, thumb_bit);
    }

    install(SIGILL, jump_handler, 0);
    got_signo = 0;
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("udf #0");
        printf("udf: no signal\n");
    } else {
        printf("udf: signo %d addr==pc %d\n", got_signo, addr_is_pc);
    }

    install(SIGTRAP, jump_handler, 0);
    got_signo = 0;
    if (!sigsetjmp(jump, 1)) {
        __asm__ volatile("bkpt #0");
        printf("bkpt: no signal\n");
    } else {
        printf("bkpt: signo %d addr==pc %d\n", got_signo, addr_is_pc);
    }

    install(SIGBUS, jump_handler, 0);
    static uint32_t words[4];
    got_signo = 0;
    if (!sigsetjmp(jump, 1)) {
        uint32_t v;
        __asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"((char *)words + 2) : "memory");
        printf("ldrex: no signal %u\n", v);
    } else {
        printf("ldrex: signo %d code %d offset %d\n", got_signo, got_code,
               (int)(got_addr - (uintptr_t)words));
    }

    /* The handler's mask was restored by siglongjmp(…, 1): SIGSEGV again. */
    install(SIGSEGV, jump_handler, SA_NODEFER);
    for (int i = 0; i < 2; i++) {
        if (!sigsetjmp(jump, 1)) {
            volatile uintptr_t bad = 0x20;
            *(volatile int *)bad = 1;
            printf("store: no signal\n");
        } else {
            printf("store %d: signo %d code %d addr %#lx\n", i, got_signo, got_code,
                   (unsigned long)got_addr);
        }
    }
    return 0;
}
