/*
 * Disassembler of decoded guest instructions (see disasm.h).
 *
 * One table (op_formats[]) gives every operation an operand format and,
 * where guest_op_name() is not the UAL root, a mnemonic root; the renderer
 * composes root, 's' (F_S), condition (insn->cond, which carries the IT
 * condition in T32) and data-type suffix in UAL order ("addseq",
 * "vcvtreq.s32.f64"), then the operands of the format. Operations without a
 * table entry print their op name and the raw word.
 *
 * Spelling follows GNU objdump (binutils 2.40) where the decoded fields
 * allow it: r10-r12 as sl, fp, ip; shifts of MOV as LSL/LSR/... aliases
 * (A32 and 16-bit T32); the two-operand forms of 16-bit T32 data-processing;
 * PUSH/POP; CPSR in MRS/MSR; "mrc 15, 0, ..." for the TLS register. It
 * deliberately prints only decoded information: see disasm.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "guest/decode.h"
#include "tools/disasm.h"

/* ---- Output buffer with snprintf semantics ------------------------------ */

struct out {
    char *buf;
    size_t size;
    size_t len;     /* length of the full text so far (may exceed size) */
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *dst = o->len < o->size ? o->buf + o->len : NULL;
    size_t avail = o->len < o->size ? o->size - o->len : 0;
    int n = vsnprintf(dst, avail, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

/* ---- Names ----------------------------------------------------------------- */

static const char *const reg_names[16] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "sl", "fp", "ip", "sp", "lr", "pc",
};

static const char *const cond_names[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "", "nv",
};

static const char *const shift_names[5] = { "lsl", "lsr", "asr", "ror", "rrx" };

static const char *reg(unsigned r)
{
    return reg_names[r & 15u];
}

/* ---- Operand formats ------------------------------------------------------- */

enum fmt {
    FMT_NONE = 0,   /* no entry: generic fallback */
    FMT_BARE,       /* mnemonic only */
    FMT_IT,
    FMT_MOVW,       /* rd, #imm */
    FMT_ADR,
    FMT_MUL3,       /* rd, rn, rm */
    FMT_MUL4,       /* rd, rn, rm, ra */
    FMT_MULL,       /* rdlo (rd), rdhi (ra), rn, rm */
    FMT_HALF3,      /* smul<x><y> */
    FMT_HALF4,      /* smla<x><y> */
    FMT_HALFW3,     /* smulw<y> */
    FMT_HALFW4,     /* smlaw<y> */
    FMT_HALFL,      /* smlal<x><y> */
    FMT_DUAL3,      /* smuad{x} */
    FMT_DUAL4,
    FMT_DUALL,
    FMT_MMUL3,      /* smmul{r} */
    FMT_MMUL4,
    FMT_QARITH,     /* rd, rm, rn */
    FMT_SAT,
    FMT_SAT16,
    FMT_PARALLEL,
    FMT_PKH,
    FMT_EXTEND,
    FMT_EXTEND_ACC,
    FMT_RD_RM,
    FMT_BFC,
    FMT_BFI,
    FMT_BFX,
    FMT_BRANCH,     /* absolute target */
    FMT_BX,
    FMT_CB,
    FMT_TBB,
    FMT_TBH,
    FMT_MEM,        /* single load/store */
    FMT_MEMD,       /* dual load/store */
    FMT_LDMSTM,
    FMT_LDREX,      /* rd, [rn{, #imm}] */
    FMT_LDREXD,
    FMT_STREX,
    FMT_STREXD,
    FMT_LDA,        /* rd, [rn] (also STL*) */
    FMT_SWP,
    FMT_SVC,
    FMT_BKPT,
    FMT_UDF,
    FMT_BARRIER,
    FMT_MRS,
    FMT_MSR_REG,
    FMT_MSR_IMM,
    FMT_MRC_TPIDR,
    FMT_MCR_TPIDR,
    FMT_UNDEFINED,
    /* VFP */
    FMT_VLDR,
    FMT_VLDM,
    FMT_VMOV_CORE_S,
    FMT_VMOV_S_CORE,
    FMT_VMOV_CORE2_S2,
    FMT_VMOV_S2_CORE2,
    FMT_VMOV_CORE2_D,
    FMT_VMOV_D_CORE2,
    FMT_VMOV_CORE_DHALF,
    FMT_VMOV_DHALF_CORE,
    FMT_V2,         /* .f32/.f64 rd, rm */
    FMT_V3,         /* .f32/.f64 rd, rn, rm */
    FMT_VMOV_IMM,
    FMT_VMRS,
    FMT_VMSR,
    FMT_VCMP,
    FMT_VCVT_F64_F32,
    FMT_VCVT_F32_F64,
    FMT_VCVT_F_INT,
    FMT_VCVT_INT_F,
    FMT_VCVT_F_FIXED,
    FMT_VCVT_FIXED_F,
    FMT_VCVT_HALF,
    FMT_VSEL,
    FMT_VRINT,
    FMT_VCVT_RM,    /* vcvt{a,n,p,m} */
    FMT_VJCVT,
    /* ARMv8 crypto and CRC32 (the rest of Advanced SIMD has no format yet) */
    FMT_CRYPTO2,    /* .8/.32 qd, qm */
    FMT_CRYPTO3,    /* .32 qd, qn, qm */
    FMT_VMULL_P64,  /* qd, dn, dm */
    FMT_CRC32,      /* crc32{c}{b,h,w} rd, rn, rm */
};

struct op_format {
    uint8_t fmt;
    const char *root;   /* NULL: guest_op_name(op) */
};

#define F(op, fmt_) [OP_##op] = { FMT_##fmt_, NULL }
#define FR(op, fmt_, root_) [OP_##op] = { FMT_##fmt_, root_ }

/* Data-processing ops (OP_AND_IMM..OP_ORN_RSR) are rendered by
 * render_dataproc() and have no entry here. */
static const struct op_format op_formats[OP_COUNT] = {
    F(UNDEFINED, UNDEFINED), F(NOP, BARE), F(IT, IT),
    F(MOVW, MOVW), F(MOVT, MOVW), F(ADR, ADR),
    F(MUL, MUL3), F(MLA, MUL4), F(MLS, MUL4),
    F(UMULL, MULL), F(SMULL, MULL), F(UMLAL, MULL), F(SMLAL, MULL),
    F(UMAAL, MULL),
    FR(SMULXY, HALF3, "smul"), FR(SMLAXY, HALF4, "smla"),
    FR(SMULWY, HALFW3, "smulw"), FR(SMLAWY, HALFW4, "smlaw"),
    FR(SMLALXY, HALFL, "smlal"),
    F(SMUAD, DUAL3), F(SMUSD, DUAL3), F(SMLAD, DUAL4), F(SMLSD, DUAL4),
    F(SMLALD, DUALL), F(SMLSLD, DUALL),
    F(SMMUL, MMUL3), F(SMMLA, MMUL4), F(SMMLS, MMUL4),
    F(SDIV, MUL3), F(UDIV, MUL3),
    F(QADD, QARITH), F(QSUB, QARITH), F(QDADD, QARITH), F(QDSUB, QARITH),
    F(SSAT, SAT), F(USAT, SAT), F(SSAT16, SAT16), F(USAT16, SAT16),
    F(PARALLEL, PARALLEL), F(SEL, MUL3), F(USAD8, MUL3), F(USADA8, MUL4),
    F(PKHBT, PKH), F(PKHTB, PKH),
    F(SXTB, EXTEND), F(SXTH, EXTEND), F(SXTB16, EXTEND),
    F(UXTB, EXTEND), F(UXTH, EXTEND), F(UXTB16, EXTEND),
    F(SXTAB, EXTEND_ACC), F(SXTAH, EXTEND_ACC), F(SXTAB16, EXTEND_ACC),
    F(UXTAB, EXTEND_ACC), F(UXTAH, EXTEND_ACC), F(UXTAB16, EXTEND_ACC),
    F(REV, RD_RM), F(REV16, RD_RM), F(REVSH, RD_RM), F(RBIT, RD_RM),
    F(CLZ, RD_RM),
    F(BFC, BFC), F(BFI, BFI), F(SBFX, BFX), F(UBFX, BFX),
    F(B, BRANCH), F(BL, BRANCH), F(BLX_IMM, BRANCH),
    F(BX, BX), F(BLX_REG, BX), F(CBZ, CB), F(CBNZ, CB),
    F(TBB, TBB), F(TBH, TBH),
    F(LDR_IMM, MEM), F(LDR_REG, MEM), F(LDRB_IMM, MEM), F(LDRB_REG, MEM),
    F(LDRH_IMM, MEM), F(LDRH_REG, MEM), F(LDRSB_IMM, MEM),
    F(LDRSB_REG, MEM), F(LDRSH_IMM, MEM), F(LDRSH_REG, MEM),
    F(STR_IMM, MEM), F(STR_REG, MEM), F(STRB_IMM, MEM), F(STRB_REG, MEM),
    F(STRH_IMM, MEM), F(STRH_REG, MEM),
    F(LDRD_IMM, MEMD), F(LDRD_REG, MEMD), F(STRD_IMM, MEMD),
    F(STRD_REG, MEMD),
    F(LDM, LDMSTM), F(STM, LDMSTM),
    F(LDREX, LDREX), F(LDREXB, LDREX), F(LDREXH, LDREX), F(LDREXD, LDREXD),
    F(STREX, STREX), F(STREXB, STREX), F(STREXH, STREX), F(STREXD, STREXD),
    F(CLREX, BARE),
    F(LDA, LDA), F(LDAB, LDA), F(LDAH, LDA),
    F(STL, LDA), F(STLB, LDA), F(STLH, LDA),
    F(SWP, SWP), F(SWPB, SWP),
    F(SVC, SVC), F(BKPT, BKPT), F(UDF, UDF), F(BARRIER, BARRIER),
    F(MRS, MRS), F(MSR_REG, MSR_REG), F(MSR_IMM, MSR_IMM),
    F(MRC_TPIDR, MRC_TPIDR), F(MCR_TPIDR, MCR_TPIDR),
    /* VFP */
    F(VLDR, VLDR), F(VSTR, VLDR), F(VLDM, VLDM), F(VSTM, VLDM),
    F(VMOV_CORE_S, VMOV_CORE_S), F(VMOV_S_CORE, VMOV_S_CORE),
    F(VMOV_CORE2_S2, VMOV_CORE2_S2), F(VMOV_S2_CORE2, VMOV_S2_CORE2),
    F(VMOV_CORE2_D, VMOV_CORE2_D), F(VMOV_D_CORE2, VMOV_D_CORE2),
    F(VMOV_CORE_DHALF, VMOV_CORE_DHALF), F(VMOV_DHALF_CORE, VMOV_DHALF_CORE),
    F(VMOV_REG, V2), F(VMOV_IMM, VMOV_IMM), F(VABS, V2), F(VNEG, V2),
    F(VMRS, VMRS), F(VMSR, VMSR),
    F(VADD, V3), F(VSUB, V3), F(VMUL, V3), F(VDIV, V3), F(VNMUL, V3),
    F(VMLA, V3), F(VMLS, V3), F(VNMLA, V3), F(VNMLS, V3),
    F(VFMA, V3), F(VFMS, V3), F(VFNMA, V3), F(VFNMS, V3),
    F(VSQRT, V2), F(VCMP, VCMP), F(VCMPE, VCMP),
    FR(VCVT_F64_F32, VCVT_F64_F32, "vcvt"),
    FR(VCVT_F32_F64, VCVT_F32_F64, "vcvt"),
    F(VCVT_F_INT, VCVT_F_INT), F(VCVT_INT_F, VCVT_INT_F),
    F(VCVT_F_FIXED, VCVT_F_FIXED), F(VCVT_FIXED_F, VCVT_FIXED_F),
    FR(VCVT_F32_F16, VCVT_HALF, "vcvt"), FR(VCVT_F16_F32, VCVT_HALF, "vcvt"),
    /* ARMv8 VFP */
    FR(VCVT_F64_F16, VCVT_HALF, "vcvt"), FR(VCVT_F16_F64, VCVT_HALF, "vcvt"),
    F(VSEL, VSEL), F(VMAXNM, V3), F(VMINNM, V3),
    F(VRINT, VRINT), F(VRINTX, V2), FR(VCVT_INT_F_RM, VCVT_RM, "vcvt"),
    F(VJCVT, VJCVT),
    /* ARMv8 crypto (root without the data type) and CRC32 */
    FR(NEON_AESE, CRYPTO2, "aese"), FR(NEON_AESD, CRYPTO2, "aesd"),
    FR(NEON_AESMC, CRYPTO2, "aesmc"), FR(NEON_AESIMC, CRYPTO2, "aesimc"),
    FR(NEON_SHA1H, CRYPTO2, "sha1h"), FR(NEON_SHA1SU1, CRYPTO2, "sha1su1"),
    FR(NEON_SHA256SU0, CRYPTO2, "sha256su0"),
    FR(NEON_SHA1C, CRYPTO3, "sha1c"), FR(NEON_SHA1P, CRYPTO3, "sha1p"),
    FR(NEON_SHA1M, CRYPTO3, "sha1m"), FR(NEON_SHA1SU0, CRYPTO3, "sha1su0"),
    FR(NEON_SHA256H, CRYPTO3, "sha256h"), FR(NEON_SHA256H2, CRYPTO3, "sha256h2"),
    FR(NEON_SHA256SU1, CRYPTO3, "sha256su1"),
    FR(NEON_VMULLP64, VMULL_P64, "vmull"),
    F(CRC32, CRC32), F(CRC32C, CRC32),
};

#undef F
#undef FR

/* ---- Pieces ------------------------------------------------------------------ */

/* Mnemonic in UAL order: root, 's', condition, data type; then a tab. */
static const char *cond_suffix(const struct guest_insn *insn)
{
    /* objdump spells out AL inside an IT AL block. */
    if (insn->cond == COND_AL && insn->thumb && (insn->itstate & 0xfu))
        return "al";
    return cond_names[insn->cond & 15u];
}

static void mnemonic(struct out *o, const struct guest_insn *insn,
                     const char *root, bool s, const char *dtype)
{
    put(o, "%s%s%s%s\t", root, s ? "s" : "", cond_suffix(insn),
        dtype ? dtype : "");
}

/* Immediates: decimal up to 0xffff, hex above. */
static void put_imm(struct out *o, uint32_t v)
{
    if (v <= 0xffffu)
        put(o, "#%u", v);
    else
        put(o, "#0x%x", v);
}

/* ", lsl #3" style shift of a register operand; nothing for LSL #0. */
static void put_shift(struct out *o, unsigned type, unsigned amount)
{
    if (type == SHIFT_RRX)
        put(o, ", rrx");
    else if (type <= SHIFT_ROR && !(type == SHIFT_LSL && amount == 0))
        put(o, ", %s #%u", shift_names[type], amount);
}

static void put_reglist(struct out *o, uint32_t list)
{
    const char *sep = "";
    put(o, "{");
    for (unsigned r = 0; r < 16; r++) {
        if (list >> r & 1u) {
            put(o, "%s%s", sep, reg(r));
            sep = ", ";
        }
    }
    put(o, "}");
}

static uint32_t pc_read_value(const struct guest_insn *insn)
{
    return insn->pc + (insn->thumb ? 4u : 8u);
}

/* Address of a pc-relative literal (Align(PC, 4) +/- offset). */
static uint32_t literal_address(const struct guest_insn *insn, uint32_t off,
                                bool add)
{
    uint32_t base = pc_read_value(insn) & ~3u;
    return add ? base + off : base - off;
}

static bool op_is_mem_reg(unsigned op)
{
    switch (op) {
    case OP_LDR_REG: case OP_LDRB_REG: case OP_LDRH_REG: case OP_LDRSB_REG:
    case OP_LDRSH_REG: case OP_STR_REG: case OP_STRB_REG: case OP_STRH_REG:
    case OP_LDRD_REG: case OP_STRD_REG:
        return true;
    default:
        return false;
    }
}

/* Addressing of single and dual loads/stores: offset, pre-indexed with
 * writeback ('!') or post-indexed, immediate or (shifted) register. */
static void put_address(struct out *o, const struct guest_insn *insn)
{
    bool add = insn->flags & F_ADD, pre = insn->flags & F_PRE;
    bool wback = insn->flags & F_WBACK;
    const char *sign = add ? "" : "-";
    if (op_is_mem_reg(insn->op)) {
        if (pre)
            put(o, "[%s, %s%s", reg(insn->rn), sign, reg(insn->rm));
        else
            put(o, "[%s], %s%s", reg(insn->rn), sign, reg(insn->rm));
        put_shift(o, insn->shift_type, insn->shift_amount);
        if (pre)
            put(o, "]%s", wback ? "!" : "");
        return;
    }
    if (!pre) {
        put(o, "[%s], #%s%u", reg(insn->rn), sign, insn->imm);
        return;
    }
    if (insn->imm == 0 && add)
        put(o, "[%s]%s", reg(insn->rn), wback ? "!" : "");
    else
        put(o, "[%s, #%s%u]%s", reg(insn->rn), sign, insn->imm,
            wback ? "!" : "");
    if (insn->rn == 15 && !wback)
        put(o, "\t@ 0x%x", literal_address(insn, insn->imm, add));
}

/* ---- Data-processing ----------------------------------------------------------- */

enum dp_family {
    DP_AND, DP_EOR, DP_SUB, DP_RSB, DP_ADD, DP_ADC, DP_SBC, DP_RSC,
    DP_TST, DP_TEQ, DP_CMP, DP_CMN, DP_ORR, DP_MOV, DP_BIC, DP_MVN, DP_ORN,
};
enum dp_form { DP_IMM, DP_REG, DP_RSR };

static bool is_dataproc(unsigned op)
{
    return op >= OP_AND_IMM && op <= OP_ORN_RSR;
}

/* T32 modified immediate (ThumbExpandImm) can encode v. */
static bool t32_modimm_encodable(uint32_t v)
{
    uint32_t b = v & 0xffu;
    if (v <= 0xffu || v == (b << 16 | b) || v == b * 0x01010101u)
        return true;
    uint32_t b1 = (v >> 8) & 0xffu;
    if (v == (b1 << 24 | b1 << 8))
        return true;
    for (unsigned rot = 8; rot < 32; rot++) {
        uint32_t unrot = v << rot | v >> (32 - rot);
        if (unrot <= 0xffu && (unrot & 0x80u))
            return true;
    }
    return false;
}

static void put_op2(struct out *o, const struct guest_insn *insn,
                    enum dp_form form)
{
    if (form == DP_IMM)
        put_imm(o, insn->imm);
    else if (form == DP_REG) {
        put(o, "%s", reg(insn->rm));
        put_shift(o, insn->shift_type, insn->shift_amount);
    } else {
        put(o, "%s, %s %s", reg(insn->rm),
            shift_names[insn->shift_type & 3u], reg(insn->ra));
    }
}

/* MOV with a shifted register: the LSL/LSR/ASR/ROR/RRX aliases that objdump
 * prints for A32 and 16-bit T32 (32-bit T32 keeps "mov rd, rm, lsl #n"). */
static void render_mov(struct out *o, const struct guest_insn *insn,
                       enum dp_form form, bool s)
{
    bool narrow = insn->thumb && insn->length == 2;
    if (form == DP_IMM) {
        mnemonic(o, insn, "mov", s, NULL);
        put(o, "%s, ", reg(insn->rd));
        put_imm(o, insn->imm);
        return;
    }
    if (form == DP_RSR) {
        mnemonic(o, insn, shift_names[insn->shift_type & 3u], s, NULL);
        if (narrow && insn->rd == insn->rm)
            put(o, "%s, %s", reg(insn->rd), reg(insn->ra));
        else
            put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rm), reg(insn->ra));
        return;
    }
    bool plain = insn->shift_type == SHIFT_LSL && insn->shift_amount == 0;
    if (plain || (insn->thumb && insn->length == 4)) {
        mnemonic(o, insn, "mov", s, NULL);
        put(o, "%s, %s", reg(insn->rd), reg(insn->rm));
        put_shift(o, insn->shift_type, insn->shift_amount);
        return;
    }
    mnemonic(o, insn, shift_names[insn->shift_type], s, NULL);
    put(o, "%s, %s", reg(insn->rd), reg(insn->rm));
    if (insn->shift_type != SHIFT_RRX)
        put(o, ", #%u", insn->shift_amount);
}

/* Name of the pattern-table entry that decoded insn. Used only where two
 * encodings decode to identical fields but objdump spells them differently
 * (ADD/SUB imm3 vs imm8, ADD.W vs ADDW); the table is the decoders' own. */
static const char *entry_name(const struct guest_insn *insn)
{
    const struct guest_insn_pattern *p =
        guest_disasm_find_pattern(insn->thumb, insn->pc, insn->raw,
                                  insn->itstate);
    return p ? p->name : "";
}

/* 16-bit T32 encodings that objdump shows in two-operand form (Rdn, op2).
 * ADD (register) with Rd == Rn is the high-register form unless it set flags
 * or, inside an IT block, used only low registers (then the three-register
 * form is the one assemblers emit); ADD/SUB #imm with Rd == Rn is the SP or
 * imm8 form unless its entry is the imm3 one. */
static bool narrow_two_operand(const struct guest_insn *insn,
                               enum dp_family fam, enum dp_form form)
{
    if (!insn->thumb || insn->length != 2 || insn->rd != insn->rn)
        return false;
    switch (fam) {
    case DP_AND: case DP_EOR: case DP_ADC: case DP_SBC: case DP_ORR:
    case DP_BIC:
        return form == DP_REG;
    case DP_ADD: case DP_SUB:
        if (form == DP_REG) {
            if (fam == DP_SUB)
                return false;
            if (insn->itstate & 0xfu)
                return insn->rd >= 8 || insn->rm >= 8;
            return !(insn->flags & F_S);
        }
        if (insn->rd == 13 || insn->imm > 7)
            return true;
        return strstr(entry_name(insn), "imm3") == NULL;
    default:
        return false;
    }
}

/* T32 ADD/SUB (immediate) without S: the plain 12-bit immediate encoding is
 * spelled ADDW/SUBW. */
static bool is_addw_subw(const struct guest_insn *insn)
{
    if (!insn->thumb || insn->length != 4 || (insn->flags & F_IMM_CARRY))
        return false;
    if (!t32_modimm_encodable(insn->imm))
        return true;
    const char *name = entry_name(insn);
    return !strncmp(name, "ADDW", 4) || !strncmp(name, "SUBW", 4);
}

static void render_dataproc(struct out *o, const struct guest_insn *insn)
{
    unsigned idx = insn->op - OP_AND_IMM;
    enum dp_family fam = (enum dp_family)(idx / 3);
    enum dp_form form = (enum dp_form)(idx % 3);
    bool s = insn->flags & F_S;
    const char *root = guest_op_name(insn->op);

    switch (fam) {
    case DP_MOV:
        render_mov(o, insn, form, s);
        return;
    case DP_TST: case DP_TEQ: case DP_CMP: case DP_CMN:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, ", reg(insn->rn));
        put_op2(o, insn, form);
        return;
    case DP_MVN:
        mnemonic(o, insn, root, s, NULL);
        put(o, "%s, ", reg(insn->rd));
        put_op2(o, insn, form);
        return;
    default:
        break;
    }
    if (fam == DP_RSB && form == DP_IMM && insn->thumb && insn->length == 2) {
        mnemonic(o, insn, "neg", s, NULL);       /* RSBS Rd, Rn, #0 */
        put(o, "%s, %s", reg(insn->rd), reg(insn->rn));
        return;
    }
    if ((fam == DP_ADD || fam == DP_SUB) && form == DP_IMM && !s &&
        is_addw_subw(insn))
        root = fam == DP_ADD ? "addw" : "subw";
    mnemonic(o, insn, root, s, NULL);
    if (narrow_two_operand(insn, fam, form))
        put(o, "%s, ", reg(insn->rd));
    else
        put(o, "%s, %s, ", reg(insn->rd), reg(insn->rn));
    put_op2(o, insn, form);
}

/* ---- Integer formats ------------------------------------------------------------- */

static const char *const parallel_prefix[6] = { "s", "q", "sh", "u", "uq", "uh" };
static const char *const parallel_kind[6] = {
    "add16", "asx", "sax", "sub16", "add8", "sub8",
};

static const char *ldm_stm_mode(const struct guest_insn *insn)
{
    bool add = insn->flags & F_ADD, pre = insn->flags & F_PRE;
    /* objdump: A32 "ldm"/"stm" for IA, but "stmia" with writeback. */
    if (add)
        return pre ? "ib" : (insn->thumb ||
                             (insn->op == OP_STM && (insn->flags & F_WBACK))
                             ? "ia" : "");
    return pre ? "db" : "da";
}

static void render_ldm_stm(struct out *o, const struct guest_insn *insn)
{
    bool load = insn->op == OP_LDM;
    bool add = insn->flags & F_ADD, pre = insn->flags & F_PRE;
    bool stack = insn->rn == 13 && (insn->flags & F_WBACK) &&
                 (load ? (add && !pre) : (!add && pre)) &&
                 (!insn->thumb || insn->length == 2);
    if (stack) {
        mnemonic(o, insn, load ? "pop" : "push", false, NULL);
    } else {
        char root[8];
        snprintf(root, sizeof root, "%s%s", load ? "ldm" : "stm",
                 ldm_stm_mode(insn));
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s%s, ", reg(insn->rn), (insn->flags & F_WBACK) ? "!" : "");
    }
    put_reglist(o, insn->imm);
}

/* A32 PUSH/POP of one register are STR/LDR with sp writeback by 4. */
static bool single_push_pop(const struct guest_insn *insn, bool *push)
{
    unsigned f = insn->flags & (F_PRE | F_ADD | F_WBACK | F_USER);
    if (insn->thumb || insn->rn != 13 || insn->imm != 4)
        return false;
    if (insn->op == OP_STR_IMM && f == (F_PRE | F_WBACK)) {
        *push = true;
        return true;
    }
    if (insn->op == OP_LDR_IMM && f == (F_ADD | F_WBACK)) {
        *push = false;
        return true;
    }
    return false;
}

static void render_mem(struct out *o, const struct guest_insn *insn,
                       const char *root)
{
    bool push;
    if (single_push_pop(insn, &push)) {
        mnemonic(o, insn, push ? "push" : "pop", false, NULL);
        put(o, "{%s}", reg(insn->rd));
        return;
    }
    char r[12];
    snprintf(r, sizeof r, "%s%s", root, (insn->flags & F_USER) ? "t" : "");
    mnemonic(o, insn, r, false, NULL);
    put(o, "%s, ", reg(insn->rd));
    put_address(o, insn);
}

/* LDAEX/STLEX spelling of the exclusives with F_ACQREL. */
static void exclusive_root(const struct guest_insn *insn, const char *name,
                           char *root, size_t size)
{
    if (insn->flags & F_ACQREL)
        snprintf(root, size, "%s%s", name[0] == 'l' ? "ldaex" : "stlex",
                 name + 5);
    else
        snprintf(root, size, "%s", name);
}

static void put_excl_address(struct out *o, const struct guest_insn *insn)
{
    if (insn->imm)
        put(o, "[%s, #%u]", reg(insn->rn), insn->imm);
    else
        put(o, "[%s]", reg(insn->rn));
}

/* Immediate of UDF from the decoder's imm (= the encoding). */
static uint32_t udf_imm(const struct guest_insn *insn)
{
    uint32_t v = insn->imm;
    if (!insn->thumb)
        return ((v >> 4) & 0xfff0u) | (v & 15u);
    if (insn->length == 2)
        return v & 0xffu;
    return ((v >> 16) & 15u) << 12 | (v & 0xfffu);
}

static void put_it(struct out *o, const struct guest_insn *insn)
{
    unsigned firstcond = (insn->imm >> 4) & 15u, mask = insn->imm & 15u;
    unsigned count = (mask & 1u) ? 4 : (mask & 2u) ? 3 : (mask & 4u) ? 2 : 1;
    char letters[4] = "";
    for (unsigned i = 1; i < count; i++)
        letters[i - 1] = ((mask >> (4 - i)) & 1u) == (firstcond & 1u) ? 't'
                                                                       : 'e';
    letters[count - 1] = '\0';
    put(o, "it%s\t%s", letters, firstcond == COND_AL ? "al" : cond_names[firstcond]);
}

static void put_msr_fields(struct out *o, const struct guest_insn *insn)
{
    put(o, "CPSR_%s%s", (insn->shift_amount & 8u) ? "f" : "",
        (insn->shift_amount & 4u) ? "s" : "");
}

/* Integer formats; returns false for VFP formats. */
static bool render_integer(struct out *o, const struct guest_insn *insn,
                           unsigned fmt, const char *root)
{
    bool s = insn->flags & F_S;
    char r[16];
    switch (fmt) {
    case FMT_BARE:
        put(o, "%s%s", root, cond_suffix(insn));
        break;
    case FMT_IT:
        put_it(o, insn);
        return true;
    case FMT_MOVW:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, ", reg(insn->rd));
        put_imm(o, insn->imm);
        break;
    case FMT_ADR: {
        bool add = (int32_t)insn->imm >= 0;
        uint32_t mag = add ? insn->imm : 0u - insn->imm;
        const char *ar = add ? "add" : "sub";
        if (insn->thumb && insn->length == 4)
            ar = add ? "addw" : "subw";
        mnemonic(o, insn, ar, false, NULL);
        put(o, "%s, pc, ", reg(insn->rd));
        put_imm(o, mag);
        put(o, "\t@ 0x%x", literal_address(insn, mag, add));
        break;
    }
    case FMT_MUL3:
        if (insn->op == OP_MUL && insn->thumb && insn->length == 2) {
            mnemonic(o, insn, root, s, NULL);    /* MULS Rdm, Rn */
            put(o, "%s, %s", reg(insn->rd), reg(insn->rn));
            break;
        }
        mnemonic(o, insn, root, s, NULL);
        put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rn), reg(insn->rm));
        break;
    case FMT_MUL4:
        mnemonic(o, insn, root, s, NULL);
        put(o, "%s, %s, %s, %s", reg(insn->rd), reg(insn->rn), reg(insn->rm),
            reg(insn->ra));
        break;
    case FMT_MULL:
        mnemonic(o, insn, root, s, NULL);
        put(o, "%s, %s, %s, %s", reg(insn->rd), reg(insn->ra), reg(insn->rn),
            reg(insn->rm));
        break;
    case FMT_HALF3: case FMT_HALF4: case FMT_HALFL:
        snprintf(r, sizeof r, "%s%c%c", root,
                 (insn->flags & F_NHIGH) ? 't' : 'b',
                 (insn->flags & F_MHIGH) ? 't' : 'b');
        return render_integer(o, insn, fmt == FMT_HALF3 ? FMT_MUL3 :
                              fmt == FMT_HALF4 ? FMT_MUL4 : FMT_MULL, r);
    case FMT_HALFW3: case FMT_HALFW4:
        snprintf(r, sizeof r, "%s%c", root,
                 (insn->flags & F_MHIGH) ? 't' : 'b');
        return render_integer(o, insn, fmt == FMT_HALFW3 ? FMT_MUL3 : FMT_MUL4,
                              r);
    case FMT_DUAL3: case FMT_DUAL4: case FMT_DUALL:
        snprintf(r, sizeof r, "%s%s", root, (insn->flags & F_X) ? "x" : "");
        return render_integer(o, insn, fmt == FMT_DUAL3 ? FMT_MUL3 :
                              fmt == FMT_DUAL4 ? FMT_MUL4 : FMT_MULL, r);
    case FMT_MMUL3: case FMT_MMUL4:
        snprintf(r, sizeof r, "%s%s", root, (insn->flags & F_ROUND) ? "r" : "");
        return render_integer(o, insn, fmt == FMT_MMUL3 ? FMT_MUL3 : FMT_MUL4,
                              r);
    case FMT_QARITH:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rm), reg(insn->rn));
        break;
    case FMT_SAT:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, #%u, %s", reg(insn->rd), insn->imm, reg(insn->rn));
        put_shift(o, insn->shift_type, insn->shift_amount);
        break;
    case FMT_SAT16:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, #%u, %s", reg(insn->rd), insn->imm, reg(insn->rn));
        break;
    case FMT_PARALLEL:
        if (insn->imm / 8 >= 6 || insn->imm % 8 >= 6)
            return false;
        snprintf(r, sizeof r, "%s%s", parallel_prefix[insn->imm / 8],
                 parallel_kind[insn->imm % 8]);
        return render_integer(o, insn, FMT_MUL3, r);
    case FMT_PKH:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rn), reg(insn->rm));
        put_shift(o, insn->shift_type, insn->shift_amount);
        break;
    case FMT_EXTEND: case FMT_EXTEND_ACC:
        mnemonic(o, insn, root, false, NULL);
        if (fmt == FMT_EXTEND_ACC)
            put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rn), reg(insn->rm));
        else
            put(o, "%s, %s", reg(insn->rd), reg(insn->rm));
        if (insn->shift_amount)
            put(o, ", ror #%u", insn->shift_amount);
        break;
    case FMT_RD_RM:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s", reg(insn->rd), reg(insn->rm));
        break;
    case FMT_BFC: case FMT_BFI: case FMT_BFX: {
        unsigned lsb = insn->imm & 0xffu, hi = (insn->imm >> 8) & 0xffu;
        unsigned width = fmt == FMT_BFX ? hi + 1 : hi - lsb + 1;
        mnemonic(o, insn, root, false, NULL);
        if (fmt == FMT_BFC)
            put(o, "%s, #%u, #%u", reg(insn->rd), lsb, width);
        else
            put(o, "%s, %s, #%u, #%u", reg(insn->rd), reg(insn->rn), lsb,
                width);
        break;
    }
    case FMT_BRANCH:
        mnemonic(o, insn, root, false, NULL);
        put(o, "0x%x", insn->imm);
        break;
    case FMT_BX:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s", reg(insn->rm));
        break;
    case FMT_CB:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, 0x%x", reg(insn->rn), insn->imm);
        break;
    case FMT_TBB: case FMT_TBH:
        mnemonic(o, insn, root, false, NULL);
        put(o, "[%s, %s%s]", reg(insn->rn), reg(insn->rm),
            fmt == FMT_TBH ? ", lsl #1" : "");
        break;
    case FMT_MEM:
        render_mem(o, insn, root);
        break;
    case FMT_MEMD:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, ", reg(insn->rd), reg(insn->ra));
        put_address(o, insn);
        break;
    case FMT_LDMSTM:
        render_ldm_stm(o, insn);
        break;
    case FMT_LDREX: case FMT_LDREXD: case FMT_STREX: case FMT_STREXD:
        exclusive_root(insn, root, r, sizeof r);
        mnemonic(o, insn, r, false, NULL);
        if (fmt == FMT_LDREX)
            put(o, "%s, ", reg(insn->rd));
        else if (fmt == FMT_LDREXD)
            put(o, "%s, %s, ", reg(insn->rd), reg(insn->ra));
        else if (fmt == FMT_STREX)
            put(o, "%s, %s, ", reg(insn->rd), reg(insn->rm));
        else
            put(o, "%s, %s, %s, ", reg(insn->rd), reg(insn->rm),
                reg(insn->ra));
        put_excl_address(o, insn);
        break;
    case FMT_LDA:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, [%s]", reg(insn->rd), reg(insn->rn));
        break;
    case FMT_SWP:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, [%s]", reg(insn->rd), reg(insn->rm), reg(insn->rn));
        break;
    case FMT_SVC:
        mnemonic(o, insn, root, false, NULL);
        if (insn->thumb)
            put(o, "%u", insn->imm);
        else
            put(o, "0x%08x", insn->imm);
        break;
    case FMT_BKPT:
        mnemonic(o, insn, root, false, NULL);
        put(o, "0x%04x", insn->imm);
        break;
    case FMT_UDF:
        mnemonic(o, insn, root, false, NULL);
        put(o, "#%u", udf_imm(insn));
        break;
    case FMT_BARRIER: {
        static const char *const kinds[3] = { "dmb", "dsb", "isb" };
        if (insn->imm > 2)
            return false;
        mnemonic(o, insn, kinds[insn->imm], false, NULL);
        put(o, "sy");
        break;
    }
    case FMT_MRS:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, CPSR", reg(insn->rd));
        break;
    case FMT_MSR_REG:
        mnemonic(o, insn, root, false, NULL);
        put_msr_fields(o, insn);
        put(o, ", %s", reg(insn->rm));
        break;
    case FMT_MSR_IMM:
        mnemonic(o, insn, root, false, NULL);
        put_msr_fields(o, insn);
        put(o, ", ");
        put_imm(o, insn->imm);
        break;
    case FMT_MRC_TPIDR:
        mnemonic(o, insn, root, false, NULL);
        put(o, "15, 0, %s, cr13, cr0, {%u}", reg(insn->rd), insn->imm);
        break;
    case FMT_MCR_TPIDR:
        mnemonic(o, insn, root, false, NULL);
        put(o, "15, 0, %s, cr13, cr0, {2}", reg(insn->rd));
        break;
    case FMT_UNDEFINED:
        if (insn->thumb && insn->length == 2)
            put(o, "undefined\t0x%04x", insn->raw & 0xffffu);
        else
            put(o, "undefined\t0x%08x", insn->raw);
        return true;
    default:
        return false;
    }
    return true;
}

/* ---- VFP formats -------------------------------------------------------------- */

static void put_vreg(struct out *o, unsigned r, bool dp)
{
    put(o, "%c%u", dp ? 'd' : 's', r & 31u);
}

static const char *ftype(const struct guest_insn *insn)
{
    return (insn->flags & VF_F64) ? ".f64" : ".f32";
}

/* VFPExpandImm result (f32 bits, or the f64's upper word) as a decimal
 * floating-point literal with at least one fractional digit. */
static void put_vfp_imm(struct out *o, const struct guest_insn *insn)
{
    double v;
    if (insn->flags & VF_F64) {
        uint64_t bits = (uint64_t)insn->imm << 32;
        memcpy(&v, &bits, sizeof v);
    } else {
        float f;
        uint32_t bits = insn->imm;
        memcpy(&f, &bits, sizeof f);
        v = f;
    }
    char num[32];
    snprintf(num, sizeof num, "%.8g", v);
    put(o, "#%s%s", num, strpbrk(num, ".en") ? "" : ".0");
}

static void render_vldm(struct out *o, const struct guest_insn *insn,
                        const char *root)
{
    bool dp = insn->flags & VF_F64, load = insn->op == OP_VLDM;
    bool pre = insn->flags & F_PRE, wback = insn->flags & F_WBACK;
    if (insn->rn == 13 && wback && (load ? !pre : pre)) {
        mnemonic(o, insn, load ? "vpop" : "vpush", false, NULL);
    } else {
        char r[8];
        snprintf(r, sizeof r, "%s%s", root, pre ? "db" : "ia");
        mnemonic(o, insn, r, false, NULL);
        put(o, "%s%s, ", reg(insn->rn), wback ? "!" : "");
    }
    put(o, "{");
    put_vreg(o, insn->rd, dp);
    if (insn->ra > 1) {
        put(o, "-");
        put_vreg(o, insn->rd + insn->ra - 1u, dp);
    }
    put(o, "}");
}

/* Crypto and CRC32 formats; false for any other format. */
static bool render_crypto(struct out *o, const struct guest_insn *insn,
                          unsigned fmt, const char *root)
{
    switch (fmt) {
    case FMT_CRYPTO2:
        mnemonic(o, insn, root, false, insn->shift_type == 0 ? ".8" : ".32");
        put(o, "q%u, q%u", insn->rd / 2u, insn->rm / 2u);
        return true;
    case FMT_CRYPTO3:
        mnemonic(o, insn, root, false, ".32");
        put(o, "q%u, q%u, q%u", insn->rd / 2u, insn->rn / 2u, insn->rm / 2u);
        return true;
    case FMT_VMULL_P64:
        mnemonic(o, insn, root, false, ".p64");
        put(o, "q%u, d%u, d%u", insn->rd / 2u, insn->rn, insn->rm);
        return true;
    case FMT_CRC32: {
        char r[16];
        snprintf(r, sizeof r, "%s%c", root, "bhw"[insn->shift_type % 3u]);
        mnemonic(o, insn, r, false, NULL);
        put(o, "%s, %s, %s", reg(insn->rd), reg(insn->rn), reg(insn->rm));
        return true;
    }
    default:
        return false;
    }
}

static bool render_vfp(struct out *o, const struct guest_insn *insn,
                       unsigned fmt, const char *root)
{
    bool dp = insn->flags & VF_F64;
    bool sgn = insn->flags & VF_SIGNED;
    char dt[16];
    switch (fmt) {
    case FMT_VLDR:
        mnemonic(o, insn, root, false, NULL);
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_address(o, insn);
        break;
    case FMT_VLDM:
        render_vldm(o, insn, root);
        break;
    case FMT_VMOV_CORE_S:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, ", reg(insn->rd));
        put_vreg(o, insn->rn, false);
        break;
    case FMT_VMOV_S_CORE:
        mnemonic(o, insn, root, false, NULL);
        put_vreg(o, insn->rd, false);
        put(o, ", %s", reg(insn->rm));
        break;
    case FMT_VMOV_CORE2_S2:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, ", reg(insn->rd), reg(insn->ra));
        put_vreg(o, insn->rm, false);
        put(o, ", ");
        put_vreg(o, insn->rm + 1u, false);
        break;
    case FMT_VMOV_S2_CORE2:
        mnemonic(o, insn, root, false, NULL);
        put_vreg(o, insn->rm, false);
        put(o, ", ");
        put_vreg(o, insn->rm + 1u, false);
        put(o, ", %s, %s", reg(insn->rd), reg(insn->ra));
        break;
    case FMT_VMOV_CORE2_D:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, %s, ", reg(insn->rd), reg(insn->ra));
        put_vreg(o, insn->rm, true);
        break;
    case FMT_VMOV_D_CORE2:
        mnemonic(o, insn, root, false, NULL);
        put_vreg(o, insn->rm, true);
        put(o, ", %s, %s", reg(insn->rd), reg(insn->ra));
        break;
    case FMT_VMOV_CORE_DHALF:
        mnemonic(o, insn, root, false, ".32");
        put(o, "%s, ", reg(insn->rd));
        put_vreg(o, insn->rn, true);
        put(o, "[%u]", insn->imm & 1u);
        break;
    case FMT_VMOV_DHALF_CORE:
        mnemonic(o, insn, root, false, ".32");
        put_vreg(o, insn->rd, true);
        put(o, "[%u], %s", insn->imm & 1u, reg(insn->rm));
        break;
    case FMT_V2:
        mnemonic(o, insn, root, false, ftype(insn));
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vreg(o, insn->rm, dp);
        break;
    case FMT_V3:
        mnemonic(o, insn, root, false, ftype(insn));
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vreg(o, insn->rn, dp);
        put(o, ", ");
        put_vreg(o, insn->rm, dp);
        break;
    case FMT_VMOV_IMM:
        mnemonic(o, insn, root, false, ftype(insn));
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vfp_imm(o, insn);
        break;
    case FMT_VMRS:
        mnemonic(o, insn, root, false, NULL);
        put(o, "%s, fpscr", insn->rd == 15 ? "APSR_nzcv" : reg(insn->rd));
        break;
    case FMT_VMSR:
        mnemonic(o, insn, root, false, NULL);
        put(o, "fpscr, %s", reg(insn->rd));
        break;
    case FMT_VCMP:
        mnemonic(o, insn, root, false, ftype(insn));
        put_vreg(o, insn->rd, dp);
        if (insn->flags & VF_CMP_ZERO) {
            put(o, ", #0.0");
        } else {
            put(o, ", ");
            put_vreg(o, insn->rm, dp);
        }
        break;
    case FMT_VCVT_F64_F32: case FMT_VCVT_F32_F64: {
        bool to64 = fmt == FMT_VCVT_F64_F32;
        mnemonic(o, insn, root, false, to64 ? ".f64.f32" : ".f32.f64");
        put_vreg(o, insn->rd, to64);
        put(o, ", ");
        put_vreg(o, insn->rm, !to64);
        break;
    }
    case FMT_VCVT_F_INT:
        snprintf(dt, sizeof dt, "%s.%s32", ftype(insn), sgn ? "s" : "u");
        mnemonic(o, insn, root, false, dt);
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vreg(o, insn->rm, false);
        break;
    case FMT_VCVT_INT_F:
        snprintf(dt, sizeof dt, ".%s32%s", sgn ? "s" : "u", ftype(insn));
        mnemonic(o, insn, (insn->flags & VF_RMODE) ? "vcvtr" : root, false,
                 dt);
        put_vreg(o, insn->rd, false);
        put(o, ", ");
        put_vreg(o, insn->rm, dp);
        break;
    case FMT_VCVT_F_FIXED: case FMT_VCVT_FIXED_F:
        if (fmt == FMT_VCVT_F_FIXED)
            snprintf(dt, sizeof dt, "%s.%s%u", ftype(insn), sgn ? "s" : "u",
                     insn->imm & 63u);
        else
            snprintf(dt, sizeof dt, ".%s%u%s", sgn ? "s" : "u",
                     insn->imm & 63u, ftype(insn));
        mnemonic(o, insn, root, false, dt);
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vreg(o, insn->rd, dp);
        put(o, ", #%u", insn->shift_amount);
        break;
    case FMT_VCVT_HALF: {
        bool from16 = insn->op == OP_VCVT_F32_F16 ||
                      insn->op == OP_VCVT_F64_F16;
        bool wide = insn->op == OP_VCVT_F64_F16 ||
                    insn->op == OP_VCVT_F16_F64;
        snprintf(dt, sizeof dt, from16 ? ".%s.f16" : ".f16.%s",
                 wide ? "f64" : "f32");
        mnemonic(o, insn, (insn->imm & 1u) ? "vcvtt" : "vcvtb", false, dt);
        put_vreg(o, insn->rd, wide && from16);
        put(o, ", ");
        put_vreg(o, insn->rm, wide && !from16);
        break;
    }
    case FMT_VSEL: {
        static const char *const sel_conds[4] = { "eq", "vs", "ge", "gt" };
        snprintf(dt, sizeof dt, "vsel%s", sel_conds[insn->imm & 3u]);
        put(o, "%s%s\t", dt, ftype(insn));  /* unconditional: no cond */
        put_vreg(o, insn->rd, dp);
        put(o, ", ");
        put_vreg(o, insn->rn, dp);
        put(o, ", ");
        put_vreg(o, insn->rm, dp);
        break;
    }
    case FMT_VRINT: case FMT_VCVT_RM: {
        /* Rounding imm: 0 n, 1 p, 2 m, 3 z, 4 a (insn_vfp_ops.h). */
        static const char modes[5] = { 'n', 'p', 'm', 'z', 'a' };
        char mode = (insn->flags & VF_RMODE) ? 'r'
                    : insn->imm < 5 ? modes[insn->imm] : '?';
        snprintf(dt, sizeof dt, "%s%c", root, mode);
        if (fmt == FMT_VRINT)
            return render_vfp(o, insn, FMT_V2, dt);
        char types[16];
        snprintf(types, sizeof types, ".%s32%s", sgn ? "s" : "u", ftype(insn));
        mnemonic(o, insn, dt, false, types);
        put_vreg(o, insn->rd, false);
        put(o, ", ");
        put_vreg(o, insn->rm, dp);
        break;
    }
    case FMT_VJCVT:
        mnemonic(o, insn, root, false, ".s32.f64");
        put_vreg(o, insn->rd, false);
        put(o, ", ");
        put_vreg(o, insn->rm, true);
        break;
    default:
        return false;
    }
    return true;
}

/* ---- Entry point -------------------------------------------------------------- */

size_t guest_disasm(const struct guest_insn *insn, char *buf, size_t size)
{
    struct out o = { buf, size, 0 };
    if (size)
        buf[0] = '\0';
    unsigned op = insn->op;
    bool done = false;
    if (is_dataproc(op)) {
        render_dataproc(&o, insn);
        done = true;
    } else if (op < OP_COUNT && op_formats[op].fmt != FMT_NONE) {
        const struct op_format *f = &op_formats[op];
        const char *root = f->root ? f->root : guest_op_name(op);
        struct out start = o;
        done = render_integer(&o, insn, f->fmt, root) ||
               render_crypto(&o, insn, f->fmt, root) ||
               render_vfp(&o, insn, f->fmt, root);
        if (!done)
            o = start;
    }
    if (!done) {
        /* No format for this op (or fields outside the op's convention). */
        put(&o, "%s%s\t@ op %u, raw 0x%08x", guest_op_name(op),
            cond_names[insn->cond & 15u], op, insn->raw);
    }
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return o.len;
}

/* ---- Pattern lookup --------------------------------------------------------- */

static const struct guest_insn_pattern *
first_accepting(const struct guest_insn_pattern *table, unsigned count,
                const struct guest_insn *proto, uint32_t raw)
{
    for (unsigned i = 0; i < count; i++) {
        const struct guest_insn_pattern *p = &table[i];
        if ((raw & p->mask) != p->value)
            continue;
        struct guest_insn scratch = *proto;
        if (p->decode(p, raw, &scratch))
            return p;
    }
    return NULL;
}

const struct guest_insn_pattern *guest_disasm_find_pattern(bool thumb,
                                                           uint32_t pc,
                                                           uint32_t raw,
                                                           unsigned itstate)
{
    struct guest_insn proto = {
        .pc = pc, .raw = raw, .op = OP_UNDEFINED, .cond = COND_AL,
        .length = 4,
    };
    const struct guest_insn_pattern *table = guest_a32_patterns;
    unsigned count = guest_a32_pattern_count;
    if (thumb) {
        bool wide = raw > 0xffffu && guest_t32_is_32bit((uint16_t)(raw >> 16));
        unsigned it = itstate & 0xffu;
        proto.length = wide ? 4 : 2;
        proto.itstate = (uint8_t)it;
        proto.thumb = 1;
        proto.cond = (uint8_t)((it & 0xfu) ? it >> 4 : COND_AL);
        table = wide ? guest_t32_patterns : guest_t16_patterns;
        count = wide ? guest_t32_pattern_count : guest_t16_pattern_count;
        if (!wide)
            raw &= 0xffffu;
        proto.raw = raw;
    }
    const struct guest_insn_pattern *p = first_accepting(table, count, &proto,
                                                         raw);
    if (p && p->group == GROUP_VFP) {
        uint32_t a32 = thumb ? 0xe0000000u | (raw & 0x0fffffffu) : raw;
        const struct guest_insn_pattern *v =
            first_accepting(guest_vfp_patterns, guest_vfp_pattern_count,
                            &proto, a32);
        if (v)
            p = v;
    }
    return p;
}

const char *guest_disasm_pattern_name(bool thumb, uint32_t pc, uint32_t raw,
                                      unsigned itstate)
{
    const struct guest_insn_pattern *p =
        guest_disasm_find_pattern(thumb, pc, raw, itstate);
    return p ? p->name : "(no pattern)";
}

const char *guest_disasm_insn_pattern_name(const struct guest_insn *insn)
{
    return guest_disasm_pattern_name(insn->thumb, insn->pc, insn->raw,
                                     insn->itstate);
}
