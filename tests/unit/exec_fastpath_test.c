/*
 * Differential test of the interpreter's specialised handlers: random
 * data-processing, extend, multiply and load/store instructions (random
 * conditions, flags, shifts, addressing modes) run once through the
 * handlers interp_prepare_insn() picks and once through the generic
 * handler; CPU state and memory must agree. Also checks every condition
 * check against the reference condition table.
 */
#include "exec_test_util.h"

uint16_t interp_cond_mask_reference(unsigned cond);

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static uint32_t interesting(void)
{
    static const uint32_t v[] = { 0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff,
                                  0xfffffffe, 0x80000001, 0x0000ffff, 0xffff0000 };
    return (rnd() & 1) ? v[rnd() % (sizeof v / sizeof v[0])] : rnd();
}

#define MEM_BASE (TEST_DATA + 0x1000)
#define MEM_SIZE 0x4000u

static void random_shift(struct guest_insn *i)
{
    i->shift_type = (uint8_t)(rnd() % 5);
    switch (i->shift_type) {
    case SHIFT_LSL: i->shift_amount = (uint8_t)((rnd() & 1) ? 0 : rnd() % 32); break;
    case SHIFT_LSR: case SHIFT_ASR: i->shift_amount = (uint8_t)(1 + rnd() % 32); break;
    case SHIFT_ROR: i->shift_amount = (uint8_t)(1 + rnd() % 31); break;
    default: i->shift_amount = 1; break;
    }
}

static struct guest_insn random_insn(void)
{
    struct guest_insn i = mk(OP_NOP, rnd() % 15, rnd() % 15, rnd() % 15);
    i.ra = (uint8_t)(rnd() % 15);
    i.cond = (uint8_t)((rnd() & 1) ? COND_AL : rnd() % 15);
    unsigned kind = rnd() % 10;
    if (kind < 5) {
        i.op = (uint16_t)(OP_AND_IMM + rnd() % (OP_ORN_RSR - OP_AND_IMM + 1));
        i.flags = (uint16_t)(((rnd() & 1) ? F_S : 0) | ((rnd() & 1) ? F_IMM_CARRY : 0));
        i.imm = interesting();
        random_shift(&i);
        if ((i.op - OP_AND_IMM) % 3 == 2 && i.shift_type == SHIFT_RRX)
            i.shift_type = SHIFT_ROR;
    } else if (kind < 8) {
        static const uint16_t ls[] = {
            OP_LDR_IMM, OP_LDR_REG, OP_LDRB_IMM, OP_LDRB_REG, OP_LDRH_IMM, OP_LDRH_REG,
            OP_LDRSB_IMM, OP_LDRSB_REG, OP_LDRSH_IMM, OP_LDRSH_REG, OP_STR_IMM,
            OP_STR_REG, OP_STRB_IMM, OP_STRB_REG, OP_STRH_IMM, OP_STRH_REG,
        };
        i.op = ls[rnd() % (sizeof ls / sizeof ls[0])];
        i.imm = rnd() % 256;
        i.flags = (uint16_t)(((rnd() & 1) ? F_PRE : 0) | ((rnd() & 1) ? F_ADD : 0));
        if (!(i.flags & F_PRE) || (rnd() & 1))
            i.flags |= F_WBACK;
        i.shift_type = SHIFT_LSL;
        i.shift_amount = (uint8_t)((rnd() & 1) ? 0 : rnd() % 3);
    } else {
        static const uint16_t misc[] = { OP_UXTB, OP_UXTH, OP_SXTB, OP_SXTH, OP_MUL,
                                         OP_MLA, OP_MOVW, OP_MOVT };
        i.op = misc[rnd() % (sizeof misc / sizeof misc[0])];
        i.shift_amount = (uint8_t)(8 * (rnd() % 4));
        i.imm = rnd() & 0xffff;
        i.flags = (rnd() & 1) ? F_S : 0;
    }
    return i;
}

static void random_state(const struct guest_insn *i)
{
    for (unsigned r = 0; r < 15; r++)
        CPU->r[r] = interesting();
    set_flags(rnd() & 15);
    CPU->flag_q = rnd() & 1;
    CPU->ge = rnd() & 15;
    if (i->op >= OP_LDR_IMM && i->op <= OP_STRH_REG) {
        CPU->r[i->rn] = MEM_BASE + 0x1000 + rnd() % 0x1000;
        if (i->rm != i->rn)
            CPU->r[i->rm] = rnd() % 64;
    }
}

static void run_variant(const struct guest_insn *i, bool generic,
                        struct guest_cpu *out, uint8_t *mem_out)
{
    int sig;
    interp_force_generic = generic;
    interp_run_insns(&test_thread, i, 1, &sig);
    interp_force_generic = false;
    *out = *CPU;
    memcpy(mem_out, guest_to_host(MEM_BASE), MEM_SIZE);
}

static void test_random(unsigned trials)
{
    static uint8_t mem_init[MEM_SIZE], mem_fast[MEM_SIZE], mem_generic[MEM_SIZE];
    for (unsigned k = 0; k < MEM_SIZE; k++)
        mem_init[k] = (uint8_t)rnd();
    for (unsigned t = 0; t < trials; t++) {
        struct guest_insn i = random_insn();
        random_state(&i);
        struct guest_cpu start = *CPU, fast, generic;
        memcpy(guest_to_host(MEM_BASE), mem_init, MEM_SIZE);
        run_variant(&i, false, &fast, mem_fast);
        *CPU = start;
        memcpy(guest_to_host(MEM_BASE), mem_init, MEM_SIZE);
        run_variant(&i, true, &generic, mem_generic);
        test_checks++;
        if (memcmp(&fast, &generic, sizeof fast) != 0 ||
            memcmp(mem_fast, mem_generic, MEM_SIZE) != 0) {
            test_failures++;
            if (test_failures <= 10) {
                fprintf(stderr, "trial %u: %s cond %u flags %x rd %u rn %u rm %u ra %u "
                        "shift %u/%u imm %x differs:", t, guest_op_name(i.op), i.cond,
                        i.flags, i.rd, i.rn, i.rm, i.ra, i.shift_type, i.shift_amount, i.imm);
                for (unsigned r = 0; r < 16; r++)
                    if (fast.r[r] != generic.r[r])
                        fprintf(stderr, " r%u %x/%x", r, fast.r[r], generic.r[r]);
                fprintf(stderr, " nzcv %x%x%x%x/%x%x%x%x\n", fast.flag_n, fast.flag_z,
                        fast.flag_c, fast.flag_v, generic.flag_n, generic.flag_z,
                        generic.flag_c, generic.flag_v);
            }
        }
    }
}

static void test_all_conditions(void)
{
    for (unsigned cond = 0; cond < 15; cond++) {
        uint16_t want = interp_cond_mask_reference(cond);
        for (unsigned f = 0; f < 16; f++) {
            struct guest_insn i = mk(OP_MOV_IMM, 0, 0, 0);
            i.cond = (uint8_t)cond;
            i.imm = 1;
            CPU->r[0] = 0;
            set_flags(f);
            run1(i);
            CHECK_EQ(CPU->r[0], (want >> f) & 1);
        }
    }
}

int main(void)
{
    test_setup();
    test_all_conditions();
    test_random(50000);
    return test_report("exec_fastpath_test");
}
