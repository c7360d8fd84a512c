/*
 * Fast NEON handlers for the ops without arithmetic: bitwise ops and
 * immediates, core <-> scalar moves and duplication, VEXT, VREV and the
 * two-register permutations VSWP/VZIP/VUZP/VTRN (see neon_perm.h).
 *
 * Permutations use constant vector shuffles per element size: a D form
 * shuffles the 16-byte concatenation rd:rm (rd in the low half) and takes
 * the new rd from the low half of the result, the new rm from the high
 * half; a Q form shuffles rd and rm as two 16-byte vectors. rd == rm is
 * UNPREDICTABLE and goes to the reference path, which reproduces
 * qemu-arm's choice.
 */
#include "exec/neon_perm.h"

#define HANDLER(NAME)                                                        \
    static void NAME(struct guest_thread *thread, const struct guest_insn *insn)
#define PROLOGUE                                                             \
    struct guest_cpu *cpu = &thread->cpu;                                    \
    const bool q = (insn->flags & NF_Q) != 0
#define ALL8(NAME)                                                           \
    { NAME, NAME, NAME, NAME, NAME, NAME, NAME, NAME }
#define G neon_generic_handler

/* ---- Bitwise: rd = f(rd, rn, rm) ----------------------------------------- */

#define DEF_BITWISE(OP, NAME, EXPR)                                          \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        vu64 n = neon_vread(cpu, insn->rn, q), m = neon_vread(cpu, insn->rm, q); \
        vu64 d = neon_vread(cpu, insn->rd, q);                               \
        (void)d;                                                             \
        neon_vwrite(cpu, insn->rd, q, (EXPR));                               \
    }                                                                        \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = ALL8(NAME);

DEF_BITWISE(VAND, vand, n & m)
DEF_BITWISE(VBIC, vbic, n & ~m)
DEF_BITWISE(VORR, vorr, n | m)
DEF_BITWISE(VORN, vorn, n | ~m)
DEF_BITWISE(VEOR, veor, n ^ m)
DEF_BITWISE(VBSL, vbsl, (n & d) | (m & ~d))
DEF_BITWISE(VBIT, vbit, (n & m) | (d & ~m))
DEF_BITWISE(VBIF, vbif, (d & m) | (n & ~m))

HANDLER(vmvn)
{
    PROLOGUE;
    neon_vwrite(cpu, insn->rd, q, ~neon_vread(cpu, insn->rm, q));
}
neon_handler *const neon_set_VMVN[NEON_HANDLER_SET_SIZE] = ALL8(vmvn);


#define DEF_IMM(OP, NAME, EXPR)                                              \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        uint64_t imm = neon_expand_imm64(insn);                                   \
        vu64 d = neon_vread(cpu, insn->rd, q);                               \
        (void)d;                                                             \
        neon_vwrite(cpu, insn->rd, q, (EXPR));                               \
    }                                                                        \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = ALL8(NAME);
DEF_IMM(VMOV_IMM, vmov_imm, ((vu64){ imm, imm }))
DEF_IMM(VORR_IMM, vorr_imm, d | imm)
DEF_IMM(VBIC_IMM, vbic_imm, d & ~imm)

/* ---- Core <-> scalar, duplication ------------------------------------------ */

HANDLER(vmov_to_scalar)
{
    struct guest_cpu *cpu = &thread->cpu;
    unsigned bits = 8u << insn->shift_type, shift = insn->shift_amount * bits;
    uint64_t mask = ((1ull << bits) - 1) << shift;
    cpu->d[insn->rd] = (cpu->d[insn->rd] & ~mask) |
                       (((uint64_t)cpu->r[insn->rm] << shift) & mask);
}

HANDLER(vmov_from_scalar)
{
    struct guest_cpu *cpu = &thread->cpu;
    unsigned bits = 8u << insn->shift_type;
    uint64_t v = cpu->d[insn->rn] >> (insn->shift_amount * bits);
    uint32_t r;
    if (insn->flags & NF_U)
        r = (uint32_t)(v & ((1ull << bits) - 1));
    else
        r = insn->shift_type == 0 ? (uint32_t)(int8_t)v : (uint32_t)(int16_t)v;
    cpu->r[insn->rd] = r;
}

HANDLER(vdup_core)
{
    PROLOGUE;
    uint64_t v = neon_replicate64(cpu->r[insn->rm], insn->shift_type);
    neon_vwrite(cpu, insn->rd, q, (vu64){ v, v });
}

HANDLER(vdup_scalar)
{
    PROLOGUE;
    uint64_t v = neon_scalar64(cpu, insn->rm, insn->shift_type, insn->shift_amount);
    neon_vwrite(cpu, insn->rd, q, (vu64){ v, v });
}

/* Element sizes 8 and 16 only (32 belongs to VFP's VMOV). */
neon_handler *const neon_set_VMOV_TO_SCALAR[NEON_HANDLER_SET_SIZE] = {
    vmov_to_scalar, vmov_to_scalar, vmov_to_scalar, vmov_to_scalar, G, G, G, G };
neon_handler *const neon_set_VMOV_FROM_SCALAR[NEON_HANDLER_SET_SIZE] = {
    vmov_from_scalar, vmov_from_scalar, vmov_from_scalar, vmov_from_scalar,
    G, G, G, G };
neon_handler *const neon_set_VDUP_CORE[NEON_HANDLER_SET_SIZE] = {
    vdup_core, vdup_core, vdup_core, vdup_core, vdup_core, vdup_core, G, G };
neon_handler *const neon_set_VDUP_SCALAR[NEON_HANDLER_SET_SIZE] = {
    vdup_scalar, vdup_scalar, vdup_scalar, vdup_scalar, vdup_scalar,
    vdup_scalar, G, G };

/* ---- VEXT, VREV ---------------------------------------------------------- */

HANDLER(vext)
{
    struct guest_cpu *cpu = &thread->cpu;
    unsigned k = insn->shift_amount;
    if (!(insn->flags & NF_Q)) {
        uint64_t n = cpu->d[insn->rn], m = cpu->d[insn->rm];
        cpu->d[insn->rd] = k ? (n >> (8 * k)) | (m << (64 - 8 * k)) : n;
        return;
    }
    uint8_t buf[32];
    vu64 r;
    memcpy(buf, &cpu->d[insn->rn], 16);
    memcpy(buf + 16, &cpu->d[insn->rm], 16);
    memcpy(&r, buf + (k & 15), 16);
    neon_qwrite(cpu, insn->rd, r);
}
neon_handler *const neon_set_VEXT[NEON_HANDLER_SET_SIZE] = ALL8(vext);

/* VREV: one handler per element size, the group (16, 32 or 64 bits, wider
 * than the element) selects a constant shuffle; bytes are swapped with
 * shifts and masks. */
static inline vu64 swap_bytes_in_halfwords(vu64 x)
{
    return ((x >> 8) & 0x00ff00ff00ff00ffull) | ((x & 0x00ff00ff00ff00ffull) << 8);
}

HANDLER(vrev_8)
{
    PROLOGUE;
    vu16 m = (vu16)neon_vread(cpu, insn->rm, q);
    if (insn->imm == 32)
        m = __builtin_shufflevector(m, m, 1, 0, 3, 2, 5, 4, 7, 6);
    else if (insn->imm == 64)
        m = __builtin_shufflevector(m, m, 3, 2, 1, 0, 7, 6, 5, 4);
    neon_vwrite(cpu, insn->rd, q, swap_bytes_in_halfwords((vu64)m));
}

HANDLER(vrev_16)
{
    PROLOGUE;
    vu16 m = (vu16)neon_vread(cpu, insn->rm, q);
    vu16 r = insn->imm == 32 ? __builtin_shufflevector(m, m, 1, 0, 3, 2, 5, 4, 7, 6)
                             : __builtin_shufflevector(m, m, 3, 2, 1, 0, 7, 6, 5, 4);
    neon_vwrite(cpu, insn->rd, q, (vu64)r);
}

HANDLER(vrev_32)
{
    PROLOGUE;
    vu32 m = (vu32)neon_vread(cpu, insn->rm, q);
    neon_vwrite(cpu, insn->rd, q, (vu64)__builtin_shufflevector(m, m, 1, 0, 3, 2));
}
neon_handler *const neon_set_VREV[NEON_HANDLER_SET_SIZE] = {
    vrev_8, vrev_8, vrev_16, vrev_16, vrev_32, vrev_32, G, G };

/* ---- VSWP, VZIP, VUZP, VTRN ------------------------------------------------ */

HANDLER(vswp)
{
    PROLOGUE;
    vu64 d = neon_vread(cpu, insn->rd, q), m = neon_vread(cpu, insn->rm, q);
    neon_vwrite(cpu, insn->rm, q, d);
    neon_vwrite(cpu, insn->rd, q, m);
}
neon_handler *const neon_set_VSWP[NEON_HANDLER_SET_SIZE] = ALL8(vswp);

/* D_IDX: 16 lane indices into rd:rm (new rd in lanes 0..n/2-1, new rm
 * above); QD_IDX / QM_IDX: indices into (rd, rm) for the new rd / rm. */
#define DEF_PERM(NAME, VT, D_IDX, QD_IDX, QM_IDX)                            \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        if (__builtin_expect(insn->rd == insn->rm, 0)) {                     \
            neon_generic_handler(thread, insn);                              \
            return;                                                          \
        }                                                                    \
        if (!q) {                                                            \
            VT c = (VT)(vu64){ cpu->d[insn->rd], cpu->d[insn->rm] };         \
            vu64 r = (vu64)__builtin_shufflevector(c, c, D_IDX);             \
            cpu->d[insn->rm] = r[1];                                         \
            cpu->d[insn->rd] = r[0];                                         \
            return;                                                          \
        }                                                                    \
        VT d = (VT)neon_qread(cpu, insn->rd), m = (VT)neon_qread(cpu, insn->rm); \
        vu64 nd = (vu64)__builtin_shufflevector(d, m, QD_IDX);               \
        vu64 nm = (vu64)__builtin_shufflevector(d, m, QM_IDX);               \
        neon_qwrite(cpu, insn->rm, nm);                                      \
        neon_qwrite(cpu, insn->rd, nd);                                      \
    }

#define I8(...) __VA_ARGS__
DEF_PERM(vzip_8, vu8,
         I8(0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15),
         I8(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23),
         I8(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31))
DEF_PERM(vzip_16, vu16, I8(0, 4, 1, 5, 2, 6, 3, 7),
         I8(0, 8, 1, 9, 2, 10, 3, 11), I8(4, 12, 5, 13, 6, 14, 7, 15))
DEF_PERM(vzip_32, vu32, I8(0, 2, 1, 3), I8(0, 4, 1, 5), I8(2, 6, 3, 7))
DEF_PERM(vuzp_8, vu8,
         I8(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15),
         I8(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30),
         I8(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31))
DEF_PERM(vuzp_16, vu16, I8(0, 2, 4, 6, 1, 3, 5, 7),
         I8(0, 2, 4, 6, 8, 10, 12, 14), I8(1, 3, 5, 7, 9, 11, 13, 15))
DEF_PERM(vuzp_32, vu32, I8(0, 2, 1, 3), I8(0, 2, 4, 6), I8(1, 3, 5, 7))
DEF_PERM(vtrn_8, vu8,
         I8(0, 8, 2, 10, 4, 12, 6, 14, 1, 9, 3, 11, 5, 13, 7, 15),
         I8(0, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30),
         I8(1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31))
DEF_PERM(vtrn_16, vu16, I8(0, 4, 2, 6, 1, 5, 3, 7),
         I8(0, 8, 2, 10, 4, 12, 6, 14), I8(1, 9, 3, 11, 5, 13, 7, 15))
DEF_PERM(vtrn_32, vu32, I8(0, 2, 1, 3), I8(0, 4, 2, 6), I8(1, 5, 3, 7))

#define PERM_SET(OP, NAME)                                                   \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_8, NAME##_8, NAME##_16, NAME##_16, NAME##_32, NAME##_32, G, G };
PERM_SET(VZIP, vzip)
PERM_SET(VUZP, vuzp)
PERM_SET(VTRN, vtrn)
