/*
 * VFP executor: runs the ops of insn_vfp_ops.h on the guest CPU state.
 *
 * Arithmetic goes through exec/vfp_arith (host IEEE with ARM fix-ups) and
 * conversions through exec/vfp_convert (software); both take FPSCR and
 * accumulate its exception flags. Memory ops do every guest access before
 * they write a register or the base, so a fault (host SIGSEGV unwinding via
 * siglongjmp, or an alignment fault raised here) leaves the state intact.
 *
 * Short vectors: a Cortex-A15 has no FPSCR.Len/Stride support; like
 * qemu-arm -cpu cortex-a15, the ops that would be vector ops (and the
 * fused multiply-adds, which are never vector ops) are UNDEFINED while Len
 * or Stride is nonzero. Loads, stores, core transfers and conversions run.
 * Of the ARMv8 additions only VMAXNM/VMINNM are rejected that way (qemu-arm
 * treats them like VADD); VSEL, VRINT* and the new conversions run.
 */
#include <signal.h>

#include "exec/interp_vfp.h"
#include "exec/interp.h"
#include "exec/vfp_arith.h"
#include "exec/vfp_convert.h"
#include "exec/vfp_format.h"
#include "mem/guest_mem.h"

#define FPSCR_LEN_STRIDE_MASK 0x00370000u

static inline uint32_t get_s(const struct guest_cpu *cpu, unsigned n)
{
    return guest_cpu_get_s(cpu, n);
}

static inline void set_s(struct guest_cpu *cpu, unsigned n, uint32_t v)
{
    guest_cpu_set_s(cpu, n, v);
}

/* Base address of VLDR/VSTR/VLDM/VSTM: r15 reads as Align(PC, 4). */
static uint32_t base_reg(const struct guest_cpu *cpu, unsigned rn)
{
    return rn == 15 ? cpu->r[15] & ~3u : cpu->r[rn];
}

/* VFP loads and stores are MemA accesses: word alignment is required
 * (SIGBUS BUS_ADRALN, as Linux and qemu-arm deliver). */
static void check_alignment(struct guest_thread *thread, uint32_t addr)
{
    if (addr & 3u)
        interp_raise(thread, SIGBUS, BUS_ADRALN, addr);
}

static void exec_vldr_vstr(struct guest_thread *thread,
                           const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t base = base_reg(cpu, insn->rn);
    uint32_t addr = (insn->flags & F_ADD) ? base + insn->imm : base - insn->imm;
    bool dp = insn->flags & VF_F64;
    check_alignment(thread, addr);
    if (insn->op == OP_VLDR) {
        if (dp)
            cpu->d[insn->rd] = guest_load64(addr);
        else
            set_s(cpu, insn->rd, guest_load32(addr));
    } else {
        if (dp)
            guest_store64(addr, cpu->d[insn->rd]);
        else
            guest_store32(addr, get_s(cpu, insn->rd));
    }
}

static void exec_vldm_vstm(struct guest_thread *thread,
                           const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t base = base_reg(cpu, insn->rn);
    uint32_t start = (insn->flags & F_ADD) ? base : base - insn->imm;
    uint32_t wback = (insn->flags & F_ADD) ? base + insn->imm : base - insn->imm;
    bool dp = insn->flags & VF_F64;
    unsigned count = insn->ra;
    check_alignment(thread, start);

    if (insn->op == OP_VSTM) {
        uint32_t a = start;
        for (unsigned i = 0; i < count; i++) {
            if (dp) {
                guest_store64(a, cpu->d[insn->rd + i]);
                a += 8;
            } else {
                guest_store32(a, get_s(cpu, insn->rd + i));
                a += 4;
            }
        }
    } else {
        /* Load everything first: a fault part-way must leave every
         * register unchanged. */
        uint64_t values[32];
        uint32_t a = start;
        for (unsigned i = 0; i < count; i++) {
            if (dp) {
                values[i] = guest_load64(a);
                a += 8;
            } else {
                values[i] = guest_load32(a);
                a += 4;
            }
        }
        for (unsigned i = 0; i < count; i++) {
            if (dp)
                cpu->d[insn->rd + i] = values[i];
            else
                set_s(cpu, insn->rd + i, (uint32_t)values[i]);
        }
    }
    if (insn->flags & F_WBACK)
        cpu->r[insn->rn] = wback;
}

static void exec_vmrs(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    if (insn->rd == 15) {
        cpu->flag_n = cpu->fpscr >> 31;
        cpu->flag_z = (cpu->fpscr >> 30) & 1;
        cpu->flag_c = (cpu->fpscr >> 29) & 1;
        cpu->flag_v = (cpu->fpscr >> 28) & 1;
    } else {
        cpu->r[insn->rd] = cpu->fpscr;
    }
}

/* Single- and double-precision forms of the arithmetic ops. */
static uint32_t arith32(unsigned op, uint32_t d, uint32_t n, uint32_t m,
                        uint32_t *fpscr)
{
    switch (op) {
    case OP_VADD: return vfp_add32(n, m, fpscr);
    case OP_VSUB: return vfp_sub32(n, m, fpscr);
    case OP_VMUL: return vfp_mul32(n, m, fpscr);
    case OP_VDIV: return vfp_div32(n, m, fpscr);
    case OP_VNMUL: return vfp_neg32(vfp_mul32(n, m, fpscr));
    case OP_VMLA: {
        uint32_t p = vfp_mul32(n, m, fpscr);
        return vfp_add32(d, p, fpscr);
    }
    case OP_VMLS: {
        uint32_t p = vfp_mul32(n, m, fpscr);
        return vfp_add32(d, vfp_neg32(p), fpscr);
    }
    case OP_VNMLA: {
        uint32_t p = vfp_mul32(n, m, fpscr);
        return vfp_add32(vfp_neg32(d), vfp_neg32(p), fpscr);
    }
    case OP_VNMLS: {
        uint32_t p = vfp_mul32(n, m, fpscr);
        return vfp_add32(vfp_neg32(d), p, fpscr);
    }
    case OP_VFMA: return vfp_muladd32(d, n, m, fpscr);
    case OP_VFMS: return vfp_muladd32(d, vfp_neg32(n), m, fpscr);
    case OP_VFNMA: return vfp_muladd32(vfp_neg32(d), vfp_neg32(n), m, fpscr);
    default: /* OP_VFNMS */
        return vfp_muladd32(vfp_neg32(d), n, m, fpscr);
    }
}

static uint64_t arith64(unsigned op, uint64_t d, uint64_t n, uint64_t m,
                        uint32_t *fpscr)
{
    switch (op) {
    case OP_VADD: return vfp_add64(n, m, fpscr);
    case OP_VSUB: return vfp_sub64(n, m, fpscr);
    case OP_VMUL: return vfp_mul64(n, m, fpscr);
    case OP_VDIV: return vfp_div64(n, m, fpscr);
    case OP_VNMUL: return vfp_neg64(vfp_mul64(n, m, fpscr));
    case OP_VMLA: {
        uint64_t p = vfp_mul64(n, m, fpscr);
        return vfp_add64(d, p, fpscr);
    }
    case OP_VMLS: {
        uint64_t p = vfp_mul64(n, m, fpscr);
        return vfp_add64(d, vfp_neg64(p), fpscr);
    }
    case OP_VNMLA: {
        uint64_t p = vfp_mul64(n, m, fpscr);
        return vfp_add64(vfp_neg64(d), vfp_neg64(p), fpscr);
    }
    case OP_VNMLS: {
        uint64_t p = vfp_mul64(n, m, fpscr);
        return vfp_add64(vfp_neg64(d), p, fpscr);
    }
    case OP_VFMA: return vfp_muladd64(d, n, m, fpscr);
    case OP_VFMS: return vfp_muladd64(d, vfp_neg64(n), m, fpscr);
    case OP_VFNMA: return vfp_muladd64(vfp_neg64(d), vfp_neg64(n), m, fpscr);
    default: /* OP_VFNMS */
        return vfp_muladd64(vfp_neg64(d), n, m, fpscr);
    }
}

static void exec_arith(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    if (insn->flags & VF_F64) {
        cpu->d[insn->rd] = arith64(insn->op, cpu->d[insn->rd], cpu->d[insn->rn],
                                   cpu->d[insn->rm], &cpu->fpscr);
    } else {
        set_s(cpu, insn->rd, arith32(insn->op, get_s(cpu, insn->rd),
                                     get_s(cpu, insn->rn), get_s(cpu, insn->rm),
                                     &cpu->fpscr));
    }
}

static void exec_compare(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    bool signal_all = insn->op == OP_VCMPE;
    bool zero = insn->flags & VF_CMP_ZERO;
    uint32_t nzcv;
    if (insn->flags & VF_F64)
        nzcv = vfp_compare64(cpu->d[insn->rd], zero ? 0 : cpu->d[insn->rm],
                             signal_all, &cpu->fpscr);
    else
        nzcv = vfp_compare32(get_s(cpu, insn->rd),
                             zero ? 0 : get_s(cpu, insn->rm), signal_all,
                             &cpu->fpscr);
    cpu->fpscr = (cpu->fpscr & ~FPSCR_NZCV_MASK) | nzcv;
}

static void exec_sign_op(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    if (insn->flags & VF_F64) {
        uint64_t m = cpu->d[insn->rm];
        switch (insn->op) {
        case OP_VMOV_REG: break;
        case OP_VABS: m = vfp_abs64(m); break;
        case OP_VNEG: m = vfp_neg64(m); break;
        default: m = vfp_sqrt64(m, &cpu->fpscr); break;
        }
        cpu->d[insn->rd] = m;
    } else {
        uint32_t m = get_s(cpu, insn->rm);
        switch (insn->op) {
        case OP_VMOV_REG: break;
        case OP_VABS: m = vfp_abs32(m); break;
        case OP_VNEG: m = vfp_neg32(m); break;
        default: m = vfp_sqrt32(m, &cpu->fpscr); break;
        }
        set_s(cpu, insn->rd, m);
    }
}

static void exec_convert(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    uint32_t *fpscr = &cpu->fpscr;
    bool dp = insn->flags & VF_F64;
    bool is_signed = insn->flags & VF_SIGNED;

    switch (insn->op) {
    case OP_VCVT_F64_F32:
        cpu->d[insn->rd] = vfp_f32_to_f64(get_s(cpu, insn->rm), fpscr);
        break;
    case OP_VCVT_F32_F64:
        set_s(cpu, insn->rd, vfp_f64_to_f32(cpu->d[insn->rm], fpscr));
        break;
    case OP_VCVT_F_INT: {
        uint32_t v = get_s(cpu, insn->rm);
        if (dp)
            cpu->d[insn->rd] = vfp_fixed_to_f64(v, 32, 0, is_signed,
                                                VFP_RMODE_FPSCR, fpscr);
        else
            set_s(cpu, insn->rd, vfp_fixed_to_f32(v, 32, 0, is_signed,
                                                  VFP_RMODE_FPSCR, fpscr));
        break;
    }
    case OP_VCVT_INT_F: {
        unsigned rmode = (insn->flags & VF_RMODE) ? (*fpscr >> FPSCR_RMODE_SHIFT) & 3u
                                                  : 3u;
        uint64_t r = dp ? vfp_f64_to_fixed(cpu->d[insn->rm], 32, 0, is_signed,
                                           rmode, fpscr)
                        : vfp_f32_to_fixed(get_s(cpu, insn->rm), 32, 0,
                                           is_signed, rmode, fpscr);
        set_s(cpu, insn->rd, (uint32_t)r);
        break;
    }
    case OP_VCVT_F_FIXED:   /* always round to nearest */
        if (dp)
            cpu->d[insn->rd] = vfp_fixed_to_f64((uint32_t)cpu->d[insn->rd],
                                                insn->imm, insn->shift_amount,
                                                is_signed, 0, fpscr);
        else
            set_s(cpu, insn->rd,
                  vfp_fixed_to_f32(get_s(cpu, insn->rd), insn->imm,
                                   insn->shift_amount, is_signed, 0, fpscr));
        break;
    case OP_VCVT_FIXED_F:
        /* Result extended to the register width (ARM ARM: Extend()). */
        if (dp)
            cpu->d[insn->rd] = vfp_f64_to_fixed(cpu->d[insn->rd], insn->imm,
                                                insn->shift_amount, is_signed,
                                                3u, fpscr);
        else
            set_s(cpu, insn->rd,
                  (uint32_t)vfp_f32_to_fixed(get_s(cpu, insn->rd), insn->imm,
                                             insn->shift_amount, is_signed,
                                             3u, fpscr));
        break;
    case OP_VCVT_F32_F16: {
        uint32_t m = get_s(cpu, insn->rm);
        uint16_t h = (uint16_t)(insn->imm ? m >> 16 : m);
        set_s(cpu, insn->rd, vfp_f16_to_f32(h, fpscr));
        break;
    }
    default: { /* OP_VCVT_F16_F32 */
        uint32_t h = vfp_f32_to_f16(get_s(cpu, insn->rm), fpscr);
        uint32_t d = get_s(cpu, insn->rd);
        d = insn->imm ? (d & 0xffffu) | h << 16 : (d & 0xffff0000u) | h;
        set_s(cpu, insn->rd, d);
        break;
    }
    }
}

/* VSEL condition on APSR.NZCV: 0 eq, 1 vs, 2 ge, 3 gt. */
static bool vsel_condition(const struct guest_cpu *cpu, unsigned cc)
{
    switch (cc) {
    case 0: return cpu->flag_z;
    case 1: return cpu->flag_v;
    case 2: return cpu->flag_n == cpu->flag_v;
    default: return !cpu->flag_z && cpu->flag_n == cpu->flag_v;
    }
}

/* ARMv8 additions (insn_vfp_ops.h): selection, maxNum/minNum, rounding to
 * integral, conversions with explicit rounding, half <-> double, VJCVT. */
static void exec_v8(struct guest_cpu *cpu, const struct guest_insn *insn)
{
    uint32_t *fpscr = &cpu->fpscr;
    bool dp = insn->flags & VF_F64;

    switch (insn->op) {
    case OP_VSEL: {
        unsigned src = vsel_condition(cpu, insn->imm) ? insn->rn : insn->rm;
        if (dp)
            cpu->d[insn->rd] = cpu->d[src];
        else
            set_s(cpu, insn->rd, get_s(cpu, src));
        break;
    }
    case OP_VMAXNM: case OP_VMINNM: {
        bool is_max = insn->op == OP_VMAXNM;
        if (dp) {
            uint64_t n = cpu->d[insn->rn], m = cpu->d[insn->rm];
            cpu->d[insn->rd] = is_max ? vfp_maxnum64(n, m, fpscr)
                                      : vfp_minnum64(n, m, fpscr);
        } else {
            uint32_t n = get_s(cpu, insn->rn), m = get_s(cpu, insn->rm);
            set_s(cpu, insn->rd, is_max ? vfp_maxnum32(n, m, fpscr)
                                        : vfp_minnum32(n, m, fpscr));
        }
        break;
    }
    case OP_VRINT: case OP_VRINTX: {
        bool exact = insn->op == OP_VRINTX;
        unsigned rmode = (insn->flags & VF_RMODE) ? vfp_rmode(*fpscr) : insn->imm;
        if (dp)
            cpu->d[insn->rd] = vfp_round_int64(cpu->d[insn->rm], rmode, exact,
                                               fpscr);
        else
            set_s(cpu, insn->rd, vfp_round_int32(get_s(cpu, insn->rm), rmode,
                                                 exact, fpscr));
        break;
    }
    case OP_VCVT_INT_F_RM: {
        bool is_signed = insn->flags & VF_SIGNED;
        uint64_t r = dp ? vfp_f64_to_fixed(cpu->d[insn->rm], 32, 0, is_signed,
                                           insn->imm, fpscr)
                        : vfp_f32_to_fixed(get_s(cpu, insn->rm), 32, 0,
                                           is_signed, insn->imm, fpscr);
        set_s(cpu, insn->rd, (uint32_t)r);
        break;
    }
    case OP_VCVT_F64_F16: {
        uint32_t m = get_s(cpu, insn->rm);
        cpu->d[insn->rd] = vfp_f16_to_f64((uint16_t)(insn->imm ? m >> 16 : m),
                                          fpscr);
        break;
    }
    case OP_VCVT_F16_F64: {
        uint32_t h = vfp_f64_to_f16(cpu->d[insn->rm], fpscr);
        uint32_t d = get_s(cpu, insn->rd);
        d = insn->imm ? (d & 0xffffu) | h << 16 : (d & 0xffff0000u) | h;
        set_s(cpu, insn->rd, d);
        break;
    }
    default: { /* OP_VJCVT */
        bool exact;
        uint32_t r = vfp_f64_to_js_int32(cpu->d[insn->rm], &exact, fpscr);
        set_s(cpu, insn->rd, r);
        *fpscr = (*fpscr & ~FPSCR_NZCV_MASK) | (exact ? CPSR_Z : 0);
        break;
    }
    }
}

/* Ops that are UNDEFINED while FPSCR.Len or Stride is nonzero. */
static bool is_vector_capable(unsigned op)
{
    switch (op) {
    case OP_VMOV_REG: case OP_VMOV_IMM: case OP_VABS: case OP_VNEG:
    case OP_VSQRT: case OP_VADD: case OP_VSUB: case OP_VMUL: case OP_VDIV:
    case OP_VNMUL: case OP_VMLA: case OP_VMLS: case OP_VNMLA: case OP_VNMLS:
    case OP_VFMA: case OP_VFMS: case OP_VFNMA: case OP_VFNMS:
    case OP_VCMP: case OP_VCMPE: case OP_VMAXNM: case OP_VMINNM:
        return true;
    default:
        return false;
    }
}

void interp_vfp_execute(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;

    if ((cpu->fpscr & FPSCR_LEN_STRIDE_MASK) && is_vector_capable(insn->op))
        interp_raise(thread, SIGILL, ILL_ILLOPC, insn->pc);

    switch (insn->op) {
    case OP_VLDR: case OP_VSTR:
        exec_vldr_vstr(thread, insn);
        break;
    case OP_VLDM: case OP_VSTM:
        exec_vldm_vstm(thread, insn);
        break;
    case OP_VMOV_CORE_S:
        cpu->r[insn->rd] = get_s(cpu, insn->rn);
        break;
    case OP_VMOV_S_CORE:
        set_s(cpu, insn->rd, cpu->r[insn->rm]);
        break;
    case OP_VMOV_CORE2_S2: {
        uint32_t lo = get_s(cpu, insn->rm), hi = get_s(cpu, insn->rm + 1u);
        cpu->r[insn->rd] = lo;
        cpu->r[insn->ra] = hi;
        break;
    }
    case OP_VMOV_S2_CORE2:
        set_s(cpu, insn->rm, cpu->r[insn->rd]);
        set_s(cpu, insn->rm + 1u, cpu->r[insn->ra]);
        break;
    case OP_VMOV_CORE2_D: {
        uint64_t d = cpu->d[insn->rm];
        cpu->r[insn->rd] = (uint32_t)d;
        cpu->r[insn->ra] = (uint32_t)(d >> 32);
        break;
    }
    case OP_VMOV_D_CORE2:
        cpu->d[insn->rm] = (uint64_t)cpu->r[insn->ra] << 32 | cpu->r[insn->rd];
        break;
    case OP_VMOV_CORE_DHALF:
        cpu->r[insn->rd] = get_s(cpu, insn->rn * 2u + insn->imm);
        break;
    case OP_VMOV_DHALF_CORE:
        set_s(cpu, insn->rd * 2u + insn->imm, cpu->r[insn->rm]);
        break;
    case OP_VMOV_IMM:
        if (insn->flags & VF_F64)
            cpu->d[insn->rd] = (uint64_t)insn->imm << 32;
        else
            set_s(cpu, insn->rd, insn->imm);
        break;
    case OP_VMOV_REG: case OP_VABS: case OP_VNEG: case OP_VSQRT:
        exec_sign_op(cpu, insn);
        break;
    case OP_VMRS:
        exec_vmrs(cpu, insn);
        break;
    case OP_VMSR:
        cpu->fpscr = cpu->r[insn->rd] & FPSCR_WRITABLE_MASK;
        break;
    case OP_VADD: case OP_VSUB: case OP_VMUL: case OP_VDIV: case OP_VNMUL:
    case OP_VMLA: case OP_VMLS: case OP_VNMLA: case OP_VNMLS:
    case OP_VFMA: case OP_VFMS: case OP_VFNMA: case OP_VFNMS:
        exec_arith(cpu, insn);
        break;
    case OP_VCMP: case OP_VCMPE:
        exec_compare(cpu, insn);
        break;
    case OP_VCVT_F64_F32: case OP_VCVT_F32_F64: case OP_VCVT_F_INT:
    case OP_VCVT_INT_F: case OP_VCVT_F_FIXED: case OP_VCVT_FIXED_F:
    case OP_VCVT_F32_F16: case OP_VCVT_F16_F32:
        exec_convert(cpu, insn);
        break;
    case OP_VSEL: case OP_VMAXNM: case OP_VMINNM: case OP_VRINT:
    case OP_VRINTX: case OP_VCVT_INT_F_RM: case OP_VCVT_F64_F16:
    case OP_VCVT_F16_F64: case OP_VJCVT:
        exec_v8(cpu, insn);
        break;
    default:
        interp_raise(thread, SIGILL, ILL_ILLOPC, insn->pc);
    }
}
