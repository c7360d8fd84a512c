/*
 * LDM/STM, exclusives, acquire/release and SWP (see interp_mem.h).
 *
 * Exclusive monitor: LDREX* records (address, size, value read) in the
 * guest CPU; STREX* succeeds only if the monitor holds the same address and
 * size and a host compare-and-swap from the recorded value to the new one
 * succeeds. That makes STREX fail whenever another thread changed the
 * location in between (ABA changes excepted, which no lock-free algorithm
 * built on LDREX/STREX can observe). Exclusive, acquire/release and SWP
 * accesses must be naturally aligned (SIGBUS BUS_ADRALN otherwise), as the
 * architecture requires and as Linux reports.
 */
#include <signal.h>

#include "exec/interp_mem.h"
#include "exec/interp.h"
#include "mem/guest_mem.h"

/* Bits set in a 16-bit register list (a table: without a host popcount
 * instruction in the baseline ISA, __builtin_popcount is a library call). */
static unsigned list_count(unsigned list)
{
    static const uint8_t nibble[16] = { 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4 };
    return nibble[list & 15] + nibble[(list >> 4) & 15] + nibble[(list >> 8) & 15] +
           nibble[(list >> 12) & 15];
}

static void ldm_stm_range(const struct guest_cpu *cpu, const struct guest_insn *insn,
                          uint32_t *start, uint32_t *writeback)
{
    uint32_t base = cpu->r[insn->rn];
    uint32_t bytes = 4u * list_count(insn->imm & 0xffffu);
    if (insn->flags & F_ADD) {
        *start = base + ((insn->flags & F_PRE) ? 4 : 0);
        *writeback = base + bytes;
    } else {
        *start = base - bytes + ((insn->flags & F_PRE) ? 0 : 4);
        *writeback = base - bytes;
    }
}

bool interp_ldm(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t values[16];
    uint32_t addr, writeback;
    unsigned list = insn->imm & 0xffffu;
    ldm_stm_range(cpu, insn, &addr, &writeback);
    /* Loads first, registers after: a fault leaves every register as it
     * was (precise). */
    for (unsigned bits = list; bits; bits &= bits - 1) {
        values[__builtin_ctz(bits)] = guest_load32(addr);
        addr += 4;
    }
    /* A loaded base register wins over the writeback (as qemu does; the
     * architecture leaves it UNKNOWN). */
    if (insn->flags & F_WBACK)
        cpu->r[insn->rn] = writeback;
    for (unsigned bits = list & 0x7fffu; bits; bits &= bits - 1) {
        unsigned i = (unsigned)__builtin_ctz(bits);
        cpu->r[i] = values[i];
    }
    if (list & 0x8000u) {
        interp_bx_write_pc(cpu, values[15]);
        return true;
    }
    return false;
}

void interp_stm(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t addr, writeback;
    unsigned list = insn->imm & 0xffffu;
    ldm_stm_range(cpu, insn, &addr, &writeback);
    /* r[15] holds the PC read value: STM of pc stores insn address + 8. */
    for (unsigned bits = list; bits; bits &= bits - 1) {
        guest_store32(addr, cpu->r[__builtin_ctz(bits)]);
        addr += 4;
    }
    if (insn->flags & F_WBACK)
        cpu->r[insn->rn] = writeback;
}

static void check_aligned(struct guest_thread *thread, uint32_t addr, unsigned size)
{
    if (addr & (size - 1))
        interp_raise(thread, SIGBUS, BUS_ADRALN, addr);
}

static unsigned exclusive_size(unsigned op)
{
    switch (op) {
    case OP_LDREXB: case OP_STREXB: case OP_LDAB: case OP_STLB: case OP_SWPB:
        return 1;
    case OP_LDREXH: case OP_STREXH: case OP_LDAH: case OP_STLH:
        return 2;
    case OP_LDREXD: case OP_STREXD:
        return 8;
    default:
        return 4;
    }
}

static uint64_t atomic_load(uint32_t addr, unsigned size, int order)
{
    void *p = guest_to_host(addr);
    switch (size) {
    case 1: return __atomic_load_n((uint8_t *)p, order);
    case 2: return __atomic_load_n((uint16_t *)p, order);
    case 4: return __atomic_load_n((uint32_t *)p, order);
    default: return __atomic_load_n((uint64_t *)p, order);
    }
}

static bool atomic_cas(uint32_t addr, unsigned size, uint64_t expected, uint64_t desired)
{
    void *p = guest_to_host(addr);
    switch (size) {
    case 1: {
        uint8_t e = (uint8_t)expected;
        return __atomic_compare_exchange_n((uint8_t *)p, &e, (uint8_t)desired, false,
                                           __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
    case 2: {
        uint16_t e = (uint16_t)expected;
        return __atomic_compare_exchange_n((uint16_t *)p, &e, (uint16_t)desired, false,
                                           __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
    case 4: {
        uint32_t e = (uint32_t)expected;
        return __atomic_compare_exchange_n((uint32_t *)p, &e, (uint32_t)desired, false,
                                           __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
    default: {
        uint64_t e = expected;
        return __atomic_compare_exchange_n((uint64_t *)p, &e, desired, false,
                                           __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    }
    }
}

static void atomic_store(uint32_t addr, unsigned size, uint32_t v)
{
    void *p = guest_to_host(addr);
    switch (size) {
    case 1: __atomic_store_n((uint8_t *)p, (uint8_t)v, __ATOMIC_SEQ_CST); break;
    case 2: __atomic_store_n((uint16_t *)p, (uint16_t)v, __ATOMIC_SEQ_CST); break;
    default: __atomic_store_n((uint32_t *)p, v, __ATOMIC_SEQ_CST); break;
    }
}

void interp_atomic(struct guest_thread *thread, const struct guest_insn *insn)
{
    struct guest_cpu *cpu = &thread->cpu;
    uint32_t *r = cpu->r;
    unsigned size = exclusive_size(insn->op);
    uint32_t addr;

    switch (insn->op) {
    case OP_LDREX: case OP_LDREXB: case OP_LDREXH: case OP_LDREXD: {
        addr = r[insn->rn] + insn->imm;
        check_aligned(thread, addr, size);
        uint64_t v = atomic_load(addr, size, __ATOMIC_SEQ_CST);
        cpu->excl_addr = addr;
        cpu->excl_size = size;
        cpu->excl_value = v;
        cpu->excl_valid = 1;
        r[insn->rd] = (uint32_t)v;
        if (size == 8)
            r[insn->ra] = (uint32_t)(v >> 32);
        return;
    }
    case OP_STREX: case OP_STREXB: case OP_STREXH: case OP_STREXD: {
        addr = r[insn->rn] + insn->imm;
        check_aligned(thread, addr, size);
        uint64_t v = r[insn->rm];
        if (size == 8)
            v |= (uint64_t)r[insn->ra] << 32;
        bool ok = cpu->excl_valid && cpu->excl_addr == addr && cpu->excl_size == size &&
                  atomic_cas(addr, size, cpu->excl_value, v);
        cpu->excl_valid = 0;
        r[insn->rd] = ok ? 0 : 1;
        return;
    }
    case OP_CLREX:
        cpu->excl_valid = 0;
        return;
    case OP_LDA: case OP_LDAB: case OP_LDAH:
        addr = r[insn->rn];
        check_aligned(thread, addr, size);
        r[insn->rd] = (uint32_t)atomic_load(addr, size, __ATOMIC_SEQ_CST);
        return;
    case OP_STL: case OP_STLB: case OP_STLH:
        addr = r[insn->rn];
        check_aligned(thread, addr, size);
        atomic_store(addr, size, r[insn->rd]);
        return;
    case OP_SWP:
        addr = r[insn->rn];
        check_aligned(thread, addr, 4);
        r[insn->rd] = __atomic_exchange_n((uint32_t *)guest_to_host(addr), r[insn->rm],
                                          __ATOMIC_SEQ_CST);
        return;
    case OP_SWPB:
        addr = r[insn->rn];
        r[insn->rd] = __atomic_exchange_n((uint8_t *)guest_to_host(addr),
                                          (uint8_t)r[insn->rm], __ATOMIC_SEQ_CST);
        return;
    default:
        interp_raise(thread, SIGILL, ILL_ILLOPC, insn->pc);
    }
}
