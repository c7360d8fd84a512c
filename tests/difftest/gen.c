/*
 * Difftest case generator (host program). For each requested ISA and
 * encoding group it writes test cases (dt_case.h records) until the group
 * has at least N instructions, deterministically from the seed: each
 * (seed, isa, group) has its own random stream, so a subset of groups gives
 * the same cases as a full run.
 *
 *   gen --seed S --n N [--chunk K] [--isa a32|t32|both] [--groups LIST|all]
 *       [--max-insns K] --out CASES [--index INDEX] [--summary SUMMARY]
 *
 * --chunk selects an independent batch of the same seed (run.sh splits
 * long runs into batches; batch 0 is the default).
 *   gen --list          groups and whether the tables have patterns for them
 *   gen --patterns      every table entry: isa, group slug, name
 *
 * INDEX: one line per case, tab-separated: id, isa, group slug, counted
 * instructions, then per word "hex:length:counted:name".
 * SUMMARY: one line per (isa, group): isa, slug, instructions, cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* ---- random source: xoshiro256** ---- */

static uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void gen_rng_seed(struct gen_rng *r, uint64_t seed)
{
    uint64_t st = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = dt_splitmix64(&st);
}

uint64_t gen_rand64(struct gen_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl64(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = rotl64(s[3], 45);
    return result;
}

/* ---- groups ---- */

static const char *const group_slugs[GEN_GROUP_TOTAL] = {
#define SLUG(name, desc) [GROUP_##name] = #name,
    GUEST_INSN_GROUPS(SLUG)
#undef SLUG
    [GEN_GROUP_SMOKE] = "SMOKE",
};

const char *gen_group_slug(unsigned group)
{
    static char buf[GEN_GROUP_TOTAL][16];
    if (group >= GEN_GROUP_TOTAL)
        return "?";
    if (!buf[group][0]) {
        const char *s = group_slugs[group];
        size_t i = 0;
        for (; s[i] && i + 1 < sizeof buf[group]; i++)
            buf[group][i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        buf[group][i] = 0;
    }
    return buf[group];
}

const char *gen_group_name(unsigned group)
{
    return group == GEN_GROUP_SMOKE ? "smoke" : guest_insn_group_name(group);
}

/* ---- initial state ----
 * Every statement draws at most one random number whose order matters: the
 * order of evaluation of operands is unspecified in C, and the cases must
 * not depend on the compiler. */

uint32_t gen_random_reg_value(struct gen_rng *rng)
{
    static const uint32_t special[] = {
        0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe,
        0x7fff, 0x8000, 0xffff, 0x10000, 0xff, 0x80, 0x7f, 0xffff8000, 0xffffff80,
        31, 32, 33, 0x55555555, 0xaaaaaaaa, 0x00ff00ff, 0x7f7f7f7f, 0x80808080,
    };
    uint32_t r = gen_below(rng, 8);
    if (r < 4)
        return gen_rand32(rng);
    if (r < 6)
        return special[gen_below(rng, sizeof special / sizeof special[0])];
    if (r == 6)
        return gen_below(rng, 64) - 32u;
    /* random value with random byte lanes forced to 0x00/0x7f/0x80/0xff */
    uint32_t v = gen_rand32(rng);
    static const uint8_t lanes[] = { 0x00, 0x7f, 0x80, 0xff };
    for (int b = 0; b < 4; b++)
        if (gen_below(rng, 2))
            v = (v & ~(0xffu << (8 * b))) | (uint32_t)lanes[gen_below(rng, 4)] << (8 * b);
    return v;
}

uint32_t gen_sane_fpscr(struct gen_rng *rng)
{
    uint32_t v = gen_rand32(rng) & 0xf8000000u;        /* NZCV, QC */
    if (gen_below(rng, 4) == 0) v |= FPSCR_AHP;
    if (gen_below(rng, 3) == 0) v |= FPSCR_DN;
    if (gen_below(rng, 3) == 0) v |= FPSCR_FZ;
    if (gen_below(rng, 2)) v |= gen_below(rng, 4) << FPSCR_RMODE_SHIFT;
    if (gen_below(rng, 2)) v |= gen_rand32(rng) & 0x9fu; /* cumulative flags */
    return v & DT_FPSCR_SANE_MASK;
}

static uint32_t random_single(struct gen_rng *rng)
{
    static const uint32_t special[] = {
        0x00000000, 0x80000000, 0x7f800000, 0xff800000,   /* +-0, +-inf */
        0x7fc00000, 0xffc00000, 0x7fc12345, 0x7f800001, 0xff812345, 0x7fbfffff, /* NaNs */
        0x00000001, 0x807fffff, 0x00400000, 0x80000001,   /* denormals */
        0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,   /* min/max normal */
        0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xbfc00000, /* 1,-1,.5,1.5,2.5 */
        0x4f000000, 0x4effffff, 0xcf000000, 0xcf000001, 0x4f800000, 0x4f7fffff, /* 2^31, 2^32 */
        0x3effffff, 0x3f7fffff, 0x46fffe00, 0x477fe000, 0x477ff000, 0x38800000, 0x387fc000, /* f16 limits */
        0x5f000000, 0xdf000000, 0x00ffffff, 0x33800000,
    };
    uint32_t r = gen_below(rng, 8);
    if (r < 4)
        return special[gen_below(rng, sizeof special / sizeof special[0])];
    if (r == 4)
        return gen_rand32(rng);
    /* finite value with exponent near the middle, integers, halves */
    uint32_t sign = gen_rand32(rng) & 0x80000000u;
    if (r == 5) {
        uint32_t exp = 120 + gen_below(rng, 40);
        return sign | exp << 23 | (gen_rand32(rng) & 0x7fffffu);
    }
    if (r == 6) {
        int32_t iv = (int32_t)gen_below(rng, 2001) - 1000;
        float f = (float)iv * (gen_below(rng, 2) ? 0.5f : 1.0f);
        uint32_t bits;
        memcpy(&bits, &f, 4);
        return bits;
    }
    return sign | (gen_rand32(rng) & 0x7fffffffu);
}

static uint64_t random_double(struct gen_rng *rng)
{
    static const uint64_t special[] = {
        0x0000000000000000ull, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0xfff8000000000000ull, 0x7ff8000012345678ull, 0x7ff0000000000001ull,
        0xfff4000000000000ull, 0x7ff7ffffffffffffull,
        0x0000000000000001ull, 0x800fffffffffffffull, 0x0008000000000000ull,
        0x0010000000000000ull, 0x8010000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull,
        0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3fe0000000000000ull, 0x3ff8000000000000ull,
        0x4004000000000000ull, 0xbff8000000000000ull,
        0x41dfffffffc00000ull, 0x41dfffffffe00000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull,
        0xc1e0000000200000ull, 0xc1e0000000100000ull, 0x41efffffffe00000ull, 0x41f0000000000000ull,
        0x41effffffff00000ull, 0xbfefffffffffffffull, 0x3fdfffffffffffffull,
        0x47efffffe0000000ull, 0x47effffff0000000ull, 0x3810000000000000ull, 0x380fffffffffffffull,
        0x36a0000000000000ull, 0x3690000000000000ull, 0x43e0000000000000ull,
    };
    uint32_t r = gen_below(rng, 8);
    if (r < 3)
        return special[gen_below(rng, sizeof special / sizeof special[0])];
    if (r == 3) {
        uint64_t hi = random_single(rng);
        return hi << 32 | random_single(rng);
    }
    if (r == 4)
        return gen_rand64(rng);
    uint64_t sign = gen_rand64(rng) & 0x8000000000000000ull;
    if (r == 5) {
        uint64_t exp = 1000 + gen_below(rng, 48);
        return sign | exp << 52 | (gen_rand64(rng) >> 12);
    }
    if (r == 6) {
        int32_t iv = (int32_t)gen_below(rng, 2001) - 1000;
        double f = (double)iv * (gen_below(rng, 2) ? 0.5 : 1.0);
        uint64_t bits;
        memcpy(&bits, &f, 8);
        return bits;
    }
    uint64_t exp = gen_below(rng, 2048);
    return sign | exp << 52 | (gen_rand64(rng) >> 12);
}

/* Advanced SIMD groups: some D registers get integer lanes at saturation
 * and sign boundaries (every element size), and single-precision lanes
 * drawn from the float specials (NaNs, infinities, denormals, +-0), on top
 * of the double-precision mix of gen_initial_state. */
static void gen_neon_registers(struct gen_rng *rng, struct dt_case *c)
{
    for (int i = 0; i < 32; i++) {
        unsigned kind = gen_below(rng, 8);
        if (kind >= 3)
            continue;
        if (kind == 2) {
            c->d[i] = (uint64_t)random_single(rng) << 32 | random_single(rng);
            continue;
        }
        unsigned bits = 8u << gen_below(rng, 4);
        uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
        uint64_t smax = (1ull << (bits - 1)) - 1, smin = 1ull << (bits - 1);
        const uint64_t bound[] = {
            0, 1, 2, mask, mask - 1, smax, smin, smin + 1, smax - 1,
            1ull << (bits - 2), (1ull << (bits - 2)) - 1, smin | (1ull << (bits - 2)),
        };
        uint64_t v = 0;
        for (unsigned lane = 0; lane < 64 / bits; lane++) {
            uint64_t x = gen_below(rng, 4) == 0
                ? gen_rand64(rng) & mask
                : bound[gen_below(rng, sizeof bound / sizeof bound[0])];
            v |= x << (lane * bits);
        }
        c->d[i] = v;
    }
}

void gen_neon_state(struct gen_rng *rng, struct dt_case *c)
{
    gen_neon_registers(rng, c);
}

void gen_initial_state(struct gen_rng *rng, struct dt_case *c)
{
    for (int i = 0; i < 15; i++)
        c->r[i] = gen_random_reg_value(rng);
    c->r[13] = DT_SP_VALUE;
    c->apsr = gen_rand32(rng) & 0xf8000000u;
    c->apsr |= gen_below(rng, 16) << CPSR_GE_SHIFT;
    c->fpscr = gen_sane_fpscr(rng);
    for (int i = 0; i < 32; i++)
        c->d[i] = random_double(rng);
    c->mem_seed = gen_rand64(rng);
    c->n_patch = 0;
}

/* ---- main ---- */

static void usage(void)
{
    fprintf(stderr,
            "usage: gen --seed S --n N [--chunk K] [--isa a32|t32|both] [--groups LIST|all]\n"
            "           [--max-insns K] --out CASES [--index INDEX] [--summary SUMMARY]\n"
            "       gen --list\n"
            "groups:");
    for (unsigned g = 0; g < GEN_GROUP_TOTAL; g++)
        fprintf(stderr, " %s", gen_group_slug(g));
    fprintf(stderr, "\n");
    exit(2);
}

static bool parse_groups(const char *list, bool *want)
{
    if (!strcmp(list, "all")) {
        for (unsigned g = 0; g < GROUP_COUNT; g++)
            want[g] = true;
        return true;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *tok = strtok(buf, ", "); tok; tok = strtok(NULL, ", ")) {
        unsigned g = 0;
        while (g < GEN_GROUP_TOTAL && strcmp(tok, gen_group_slug(g)) != 0)
            g++;
        if (g == GEN_GROUP_TOTAL) {
            fprintf(stderr, "gen: unknown group '%s'\n", tok);
            return false;
        }
        want[g] = true;
    }
    return true;
}

static void write_index(FILE *f, const struct dt_case *c, const struct gen_seq *s)
{
    fprintf(f, "%u\t%s\t%s\t%u", c->id, c->isa == DT_ISA_T32 ? "t32" : "a32",
            gen_group_slug(s->group), s->n_counted);
    for (unsigned i = 0; i < s->n_words; i++) {
        const struct gen_word *w = &s->words[i];
        fprintf(f, "\t%0*x:%u:%u:%s", w->length == 2 ? 4 : 8, w->raw, w->length,
                w->counted, w->name ? w->name : "?");
        if (w->op < OP_COUNT)
            fprintf(f, " [%s]", guest_op_name(w->op));
    }
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1, chunk = 0;
    unsigned long n = 1000;
    unsigned max_insns = GEN_MAX_INSNS;
    bool isa_want[2] = { true, true };
    bool group_want[GEN_GROUP_TOTAL] = { false };
    bool groups_given = false;
    const char *out_path = NULL, *index_path = NULL, *summary_path = NULL;

    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--list")) {
            for (unsigned isa = 0; isa < 2; isa++)
                for (unsigned g = 0; g < GEN_GROUP_TOTAL; g++)
                    printf("%s\t%s\t%s\t%s\n", isa ? "t32" : "a32", gen_group_slug(g),
                           gen_group_available(isa, g) ? "available" : "no-patterns",
                           gen_group_name(g));
            return 0;
        }
        if (!strcmp(a, "--patterns")) {
            gen_print_patterns(stdout);
            return 0;
        }
        if (!v)
            usage();
        if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--chunk")) chunk = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--n")) n = strtoul(v, NULL, 0);
        else if (!strcmp(a, "--max-insns")) max_insns = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--out")) out_path = v;
        else if (!strcmp(a, "--index")) index_path = v;
        else if (!strcmp(a, "--summary")) summary_path = v;
        else if (!strcmp(a, "--isa")) {
            isa_want[0] = !strcmp(v, "a32") || !strcmp(v, "both");
            isa_want[1] = !strcmp(v, "t32") || !strcmp(v, "both");
            if (!isa_want[0] && !isa_want[1])
                usage();
        } else if (!strcmp(a, "--groups")) {
            if (!parse_groups(v, group_want))
                return 2;
            groups_given = true;
        } else {
            usage();
        }
    }
    if (!out_path || max_insns < 1 || max_insns > GEN_MAX_INSNS)
        usage();
    if (!groups_given)
        parse_groups("all", group_want);

    FILE *out = fopen(out_path, "wb");
    FILE *index = index_path ? fopen(index_path, "w") : NULL;
    FILE *summary = summary_path ? fopen(summary_path, "w") : NULL;
    if (!out || (index_path && !index) || (summary_path && !summary)) {
        perror("gen: open");
        return 2;
    }

    uint32_t next_id = 0;
    static struct dt_case c;
    for (unsigned isa = 0; isa < 2; isa++) {
        if (!isa_want[isa])
            continue;
        for (unsigned g = 0; g < GEN_GROUP_TOTAL; g++) {
            if (!group_want[g])
                continue;
            struct gen_rng rng;
            gen_rng_seed(&rng, seed * 0x100000001b3ull ^ (uint64_t)(isa * 64 + g + 1) << 40 ^
                                   chunk * 0x9e3779b97f4a7c15ull);
            unsigned long insns = 0, cases = 0, empty = 0;
            while (insns < n && gen_group_available(isa, g) && empty < 200) {
                memset(&c, 0, sizeof c);
                c.magic = DT_MAGIC;
                c.id = next_id;
                c.isa = isa;
                gen_initial_state(&rng, &c);
                if (g == GROUP_NEON || g == GROUP_CRYPTO)
                    gen_neon_state(&rng, &c);
                static struct gen_seq s;
                memset(&s, 0, sizeof s);
                s.isa = isa;
                s.group = g;
                s.c = &c;
                s.end_reg = -1;
                s.monitor = MON_OPEN;
                for (int r = 0; r < 16; r++)
                    s.reg[r] = (struct gen_reg){ c.r[r < 15 ? r : 0], r < 15, r == 13 || r == 15 };
                unsigned want = 1 + gen_below(&rng, max_insns);
                if (want > n - insns)
                    want = (unsigned)(n - insns);
                if (!gen_sequence(&rng, &s, want)) {
                    empty++;
                    continue;
                }
                empty = 0;
                memcpy(c.code, s.code, s.len);
                c.code_len = s.len;
                if (fwrite(&c, sizeof c, 1, out) != 1) {
                    perror("gen: write");
                    return 2;
                }
                if (index)
                    write_index(index, &c, &s);
                next_id++;
                cases++;
                insns += s.n_counted;
            }
            if (insns == 0)
                fprintf(stderr, "gen: %s %s: no usable encodings\n", isa ? "t32" : "a32",
                        gen_group_name(g));
            if (summary)
                fprintf(summary, "%s\t%s\t%lu\t%lu\t%s\n", isa ? "t32" : "a32", gen_group_slug(g),
                        insns, cases, gen_group_name(g));
        }
    }
    if (fclose(out) != 0 || (index && fclose(index) != 0) || (summary && fclose(summary) != 0)) {
        perror("gen: close");
        return 2;
    }
    return 0;
}
