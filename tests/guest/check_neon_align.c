/*
 * Advanced SIMD alignment faults, self-checking: every VLDn/VSTn form of
 * neon_ldst.c at base offsets 64..96 including misaligned ones. The ARM ARM
 * rule is checked: an address that is not a multiple of the alignment hint
 * (":N" bits, N/8 bytes) raises SIGBUS with si_code BUS_ADRALN and si_addr =
 * the base, before any memory is written; any other address does not fault.
 * This is a check_ program (run under a32run only) because qemu-arm 7.2
 * does not fault a :256 (32-byte) hint at a 16-byte boundary, where the ARM
 * ARM (VLD1/VST1 multiple, VLD2/VLD4 "alignment = 32" cases) requires it:
 * a32run follows the ARM ARM. Exit 0 when every case behaves so.
 */
// variants: arm-O2 thumb-O2
// cflags: -mfpu=neon-vfpv4
#include <setjmp.h>
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

static int checks, failures;

/* Required alignment in bytes from the ":N" hint of the text (1 if none). */
static unsigned hint_bytes(const char *insn)
{
    const char *colon = strchr(insn, ':');
    return colon ? (unsigned)strtoul(colon + 1, NULL, 10) / 8u : 1u;
}

static void verdict(const char *insn, unsigned offset, bool faulted, uint32_t buf_hash,
                    uint32_t clean_hash)
{
    unsigned align = hint_bytes(insn);
    bool want_fault = offset % align != 0;
    bool ok = faulted == want_fault;
    if (faulted)
        ok = ok && fault_code == BUS_ADRALN &&
             fault_addr == (uintptr_t)(buf + offset) && buf_hash == clean_hash;
    checks++;
    if (!ok)
        failures++;
    printf("%s: %-44s +%u: %s (align %u)%s\n", ok ? "ok" : "FAILED", insn, offset,
           faulted ? "SIGBUS" : "no fault", align,
           faulted && fault_code != BUS_ADRALN ? " wrong si_code" :
           faulted && fault_addr != (uintptr_t)(buf + offset) ? " wrong si_addr" :
           faulted && buf_hash != clean_hash ? " memory written" : "");
}

#define T(insn)                                                              \
    do {                                                                     \
        for (unsigned o = 0; o < sizeof offsets / sizeof offsets[0]; o++) {  \
            setup();                                                         \
            uint32_t clean = hash_bytes(buf, sizeof buf);                    \
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
                verdict(insn, offsets[o], false, 0, clean);                  \
            } else {                                                         \
                verdict(insn, offsets[o], true, hash_bytes(buf, sizeof buf), \
                        clean);                                              \
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
    printf("check_neon_align: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
