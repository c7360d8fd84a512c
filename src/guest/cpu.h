/*
 * Guest CPU state: everything an AArch32 user-mode thread can observe.
 *
 * One struct guest_cpu per guest thread. The interpreter (and later the JIT)
 * reads and writes it directly; signal frames, the difftest harness and the
 * syscall layer go through the accessors below so that the packed CPSR view
 * stays in one place.
 *
 * Invariants:
 *  - r[15] holds the address of the *next* instruction to execute whenever
 *    control is outside the executor (syscall, fault, block exit). Inside the
 *    executor, while an instruction runs, r[15] holds the architectural PC
 *    read value of that instruction (its address + 8 in A32, + 4 in T32).
 *  - Flags are kept unpacked: flag_n/z/c/v are each exactly 0 or 1, flag_q
 *    is 0 or 1, ge holds the four GE bits in bits 3..0.
 *  - thumb is 0 (A32) or 1 (T32); itstate is the 8-bit ITSTATE (0 outside
 *    an IT block). A32 code always runs with itstate == 0.
 *  - VFP registers: d[0..31] as 64-bit words; s[n] is the low (n even) or
 *    high (n odd) half of d[n/2] (little-endian host required, see host/).
 */
#ifndef A32RUN_GUEST_CPU_H
#define A32RUN_GUEST_CPU_H

#include <stdint.h>
#include <stdbool.h>

/* CPSR bit positions (ARM ARM B1.3.3), for packing/unpacking. */
#define CPSR_N (1u << 31)
#define CPSR_Z (1u << 30)
#define CPSR_C (1u << 29)
#define CPSR_V (1u << 28)
#define CPSR_Q (1u << 27)
#define CPSR_T (1u << 5)
#define CPSR_GE_SHIFT 16
#define CPSR_MODE_USR 0x10u

/* FPSCR fields. */
#define FPSCR_IOC (1u << 0)
#define FPSCR_DZC (1u << 1)
#define FPSCR_OFC (1u << 2)
#define FPSCR_UFC (1u << 3)
#define FPSCR_IXC (1u << 4)
#define FPSCR_IDC (1u << 7)
#define FPSCR_RMODE_SHIFT 22
#define FPSCR_FZ (1u << 24)
#define FPSCR_DN (1u << 25)
#define FPSCR_AHP (1u << 26)
#define FPSCR_QC (1u << 27)
#define FPSCR_NZCV_MASK 0xf0000000u
/* Bits a user program can set in FPSCR on a VFPv4/NEON implementation
 * without trapped exceptions (Linux user mode): NZCV, QC, AHP, DN, FZ, RMode,
 * and the cumulative flags. Len/Stride (vector mode) are not supported by
 * ARMv7 implementations with NEON; qemu keeps them, we keep them too so that
 * the difftest compares equal, but the executor rejects nonzero Len/Stride. */
#define FPSCR_WRITABLE_MASK 0xffff009fu  /* see vfp executor for Len/Stride */

struct guest_cpu {
    uint32_t r[16];
    uint32_t flag_n, flag_z, flag_c, flag_v;
    uint32_t flag_q;
    uint32_t ge;            /* GE[3:0] */
    uint32_t thumb;         /* 0 = A32, 1 = T32 */
    uint32_t itstate;       /* ITSTATE[7:0] */

    /* VFP / Advanced SIMD register file and control. */
    uint64_t d[32];
    uint32_t fpscr;
    uint32_t fpexc;

    /* Thread ID registers: TPIDRURO (set via set_tls, read-only to the
     * guest) and TPIDRURW (read/write by the guest). */
    uint32_t tpidruro;
    uint32_t tpidrurw;

    /* Local exclusive monitor: LDREX records the address and the value it
     * read; STREX succeeds only if the monitor is open for that address and
     * a host compare-and-swap against the recorded value succeeds. */
    uint32_t excl_addr;
    uint32_t excl_valid;    /* 0 = open monitor cleared (CLREX, STREX) */
    uint64_t excl_value;    /* value read by LDREX*, zero-extended */
    uint32_t excl_size;     /* 1, 2, 4 or 8 */
};

static inline uint32_t guest_cpu_get_cpsr(const struct guest_cpu *cpu)
{
    uint32_t it = cpu->itstate;
    return (cpu->flag_n << 31) | (cpu->flag_z << 30) | (cpu->flag_c << 29) |
           (cpu->flag_v << 28) | (cpu->flag_q << 27) |
           ((it & 3u) << 25) | ((cpu->ge & 0xfu) << CPSR_GE_SHIFT) |
           (((it >> 2) & 0x3fu) << 10) | (cpu->thumb << 5) | CPSR_MODE_USR;
}

/* Sets the user-writable parts of CPSR (flags, GE, and if with_exec_state
 * also T and ITSTATE, as sigreturn does). */
static inline void guest_cpu_set_cpsr(struct guest_cpu *cpu, uint32_t cpsr,
                                      bool with_exec_state)
{
    cpu->flag_n = (cpsr >> 31) & 1;
    cpu->flag_z = (cpsr >> 30) & 1;
    cpu->flag_c = (cpsr >> 29) & 1;
    cpu->flag_v = (cpsr >> 28) & 1;
    cpu->flag_q = (cpsr >> 27) & 1;
    cpu->ge = (cpsr >> CPSR_GE_SHIFT) & 0xfu;
    if (with_exec_state) {
        cpu->thumb = (cpsr >> 5) & 1;
        cpu->itstate = ((cpsr >> 25) & 3u) | (((cpsr >> 10) & 0x3fu) << 2);
    }
}

/* ITSTATE after one instruction of an IT block has executed (ARM ARM
 * ITAdvance()). */
static inline uint32_t guest_itstate_advance(uint32_t it)
{
    if ((it & 7u) == 0)
        return 0;
    return (it & 0xe0u) | ((it << 1) & 0x1fu);
}

/* Single-precision view of the VFP register file. */
static inline uint32_t guest_cpu_get_s(const struct guest_cpu *cpu, unsigned n)
{
    uint64_t d = cpu->d[n >> 1];
    return (n & 1) ? (uint32_t)(d >> 32) : (uint32_t)d;
}

static inline void guest_cpu_set_s(struct guest_cpu *cpu, unsigned n, uint32_t v)
{
    uint64_t *d = &cpu->d[n >> 1];
    if (n & 1)
        *d = (*d & 0xffffffffull) | ((uint64_t)v << 32);
    else
        *d = (*d & 0xffffffff00000000ull) | v;
}

#endif
