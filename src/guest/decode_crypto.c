/*
 * ARMv8 AArch32 cryptographic extension and CRC32 decoding.
 *
 * guest_neon_crypto_patterns[] lists the crypto encodings of the Advanced
 * SIMD space in A32 form (AESE/AESD/AESMC/AESIMC, SHA1*, SHA256*,
 * VMULL.P64); guest_decode_neon_a32() tries it after the ARMv7 table, so T32
 * reaches it through the same A32 mapping. Its entries are GROUP_CRYPTO
 * (the difftest generator draws from them by group).
 *
 * CRC32/CRC32C live in the integer encoding space; the A32 and T32 tables
 * hold one entry each that calls guest_crc32_a32_entry/_t32_entry here.
 * The ARM ARM makes a condition other than AL in A32 (and an IT block in
 * T32) CONSTRAINED UNPREDICTABLE; like qemu-arm we execute conditionally.
 * sz == 11, r15 operands and the (0) bits set decode as UNDEFINED (qemu
 * raises SIGILL for sz == 11 and the (0) bits too).
 */
#include "guest/decode.h"

static inline uint32_t bits(uint32_t raw, unsigned hi, unsigned lo)
{
    return (raw >> lo) & ((1u << (hi - lo + 1)) - 1u);
}

static inline uint32_t bit(uint32_t raw, unsigned n)
{
    return (raw >> n) & 1u;
}

static bool crypto_begin(struct guest_insn *insn, uint32_t raw, unsigned op,
                         unsigned d, unsigned n, unsigned m)
{
    uint32_t pc = insn->pc;
    *insn = (struct guest_insn){
        .pc = pc, .raw = raw, .op = (uint16_t)op, .cond = COND_AL, .length = 4,
        .rd = (uint8_t)d, .rn = (uint8_t)n, .rm = (uint8_t)m, .shift_type = 2,
        .flags = NF_Q,
    };
    return true;
}

#define REG_D(raw) (bit(raw, 22) << 4 | bits(raw, 15, 12))
#define REG_N(raw) (bit(raw, 7) << 4 | bits(raw, 19, 16))
#define REG_M(raw) (bit(raw, 5) << 4 | bits(raw, 3, 0))

/* AESE/AESD/AESMC/AESIMC: op in bits 7:6, Q registers. */
static bool dec_aes(const struct guest_insn_pattern *p, uint32_t raw,
                    struct guest_insn *insn)
{
    static const uint16_t ops[4] = {
        OP_NEON_AESE, OP_NEON_AESD, OP_NEON_AESMC, OP_NEON_AESIMC,
    };
    unsigned d = REG_D(raw), m = REG_M(raw);
    if ((d | m) & 1)
        return false;
    crypto_begin(insn, raw, ops[bits(raw, 7, 6)], d, 0, m);
    insn->shift_type = 0;
    return true;
}

/* SHA1H, SHA1SU1, SHA256SU0: two Q registers. */
static bool dec_sha_2reg(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    unsigned d = REG_D(raw), m = REG_M(raw), op;
    if ((d | m) & 1)
        return false;
    if (bits(raw, 17, 16) == 1)
        op = OP_NEON_SHA1H;
    else
        op = bit(raw, 6) ? OP_NEON_SHA256SU0 : OP_NEON_SHA1SU1;
    return crypto_begin(insn, raw, op, d, 0, m);
}

/* SHA1C/P/M/SU0 (U = 0), SHA256H/H2/SU1 (U = 1): three Q registers. */
static bool dec_sha_3reg(const struct guest_insn_pattern *p, uint32_t raw,
                         struct guest_insn *insn)
{
    static const uint16_t ops[2][4] = {
        { OP_NEON_SHA1C, OP_NEON_SHA1P, OP_NEON_SHA1M, OP_NEON_SHA1SU0 },
        { OP_NEON_SHA256H, OP_NEON_SHA256H2, OP_NEON_SHA256SU1, OP_UNDEFINED },
    };
    unsigned d = REG_D(raw), n = REG_N(raw), m = REG_M(raw);
    unsigned op = ops[bit(raw, 24)][bits(raw, 21, 20)];
    if (op == OP_UNDEFINED || ((d | n | m) & 1))
        return false;
    return crypto_begin(insn, raw, op, d, n, m);
}

/* VMULL.P64 Qd, Dn, Dm. */
static bool dec_vmull_p64(const struct guest_insn_pattern *p, uint32_t raw,
                          struct guest_insn *insn)
{
    unsigned d = REG_D(raw);
    if (d & 1)
        return false;
    crypto_begin(insn, raw, OP_NEON_VMULLP64, d, REG_N(raw), REG_M(raw));
    insn->shift_type = 3;
    insn->flags = 0;
    return true;
}

#define C(mask, value, name, op, fn) \
    { mask, value, name, GROUP_CRYPTO, OP_NEON_##op, fn }
const struct guest_insn_pattern guest_neon_crypto_patterns[] = {
    C(0xffbf0f10u, 0xf3b00300u, "AESE, AESD, AESMC, AESIMC", AESE, dec_aes),
    C(0xffbf0fd0u, 0xf3b902c0u, "SHA1H", SHA1H, dec_sha_2reg),
    C(0xffbf0f90u, 0xf3ba0380u, "SHA1SU1, SHA256SU0", SHA1SU1, dec_sha_2reg),
    C(0xfe800f50u, 0xf2000c40u, "SHA1C, SHA1P, SHA1M, SHA1SU0, SHA256H, "
      "SHA256H2, SHA256SU1", SHA1C, dec_sha_3reg),
    C(0xffb00f50u, 0xf2a00e00u, "VMULL.P64", VMULLP64, dec_vmull_p64),
};
#undef C
const unsigned guest_neon_crypto_pattern_count =
    sizeof guest_neon_crypto_patterns / sizeof guest_neon_crypto_patterns[0];

/* ---- CRC32 ------------------------------------------------------------- */

static bool crc32_fill(struct guest_insn *insn, uint32_t raw, bool castagnoli,
                       unsigned size, unsigned d, unsigned n, unsigned m)
{
    if (size == 3 || d == 15 || n == 15 || m == 15)
        return false;
    insn->op = castagnoli ? OP_CRC32C : OP_CRC32;
    insn->rd = (uint8_t)d;
    insn->rn = (uint8_t)n;
    insn->rm = (uint8_t)m;
    insn->shift_type = (uint8_t)size;
    return true;
}

/* A32: cond 0001 0 sz 0 Rn Rd (0)(0) C (0) 0100 Rm. */
bool guest_crc32_a32_entry(const struct guest_insn_pattern *pattern,
                           uint32_t raw, struct guest_insn *insn)
{
    unsigned cond = raw >> 28;
    if (cond == 0xf || (raw & 0x0f900df0u) != 0x01000040u)
        return false;
    uint32_t pc = insn->pc;
    *insn = (struct guest_insn){
        .pc = pc, .raw = raw, .cond = (uint8_t)cond, .length = 4,
    };
    return crc32_fill(insn, raw, bit(raw, 9), bits(raw, 22, 21),
                      bits(raw, 15, 12), bits(raw, 19, 16), bits(raw, 3, 0));
}

/* T32: 1111 1010 110C Rn 1111 Rd 10 sz Rm; the T32 entry point has already
 * set pc, raw, length, thumb, itstate and cond. */
bool guest_crc32_t32_entry(const struct guest_insn_pattern *pattern,
                           uint32_t raw, struct guest_insn *insn)
{
    if ((raw & 0xffe0f0c0u) != 0xfac0f080u)
        return false;
    return crc32_fill(insn, raw, bit(raw, 20), bits(raw, 5, 4),
                      bits(raw, 11, 8), bits(raw, 19, 16), bits(raw, 3, 0));
}
