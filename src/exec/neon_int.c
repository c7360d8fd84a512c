/*
 * NEON integer element operations (ARM ARM A8, Advanced SIMD integer
 * instructions): three-same, long/wide/narrow, by-scalar, shifts and the
 * two-register miscellaneous group.
 *
 * The hot element-wise ops run as typed lane loops (one per element type,
 * selected once per instruction) that compilers vectorise; the rarer
 * long/narrow/shift/misc forms go through a generic per-lane path on
 * 128-bit intermediates, which holds every exact result (products of two
 * 64-bit values never occur: the architecture has no 64-bit multiplies).
 * Saturation sets FPSCR.QC.
 */
#include "exec/neon_int.h"

typedef __int128 wide_t;

static inline wide_t lane_get(const union neon_vec *v, unsigned size,
                              unsigned i, bool u)
{
    switch (size) {
    case 0: return u ? (wide_t)v->u8[i] : (wide_t)v->s8[i];
    case 1: return u ? (wide_t)v->u16[i] : (wide_t)v->s16[i];
    case 2: return u ? (wide_t)v->u32[i] : (wide_t)v->s32[i];
    default: return u ? (wide_t)v->u64[i] : (wide_t)v->s64[i];
    }
}

static inline uint64_t saturate(wide_t x, unsigned esize, bool u, bool *qc)
{
    wide_t lo = u ? 0 : -((wide_t)1 << (esize - 1));
    wide_t hi = u ? ((wide_t)1 << esize) - 1 : ((wide_t)1 << (esize - 1)) - 1;
    if (x < lo) {
        *qc = true;
        x = lo;
    } else if (x > hi) {
        *qc = true;
        x = hi;
    }
    return (uint64_t)x;
}

static inline uint64_t ones(unsigned esize)
{
    return esize >= 64 ? ~0ull : (1ull << esize) - 1;
}

/* ---- Typed lane loops --------------------------------------------------- */

/* r.F[i] = EXPR for every lane, with x = n.F[i], y = m.F[i], acc = r.F[i]
 * widened to W; SAT(v) saturates to the element type. */
#define LOOP3(T, F, W, EXPR)                                                 \
    do {                                                                     \
        const unsigned esize = 8 * sizeof(T);                                \
        const bool uns = (T)-1 > 0;                                          \
        (void)esize; (void)uns;                                              \
        for (unsigned i = 0; i < 16 / sizeof(T); i++) {                      \
            W x = n.F[i], y = m.F[i], acc = r.F[i];                          \
            (void)x; (void)y; (void)acc;                                     \
            r.F[i] = (T)(EXPR);                                              \
        }                                                                    \
    } while (0)

/* Pairwise: lanes of the D result from adjacent pairs of n:m. */
#define LOOPP(T, F, W, EXPR)                                                 \
    do {                                                                     \
        union neon_vec c = { .u64 = { n.u64[0], m.u64[0] } };               \
        for (unsigned i = 0; i < 8 / sizeof(T); i++) {                       \
            W x = c.F[2 * i], y = c.F[2 * i + 1];                            \
            r.F[i] = (T)(EXPR);                                              \
        }                                                                    \
    } while (0)

#define SAT(v) saturate((wide_t)(v), esize, uns, &qc)
#define MULT(a, b) ((uint64_t)(a) * (uint64_t)(b))

#define LANES(LOOP, size, u, EXPR)                                           \
    do {                                                                     \
        switch ((size) << 1 | (u)) {                                         \
        case 0: LOOP(int8_t, s8, int64_t, EXPR); break;                      \
        case 1: LOOP(uint8_t, u8, int64_t, EXPR); break;                     \
        case 2: LOOP(int16_t, s16, int64_t, EXPR); break;                    \
        case 3: LOOP(uint16_t, u16, int64_t, EXPR); break;                   \
        case 4: LOOP(int32_t, s32, int64_t, EXPR); break;                    \
        case 5: LOOP(uint32_t, u32, int64_t, EXPR); break;                   \
        case 6: LOOP(int64_t, s64, wide_t, EXPR); break;                     \
        default: LOOP(uint64_t, u64, wide_t, EXPR); break;                   \
        }                                                                    \
    } while (0)

#define ABSDIFF(a, b) ((a) > (b) ? (a) - (b) : (b) - (a))

/* VSHL/VQSHL/VRSHL/VQRSHL (register): val shifted by the signed byte
 * shift; left shifts saturate (sat) or wrap, right shifts round or not. */
static uint64_t shift_by_reg(wide_t val, int shift, unsigned esize, bool u,
                             bool round, bool sat, bool *qc)
{
    if (shift >= 0) {
        if (shift >= (int)esize) {
            if (!sat || val == 0)
                return 0;
            return saturate(val < 0 ? -((wide_t)1 << 126) : (wide_t)1 << 126,
                            esize, u, qc);
        }
        wide_t r = val * ((wide_t)1 << shift);
        return sat ? saturate(r, esize, u, qc) : (uint64_t)r;
    }
    unsigned s = (unsigned)-shift;
    if (round) {
        if (s > esize)
            return 0;
        return (uint64_t)((val + ((wide_t)1 << (s - 1))) >> s);
    }
    return (uint64_t)(val >> (s > 100 ? 100 : s));
}

static bool exec_3same(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    bool q = insn->flags & NF_Q, u = insn->flags & NF_U;
    unsigned size = insn->shift_type;
    union neon_vec n = neon_read(cpu, insn->rn, q);
    union neon_vec m = (insn->flags & NF_SCALAR)
        ? neon_dup_lane(cpu->d[insn->rm], size, insn->shift_amount)
        : neon_read(cpu, insn->rm, q);
    union neon_vec r = neon_read(cpu, insn->rd, q);
    bool qc = false;

    switch (insn->op) {
    case OP_NEON_VHADD: LANES(LOOP3, size, u, (x + y) >> 1); break;
    case OP_NEON_VRHADD: LANES(LOOP3, size, u, (x + y + 1) >> 1); break;
    case OP_NEON_VHSUB: LANES(LOOP3, size, u, (x - y) >> 1); break;
    case OP_NEON_VQADD: LANES(LOOP3, size, u, SAT(x + y)); break;
    case OP_NEON_VQSUB: LANES(LOOP3, size, u, SAT(x - y)); break;
    case OP_NEON_VADD: LANES(LOOP3, size, 1, x + y); break;
    case OP_NEON_VSUB: LANES(LOOP3, size, 1, x - y); break;
    case OP_NEON_VCGT: LANES(LOOP3, size, u, x > y ? -1 : 0); break;
    case OP_NEON_VCGE: LANES(LOOP3, size, u, x >= y ? -1 : 0); break;
    case OP_NEON_VCEQ: LANES(LOOP3, size, 1, x == y ? -1 : 0); break;
    case OP_NEON_VTST: LANES(LOOP3, size, 1, (x & y) ? -1 : 0); break;
    case OP_NEON_VMAX: LANES(LOOP3, size, u, x > y ? x : y); break;
    case OP_NEON_VMIN: LANES(LOOP3, size, u, x < y ? x : y); break;
    case OP_NEON_VABD: LANES(LOOP3, size, u, ABSDIFF(x, y)); break;
    case OP_NEON_VABA: LANES(LOOP3, size, u, acc + ABSDIFF(x, y)); break;
    case OP_NEON_VMUL: LANES(LOOP3, size, 1, MULT(x, y)); break;
    case OP_NEON_VMLA: LANES(LOOP3, size, 1, acc + MULT(x, y)); break;
    case OP_NEON_VMLS: LANES(LOOP3, size, 1, acc - MULT(x, y)); break;
    case OP_NEON_VQDMULH:
        LANES(LOOP3, size, 0, SAT((x * y) >> (esize - 1)));
        break;
    case OP_NEON_VQRDMULH:
        LANES(LOOP3, size, 0,
              SAT((x * y + ((wide_t)1 << (esize - 2))) >> (esize - 1)));
        break;
    case OP_NEON_VMULP:
        for (unsigned i = 0; i < 16; i++) {
            unsigned a = n.u8[i], b = m.u8[i], p = 0;
            for (unsigned k = 0; k < 8; k++)
                if (b & (1u << k))
                    p ^= a << k;
            r.u8[i] = (uint8_t)p;
        }
        break;
    case OP_NEON_VPADD: LANES(LOOPP, size, 1, x + y); break;
    case OP_NEON_VPMAX: LANES(LOOPP, size, u, x > y ? x : y); break;
    case OP_NEON_VPMIN: LANES(LOOPP, size, u, x < y ? x : y); break;
    case OP_NEON_VSHL: case OP_NEON_VQSHL: case OP_NEON_VRSHL:
    case OP_NEON_VQRSHL: {
        /* Encoding order: elements of Vm shifted by the bytes of Vn. */
        bool sat = insn->op == OP_NEON_VQSHL || insn->op == OP_NEON_VQRSHL;
        bool round = insn->op == OP_NEON_VRSHL || insn->op == OP_NEON_VQRSHL;
        unsigned esize = 8u << size;
        for (unsigned i = 0; i < (16u >> size); i++) {
            int shift = (int8_t)neon_lane(&n, size, i);
            neon_set_lane(&r, size, i,
                          shift_by_reg(lane_get(&m, size, i, u), shift, esize,
                                       u, round, sat, &qc));
        }
        break;
    }
    default:
        return false;
    }
    neon_write(cpu, insn->rd, q, &r);
    if (qc)
        cpu->fpscr |= FPSCR_QC;
    return true;
}

/* Polynomial multiply of two 8-bit values into 16 bits. */
static uint64_t pmull8(uint64_t a, uint64_t b)
{
    uint64_t p = 0;
    for (unsigned k = 0; k < 8; k++)
        if (b & (1u << k))
            p ^= a << k;
    return p;
}

/* Typed lane loops for the common long/wide forms (compiled loops use
 * VMLAL, VABAL, VADDW... in their inner loops): x, y, acc widened to
 * int64_t, products through MULT (uint64_t, no signed overflow); returns
 * false for the other ops. */
#define LONG_LOOP(TN, FN, TW, FW, EXPR)                                      \
    do {                                                                     \
        for (unsigned i = 0; i < 8 / sizeof(TN); i++) {                      \
            int64_t x = wide_n ? (int64_t)n->FW[i] : (int64_t)n->FN[i];      \
            int64_t y = m->FN[i], acc = r->FW[i];                            \
            (void)acc;                                                       \
            r->FW[i] = (TW)(EXPR);                                           \
        }                                                                    \
    } while (0)

#define LONG_LANES(EXPR)                                                     \
    do {                                                                     \
        switch (s << 1 | (unsigned)u) {                                      \
        case 0: LONG_LOOP(int8_t, s8, int16_t, s16, EXPR); break;            \
        case 1: LONG_LOOP(uint8_t, u8, uint16_t, u16, EXPR); break;          \
        case 2: LONG_LOOP(int16_t, s16, int32_t, s32, EXPR); break;          \
        case 3: LONG_LOOP(uint16_t, u16, uint32_t, u32, EXPR); break;        \
        case 4: LONG_LOOP(int32_t, s32, int64_t, s64, EXPR); break;          \
        default: LONG_LOOP(uint32_t, u32, uint64_t, u64, EXPR); break;       \
        }                                                                    \
    } while (0)

static bool exec_long_typed(union neon_vec *r, const union neon_vec *n,
                            const union neon_vec *m, unsigned s, bool u,
                            bool wide_n, unsigned op)
{
    switch (op) {
    case OP_NEON_VADDL: case OP_NEON_VADDW:
        LONG_LANES((uint64_t)x + (uint64_t)y);
        return true;
    case OP_NEON_VSUBL: case OP_NEON_VSUBW:
        LONG_LANES((uint64_t)x - (uint64_t)y);
        return true;
    case OP_NEON_VABAL: LONG_LANES((uint64_t)acc + (uint64_t)ABSDIFF(x, y)); return true;
    case OP_NEON_VABDL: LONG_LANES(ABSDIFF(x, y)); return true;
    case OP_NEON_VMLAL: LONG_LANES((uint64_t)acc + MULT(x, y)); return true;
    case OP_NEON_VMLSL: LONG_LANES((uint64_t)acc - MULT(x, y)); return true;
    case OP_NEON_VMULL: LONG_LANES(MULT(x, y)); return true;
    default: return false;
    }
}

/* Long (Q = D op D), wide (Q = Q op D) and narrow (D = Q op Q) forms. */
static bool exec_long_narrow(struct guest_cpu *cpu,
                             const struct guest_insn *insn)
{
    unsigned s = insn->shift_type, e = 8u << s;
    bool u = insn->flags & NF_U;
    unsigned op = insn->op;
    bool wide_n = op == OP_NEON_VADDW || op == OP_NEON_VSUBW;
    bool narrow = op == OP_NEON_VADDHN || op == OP_NEON_VRADDHN ||
                  op == OP_NEON_VSUBHN || op == OP_NEON_VRSUBHN;
    union neon_vec n = neon_read(cpu, insn->rn, wide_n || narrow);
    union neon_vec m = (insn->flags & NF_SCALAR)
        ? neon_dup_lane(cpu->d[insn->rm], s, insn->shift_amount)
        : neon_read(cpu, insn->rm, narrow);
    union neon_vec r = neon_read(cpu, insn->rd, !narrow);
    bool qc = false;
    unsigned lanes = 8u >> s;

    if (!narrow && exec_long_typed(&r, &n, &m, s, u, wide_n, op)) {
        neon_write(cpu, insn->rd, true, &r);
        return true;
    }
    if (narrow) {
        wide_t rnd = (op == OP_NEON_VRADDHN || op == OP_NEON_VRSUBHN)
                         ? (wide_t)1 << (e - 1) : 0;
        bool sub = op == OP_NEON_VSUBHN || op == OP_NEON_VRSUBHN;
        for (unsigned i = 0; i < lanes; i++) {
            wide_t x = lane_get(&n, s + 1, i, true);
            wide_t y = lane_get(&m, s + 1, i, true);
            neon_set_lane(&r, s, i, (uint64_t)(((sub ? x - y : x + y) + rnd) >> e));
        }
        neon_write(cpu, insn->rd, false, &r);
        return true;
    }
    for (unsigned i = 0; i < lanes; i++) {
        wide_t x = lane_get(&n, wide_n ? s + 1 : s, i, u);
        wide_t y = lane_get(&m, s, i, u);
        wide_t acc = lane_get(&r, s + 1, i, false);
        uint64_t res;
        switch (op) {
        case OP_NEON_VADDL: case OP_NEON_VADDW: res = (uint64_t)(x + y); break;
        case OP_NEON_VSUBL: case OP_NEON_VSUBW: res = (uint64_t)(x - y); break;
        case OP_NEON_VABAL: res = (uint64_t)(acc + ABSDIFF(x, y)); break;
        case OP_NEON_VABDL: res = (uint64_t)ABSDIFF(x, y); break;
        case OP_NEON_VMLAL: res = (uint64_t)(acc + x * y); break;
        case OP_NEON_VMLSL: res = (uint64_t)(acc - x * y); break;
        case OP_NEON_VMULL: res = (uint64_t)(x * y); break;
        case OP_NEON_VMULLP: res = pmull8((uint64_t)x & 0xff, (uint64_t)y & 0xff);
            break;
        case OP_NEON_VQDMULL:
            res = saturate(2 * x * y, 2 * e, false, &qc);
            break;
        case OP_NEON_VQDMLAL: case OP_NEON_VQDMLSL: {
            wide_t p = (wide_t)(int64_t)saturate(2 * x * y, 2 * e, false, &qc);
            if (e == 16)
                p = (int32_t)p;
            res = saturate(op == OP_NEON_VQDMLAL ? acc + p : acc - p, 2 * e,
                           false, &qc);
            break;
        }
        default:
            return false;
        }
        neon_set_lane(&r, s + 1, i, res);
    }
    neon_write(cpu, insn->rd, true, &r);
    if (qc)
        cpu->fpscr |= FPSCR_QC;
    return true;
}

/* Shifts by an immediate. */
static bool exec_shift_imm(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    unsigned s = insn->shift_type, e = 8u << s, amt = insn->shift_amount;
    bool u = insn->flags & NF_U, q = insn->flags & NF_Q;
    unsigned op = insn->op;
    bool qc = false;

    switch (op) {
    case OP_NEON_VSHRN: case OP_NEON_VRSHRN: case OP_NEON_VQSHRN:
    case OP_NEON_VQRSHRN: case OP_NEON_VQSHRUN: case OP_NEON_VQRSHRUN: {
        union neon_vec m = neon_read(cpu, insn->rm, true), r = { .u64 = { 0, 0 } };
        bool round = op == OP_NEON_VRSHRN || op == OP_NEON_VQRSHRN ||
                     op == OP_NEON_VQRSHRUN;
        bool src_u = (op == OP_NEON_VQSHRN || op == OP_NEON_VQRSHRN) ? u : false;
        r.u64[1] = 0;
        for (unsigned i = 0; i < (8u >> s); i++) {
            wide_t v = lane_get(&m, s + 1, i, src_u);
            if (round)
                v += (wide_t)1 << (amt - 1);
            v >>= amt;
            uint64_t res;
            if (op == OP_NEON_VSHRN || op == OP_NEON_VRSHRN)
                res = (uint64_t)v;
            else if (op == OP_NEON_VQSHRN || op == OP_NEON_VQRSHRN)
                res = saturate(v, e, u, &qc);
            else
                res = saturate(v, e, true, &qc);
            neon_set_lane(&r, s, i, res);
        }
        neon_write(cpu, insn->rd, false, &r);
        break;
    }
    case OP_NEON_VSHLL: {
        union neon_vec m = neon_read(cpu, insn->rm, false), r = { .u64 = { 0, 0 } };
        for (unsigned i = 0; i < (8u >> s); i++)
            neon_set_lane(&r, s + 1, i,
                          (uint64_t)(lane_get(&m, s, i, u) * ((wide_t)1 << amt)));
        neon_write(cpu, insn->rd, true, &r);
        break;
    }
    case OP_NEON_VSHR: case OP_NEON_VSRA: case OP_NEON_VSHL_IMM: {
        /* Common in compiled loops: typed lane loops (x is the element
         * widened, so a shift by the full element size is defined). */
        union neon_vec n = neon_read(cpu, insn->rm, q), m = n;
        union neon_vec r = neon_read(cpu, insn->rd, q);
        if (op == OP_NEON_VSHR)
            LANES(LOOP3, s, u, x >> amt);
        else if (op == OP_NEON_VSRA)
            LANES(LOOP3, s, u, acc + (x >> amt));
        else
            LANES(LOOP3, s, 1, (uint64_t)x << amt);
        neon_write(cpu, insn->rd, q, &r);
        break;
    }
    default: {
        union neon_vec m = neon_read(cpu, insn->rm, q);
        union neon_vec r = neon_read(cpu, insn->rd, q);
        uint64_t mask = ones(e);
        for (unsigned i = 0; i < (16u >> s); i++) {
            wide_t v = lane_get(&m, s, i, u);
            uint64_t uv = (uint64_t)v & mask, d = neon_lane(&r, s, i), res;
            switch (op) {
            case OP_NEON_VSHR: res = (uint64_t)(v >> amt); break;
            case OP_NEON_VRSHR: res = (uint64_t)((v + ((wide_t)1 << (amt - 1))) >> amt);
                break;
            case OP_NEON_VSRA: res = d + (uint64_t)(v >> amt); break;
            case OP_NEON_VRSRA:
                res = d + (uint64_t)((v + ((wide_t)1 << (amt - 1))) >> amt);
                break;
            case OP_NEON_VSRI: {
                if (amt >= e) {
                    res = d;
                    break;
                }
                uint64_t keep = mask >> amt;
                res = (d & ~keep) | ((uv >> amt) & keep);
                break;
            }
            case OP_NEON_VSHL_IMM: res = amt >= 64 ? 0 : uv << amt; break;
            case OP_NEON_VSLI: {
                uint64_t ins = (mask << amt) & mask;
                res = (d & ~ins) | ((uv << amt) & ins);
                break;
            }
            case OP_NEON_VQSHL_IMM:
                res = saturate(v * ((wide_t)1 << amt), e, u, &qc);
                break;
            case OP_NEON_VQSHLU:
                res = saturate(lane_get(&m, s, i, false) * ((wide_t)1 << amt), e,
                               true, &qc);
                break;
            default:
                return false;
            }
            neon_set_lane(&r, s, i, res);
        }
        neon_write(cpu, insn->rd, q, &r);
        break;
    }
    }
    if (qc)
        cpu->fpscr |= FPSCR_QC;
    return true;
}

static unsigned clz_e(uint64_t x, unsigned e)
{
    return x == 0 ? e : (unsigned)__builtin_clzll(x) - (64 - e);
}

/* Two-register miscellaneous integer ops (rd = f(rm)). */
static bool exec_misc(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    unsigned s = insn->shift_type, e = 8u << s, op = insn->op;
    bool u = insn->flags & NF_U, q = insn->flags & NF_Q;
    bool qc = false;

    if (op == OP_NEON_VMOVN || op == OP_NEON_VQMOVN || op == OP_NEON_VQMOVUN) {
        union neon_vec m = neon_read(cpu, insn->rm, true), r = { .u64 = { 0, 0 } };
        r.u64[1] = 0;
        for (unsigned i = 0; i < (8u >> s); i++) {
            uint64_t res;
            if (op == OP_NEON_VMOVN)
                res = neon_lane(&m, s + 1, i);
            else if (op == OP_NEON_VQMOVN)
                res = saturate(lane_get(&m, s + 1, i, u), e, u, &qc);
            else
                res = saturate(lane_get(&m, s + 1, i, false), e, true, &qc);
            neon_set_lane(&r, s, i, res);
        }
        neon_write(cpu, insn->rd, false, &r);
        if (qc)
            cpu->fpscr |= FPSCR_QC;
        return true;
    }

    union neon_vec m = neon_read(cpu, insn->rm, q);
    union neon_vec r = neon_read(cpu, insn->rd, q);
    if (op == OP_NEON_VPADDL || op == OP_NEON_VPADAL) {
        union neon_vec res = { .u64 = { 0, 0 } };
        for (unsigned i = 0; i < (8u >> s); i++) {
            wide_t sum = lane_get(&m, s, 2 * i, u) + lane_get(&m, s, 2 * i + 1, u);
            if (op == OP_NEON_VPADAL)
                sum += lane_get(&r, s + 1, i, u);
            neon_set_lane(&res, s + 1, i, (uint64_t)sum);
        }
        neon_write(cpu, insn->rd, q, &res);
        return true;
    }
    uint64_t mask = ones(e);
    for (unsigned i = 0; i < (16u >> s); i++) {
        wide_t v = lane_get(&m, s, i, false);
        uint64_t uv = (uint64_t)v & mask, res;
        switch (op) {
        case OP_NEON_VCLS: {
            uint64_t t = (v < 0) ? ~uv & mask : uv;
            res = clz_e(t, e) - 1;
            break;
        }
        case OP_NEON_VCLZ: res = clz_e(uv, e); break;
        case OP_NEON_VCNT: res = (uint64_t)__builtin_popcountll(uv); break;
        case OP_NEON_VMVN: res = ~uv; break;
        case OP_NEON_VQABS: res = saturate(v < 0 ? -v : v, e, false, &qc); break;
        case OP_NEON_VQNEG: res = saturate(-v, e, false, &qc); break;
        case OP_NEON_VABS: res = (uint64_t)(v < 0 ? -v : v); break;
        case OP_NEON_VNEG: res = (uint64_t)-v; break;
        case OP_NEON_VCGT0: res = v > 0 ? ~0ull : 0; break;
        case OP_NEON_VCGE0: res = v >= 0 ? ~0ull : 0; break;
        case OP_NEON_VCEQ0: res = v == 0 ? ~0ull : 0; break;
        case OP_NEON_VCLE0: res = v <= 0 ? ~0ull : 0; break;
        case OP_NEON_VCLT0: res = v < 0 ? ~0ull : 0; break;
        default:
            return false;
        }
        neon_set_lane(&r, s, i, res);
    }
    neon_write(cpu, insn->rd, q, &r);
    if (qc)
        cpu->fpscr |= FPSCR_QC;
    return true;
}

bool neon_int_execute(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    switch (insn->op) {
    case OP_NEON_VHADD: case OP_NEON_VRHADD: case OP_NEON_VHSUB:
    case OP_NEON_VQADD: case OP_NEON_VQSUB: case OP_NEON_VADD:
    case OP_NEON_VSUB: case OP_NEON_VCGT: case OP_NEON_VCGE:
    case OP_NEON_VCEQ: case OP_NEON_VTST: case OP_NEON_VSHL:
    case OP_NEON_VQSHL: case OP_NEON_VRSHL: case OP_NEON_VQRSHL:
    case OP_NEON_VMAX: case OP_NEON_VMIN: case OP_NEON_VABD:
    case OP_NEON_VABA: case OP_NEON_VMUL: case OP_NEON_VMLA:
    case OP_NEON_VMLS: case OP_NEON_VMULP: case OP_NEON_VPMAX:
    case OP_NEON_VPMIN: case OP_NEON_VPADD: case OP_NEON_VQDMULH:
    case OP_NEON_VQRDMULH:
        return exec_3same(cpu, insn);
    case OP_NEON_VADDL: case OP_NEON_VSUBL: case OP_NEON_VADDW:
    case OP_NEON_VSUBW: case OP_NEON_VADDHN: case OP_NEON_VRADDHN:
    case OP_NEON_VSUBHN: case OP_NEON_VRSUBHN: case OP_NEON_VABAL:
    case OP_NEON_VABDL: case OP_NEON_VMLAL: case OP_NEON_VMLSL:
    case OP_NEON_VMULL: case OP_NEON_VMULLP: case OP_NEON_VQDMLAL:
    case OP_NEON_VQDMLSL: case OP_NEON_VQDMULL:
        return exec_long_narrow(cpu, insn);
    case OP_NEON_VSHR: case OP_NEON_VSRA: case OP_NEON_VRSHR:
    case OP_NEON_VRSRA: case OP_NEON_VSRI: case OP_NEON_VSHL_IMM:
    case OP_NEON_VSLI: case OP_NEON_VQSHL_IMM: case OP_NEON_VQSHLU:
    case OP_NEON_VSHRN: case OP_NEON_VRSHRN: case OP_NEON_VQSHRN:
    case OP_NEON_VQRSHRN: case OP_NEON_VQSHRUN: case OP_NEON_VQRSHRUN:
    case OP_NEON_VSHLL:
        return exec_shift_imm(cpu, insn);
    case OP_NEON_VABS: case OP_NEON_VNEG: case OP_NEON_VCGT0:
    case OP_NEON_VCGE0: case OP_NEON_VCEQ0: case OP_NEON_VCLE0:
    case OP_NEON_VCLT0:
        if (insn->flags & NF_F32)
            return false;
        return exec_misc(cpu, insn);
    case OP_NEON_VPADDL: case OP_NEON_VPADAL: case OP_NEON_VCLS:
    case OP_NEON_VCLZ: case OP_NEON_VCNT: case OP_NEON_VMVN:
    case OP_NEON_VQABS: case OP_NEON_VQNEG: case OP_NEON_VMOVN:
    case OP_NEON_VQMOVN: case OP_NEON_VQMOVUN:
        return exec_misc(cpu, insn);
    default:
        return false;
    }
}
