/*
 * Vectorised NEON integer handlers (see neon_simd.h and neon_vec.h for
 * the conventions). Each handler reads its operands as 128-bit vectors,
 * computes every lane at once and writes rd after all reads, so rd may
 * alias any source.
 *
 * Formulas that avoid widening (all exact, checked against the per-lane
 * reference by the differential tests):
 *  - halving add/sub: a + b = 2(a & b) + (a ^ b), a - b = (a ^ b) - 2(~a & b)
 *    on two's complement bit strings, so floor((a + b) / 2) =
 *    (a & b) + ((a ^ b) >> 1), floor((a + b + 1) / 2) = (a | b) -
 *    ((a ^ b) >> 1), floor((a - b) / 2) = ((a ^ b) >> 1) - (~a & b), with
 *    arithmetic shifts for signed elements;
 *  - rounding right shift by n: (x >> n) + bit n-1 of x;
 *  - saturating add/sub: overflow from the operand and result signs
 *    (signed) or the carry/borrow (unsigned); QC if any lane saturated;
 *  - a right shift by the full element width as two shifts (n - 1, 1).
 */
#include "exec/neon_simd.h"

#define HANDLER(NAME)                                                        \
    static void NAME(struct guest_thread *thread, const struct guest_insn *insn)
#define PROLOGUE                                                             \
    struct guest_cpu *cpu = &thread->cpu;                                    \
    const bool q = (insn->flags & NF_Q) != 0
#define READ(VT, reg) ((VT)neon_vread(cpu, (reg), q))
#define WRITE_RD(r) neon_vwrite(cpu, insn->rd, q, (vu64)(r))
#define ONES(VU) (~(VU){ 0 })
#define G neon_generic_handler

/* Second operand of ops with a by-scalar form. */
#define READ_M_SCALAR(VU, size)                                              \
    ((insn->flags & NF_SCALAR)                                               \
         ? (VU)(vu64){ neon_scalar64(cpu, insn->rm, (size), insn->shift_amount), \
                       neon_scalar64(cpu, insn->rm, (size), insn->shift_amount) } \
         : READ(VU, insn->rm))

/* ---- Sign-agnostic three-same: per size (VU, size code) ---------------- */

#define DEF_WRAP3(NAME, VU, SZ, EXPR)                                        \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        VU n = READ(VU, insn->rn), m = READ(VU, insn->rm);                   \
        VU d = READ(VU, insn->rd);                                           \
        (void)d;                                                             \
        WRITE_RD(EXPR);                                                      \
    }
/* Multiplies: also the by-scalar forms. */
#define DEF_MUL3(NAME, VU, SZ, EXPR)                                         \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        VU n = READ(VU, insn->rn), m = READ_M_SCALAR(VU, SZ);                \
        VU d = READ(VU, insn->rd);                                           \
        (void)d;                                                             \
        WRITE_RD(EXPR);                                                      \
    }

#define SIZES4(DEF, NAME, EXPR)                                              \
    DEF(NAME##_8, vu8, 0, EXPR) DEF(NAME##_16, vu16, 1, EXPR)                \
    DEF(NAME##_32, vu32, 2, EXPR) DEF(NAME##_64, vu64, 3, EXPR)
#define SIZES3(DEF, NAME, EXPR)                                              \
    DEF(NAME##_8, vu8, 0, EXPR) DEF(NAME##_16, vu16, 1, EXPR)                \
    DEF(NAME##_32, vu32, 2, EXPR)
#define SET4(OP, NAME)                                                       \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_8, NAME##_8, NAME##_16, NAME##_16,                            \
        NAME##_32, NAME##_32, NAME##_64, NAME##_64 };
#define SET3(OP, NAME)                                                       \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_8, NAME##_8, NAME##_16, NAME##_16, NAME##_32, NAME##_32, G, G };

SIZES4(DEF_WRAP3, vadd, n + m)
SIZES4(DEF_WRAP3, vsub, n - m)
SIZES3(DEF_WRAP3, vceq, (__typeof__(n))(n == m))
SIZES3(DEF_WRAP3, vtst, (__typeof__(n))((n & m) != 0))
SIZES3(DEF_MUL3, vmul, n * m)
SIZES3(DEF_MUL3, vmla, d + n * m)
SIZES3(DEF_MUL3, vmls, d - n * m)
SET4(VADD, vadd)
SET4(VSUB, vsub)
SET3(VCEQ, vceq)
SET3(VTST, vtst)
SET3(VMUL, vmul)
SET3(VMLA, vmla)
SET3(VMLS, vmls)

/* ---- Signed/unsigned three-same: VT = element view, VU = unsigned ------ */

#define DEF_SU3(NAME, VT, VU, ES, STMT)                                      \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        typedef VU U __attribute__((unused));                                \
        VT a = READ(VT, insn->rn), b = READ(VT, insn->rm);                   \
        VU d = READ(VU, insn->rd), r;                                        \
        bool qc = false;                                                     \
        (void)d;                                                             \
        STMT;                                                                \
        WRITE_RD(r);                                                         \
        if (qc)                                                              \
            cpu->fpscr |= FPSCR_QC;                                          \
    }

#define SU_SIGNED(DEF, NAME, STMT)                                           \
    DEF(NAME##_s8, vs8, vu8, 8, STMT) DEF(NAME##_s16, vs16, vu16, 16, STMT)  \
    DEF(NAME##_s32, vs32, vu32, 32, STMT)
#define SU_UNSIGNED(DEF, NAME, STMT)                                         \
    DEF(NAME##_u8, vu8, vu8, 8, STMT) DEF(NAME##_u16, vu16, vu16, 16, STMT)  \
    DEF(NAME##_u32, vu32, vu32, 32, STMT)
#define SU3(DEF, NAME, STMT)                                                 \
    SU_SIGNED(DEF, NAME, STMT) SU_UNSIGNED(DEF, NAME, STMT)
#define SU4(DEF, NAME, STMT)                                                 \
    SU3(DEF, NAME, STMT)                                                     \
    DEF(NAME##_s64, vs64, vu64, 64, STMT) DEF(NAME##_u64, vu64, vu64, 64, STMT)
#define SETSU3(OP, NAME)                                                     \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_s8, NAME##_u8, NAME##_s16, NAME##_u16,                        \
        NAME##_s32, NAME##_u32, G, G };
#define SETSU4(OP, NAME)                                                     \
    neon_handler *const neon_set_##OP[NEON_HANDLER_SET_SIZE] = {             \
        NAME##_s8, NAME##_u8, NAME##_s16, NAME##_u16,                        \
        NAME##_s32, NAME##_u32, NAME##_s64, NAME##_u64 };

/* (Statement macros passed through several macro levels hold no commas.) */
#define ABSDIFF_STMT(VU)                                                     \
    VU mk = (VU)(a > b);                                                     \
    VU df = (VU)a - (VU)b;                                                   \
    VU ad = (df & mk) | (-df & ~mk)

SU3(DEF_SU3, vcgt, r = (U)(a > b))
SU3(DEF_SU3, vcge, r = (U)(a >= b))
SU3(DEF_SU3, vmax, U mk = (U)(a > b); r = ((U)a & mk) | ((U)b & ~mk))
SU3(DEF_SU3, vmin, U mk = (U)(a < b); r = ((U)a & mk) | ((U)b & ~mk))
SU3(DEF_SU3, vabd, ABSDIFF_STMT(U); r = ad)
SU3(DEF_SU3, vaba, ABSDIFF_STMT(U); r = d + ad)
SU3(DEF_SU3, vhadd, r = (U)(a & b) + (U)((a ^ b) >> 1))
SU3(DEF_SU3, vrhadd, r = (U)(a | b) - (U)((a ^ b) >> 1))
SU3(DEF_SU3, vhsub, r = (U)((a ^ b) >> 1) - (U)(~a & b))
SETSU3(VCGT, vcgt)
SETSU3(VCGE, vcge)
SETSU3(VMAX, vmax)
SETSU3(VMIN, vmin)
SETSU3(VABD, vabd)
SETSU3(VABA, vaba)
SETSU3(VHADD, vhadd)
SETSU3(VRHADD, vrhadd)
SETSU3(VHSUB, vhsub)

/* Saturating add/sub. Signed: overflow iff the operands' signs (add: equal,
 * sub: different) differ from the result's; the saturated value is MAX or
 * MIN by the sign of a: (a >> (ES - 1)) ^ MAX. */
#define QADD_S(VT, VU, ES)                                                   \
    VU ua = (VU)a, ub = (VU)b, s = ua + ub;                                  \
    VU ov = (VU)((VT)((ua ^ s) & (ub ^ s)) >> (ES - 1));                     \
    VU sat = (VU)(a >> (ES - 1)) ^ (ONES(VU) >> 1);                          \
    r = (s & ~ov) | (sat & ov);                                              \
    qc = neon_vany((vu64)ov, q)
#define QSUB_S(VT, VU, ES)                                                   \
    VU ua = (VU)a, ub = (VU)b, s = ua - ub;                                  \
    VU ov = (VU)((VT)((ua ^ ub) & (ua ^ s)) >> (ES - 1));                    \
    VU sat = (VU)(a >> (ES - 1)) ^ (ONES(VU) >> 1);                          \
    r = (s & ~ov) | (sat & ov);                                              \
    qc = neon_vany((vu64)ov, q)
#define QADD_U(VT, VU, ES)                                                   \
    VU s = a + b, ov = (VU)(s < a);                                          \
    r = s | ov;                                                              \
    qc = neon_vany((vu64)ov, q)
#define QSUB_U(VT, VU, ES)                                                   \
    VU ov = (VU)(a < b);                                                     \
    r = (a - b) & ~ov;                                                       \
    qc = neon_vany((vu64)ov, q)

#define DEF_Q(NAME, VT, VU, ES, STMT) DEF_SU3(NAME, VT, VU, ES, STMT(VT, VU, ES))
#define Q_ALL(NAME, SMAC, UMAC)                                              \
    DEF_Q(NAME##_s8, vs8, vu8, 8, SMAC) DEF_Q(NAME##_s16, vs16, vu16, 16, SMAC) \
    DEF_Q(NAME##_s32, vs32, vu32, 32, SMAC) DEF_Q(NAME##_s64, vs64, vu64, 64, SMAC) \
    DEF_Q(NAME##_u8, vu8, vu8, 8, UMAC) DEF_Q(NAME##_u16, vu16, vu16, 16, UMAC) \
    DEF_Q(NAME##_u32, vu32, vu32, 32, UMAC) DEF_Q(NAME##_u64, vu64, vu64, 64, UMAC)
Q_ALL(vqadd, QADD_S, QADD_U)
Q_ALL(vqsub, QSUB_S, QSUB_U)
SETSU4(VQADD, vqadd)
SETSU4(VQSUB, vqsub)

/* ---- Pairwise (D only): lanes from adjacent pairs of n:m --------------- */

#define DEF_PAIR(NAME, VT, HT, HU, SZ, STMT)                                 \
    HANDLER(NAME)                                                            \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        VT c = (VT)(vu64){ cpu->d[insn->rn], cpu->d[insn->rm] };             \
        typedef HU UH __attribute__((unused));                               \
        HT x, y, r;                                                          \
        PAIR_SPLIT_##SZ(c, x, y);                                            \
        STMT;                                                                \
        memcpy(&cpu->d[insn->rd], &r, 8);                                    \
    }
#define PAIR_SPLIT_0(c, x, y)                                                \
    x = __builtin_shufflevector(c, c, 0, 2, 4, 6, 8, 10, 12, 14);            \
    y = __builtin_shufflevector(c, c, 1, 3, 5, 7, 9, 11, 13, 15)
#define PAIR_SPLIT_1(c, x, y)                                                \
    x = __builtin_shufflevector(c, c, 0, 2, 4, 6);                           \
    y = __builtin_shufflevector(c, c, 1, 3, 5, 7)
#define PAIR_SPLIT_2(c, x, y)                                                \
    x = __builtin_shufflevector(c, c, 0, 2);                                 \
    y = __builtin_shufflevector(c, c, 1, 3)

#define PAIR_ALL(NAME, STMT)                                                 \
    DEF_PAIR(NAME##_s8, vs8, hs8, hu8, 0, STMT)                              \
    DEF_PAIR(NAME##_u8, vu8, hu8, hu8, 0, STMT)                              \
    DEF_PAIR(NAME##_s16, vs16, hs16, hu16, 1, STMT)                          \
    DEF_PAIR(NAME##_u16, vu16, hu16, hu16, 1, STMT)                          \
    DEF_PAIR(NAME##_s32, vs32, hs32, hu32, 2, STMT)                          \
    DEF_PAIR(NAME##_u32, vu32, hu32, hu32, 2, STMT)
/* The sum wraps: added as unsigned (same bits either way). */
PAIR_ALL(vpadd, r = (__typeof__(r))((UH)x + (UH)y))
PAIR_ALL(vpmax, __typeof__(r) mk = (__typeof__(r))(x > y); r = (x & mk) | (y & ~mk))
PAIR_ALL(vpmin, __typeof__(r) mk = (__typeof__(r))(x < y); r = (x & mk) | (y & ~mk))
SETSU3(VPADD, vpadd)
SETSU3(VPMAX, vpmax)
SETSU3(VPMIN, vpmin)

/* ---- Shifts by immediate: rd = f(rm, amt) ------------------------------ */

#define DEF_SHIFT(NAME, VT, VU, ES, STMT)                                    \
    HANDLER(NAME)                                                            \
    {                                                                        \
        PROLOGUE;                                                            \
        const unsigned amt = insn->shift_amount;                             \
        typedef VU U __attribute__((unused));                                \
        VT x = READ(VT, insn->rm);                                           \
        VU d = READ(VU, insn->rd), r;                                        \
        (void)d;                                                             \
        STMT;                                                                \
        WRITE_RD(r);                                                         \
    }
#define SHIFT_ALL(NAME, STMT) SU4(DEF_SHIFT, NAME, STMT)

/* Right shifts: amt is 1..ES. */
#define SHR(x) (((x) >> (amt - 1)) >> 1)
#define RSHR(x) ((U)SHR(x) + ((U)((x) >> (amt - 1)) & 1))
SHIFT_ALL(vshr, r = (U)SHR(x))
SHIFT_ALL(vsra, r = d + (U)SHR(x))
SHIFT_ALL(vrshr, r = RSHR(x))
SHIFT_ALL(vrsra, r = d + RSHR(x))
/* Left shifts: amt is 0..ES-1. Insertions are sign-agnostic. */
SHIFT_ALL(vshl_imm, r = (U)x << amt)
SHIFT_ALL(vsri, U keep = SHR(ONES(U)); r = (d & ~keep) | SHR((U)x))
SHIFT_ALL(vsli, U ins = ONES(U) << amt; r = (d & ~ins) | ((U)x << amt))
SETSU4(VSHR, vshr)
SETSU4(VSRA, vsra)
SETSU4(VRSHR, vrshr)
SETSU4(VRSRA, vrsra)
SETSU4(VSHL_IMM, vshl_imm)
SETSU4(VSRI, vsri)
SETSU4(VSLI, vsli)

/* ---- Long and wide: Q rd = D rn op D rm (wide: Q rn) ---------------------
 * HT = narrow element view of a D register, VW = the widened view (same
 * signedness), VU = unsigned wide view. Products of sign- or zero-extended
 * operands are formed in VU: the low 2 * esize bits are exact. */

static inline uint64_t read_m_long(const struct guest_cpu *cpu,
                                   const struct guest_insn *insn)
{
    if (insn->flags & NF_SCALAR)
        return neon_scalar64(cpu, insn->rm, insn->shift_type, insn->shift_amount);
    return cpu->d[insn->rm];
}

#define WIDEN(HT, VW, v64) ({                                                \
        HT h_;                                                               \
        uint64_t v_ = (v64);                                                 \
        memcpy(&h_, &v_, 8);                                                 \
        __builtin_convertvector(h_, VW);                                     \
    })

#define DEF_LONG(NAME, HT, VW, VU, STMT, WIDE_N)                             \
    HANDLER(NAME)                                                            \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        VW x = (WIDE_N) ? (VW)neon_qread(cpu, insn->rn)                      \
                        : WIDEN(HT, VW, cpu->d[insn->rn]);                   \
        VW y = WIDEN(HT, VW, read_m_long(cpu, insn));                        \
        VU d = (VU)neon_qread(cpu, insn->rd), r;                             \
        (void)d;                                                             \
        STMT;                                                                \
        neon_qwrite(cpu, insn->rd, (vu64)r);                                 \
    }
#define LONG_TYPES(DEF, NAME, STMT, WIDE_N)                                  \
    DEF(NAME##_s8, hs8, vs16, vu16, STMT, WIDE_N)                            \
    DEF(NAME##_u8, hu8, vu16, vu16, STMT, WIDE_N)                            \
    DEF(NAME##_s16, hs16, vs32, vu32, STMT, WIDE_N)                          \
    DEF(NAME##_u16, hu16, vu32, vu32, STMT, WIDE_N)                          \
    DEF(NAME##_s32, hs32, vs64, vu64, STMT, WIDE_N)                          \
    DEF(NAME##_u32, hu32, vu64, vu64, STMT, WIDE_N)
#define LONG_ALL(NAME, STMT, WIDE_N) LONG_TYPES(DEF_LONG, NAME, STMT, WIDE_N)

#define LONG_ABSDIFF                                                         \
    __typeof__(d) mk = (__typeof__(d))(x > y);                               \
    __typeof__(d) df = (__typeof__(d))x - (__typeof__(d))y;                  \
    __typeof__(d) ad = (df & mk) | (-df & ~mk)
#define UX ((__typeof__(d))x)
#define UY ((__typeof__(d))y)
LONG_ALL(vaddl, r = UX + UY, false)
LONG_ALL(vsubl, r = UX - UY, false)
LONG_ALL(vaddw, r = UX + UY, true)
LONG_ALL(vsubw, r = UX - UY, true)
LONG_ALL(vmlal, r = d + UX * UY, false)
LONG_ALL(vmlsl, r = d - UX * UY, false)
LONG_ALL(vmull, r = UX * UY, false)
LONG_ALL(vabdl, LONG_ABSDIFF; r = ad, false)
LONG_ALL(vabal, LONG_ABSDIFF; r = d + ad, false)
SETSU3(VADDL, vaddl)
SETSU3(VSUBL, vsubl)
SETSU3(VADDW, vaddw)
SETSU3(VSUBW, vsubw)
SETSU3(VMLAL, vmlal)
SETSU3(VMLSL, vmlsl)
SETSU3(VMULL, vmull)
SETSU3(VABDL, vabdl)
SETSU3(VABAL, vabal)

/* VSHLL (and VMOVL, amount 0): Q rd = widened D rm << amt (amt <= esize). */
#define DEF_SHLL(NAME, HT, VW, VU, UNUSED1, UNUSED2)                         \
    HANDLER(NAME)                                                            \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        VU r = (VU)WIDEN(HT, VW, cpu->d[insn->rm]) << insn->shift_amount;    \
        neon_qwrite(cpu, insn->rd, (vu64)r);                                 \
    }
LONG_TYPES(DEF_SHLL, vshll, , )
SETSU3(VSHLL, vshll)

/* ---- Narrowing: D rd = low halves of Q rm lanes (after a shift) --------
 * Only the low esize bits of each shifted wide lane survive, so the
 * shift's signedness is irrelevant. */

#define DEF_NARROW(NAME, VU, HT, STMT)                                       \
    HANDLER(NAME)                                                            \
    {                                                                        \
        struct guest_cpu *cpu = &thread->cpu;                                \
        const unsigned amt = insn->shift_amount;                             \
        VU w = (VU)neon_qread(cpu, insn->rm);                                \
        (void)amt;                                                           \
        HT r = __builtin_convertvector(STMT, HT);                            \
        memcpy(&cpu->d[insn->rd], &r, 8);                                    \
    }
#define NARROW_ALL(NAME, STMT)                                               \
    DEF_NARROW(NAME##_8, vu16, hu8, STMT)                                    \
    DEF_NARROW(NAME##_16, vu32, hu16, STMT)                                  \
    DEF_NARROW(NAME##_32, vu64, hu32, STMT)
NARROW_ALL(vshrn, w >> amt)
NARROW_ALL(vrshrn, (w >> amt) + ((w >> (amt - 1)) & 1))
NARROW_ALL(vmovn, w)
SET3(VSHRN, vshrn)
SET3(VRSHRN, vrshrn)
SET3(VMOVN, vmovn)
