/*
 * Interpreter memory unit tests: addressing modes and writeback, LDM/STM
 * in all four modes, exclusives, SWP, precise faults, SVC/UDF/BKPT exits,
 * branches and interworking. Instructions are built by hand.
 */
#include <signal.h>

#include "exec_test_util.h"

static uint32_t *mem32(uint32_t addr)
{
    return guest_to_host(addr);
}

static void test_single(void)
{
    uint32_t base = TEST_DATA + 0x100;
    *mem32(base) = 0x11111111;
    *mem32(base + 8) = 0x80818283;
    /* LDR r0, [r1, #8]! */
    struct guest_insn i = mk(OP_LDR_IMM, 0, 1, 0);
    i.imm = 8;
    i.flags = F_PRE | F_ADD | F_WBACK;
    CPU->r[1] = base;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x80818283);
    CHECK_EQ(CPU->r[1], base + 8);
    /* LDRSB r0, [r1], #-8 (post-index) */
    i = mk(OP_LDRSB_IMM, 0, 1, 0);
    i.imm = 8;
    i.flags = F_WBACK;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xffffff83);
    CHECK_EQ(CPU->r[1], base);
    /* LDRH r0, [r1, r2, LSL #2] */
    i = mk(OP_LDRH_REG, 0, 1, 2);
    i.flags = F_PRE | F_ADD;
    i.shift_type = SHIFT_LSL;
    i.shift_amount = 2;
    CPU->r[2] = 2;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x8283);
    /* STR pc stores insn address + 8 (A32). */
    i = mk(OP_STR_IMM, 15, 1, 0);
    i.flags = F_PRE | F_ADD;
    i.pc = 0x4000;
    run1(i);
    CHECK_EQ(*mem32(base), 0x4008);
    /* STRD / LDRD with register offset subtracted. */
    i = mk(OP_STRD_REG, 4, 1, 2);
    i.ra = 5;
    i.flags = F_PRE;
    CPU->r[2] = 0x10;
    CPU->r[4] = 0xaaaa5555;
    CPU->r[5] = 0x12345678;
    run1(i);
    CHECK_EQ(*mem32(base - 0x10), 0xaaaa5555);
    CHECK_EQ(*mem32(base - 0xc), 0x12345678);
    i.op = OP_LDRD_REG;
    i.rd = 6;
    i.ra = 7;
    run1(i);
    CHECK_EQ(CPU->r[6], 0xaaaa5555);
    CHECK_EQ(CPU->r[7], 0x12345678);
    /* Unaligned LDR is allowed. */
    i = mk(OP_LDR_IMM, 0, 1, 0);
    i.imm = 1;
    i.flags = F_PRE | F_ADD;
    *mem32(base) = 0x44332211;
    *mem32(base + 4) = 0x88776655;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x55443322);
    /* T32 literal: base r15 is Align(pc + 4, 4). */
    uint32_t lit = TEST_DATA + 0x200;
    *mem32(lit + 4) = 0xfeedface;
    i = mk(OP_LDR_IMM, 0, 15, 0);
    i.thumb = 1;
    i.length = 2;
    i.pc = lit + 2;             /* PC = lit + 6, aligned lit + 4 */
    i.imm = 0;
    i.flags = F_PRE | F_ADD;
    run1(i);
    CHECK_EQ(CPU->r[0], 0xfeedface);
    CPU->thumb = 0;
    /* LDR pc interworks. */
    *mem32(base) = 0x9001;
    i = mk(OP_LDR_IMM, 15, 1, 0);
    i.flags = F_PRE | F_ADD;
    run1(i);
    CHECK_EQ(CPU->r[15], 0x9000);
    CHECK_EQ(CPU->thumb, 1);
    CPU->thumb = 0;
}

static void ldm_stm(unsigned flags, uint32_t want_first, uint32_t want_wb, int line)
{
    uint32_t base = TEST_DATA + 0x400;
    for (unsigned k = 0; k < 8; k++)
        *mem32(base - 16 + 4 * k) = 0;
    struct guest_insn i = mk(OP_STM, 0, 13, 0);
    i.imm = (1u << 1) | (1u << 3) | (1u << 14);
    i.flags = (uint16_t)(flags | F_WBACK);
    CPU->r[13] = base;
    CPU->r[1] = 0x101;
    CPU->r[3] = 0x303;
    CPU->r[14] = 0xe0e;
    run1(i);
    test_checks++;
    if (*mem32(want_first) != 0x101 || *mem32(want_first + 4) != 0x303 ||
        *mem32(want_first + 8) != 0xe0e || CPU->r[13] != want_wb) {
        test_failures++;
        fprintf(stderr, "line %d: STM flags %x wrong (sp 0x%x)\n", line, flags, CPU->r[13]);
    }
    /* LDM back with the same mode from the same base. */
    i.op = OP_LDM;
    CPU->r[13] = base;
    CPU->r[1] = CPU->r[3] = CPU->r[14] = 0;
    run1(i);
    test_checks++;
    if (CPU->r[1] != 0x101 || CPU->r[3] != 0x303 || CPU->r[14] != 0xe0e ||
        CPU->r[13] != want_wb) {
        test_failures++;
        fprintf(stderr, "line %d: LDM flags %x wrong\n", line, flags);
    }
}

static void test_multiple(void)
{
    uint32_t base = TEST_DATA + 0x400;
    ldm_stm(F_ADD, base, base + 12, __LINE__);              /* IA */
    ldm_stm(F_ADD | F_PRE, base + 4, base + 12, __LINE__);  /* IB */
    ldm_stm(0, base - 8, base - 12, __LINE__);              /* DA */
    ldm_stm(F_PRE, base - 12, base - 12, __LINE__);         /* DB */

    /* LDM with the base in the list: the loaded value wins. */
    *mem32(base) = 0x1234;
    *mem32(base + 4) = 0x5678;
    struct guest_insn i = mk(OP_LDM, 0, 2, 0);
    i.imm = (1u << 2) | (1u << 3);
    i.flags = F_ADD | F_WBACK;
    CPU->r[2] = base;
    run1(i);
    CHECK_EQ(CPU->r[2], 0x1234);
    CHECK_EQ(CPU->r[3], 0x5678);

    /* POP {pc} with a Thumb address. */
    *mem32(base) = 0x8001;
    i = mk(OP_LDM, 0, 13, 0);
    i.imm = 1u << 15;
    i.flags = F_ADD | F_WBACK;
    CPU->r[13] = base;
    run1(i);
    CHECK_EQ(CPU->r[15], 0x8000);
    CHECK_EQ(CPU->thumb, 1);
    CHECK_EQ(CPU->r[13], base + 4);
    CPU->thumb = 0;

    /* STM storing pc: insn address + 8. */
    i = mk(OP_STM, 0, 2, 0);
    i.imm = 1u << 15;
    i.flags = F_ADD;
    i.pc = 0x2000;
    CPU->r[2] = base;
    run1(i);
    CHECK_EQ(*mem32(base), 0x2008);
}

static void test_exclusive(void)
{
    uint32_t a = TEST_DATA + 0x800;
    *mem32(a) = 5;
    CPU->excl_valid = 0;
    /* STREX without LDREX fails. */
    struct guest_insn sx = mk(OP_STREX, 0, 1, 2);
    CPU->r[1] = a;
    CPU->r[2] = 9;
    run1(sx);
    CHECK_EQ(CPU->r[0], 1);
    CHECK_EQ(*mem32(a), 5);
    /* LDREX then STREX succeeds. */
    struct guest_insn lx = mk(OP_LDREX, 3, 1, 0);
    run1(lx);
    CHECK_EQ(CPU->r[3], 5);
    run1(sx);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(*mem32(a), 9);
    /* A second STREX fails (monitor cleared). */
    CPU->r[2] = 11;
    run1(sx);
    CHECK_EQ(CPU->r[0], 1);
    CHECK_EQ(*mem32(a), 9);
    /* CLREX clears. */
    run1(lx);
    run1(mk(OP_CLREX, 0, 0, 0));
    run1(sx);
    CHECK_EQ(CPU->r[0], 1);
    /* Changed in between: fails. */
    run1(lx);
    *mem32(a) = 10;
    run1(sx);
    CHECK_EQ(CPU->r[0], 1);
    CHECK_EQ(*mem32(a), 10);
    /* Size mismatch: fails. */
    run1(lx);
    struct guest_insn sxb = mk(OP_STREXB, 0, 1, 2);
    run1(sxb);
    CHECK_EQ(CPU->r[0], 1);
    /* Different address: fails. */
    run1(lx);
    CPU->r[1] = a + 4;
    run1(sx);
    CHECK_EQ(CPU->r[0], 1);
    CPU->r[1] = a;
    /* Doubleword. */
    struct guest_insn lxd = mk(OP_LDREXD, 4, 1, 0);
    lxd.ra = 5;
    *mem32(a) = 0x11;
    *mem32(a + 4) = 0x22;
    run1(lxd);
    CHECK_EQ(CPU->r[4], 0x11);
    CHECK_EQ(CPU->r[5], 0x22);
    struct guest_insn sxd = mk(OP_STREXD, 0, 1, 6);
    sxd.ra = 7;
    CPU->r[6] = 0x33;
    CPU->r[7] = 0x44;
    run1(sxd);
    CHECK_EQ(CPU->r[0], 0);
    CHECK_EQ(*mem32(a), 0x33);
    CHECK_EQ(*mem32(a + 4), 0x44);
    /* Unaligned LDREX: SIGBUS BUS_ADRALN, registers untouched. */
    CPU->r[1] = a + 2;
    CPU->r[3] = 0x77;
    CHECK_EQ(run1(lx), 1);
    CHECK_EQ(test_thread.fault.signo, SIGBUS);
    CHECK_EQ(test_thread.fault.code, BUS_ADRALN);
    CHECK_EQ(test_thread.fault.addr, a + 2);
    CHECK_EQ(CPU->r[3], 0x77);
    /* SWP. */
    CPU->r[1] = a;
    *mem32(a) = 0xabc;
    CPU->r[2] = 0xdef;
    run1(mk(OP_SWP, 0, 1, 2));
    CHECK_EQ(CPU->r[0], 0xabc);
    CHECK_EQ(*mem32(a), 0xdef);
    run1(mk(OP_SWPB, 0, 1, 2));
    CHECK_EQ(CPU->r[0], 0xef);
}

static void test_faults_and_exits(void)
{
    /* Load from an unmapped page inside the guest space. */
    uint32_t bad = TEST_DATA + TEST_DATA_SIZE + 0x1000;
    struct guest_insn i = mk(OP_LDR_IMM, 0, 1, 0);
    i.pc = 0x8004;
    i.flags = F_PRE | F_ADD | F_WBACK;
    i.imm = 4;
    CPU->r[0] = 0x1234;
    CPU->r[1] = bad;
    CHECK_EQ(run1(i), 1);
    CHECK_EQ(test_thread.fault.signo, SIGSEGV);
    CHECK_EQ(test_thread.fault.code, SEGV_MAPERR);
    CHECK_EQ(test_thread.fault.addr, bad + 4);
    CHECK_EQ(CPU->r[15], 0x8004);
    CHECK_EQ(CPU->r[0], 0x1234);
    CHECK_EQ(CPU->r[1], bad);
    /* LDM faulting on the second word: nothing written. */
    i = mk(OP_LDM, 0, 1, 0);
    i.imm = 0x0f;
    i.flags = F_ADD | F_WBACK;
    CPU->r[1] = TEST_DATA + TEST_DATA_SIZE - 4;
    CPU->r[0] = 0x55;
    CHECK_EQ(run1(i), 1);
    CHECK_EQ(test_thread.fault.addr, TEST_DATA + TEST_DATA_SIZE);
    CHECK_EQ(CPU->r[0], 0x55);
    CHECK_EQ(CPU->r[1], TEST_DATA + TEST_DATA_SIZE - 4);
    /* Write to a read-only page: SEGV_ACCERR. */
    guest_mprotect(TEST_DATA + 0x3000, 0x1000, 1);
    i = mk(OP_STR_IMM, 0, 1, 0);
    i.flags = F_PRE | F_ADD;
    CPU->r[1] = TEST_DATA + 0x3000;
    CHECK_EQ(run1(i), 1);
    CHECK_EQ(test_thread.fault.signo, SIGSEGV);
    CHECK_EQ(test_thread.fault.code, SEGV_ACCERR);
    guest_mprotect(TEST_DATA + 0x3000, 0x1000, 7);
    /* Fault inside a Thumb IT block keeps ITSTATE and thumb. */
    i = mk(OP_LDR_IMM, 0, 1, 0);
    i.thumb = 1;
    i.length = 2;
    i.itstate = 0x08;
    i.pc = 0x9002;
    CPU->r[1] = bad;
    CHECK_EQ(run1(i), 1);
    CHECK_EQ(CPU->r[15], 0x9002);
    CHECK_EQ(CPU->thumb, 1);
    CHECK_EQ(CPU->itstate, 0x08);
    CPU->thumb = 0;
    CPU->itstate = 0;

    /* SVC. */
    int sig;
    i = mk(OP_SVC, 0, 0, 0);
    i.imm = 0x42;
    i.pc = 0x8100;
    CHECK_EQ(interp_run_insns(&test_thread, &i, 1, &sig), EXEC_EXIT_SYSCALL);
    CHECK_EQ(sig, 0);
    CHECK_EQ(CPU->r[15], 0x8104);
    CHECK_EQ(test_thread.svc_imm, 0x42);
    /* UDF: SIGILL; Linux breakpoint encodings: SIGTRAP. */
    i = mk(OP_UDF, 0, 0, 0);
    i.raw = 0xe7f000f0;
    CHECK_EQ(run1(i), 1);
    CHECK_EQ(test_thread.fault.signo, SIGILL);
    CHECK_EQ(test_thread.fault.code, ILL_ILLOPC);
    CHECK_EQ(test_thread.fault.addr, 0x8000);
    i.raw = 0xe7f001f0;
    run1(i);
    CHECK_EQ(test_thread.fault.signo, SIGTRAP);
    i.thumb = 1;
    i.length = 2;
    i.raw = 0xde01;
    run1(i);
    CHECK_EQ(test_thread.fault.signo, SIGTRAP);
    CPU->thumb = 0;
    i = mk(OP_UNDEFINED, 0, 0, 0);
    run1(i);
    CHECK_EQ(test_thread.fault.signo, SIGILL);
    /* A condition that fails skips even UNDEFINED. */
    i.cond = COND_EQ;
    set_flags(0);
    CHECK_EQ(run1(i), 0);
    i = mk(OP_BKPT, 0, 0, 0);
    run1(i);
    CHECK_EQ(test_thread.fault.signo, SIGTRAP);
    CHECK_EQ(test_thread.fault.code, TRAP_BRKPT);
}

static void test_branches(void)
{
    struct guest_insn i = mk(OP_BL, 0, 0, 0);
    i.imm = 0x9000;
    run1(i);
    CHECK_EQ(CPU->r[14], 0x8004);
    CHECK_EQ(CPU->r[15], 0x9000);
    i = mk(OP_BLX_IMM, 0, 0, 0);
    i.imm = 0xa002;
    run1(i);
    CHECK_EQ(CPU->thumb, 1);
    CHECK_EQ(CPU->r[15], 0xa002);
    /* Thumb BLX r3 back to ARM: lr has bit 0 set. */
    i = mk(OP_BLX_REG, 0, 0, 3);
    i.thumb = 1;
    i.length = 2;
    i.pc = 0xa002;
    CPU->r[3] = 0x8000;
    run1(i);
    CHECK_EQ(CPU->r[14], 0xa005);
    CHECK_EQ(CPU->thumb, 0);
    CHECK_EQ(CPU->r[15], 0x8000);
    /* ALU write to pc: BranchWritePC vs BXWritePC. */
    i = mk(OP_MOV_REG, 15, 0, 1);
    CPU->r[1] = 0x7003;
    run1(i);
    CHECK_EQ(CPU->r[15], 0x7000);
    CHECK_EQ(CPU->thumb, 0);
    i.flags = F_INTERWORK;
    run1(i);
    CHECK_EQ(CPU->r[15], 0x7002);
    CHECK_EQ(CPU->thumb, 1);
    CPU->thumb = 0;
    /* ADD r0, pc, #4 reads pc + 8. */
    i = mk(OP_ADD_IMM, 0, 15, 0);
    i.imm = 4;
    run1(i);
    CHECK_EQ(CPU->r[0], 0x800c);
    /* TBB [pc, r1]: table right after the insn (T32, PC = pc + 4). */
    uint32_t t = TEST_DATA + 0x900;
    *(uint8_t *)guest_to_host(t + 4 + 2) = 3;
    i = mk(OP_TBB, 0, 15, 1);
    i.thumb = 1;
    i.pc = t;
    CPU->r[1] = 2;
    run1(i);
    CHECK_EQ(CPU->r[15], t + 4 + 6);
    CHECK_EQ(CPU->itstate, 0);
    CPU->thumb = 0;
    /* Falling off a block: r15 = next pc; ITSTATE advances. */
    struct guest_insn seq[2] = { mk(OP_NOP, 0, 0, 0), mk(OP_NOP, 0, 0, 0) };
    seq[0].thumb = seq[1].thumb = 1;
    seq[0].length = seq[1].length = 2;
    seq[0].pc = 0x100;
    seq[1].pc = 0x102;
    seq[0].itstate = 0x04;      /* IT with two insns (mask 0100 after advance) */
    seq[1].itstate = 0x08;
    int sig;
    interp_run_insns(&test_thread, seq, 2, &sig);
    CHECK_EQ(CPU->r[15], 0x104);
    CHECK_EQ(CPU->itstate, guest_itstate_advance(0x08));
    CPU->thumb = 0;
    CPU->itstate = 0;
}

int main(void)
{
    test_setup();
    test_single();
    test_multiple();
    test_exclusive();
    test_faults_and_exits();
    test_branches();
    return test_report("exec_mem_test");
}
