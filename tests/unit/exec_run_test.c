/*
 * exec_run() end to end with the real decoders and block cache: A32 and
 * T32 code in guest memory, self-modifying code inside the running block,
 * execution of non-executable or unmapped memory, invalidation.
 */
#include <signal.h>

#include "exec_test_util.h"

/* Host-side writes to code pages go through guest_access_ok, which lifts
 * the write protection (and invalidates), as syscalls do. */
static void put32(uint32_t addr, uint32_t v)
{
    guest_access_ok(addr, 4, GUEST_PROT_WRITE);
    memcpy(guest_to_host(addr), &v, 4);
}

static void put16(uint32_t addr, uint16_t v)
{
    guest_access_ok(addr, 2, GUEST_PROT_WRITE);
    memcpy(guest_to_host(addr), &v, 2);
}

static void test_a32_and_smc(void)
{
    uint32_t code = TEST_DATA + 0x1000;
    put32(code + 0, 0xe59f100c);    /* ldr r1, [pc, #12]  (code + 20) */
    put32(code + 4, 0xe58f1000);    /* str r1, [pc]       (code + 12) */
    put32(code + 8, 0xe3a00001);    /* mov r0, #1 */
    put32(code + 12, 0xe3a00002);   /* mov r0, #2  -> becomes mov r0, #3 */
    put32(code + 16, 0xef000000);   /* svc 0 */
    put32(code + 20, 0xe3a00003);   /* data: mov r0, #3 */
    CPU->r[15] = code;
    CPU->thumb = 0;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 3);
    CHECK_EQ(CPU->r[15], code + 20);
    /* Run it again: the rebuilt block now has mov r0, #3 already. */
    CPU->r[15] = code;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 3);

    /* A loop: sum 1..100. */
    uint32_t loop = TEST_DATA + 0x1800;
    put32(loop + 0, 0xe3a00000);    /* mov r0, #0 */
    put32(loop + 4, 0xe3a01064);    /* mov r1, #100 */
    put32(loop + 8, 0xe0800001);    /* add r0, r0, r1 */
    put32(loop + 12, 0xe2511001);   /* subs r1, r1, #1 */
    put32(loop + 16, 0x1afffffc);   /* bne loop + 8 */
    put32(loop + 20, 0xef000000);   /* svc 0 */
    CPU->r[15] = loop;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 5050);

    /* exec_invalidate_range + changed code outside execution. */
    guest_mprotect(TEST_DATA, TEST_DATA_SIZE, 7);   /* drop write protection */
    exec_invalidate_range(loop, 0x100);
    put32(loop + 4, 0xe3a0100a);    /* mov r1, #10 */
    CPU->r[15] = loop;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 55);
}

static void test_t32(void)
{
    uint32_t code = TEST_DATA + 0x2000;
    put16(code + 0, 0x2005);        /* movs r0, #5 */
    put16(code + 2, 0x3001);        /* adds r0, #1 */
    put16(code + 4, 0xdf07);        /* svc 7 */
    CPU->r[15] = code;
    CPU->thumb = 1;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 6);
    CHECK_EQ(CPU->r[15], code + 6);
    CHECK_EQ(test_thread.svc_imm, 7);

    /* 32-bit instruction straddling a page boundary: movw r0, #0x1234. */
    uint32_t edge = TEST_DATA + 0x3000 - 2;
    put16(edge, 0xf241);
    put16(edge + 2, 0x2034);
    put16(edge + 4, 0xdf00);
    CPU->r[15] = edge;
    CPU->thumb = 1;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SYSCALL);
    CHECK_EQ(CPU->r[0], 0x1234);
    CHECK_EQ(CPU->r[15], edge + 6);
    CPU->thumb = 0;
}

static void test_exec_faults(void)
{
    uint32_t page = TEST_DATA + 0x4000;
    put32(page, 0xe3a00001);
    guest_mprotect(page, 0x1000, 3);    /* read/write, no exec */
    CPU->r[15] = page;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SIGNAL);
    CHECK_EQ(test_thread.fault.signo, SIGSEGV);
    CHECK_EQ(test_thread.fault.code, SEGV_ACCERR);
    CHECK_EQ(test_thread.fault.addr, page);
    CHECK_EQ(CPU->r[15], page);
    guest_mprotect(page, 0x1000, 7);

    uint32_t unmapped = TEST_DATA + TEST_DATA_SIZE + 0x2000;
    CPU->r[15] = unmapped;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SIGNAL);
    CHECK_EQ(test_thread.fault.code, SEGV_MAPERR);
    CHECK_EQ(test_thread.fault.addr, unmapped);

    /* T32 32-bit instruction whose second half is on an unmapped page. */
    uint32_t last = TEST_DATA + TEST_DATA_SIZE - 2;
    put16(last, 0xf241);
    CPU->r[15] = last;
    CPU->thumb = 1;
    CHECK_EQ(exec_run(&test_thread), EXEC_EXIT_SIGNAL);
    CHECK_EQ(test_thread.fault.signo, SIGSEGV);
    CHECK_EQ(CPU->r[15], last);
    CPU->thumb = 0;
}

int main(void)
{
    test_setup();
    test_a32_and_smc();
    test_t32();
    test_exec_faults();
    exec_print_stats(1);
    return test_report("exec_run_test");
}
