/*
 * Advanced SIMD alignment faults: every VLDn/VSTn form of neon_ldst.c at
 * base offsets 64..96 including misaligned ones; an address that misses
 * the alignment hint must raise SIGBUS (BUS_ADRALN, si_addr = base) before
 * any register or the base changes. Prints per instruction and offset the
 * result or the fault.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=neon-vfpv4
// pending: qemu-arm 7.2 does not fault :256-aligned VLD/VST at 16-byte boundaries where the ARM ARM requires 32-byte alignment; to become a check_ program
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t regs_in[8], regs_out[8];
static uint8_t buf[512] __attribute__((aligned(64)));
static sigjmp_buf jump;
static volatile int fault_code;
static volatile uintptr_t fault_addr;

static void on_sigbus(int sig, siginfo_t *info, void *uc)
{
    fault_code = info->si_code;
    fault_addr = (uintptr_t)info->si_addr;
    siglongjmp(jump, 1);
}

static uint32_t hash_bytes(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

static void setup(void)
{
    for (int i = 0; i < 512; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    for (int i = 0; i < 8; i++)
        regs_in[i] = 0x0123456789abcdefull * (uint64_t)(i + 1) + 0x1111;
}

static const unsigned offsets[] = { 64, 65, 66, 68, 72, 80, 96 };

#define T(insn)                                                              \
    do {                                                                     \
        for (unsigned o = 0; o < sizeof offsets / sizeof offsets[0]; o++) {  \
            setup();                                                         \
            uint8_t *p = buf + offsets[o];                                   \
            int s = 24;                                                      \
            memset(regs_out, 0, sizeof regs_out);                            \
            if (sigsetjmp(jump, 1) == 0) {                                   \
                __asm__ volatile("vldmia %[in], {d0-d7}\n\t"                 \
                                 insn "\n\t"                                 \
                                 "vstmia %[out], {d0-d7}\n\t"                \
                                 : [p] "+r"(p)                               \
                                 : [in] "r"(regs_in), [out] "r"(regs_out),   \
                                   [s] "r"(s)                                \
                                 : "d0", "d1", "d2", "d3", "d4", "d5", "d6", \
                                   "d7", "memory");                          \
                printf("%-44s +%u: base+%d regs %08x buf %08x\n", insn,     \
                       offsets[o], (int)(p - buf - offsets[o]),              \
                       hash_bytes(regs_out, sizeof regs_out),                \
                       hash_bytes(buf, sizeof buf));                         \
            } else {                                                         \
                printf("%-44s +%u: SIGBUS code %d at +%d buf %08x\n", insn, \
                       offsets[o], fault_code,                               \
                       (int)(fault_addr - (uintptr_t)buf),                   \
                       hash_bytes(buf, sizeof buf));                         \
            }                                                                \
        }                                                                    \
    } while (0)

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGBUS, &sa, NULL);
    T("vld1.8 {d0}, [%[p]]");
    T("vld1.16 {d0-d1}, [%[p]]!");
    T("vld1.32 {d0-d2}, [%[p]], %[s]");
    T("vld1.64 {d0-d3}, [%[p]]");
    T("vld1.8 {d1-d2}, [%[p] :128]!");
    T("vld1.32 {d0}, [%[p] :64]");
    T("vld1.64 {d4-d7}, [%[p] :256]");
    T("vld1.16 {d0-d2}, [%[p] :64]");
    T("vld2.8 {d0-d1}, [%[p]]");
    T("vld2.16 {d0, d2}, [%[p]]!");
    T("vld2.32 {d0-d3}, [%[p] :128], %[s]");
    T("vld2.8 {d2-d5}, [%[p] :256]");
    T("vld3.8 {d0-d2}, [%[p]]");
    T("vld3.16 {d0, d2, d4}, [%[p] :64]!");
    T("vld3.32 {d1-d3}, [%[p]], %[s]");
    T("vld4.8 {d0-d3}, [%[p]]");
    T("vld4.16 {d0, d2, d4, d6}, [%[p] :256]!");
    T("vld4.32 {d4-d7}, [%[p] :128]");
    T("vld1.8 {d0[5]}, [%[p]]");
    T("vld1.16 {d1[2]}, [%[p] :16]!");
    T("vld1.32 {d2[1]}, [%[p] :32], %[s]");
    T("vld2.8 {d0[1], d1[1]}, [%[p] :16]");
    T("vld2.16 {d0[3], d2[3]}, [%[p]]!");
    T("vld2.32 {d1[0], d2[0]}, [%[p] :64]");
    T("vld3.8 {d0[7], d1[7], d2[7]}, [%[p]]");
    T("vld3.16 {d0[1], d2[1], d4[1]}, [%[p]]!");
    T("vld3.32 {d3[1], d4[1], d5[1]}, [%[p]], %[s]");
    T("vld4.8 {d0[2], d1[2], d2[2], d3[2]}, [%[p] :32]");
    T("vld4.16 {d0[0], d2[0], d4[0], d6[0]}, [%[p] :64]!");
    T("vld4.32 {d1[1], d2[1], d3[1], d4[1]}, [%[p] :128]");
    T("vld4.32 {d0[0], d2[0], d4[0], d6[0]}, [%[p] :64]");
    T("vld1.8 {d0[]}, [%[p]]");
    T("vld1.16 {d0[], d1[]}, [%[p] :16]!");
    T("vld1.32 {d3[]}, [%[p] :32], %[s]");
    T("vld2.8 {d0[], d1[]}, [%[p] :16]");
    T("vld2.16 {d0[], d2[]}, [%[p]]!");
    T("vld2.32 {d1[], d2[]}, [%[p] :64]");
    T("vld3.8 {d0[], d1[], d2[]}, [%[p]]");
    T("vld3.16 {d0[], d2[], d4[]}, [%[p]]!");
    T("vld4.8 {d0[], d1[], d2[], d3[]}, [%[p] :32]");
    T("vld4.16 {d0[], d2[], d4[], d6[]}, [%[p] :64]!");
    T("vld4.32 {d1[], d2[], d3[], d4[]}, [%[p] :64]");
    T("vld4.32 {d0[], d1[], d2[], d3[]}, [%[p] :128]");
    T("vst1.8 {d0}, [%[p]]");
    T("vst1.16 {d0-d1}, [%[p]]!");
    T("vst1.32 {d0-d2}, [%[p] :64], %[s]");
    T("vst1.64 {d0-d3}, [%[p] :256]");
    T("vst2.8 {d0-d1}, [%[p]]");
    T("vst2.16 {d0, d2}, [%[p] :128]!");
    T("vst2.32 {d0-d3}, [%[p]], %[s]");
    T("vst3.8 {d0-d2}, [%[p]]");
    T("vst3.16 {d1, d3, d5}, [%[p] :64]!");
    T("vst4.8 {d0-d3}, [%[p] :256]");
    T("vst4.32 {d0, d2, d4, d6}, [%[p]]!");
    T("vst1.8 {d3[6]}, [%[p]]");
    T("vst1.32 {d2[1]}, [%[p] :32]!");
    T("vst2.16 {d0[2], d1[2]}, [%[p] :32]");
    T("vst3.32 {d0[1], d2[1], d4[1]}, [%[p]], %[s]");
    T("vst4.8 {d0[7], d1[7], d2[7], d3[7]}, [%[p]]");
    T("vst4.16 {d1[3], d3[3], d5[3], d7[3]}, [%[p] :64]!");
    return 0;
}
