/*
 * NEON executor: dispatch, and the reference path.
 *
 * Dispatch: interp_neon_execute() indexes a table by op and then the op's
 * handler set by element type (exec/neon_vec.h), so the specialised
 * handlers (exec/neon_simd, neon_ldst, neon_perm, neon_float) run with one
 * indirect call and no re-decoding. Ops without a set, and element types
 * a set leaves out, take neon_generic_handler(): the per-lane reference
 * implementation, which the differential tests compare the handlers with.
 *
 * Reference path: element/structure loads and stores, core <-> scalar
 * transfers, immediates, bitwise ops and permutations here; integer
 * arithmetic in exec/neon_int, single-precision float in exec/neon_float,
 * ARMv8 crypto and CRC32 in exec/neon_crypto. Its loads gather into a copy
 * of the register file and commit only after the last guest access, so a
 * fault part-way (host SIGSEGV unwinding through siglongjmp, or the
 * alignment check done first) leaves every register and the base
 * unchanged. Stores may have written a prefix, as on hardware.
 */
#include <signal.h>
#include <string.h>

#include "exec/interp_neon.h"
#include "exec/interp.h"
#include "exec/neon_crypto.h"
#include "exec/neon_float.h"
#include "exec/neon_int.h"
#include "exec/neon_ldst.h"
#include "exec/neon_perm.h"
#include "exec/neon_simd.h"
#include "exec/neon_vec.h"
#include "mem/guest_mem.h"

/* ---- Loads and stores --------------------------------------------------- */

static inline uint64_t load_elem(uint32_t addr, unsigned size)
{
    switch (size) {
    case 0: return guest_load8(addr);
    case 1: return guest_load16(addr);
    case 2: return guest_load32(addr);
    default: return guest_load64(addr);
    }
}

static inline void store_elem(uint32_t addr, unsigned size, uint64_t v)
{
    switch (size) {
    case 0: guest_store8(addr, (uint8_t)v); break;
    case 1: guest_store16(addr, (uint16_t)v); break;
    case 2: guest_store32(addr, (uint32_t)v); break;
    default: guest_store64(addr, v); break;
    }
}

static inline uint64_t get_lane64(uint64_t d, unsigned size, unsigned i)
{
    unsigned bitsz = 8u << size;
    return bitsz == 64 ? d : (d >> (i * bitsz)) & ((1ull << bitsz) - 1);
}

static inline uint64_t set_lane64(uint64_t d, unsigned size, unsigned i,
                                  uint64_t v)
{
    unsigned bitsz = 8u << size;
    if (bitsz == 64)
        return v;
    uint64_t mask = ((1ull << bitsz) - 1) << (i * bitsz);
    return (d & ~mask) | ((v << (i * bitsz)) & mask);
}


/* Moves every element of a multiple-structure transfer between the
 * register bytes DST_OR_SRC and the memory image at off (ebytes-sized
 * copies; VLD2-4 have no 64-bit element form). */
#define INTERLEAVE(EBYTES, DST, SRC)                                         \
    for (unsigned r = 0; r < regs; r++)                                      \
        for (unsigned e = 0; e < 8 / (EBYTES); e++)                          \
            for (unsigned k = 0; k < nelem; k++) {                           \
                unsigned off = ((r * (8 / (EBYTES)) + e) * nelem + k) * (EBYTES); \
                memcpy((DST), (SRC), (EBYTES));                              \
            }

static void exec_load_store(struct guest_thread *thread,
                            const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t base = cpu->r[insn->rn];
    unsigned size = insn->shift_type, ebytes = 1u << size;
    unsigned nelem = insn->ra, regs = insn->imm & 0xffu;
    unsigned inc = (insn->imm >> 8) & 0xffu, index = (insn->imm >> 16) & 0xffu;
    unsigned rd = insn->rd, total;
    uint64_t regsave[32];
    uint32_t addr = base;

    if (base & (insn->shift_amount - 1u))
        interp_raise(thread, SIGBUS, BUS_ADRALN, base);
    /* Registers a load writes: rd .. rd + (nelem - 1) * inc + regs - 1
     * (the decoder keeps this within D31). */
    unsigned span = (nelem - 1) * inc + regs;

    switch (insn->op) {
    case OP_NEON_VLD_MULTI: {
        /* One guest access for the whole transfer (at most 32 bytes), then
         * de-interleave: element e of register r of structure member k
         * is at ((r * lanes + e) * nelem + k) elements. */
        uint8_t buf[32];
        total = 8 * regs * nelem;
        if (nelem == 1) {
            /* VLD1: the one guest access comes first, so a fault leaves
             * the registers as they were; then straight into them. */
            memcpy(buf, guest_to_host(addr), total);
            memcpy(&cpu->d[rd], buf, total);
            if (insn->flags & F_WBACK)
                cpu->r[insn->rn] = base + (insn->rm == 13 ? total : cpu->r[insn->rm]);
            return;
        }
        memcpy(buf, guest_to_host(addr), total);
        memcpy(&regsave[rd], &cpu->d[rd], span * sizeof regsave[0]);
        switch (size) {
        case 0: INTERLEAVE(1, (uint8_t *)&regsave[rd + k * inc + r] + e, buf + off);
            break;
        case 1: INTERLEAVE(2, (uint8_t *)&regsave[rd + k * inc + r] + 2 * e, buf + off);
            break;
        default: INTERLEAVE(4, (uint8_t *)&regsave[rd + k * inc + r] + 4 * e, buf + off);
            break;
        }
        break;
    }
    case OP_NEON_VST_MULTI: {
        uint8_t buf[32];
        total = 8 * regs * nelem;
        if (nelem == 1) {
            memcpy(buf, &cpu->d[rd], total);
        } else {
            switch (size) {
            case 0: INTERLEAVE(1, buf + off, (uint8_t *)&cpu->d[rd + k * inc + r] + e);
                break;
            case 1: INTERLEAVE(2, buf + off, (uint8_t *)&cpu->d[rd + k * inc + r] + 2 * e);
                break;
            default: INTERLEAVE(4, buf + off, (uint8_t *)&cpu->d[rd + k * inc + r] + 4 * e);
                break;
            }
        }
        memcpy(guest_to_host(addr), buf, total);
        break;
    }
    case OP_NEON_VLD_LANE:
        total = nelem * ebytes;
        memcpy(&regsave[rd], &cpu->d[rd], span * sizeof regsave[0]);
        for (unsigned k = 0; k < nelem; k++) {
            unsigned reg = rd + k * inc;
            regsave[reg] = set_lane64(regsave[reg], size, index,
                                      load_elem(addr, size));
            addr += ebytes;
        }
        break;
    case OP_NEON_VST_LANE:
        total = nelem * ebytes;
        for (unsigned k = 0; k < nelem; k++) {
            store_elem(addr, size, get_lane64(cpu->d[rd + k * inc], size, index));
            addr += ebytes;
        }
        break;
    default: /* OP_NEON_VLD_ALL */
        total = nelem * ebytes;
        memcpy(&regsave[rd], &cpu->d[rd], span * sizeof regsave[0]);
        for (unsigned k = 0; k < nelem; k++) {
            uint64_t v = neon_replicate64(load_elem(addr, size), size);
            for (unsigned r = 0; r < regs; r++)
                regsave[rd + k * inc + r] = v;
            addr += ebytes;
        }
        break;
    }
    if (insn->op != OP_NEON_VST_MULTI && insn->op != OP_NEON_VST_LANE)
        memcpy(&cpu->d[rd], &regsave[rd], span * sizeof regsave[0]);
    if (insn->flags & F_WBACK)
        cpu->r[insn->rn] = base + (insn->rm == 13 ? total : cpu->r[insn->rm]);
}

/* ---- Permutations --------------------------------------------------------- */

static void exec_permute(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    bool q = insn->flags & NF_Q;
    unsigned size = insn->shift_type, lanes = (q ? 16u : 8u) >> size;
    union neon_vec d = neon_read(cpu, insn->rd, q);
    union neon_vec m = neon_read(cpu, insn->rm, q);
    union neon_vec nd = d, nm = m;

    switch (insn->op) {
    case OP_NEON_VSWP:
        nd = m;
        nm = d;
        break;
    case OP_NEON_VTRN:
        if (insn->rd == insn->rm && size == 2) {
            /* UNPREDICTABLE; qemu-arm swaps the pairs (elementwise
             * exchange done in place). */
            for (unsigned e = 0; e + 1 < lanes; e += 2) {
                neon_set_lane(&nd, size, e, neon_lane(&d, size, e + 1));
                neon_set_lane(&nd, size, e + 1, neon_lane(&d, size, e));
            }
            nm = nd;
            break;
        }
        for (unsigned e = 0; e + 1 < lanes; e += 2) {
            neon_set_lane(&nd, size, e + 1, neon_lane(&m, size, e));
            neon_set_lane(&nm, size, e, neon_lane(&d, size, e + 1));
        }
        break;
    case OP_NEON_VUZP:
        for (unsigned i = 0; i < lanes; i++) {
            unsigned even = 2 * i, odd = 2 * i + 1;
            neon_set_lane(&nd, size, i, even < lanes ? neon_lane(&d, size, even)
                                                     : neon_lane(&m, size, even - lanes));
            neon_set_lane(&nm, size, i, odd < lanes ? neon_lane(&d, size, odd)
                                                    : neon_lane(&m, size, odd - lanes));
        }
        break;
    default: /* OP_NEON_VZIP */
        for (unsigned i = 0; i < lanes; i++) {
            unsigned src = i / 2;
            neon_set_lane(&nd, size, i, neon_lane((i & 1) ? &m : &d, size, src));
            neon_set_lane(&nm, size, i,
                          neon_lane((i & 1) ? &m : &d, size, src + lanes / 2));
        }
        break;
    }
    /* rd == rm (UNPREDICTABLE): the rd result wins, as in qemu-arm. */
    neon_write(cpu, insn->rm, q, &nm);
    neon_write(cpu, insn->rd, q, &nd);
}

static void exec_vext(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    bool q = insn->flags & NF_Q;
    unsigned len = q ? 16 : 8;
    uint8_t buf[32];
    union neon_vec n = neon_read(cpu, insn->rn, q);
    union neon_vec m = neon_read(cpu, insn->rm, q), r = { .u64 = { 0, 0 } };
    memcpy(buf, n.u8, len);
    memcpy(buf + len, m.u8, len);
    memcpy(r.u8, buf + insn->shift_amount, len);
    neon_write(cpu, insn->rd, q, &r);
}

static void exec_vtbl(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    uint8_t table[32];
    unsigned len = insn->ra * 8u;
    memcpy(table, &cpu->d[insn->rn], len);
    union neon_vec idx = neon_read(cpu, insn->rm, false);
    union neon_vec r = neon_read(cpu, insn->rd, false);
    bool tbx = insn->flags & NF_TBX;
    for (unsigned i = 0; i < 8; i++) {
        unsigned k = idx.u8[i];
        if (k < len)
            r.u8[i] = table[k];
        else if (!tbx)
            r.u8[i] = 0;
    }
    neon_write(cpu, insn->rd, false, &r);
}

static void exec_vrev(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    bool q = insn->flags & NF_Q;
    unsigned size = insn->shift_type, lanes = (q ? 16u : 8u) >> size;
    unsigned flip = (insn->imm >> (3 + size)) - 1;   /* group size - 1 */
    union neon_vec m = neon_read(cpu, insn->rm, q), r = { .u64 = { 0, 0 } };
    for (unsigned i = 0; i < lanes; i++)
        neon_set_lane(&r, size, i, neon_lane(&m, size, i ^ flip));
    neon_write(cpu, insn->rd, q, &r);
}

/* ---- Bitwise and immediates ------------------------------------------------ */

static void exec_bitwise(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    unsigned count = (insn->flags & NF_Q) ? 2 : 1;
    uint64_t res[2];
    for (unsigned i = 0; i < count; i++) {
        uint64_t d = cpu->d[insn->rd + i], n = cpu->d[insn->rn + i],
                 m = cpu->d[insn->rm + i];
        switch (insn->op) {
        case OP_NEON_VAND: res[i] = n & m; break;
        case OP_NEON_VBIC: res[i] = n & ~m; break;
        case OP_NEON_VORR: res[i] = n | m; break;
        case OP_NEON_VORN: res[i] = n | ~m; break;
        case OP_NEON_VEOR: res[i] = n ^ m; break;
        case OP_NEON_VBSL: res[i] = (n & d) | (m & ~d); break;
        case OP_NEON_VBIT: res[i] = (n & m) | (d & ~m); break;
        default: /* VBIF */ res[i] = (d & m) | (n & ~m); break;
        }
    }
    for (unsigned i = 0; i < count; i++)
        cpu->d[insn->rd + i] = res[i];
}


static void exec_imm(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    unsigned count = (insn->flags & NF_Q) ? 2 : 1;
    uint64_t imm = neon_expand_imm64(insn);
    for (unsigned i = 0; i < count; i++) {
        uint64_t *d = &cpu->d[insn->rd + i];
        switch (insn->op) {
        case OP_NEON_VMOV_IMM: *d = imm; break;
        case OP_NEON_VORR_IMM: *d |= imm; break;
        default: /* VBIC_IMM */ *d &= ~imm; break;
        }
    }
}

void neon_generic_handler(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;

    switch (insn->op) {
    case OP_NEON_VLD_MULTI: case OP_NEON_VST_MULTI: case OP_NEON_VLD_LANE:
    case OP_NEON_VST_LANE: case OP_NEON_VLD_ALL:
        exec_load_store(thread, insn);
        return;
    case OP_NEON_VMOV_TO_SCALAR:
        cpu->d[insn->rd] = set_lane64(cpu->d[insn->rd], insn->shift_type,
                                      insn->shift_amount, cpu->r[insn->rm]);
        return;
    case OP_NEON_VMOV_FROM_SCALAR: {
        uint64_t v = get_lane64(cpu->d[insn->rn], insn->shift_type,
                                insn->shift_amount);
        if (!(insn->flags & NF_U))
            v = insn->shift_type == 0 ? (uint32_t)(int8_t)v : (uint32_t)(int16_t)v;
        cpu->r[insn->rd] = (uint32_t)v;
        return;
    }
    case OP_NEON_VDUP_CORE: {
        uint64_t v = neon_replicate64(cpu->r[insn->rm], insn->shift_type);
        cpu->d[insn->rd] = v;
        if (insn->flags & NF_Q)
            cpu->d[insn->rd + 1] = v;
        return;
    }
    case OP_NEON_VDUP_SCALAR: {
        uint64_t v = neon_replicate64(get_lane64(cpu->d[insn->rm], insn->shift_type,
                                          insn->shift_amount), insn->shift_type);
        cpu->d[insn->rd] = v;
        if (insn->flags & NF_Q)
            cpu->d[insn->rd + 1] = v;
        return;
    }
    case OP_NEON_VMOV_IMM: case OP_NEON_VORR_IMM: case OP_NEON_VBIC_IMM:
        exec_imm(cpu, insn);
        return;
    case OP_NEON_VAND: case OP_NEON_VBIC: case OP_NEON_VORR: case OP_NEON_VORN:
    case OP_NEON_VEOR: case OP_NEON_VBSL: case OP_NEON_VBIT: case OP_NEON_VBIF:
        exec_bitwise(cpu, insn);
        return;
    case OP_NEON_VEXT:
        exec_vext(cpu, insn);
        return;
    case OP_NEON_VTBL:
        exec_vtbl(cpu, insn);
        return;
    case OP_NEON_VREV:
        exec_vrev(cpu, insn);
        return;
    case OP_NEON_VSWP: case OP_NEON_VTRN: case OP_NEON_VUZP: case OP_NEON_VZIP:
        exec_permute(cpu, insn);
        return;
    default:
        break;
    }
    if (neon_int_execute(cpu, insn) || neon_float_execute(cpu, insn) ||
        neon_crypto_execute(cpu, insn))
        return;
    interp_raise(thread, SIGILL, ILL_ILLOPC, insn->pc);
}

/* ---- Dispatch ---------------------------------------------------------------- */

#define NEON_OP_SLOT(op) ((op) - OP_NEON_FIRST_ - 1)
#define NEON_SET_ENTRY(OP) [NEON_OP_SLOT(OP_NEON_##OP)] = neon_set_##OP,

static neon_handler *const *const neon_sets[NEON_OP_SLOT(OP_NEON_END_)] = {
    NEON_LDST_OPS(NEON_SET_ENTRY)
    NEON_PERM_OPS(NEON_SET_ENTRY)
    NEON_SIMD_OPS(NEON_SET_ENTRY)
    NEON_FLOAT_OPS(NEON_SET_ENTRY)
};

void interp_neon_execute(struct guest_thread *thread, const struct guest_insn *insn)
{
    neon_handler *const *set = neon_sets[NEON_OP_SLOT(insn->op)];
    if (__builtin_expect(set == NULL, 0)) {
        neon_generic_handler(thread, insn);
        return;
    }
    set[neon_handler_index(insn)](thread, insn);
}

interp_neon_fn *interp_neon_lookup(const struct guest_insn *insn)
{
    if (insn->op <= OP_NEON_FIRST_ || insn->op >= OP_NEON_END_)
        return neon_generic_handler;
    neon_handler *const *set = neon_sets[NEON_OP_SLOT(insn->op)];
    return set ? set[neon_handler_index(insn)] : neon_generic_handler;
}
