/*
 * x86-64 JIT backend (exec/jit_backend.h): emits machine code for runs of
 * integer instructions with the semantics of the interpreter's bodies
 * (exec/interp_block.c, exec/interp_mem.c), which the differential tests
 * hold against qemu-arm. Encodings: x86_encode.h.
 *
 * Code shape: the run is a leaf function (SysV ABI) using only
 * caller-saved registers, so it needs no prologue:
 *   rdi  the guest_thread (its guest_cpu is the first member)
 *   rsi  &interp_current (the running thread's)
 *   r8   guest_base
 *   eax, ecx scratch; edx scratch and flag values; r9 64-bit constants
 * Guest registers and the N Z C V words stay in the guest_cpu: each
 * instruction loads what it reads and stores what it writes. Flags come
 * from the host's flags (setcc, stored as whole 0/1 words; ARM's C after
 * a subtraction is the inverse of x86's borrow). Guest memory is
 * [r8 + zero-extended 32-bit address].
 */
#include <stddef.h>
#include <string.h>

#include "exec/interp.h"
#include "exec/jit.h"
#include "exec/jit_backend.h"
#include "mem/guest_mem.h"
#include "host/x86_64/x86_encode.h"

bool jit_backend_available(void)
{
    return true;
}

#define CPU_OFF(field) ((uint32_t)(offsetof(struct guest_thread, cpu) + \
                                   offsetof(struct guest_cpu, field)))
#define REG_OFF(n) (CPU_OFF(r) + 4u * (uint32_t)(n))

/* flag word [rdi + off] = cc ? 1 : 0, written as a whole dword (setcc dl;
 * movzx edx, dl; mov [rdi + off], edx): a byte store followed by the
 * dword loads that read flags would defeat store forwarding. Uses edx. */
static void setcc_flag(struct emitter *em, unsigned cc, uint32_t off)
{
    byte1(em, 0x0f);
    byte1(em, 0x90u | cc);
    byte1(em, 0xc2);
    byte1(em, 0x0f);
    byte1(em, 0xb6);
    byte1(em, 0xd2);
    store32(em, off, EDX);
}

/* CF = guest C: bt dword [rdi + flag_c], 0 */
static void carry_in(struct emitter *em)
{
    byte1(em, 0x0f);
    byte1(em, 0xba);
    mem_rdi(em, 4, CPU_OFF(flag_c));
    byte1(em, 0);
}

/* interp_current = e (mov r9, imm64; mov [rsi], r9): before any access
 * that may fault. */
static void set_current(struct emitter *em, const struct exec_insn *e)
{
    byte1(em, 0x49);
    byte1(em, 0xb9);
    imm64(em, (uintptr_t)e);
    byte1(em, 0x4c);
    byte1(em, 0x89);
    byte1(em, 0x0e);
}

static void branch_exit(struct emitter *em, const struct exec_insn *e)
{
    return_value(em, (uintptr_t)e | JIT_EXIT_BRANCH);
}

/* ---- chaining -------------------------------------------------------------- */

/* Where the run leaves its block through link slot (0: fall-through, 1:
 * taken branch to the block with key): continue in the successor's run
 * directly when the interpreter would chain there (no signal pending, the
 * link valid, for a branch the successor's key matching) and the
 * successor starts with a run; otherwise return exit_value. The
 * interpreter learns the new block from thread->jit_block. */
static void emit_chain(struct emitter *em, const struct exec_block *block, unsigned slot,
                       bool check_key, uint64_t key, uintptr_t exit_value)
{
    uint8_t *out[4];
    unsigned nout = 0;
    cmp_zero(em, (uint32_t)offsetof(struct guest_thread, signal_pending));
    out[nout++] = jcc_forward(em, CC_NE);
    byte1(em, 0x49);                    /* mov r9, &block->link_epoch[slot] */
    byte1(em, 0xb9);
    imm64(em, (uintptr_t)&block->link_epoch[slot]);
    byte1(em, 0x41);                    /* mov eax, [r9] */
    byte1(em, 0x8b);
    byte1(em, 0x01);
    byte1(em, 0x49);                    /* mov r9, &exec_link_epoch */
    byte1(em, 0xb9);
    imm64(em, (uintptr_t)&exec_link_epoch);
    byte1(em, 0x41);                    /* cmp eax, [r9] */
    byte1(em, 0x3b);
    byte1(em, 0x01);
    out[nout++] = jcc_forward(em, CC_NE);
    byte1(em, 0x49);                    /* mov r9, &block->succ[slot] */
    byte1(em, 0xb9);
    imm64(em, (uintptr_t)&block->succ[slot]);
    byte1(em, 0x49);                    /* mov rax, [r9] */
    byte1(em, 0x8b);
    byte1(em, 0x01);
    if (check_key) {
        byte1(em, 0x49);                /* mov r9, key */
        byte1(em, 0xb9);
        imm64(em, key);
        byte1(em, 0x4c);                /* cmp [rax + key], r9 */
        byte1(em, 0x39);
        byte1(em, 0x88);
        imm32(em, (uint32_t)offsetof(struct exec_block, key));
        out[nout++] = jcc_forward(em, CC_NE);
    }
    byte1(em, 0x4c);                    /* mov r9, [rax + insns[0].jit_code] */
    byte1(em, 0x8b);
    byte1(em, 0x88);
    imm32(em, (uint32_t)(offsetof(struct exec_block, insns) +
                         offsetof(struct exec_insn, jit_code)));
    byte1(em, 0x4d);                    /* test r9, r9 */
    byte1(em, 0x85);
    byte1(em, 0xc9);
    out[nout++] = jcc_forward(em, CC_E);
    byte1(em, 0x48);                    /* mov [rdi + jit_block], rax */
    byte1(em, 0x89);
    mem_rdi(em, EAX, (uint32_t)offsetof(struct guest_thread, jit_block));
    byte1(em, 0x0f);                    /* movzx ecx, word [rax + count] */
    byte1(em, 0xb7);
    byte1(em, 0x88);
    imm32(em, (uint32_t)offsetof(struct exec_block, count));
    byte1(em, 0x48);                    /* add [rdi + insn_count], rcx */
    byte1(em, 0x01);
    mem_rdi(em, ECX, (uint32_t)offsetof(struct guest_thread, insn_count));
    byte1(em, 0x41);                    /* jmp r9 */
    byte1(em, 0xff);
    byte1(em, 0xe1);
    for (unsigned i = 0; i < nout; i++)
        patch_here(em, out[i]);
    return_value(em, exit_value);
}

/* A taken direct branch to target (same instruction set): ITSTATE 0, as
 * the interpreter's branch_taken sets it, then chain or leave. */
static void emit_direct_branch_exit(struct emitter *em, const struct exec_block *block,
                                    const struct exec_insn *e, uint32_t target)
{
    store_imm32(em, CPU_OFF(itstate), 0);
    emit_chain(em, block, 1, true, exec_block_key(target, e->g.thumb, 0),
               (uintptr_t)e | JIT_EXIT_BRANCH);
}

/* ---- conditions ---------------------------------------------------------- */

/* Emits the test of cond; the returned jumps (up to two, NULL-padded) go
 * to the end of the instruction when it fails. */
static void emit_condition(struct emitter *em, unsigned cond, uint8_t *skip[2])
{
    skip[0] = skip[1] = NULL;
    uint32_t n = CPU_OFF(flag_n), z = CPU_OFF(flag_z), c = CPU_OFF(flag_c), v = CPU_OFF(flag_v);
    uint8_t *pass;
    switch (cond) {
    case COND_EQ: cmp_zero(em, z); skip[0] = jcc_forward(em, CC_E); break;
    case COND_NE: cmp_zero(em, z); skip[0] = jcc_forward(em, CC_NE); break;
    case COND_CS: cmp_zero(em, c); skip[0] = jcc_forward(em, CC_E); break;
    case COND_CC: cmp_zero(em, c); skip[0] = jcc_forward(em, CC_NE); break;
    case COND_MI: cmp_zero(em, n); skip[0] = jcc_forward(em, CC_E); break;
    case COND_PL: cmp_zero(em, n); skip[0] = jcc_forward(em, CC_NE); break;
    case COND_VS: cmp_zero(em, v); skip[0] = jcc_forward(em, CC_E); break;
    case COND_VC: cmp_zero(em, v); skip[0] = jcc_forward(em, CC_NE); break;
    case COND_HI:       /* C && !Z */
        cmp_zero(em, c);
        skip[0] = jcc_forward(em, CC_E);
        cmp_zero(em, z);
        skip[1] = jcc_forward(em, CC_NE);
        break;
    case COND_LS:       /* !C || Z: fails only with C && !Z */
        cmp_zero(em, c);
        pass = jcc_forward(em, CC_E);
        cmp_zero(em, z);
        skip[0] = jcc_forward(em, CC_E);
        patch_here(em, pass);
        break;
    case COND_GE:       /* N == V */
    case COND_LT:
        load32(em, EAX, n);
        byte1(em, 0x3b);            /* cmp eax, [rdi + v] */
        mem_rdi(em, EAX, v);
        skip[0] = jcc_forward(em, cond == COND_GE ? CC_NE : CC_E);
        break;
    case COND_GT:       /* !Z && N == V */
        cmp_zero(em, z);
        skip[0] = jcc_forward(em, CC_NE);
        load32(em, EAX, n);
        byte1(em, 0x3b);
        mem_rdi(em, EAX, v);
        skip[1] = jcc_forward(em, CC_NE);
        break;
    case COND_LE:       /* Z || N != V: fails only with !Z && N == V */
        cmp_zero(em, z);
        pass = jcc_forward(em, CC_NE);
        load32(em, EAX, n);
        byte1(em, 0x3b);
        mem_rdi(em, EAX, v);
        skip[0] = jcc_forward(em, CC_E);
        patch_here(em, pass);
        break;
    default:
        break;
    }
}

static void emit_bx_write_pc(struct emitter *em, const struct exec_insn *e);

/* host = guest register reg; the PC reads as the instruction's PC read
 * value (what the interpreter's generic body puts in r[15]). */
static void load_operand(struct emitter *em, unsigned host, unsigned reg, const struct exec_insn *e)
{
    if (reg == 15)
        mov_imm(em, host, e->pc_read);
    else
        load32(em, host, REG_OFF(reg));
}

/* ---- data processing ------------------------------------------------------ */

static void set_nz(struct emitter *em, unsigned host)
{
    alu(em, 0x85, host, host);                /* test host, host */
    setcc_flag(em, CC_S, CPU_OFF(flag_n));
    setcc_flag(em, CC_E, CPU_OFF(flag_z));
}

/* After an x86 add/adc (add = true) or sub/sbb/cmp: N Z C V. */
static void set_nzcv(struct emitter *em, bool add)
{
    setcc_flag(em, CC_O, CPU_OFF(flag_v));
    setcc_flag(em, add ? CC_B : CC_AE, CPU_OFF(flag_c));
    setcc_flag(em, CC_S, CPU_OFF(flag_n));
    setcc_flag(em, CC_E, CPU_OFF(flag_z));
}

/* ecx = the shifted-register operand; with set_carry, the guest C becomes
 * the shifter's carry-out. False for what is not handled here. */
static bool emit_shifted_operand(struct emitter *em, const struct guest_insn *in, bool set_carry)
{
    load32(em, ECX, REG_OFF(in->rm));
    unsigned amount = in->shift_amount;
    if (in->shift_type == SHIFT_RRX) {
        carry_in(em);
        byte1(em, 0xd1);            /* rcr ecx, 1 */
        byte1(em, 0xd9);
    } else if (amount == 0) {
        return !set_carry;          /* plain register: the caller's REG form */
    } else if (amount < 32) {
        static const unsigned digit[] = { [SHIFT_LSL] = SH_SHL, [SHIFT_LSR] = SH_SHR,
                                          [SHIFT_ASR] = SH_SAR, [SHIFT_ROR] = SH_ROR };
        shift_imm(em, digit[in->shift_type], ECX, amount);
    } else if (amount == 32 && !set_carry && in->shift_type == SHIFT_LSR) {
        alu(em, ALU_XOR, ECX, ECX);
    } else if (amount == 32 && !set_carry && in->shift_type == SHIFT_ASR) {
        shift_imm(em, SH_SAR, ECX, 31);
    } else {
        return false;
    }
    if (set_carry)
        setcc_flag(em, CC_B, CPU_OFF(flag_c));
    return true;
}

/* ecx = r[rm] shifted by the bottom byte of r[ra] (register-shifted
 * register, without the shifter's carry-out): ARM shifts by 32 or more
 * give 0 (LSL, LSR) or the sign (ASR), where x86 masks the count; ROR
 * counts modulo 32. Uses edx and r11d. */
static void emit_register_shifted_operand(struct emitter *em, const struct guest_insn *in)
{
    load32(em, EDX, REG_OFF(in->rm));
    load32(em, ECX, REG_OFF(in->ra));
    byte1(em, 0x81);                    /* and ecx, 0xff */
    byte1(em, 0xe1);
    imm32(em, 0xffu);
    switch (in->shift_type) {
    case SHIFT_LSL:
    case SHIFT_LSR:
        byte1(em, 0xd3);                /* shl/shr edx, cl */
        byte1(em, in->shift_type == SHIFT_LSL ? 0xe2 : 0xea);
        byte1(em, 0x45);                /* xor r11d, r11d */
        byte1(em, 0x31);
        byte1(em, 0xdb);
        byte1(em, 0x83);                /* cmp ecx, 32 */
        byte1(em, 0xf9);
        byte1(em, 32);
        byte1(em, 0x41);                /* cmovae edx, r11d */
        byte1(em, 0x0f);
        byte1(em, 0x43);
        byte1(em, 0xd3);
        break;
    case SHIFT_ASR:
        byte1(em, 0x41);                /* mov r11d, 31 */
        byte1(em, 0xbb);
        imm32(em, 31);
        byte1(em, 0x83);                /* cmp ecx, 31 */
        byte1(em, 0xf9);
        byte1(em, 31);
        byte1(em, 0x41);                /* cmova ecx, r11d */
        byte1(em, 0x0f);
        byte1(em, 0x47);
        byte1(em, 0xcb);
        byte1(em, 0xd3);                /* sar edx, cl */
        byte1(em, 0xfa);
        break;
    default:                            /* ROR */
        byte1(em, 0xd3);                /* ror edx, cl */
        byte1(em, 0xca);
        break;
    }
    alu(em, ALU_MOV, ECX, EDX);
}

/* r11d op= cl (x86 shift by register, counts 1..31 here). */
static void shift_r11_cl(struct emitter *em, unsigned type)
{
    static const uint8_t modrm[] = { [SHIFT_LSL] = 0xe3, [SHIFT_LSR] = 0xeb,
                                     [SHIFT_ASR] = 0xfb, [SHIFT_ROR] = 0xcb };
    byte1(em, 0x41);
    byte1(em, 0xd3);
    byte1(em, modrm[type]);
}

/* CF = bit of r11d; then guest C = CF. */
static void carry_from_r11_bit(struct emitter *em, unsigned bit)
{
    byte1(em, 0x41);                    /* bt r11d, bit */
    byte1(em, 0x0f);
    byte1(em, 0xba);
    byte1(em, 0xe3);
    byte1(em, bit);
    setcc_flag(em, CC_B, CPU_OFF(flag_c));
}

/* ecx = r[rm] shifted by the bottom byte of r[ra], and guest C = the
 * shifter's carry-out (Shift_C): a zero count leaves value and C; LSL/LSR
 * by 32 give 0 with C = bit 0 / bit 31, beyond 32 give 0 with C = 0; ASR
 * by 32 or more gives the sign in both; ROR by a multiple of 32 keeps the
 * value with C = bit 31. */
static void emit_register_shifted_operand_carry(struct emitter *em, const struct guest_insn *in)
{
    uint8_t *done[4] = { NULL, NULL, NULL, NULL };
    unsigned ndone = 0;
    byte1(em, 0x44);                    /* mov r11d, [rdi + rm] */
    byte1(em, 0x8b);
    mem_rdi(em, 3, REG_OFF(in->rm));
    load32(em, ECX, REG_OFF(in->ra));
    byte1(em, 0x81);                    /* and ecx, 0xff */
    byte1(em, 0xe1);
    imm32(em, 0xffu);
    alu(em, 0x85, ECX, ECX);            /* test ecx, ecx */
    done[ndone++] = jcc_forward(em, CC_E);
    if (in->shift_type == SHIFT_ROR) {
        byte1(em, 0xf7);                /* test ecx, 31 */
        byte1(em, 0xc1);
        imm32(em, 31);
        uint8_t *normal = jcc_forward(em, CC_NE);
        carry_from_r11_bit(em, 31);
        done[ndone++] = jmp_forward(em);
        patch_here(em, normal);
        shift_r11_cl(em, SHIFT_ROR);
        setcc_flag(em, CC_B, CPU_OFF(flag_c));
    } else {
        byte1(em, 0x83);                /* cmp ecx, 32 */
        byte1(em, 0xf9);
        byte1(em, 32);
        uint8_t *big = jcc_forward(em, CC_AE);
        shift_r11_cl(em, in->shift_type);
        setcc_flag(em, CC_B, CPU_OFF(flag_c));
        done[ndone++] = jmp_forward(em);
        patch_here(em, big);
        if (in->shift_type == SHIFT_ASR) {
            carry_from_r11_bit(em, 31);
            byte1(em, 0x41);            /* sar r11d, 31 */
            byte1(em, 0xc1);
            byte1(em, 0xfb);
            byte1(em, 31);
        } else {
            uint8_t *over = jcc_forward(em, CC_NE);     /* still from cmp ecx, 32 */
            carry_from_r11_bit(em, in->shift_type == SHIFT_LSL ? 0 : 31);
            uint8_t *zero = jmp_forward(em);
            patch_here(em, over);
            store_imm32(em, CPU_OFF(flag_c), 0);
            patch_here(em, zero);
            byte1(em, 0x45);            /* xor r11d, r11d */
            byte1(em, 0x31);
            byte1(em, 0xdb);
        }
    }
    for (unsigned i = 0; i < ndone; i++)
        patch_here(em, done[i]);
    byte1(em, 0x44);                    /* mov ecx, r11d */
    byte1(em, 0x89);
    byte1(em, 0xd9);
}

static bool emit_data_processing(struct emitter *em, const struct exec_insn *e, bool *ends_run)
{
    const struct guest_insn *in = &e->g;
    unsigned kind = (in->op - OP_AND_IMM) / 3, form = (in->op - OP_AND_IMM) % 3;
    unsigned base = OP_AND_IMM + kind * 3;
    bool compare = base == OP_TST_IMM || base == OP_TEQ_IMM || base == OP_CMP_IMM ||
                   base == OP_CMN_IMM;
    bool flags = compare || (in->flags & F_S);
    bool logical = base != OP_SUB_IMM && base != OP_RSB_IMM && base != OP_ADD_IMM &&
                   base != OP_ADC_IMM && base != OP_SBC_IMM && base != OP_RSC_IMM &&
                   base != OP_CMP_IMM && base != OP_CMN_IMM;
    bool reads_rn = base != OP_MOV_IMM && base != OP_MVN_IMM;
    /* A shifted PC and flag-setting writes to the PC stay with the
     * interpreter; the PC as an operand is its read value. */
    bool writes_pc = !compare && in->rd == 15;
    if ((form == 1 && in->rm == 15 && in->shift_amount) || (writes_pc && (in->flags & F_S)))
        return false;
    /* Register-shifted registers: not the PC. */
    if (form == 2 && (writes_pc || in->rm == 15 || in->ra == 15 || (reads_rn && in->rn == 15) ||
                      in->shift_type == SHIFT_RRX))
        return false;
    bool plain = form == 1 && in->shift_amount == 0 && in->shift_type == SHIFT_LSL;
    /* Operand 2 in ecx. Logical S forms set C from the shifter (a shifted
     * register) or from bit 31 of a rotated immediate (F_IMM_CARRY), and
     * leave it otherwise; arithmetic sets C itself. */
    if (form == 0) {
        if (flags && logical && (in->flags & F_IMM_CARRY))
            store_imm32(em, CPU_OFF(flag_c), in->imm >> 31);
        mov_imm(em, ECX, in->imm);
    } else if (form == 2) {
        if (flags && logical)
            emit_register_shifted_operand_carry(em, in);
        else
            emit_register_shifted_operand(em, in);
    } else if (plain) {
        load_operand(em, ECX, in->rm, e);
    } else {
        if (!emit_shifted_operand(em, in, flags && logical))
            return false;
    }
    unsigned result = EAX;
    if (reads_rn)
        load_operand(em, EAX, in->rn, e);
    switch (base) {
    case OP_AND_IMM: case OP_TST_IMM: alu(em, ALU_AND, EAX, ECX); break;
    case OP_EOR_IMM: case OP_TEQ_IMM: alu(em, ALU_XOR, EAX, ECX); break;
    case OP_ORR_IMM: alu(em, ALU_OR, EAX, ECX); break;
    case OP_BIC_IMM: not32(em, ECX); alu(em, ALU_AND, EAX, ECX); break;
    case OP_ORN_IMM: not32(em, ECX); alu(em, ALU_OR, EAX, ECX); break;
    case OP_MOV_IMM: result = ECX; break;
    case OP_MVN_IMM: not32(em, ECX); result = ECX; break;
    case OP_ADD_IMM: alu(em, ALU_ADD, EAX, ECX); break;
    case OP_CMN_IMM: alu(em, ALU_ADD, EAX, ECX); break;
    case OP_SUB_IMM: alu(em, ALU_SUB, EAX, ECX); break;
    case OP_CMP_IMM: alu(em, ALU_CMP, EAX, ECX); break;
    case OP_RSB_IMM: alu(em, ALU_SUB, ECX, EAX); result = ECX; break;
    case OP_ADC_IMM: carry_in(em); alu(em, ALU_ADC, EAX, ECX); break;
    /* a + ~b + C is a - b - borrow with borrow = !C */
    case OP_SBC_IMM: carry_in(em); cmc(em); alu(em, ALU_SBB, EAX, ECX); break;
    case OP_RSC_IMM: carry_in(em); cmc(em); alu(em, ALU_SBB, ECX, EAX); result = ECX; break;
    default: return false;
    }
    if (flags) {
        if (logical)
            set_nz(em, result);
        else
            set_nzcv(em, base == OP_ADD_IMM || base == OP_CMN_IMM || base == OP_ADC_IMM);
    }
    if (writes_pc) {
        /* ALUWritePC: BXWritePC with F_INTERWORK, else BranchWritePC. */
        if (result != ECX)
            alu(em, ALU_MOV, ECX, result);
        if (in->flags & F_INTERWORK) {
            emit_bx_write_pc(em, e);
        } else {
            byte1(em, 0x81);            /* and ecx, ~1 (Thumb) or ~3 */
            byte1(em, 0xe1);
            imm32(em, in->thumb ? ~1u : ~3u);
            store32(em, REG_OFF(15), ECX);
            branch_exit(em, e);
        }
        *ends_run = in->cond >= COND_AL;
    } else if (!compare) {
        store32(em, REG_OFF(in->rd), result);
    }
    return true;
}

/* ---- loads and stores ------------------------------------------------------ */

/* Word/byte/halfword loads and stores as the interpreter's generic body:
 * base (the PC allowed, as for literals), immediate or LSL-shifted
 * register offset added or subtracted, pre- or post-indexed, writeback
 * before the loaded register, LDR to the PC as BXWritePC. The specialised
 * forms arrive with the offset's sign folded into imm and F_ADD set, which
 * the same code handles. */
static bool emit_load_store(struct emitter *em, const struct exec_insn *e, bool *ends_run)
{
    const struct guest_insn *in = &e->g;
    unsigned index = in->op - OP_LDR_IMM;
    bool is_imm = (index & 1) == 0;
    unsigned kind = index >> 1;         /* LDR LDRB LDRH LDRSB LDRSH STR STRB STRH */
    bool store = kind >= 5;
    bool writeback = in->flags & F_WBACK, pre = in->flags & F_PRE;
    if ((writeback && in->rn == 15) || (!is_imm && in->rm == 15) ||
        (!is_imm && (in->shift_type != SHIFT_LSL || in->shift_amount > 31)) ||
        (!store && in->rd == 15 && kind != 0))
        return false;
    set_current(em, e);
    if (store)
        load_operand(em, ECX, in->rd, e);
    load_operand(em, EAX, in->rn, e);
    alu(em, ALU_MOV, EDX, EAX);         /* edx: the offset address */
    if (is_imm) {
        add_imm(em, EDX, (in->flags & F_ADD) ? in->imm : 0u - in->imm);
    } else {
        byte1(em, 0x44);                /* mov r10d, [rdi + rm] */
        byte1(em, 0x8b);
        mem_rdi(em, 2, REG_OFF(in->rm));
        if (in->shift_amount) {
            byte1(em, 0x41);            /* shl r10d, amount */
            byte1(em, 0xc1);
            byte1(em, 0xe2);
            byte1(em, in->shift_amount);
        }
        byte1(em, 0x44);                /* add/sub edx, r10d */
        byte1(em, (in->flags & F_ADD) ? 0x01 : 0x29);
        byte1(em, 0xd2);
    }
    if (pre)
        alu(em, ALU_MOV, EAX, EDX);     /* eax: the address */
    /* The access: [r8 + rax], ecx the value (SIB: base r8, index rax). */
    static const uint8_t access[8][4] = {
        { 0x8b },               /* mov ecx, dword */
        { 0x0f, 0xb6 },         /* movzx ecx, byte */
        { 0x0f, 0xb7 },         /* movzx ecx, word */
        { 0x0f, 0xbe },         /* movsx ecx, byte */
        { 0x0f, 0xbf },         /* movsx ecx, word */
        { 0x89 },               /* mov dword, ecx */
        { 0x88 },               /* mov byte, cl */
        { 0x89 },               /* mov word, cx (with 66) */
    };
    if (kind == 7)
        byte1(em, 0x66);
    byte1(em, 0x41);            /* REX.B: base r8 */
    for (unsigned i = 0; i < 2 && access[kind][i]; i++)
        byte1(em, access[kind][i]);
    byte1(em, 0x0c);            /* ModRM: reg ecx, SIB follows */
    byte1(em, 0x00);            /* SIB: index rax, base r8 */
    if (writeback)
        store32(em, REG_OFF(in->rn), EDX);
    if (!store) {
        if (in->rd == 15) {
            emit_bx_write_pc(em, e);
            *ends_run = in->cond >= COND_AL;
        } else {
            store32(em, REG_OFF(in->rd), ECX);
        }
        return true;
    }
    /* A store that changed decoded code ends the block after it. */
    cmp_zero(em, (uint32_t)offsetof(struct guest_thread, code_changed));
    byte1(em, 0x74);            /* je over the exit */
    byte1(em, 11);
    return_value(em, (uintptr_t)e | JIT_EXIT_CODE_CHANGED);
    return true;
}


/* ---- load/store multiple ----------------------------------------------------- */

/* [r8 + rax + disp32] with reg field r (SIB: base r8, index rax). */
static void mem_guest_disp(struct emitter *em, unsigned r, uint32_t disp)
{
    byte1(em, 0x80u | (r << 3) | 4u);
    byte1(em, 0x00);
    imm32(em, disp);
}

/* [rsp - 4 * (slot + 1)]: the red zone below the stack pointer, which a
 * leaf function may use (SysV ABI; signal frames skip it). */
static void red_zone(struct emitter *em, unsigned r, unsigned slot)
{
    byte1(em, 0x40u | (r << 3) | 4u);
    byte1(em, 0x24);
    byte1(em, (uint8_t)-(int)(4u * (slot + 1u)));
}

/* LDM/STM as exec/interp_mem.c's interp_ldm/interp_stm: loads all words
 * before writing a register (precise faults), then the writeback, then
 * the registers (a loaded base wins); PC loads are BXWritePC. STM of the
 * PC and a PC base stay with the interpreter. The element addresses are
 * rax + 4k without 32-bit wrap: a list running over the top of the
 * address space faults in the guard region instead of wrapping to 0. */
static bool emit_load_store_multiple(struct emitter *em, const struct exec_insn *e)
{
    const struct guest_insn *in = &e->g;
    unsigned list = in->imm & 0xffffu;
    bool load = in->op == OP_LDM;
    if (in->rn == 15 || !list || (!load && (list & 0x8000u)))
        return false;
    uint32_t bytes = 4u * (uint32_t)__builtin_popcount(list);
    uint32_t start, writeback;
    if (in->flags & F_ADD) {
        start = (in->flags & F_PRE) ? 4u : 0u;
        writeback = bytes;
    } else {
        start = 0u - bytes + ((in->flags & F_PRE) ? 0u : 4u);
        writeback = 0u - bytes;
    }
    set_current(em, e);
    load32(em, EAX, REG_OFF(in->rn));
    alu(em, ALU_MOV, EDX, EAX);             /* edx: the base */
    add_imm(em, EAX, start);
    unsigned k = 0;
    for (unsigned bits = list; bits; bits &= bits - 1, k++) {
        unsigned reg = (unsigned)__builtin_ctz(bits);
        if (load) {
            byte1(em, 0x41);                /* mov ecx, [r8 + rax + 4k] */
            byte1(em, 0x8b);
            mem_guest_disp(em, ECX, 4u * k);
            byte1(em, 0x89);                /* mov [rsp - 4(k+1)], ecx */
            red_zone(em, ECX, k);
        } else {
            load32(em, ECX, REG_OFF(reg));
            byte1(em, 0x41);                /* mov [r8 + rax + 4k], ecx */
            byte1(em, 0x89);
            mem_guest_disp(em, ECX, 4u * k);
        }
    }
    if (in->flags & F_WBACK) {
        add_imm(em, EDX, writeback);
        store32(em, REG_OFF(in->rn), EDX);
    }
    if (!load) {
        cmp_zero(em, (uint32_t)offsetof(struct guest_thread, code_changed));
        byte1(em, 0x74);                    /* je over the exit */
        byte1(em, 11);
        return_value(em, (uintptr_t)e | JIT_EXIT_CODE_CHANGED);
        return true;
    }
    k = 0;
    for (unsigned bits = list; bits; bits &= bits - 1, k++) {
        unsigned reg = (unsigned)__builtin_ctz(bits);
        byte1(em, 0x8b);                    /* mov ecx, [rsp - 4(k+1)] */
        red_zone(em, ECX, k);
        if (reg == 15)
            break;                          /* the last one */
        store32(em, REG_OFF(reg), ECX);
    }
    if (list & 0x8000u)
        emit_bx_write_pc(em, e);
    return true;
}

/* BXWritePC(ecx) and the branch exit: Thumb state from bit 0, the PC
 * with bit 0 (Thumb) or bits 1:0 (ARM) cleared. */
static void emit_bx_write_pc(struct emitter *em, const struct exec_insn *e)
{
    alu(em, ALU_MOV, EAX, ECX);
    byte1(em, 0x83);                    /* and eax, 1 */
    byte1(em, 0xe0);
    byte1(em, 1);
    store32(em, CPU_OFF(thumb), EAX);
    alu(em, ALU_ADD, EAX, EAX);         /* 2 (Thumb) or 0 */
    byte1(em, 0x83);                    /* xor eax, 3: 1 (Thumb) or 3 */
    byte1(em, 0xf0);
    byte1(em, 3);
    not32(em, EAX);                     /* ~1 (Thumb) or ~3 */
    alu(em, ALU_AND, ECX, EAX);
    store32(em, REG_OFF(15), ECX);
    branch_exit(em, e);
}

/* r10d <-> [r8 + rax + 4] (the second word of LDRD/STRD). */
static void second_word(struct emitter *em, bool store)
{
    byte1(em, 0x45);
    byte1(em, store ? 0x89 : 0x8b);
    byte1(em, 0x54);                    /* ModRM: r10, SIB + disp8 */
    byte1(em, 0x00);
    byte1(em, 4);
}

/* LDRD/STRD as the interpreter's generic body: both words accessed before
 * any register is written, writeback before the loaded registers. */
static bool emit_load_store_double(struct emitter *em, const struct exec_insn *e)
{
    const struct guest_insn *in = &e->g;
    bool is_imm = in->op == OP_LDRD_IMM || in->op == OP_STRD_IMM;
    bool store = in->op == OP_STRD_IMM || in->op == OP_STRD_REG;
    if (in->rn == 15 || in->rd == 15 || in->ra == 15 ||
        (!is_imm && (in->rm == 15 || in->shift_amount || in->shift_type != SHIFT_LSL)))
        return false;
    set_current(em, e);
    load32(em, EAX, REG_OFF(in->rn));
    alu(em, ALU_MOV, EDX, EAX);         /* edx: the offset address */
    if (is_imm) {
        add_imm(em, EDX, (in->flags & F_ADD) ? in->imm : 0u - in->imm);
    } else {
        load32(em, ECX, REG_OFF(in->rm));
        alu(em, (in->flags & F_ADD) ? ALU_ADD : ALU_SUB, EDX, ECX);
    }
    if (in->flags & F_PRE)
        alu(em, ALU_MOV, EAX, EDX);     /* eax: the address */
    if (store) {
        load32(em, ECX, REG_OFF(in->rd));
        byte1(em, 0x44);                /* mov r10d, [rdi + ra] */
        byte1(em, 0x8b);
        mem_rdi(em, 2, REG_OFF(in->ra));
        byte1(em, 0x41);                /* mov [r8 + rax], ecx */
        byte1(em, 0x89);
        byte1(em, 0x0c);
        byte1(em, 0x00);
        second_word(em, true);
    } else {
        byte1(em, 0x41);                /* mov ecx, [r8 + rax] */
        byte1(em, 0x8b);
        byte1(em, 0x0c);
        byte1(em, 0x00);
        second_word(em, false);
    }
    if (in->flags & F_WBACK)
        store32(em, REG_OFF(in->rn), EDX);
    if (store) {
        cmp_zero(em, (uint32_t)offsetof(struct guest_thread, code_changed));
        byte1(em, 0x74);                /* je over the exit */
        byte1(em, 11);
        return_value(em, (uintptr_t)e | JIT_EXIT_CODE_CHANGED);
        return true;
    }
    store32(em, REG_OFF(in->rd), ECX);
    byte1(em, 0x44);                    /* mov [rdi + ra], r10d */
    byte1(em, 0x89);
    mem_rdi(em, 2, REG_OFF(in->ra));
    return true;
}

/* UBFX/SBFX: imm = lsb | (width - 1) << 8. */
static bool emit_bitfield_extract(struct emitter *em, const struct guest_insn *in)
{
    if (in->rd == 15 || in->rn == 15)
        return false;
    unsigned lsb = in->imm & 31, width = ((in->imm >> 8) & 31) + 1;
    load32(em, EAX, REG_OFF(in->rn));
    if (in->op == OP_UBFX) {
        if (lsb)
            shift_imm(em, SH_SHR, EAX, lsb);
        if (width < 32) {
            byte1(em, 0x25);            /* and eax, mask */
            imm32(em, (1u << width) - 1u);
        }
    } else {
        /* the field to the top, then arithmetic shift down */
        if (32u - lsb - width)
            shift_imm(em, SH_SHL, EAX, 32u - lsb - width);
        if (32u - width)
            shift_imm(em, SH_SAR, EAX, 32u - width);
    }
    store32(em, REG_OFF(in->rd), EAX);
    return true;
}

/* ---- the rest -------------------------------------------------------------- */

/* Emits one instruction; false if it is not supported (nothing usable
 * emitted). *ends_run: control never continues past it. */
static bool emit_insn(struct emitter *em, const struct exec_block *block,
                      const struct exec_insn *e, bool *ends_run)
{
    const struct guest_insn *in = &e->g;
    *ends_run = false;
    /* Beyond the interpreter's specialised forms, these generic-body ops
     * are compiled (their emitters refuse the PC as an operand). */
    bool multiple = in->op == OP_LDM || in->op == OP_STM;
    bool dual = in->op >= OP_LDRD_IMM && in->op <= OP_STRD_REG;
    bool data_processing = in->op >= OP_AND_IMM && in->op <= OP_ORN_RSR;
    bool single = in->op >= OP_LDR_IMM && in->op <= OP_STRH_REG;
    bool own = multiple || dual || data_processing || single || in->op == OP_UBFX ||
               in->op == OP_SBFX || in->op == OP_BX || in->op == OP_BLX_REG ||
               in->op == OP_ADR || in->op == OP_TBB || in->op == OP_TBH ||
               in->op == OP_CLZ || in->op == OP_UMULL || in->op == OP_SMULL ||
               in->op == OP_MLS;
    if (!own && !interp_insn_is_specialised(e))
        return false;
    uint8_t *skip[2] = { NULL, NULL };
    if (in->cond < COND_AL)
        emit_condition(em, in->cond, skip);
    bool ok = true;
    if (data_processing) {
        ok = emit_data_processing(em, e, ends_run);
    } else if (dual) {
        ok = emit_load_store_double(em, e);
    } else if (single) {
        ok = emit_load_store(em, e, ends_run);
    } else if (multiple) {
        ok = emit_load_store_multiple(em, e);
        *ends_run = ok && in->op == OP_LDM && (in->imm & 0x8000u) && in->cond >= COND_AL;
    } else {
        switch (in->op) {
        case OP_UXTB: case OP_UXTH: case OP_SXTB: case OP_SXTH: {
            static const uint8_t extend[] = { [0] = 0xb6, [1] = 0xb7, [2] = 0xbe, [3] = 0xbf };
            unsigned which = in->op == OP_UXTB ? 0 : in->op == OP_UXTH ? 1 :
                             in->op == OP_SXTB ? 2 : 3;
            load32(em, ECX, REG_OFF(in->rm));
            if (in->shift_amount & 31)
                shift_imm(em, SH_ROR, ECX, in->shift_amount & 31);
            byte1(em, 0x0f);
            byte1(em, extend[which]);
            byte1(em, 0xc9);        /* ecx, cl / cx */
            store32(em, REG_OFF(in->rd), ECX);
            break;
        }
        case OP_MUL:
        case OP_MLA:
            load32(em, EAX, REG_OFF(in->rn));
            byte1(em, 0x0f);        /* imul eax, [rdi + rm] */
            byte1(em, 0xaf);
            mem_rdi(em, EAX, REG_OFF(in->rm));
            if (in->op == OP_MLA) {
                byte1(em, 0x03);    /* add eax, [rdi + ra] */
                mem_rdi(em, EAX, REG_OFF(in->ra));
            }
            store32(em, REG_OFF(in->rd), EAX);
            break;
        case OP_MOVW:
            store_imm32(em, REG_OFF(in->rd), in->imm);
            break;
        case OP_MOVT:               /* the upper half only */
            byte1(em, 0x66);
            byte1(em, 0xc7);
            mem_rdi(em, 0, REG_OFF(in->rd) + 2);
            byte1(em, in->imm & 0xff);
            byte1(em, (in->imm >> 8) & 0xff);
            break;
        case OP_NOP:
        case OP_IT:
            break;
        case OP_UBFX:
        case OP_SBFX:
            ok = emit_bitfield_extract(em, in);
            break;
        case OP_CLZ:                /* 31 - bsr, 32 for zero */
            if (in->rd == 15 || in->rm == 15) {
                ok = false;
                break;
            }
            load32(em, ECX, REG_OFF(in->rm));
            mov_imm(em, EDX, 0xffffffffu);
            byte1(em, 0x0f);        /* bsr eax, ecx */
            byte1(em, 0xbd);
            byte1(em, 0xc1);
            byte1(em, 0x0f);        /* cmovz eax, edx */
            byte1(em, 0x44);
            byte1(em, 0xc2);
            byte1(em, 0xf7);        /* neg eax */
            byte1(em, 0xd8);
            add_imm(em, EAX, 31);
            store32(em, REG_OFF(in->rd), EAX);
            break;
        case OP_UMULL:
        case OP_SMULL:              /* ra:rd = rn * rm, without flags */
            if ((in->flags & F_S) || in->rd == 15 || in->ra == 15 || in->rn == 15 ||
                in->rm == 15) {
                ok = false;
                break;
            }
            load32(em, EAX, REG_OFF(in->rn));
            byte1(em, 0xf7);        /* mul / imul dword [rdi + rm] */
            mem_rdi(em, in->op == OP_UMULL ? 4 : 5, REG_OFF(in->rm));
            store32(em, REG_OFF(in->rd), EAX);
            store32(em, REG_OFF(in->ra), EDX);
            break;
        case OP_MLS:                /* rd = ra - rn * rm */
            if (in->rd == 15 || in->ra == 15 || in->rn == 15 || in->rm == 15) {
                ok = false;
                break;
            }
            load32(em, EAX, REG_OFF(in->rn));
            byte1(em, 0x0f);        /* imul eax, [rdi + rm] */
            byte1(em, 0xaf);
            mem_rdi(em, EAX, REG_OFF(in->rm));
            load32(em, ECX, REG_OFF(in->ra));
            alu(em, ALU_SUB, ECX, EAX);
            store32(em, REG_OFF(in->rd), ECX);
            break;
        case OP_BX:
        case OP_BLX_REG:
            if (in->rm == 15) {
                ok = false;
                break;
            }
            load32(em, ECX, REG_OFF(in->rm));       /* before lr changes */
            if (in->op == OP_BLX_REG)
                store_imm32(em, REG_OFF(14), (in->pc + in->length) | in->thumb);
            emit_bx_write_pc(em, e);
            *ends_run = in->cond >= COND_AL;
            break;
        case OP_ADR:
            if (in->rd == 15) {
                ok = false;
                break;
            }
            store_imm32(em, REG_OFF(in->rd), (e->pc_read & ~3u) + in->imm);
            break;
        case OP_TBB:
        case OP_TBH:
            /* pc = PC read value + 2 * table[rm] (bytes or halfwords at rn) */
            if (in->rm == 15) {
                ok = false;
                break;
            }
            set_current(em, e);
            load_operand(em, EAX, in->rn, e);
            load32(em, EDX, REG_OFF(in->rm));
            if (in->op == OP_TBH)
                alu(em, ALU_ADD, EDX, EDX);
            alu(em, ALU_ADD, EAX, EDX);
            byte1(em, 0x41);                        /* movzx ecx, byte/word [r8 + rax] */
            byte1(em, 0x0f);
            byte1(em, in->op == OP_TBH ? 0xb7 : 0xb6);
            byte1(em, 0x0c);
            byte1(em, 0x00);
            alu(em, ALU_ADD, ECX, ECX);
            add_imm(em, ECX, e->pc_read);
            store32(em, REG_OFF(15), ECX);
            branch_exit(em, e);
            *ends_run = in->cond >= COND_AL;
            break;
        case OP_B:
        case OP_BL:
            if (in->op == OP_BL)
                store_imm32(em, REG_OFF(14), (in->pc + in->length) | in->thumb);
            store_imm32(em, REG_OFF(15), in->imm);
            emit_direct_branch_exit(em, block, e, in->imm);
            *ends_run = in->cond >= COND_AL;
            break;
        case OP_CBZ:
        case OP_CBNZ: {
            cmp_zero(em, REG_OFF(in->rn));
            uint8_t *not_taken = jcc_forward(em, in->op == OP_CBZ ? CC_NE : CC_E);
            store_imm32(em, REG_OFF(15), in->imm);
            emit_direct_branch_exit(em, block, e, in->imm);
            patch_here(em, not_taken);
            break;
        }
        default:
            ok = false;
            break;
        }
    }
    if (!ok)
        return false;
    for (int i = 0; i < 2; i++)
        if (skip[i])
            patch_here(em, skip[i]);
    return true;
}

size_t jit_backend_emit_run(uint8_t *code, size_t capacity, const struct exec_block *block,
                            unsigned first, unsigned *covered)
{
    const struct exec_insn *insns = &block->insns[first];
    unsigned count = block->count - first;
    struct emitter em = { code };
    uint8_t *limit = code + capacity - 2 * JIT_BACKEND_MAX_INSN_BYTES;
    byte1(&em, 0x49);           /* mov r8, guest_base */
    byte1(&em, 0xb8);
    imm64(&em, guest_base);
    unsigned n = 0;
    bool ended = false;
    while (n < count && !ended && em.p < limit) {
        uint8_t *start = em.p;
        if (!emit_insn(&em, block, &insns[n], &ended)) {
            em.p = start;
            break;
        }
        n++;
    }
    *covered = n;
    if (n == 0)
        return 0;
    if (!ended && n == count)           /* to the sentinel: the fall-through exit */
        emit_chain(&em, block, 0, false, 0, (uintptr_t)&insns[n]);
    else if (!ended)
        return_value(&em, (uintptr_t)&insns[n]);
    return (size_t)(em.p - code);
}
