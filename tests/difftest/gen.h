/*
 * Difftest generator internals: random source, the per-sequence model the
 * constraint checks work on, and the per-instruction effect summary.
 *
 * The generator builds one case at a time. For each register it tracks
 * whether the generator still knows its value (never written, or only moved
 * by an unconditional writeback of known size) and whether that value is
 * pinned (an earlier instruction's address or branch target depends on it).
 * An unpinned known register may get a new initial value; that is how base
 * and index registers of memory instructions are pointed into the scratch
 * buffer.
 */
#ifndef DT_GEN_H
#define DT_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dt_case.h"
#include "guest/cpu.h"
#include "guest/decode.h"

/* Pseudo-group of hand-picked words (pipeline smoke test, needs no decoder). */
#define GEN_GROUP_SMOKE GROUP_COUNT
#define GEN_GROUP_TOTAL (GROUP_COUNT + 1)

struct gen_rng { uint64_t s[4]; };
void gen_rng_seed(struct gen_rng *r, uint64_t seed);
uint64_t gen_rand64(struct gen_rng *r);
static inline uint32_t gen_rand32(struct gen_rng *r) { return (uint32_t)(gen_rand64(r) >> 32); }
/* Uniform in [0, n). */
static inline uint32_t gen_below(struct gen_rng *r, uint32_t n)
{
    return (uint32_t)(((gen_rand64(r) >> 32) * (uint64_t)n) >> 32);
}

struct gen_reg {
    uint32_t value;
    bool known;     /* value is what the register holds at this point */
    bool pinned;    /* value is relied upon: may not be re-chosen */
};

enum gen_monitor { MON_OPEN, MON_EXCL, MON_UNKNOWN };

#define GEN_MAX_INSNS 8
#define GEN_MAX_WORDS 24        /* insns + inserted IT/NOP */

struct gen_word {
    uint32_t raw;               /* T32 32-bit as hw1 << 16 | hw2 */
    uint8_t length;
    uint8_t counted;            /* 1 = an instruction of the tested group */
    const char *name;
    uint16_t op;                /* decoded op (OP_COUNT for smoke words) */
};

struct gen_seq {
    unsigned isa, group;
    uint8_t code[DT_MAX_CODE];
    unsigned len;               /* bytes emitted */
    struct gen_word words[GEN_MAX_WORDS];
    unsigned n_words, n_counted;
    struct gen_reg reg[16];
    uint32_t itstate;           /* T32: ITSTATE before the next insn */
    uint64_t pending;           /* bit k: byte offset 2k must be an insn start */
    uint8_t target_end;         /* some branch/BX goes to the end stub */
    int8_t end_reg;             /* register whose value is end stub | T (-1 none) */
    enum gen_monitor monitor;
    uint32_t mon_addr, mon_size;
    uint8_t dirty[DT_SCRATCH_SIZE / 8];  /* scratch bytes possibly stored to, bitmap */
    uint8_t patched[DT_SCRATCH_SIZE / 8];
    struct dt_case *c;          /* initial state being built */
};

/* What an instruction reads, writes and accesses, as far as the generator's
 * constraints care. */
enum gen_mem_kind { MEM_NONE, MEM_ACCESS, MEM_TABLE_BRANCH };
enum gen_branch_kind { BR_NONE, BR_IMM, BR_REG, BR_TABLE, BR_LOAD };

struct gen_effects {
    uint16_t reads, writes;     /* register masks (bit 15 = pc) */
    bool writes_pc;
    bool reads_pc_ok;           /* pc operand has a defined value here */
    bool reject;                /* never generate (UNPREDICTABLE, SVC, ...) */
    bool is_it;
    bool sets_fpscr_from_reg;   /* VMSR FPSCR: value register needs a sane value */
    uint8_t fpscr_reg;
    /* memory */
    enum gen_mem_kind mem;
    bool store, load;
    int base, index;            /* -1 if none */
    uint8_t shift_type, shift_amount;
    uint32_t imm;               /* offset magnitude */
    bool add, pre, wback;
    uint32_t size;              /* bytes accessed in total */
    uint32_t align;             /* required alignment of the start address */
    int8_t lowest_first;        /* LDM/STM-like: start = base - size (+4 for DA) */
    uint32_t wback_delta;       /* LDM/STM/VLDM: writeback amount */
    int exclusive;              /* 0 none, 1 load-exclusive, 2 store-exclusive, 3 clrex */
    /* branch */
    enum gen_branch_kind branch;
    int branch_reg;
    uint32_t pc_word;           /* BR_LOAD: offset of the pc word from the start */
    bool links;
};

bool gen_effects(const struct guest_insn *insn, unsigned isa, struct gen_effects *fx);

/* Instruction selection for one case. Returns false if the group has no
 * usable encodings for this ISA. */
bool gen_sequence(struct gen_rng *rng, struct gen_seq *seq, unsigned n_insns);
/* True when any pattern of (isa, group) exists. */
bool gen_group_available(unsigned isa, unsigned group);
const char *gen_group_name(unsigned group);
const char *gen_group_slug(unsigned group);
void gen_print_patterns(FILE *f);

/* Smoke table. */
struct gen_smoke_word { unsigned isa; uint32_t raw; uint8_t length; const char *name; uint16_t writes; };
extern const struct gen_smoke_word gen_smoke_words[];
extern const unsigned gen_smoke_word_count;

/* Initial state. */
void gen_initial_state(struct gen_rng *rng, struct dt_case *c);
uint32_t gen_random_reg_value(struct gen_rng *rng);
uint32_t gen_sane_fpscr(struct gen_rng *rng);
/* Advanced SIMD/crypto groups: integer lane boundaries and float-lane
 * specials in some D registers (after gen_initial_state). */
void gen_neon_state(struct gen_rng *rng, struct dt_case *c);

#endif
