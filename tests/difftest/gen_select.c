/*
 * Instruction selection for difftest cases: draws encodings from the
 * decoder pattern tables, keeps those the decoders accept, and applies the
 * generator's constraints (see gen.h for the register model):
 *  - sp is an ordinary register whose initial value is fixed (DT_SP_VALUE,
 *    in the middle of the scratch buffer); pc is written only by branches
 *    of the branch group and by loads to pc (LDR pc, LDM/POP with pc; the
 *    loaded word is patched into the scratch buffer), which go to a
 *    forward instruction boundary, the end stub, or the other-state stub;
 *  - every memory access lies in the scratch buffer (literal loads: in the
 *    pattern-filled code area), suitably aligned; base and index registers
 *    get initial values that make it so;
 *  - STREX only where the exclusive monitor state is known to both sides;
 *  - T32: IT blocks (drawn or inserted) end inside the sequence and contain
 *    no branch targets.
 */
#include <string.h>

#include "gen.h"

/* TK_NEON_A32/T32: entries of guest_neon_patterns and
 * guest_neon_crypto_patterns (A32 form); T32 words are the A32 form mapped
 * to the T32 encoding (the broad NEON entries of the A32/T32 tables, which
 * only forward to the NEON decoder, are not drawn from). */
enum table_kind { TK_A32, TK_VFP_A32, TK_T16, TK_T32, TK_VFP_T32, TK_NEON_A32,
                  TK_NEON_T32, TK_SMOKE };

struct entry {
    enum table_kind kind;
    const struct guest_insn_pattern *pattern;   /* NULL for smoke */
    unsigned smoke;
    uint32_t force_mask, force_value;           /* NEON: bias of the fill */
};

#define MAX_ENTRIES 1024
static struct entry entries[2][GEN_GROUP_TOTAL][MAX_ENTRIES];
static unsigned entry_count[2][GEN_GROUP_TOTAL];
static bool tables_ready;

static void add_entry(unsigned isa, unsigned group, struct entry e)
{
    if (group < GEN_GROUP_TOTAL && entry_count[isa][group] < MAX_ENTRIES)
        entries[isa][group][entry_count[isa][group]++] = e;
}

static void build_tables(void)
{
    if (tables_ready)
        return;
    tables_ready = true;
    for (unsigned i = 0; i < guest_a32_pattern_count; i++)
        if (guest_a32_patterns[i].decode != guest_neon_a32_entry)
            add_entry(DT_ISA_A32, guest_a32_patterns[i].group,
                      (struct entry){ TK_A32, &guest_a32_patterns[i], 0, 0, 0 });
    for (unsigned i = 0; i < guest_t16_pattern_count; i++)
        add_entry(DT_ISA_T32, guest_t16_patterns[i].group,
                  (struct entry){ TK_T16, &guest_t16_patterns[i], 0, 0, 0 });
    for (unsigned i = 0; i < guest_t32_pattern_count; i++)
        if (guest_t32_patterns[i].decode != guest_neon_t32_entry)
            add_entry(DT_ISA_T32, guest_t32_patterns[i].group,
                      (struct entry){ TK_T32, &guest_t32_patterns[i], 0, 0, 0 });
    const struct { const struct guest_insn_pattern *table; unsigned count; } neon[] = {
        { guest_neon_patterns, guest_neon_pattern_count },
        { guest_neon_crypto_patterns, guest_neon_crypto_pattern_count },
    };
    for (unsigned t = 0; t < 2; t++)
        for (unsigned i = 0; i < neon[t].count; i++) {
            const struct guest_insn_pattern *p = &neon[t].table[i];
            /* Entries covering many operations are drawn more often, so
             * that each op gets a similar share: weight = popcount of the
             * entry's free opcode bits, roughly. */
            unsigned weight = t == 1 ? 1 : 1 + (unsigned)__builtin_popcount(~p->mask & 0x01300f50u) / 2;
            for (unsigned w = 0; w < weight; w++) {
                add_entry(DT_ISA_A32, p->group, (struct entry){ TK_NEON_A32, p, 0, 0, 0 });
                add_entry(DT_ISA_T32, p->group, (struct entry){ TK_NEON_T32, p, 0, 0, 0 });
            }
        }
    /* Extra draws in the single-precision parts of the three-same and
     * two-register-misc spaces (A7.4.1 A = 11xx with sz = 0; A7.4.5 A = 01
     * with F = 1 and A = 11), where rounding, NaN and flag rules live. */
    static const struct { uint32_t mask, value, force_mask, force_value; unsigned weight; } bias[] = {
        { 0xfe800000u, 0xf2000000u, 0x00100c00u, 0x00000c00u, 6 },
        { 0xffb00810u, 0xf3b00000u, 0x00030400u, 0x00010400u, 2 },
        { 0xffb00810u, 0xf3b00000u, 0x000f0000u, 0x000b0000u, 2 },
    };
    for (unsigned b = 0; b < sizeof bias / sizeof bias[0]; b++)
        for (unsigned i = 0; i < guest_neon_pattern_count; i++) {
            const struct guest_insn_pattern *p = &guest_neon_patterns[i];
            if (p->mask != bias[b].mask || p->value != bias[b].value)
                continue;
            for (unsigned w = 0; w < bias[b].weight; w++) {
                add_entry(DT_ISA_A32, p->group, (struct entry){ TK_NEON_A32, p, 0,
                          bias[b].force_mask, bias[b].force_value });
                add_entry(DT_ISA_T32, p->group, (struct entry){ TK_NEON_T32, p, 0,
                          bias[b].force_mask, bias[b].force_value });
            }
        }
    for (unsigned i = 0; i < guest_vfp_pattern_count; i++) {
        add_entry(DT_ISA_A32, guest_vfp_patterns[i].group,
                  (struct entry){ TK_VFP_A32, &guest_vfp_patterns[i], 0, 0, 0 });
        add_entry(DT_ISA_T32, guest_vfp_patterns[i].group,
                  (struct entry){ TK_VFP_T32, &guest_vfp_patterns[i], 0, 0, 0 });
    }
    for (unsigned i = 0; i < gen_smoke_word_count; i++)
        add_entry(gen_smoke_words[i].isa, GEN_GROUP_SMOKE,
                  (struct entry){ TK_SMOKE, NULL, i, 0, 0 });
}

bool gen_group_available(unsigned isa, unsigned group)
{
    build_tables();
    return group < GEN_GROUP_TOTAL && entry_count[isa][group] > 0;
}

void gen_print_patterns(FILE *f)
{
    build_tables();
    for (unsigned isa = 0; isa < 2; isa++)
        for (unsigned g = 0; g < GEN_GROUP_TOTAL; g++)
            for (unsigned i = 0; i < entry_count[isa][g]; i++) {
                const struct entry *e = &entries[isa][g][i];
                fprintf(f, "%s\t%s\t%s\n", isa ? "t32" : "a32", gen_group_slug(g),
                        e->pattern ? e->pattern->name : gen_smoke_words[e->smoke].name);
            }
}

/* ---- candidate words ---- */

struct candidate {
    uint32_t raw;
    unsigned length;
    const char *name;
    struct guest_insn insn;     /* full decoder's result */
    const struct entry *entry;
    bool smoke;
};

static bool decode_full(unsigned isa, uint32_t pc, uint32_t raw, unsigned length,
                        uint32_t itstate, struct guest_insn *out)
{
    memset(out, 0, sizeof *out);
    if (isa == DT_ISA_A32) {
        guest_decode_a32(pc, raw, out);
        return true;
    }
    uint16_t hw1 = length == 4 ? (uint16_t)(raw >> 16) : (uint16_t)raw;
    uint16_t hw2 = length == 4 ? (uint16_t)raw : 0;
    return guest_decode_t32(pc, hw1, hw2, itstate, out) == length;
}

/* A32 form of a T32 Advanced SIMD word (see decode_neon.c). */
static uint32_t neon_t32_to_a32(uint32_t raw)
{
    if ((raw & 0xef000000u) == 0xef000000u)
        return 0xf2000000u | ((raw >> 28) & 1u) << 24 | (raw & 0x00ffffffu);
    if ((raw & 0xff000000u) == 0xf9000000u)
        return 0xf4000000u | (raw & 0x00ffffffu);
    return 0xe0000000u | (raw & 0x0fffffffu);
}

/* T32 form of an A32 Advanced SIMD word: 1111 001U -> 111U 1111,
 * 1111 0100 -> 1111 1001, conditional cp11 transfers -> condition 0xE. */
static uint32_t neon_a32_to_t32(uint32_t raw)
{
    if ((raw & 0xfe000000u) == 0xf2000000u)
        return 0xef000000u | ((raw >> 24) & 1u) << 28 | (raw & 0x00ffffffu);
    if ((raw & 0xff000000u) == 0xf4000000u)
        return 0xf9000000u | (raw & 0x00ffffffu);
    return 0xe0000000u | (raw & 0x0fffffffu);
}

/* Decodes raw with the entry's own decode function and with the full
 * decoder; both must accept it as the same operation. */
static bool check_candidate(const struct entry *e, unsigned isa, uint32_t pc,
                            uint32_t itstate, struct candidate *cand)
{
    const struct guest_insn_pattern *p = e->pattern;
    uint32_t own_raw = e->kind == TK_NEON_T32 ? neon_t32_to_a32(cand->raw) : cand->raw;
    if ((own_raw & p->mask) != p->value)
        return false;
    struct guest_insn own;
    memset(&own, 0, sizeof own);
    own.pc = pc;
    own.raw = cand->raw;
    own.length = (uint8_t)cand->length;
    own.thumb = isa == DT_ISA_T32;
    own.itstate = (uint8_t)itstate;
    own.cond = COND_AL;
    if (!p->decode(p, own_raw, &own) || own.op == OP_UNDEFINED)
        return false;
    if (!decode_full(isa, pc, cand->raw, cand->length, itstate, &cand->insn))
        return false;
    return cand->insn.op == own.op && cand->insn.op != OP_UNDEFINED;
}

/* Don't-care bits: uniform, sparse or dense, so that should-be-zero and
 * should-be-one fields checked by decode functions come out right often. */
static uint32_t fill_bits(struct gen_rng *rng)
{
    uint32_t r = gen_rand32(rng);
    switch (gen_below(rng, 4)) {
    case 0: return r & gen_rand32(rng) & gen_rand32(rng);
    case 1: return r | gen_rand32(rng) | gen_rand32(rng);
    default: return r;
    }
}

static bool draw_once(struct gen_rng *rng, const struct entry *e, unsigned isa,
                      uint32_t pc, uint32_t itstate, struct candidate *cand)
{
    memset(cand, 0, sizeof *cand);
    cand->entry = e;
    if (e->kind == TK_SMOKE) {
        const struct gen_smoke_word *w = &gen_smoke_words[e->smoke];
        cand->raw = w->raw;
        cand->length = w->length;
        cand->name = w->name;
        cand->smoke = true;
        return true;
    }
    const struct guest_insn_pattern *p = e->pattern;
    /* Advanced SIMD opcode fields are dense in the free bits: uniform fill
     * gives every operation its share (sparse/dense fills would favour
     * the all-zero and all-one opcodes). */
    bool neon = e->kind == TK_NEON_A32 || e->kind == TK_NEON_T32;
    uint32_t fill = neon ? gen_rand32(rng) : fill_bits(rng);
    uint32_t raw = (p->value & p->mask) | (fill & ~p->mask);
    raw = (raw & ~e->force_mask) | e->force_value;
    cand->name = p->name;
    switch (e->kind) {
    case TK_A32:
    case TK_VFP_A32:
        cand->length = 4;
        break;
    case TK_T16:
        raw &= 0xffff;
        if (guest_t32_is_32bit((uint16_t)raw))
            return false;
        cand->length = 2;
        break;
    case TK_T32:
        if (!guest_t32_is_32bit((uint16_t)(raw >> 16)))
            return false;
        cand->length = 4;
        break;
    case TK_VFP_T32:
        raw = (raw & 0x0fffffffu) | 0xe0000000u;
        cand->length = 4;
        break;
    case TK_NEON_A32:
        cand->length = 4;
        break;
    case TK_NEON_T32:
        raw = neon_a32_to_t32(raw);
        cand->length = 4;
        break;
    case TK_SMOKE:
        break;
    }
    cand->raw = raw;
    return check_candidate(e, isa, pc, itstate, cand);
}

/* A few fills per entry: decode functions reject many words of an entry
 * (reserved fields, register 15), and each entry should get its share. */
static bool draw_candidate(struct gen_rng *rng, const struct entry *e, unsigned isa,
                           uint32_t pc, uint32_t itstate, struct candidate *cand)
{
    for (unsigned i = 0; i < 16; i++)
        if (draw_once(rng, e, isa, pc, itstate, cand))
            return true;
    return false;
}

/* ---- register model helpers ---- */

static uint32_t shift_value(uint32_t v, unsigned type, unsigned amount, unsigned carry)
{
    switch (type) {
    case SHIFT_LSL: return amount >= 32 ? 0 : v << amount;
    case SHIFT_LSR: return amount >= 32 ? 0 : v >> amount;
    case SHIFT_ASR: return amount >= 32 ? (uint32_t)-(int32_t)(v >> 31)
                                        : (uint32_t)((int32_t)v >> amount);
    case SHIFT_ROR: amount &= 31; return amount ? (v >> amount) | (v << (32 - amount)) : v;
    case SHIFT_RRX: return (carry << 31) | (v >> 1);
    }
    return v;
}

static bool reg_free(const struct gen_seq *s, int r)
{
    return r >= 0 && r < 13 ? s->reg[r].known && !s->reg[r].pinned
                            : r == 14 && s->reg[14].known && !s->reg[14].pinned;
}

static void set_initial(struct gen_seq *s, int r, uint32_t v)
{
    s->reg[r].value = v;
    s->reg[r].known = true;
    s->reg[r].pinned = true;
    s->c->r[r] = v;
}

/* Address range check: stores and ordinary loads in the scratch buffer,
 * literal loads in the pattern-filled code area. */
static bool range_ok(uint32_t addr, uint32_t size, uint32_t align, bool literal)
{
    if (align > 1 && (addr & (align - 1)))
        return false;
    uint32_t lo = literal ? DT_CODE_BASE : DT_SCRATCH;
    uint32_t len = literal ? DT_CODE_FILL : DT_SCRATCH_SIZE;
    return addr >= lo && size <= len && addr - lo <= len - size;
}

struct placed {
    uint32_t addr[2];           /* two variants when the offset uses RRX */
    unsigned n_addr;
    uint32_t new_base;
};

static void compute_addr(const struct gen_effects *fx, uint32_t base, uint32_t offset,
                         uint32_t *addr, uint32_t *new_base)
{
    if (fx->lowest_first) {
        uint32_t sz = fx->size;
        if (fx->add)
            *addr = fx->pre ? base + 4 : base;
        else
            *addr = fx->pre ? base - sz : base - sz + 4;
        /* VLDM/VSTM use only IA and DB, where this matches too. */
        *new_base = fx->add ? base + fx->wback_delta : base - fx->wback_delta;
        return;
    }
    uint32_t moved = fx->add ? base + offset : base - offset;
    *addr = fx->pre ? moved : base;
    *new_base = moved;
}

/* Chooses values for unpinned base/index registers so that the access hits
 * the allowed range; fails if that is impossible with known values. */
static bool place_memory(struct gen_rng *rng, struct gen_seq *s, const struct gen_effects *fx,
                         uint32_t pc_read, struct placed *pl)
{
    bool literal = fx->base == 15;
    int b = fx->base, x = fx->index;
    uint32_t align = fx->align;
    if (x >= 13 || b < 0)
        return false;
    unsigned variants = fx->index >= 0 && fx->shift_type == SHIFT_RRX ? 2 : 1;

    for (unsigned attempt = 0; attempt < 12; attempt++) {
        uint32_t base, index = 0;
        bool base_chosen = false;
        if (x >= 0) {
            if (reg_free(s, x) && x != b) {
                uint32_t r = gen_rand32(rng);
                if (fx->shift_type == SHIFT_LSL && fx->shift_amount > 8)
                    index = r & 1;
                else if (r & 0x100)
                    index = (r >> 20) & 0x7f;
                else
                    index = (r >> 20) & 0x3ff;
            } else if (x != b) {
                if (!s->reg[x].known)
                    return false;
                index = s->reg[x].value;
            }
        }
        if (literal) {
            base = pc_read & ~3u;
        } else if (reg_free(s, b)) {
            /* Pick the target address, then derive the base from it. */
            uint32_t span = DT_SCRATCH_SIZE - (fx->size < DT_SCRATCH_SIZE ? fx->size : DT_SCRATCH_SIZE);
            uint32_t a = DT_SCRATCH + gen_below(rng, span + 1);
            uint32_t al = align > 1 ? align : ((gen_rand32(rng) & 3) ? 4 : 1);
            a &= ~(al - 1);
            if (x == b) {
                /* base == index: only the value itself is free. */
                base = a;
                index = a;
            } else {
                uint32_t off = shift_value(index, fx->shift_type, fx->shift_amount, 0);
                if (fx->lowest_first) {
                    uint32_t sz = fx->size;
                    if (fx->add)
                        base = fx->pre ? a - 4 : a;
                    else
                        base = fx->pre ? a + sz : a + sz - 4;
                } else if (fx->pre) {
                    base = fx->add ? a - off : a + off;
                } else {
                    base = a;
                }
            }
            base_chosen = true;
        } else {
            if (!s->reg[b].known)
                return false;
            base = s->reg[b].value;
            if (x == b)
                index = base;
        }

        bool ok = true;
        for (unsigned v = 0; v < variants && ok; v++) {
            uint32_t off = fx->index >= 0
                ? shift_value(index, fx->shift_type, fx->shift_amount, v) : fx->imm;
            uint32_t addr, nb;
            compute_addr(fx, base, off, &addr, &nb);
            ok = range_ok(addr, fx->size, align, literal && !fx->store);
            pl->addr[v] = addr;
            pl->new_base = nb;
        }
        pl->n_addr = variants;
        if (ok) {
            if (base_chosen)
                set_initial(s, b, base);
            else if (b < 15 && b >= 0 && !literal && s->reg[b].known)
                s->reg[b].pinned = true;
            if (x >= 0 && x != b) {
                if (reg_free(s, x))
                    set_initial(s, x, index);
                else
                    s->reg[x].pinned = true;
            }
            return true;
        }
        if (!base_chosen && !(x >= 0 && reg_free(s, x)))
            return false;       /* nothing left to choose */
    }
    return false;
}

static void mark_bits(uint8_t *bitmap, uint32_t addr, uint32_t size)
{
    if (addr < DT_SCRATCH)
        return;
    for (uint32_t i = addr - DT_SCRATCH; i < addr - DT_SCRATCH + size && i < DT_SCRATCH_SIZE; i++)
        bitmap[i / 8] |= (uint8_t)(1u << (i % 8));
}

static bool any_bits(const uint8_t *bitmap, uint32_t addr, uint32_t size)
{
    for (uint32_t i = addr - DT_SCRATCH; i < addr - DT_SCRATCH + size && i < DT_SCRATCH_SIZE; i++)
        if (bitmap[i / 8] & (1u << (i % 8)))
            return true;
    return false;
}

/* ---- branches ---- */

/* Rewrites the offset field of an immediate branch so that it goes to
 * target; the caller re-decodes to confirm. */
static bool patch_branch(unsigned isa, uint32_t raw, unsigned length, uint32_t pc,
                         uint32_t target, uint32_t *out)
{
    if (isa == DT_ISA_A32) {
        if ((raw & 0x0e000000u) != 0x0a000000u || (raw >> 28) == 0xf)
            return false;
        uint32_t off = (target - (pc + 8)) >> 2;
        *out = (raw & 0xff000000u) | (off & 0xffffffu);
        return true;
    }
    uint32_t off = target - (pc + 4);
    if (length == 2) {
        if ((raw & 0xf000u) == 0xd000u && ((raw >> 8) & 0xe) != 0xe) {
            *out = (raw & 0xff00u) | ((off >> 1) & 0xffu);
            return true;
        }
        if ((raw & 0xf800u) == 0xe000u) {
            *out = (raw & 0xf800u) | ((off >> 1) & 0x7ffu);
            return true;
        }
        if ((raw & 0xf500u) == 0xb100u) {
            if (off > 126)
                return false;
            uint32_t h = off >> 1;
            *out = (raw & 0xfd07u) | ((h >> 5) & 1u) << 9 | (h & 0x1fu) << 3;
            return true;
        }
        return false;
    }
    if (off >= (1u << 18))
        return false;
    uint32_t imm11 = (off >> 1) & 0x7ffu;
    if ((raw & 0xf800d000u) == 0xf0008000u) {               /* B<c>.W */
        uint32_t imm6 = (off >> 12) & 0x3fu;
        *out = (raw & 0xfbc0d000u & ~0x2800u) | imm6 << 16 | imm11;
        return true;
    }
    if ((raw & 0xf8009000u) == 0xf0009000u) {               /* B.W, BL */
        uint32_t imm10 = (off >> 12) & 0x3ffu;
        *out = (raw & 0xf800d000u) | imm10 << 16 | 0x2800u | imm11;
        return true;
    }
    return false;
}

/* ---- the sequence ---- */

static bool pending_at(const struct gen_seq *s, unsigned off)
{
    return off / 2 < 64 && ((s->pending >> (off / 2)) & 1);
}

static bool pending_beyond(const struct gen_seq *s, unsigned off)
{
    unsigned k = off / 2 + 1;
    return k < 64 && (s->pending >> k) != 0;
}

static void emit(struct gen_seq *s, uint32_t raw, unsigned length, const char *name,
                 bool counted, unsigned op)
{
    uint8_t *p = s->code + s->len;
    if (length == 4 && s->isa == DT_ISA_T32) {
        p[0] = (uint8_t)(raw >> 16); p[1] = (uint8_t)(raw >> 24);
        p[2] = (uint8_t)raw; p[3] = (uint8_t)(raw >> 8);
    } else {
        for (unsigned i = 0; i < length; i++)
            p[i] = (uint8_t)(raw >> (8 * i));
    }
    if (s->n_words < GEN_MAX_WORDS)
        s->words[s->n_words++] = (struct gen_word){ raw, (uint8_t)length, counted, name,
                                                    (uint16_t)op };
    s->pending &= ~(1ull << (s->len / 2));
    s->len += length;
    if (counted)
        s->n_counted++;
}

static bool room_for(const struct gen_seq *s, unsigned length)
{
    /* keep space for padding after pending targets */
    return s->len + length + 16 <= DT_MAX_CODE && s->n_words + 1 < GEN_MAX_WORDS;
}

/* Emits a NOP, in an IT block or as padding (not counted). */
static void emit_nop(struct gen_seq *s)
{
    if (s->isa == DT_ISA_A32) {
        emit(s, DT_A32_NOP, 4, "NOP (filler)", false, OP_NOP);
    } else {
        emit(s, DT_T16_NOP, 2, "NOP (filler)", false, OP_NOP);
        s->itstate = guest_itstate_advance(s->itstate);
    }
}

static unsigned it_block_length(uint32_t mask)
{
    mask &= 0xf;
    return mask ? 4u - (unsigned)__builtin_ctz(mask) : 0;
}

static bool it_valid(uint32_t firstcond, uint32_t mask)
{
    if (firstcond == 0xf || (mask & 0xf) == 0)
        return false;
    if (firstcond == 0xe) {
        /* AL: every instruction must be "then" (mask bits above the end 0). */
        unsigned low = (unsigned)__builtin_ctz(mask & 0xf);
        if ((mask >> (low + 1)) & 0xf)
            return false;
    }
    return true;
}

/* Tries to add one instruction of the group at the current offset. */
static bool try_one(struct gen_rng *rng, struct gen_seq *s, unsigned remaining)
{
    const unsigned isa = s->isa, group = s->group;
    const uint32_t pc = DT_CODE_BASE + s->len;
    const struct entry *e = &entries[isa][group][gen_below(rng, entry_count[isa][group])];
    struct candidate cand;
    if (!draw_candidate(rng, e, isa, pc, s->itstate, &cand))
        return false;
    if (!room_for(s, cand.length))
        return false;
    if (cand.length == 4 && pending_at(s, s->len + 2))
        return false;

    if (cand.smoke) {
        const struct gen_smoke_word *w = &gen_smoke_words[e->smoke];
        for (unsigned r = 0; r < 16; r++)
            if (w->writes & (1u << r))
                s->reg[r].known = false;
        emit(s, cand.raw, cand.length, cand.name, true, OP_COUNT);
        if (isa == DT_ISA_T32)
            s->itstate = guest_itstate_advance(s->itstate);
        return true;
    }

    struct gen_effects fx;
    if (!gen_effects(&cand.insn, isa, &fx))
        return false;
    const bool in_it = s->itstate != 0;
    const bool last_in_it = in_it && guest_itstate_advance(s->itstate) == 0;

    if (fx.is_it) {
        uint32_t firstcond = (cand.insn.imm >> 4) & 0xf, mask = cand.insn.imm & 0xf;
        if (in_it || !it_valid(firstcond, mask) || pending_beyond(s, s->len) ||
            it_block_length(mask) + 1 > remaining)
            return false;
        emit(s, cand.raw, cand.length, cand.name, true, cand.insn.op);
        s->itstate = cand.insn.imm & 0xff;
        return true;
    }
    if (fx.writes_pc) {
        /* Loads to pc (LDR pc, POP {..., pc}) live in the load/store groups. */
        bool load_group = group == GROUP_LOADSTORE || group == GROUP_LDMSTM;
        if (fx.branch == BR_NONE || (group != GROUP_BRANCH && !(fx.branch == BR_LOAD && load_group)))
            return false;
        if (in_it && (!last_in_it || cand.insn.op == OP_CBZ || cand.insn.op == OP_CBNZ))
            return false;
        if (in_it && cand.length == 2 && (cand.raw & 0xf000u) == 0xd000u)
            return false;
        if (in_it && cand.length == 4 && (cand.raw & 0xf800d000u) == 0xf0008000u)
            return false;
    }

    /* Work on a copy of the model; commit when everything fits. */
    struct gen_seq t = *s;
    struct dt_case c_backup = *s->c;
    const bool uncertain = cand.insn.cond != COND_AL || pending_beyond(s, s->len) || s->target_end;
    const uint32_t pc_read = pc + (isa == DT_ISA_T32 ? 4 : 8);
    struct placed pl = { .n_addr = 0 };
    uint32_t raw = cand.raw;

    if (fx.mem != MEM_NONE) {
        if (!place_memory(rng, &t, &fx, pc_read, &pl))
            goto fail;
    }
    if (fx.sets_fpscr_from_reg) {
        int r = fx.fpscr_reg;
        if (reg_free(&t, r)) {
            set_initial(&t, r, gen_sane_fpscr(rng));
        } else if (!t.reg[r].known || (t.reg[r].value & ~DT_FPSCR_SANE_MASK)) {
            goto fail;
        } else {
            t.reg[r].pinned = true;
        }
    }
    if (fx.exclusive == 2) {
        if (!(t.monitor == MON_OPEN ||
              (t.monitor == MON_EXCL && t.mon_addr == pl.addr[0] && t.mon_size == fx.size)))
            goto fail;
    }

    /* Branch targets. */
    uint32_t tbit = isa == DT_ISA_T32 ? 1u : 0u;
    if (fx.branch == BR_IMM) {
        unsigned step = isa == DT_ISA_T32 ? 2 : 4;
        unsigned min = cand.length + (cand.insn.op == OP_CBZ || cand.insn.op == OP_CBNZ ? 2 : 0);
        unsigned off = s->len + min + step * gen_below(rng, 4);
        uint32_t patched;
        if (off > s->len + 16 ||
            !patch_branch(isa, cand.raw, cand.length, pc, DT_CODE_BASE + off, &patched))
            goto fail;
        struct candidate again = cand;
        again.raw = patched;
        if (!check_candidate(cand.entry, isa, pc, s->itstate, &again) ||
            again.insn.op != cand.insn.op || again.insn.imm != DT_CODE_BASE + off)
            goto fail;
        raw = patched;
        cand.insn = again.insn;
        t.pending |= 1ull << (off / 2);
    } else if (fx.branch == BR_REG) {
        int r = fx.branch_reg;
        if (!reg_free(&t, r))
            goto fail;
        uint32_t choice = gen_below(rng, 3);
        if (choice == 0) {
            set_initial(&t, r, DT_ALT_STUB | (tbit ^ 1u));
            t.target_end = 1;
        } else if (choice == 1 && t.end_reg < 0) {
            set_initial(&t, r, 0);      /* fixed up at the end */
            t.reg[r].known = false;     /* so that no address relies on it */
            t.end_reg = (int8_t)r;
            t.target_end = 1;
        } else {
            unsigned step = isa == DT_ISA_T32 ? 2 : 4;
            unsigned off = s->len + cand.length + step * gen_below(rng, 4);
            set_initial(&t, r, (DT_CODE_BASE + off) | tbit);
            t.pending |= 1ull << (off / 2);
        }
    } else if (fx.branch == BR_LOAD) {
        /* The loaded pc word is patched into the initial scratch contents:
         * the other-state stub or a forward instruction boundary. */
        struct dt_case *c = t.c;
        if (pl.n_addr != 1)
            goto fail;
        uint32_t a = pl.addr[0] + fx.pc_word, value;
        if (c->n_patch >= DT_MAX_PATCH || any_bits(t.dirty, a, 4) || any_bits(t.patched, a, 4))
            goto fail;
        if (gen_below(rng, 3) == 0) {
            value = DT_ALT_STUB | (tbit ^ 1u);
            t.target_end = 1;
        } else {
            unsigned step = isa == DT_ISA_T32 ? 2 : 4;
            unsigned off = s->len + cand.length + step * gen_below(rng, 4);
            value = (DT_CODE_BASE + off) | tbit;
            t.pending |= 1ull << (off / 2);
        }
        c->patch[c->n_patch++] = (struct dt_patch){ a - DT_SCRATCH, 4, value };
        mark_bits(t.patched, a, 4);
    } else if (fx.branch == BR_TABLE) {
        /* The table entry is patched into the initial scratch contents. */
        uint32_t a = pl.addr[0], v = gen_below(rng, 4);
        struct dt_case *c = t.c;
        if (c->n_patch >= DT_MAX_PATCH || any_bits(t.dirty, a, fx.size) ||
            any_bits(t.patched, a, fx.size))
            goto fail;
        c->patch[c->n_patch++] = (struct dt_patch){ a - DT_SCRATCH, fx.size, v };
        mark_bits(t.patched, a, fx.size);
        unsigned off = s->len + cand.length + 2 * v;
        t.pending |= 1ull << (off / 2);
    }

    /* Commit: model updates, then the word itself. */
    for (unsigned r = 0; r < 15; r++)
        if (fx.writes & (1u << r))
            t.reg[r].known = false;
    if (fx.wback && fx.base >= 0 && fx.base < 15 && !uncertain) {
        t.reg[fx.base].value = pl.new_base;
        t.reg[fx.base].known = true;
        t.reg[fx.base].pinned = true;
    }
    if (fx.store) {
        for (unsigned v = 0; v < pl.n_addr; v++) {
            mark_bits(t.dirty, pl.addr[v], fx.size);
            if (t.monitor == MON_EXCL && fx.exclusive != 2 &&
                pl.addr[v] < t.mon_addr + t.mon_size && t.mon_addr < pl.addr[v] + fx.size)
                t.monitor = MON_UNKNOWN;
        }
    }
    switch (fx.exclusive) {
    case 1:
        if (uncertain) {
            t.monitor = MON_UNKNOWN;
        } else {
            t.monitor = MON_EXCL;
            t.mon_addr = pl.addr[0];
            t.mon_size = fx.size;
        }
        break;
    case 2: case 3:
        if (!uncertain || t.monitor == MON_OPEN)
            t.monitor = MON_OPEN;
        else
            t.monitor = MON_UNKNOWN;
        break;
    default:
        break;
    }
    emit(&t, raw, cand.length, cand.name, true, cand.insn.op);
    if (isa == DT_ISA_T32)
        t.itstate = guest_itstate_advance(t.itstate);
    *s = t;
    return true;
fail:
    *s->c = c_backup;
    return false;
}

/* Inserts a random IT instruction (T32) so that every group is also tested
 * under IT conditions. */
static void maybe_insert_it(struct gen_rng *rng, struct gen_seq *s, unsigned remaining)
{
    if (s->isa != DT_ISA_T32 || s->itstate != 0 || s->group == GEN_GROUP_SMOKE ||
        remaining == 0 || pending_beyond(s, s->len) || gen_below(rng, 6) != 0 ||
        !room_for(s, 2))
        return;
    unsigned k = 1 + gen_below(rng, remaining < 4 ? remaining : 4);
    uint32_t firstcond = gen_below(rng, 15);
    uint32_t mask = 1u << (4 - k);
    for (unsigned i = 1; i < k; i++) {
        uint32_t t_or_e = firstcond == 0xe ? 0 : gen_below(rng, 2);
        uint32_t bit = (firstcond & 1) ^ t_or_e;
        mask |= bit << (4 - i);
    }
    if (!it_valid(firstcond, mask))
        return;
    uint32_t raw = 0xbf00u | firstcond << 4 | mask;
    struct guest_insn insn;
    if (!decode_full(DT_ISA_T32, DT_CODE_BASE + s->len, raw, 2, 0, &insn) || insn.op != OP_IT)
        return;
    emit(s, raw, 2, "IT (inserted)", false, OP_IT);
    s->itstate = raw & 0xff;
}

bool gen_sequence(struct gen_rng *rng, struct gen_seq *s, unsigned n_insns)
{
    build_tables();
    if (!gen_group_available(s->isa, s->group))
        return false;
    unsigned failures = 0;
    while (s->n_counted < n_insns && failures < 400) {
        unsigned remaining = n_insns - s->n_counted;
        if (s->itstate == 0)
            maybe_insert_it(rng, s, remaining);
        if (try_one(rng, s, remaining)) {
            failures = 0;
            continue;
        }
        failures++;
        /* Do not get stuck in an IT block: fill its slot with a NOP. */
        if (s->itstate != 0 && failures % 50 == 0)
            emit_nop(s);
    }
    while (s->itstate != 0)
        emit_nop(s);
    /* Pad to every pending forward target (the end stub follows). */
    while (pending_beyond(s, s->len))
        emit_nop(s);
    if (s->end_reg >= 0)
        s->c->r[s->end_reg] = (DT_CODE_BASE + s->len) | (s->isa == DT_ISA_T32 ? 1u : 0u);
    return s->n_counted > 0;
}
