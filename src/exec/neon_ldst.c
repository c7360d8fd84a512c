/*
 * Fast paths of the NEON element and structure loads/stores (field
 * conventions in guest/insn_neon_ops.h), one handler per element size.
 *
 * Precise faults: the alignment check comes first (SIGBUS before any
 * access); a load performs every guest access into locals before it
 * writes a register or the base, so a host fault part-way (unwinding
 * through siglongjmp) leaves the guest state unchanged. Stores may have
 * written a prefix, as on hardware. Guest accesses are fixed-size copies
 * (the transfer size is chosen by a switch), never a libc call.
 */
#include <signal.h>

#include "exec/neon_ldst.h"
#include "exec/interp.h"
#include "mem/guest_mem.h"

static inline uint32_t check_align(struct guest_thread *thread,
                                   const struct guest_insn *insn)
{
    uint32_t base = thread->cpu.r[insn->rn];
    if (__builtin_expect(base & (insn->shift_amount - 1u), 0))
        interp_raise(thread, SIGBUS, BUS_ADRALN, base);
    return base;
}

static inline void writeback(struct guest_cpu *cpu, const struct guest_insn *insn,
                             uint32_t base, uint32_t total)
{
    if (insn->flags & F_WBACK)
        cpu->r[insn->rn] = base + (insn->rm == 13 ? total : cpu->r[insn->rm]);
}

/* ---- Multiple structures ------------------------------------------------ */

/* VLD1: whole registers. */
static inline void vld1_multi(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t base = check_align(thread, insn);
    const uint8_t *src = guest_to_host(base);
    unsigned rd = insn->rd, regs = insn->imm & 0xffu;
    switch (regs) {
    case 1: {
        uint64_t a;
        memcpy(&a, src, 8);
        cpu->d[rd] = a;
        break;
    }
    case 2: {
        vu64 a;
        memcpy(&a, src, 16);
        neon_qwrite(cpu, rd, a);
        break;
    }
    case 3: {
        vu64 a;
        uint64_t b;
        memcpy(&a, src, 16);
        memcpy(&b, src + 16, 8);
        neon_qwrite(cpu, rd, a);
        cpu->d[rd + 2] = b;
        break;
    }
    default: {
        vu64 a, b;
        memcpy(&a, src, 16);
        memcpy(&b, src + 16, 16);
        neon_qwrite(cpu, rd, a);
        neon_qwrite(cpu, rd + 2, b);
        break;
    }
    }
    writeback(cpu, insn, base, 8 * regs);
}

static inline void vst1_multi(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t base = check_align(thread, insn);
    uint8_t *dst = guest_to_host(base);
    unsigned rd = insn->rd, regs = insn->imm & 0xffu;
    switch (regs) {
    case 1:
        memcpy(dst, &cpu->d[rd], 8);
        break;
    case 2:
        memcpy(dst, &cpu->d[rd], 16);
        break;
    case 3:
        memcpy(dst, &cpu->d[rd], 16);
        memcpy(dst + 16, &cpu->d[rd + 2], 8);
        break;
    default:
        memcpy(dst, &cpu->d[rd], 16);
        memcpy(dst + 16, &cpu->d[rd + 2], 16);
        break;
    }
    writeback(cpu, insn, base, 8 * regs);
}

/* VLD2-4 / VST2-4. Element e of register r of structure member k is
 * element (r * lanes + e) * nelem + k of the transfer (at most 32 bytes),
 * and the registers of member k, D[rd + k * inc + r] for r < regs, are
 * consecutive: member k is the stride-nelem gather of the transfer from
 * element k. Shapes are (nelem, regs) = (2, 1), (2, 2), (3, 1), (4, 1);
 * each gets a fully unrolled copy. Kept out of line so that the VLD1/VST1
 * dispatch stays small. */
#define UNROLL _Pragma("GCC unroll 32")

#define DEF_INTERLEAVED_SHAPE(SUFFIX, T, NELEM, REGS)                        \
    static inline __attribute__((always_inline)) void                        \
    vld_shape_##SUFFIX##_##NELEM##_##REGS(struct guest_cpu *cpu,             \
                                          const uint8_t *src, unsigned rd,   \
                                          unsigned inc)                      \
    {                                                                        \
        enum { COUNT = REGS * 8 / sizeof(T) };                               \
        T mem[NELEM * COUNT], out[NELEM][COUNT];                             \
        memcpy(mem, src, sizeof mem);                                        \
        UNROLL                                                               \
        for (unsigned k = 0; k < NELEM; k++) {                               \
            UNROLL                                                           \
            for (unsigned j = 0; j < COUNT; j++)                             \
                out[k][j] = mem[j * NELEM + k];                              \
        }                                                                    \
        UNROLL                                                               \
        for (unsigned k = 0; k < NELEM; k++)                                 \
            memcpy(&cpu->d[rd + k * inc], out[k], sizeof out[k]);            \
    }                                                                        \
    static inline __attribute__((always_inline)) void                        \
    vst_shape_##SUFFIX##_##NELEM##_##REGS(const struct guest_cpu *cpu,       \
                                          uint8_t *dst, unsigned rd,         \
                                          unsigned inc)                      \
    {                                                                        \
        enum { COUNT = REGS * 8 / sizeof(T) };                               \
        T mem[NELEM * COUNT], in[NELEM][COUNT];                              \
        UNROLL                                                               \
        for (unsigned k = 0; k < NELEM; k++)                                 \
            memcpy(in[k], &cpu->d[rd + k * inc], sizeof in[k]);              \
        UNROLL                                                               \
        for (unsigned k = 0; k < NELEM; k++) {                               \
            UNROLL                                                           \
            for (unsigned j = 0; j < COUNT; j++)                             \
                mem[j * NELEM + k] = in[k][j];                               \
        }                                                                    \
        memcpy(dst, mem, sizeof mem);                                        \
    }

#define DEF_INTERLEAVED(SUFFIX, T)                                           \
    DEF_INTERLEAVED_SHAPE(SUFFIX, T, 2, 1)                                   \
    DEF_INTERLEAVED_SHAPE(SUFFIX, T, 2, 2)                                   \
    DEF_INTERLEAVED_SHAPE(SUFFIX, T, 3, 1)                                   \
    DEF_INTERLEAVED_SHAPE(SUFFIX, T, 4, 1)                                   \
    static __attribute__((noinline)) void                                    \
    vld_multi_##SUFFIX(struct guest_thread *thread, const struct guest_insn *insn) \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        uint32_t base = check_align(thread, insn);                           \
        unsigned regs = insn->imm & 0xffu, inc = (insn->imm >> 8) & 0xffu;   \
        const uint8_t *src = guest_to_host(base);                            \
        switch (insn->ra) {                                                  \
        case 2:                                                              \
            if (regs == 1)                                                   \
                vld_shape_##SUFFIX##_2_1(cpu, src, insn->rd, inc);           \
            else                                                             \
                vld_shape_##SUFFIX##_2_2(cpu, src, insn->rd, inc);           \
            break;                                                           \
        case 3: vld_shape_##SUFFIX##_3_1(cpu, src, insn->rd, inc); break;    \
        default: vld_shape_##SUFFIX##_4_1(cpu, src, insn->rd, inc); break;   \
        }                                                                    \
        writeback(cpu, insn, base, 8 * regs * insn->ra);                     \
    }                                                                        \
    static __attribute__((noinline)) void                                    \
    vst_multi_##SUFFIX(struct guest_thread *thread, const struct guest_insn *insn) \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        uint32_t base = check_align(thread, insn);                           \
        unsigned regs = insn->imm & 0xffu, inc = (insn->imm >> 8) & 0xffu;   \
        uint8_t *dst = guest_to_host(base);                                  \
        switch (insn->ra) {                                                  \
        case 2:                                                              \
            if (regs == 1)                                                   \
                vst_shape_##SUFFIX##_2_1(cpu, dst, insn->rd, inc);           \
            else                                                             \
                vst_shape_##SUFFIX##_2_2(cpu, dst, insn->rd, inc);           \
            break;                                                           \
        case 3: vst_shape_##SUFFIX##_3_1(cpu, dst, insn->rd, inc); break;    \
        default: vst_shape_##SUFFIX##_4_1(cpu, dst, insn->rd, inc); break;   \
        }                                                                    \
        writeback(cpu, insn, base, 8 * regs * insn->ra);                     \
    }
DEF_INTERLEAVED(8, uint8_t)
DEF_INTERLEAVED(16, uint16_t)
DEF_INTERLEAVED(32, uint32_t)

#define DEF_MULTI_DISPATCH(SUFFIX)                                           \
    static void vld_multi_dispatch_##SUFFIX(struct guest_thread *thread,     \
                                            const struct guest_insn *insn)   \
    {                                                                        \
        if (insn->ra == 1)                                                   \
            vld1_multi(thread, insn);                                        \
        else                                                                 \
            vld_multi_##SUFFIX(thread, insn);                                \
    }                                                                        \
    static void vst_multi_dispatch_##SUFFIX(struct guest_thread *thread,     \
                                            const struct guest_insn *insn)   \
    {                                                                        \
        if (insn->ra == 1)                                                   \
            vst1_multi(thread, insn);                                        \
        else                                                                 \
            vst_multi_##SUFFIX(thread, insn);                                \
    }
DEF_MULTI_DISPATCH(8)
DEF_MULTI_DISPATCH(16)
DEF_MULTI_DISPATCH(32)

/* 64-bit elements exist for VLD1/VST1 only. */
neon_handler *const neon_set_VLD_MULTI[NEON_HANDLER_SET_SIZE] = {
    vld_multi_dispatch_8, vld_multi_dispatch_8, vld_multi_dispatch_16,
    vld_multi_dispatch_16, vld_multi_dispatch_32, vld_multi_dispatch_32,
    vld1_multi, vld1_multi };
neon_handler *const neon_set_VST_MULTI[NEON_HANDLER_SET_SIZE] = {
    vst_multi_dispatch_8, vst_multi_dispatch_8, vst_multi_dispatch_16,
    vst_multi_dispatch_16, vst_multi_dispatch_32, vst_multi_dispatch_32,
    vst1_multi, vst1_multi };

/* ---- Single structures: one lane, all lanes ------------------------------ */

#define DEF_SINGLE(SUFFIX, T, REPLICATE)                                     \
    static void vld_lane_##SUFFIX(struct guest_thread *thread,               \
                                  const struct guest_insn *insn)             \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        uint32_t base = check_align(thread, insn);                           \
        unsigned nelem = insn->ra, inc = (insn->imm >> 8) & 0xffu;           \
        unsigned index = (insn->imm >> 16) & 0xffu, rd = insn->rd;           \
        const uint8_t *src = guest_to_host(base);                            \
        T v[4];                                                              \
        memcpy(v, src, sizeof(T));                                           \
        for (unsigned k = 1; k < nelem; k++)                                 \
            memcpy(&v[k], src + k * sizeof(T), sizeof(T));                   \
        for (unsigned k = 0; k < nelem; k++)                                 \
            memcpy((uint8_t *)&cpu->d[rd + k * inc] + index * sizeof(T),     \
                   &v[k], sizeof(T));                                        \
        writeback(cpu, insn, base, nelem * (unsigned)sizeof(T));             \
    }                                                                        \
    static void vst_lane_##SUFFIX(struct guest_thread *thread,               \
                                  const struct guest_insn *insn)             \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        uint32_t base = check_align(thread, insn);                           \
        unsigned nelem = insn->ra, inc = (insn->imm >> 8) & 0xffu;           \
        unsigned index = (insn->imm >> 16) & 0xffu, rd = insn->rd;           \
        uint8_t *dst = guest_to_host(base);                                  \
        for (unsigned k = 0; k < nelem; k++)                                 \
            memcpy(dst + k * sizeof(T),                                      \
                   (const uint8_t *)&cpu->d[rd + k * inc] + index * sizeof(T), \
                   sizeof(T));                                               \
        writeback(cpu, insn, base, nelem * (unsigned)sizeof(T));             \
    }                                                                        \
    static void vld_all_##SUFFIX(struct guest_thread *thread,                \
                                 const struct guest_insn *insn)              \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        uint32_t base = check_align(thread, insn);                           \
        unsigned nelem = insn->ra, regs = insn->imm & 0xffu;                 \
        unsigned inc = (insn->imm >> 8) & 0xffu, rd = insn->rd;              \
        const uint8_t *src = guest_to_host(base);                            \
        T v[4];                                                              \
        memcpy(v, src, sizeof(T));                                           \
        for (unsigned k = 1; k < nelem; k++)                                 \
            memcpy(&v[k], src + k * sizeof(T), sizeof(T));                   \
        for (unsigned k = 0; k < nelem; k++) {                               \
            uint64_t x = (uint64_t)v[k] * (REPLICATE);                       \
            for (unsigned r = 0; r < regs; r++)                              \
                cpu->d[rd + k * inc + r] = x;                                \
        }                                                                    \
        writeback(cpu, insn, base, nelem * (unsigned)sizeof(T));             \
    }
DEF_SINGLE(8, uint8_t, 0x0101010101010101ull)
DEF_SINGLE(16, uint16_t, 0x0001000100010001ull)
DEF_SINGLE(32, uint32_t, 0x0000000100000001ull)

#define SINGLE_SET(OP, NAME)                                                 \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_8, NAME##_8, NAME##_16, NAME##_16, NAME##_32, NAME##_32,      \
        neon_generic_handler, neon_generic_handler };
SINGLE_SET(VLD_LANE, vld_lane)
SINGLE_SET(VST_LANE, vst_lane)
SINGLE_SET(VLD_ALL, vld_all)
