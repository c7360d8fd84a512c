/*
 * Guest signal frames (see signal_frame.h). Layouts are the guest_* structs
 * of guest_abi.h. The frame is assembled in host memory and written with
 * one checked copy, so an unwritable stack leaves the guest untouched.
 *
 * Handler entry as setup_return() in arch/arm/kernel/signal.c: r0 = signo
 * (r1 = &info, r2 = &uc for SA_SIGINFO), sp = frame (8-aligned), lr =
 * sa_restorer or the matching sequence in the sigpage (+1 for Thumb),
 * T from bit 0 of the handler, ITSTATE and N/Z/C/V/Q cleared (PSR_f).
 * The sigpage is a read-only executable guest page mapped on first use,
 * holding the kernel's sigreturn_codes: ARM sigreturn (slots 0-1), Thumb
 * sigreturn (2), ARM rt_sigreturn (3-4), Thumb rt_sigreturn (5). The ARM
 * sequences use the OABI-style "swi #0x900000+nr" with r7 = nr as the
 * kernel's do; the run loop accepts that form when the numbers agree.
 */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "linux/signal_frame.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

#define SIGFRAME_UC_FLAGS 0x5ac3c35au       /* non-rt frames (setup_frame) */
#define CPSR_FLAGS_MASK 0xff000000u         /* PSR_f: NZCVQ, IT[1:0], J */
#define CPSR_MODE_MASK 0x1fu
#define CPSR_I_BIT (1u << 7)
#define CPSR_IT_MASK 0x0600fc00u

static const uint32_t sigreturn_codes[6] = {
    0xe3a07077u, 0xef900077u,   /* mov r7, #119; swi #0x900077 */
    0xdf002777u,                /* movs r7, #119; svc #0 (Thumb) */
    0xe3a070adu, 0xef9000adu,   /* mov r7, #173; swi #0x9000ad */
    0xdf0027adu,                /* movs r7, #173; svc #0 (Thumb) */
};

static uint32_t sigpage_addr;   /* 0 until mapped; process-wide */

static uint32_t sigpage(void)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    if (!sigpage_addr) {
        int64_t a = guest_mmap(0, GUEST_PAGE_SIZE, GUEST_PROT_READ | GUEST_PROT_WRITE,
                               GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS, -1, 0);
        if (a >= 0 && guest_copy_to((uint32_t)a, sigreturn_codes, sizeof sigreturn_codes) == 0 &&
            guest_mprotect((uint32_t)a, GUEST_PAGE_SIZE, GUEST_PROT_READ | GUEST_PROT_EXEC) == 0)
            sigpage_addr = (uint32_t)a;
    }
    uint32_t result = sigpage_addr;
    pthread_mutex_unlock(&lock);
    return result;
}

static bool on_alt_stack(uint32_t sp)
{
    const struct guest_stack *ss = &linux_thread.altstack;
    return ss->ss_size && sp > ss->ss_sp && sp - ss->ss_sp <= ss->ss_size;
}

/* __save_altstack: the settings in force, flags as sas_ss_flags(sp). */
static struct guest_stack current_altstack(uint32_t sp)
{
    struct guest_stack s = linux_thread.altstack;
    uint32_t autodisarm = (uint32_t)s.ss_flags & GUEST_SS_AUTODISARM;
    if (s.ss_size == 0)
        s.ss_flags = GUEST_SS_DISABLE;
    else
        s.ss_flags = (int32_t)((on_alt_stack(sp) ? GUEST_SS_ONSTACK : 0) | autodisarm);
    return s;
}

static void fill_sigcontext(struct guest_sigframe *sf, const struct guest_cpu *cpu,
                            uint64_t blocked, uint32_t fault_address)
{
    struct guest_sigcontext *sc = &sf->uc.uc_mcontext;
    sc->oldmask = (uint32_t)blocked;
    for (int i = 0; i < 11; i++)
        sc->r[i] = cpu->r[i];
    sc->fp = cpu->r[11];
    sc->ip = cpu->r[12];
    sc->sp = cpu->r[13];
    sc->lr = cpu->r[14];
    sc->pc = cpu->r[15];
    sc->cpsr = guest_cpu_get_cpsr(cpu);
    sc->fault_address = fault_address;
    sf->uc.uc_sigmask[0] = (uint32_t)blocked;
    sf->uc.uc_sigmask[1] = (uint32_t)(blocked >> 32);

    struct guest_vfp_sigframe vfp;
    memset(&vfp, 0, sizeof vfp);
    vfp.magic = GUEST_VFP_MAGIC;
    vfp.size = sizeof vfp;
    memcpy(vfp.fpregs, cpu->d, sizeof vfp.fpregs);
    vfp.fpscr = cpu->fpscr;
    vfp.fpexc = cpu->fpexc;
    memcpy(sf->uc.uc_regspace, &vfp, sizeof vfp);
    /* uc_regspace[sizeof vfp / 4] stays 0: the end marker. */
}

int signal_frame_setup(struct guest_thread *thread, int signo,
                       const struct guest_siginfo *info,
                       const struct guest_sigaction *act, uint64_t blocked,
                       uint32_t fault_address)
{
    struct guest_cpu *cpu = &thread->cpu;
    bool rt = act->flags & GUEST_SA_SIGINFO;
    uint32_t sp = cpu->r[13];
    struct guest_stack saved_altstack = current_altstack(sp);
    if ((act->flags & GUEST_SA_ONSTACK) && linux_thread.altstack.ss_size &&
        !on_alt_stack(sp)) {
        sp = linux_thread.altstack.ss_sp + linux_thread.altstack.ss_size;
        if ((uint32_t)linux_thread.altstack.ss_flags & GUEST_SS_AUTODISARM)
            memset(&linux_thread.altstack, 0, sizeof linux_thread.altstack);
    }

    struct guest_rt_sigframe frame;
    memset(&frame, 0, sizeof frame);
    uint32_t size = rt ? sizeof frame : sizeof frame.sig;
    uint32_t base = (sp - size) & ~7u;
    uint32_t sig_addr = rt ? base + (uint32_t)offsetof(struct guest_rt_sigframe, sig) : base;
    struct guest_sigframe *sf = &frame.sig;
    if (rt) {
        frame.info = *info;
        sf->uc.uc_stack = saved_altstack;
    } else {
        sf->uc.uc_flags = SIGFRAME_UC_FLAGS;
    }
    fill_sigcontext(sf, cpu, blocked, fault_address);

    uint32_t thumb = act->handler & 1;
    uint32_t retcode;
    if (act->flags & GUEST_SA_RESTORER) {
        retcode = act->restorer;
    } else {
        unsigned idx = (thumb << 1) + (rt ? 3 : 0);
        sf->retcode[0] = sigreturn_codes[idx];
        sf->retcode[1] = idx + 1 < 6 ? sigreturn_codes[idx + 1] : 0;
        uint32_t page = sigpage();
        if (!page)
            return -1;
        retcode = page + idx * 4 + thumb;
    }
    const void *src = rt ? (const void *)&frame : (const void *)sf;
    if (guest_copy_to(base, src, size) < 0)
        return -1;

    uint32_t cpsr = guest_cpu_get_cpsr(cpu) & ~(CPSR_FLAGS_MASK | CPSR_IT_MASK | CPSR_T);
    guest_cpu_set_cpsr(cpu, cpsr | (thumb ? CPSR_T : 0), true);
    cpu->r[0] = (uint32_t)signo;
    if (rt) {
        cpu->r[1] = base + (uint32_t)offsetof(struct guest_rt_sigframe, info);
        cpu->r[2] = sig_addr + (uint32_t)offsetof(struct guest_sigframe, uc);
    }
    cpu->r[13] = base;
    cpu->r[14] = retcode;
    cpu->r[15] = thumb ? act->handler & ~1u : act->handler & ~3u;
    cpu->excl_valid = 0;        /* exception entry clears the monitor */
    return 0;
}

/* do_sigaltstack as restore_altstack uses it: errors are ignored. */
static void restore_altstack(const struct guest_stack *ss, uint32_t sp)
{
    if (on_alt_stack(sp))
        return;                 /* EPERM */
    uint32_t mode = (uint32_t)ss->ss_flags & ~GUEST_SS_AUTODISARM;
    if (mode == GUEST_SS_DISABLE) {
        memset(&linux_thread.altstack, 0, sizeof linux_thread.altstack);
        return;
    }
    if ((mode != 0 && mode != GUEST_SS_ONSTACK) || ss->ss_size < GUEST_MINSIGSTKSZ)
        return;
    linux_thread.altstack = *ss;
    linux_thread.altstack.ss_flags = (int32_t)((uint32_t)ss->ss_flags & GUEST_SS_AUTODISARM);
}

int signal_frame_restore(struct guest_thread *thread, bool rt, uint64_t *mask)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t sp = cpu->r[13];
    if (sp & 7)
        return -1;
    uint32_t addr = rt ? sp + (uint32_t)offsetof(struct guest_rt_sigframe, sig) : sp;
    struct guest_sigframe sf;
    if (guest_copy_from(&sf, addr, sizeof sf) < 0)
        return -1;
    const struct guest_sigcontext *sc = &sf.uc.uc_mcontext;
    /* valid_user_regs(): user mode with IRQs enabled, else a bad frame. */
    if ((sc->cpsr & CPSR_MODE_MASK) != CPSR_MODE_USR || (sc->cpsr & CPSR_I_BIT))
        return -1;
    struct guest_vfp_sigframe vfp;
    memcpy(&vfp, sf.uc.uc_regspace, sizeof vfp);
    if (vfp.magic != GUEST_VFP_MAGIC || vfp.size != sizeof vfp)
        return -1;

    *mask = (uint64_t)sf.uc.uc_sigmask[0] | ((uint64_t)sf.uc.uc_sigmask[1] << 32);
    for (int i = 0; i < 11; i++)
        cpu->r[i] = sc->r[i];
    cpu->r[11] = sc->fp;
    cpu->r[12] = sc->ip;
    cpu->r[13] = sc->sp;
    cpu->r[14] = sc->lr;
    guest_cpu_set_cpsr(cpu, sc->cpsr, true);
    if (!cpu->thumb)
        cpu->itstate = 0;
    cpu->r[15] = cpu->thumb ? sc->pc & ~1u : sc->pc & ~3u;
    memcpy(cpu->d, vfp.fpregs, sizeof cpu->d);
    cpu->fpscr = vfp.fpscr;
    cpu->fpexc = vfp.fpexc;
    cpu->excl_valid = 0;
    if (rt)
        restore_altstack(&sf.uc.uc_stack, cpu->r[13]);
    return 0;
}
