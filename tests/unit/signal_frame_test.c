/*
 * Guest signal frames on the host: the rt frame's layout (siginfo, uc at
 * +128, sigcontext registers, CPSR with T and ITSTATE, mask, VFP block with
 * magic/size and the zero terminator), handler entry registers (r0-r2, sp
 * 8-aligned, lr into the sigpage with the Thumb bit, T from the handler,
 * flags and ITSTATE cleared), SA_ONSTACK, and rt_sigreturn restoring what a
 * handler edited; a frame on an unwritable stack is refused.
 */
#include <stddef.h>

#include "exec_test_util.h"
#include "linux/signal_frame.h"
#include "linux/syscall.h"

static uint32_t get32(uint32_t addr)
{
    uint32_t v;
    memcpy(&v, guest_to_host(addr), 4);
    return v;
}

static void test_rt_frame_roundtrip(void)
{
    memset(CPU, 0, sizeof *CPU);
    for (int i = 0; i < 13; i++)
        CPU->r[i] = 0x1000u + (uint32_t)i;
    CPU->r[13] = TEST_DATA + 0x8004;        /* not 8-aligned */
    CPU->r[14] = 0x2345;
    CPU->r[15] = 0x40002;
    CPU->thumb = 1;
    CPU->itstate = 0x2c;
    CPU->flag_n = 1;
    CPU->flag_c = 1;
    CPU->ge = 5;
    CPU->d[3] = 0x1122334455667788ull;
    CPU->d[31] = 7;
    CPU->fpscr = 0x03c00000u;
    uint32_t cpsr_before = guest_cpu_get_cpsr(CPU);

    struct guest_sigaction act = { .handler = 0x50001, .flags = GUEST_SA_SIGINFO };
    struct guest_siginfo info = { .signo = 11, .code = 1 };
    info.word[0] = 0xdead0;
    CHECK_EQ(signal_frame_setup(&test_thread, 11, &info, &act, 0x8000000000000401ull, 0xdead0), 0);
    uint32_t sp = CPU->r[13];
    CHECK_EQ(sp & 7, 0);
    CHECK_EQ(sp, (TEST_DATA + 0x8004 - (uint32_t)sizeof(struct guest_rt_sigframe)) & ~7u);
    CHECK_EQ(CPU->r[0], 11);
    CHECK_EQ(CPU->r[1], sp);
    CHECK_EQ(CPU->r[2], sp + 128);
    CHECK_EQ(CPU->r[15], 0x50000);
    CHECK_EQ(CPU->thumb, 1);
    CHECK_EQ(CPU->itstate, 0);
    CHECK_EQ(CPU->flag_n, 0);
    CHECK_EQ(CPU->ge, 5);
    CHECK_EQ(CPU->r[14] & 0xfff, 5 * 4 + 1);     /* Thumb rt_sigreturn slot */
    CHECK_EQ(get32(CPU->r[14] & ~1u), 0xdf0027adu);
    uint32_t uc = sp + 128;
    CHECK_EQ(get32(sp), 11);
    CHECK_EQ(get32(sp + 12), 0xdead0);
    CHECK_EQ(get32(uc + 20 + 12), 0x1000);                  /* arm_r0 */
    CHECK_EQ(get32(uc + 20 + 72), 0x40002);                 /* arm_pc */
    CHECK_EQ(get32(uc + 20 + 76), cpsr_before);             /* T and IT kept */
    CHECK_EQ(get32(uc + 20 + 80), 0xdead0);
    CHECK_EQ(get32(uc + 104), 0x401);
    CHECK_EQ(get32(uc + 108), 0x80000000u);
    CHECK_EQ(get32(uc + 232), GUEST_VFP_MAGIC);
    CHECK_EQ(get32(uc + 236), 288);
    CHECK_EQ(get32(uc + 232 + 8 + 3 * 8), 0x55667788u);
    CHECK_EQ(get32(uc + 232 + 264), 0x03c00000u);
    CHECK_EQ(get32(uc + 232 + 288), 0);                     /* terminator */

    /* The handler edits pc (ARM now), r0, flags and a VFP register. */
    uint32_t v = 0x60000;
    memcpy(guest_to_host(uc + 20 + 72), &v, 4);
    v = 0x80000010u;                                        /* N, ARM, usr */
    memcpy(guest_to_host(uc + 20 + 76), &v, 4);
    v = 99;
    memcpy(guest_to_host(uc + 20 + 12), &v, 4);
    v = 0xabcd;
    memcpy(guest_to_host(uc + 232 + 8), &v, 4);
    CPU->d[3] = 0;
    uint64_t mask = 0;
    CHECK_EQ(signal_frame_restore(&test_thread, true, &mask), 0);
    CHECK_EQ(mask, 0x8000000000000401ull);
    CHECK_EQ(CPU->r[0], 99);
    CHECK_EQ(CPU->r[12], 0x100c);
    CHECK_EQ(CPU->r[13], TEST_DATA + 0x8004);
    CHECK_EQ(CPU->r[15], 0x60000);
    CHECK_EQ(CPU->thumb, 0);
    CHECK_EQ(CPU->itstate, 0);
    CHECK_EQ(CPU->flag_n, 1);
    CHECK_EQ(CPU->flag_c, 0);
    CHECK_EQ((uint32_t)CPU->d[0], 0xabcd);
    CHECK_EQ(CPU->d[3], 0x1122334455667788ull);

    /* Bad magic: refused. */
    CPU->r[13] = sp;
    v = 0;
    memcpy(guest_to_host(uc + 232), &v, 4);
    CHECK_EQ(signal_frame_restore(&test_thread, true, &mask), -1);
}

static void test_onstack_and_bad_stack(void)
{
    memset(CPU, 0, sizeof *CPU);
    CPU->r[13] = TEST_DATA + 0x8000;
    linux_thread.altstack = (struct guest_stack){ TEST_DATA + 0xc000, 0, 0x2000 };
    struct guest_sigaction act = { .handler = 0x50000, .flags = GUEST_SA_ONSTACK | GUEST_SA_RESTORER,
                                   .restorer = 0x7001 };
    struct guest_siginfo info = { .signo = 10 };
    CHECK_EQ(signal_frame_setup(&test_thread, 10, &info, &act, 0, 0), 0);
    CHECK_EQ(CPU->r[13], (TEST_DATA + 0xe000 - (uint32_t)sizeof(struct guest_sigframe)) & ~7u);
    CHECK_EQ(CPU->r[14], 0x7001);
    CHECK_EQ(CPU->thumb, 0);
    CHECK_EQ(get32(CPU->r[13]), 0x5ac3c35au);               /* non-rt uc_flags */
    linux_thread.altstack = (struct guest_stack){ 0, 0, 0 };

    memset(CPU, 0, sizeof *CPU);
    CPU->r[13] = 0x10;                                      /* unmapped */
    CPU->r[15] = 0x1234;
    CHECK_EQ(signal_frame_setup(&test_thread, 10, &info, &act, 0, 0), -1);
    CHECK_EQ(CPU->r[13], 0x10);
    CHECK_EQ(CPU->r[15], 0x1234);
}

int main(void)
{
    test_setup();
    test_rt_frame_roundtrip();
    test_onstack_and_bad_stack();
    return test_report("signal_frame_test");
}
