/*
 * The interpreter's hot loop: executes pre-decoded blocks with threaded
 * dispatch (computed goto; every handler ends with its own dispatch, so the
 * host branch predictor sees one indirect jump per handler) and chains to
 * the next block through the jump cache without returning to the caller.
 *
 * Handlers: frequent simple forms get specialised handlers chosen when the
 * block is built (interp_prepare_insn): data-processing without S, with
 * an immediate, an unshifted or an immediate-shifted register; flag-setting
 * arithmetic and compares on an immediate or unshifted register; logical
 * S forms that leave C unchanged; word/byte/halfword loads and stores with
 * an immediate or register offset and no writeback. VFP and NEON
 * instructions call their executors directly (NEON through the function
 * looked up once per decoded instruction). Everything else runs through
 * the generic handler, a switch over insn->op that implements every
 * integer op. Specialised handlers are never chosen for writes to r15.
 *
 * Invariants (see also interp.c):
 *  - Specialised bodies never see an r15 operand (such insns go generic)
 *    and never write pc except B/BL/CBZ/CBNZ; so only the generic, VFP
 *    and NEON bodies set r[15] to the PC read value. r[15] and cpu->itstate are written
 *    when control leaves the loop, where they describe the next insn.
 *  - interp_current points at the executing instruction whenever it can
 *    fault (generic body and specialised loads/stores set it).
 *  - Memory is accessed before registers are written (precise faults).
 *  - After every instruction that writes memory, thread->code_changed is
 *    checked: if set, the block is left at the next instruction.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/interp.h"
#include "exec/interp_alu.h"
#include "exec/interp_mem.h"
#include "exec/interp_vfp.h"
#include "exec/interp_neon.h"
#include "exec/jit.h"
#include "mem/guest_mem.h"

/* Specialised handlers. Data-processing ops in INSN_DP_FORMS order. */
#define DP_NOS_OPS(X)                                                           \
    X(AND, a & b) X(EOR, a ^ b) X(SUB, a - b) X(RSB, b - a) X(ADD, a + b)      \
    X(ADC, a + b + cpu->flag_c) X(SBC, a + ~b + cpu->flag_c)                    \
    X(RSC, ~a + b + cpu->flag_c) X(ORR, a | b) X(MOV, b) X(BIC, a & ~b)         \
    X(MVN, ~b) X(ORN, a | ~b)
/* Flag-setting arithmetic: EXPR computes res and the flags from a, b;
 * W = writes rd. */
#define DP_ARITH_S_OPS(X)                                                       \
    X(SUB, flags_sub(cpu, a, b), 1) X(RSB, flags_sub(cpu, b, a), 1)             \
    X(ADD, flags_add(cpu, a, b), 1)                                             \
    X(ADC, interp_add_flags(cpu, a, b, cpu->flag_c), 1)                         \
    X(SBC, interp_add_flags(cpu, a, ~b, cpu->flag_c), 1)                        \
    X(RSC, interp_add_flags(cpu, ~a, b, cpu->flag_c), 1)                        \
    X(CMP, flags_sub(cpu, a, b), 0) X(CMN, flags_add(cpu, a, b), 0)
#define DP_LOGIC_S_OPS(X)                                                       \
    X(AND, a & b, 1) X(EOR, a ^ b, 1) X(TST, a & b, 0) X(TEQ, a ^ b, 0)         \
    X(ORR, a | b, 1) X(MOV, b, 1) X(BIC, a & ~b, 1) X(MVN, ~b, 1) X(ORN, a | ~b, 1)
/* Loads/stores: NAME, access expression. */
#define LS_LOAD_OPS(X)                                                          \
    X(LDR, guest_load32(addr)) X(LDRB, guest_load8(addr))                       \
    X(LDRH, guest_load16(addr))                                                 \
    X(LDRSB, (uint32_t)(int32_t)(int8_t)guest_load8(addr))                      \
    X(LDRSH, (uint32_t)(int32_t)(int16_t)guest_load16(addr))
#define LS_STORE_OPS(X)                                                         \
    X(STR, guest_store32(addr, v)) X(STRB, guest_store8(addr, (uint8_t)v))      \
    X(STRH, guest_store16(addr, (uint16_t)v))

enum handler_id {
    H_GENERIC,
    H_SENTINEL,
#define H_ENUM_NOS(NAME, EXPR) H_##NAME##_IMM, H_##NAME##_REG, H_##NAME##_SHI,
    DP_NOS_OPS(H_ENUM_NOS)
#undef H_ENUM_NOS
#define H_ENUM_ARS(NAME, EXPR, W) H_##NAME##S_IMM, H_##NAME##S_REG,
    DP_ARITH_S_OPS(H_ENUM_ARS)
#undef H_ENUM_ARS
#define H_ENUM_LGS(NAME, EXPR, W) H_##NAME##S_IMMK, H_##NAME##S_REGK,
    DP_LOGIC_S_OPS(H_ENUM_LGS)
#undef H_ENUM_LGS
#define H_ENUM_LS(NAME, EXPR) H_##NAME##_RI, H_##NAME##_RR,
    LS_LOAD_OPS(H_ENUM_LS)
    LS_STORE_OPS(H_ENUM_LS)
#undef H_ENUM_LS
#define H_ENUM_WB(NAME, EXPR) H_##NAME##_POST, H_##NAME##_PREW,
    LS_LOAD_OPS(H_ENUM_WB)
    LS_STORE_OPS(H_ENUM_WB)
#undef H_ENUM_WB
#define H_ENUM_SHC(NAME, EXPR, W) H_##NAME##S_SHC,
    DP_LOGIC_S_OPS(H_ENUM_SHC)
#undef H_ENUM_SHC
    H_UXTB, H_UXTH, H_SXTB, H_SXTH, H_MUL, H_MLA, H_CBZ, H_CBNZ,
    H_MOVW, H_MOVT, H_B, H_BL, H_NOP, H_VFP, H_NEON, H_JIT,
    H_COND_FIRST,       /* 14 condition checks, COND_EQ .. COND_LE */
    H_COUNT = H_COND_FIRST + 14
};

static const void *const *handler_addresses;

/* AddWithCarry(a, b, 0) and AddWithCarry(a, ~b, 1) with the host's
 * overflow checks (cheaper than the generic form on every host). */
static inline uint32_t rotate_right(uint32_t v, unsigned amount)
{
    amount &= 31;
    return amount ? (v >> amount) | (v << (32 - amount)) : v;
}

static inline uint32_t flags_add(struct guest_cpu *cpu, uint32_t a, uint32_t b)
{
    uint32_t res;
    int32_t sres;
    cpu->flag_c = __builtin_add_overflow(a, b, &res);
    cpu->flag_v = __builtin_add_overflow((int32_t)a, (int32_t)b, &sres);
    cpu->flag_n = res >> 31;
    cpu->flag_z = res == 0;
    return res;
}

static inline uint32_t flags_sub(struct guest_cpu *cpu, uint32_t a, uint32_t b)
{
    uint32_t res = a - b;
    int32_t sres;
    cpu->flag_c = a >= b;
    cpu->flag_v = __builtin_sub_overflow((int32_t)a, (int32_t)b, &sres);
    cpu->flag_n = res >> 31;
    cpu->flag_z = res == 0;
    return res;
}

__thread const struct exec_insn *volatile interp_current;

#ifdef INTERP_PROFILE
/* Development aid: how often each op takes the generic handler. */
uint64_t interp_profile_generic[OP_COUNT];
void interp_profile_report(void);
void interp_profile_report(void)
{
    for (unsigned i = 0; i < OP_COUNT; i++)
        if (interp_profile_generic[i] > 100000)
            fprintf(stderr, "generic %-10s %llu\n", guest_op_name(i),
                    (unsigned long long)interp_profile_generic[i]);
}
#endif

static bool is_linux_breakpoint(const struct guest_insn *insn)
{
    if (!insn->thumb)
        return (insn->raw & 0x0fffffffu) == 0x07f001f0u;
    if (insn->length == 2)
        return (insn->raw & 0xffffu) == 0xde01u;
    return insn->raw == 0xf7f0a000u;
}

enum block_result interp_execute_block(struct guest_thread *thread,
                                       struct exec_block *block, bool chain)
{
    static const void *const labels[H_COUNT] = {
        [H_GENERIC] = &&L_GENERIC,
        [H_SENTINEL] = &&L_SENTINEL,
#define H_LABEL_NOS(NAME, EXPR) [H_##NAME##_IMM] = &&L_##NAME##_IMM,               \
        [H_##NAME##_REG] = &&L_##NAME##_REG, [H_##NAME##_SHI] = &&L_##NAME##_SHI,
        DP_NOS_OPS(H_LABEL_NOS)
#undef H_LABEL_NOS
#define H_LABEL_ARS(NAME, EXPR, W) [H_##NAME##S_IMM] = &&L_##NAME##S_IMM,       \
        [H_##NAME##S_REG] = &&L_##NAME##S_REG,
        DP_ARITH_S_OPS(H_LABEL_ARS)
#undef H_LABEL_ARS
#define H_LABEL_LGS(NAME, EXPR, W) [H_##NAME##S_IMMK] = &&L_##NAME##S_IMMK,        \
        [H_##NAME##S_REGK] = &&L_##NAME##S_REGK,
        DP_LOGIC_S_OPS(H_LABEL_LGS)
#undef H_LABEL_LGS
#define H_LABEL_LS(NAME, EXPR) [H_##NAME##_RI] = &&L_##NAME##_RI,                  \
        [H_##NAME##_RR] = &&L_##NAME##_RR,
        LS_LOAD_OPS(H_LABEL_LS)
        LS_STORE_OPS(H_LABEL_LS)
#undef H_LABEL_LS
#define H_LABEL_WB(NAME, EXPR) [H_##NAME##_POST] = &&L_##NAME##_POST,             \
        [H_##NAME##_PREW] = &&L_##NAME##_PREW,
        LS_LOAD_OPS(H_LABEL_WB)
        LS_STORE_OPS(H_LABEL_WB)
#undef H_LABEL_WB
#define H_LABEL_SHC(NAME, EXPR, W) [H_##NAME##S_SHC] = &&L_##NAME##S_SHC,
        DP_LOGIC_S_OPS(H_LABEL_SHC)
#undef H_LABEL_SHC
        [H_UXTB] = &&L_UXTB, [H_UXTH] = &&L_UXTH, [H_SXTB] = &&L_SXTB,
        [H_SXTH] = &&L_SXTH, [H_MUL] = &&L_MUL, [H_MLA] = &&L_MLA,
        [H_CBZ] = &&L_CBZ, [H_CBNZ] = &&L_CBNZ,
        [H_MOVW] = &&L_MOVW, [H_MOVT] = &&L_MOVT, [H_B] = &&L_B, [H_BL] = &&L_BL,
        [H_NOP] = &&L_NOP, [H_VFP] = &&L_VFP, [H_NEON] = &&L_NEON, [H_JIT] = &&L_JIT,
        [H_COND_FIRST + COND_EQ] = &&L_COND_EQ, [H_COND_FIRST + COND_NE] = &&L_COND_NE,
        [H_COND_FIRST + COND_CS] = &&L_COND_CS, [H_COND_FIRST + COND_CC] = &&L_COND_CC,
        [H_COND_FIRST + COND_MI] = &&L_COND_MI, [H_COND_FIRST + COND_PL] = &&L_COND_PL,
        [H_COND_FIRST + COND_VS] = &&L_COND_VS, [H_COND_FIRST + COND_VC] = &&L_COND_VC,
        [H_COND_FIRST + COND_HI] = &&L_COND_HI, [H_COND_FIRST + COND_LS] = &&L_COND_LS,
        [H_COND_FIRST + COND_GE] = &&L_COND_GE, [H_COND_FIRST + COND_LT] = &&L_COND_LT,
        [H_COND_FIRST + COND_GT] = &&L_COND_GT, [H_COND_FIRST + COND_LE] = &&L_COND_LE,
    };
    if (!thread) {
        handler_addresses = labels;
        return BLOCK_NEXT;
    }

    struct guest_cpu *cpu = &thread->cpu;
    uint32_t *r = cpu->r;
    const struct exec_insn *e;

/* Starts the instruction at e. Specialised bodies neither read r15 nor
 * fault, except loads/stores, which set interp_current themselves; the
 * generic body sets r15 and interp_current. */
#define ENTER() goto *e->handler
#define DISPATCH()                                                              \
    do {                                                                        \
        e++;                                                                    \
        ENTER();                                                                \
    } while (0)
/* After a memory write: leave the block if the write changed code. */
#define DISPATCH_AFTER_STORE()                                                  \
    do {                                                                        \
        if (__builtin_expect(thread->code_changed, 0))                          \
            goto code_changed_exit;                                             \
        DISPATCH();                                                             \
    } while (0)
#define IN (&e->g)

    uint64_t insn_count = block->count;
    unsigned exit_slot;
    e = block->insns;
    ENTER();

#define COND_CHECK(NAME, PASSES)                                                \
L_COND_##NAME:                                                                  \
    if (!(PASSES))                                                              \
        DISPATCH();                                                             \
    goto *e->body;
    COND_CHECK(EQ, cpu->flag_z)
    COND_CHECK(NE, !cpu->flag_z)
    COND_CHECK(CS, cpu->flag_c)
    COND_CHECK(CC, !cpu->flag_c)
    COND_CHECK(MI, cpu->flag_n)
    COND_CHECK(PL, !cpu->flag_n)
    COND_CHECK(VS, cpu->flag_v)
    COND_CHECK(VC, !cpu->flag_v)
    COND_CHECK(HI, cpu->flag_c && !cpu->flag_z)
    COND_CHECK(LS, !cpu->flag_c || cpu->flag_z)
    COND_CHECK(GE, cpu->flag_n == cpu->flag_v)
    COND_CHECK(LT, cpu->flag_n != cpu->flag_v)
    COND_CHECK(GT, !cpu->flag_z && cpu->flag_n == cpu->flag_v)
    COND_CHECK(LE, cpu->flag_z || cpu->flag_n != cpu->flag_v)
#undef COND_CHECK

    /* Data-processing without S (rd != 15). */
#define H_CODE_NOS(NAME, EXPR)                                                  \
L_##NAME##_IMM: {                                                               \
        uint32_t a = r[IN->rn], b = IN->imm;                                    \
        (void)a;                                                                \
        r[IN->rd] = (EXPR);                                                     \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##_REG: {                                                               \
        uint32_t a = r[IN->rn], b = r[IN->rm];                                  \
        (void)a;                                                                \
        r[IN->rd] = (EXPR);                                                     \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##_SHI: {                                                               \
        uint32_t a = r[IN->rn];                                                 \
        uint32_t b = interp_shift(r[IN->rm], IN->shift_type, IN->shift_amount,  \
                                  cpu->flag_c);                                 \
        (void)a;                                                                \
        r[IN->rd] = (EXPR);                                                     \
        DISPATCH();                                                             \
    }
    DP_NOS_OPS(H_CODE_NOS)
#undef H_CODE_NOS

    /* Flag-setting arithmetic and compares. */
#define H_CODE_ARS(NAME, EXPR, W)                                               \
L_##NAME##S_IMM: {                                                              \
        uint32_t a = r[IN->rn], b = IN->imm;                                    \
        uint32_t res = (EXPR);                                                  \
        if (W)                                                                  \
            r[IN->rd] = res;                                                    \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##S_REG: {                                                              \
        uint32_t a = r[IN->rn], b = r[IN->rm];                                  \
        uint32_t res = (EXPR);                                                  \
        if (W)                                                                  \
            r[IN->rd] = res;                                                    \
        DISPATCH();                                                             \
    }
    DP_ARITH_S_OPS(H_CODE_ARS)
#undef H_CODE_ARS

    /* Flag-setting logical ops whose carry-out is the old C. */
#define H_CODE_LGS(NAME, EXPR, W)                                               \
L_##NAME##S_IMMK: {                                                             \
        uint32_t a = r[IN->rn], b = IN->imm;                                    \
        uint32_t res = (EXPR);                                                  \
        (void)a;                                                                \
        interp_set_nz(cpu, res);                                                \
        if (W)                                                                  \
            r[IN->rd] = res;                                                    \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##S_REGK: {                                                             \
        uint32_t a = r[IN->rn], b = r[IN->rm];                                  \
        uint32_t res = (EXPR);                                                  \
        (void)a;                                                                \
        interp_set_nz(cpu, res);                                                \
        if (W)                                                                  \
            r[IN->rd] = res;                                                    \
        DISPATCH();                                                             \
    }
    DP_LOGIC_S_OPS(H_CODE_LGS)
#undef H_CODE_LGS

    /* Loads/stores, pre-indexed without writeback; RI: imm is the signed
     * offset (prepare folds the sign in), RR: register LSL #n added. */
#define H_CODE_LD(NAME, EXPR)                                                   \
L_##NAME##_RI: {                                                                \
        uint32_t addr = r[IN->rn] + IN->imm;                                    \
        interp_current = e;                                                     \
        r[IN->rd] = (EXPR);                                                     \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##_RR: {                                                                \
        uint32_t addr = r[IN->rn] + (r[IN->rm] << IN->shift_amount);                                  \
        interp_current = e;                                                     \
        r[IN->rd] = (EXPR);                                                     \
        DISPATCH();                                                             \
    }
    LS_LOAD_OPS(H_CODE_LD)
#undef H_CODE_LD
#define H_CODE_ST(NAME, EXPR)                                                   \
L_##NAME##_RI: {                                                                \
        uint32_t addr = r[IN->rn] + IN->imm, v = r[IN->rd];                     \
        interp_current = e;                                                     \
        EXPR;                                                                   \
        DISPATCH_AFTER_STORE();                                                 \
    }                                                                           \
L_##NAME##_RR: {                                                                \
        uint32_t addr = r[IN->rn] + (r[IN->rm] << IN->shift_amount), v = r[IN->rd];                   \
        interp_current = e;                                                     \
        EXPR;                                                                   \
        DISPATCH_AFTER_STORE();                                                 \
    }
    LS_STORE_OPS(H_CODE_ST)
#undef H_CODE_ST

    /* Loads/stores with writeback and an immediate offset (signed, see
     * prepare): POST accesses the base, PREW base + offset. */
#define H_CODE_LD_WB(NAME, EXPR)                                                \
L_##NAME##_POST: {                                                              \
        uint32_t addr = r[IN->rn];                                              \
        interp_current = e;                                                     \
        uint32_t v = (EXPR);                                                    \
        r[IN->rn] = addr + IN->imm;                                             \
        r[IN->rd] = v;                                                          \
        DISPATCH();                                                             \
    }                                                                           \
L_##NAME##_PREW: {                                                              \
        uint32_t addr = r[IN->rn] + IN->imm;                                    \
        interp_current = e;                                                     \
        uint32_t v = (EXPR);                                                    \
        r[IN->rn] = addr;                                                       \
        r[IN->rd] = v;                                                          \
        DISPATCH();                                                             \
    }
    LS_LOAD_OPS(H_CODE_LD_WB)
#undef H_CODE_LD_WB
#define H_CODE_ST_WB(NAME, EXPR)                                                \
L_##NAME##_POST: {                                                              \
        uint32_t addr = r[IN->rn], v = r[IN->rd];                               \
        interp_current = e;                                                     \
        EXPR;                                                                   \
        r[IN->rn] = addr + IN->imm;                                             \
        DISPATCH_AFTER_STORE();                                                 \
    }                                                                           \
L_##NAME##_PREW: {                                                              \
        uint32_t addr = r[IN->rn] + IN->imm, v = r[IN->rd];                     \
        interp_current = e;                                                     \
        EXPR;                                                                   \
        r[IN->rn] = addr;                                                       \
        DISPATCH_AFTER_STORE();                                                 \
    }
    LS_STORE_OPS(H_CODE_ST_WB)
#undef H_CODE_ST_WB

    /* Flag-setting logical ops on an immediate-shifted register. */
#define H_CODE_SHC(NAME, EXPR, W)                                               \
L_##NAME##S_SHC: {                                                              \
        uint32_t a = r[IN->rn], sc;                                             \
        uint32_t b = interp_shift_c(r[IN->rm], IN->shift_type, IN->shift_amount, \
                                    cpu->flag_c, &sc);                          \
        uint32_t res = (EXPR);                                                  \
        (void)a;                                                                \
        interp_set_nz(cpu, res);                                                \
        cpu->flag_c = sc;                                                       \
        if (W)                                                                  \
            r[IN->rd] = res;                                                    \
        DISPATCH();                                                             \
    }
    DP_LOGIC_S_OPS(H_CODE_SHC)
#undef H_CODE_SHC

L_UXTB:
    r[IN->rd] = (uint8_t)rotate_right(r[IN->rm], IN->shift_amount);
    DISPATCH();
L_UXTH:
    r[IN->rd] = (uint16_t)rotate_right(r[IN->rm], IN->shift_amount);
    DISPATCH();
L_SXTB:
    r[IN->rd] = (uint32_t)(int32_t)(int8_t)rotate_right(r[IN->rm], IN->shift_amount);
    DISPATCH();
L_SXTH:
    r[IN->rd] = (uint32_t)(int32_t)(int16_t)rotate_right(r[IN->rm], IN->shift_amount);
    DISPATCH();
L_MUL:
    r[IN->rd] = r[IN->rn] * r[IN->rm];
    DISPATCH();
L_MLA:
    r[IN->rd] = r[IN->rn] * r[IN->rm] + r[IN->ra];
    DISPATCH();
L_CBZ:
    if (r[IN->rn] != 0)
        DISPATCH();
    r[15] = IN->imm;
    goto branch_taken;
L_CBNZ:
    if (r[IN->rn] == 0)
        DISPATCH();
    r[15] = IN->imm;
    goto branch_taken;
L_MOVW:
    r[IN->rd] = IN->imm;
    DISPATCH();
L_MOVT:
    r[IN->rd] = (r[IN->rd] & 0xffffu) | (IN->imm << 16);
    DISPATCH();
L_NOP:
    DISPATCH();
L_B:
    r[15] = IN->imm;
    goto branch_taken;
L_BL:
    r[14] = (IN->pc + IN->length) | cpu->thumb;
    r[15] = IN->imm;
    goto branch_taken;

    /* VFP and NEON: straight to their executors (r15 holds the PC read
     * value for literal loads; they may fault and write memory). */
L_VFP:
    interp_current = e;
    r[15] = e->pc_read;
    interp_vfp_execute(thread, IN);
    DISPATCH_AFTER_STORE();
L_NEON:
    interp_current = e;
    r[15] = e->pc_read;
    e->neon_fn(thread, IN);
    DISPATCH_AFTER_STORE();

    /* A JIT run (exec/jit.h): its code continues here at the instruction
     * it returns, or leaves through a taken branch or a code change. */
L_JIT: {
        thread->jit_block = block;
        uintptr_t next = e->jit_code(thread, &interp_current);
        block = thread->jit_block;
        e = (const struct exec_insn *)(next & ~(uintptr_t)JIT_EXIT_TAGS);
        if (__builtin_expect(next & JIT_EXIT_TAGS, 0)) {
            if (next & JIT_EXIT_BRANCH)
                goto branch_taken;
            goto code_changed_exit;
        }
        ENTER();
    }

L_GENERIC: {
        const struct guest_insn *in = IN;
        uint32_t op2, sc, res, off, base, offaddr, addr, v;
        uint64_t wide;

        interp_current = e;
        r[15] = e->pc_read;
#ifdef INTERP_PROFILE
        interp_profile_generic[in->op]++;
#endif

        switch (in->op) {
#define DP_CASES(NAME, LABEL)                                                    \
        case OP_##NAME##_IMM:                                                    \
            op2 = in->imm;                                                       \
            sc = (in->flags & F_IMM_CARRY) ? op2 >> 31 : cpu->flag_c;           \
            goto LABEL;                                                          \
        case OP_##NAME##_REG:                                                    \
            op2 = interp_shift_c(r[in->rm], in->shift_type, in->shift_amount,    \
                                 cpu->flag_c, &sc);                              \
            goto LABEL;                                                          \
        case OP_##NAME##_RSR:                                                    \
            op2 = interp_shift_c(r[in->rm], in->shift_type, r[in->ra] & 0xffu,   \
                                 cpu->flag_c, &sc);                              \
            goto LABEL;
        DP_CASES(AND, do_and)
        DP_CASES(EOR, do_eor)
        DP_CASES(SUB, do_sub)
        DP_CASES(RSB, do_rsb)
        DP_CASES(ADD, do_add)
        DP_CASES(ADC, do_adc)
        DP_CASES(SBC, do_sbc)
        DP_CASES(RSC, do_rsc)
        DP_CASES(TST, do_tst)
        DP_CASES(TEQ, do_teq)
        DP_CASES(CMP, do_cmp)
        DP_CASES(CMN, do_cmn)
        DP_CASES(ORR, do_orr)
        DP_CASES(MOV, do_mov)
        DP_CASES(BIC, do_bic)
        DP_CASES(MVN, do_mvn)
        DP_CASES(ORN, do_orn)
#undef DP_CASES

        do_and: res = r[in->rn] & op2; goto logical;
        do_eor: res = r[in->rn] ^ op2; goto logical;
        do_orr: res = r[in->rn] | op2; goto logical;
        do_orn: res = r[in->rn] | ~op2; goto logical;
        do_bic: res = r[in->rn] & ~op2; goto logical;
        do_mov: res = op2; goto logical;
        do_mvn: res = ~op2; goto logical;
        logical:
            if (in->flags & F_S) {
                interp_set_nz(cpu, res);
                cpu->flag_c = sc;
            }
            goto write_rd;
        do_tst:
            interp_set_nz(cpu, r[in->rn] & op2);
            cpu->flag_c = sc;
            DISPATCH();
        do_teq:
            interp_set_nz(cpu, r[in->rn] ^ op2);
            cpu->flag_c = sc;
            DISPATCH();
        do_cmp:
            interp_add_flags(cpu, r[in->rn], ~op2, 1);
            DISPATCH();
        do_cmn:
            interp_add_flags(cpu, r[in->rn], op2, 0);
            DISPATCH();
        do_sub:
            res = (in->flags & F_S) ? interp_add_flags(cpu, r[in->rn], ~op2, 1)
                                    : r[in->rn] - op2;
            goto write_rd;
        do_rsb:
            res = (in->flags & F_S) ? interp_add_flags(cpu, ~r[in->rn], op2, 1)
                                    : op2 - r[in->rn];
            goto write_rd;
        do_add:
            res = (in->flags & F_S) ? interp_add_flags(cpu, r[in->rn], op2, 0)
                                    : r[in->rn] + op2;
            goto write_rd;
        do_adc:
            res = (in->flags & F_S) ? interp_add_flags(cpu, r[in->rn], op2, cpu->flag_c)
                                    : r[in->rn] + op2 + cpu->flag_c;
            goto write_rd;
        do_sbc:
            res = (in->flags & F_S) ? interp_add_flags(cpu, r[in->rn], ~op2, cpu->flag_c)
                                    : r[in->rn] + ~op2 + cpu->flag_c;
            goto write_rd;
        do_rsc:
            res = (in->flags & F_S) ? interp_add_flags(cpu, ~r[in->rn], op2, cpu->flag_c)
                                    : ~r[in->rn] + op2 + cpu->flag_c;
            goto write_rd;
        write_rd:
            if (__builtin_expect(in->rd == 15, 0)) {
                if (in->flags & F_INTERWORK)
                    interp_bx_write_pc(cpu, res);
                else
                    r[15] = res & (cpu->thumb ? ~1u : ~3u);
                goto branch_taken;
            }
            r[in->rd] = res;
            DISPATCH();

        case OP_MOVW:
            r[in->rd] = in->imm;
            DISPATCH();
        case OP_MOVT:
            r[in->rd] = (r[in->rd] & 0xffffu) | (in->imm << 16);
            DISPATCH();
        case OP_ADR:
            res = (r[15] & ~3u) + in->imm;
            goto write_rd;

        case OP_MUL:
            res = r[in->rn] * r[in->rm];
            goto mul_flags;
        case OP_MLA:
            res = r[in->rn] * r[in->rm] + r[in->ra];
        mul_flags:
            if (in->flags & F_S)
                interp_set_nz(cpu, res);
            r[in->rd] = res;
            DISPATCH();
        case OP_MLS:
            r[in->rd] = r[in->ra] - r[in->rn] * r[in->rm];
            DISPATCH();
        case OP_UMULL:
            wide = (uint64_t)r[in->rn] * r[in->rm];
            goto long_result;
        case OP_SMULL:
            wide = (uint64_t)((int64_t)(int32_t)r[in->rn] * (int32_t)r[in->rm]);
            goto long_result;
        case OP_UMLAL:
            wide = (uint64_t)r[in->rn] * r[in->rm] +
                   (((uint64_t)r[in->ra] << 32) | r[in->rd]);
            goto long_result;
        case OP_SMLAL:
            wide = (uint64_t)((int64_t)(int32_t)r[in->rn] * (int32_t)r[in->rm]) +
                   (((uint64_t)r[in->ra] << 32) | r[in->rd]);
            goto long_result;
        case OP_UMAAL:
            wide = (uint64_t)r[in->rn] * r[in->rm] + r[in->ra] + r[in->rd];
        long_result:
            if (in->flags & F_S) {
                cpu->flag_n = (uint32_t)(wide >> 63);
                cpu->flag_z = wide == 0;
            }
            r[in->rd] = (uint32_t)wide;
            r[in->ra] = (uint32_t)(wide >> 32);
            DISPATCH();
        case OP_SDIV: {
            int32_t n = (int32_t)r[in->rn], m = (int32_t)r[in->rm];
            if (m == 0)
                r[in->rd] = 0;
            else if (m == -1)
                r[in->rd] = 0u - (uint32_t)n;    /* INT_MIN / -1 = INT_MIN */
            else
                r[in->rd] = (uint32_t)(n / m);
            DISPATCH();
        }
        case OP_UDIV:
            r[in->rd] = r[in->rm] ? r[in->rn] / r[in->rm] : 0;
            DISPATCH();

        case OP_B:
            r[15] = in->imm;
            goto branch_taken;
        case OP_BL:
            r[14] = (in->pc + in->length) | cpu->thumb;
            r[15] = in->imm;
            goto branch_taken;
        case OP_BLX_IMM:
            r[14] = (in->pc + in->length) | cpu->thumb;
            cpu->thumb ^= 1;
            r[15] = in->imm;
            goto branch_taken;
        case OP_BX:
            interp_bx_write_pc(cpu, r[in->rm]);
            goto branch_taken;
        case OP_BLX_REG:
            v = r[in->rm];
            r[14] = (in->pc + in->length) | cpu->thumb;
            interp_bx_write_pc(cpu, v);
            goto branch_taken;
        case OP_CBZ:
            if (r[in->rn] != 0)
                DISPATCH();
            r[15] = in->imm;
            goto branch_taken;
        case OP_CBNZ:
            if (r[in->rn] == 0)
                DISPATCH();
            r[15] = in->imm;
            goto branch_taken;
        case OP_TBB:
            v = guest_load8(r[in->rn] + r[in->rm]);
            r[15] = r[15] + 2 * v;
            goto branch_taken;
        case OP_TBH:
            v = guest_load16(r[in->rn] + 2 * r[in->rm]);
            r[15] = r[15] + 2 * v;
            goto branch_taken;

#define LS_CASES(NAME, LABEL)                                                    \
        case OP_##NAME##_IMM:                                                    \
            off = in->imm;                                                       \
            goto LABEL;                                                          \
        case OP_##NAME##_REG:                                                    \
            off = interp_shift(r[in->rm], in->shift_type, in->shift_amount,      \
                               cpu->flag_c);                                     \
            goto LABEL;
        LS_CASES(LDR, do_ldr)
        LS_CASES(LDRB, do_ldrb)
        LS_CASES(LDRH, do_ldrh)
        LS_CASES(LDRSB, do_ldrsb)
        LS_CASES(LDRSH, do_ldrsh)
        LS_CASES(STR, do_str)
        LS_CASES(STRB, do_strb)
        LS_CASES(STRH, do_strh)
        LS_CASES(LDRD, do_ldrd)
        LS_CASES(STRD, do_strd)
#undef LS_CASES

#define LS_ADDRESS()                                                             \
            base = r[in->rn];                                                    \
            offaddr = (in->flags & F_ADD) ? base + off : base - off;             \
            addr = (in->flags & F_PRE) ? offaddr : base
#define LS_WRITEBACK()                                                           \
            if (in->flags & F_WBACK)                                             \
                r[in->rn] = offaddr

        do_ldr:
            LS_ADDRESS();
            v = guest_load32(addr);
            LS_WRITEBACK();
            if (__builtin_expect(in->rd == 15, 0)) {
                interp_bx_write_pc(cpu, v);
                goto branch_taken;
            }
            r[in->rd] = v;
            DISPATCH();
        do_ldrb:
            LS_ADDRESS();
            v = guest_load8(addr);
            goto load_done;
        do_ldrh:
            LS_ADDRESS();
            v = guest_load16(addr);
            goto load_done;
        do_ldrsb:
            LS_ADDRESS();
            v = (uint32_t)(int32_t)(int8_t)guest_load8(addr);
            goto load_done;
        do_ldrsh:
            LS_ADDRESS();
            v = (uint32_t)(int32_t)(int16_t)guest_load16(addr);
        load_done:
            LS_WRITEBACK();
            r[in->rd] = v;
            DISPATCH();
        do_ldrd: {
            LS_ADDRESS();
            uint32_t lo = guest_load32(addr), hi = guest_load32(addr + 4);
            LS_WRITEBACK();
            r[in->rd] = lo;
            r[in->ra] = hi;
            DISPATCH();
        }
        do_str:
            LS_ADDRESS();
            guest_store32(addr, r[in->rd]);
            goto store_done;
        do_strb:
            LS_ADDRESS();
            guest_store8(addr, (uint8_t)r[in->rd]);
            goto store_done;
        do_strh:
            LS_ADDRESS();
            guest_store16(addr, (uint16_t)r[in->rd]);
            goto store_done;
        do_strd:
            LS_ADDRESS();
            guest_store32(addr, r[in->rd]);
            guest_store32(addr + 4, r[in->ra]);
        store_done:
            LS_WRITEBACK();
            DISPATCH_AFTER_STORE();
#undef LS_ADDRESS
#undef LS_WRITEBACK

        case OP_LDM:
            if (interp_ldm(thread, in))
                goto branch_taken;
            DISPATCH();
        case OP_STM:
            interp_stm(thread, in);
            DISPATCH_AFTER_STORE();

        case OP_LDREX: case OP_LDREXB: case OP_LDREXH: case OP_LDREXD:
        case OP_CLREX: case OP_LDA: case OP_LDAB: case OP_LDAH:
            interp_atomic(thread, in);
            DISPATCH();
        case OP_STREX: case OP_STREXB: case OP_STREXH: case OP_STREXD:
        case OP_STL: case OP_STLB: case OP_STLH: case OP_SWP: case OP_SWPB:
            interp_atomic(thread, in);
            DISPATCH_AFTER_STORE();

        case OP_NOP:
        case OP_IT:
            DISPATCH();
        case OP_SVC:
            r[15] = in->pc + in->length;
            cpu->itstate = exec_next_itstate(in);
            thread->svc_imm = in->imm;
            thread->svc_itstate = in->itstate;
            thread->insn_count += insn_count;
            return BLOCK_SYSCALL;
        case OP_BKPT:
            interp_raise(thread, SIGTRAP, TRAP_BRKPT, in->pc);
        case OP_UDF:
            if (is_linux_breakpoint(in))
                interp_raise(thread, SIGTRAP, TRAP_BRKPT, in->pc);
            interp_raise(thread, SIGILL, ILL_ILLOPC, in->pc);
        case OP_UNDEFINED:
            interp_raise(thread, SIGILL, ILL_ILLOPC, in->pc);
        case OP_BARRIER:
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
            DISPATCH();
        case OP_MRS:
            r[in->rd] = (interp_nzcv(cpu) << 28) | (cpu->flag_q << 27) |
                        (cpu->ge << CPSR_GE_SHIFT) | CPSR_MODE_USR;
            DISPATCH();
        case OP_MSR_REG:
        case OP_MSR_IMM:
            v = in->op == OP_MSR_IMM ? in->imm : r[in->rm];
            if (in->shift_amount & 8) {
                cpu->flag_n = v >> 31;
                cpu->flag_z = (v >> 30) & 1;
                cpu->flag_c = (v >> 29) & 1;
                cpu->flag_v = (v >> 28) & 1;
                cpu->flag_q = (v >> 27) & 1;
            }
            if (in->shift_amount & 4)
                cpu->ge = (v >> CPSR_GE_SHIFT) & 0xfu;
            DISPATCH();
        case OP_MRC_TPIDR:
            r[in->rd] = in->imm == 3 ? cpu->tpidruro : cpu->tpidrurw;
            DISPATCH();
        case OP_MCR_TPIDR:
            cpu->tpidrurw = r[in->rd];
            DISPATCH();

        default:
            if (in->op >= OP_SMULXY && in->op <= OP_UBFX) {
                interp_alu_execute(cpu, in);
                DISPATCH();
            }
            if (in->op > OP_VFP_FIRST_ && in->op < OP_VFP_END_) {
                interp_vfp_execute(thread, in);
                DISPATCH_AFTER_STORE();
            }
            if (in->op > OP_NEON_FIRST_ && in->op < OP_NEON_END_) {
                interp_neon_execute(thread, in);
                DISPATCH_AFTER_STORE();
            }
            fprintf(stderr, "a32run: interpreter has no case for op %u (%s) at 0x%08x\n",
                    in->op, guest_op_name(in->op), in->pc);
            abort();
        }
    }

    /* End of block: follow the fall-through link if it is still valid.
     * r[15] and cpu->itstate are only written when leaving the loop: no
     * specialised body reads them, and the generic body sets r[15]. */
L_SENTINEL:
    if (chain && !thread->signal_pending &&
        __atomic_load_n(&block->link_epoch[0], __ATOMIC_ACQUIRE) ==
            __atomic_load_n(&exec_link_epoch, __ATOMIC_RELAXED)) {
        block = __atomic_load_n(&block->succ[0], __ATOMIC_RELAXED);
        insn_count += block->count;
        e = block->insns;
        ENTER();
    }
    r[15] = IN->pc;
    cpu->itstate = IN->itstate;
    exit_slot = 0;
    goto next_block;

branch_taken:
    cpu->itstate = 0;
    if (chain && !thread->signal_pending &&
        __atomic_load_n(&block->link_epoch[1], __ATOMIC_ACQUIRE) ==
            __atomic_load_n(&exec_link_epoch, __ATOMIC_RELAXED)) {
        struct exec_block *succ = __atomic_load_n(&block->succ[1], __ATOMIC_RELAXED);
        if (succ->key == exec_block_key(r[15], cpu->thumb, 0)) {
            block = succ;
            insn_count += block->count;
            e = block->insns;
            ENTER();
        }
    }
    exit_slot = 1;

    /* Slow path: the jump cache; fills the link. A store that changed code
     * left through code_changed_exit, so no block here can be stale. When
     * the code epoch moved, the jump cache may hold dropped blocks: leave,
     * so that run_blocks() passes a quiescent point first. */
next_block:
    if (!chain || thread->signal_pending)     /* async guest signal: deliver */
        goto leave;
    if (__atomic_load_n(&exec_link_epoch, __ATOMIC_RELAXED) != thread->jump_cache_epoch)
        goto leave;
    {
        uint32_t pc = r[15], it = cpu->itstate;
        uint64_t key = exec_block_key(pc, cpu->thumb, it);
        const struct exec_jump_entry *j = &exec_jump_cache[exec_jump_index(pc, it)];
        if (j->key != key)
            goto leave;
        /* A valid link to another block (an indirect branch: returns,
         * computed jumps) is kept: relinking takes the cache lock, and
         * such exits change target all the time. */
        if (__atomic_load_n(&block->link_epoch[exit_slot], __ATOMIC_RELAXED) !=
            thread->jump_cache_epoch)
            block_cache_link(block, exit_slot, j->block, thread->jump_cache_epoch);
        block = j->block;
    }
    insn_count += block->count;
    e = block->insns;
    ENTER();

code_changed_exit:
    r[15] = IN->pc + IN->length;
    cpu->itstate = exec_next_itstate(IN);
leave:
    thread->insn_count += insn_count;
    return BLOCK_NEXT;
#undef ENTER
#undef DISPATCH
#undef DISPATCH_AFTER_STORE
#undef IN
}

void interp_dispatch_init(void)
{
    if (!handler_addresses)
        interp_execute_block(NULL, NULL, false);
}

static bool plain_register(const struct guest_insn *in)
{
    return in->shift_amount == 0 && in->shift_type == SHIFT_LSL;
}

static unsigned select_dp(const struct guest_insn *in)
{
    static const uint16_t nos[17][3] = {
#define SEL_NOS(NAME, EXPR) [(OP_##NAME##_IMM - OP_AND_IMM) / 3] =                 \
        { H_##NAME##_IMM, H_##NAME##_REG, H_##NAME##_SHI },
        DP_NOS_OPS(SEL_NOS)
#undef SEL_NOS
    };
    static const uint16_t ars[17][2] = {
#define SEL_ARS(NAME, EXPR, W) [(OP_##NAME##_IMM - OP_AND_IMM) / 3] =           \
        { H_##NAME##S_IMM, H_##NAME##S_REG },
        DP_ARITH_S_OPS(SEL_ARS)
#undef SEL_ARS
    };
    static const uint16_t lgs[17][2] = {
#define SEL_LGS(NAME, EXPR, W) [(OP_##NAME##_IMM - OP_AND_IMM) / 3] =              \
        { H_##NAME##S_IMMK, H_##NAME##S_REGK },
        DP_LOGIC_S_OPS(SEL_LGS)
#undef SEL_LGS
    };
    unsigned kind = (in->op - OP_AND_IMM) / 3, form = (in->op - OP_AND_IMM) % 3;
    unsigned base_op = OP_AND_IMM + kind * 3;
    bool compare = base_op == OP_TST_IMM || base_op == OP_TEQ_IMM ||
                   base_op == OP_CMP_IMM || base_op == OP_CMN_IMM;
    if (form == 2 || (!compare && in->rd == 15))
        return H_GENERIC;
    if (!compare && !(in->flags & F_S)) {
        if (form == 0)
            return nos[kind][0] ? nos[kind][0] : H_GENERIC;
        return plain_register(in) ? nos[kind][1] : nos[kind][2];
    }
    static const uint16_t shc[17] = {
#define SEL_SHC(NAME, EXPR, W) [(OP_##NAME##_IMM - OP_AND_IMM) / 3] = H_##NAME##S_SHC,
        DP_LOGIC_S_OPS(SEL_SHC)
#undef SEL_SHC
    };
    if (form == 1 && !plain_register(in))
        return shc[kind] ? shc[kind] : H_GENERIC;
    if (ars[kind][0])
        return ars[kind][form];
    if (form == 0 && (in->flags & F_IMM_CARRY))
        return H_GENERIC;
    return lgs[kind][0] ? lgs[kind][form] : H_GENERIC;
}

static unsigned select_load_store(struct guest_insn *in)
{
    static const uint16_t ri[] = {
#define SEL_LS(NAME, EXPR) [OP_##NAME##_IMM - OP_LDR_IMM] = H_##NAME##_RI,           \
        [OP_##NAME##_REG - OP_LDR_IMM] = H_##NAME##_RR,
        LS_LOAD_OPS(SEL_LS)
        LS_STORE_OPS(SEL_LS)
#undef SEL_LS
    };
    unsigned idx = in->op - OP_LDR_IMM;
    if (idx >= sizeof ri / sizeof ri[0] || !ri[idx])
        return H_GENERIC;
    static const uint16_t post[] = {
#define SEL_WB(NAME, EXPR) [OP_##NAME##_IMM - OP_LDR_IMM] = H_##NAME##_POST,
        LS_LOAD_OPS(SEL_WB)
        LS_STORE_OPS(SEL_WB)
#undef SEL_WB
    };
    bool is_imm = ((in->op - OP_LDR_IMM) & 1) == 0;
    if (in->flags & F_WBACK) {
        /* rd == rn with writeback is UNPREDICTABLE: leave it to generic. */
        if (!is_imm || in->rd == in->rn || !post[idx])
            return H_GENERIC;
        if (!(in->flags & F_ADD)) {
            in->imm = 0u - in->imm;
            in->flags |= F_ADD;
        }
        /* PREW directly follows POST in enum handler_id. */
        return (in->flags & F_PRE) ? post[idx] + 1u : post[idx];
    }
    if (!(in->flags & F_PRE))
        return H_GENERIC;
    if (is_imm) {
        /* Pre-indexed without writeback: base - imm == base + (-imm). */
        if (!(in->flags & F_ADD)) {
            in->imm = 0u - in->imm;
            in->flags |= F_ADD;
        }
        return ri[idx];
    }
    if (!(in->flags & F_ADD) || in->shift_type != SHIFT_LSL || in->shift_amount > 31)
        return H_GENERIC;
    return ri[idx];
}

bool interp_force_generic;

static unsigned select_handler(struct guest_insn *in)
{
    if (interp_force_generic)
        return in->op == OP_NOP ? H_NOP : H_GENERIC;
    /* Their register fields name D registers too; their handlers set r15. */
    if (in->op > OP_VFP_FIRST_ && in->op < OP_VFP_END_)
        return H_VFP;
    if (in->op > OP_NEON_FIRST_ && in->op < OP_NEON_END_)
        return H_NEON;
    /* Specialised bodies do not maintain r15. */
    if (in->rd == 15 || in->rn == 15 || in->rm == 15 || in->ra == 15) {
        if (in->op == OP_B || in->op == OP_BL)
            return in->op == OP_B ? H_B : H_BL;
        return H_GENERIC;
    }
    if (in->op >= OP_AND_IMM && in->op <= OP_ORN_RSR)
        return select_dp(in);
    if (in->op >= OP_LDR_IMM && in->op <= OP_STRH_REG)
        return select_load_store(in);
    switch (in->op) {
    case OP_UXTB: return H_UXTB;
    case OP_UXTH: return H_UXTH;
    case OP_SXTB: return H_SXTB;
    case OP_SXTH: return H_SXTH;
    case OP_MUL: return (in->flags & F_S) ? H_GENERIC : H_MUL;
    case OP_MLA: return (in->flags & F_S) ? H_GENERIC : H_MLA;
    case OP_CBZ: return H_CBZ;
    case OP_CBNZ: return H_CBNZ;
    case OP_MOVW: return H_MOVW;
    case OP_MOVT: return H_MOVT;
    case OP_NOP: return H_NOP;
    case OP_IT: return H_NOP;
    case OP_B: return H_B;
    case OP_BL: return H_BL;
    default: return H_GENERIC;
    }
}

void interp_prepare_insn(struct exec_insn *e)
{
    unsigned id = select_handler(&e->g);
    e->body = handler_addresses[id];
    e->neon_fn = id == H_NEON ? interp_neon_lookup(&e->g) : NULL;
    e->jit_code = NULL;
    if (e->g.cond < COND_AL)
        e->handler = handler_addresses[H_COND_FIRST + e->g.cond];
    else
        e->handler = e->body;
}

bool interp_insn_is_specialised(const struct exec_insn *e)
{
    return e->body != handler_addresses[H_GENERIC] && e->body != handler_addresses[H_SENTINEL] &&
           e->body != handler_addresses[H_VFP] && e->body != handler_addresses[H_NEON];
}

const void *interp_jit_handler(void)
{
    return handler_addresses[H_JIT];
}

void interp_prepare_sentinel(struct exec_insn *e, uint32_t end_pc, uint32_t exit_itstate)
{
    memset(&e->g, 0, sizeof e->g);
    e->g.op = OP_NOP;
    e->g.cond = COND_AL;
    e->g.pc = end_pc;
    e->g.itstate = (uint8_t)exit_itstate;
    e->pc_read = end_pc;
    e->handler = e->body = handler_addresses[H_SENTINEL];
    e->neon_fn = NULL;
    e->jit_code = NULL;
}
