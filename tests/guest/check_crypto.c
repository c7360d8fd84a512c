/*
 * ARMv8 cryptographic extension and CRC32 known-answer tests: AES-128
 * (FIPS-197 C.1, encrypt and decrypt), SHA-1 and SHA-256 (FIPS 180 "abc"
 * and two-block vectors), CRC32 and CRC32C ("123456789" check values) and
 * VMULL.P64, each computed with the instructions (ACLE intrinsics) and
 * checked against the published value and a portable C reference over
 * more data. Self-checking: exit 0 when everything matches.
 */
// variants: arm-O2 thumb-O2
// cflags: -march=armv8-a+crc -mfpu=crypto-neon-fp-armv8
#include <arm_acle.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void check(const char *what, const void *got, const void *want, size_t n)
{
    if (memcmp(got, want, n) == 0) {
        printf("ok: %s\n", what);
        return;
    }
    failures++;
    printf("FAIL: %s\n  got  ", what);
    for (size_t i = 0; i < n; i++)
        printf("%02x", ((const uint8_t *)got)[i]);
    printf("\n  want ");
    for (size_t i = 0; i < n; i++)
        printf("%02x", ((const uint8_t *)want)[i]);
    printf("\n");
}

static void unhex(const char *s, uint8_t *out)
{
    for (; s[0] && s[1]; s += 2) {
        unsigned v;
        sscanf(s, "%2x", &v);
        *out++ = (uint8_t)v;
    }
}

/* ---- AES ---- */

static uint8_t sbox[256];

static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    for (int i = 0; i < 8; i++) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

static void make_sbox(void)
{
    for (int x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (int y = 1; y < 256 && x; y++)
            if (gmul((uint8_t)x, (uint8_t)y) == 1)
                inv = (uint8_t)y;
        uint8_t s = inv;
        for (int i = 1; i < 5; i++)
            s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
        sbox[x] = s ^ 0x63;
    }
}

static void aes_expand(const uint8_t key[16], uint8_t rk[11][16])
{
    uint8_t rcon = 1;
    memcpy(rk[0], key, 16);
    for (int r = 1; r < 11; r++) {
        uint8_t t[4] = { sbox[rk[r - 1][13]], sbox[rk[r - 1][14]], sbox[rk[r - 1][15]],
                         sbox[rk[r - 1][12]] };
        t[0] ^= rcon;
        rcon = gmul(rcon, 2);
        for (int i = 0; i < 16; i++)
            rk[r][i] = rk[r - 1][i] ^ (i < 4 ? t[i] : rk[r][i - 4]);
    }
}

static void aes_ref_encrypt(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ rk[0][i];
    for (int r = 1; r < 11; r++) {
        for (int i = 0; i < 16; i++)            /* SubBytes + ShiftRows */
            t[i] = sbox[s[(i + 4 * (i % 4)) % 16]];
        for (int c = 0; c < 4 && r < 10; c++) { /* MixColumns */
            uint8_t *a = t + 4 * c, b[4];
            for (int i = 0; i < 4; i++)
                b[i] = gmul(a[i], 2) ^ gmul(a[(i + 1) % 4], 3) ^ a[(i + 2) % 4] ^ a[(i + 3) % 4];
            memcpy(a, b, 4);
        }
        for (int i = 0; i < 16; i++)
            s[i] = t[i] ^ rk[r][i];
    }
    memcpy(out, s, 16);
}

static void aes_hw_encrypt(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
    uint8x16_t s = vld1q_u8(in);
    for (int r = 0; r < 9; r++)
        s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk[r])));
    s = veorq_u8(vaeseq_u8(s, vld1q_u8(rk[9])), vld1q_u8(rk[10]));
    vst1q_u8(out, s);
}

/* Equivalent inverse cipher: middle round keys through InvMixColumns. */
static void aes_hw_decrypt(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
    uint8x16_t s = vld1q_u8(in);
    s = vaesimcq_u8(vaesdq_u8(s, vld1q_u8(rk[10])));
    for (int r = 9; r > 1; r--)
        s = vaesimcq_u8(vaesdq_u8(s, vaesimcq_u8(vld1q_u8(rk[r]))));
    s = vaesdq_u8(s, vaesimcq_u8(vld1q_u8(rk[1])));
    vst1q_u8(out, veorq_u8(s, vld1q_u8(rk[0])));
}

static void test_aes(void)
{
    uint8_t key[16], pt[16], ct[16], rk[11][16], got[16], back[16];
    make_sbox();
    unhex("000102030405060708090a0b0c0d0e0f", key);
    unhex("00112233445566778899aabbccddeeff", pt);
    unhex("69c4e0d86a7b0430d8cdb78070b4c55a", ct);
    aes_expand(key, rk);
    aes_ref_encrypt(rk, pt, got);
    check("AES-128 reference FIPS-197 C.1", got, ct, 16);
    aes_hw_encrypt(rk, pt, got);
    check("AES-128 AESE/AESMC FIPS-197 C.1", got, ct, 16);
    aes_hw_decrypt(rk, ct, back);
    check("AES-128 AESD/AESIMC FIPS-197 C.1", back, pt, 16);
    /* chained blocks against the reference */
    uint8_t a[16], b[16];
    memcpy(a, pt, 16);
    memcpy(b, pt, 16);
    for (int i = 0; i < 200; i++) {
        aes_ref_encrypt(rk, a, a);
        aes_hw_encrypt(rk, b, b);
        key[i % 16] ^= b[0];
        aes_expand(key, rk);
    }
    check("AES-128 200 chained blocks vs reference", b, a, 16);
}

/* ---- SHA-1 and SHA-256 ---- */

static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void be_words(const uint8_t *p, uint32_t w[16])
{
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 | p[4 * i + 2] << 8 | p[4 * i + 3];
}

static void sha1_ref_block(uint32_t h[5], const uint8_t *p)
{
    uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    be_words(p, w);
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
        else { f = b ^ c ^ d; k = 0xca62c1d6; }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void sha1_hw_block(uint32_t h[5], const uint8_t *p)
{
    static const uint32_t k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
    uint32_t words[16];
    uint32x4_t w[20];
    be_words(p, words);
    for (int i = 0; i < 4; i++)
        w[i] = vld1q_u32(words + 4 * i);
    for (int i = 4; i < 20; i++)
        w[i] = vsha1su1q_u32(vsha1su0q_u32(w[i - 4], w[i - 3], w[i - 2]), w[i - 1]);
    uint32x4_t abcd = vld1q_u32(h);
    uint32_t e = h[4];
    for (int i = 0; i < 20; i++) {
        uint32_t e_next = vsha1h_u32(vgetq_lane_u32(abcd, 0));
        uint32x4_t wk = vaddq_u32(w[i], vdupq_n_u32(k[i / 5]));
        if (i < 5)
            abcd = vsha1cq_u32(abcd, e, wk);
        else if (i >= 10 && i < 15)
            abcd = vsha1mq_u32(abcd, e, wk);
        else
            abcd = vsha1pq_u32(abcd, e, wk);
        e = e_next;
    }
    uint32_t out[4];
    vst1q_u32(out, abcd);
    for (int i = 0; i < 4; i++)
        h[i] += out[i];
    h[4] += e;
}

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_ref_block(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64], s[8];
    be_words(p, w);
    for (int i = 16; i < 64; i++)
        w[i] = w[i - 16] + (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 7] +
               (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10));
    memcpy(s, h, sizeof s);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = s[7] + (ror(s[4], 6) ^ ror(s[4], 11) ^ ror(s[4], 25)) +
                      ((s[4] & s[5]) ^ (~s[4] & s[6])) + k256[i] + w[i];
        uint32_t t2 = (ror(s[0], 2) ^ ror(s[0], 13) ^ ror(s[0], 22)) +
                      ((s[0] & s[1]) ^ (s[0] & s[2]) ^ (s[1] & s[2]));
        memmove(s + 1, s, 7 * sizeof s[0]);
        s[4] += t1;
        s[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += s[i];
}

static void sha256_hw_block(uint32_t h[8], const uint8_t *p)
{
    uint32_t words[16];
    uint32x4_t w[16];
    be_words(p, words);
    for (int i = 0; i < 4; i++)
        w[i] = vld1q_u32(words + 4 * i);
    for (int i = 4; i < 16; i++)
        w[i] = vsha256su1q_u32(vsha256su0q_u32(w[i - 4], w[i - 3]), w[i - 2], w[i - 1]);
    uint32x4_t abcd = vld1q_u32(h), efgh = vld1q_u32(h + 4);
    for (int i = 0; i < 16; i++) {
        uint32x4_t wk = vaddq_u32(w[i], vld1q_u32(k256 + 4 * i));
        uint32x4_t old = abcd;
        abcd = vsha256hq_u32(abcd, efgh, wk);
        efgh = vsha256h2q_u32(efgh, old, wk);
    }
    vst1q_u32(h, vaddq_u32(vld1q_u32(h), abcd));
    vst1q_u32(h + 4, vaddq_u32(vld1q_u32(h + 4), efgh));
}

/* Pads msg (len < 120) into one or two blocks and hashes it. */
static void hash(const char *msg, size_t len, int sha256, int hw, uint8_t *digest)
{
    uint8_t blocks[128] = { 0 };
    uint32_t h[8] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
    static const uint32_t h256[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    if (sha256)
        memcpy(h, h256, sizeof h);
    memcpy(blocks, msg, len);
    blocks[len] = 0x80;
    size_t nblocks = len + 9 <= 64 ? 1 : 2;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        blocks[nblocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    for (size_t b = 0; b < nblocks; b++) {
        if (sha256)
            (hw ? sha256_hw_block : sha256_ref_block)(h, blocks + 64 * b);
        else
            (hw ? sha1_hw_block : sha1_ref_block)(h, blocks + 64 * b);
    }
    for (int i = 0; i < (sha256 ? 8 : 5); i++)
        for (int j = 0; j < 4; j++)
            digest[4 * i + j] = (uint8_t)(h[i] >> (24 - 8 * j));
}

static void test_sha(void)
{
    static const char *const msgs[2] = {
        "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    };
    static const char *const sha1_want[2] = {
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
    };
    static const char *const sha256_want[2] = {
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    };
    for (int m = 0; m < 2; m++) {
        uint8_t want[32], got[32];
        char name[64];
        size_t len = strlen(msgs[m]);
        unhex(sha1_want[m], want);
        hash(msgs[m], len, 0, 0, got);
        snprintf(name, sizeof name, "SHA-1 reference, message %d", m + 1);
        check(name, got, want, 20);
        hash(msgs[m], len, 0, 1, got);
        snprintf(name, sizeof name, "SHA-1 SHA1C/P/M/H/SU0/SU1, message %d", m + 1);
        check(name, got, want, 20);
        unhex(sha256_want[m], want);
        hash(msgs[m], len, 1, 0, got);
        snprintf(name, sizeof name, "SHA-256 reference, message %d", m + 1);
        check(name, got, want, 32);
        hash(msgs[m], len, 1, 1, got);
        snprintf(name, sizeof name, "SHA-256 SHA256H/H2/SU0/SU1, message %d", m + 1);
        check(name, got, want, 32);
    }
    /* many blocks of varied data against the reference */
    uint8_t data[64];
    uint32_t h1r[5] = { 1, 2, 3, 4, 5 }, h1h[5] = { 1, 2, 3, 4, 5 };
    uint32_t h2r[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, h2h[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    uint32_t x = 12345;
    for (int b = 0; b < 300; b++) {
        for (int i = 0; i < 64; i++) {
            x = x * 1103515245u + 12345u;
            data[i] = (uint8_t)(x >> 23);
        }
        sha1_ref_block(h1r, data);
        sha1_hw_block(h1h, data);
        sha256_ref_block(h2r, data);
        sha256_hw_block(h2h, data);
    }
    check("SHA-1 300 blocks vs reference", h1h, h1r, sizeof h1r);
    check("SHA-256 300 blocks vs reference", h2h, h2r, sizeof h2r);
}

/* ---- CRC32, CRC32C ---- */

static uint32_t crc_ref(uint32_t crc, const uint8_t *p, size_t n, uint32_t poly)
{
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (poly & -(crc & 1));
    }
    return crc;
}

static uint32_t crc_hw(uint32_t crc, const uint8_t *p, size_t n, int castagnoli)
{
    while (n && ((uintptr_t)p & 3)) {
        crc = castagnoli ? __crc32cb(crc, *p) : __crc32b(crc, *p);
        p++, n--;
    }
    while (n >= 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        crc = castagnoli ? __crc32cw(crc, w) : __crc32w(crc, w);
        p += 4, n -= 4;
    }
    if (n >= 2) {
        uint16_t hw;
        memcpy(&hw, p, 2);
        crc = castagnoli ? __crc32ch(crc, hw) : __crc32h(crc, hw);
        p += 2, n -= 2;
    }
    if (n)
        crc = castagnoli ? __crc32cb(crc, *p) : __crc32b(crc, *p);
    return crc;
}

static void test_crc(void)
{
    const uint8_t *check_str = (const uint8_t *)"123456789";
    uint32_t want = 0xcbf43926, wantc = 0xe3069283, got;
    got = ~crc_ref(~0u, check_str, 9, 0xedb88320);
    check("CRC32 reference check value", &got, &want, 4);
    got = ~crc_hw(~0u, check_str, 9, 0);
    check("CRC32B/H/W check value", &got, &want, 4);
    got = ~crc_ref(~0u, check_str, 9, 0x82f63b78);
    check("CRC32C reference check value", &got, &wantc, 4);
    got = ~crc_hw(~0u, check_str, 9, 1);
    check("CRC32CB/CH/CW check value", &got, &wantc, 4);
    static uint8_t buf[4099];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + (i >> 5));
    for (size_t off = 0; off < 4; off++) {
        uint32_t r = crc_ref(0x12345678, buf + off, sizeof buf - off - 2, 0xedb88320);
        uint32_t h = crc_hw(0x12345678, buf + off, sizeof buf - off - 2, 0);
        check("CRC32 4 KiB vs reference", &h, &r, 4);
        r = crc_ref(0x9abcdef0, buf + off, sizeof buf - off - 1, 0x82f63b78);
        h = crc_hw(0x9abcdef0, buf + off, sizeof buf - off - 1, 1);
        check("CRC32C 4 KiB vs reference", &h, &r, 4);
    }
}

/* ---- carry-less multiply ---- */

static void clmul_ref(uint64_t a, uint64_t b, uint64_t out[2])
{
    out[0] = out[1] = 0;
    for (int i = 0; i < 64; i++)
        if ((b >> i) & 1) {
            out[0] ^= a << i;
            if (i)
                out[1] ^= a >> (64 - i);
        }
}

static void test_clmul(void)
{
    uint64_t want[2], got[2];
    /* x^63+1 times x+1 = x^64 + x^63 + x + 1; (x^64-1 stuff) known answers */
    poly128_t p = vmull_p64(0x8000000000000001ull, 3);
    memcpy(got, &p, 16);
    want[0] = 0x8000000000000003ull;
    want[1] = 1;
    check("VMULL.P64 known answer 1", got, want, 16);
    p = vmull_p64(~0ull, ~0ull);
    memcpy(got, &p, 16);
    want[0] = 0x5555555555555555ull;
    want[1] = 0x5555555555555555ull;
    check("VMULL.P64 known answer 2", got, want, 16);
    uint64_t x = 0x0123456789abcdefull, y = 0xfedcba9876543210ull;
    uint64_t acc_ref[2] = { 0, 0 }, acc_hw[2] = { 0, 0 };
    for (int i = 0; i < 2000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        y ^= x >> 7;
        y = y * 2862933555777941757ull + 3037000493ull;
        clmul_ref(x, y, want);
        p = vmull_p64(x, y);
        memcpy(got, &p, 16);
        acc_ref[0] += want[0] ^ (uint64_t)i;
        acc_ref[1] += want[1];
        acc_hw[0] += got[0] ^ (uint64_t)i;
        acc_hw[1] += got[1];
    }
    check("VMULL.P64 2000 products vs reference", acc_hw, acc_ref, 16);
    /* vmull_high_p64: upper lanes */
    poly64x2_t a = vcombine_p64(vcreate_p64(1), vcreate_p64(0x8000000000000000ull));
    poly64x2_t b = vcombine_p64(vcreate_p64(2), vcreate_p64(0x8000000000000000ull));
    p = vmull_high_p64(a, b);
    memcpy(got, &p, 16);
    want[0] = 0;
    want[1] = 0x4000000000000000ull;
    check("VMULL.P64 high lanes", got, want, 16);
}

int main(void)
{
    test_aes();
    test_sha();
    test_crc();
    test_clmul();
    if (failures)
        printf("%d failures\n", failures);
    return failures != 0;
}
