/*
 * VFP vector test: replays tests/guest/vfp_vectors.c on a32run's VFP
 * decoder + executor (guest_decode_vfp, interp_vfp_execute) and compares
 * a hash of the printed lines per operation with the hashes of the same
 * program's output under qemu-arm (the reference, recorded below).
 *
 *   vfp_vectors_test           check against the reference hashes
 *   vfp_vectors_test --dump    print the lines (diff with qemu-arm output)
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "exec/exec.h"
#include "exec/interp_vfp.h"
#include "guest/decode.h"

/* ---- case generation (shared shape with the unit test) ---------------- */
#include "../common/vfp_cases.h"

/* ---- operations: A32 encodings with s0/d0 = result (and accumulator),
 * s1/d1 = first operand, s2/d2 = second operand. ----------------------- */
struct vop {
    const char *name;
    int arity;
    int width;          /* 32 or 64: operand format in the printed line */
    int in32;           /* 64-bit line, operand is a single in s2 */
    int out32;          /* 64-bit line, result is s0 */
    uint32_t insn[2];
};

static const struct vop vops[] = {
    { "add32", 2, 32, 0, 0, { 0xee300a81 } },
    { "sub32", 2, 32, 0, 0, { 0xee300ac1 } },
    { "mul32", 2, 32, 0, 0, { 0xee200a81 } },
    { "div32", 2, 32, 0, 0, { 0xee800a81 } },
    { "nmul32", 2, 32, 0, 0, { 0xee200ac1 } },
    { "mla32", 3, 32, 0, 0, { 0xee000a81 } },
    { "mls32", 3, 32, 0, 0, { 0xee000ac1 } },
    { "nmla32", 3, 32, 0, 0, { 0xee100ac1 } },
    { "nmls32", 3, 32, 0, 0, { 0xee100a81 } },
    { "fma32", 3, 32, 0, 0, { 0xeea00a81 } },
    { "fms32", 3, 32, 0, 0, { 0xeea00ac1 } },
    { "fnma32", 3, 32, 0, 0, { 0xee900ac1 } },
    { "fnms32", 3, 32, 0, 0, { 0xee900a81 } },
    { "sqrt32", 1, 32, 0, 0, { 0xeeb10ae0 } },
    { "abs32", 1, 32, 0, 0, { 0xeeb00ae0 } },
    { "neg32", 1, 32, 0, 0, { 0xeeb10a60 } },
    { "cmp32", 2, 32, 0, 0, { 0xeef40a41 } },
    { "cmpe32", 2, 32, 0, 0, { 0xeef40ac1 } },
    { "cmpz32", 1, 32, 0, 0, { 0xeef50a40 } },
    { "cmpez32", 1, 32, 0, 0, { 0xeef50ac0 } },
    { "tos32", 1, 32, 0, 0, { 0xeebd0ae0 } },
    { "tou32", 1, 32, 0, 0, { 0xeebc0ae0 } },
    { "tosr32", 1, 32, 0, 0, { 0xeebd0a60 } },
    { "tour32", 1, 32, 0, 0, { 0xeebc0a60 } },
    { "froms32", 1, 32, 0, 0, { 0xeeb80ae0 } },
    { "fromu32", 1, 32, 0, 0, { 0xeeb80a60 } },
    { "tofixs16_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebe0a66 } },
    { "tofixu16_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebf0a40 } },
    { "tofixs32_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebe0aec } },
    { "tofixu32_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebf0ac0 } },
    { "fromfixs16_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeeba0a65 } },
    { "fromfixu16_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebb0a67 } },
    { "fromfixs32_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeeba0ac0 } },
    { "fromfixu32_32", 1, 32, 0, 0, { 0xeeb00a60, 0xeebb0aeb } },
    { "tohalfb", 1, 32, 0, 0, { 0xeeb30a60 } },
    { "tohalft", 1, 32, 0, 0, { 0xeeb30ae0 } },
    { "fromhalfb", 1, 32, 0, 0, { 0xeeb20a60 } },
    { "fromhalft", 1, 32, 0, 0, { 0xeeb20ae0 } },
    { "add64", 2, 64, 0, 0, { 0xee310b02 } },
    { "sub64", 2, 64, 0, 0, { 0xee310b42 } },
    { "mul64", 2, 64, 0, 0, { 0xee210b02 } },
    { "div64", 2, 64, 0, 0, { 0xee810b02 } },
    { "nmul64", 2, 64, 0, 0, { 0xee210b42 } },
    { "mla64", 3, 64, 0, 0, { 0xee010b02 } },
    { "mls64", 3, 64, 0, 0, { 0xee010b42 } },
    { "nmla64", 3, 64, 0, 0, { 0xee110b42 } },
    { "nmls64", 3, 64, 0, 0, { 0xee110b02 } },
    { "fma64", 3, 64, 0, 0, { 0xeea10b02 } },
    { "fms64", 3, 64, 0, 0, { 0xeea10b42 } },
    { "fnma64", 3, 64, 0, 0, { 0xee910b42 } },
    { "fnms64", 3, 64, 0, 0, { 0xee910b02 } },
    { "sqrt64", 1, 64, 0, 0, { 0xeeb10bc1 } },
    { "abs64", 1, 64, 0, 0, { 0xeeb00bc1 } },
    { "neg64", 1, 64, 0, 0, { 0xeeb10b41 } },
    { "cmp64", 2, 64, 0, 0, { 0xeeb41b42 } },
    { "cmpe64", 2, 64, 0, 0, { 0xeeb41bc2 } },
    { "cmpz64", 1, 64, 0, 0, { 0xeeb51b40 } },
    { "cmpez64", 1, 64, 0, 0, { 0xeeb51bc0 } },
    { "tofixs16_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebe0b66 } },
    { "tofixu16_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebf0b40 } },
    { "tofixs32_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebe0bec } },
    { "tofixu32_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebf0bc0 } },
    { "fromfixs16_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeeba0b65 } },
    { "fromfixu16_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebb0b67 } },
    { "fromfixs32_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeeba0bc0 } },
    { "fromfixu32_64", 1, 64, 0, 0, { 0xeeb00b41, 0xeebb0beb } },
    { "f64_from_f32", 1, 64, 1, 0, { 0xeeb70ac1 } },
    { "f32_from_f64", 1, 64, 0, 1, { 0xeeb70bc1 } },
    { "tos64", 1, 64, 0, 1, { 0xeebd0bc1 } },
    { "tou64", 1, 64, 0, 1, { 0xeebc0bc1 } },
    { "tosr64", 1, 64, 0, 1, { 0xeebd0b41 } },
    { "tour64", 1, 64, 0, 1, { 0xeebc0b41 } },
    { "froms64", 1, 64, 1, 0, { 0xeeb80bc1 } },
    { "fromu64", 1, 64, 1, 0, { 0xeeb80b41 } },
};
#define NVOPS (sizeof vops / sizeof vops[0])
#define RANDOM_CASES 300   /* as in the guest program */

/* FNV-1a 64 of each operation's lines, from qemu-arm 7.2 running
 * tests/guest/vfp_vectors.c (-marm and -mthumb give the same). */
static const uint64_t vfp_vectors_ref[] = {
    0xa9580b3df3c26262ull, /* add32 */
    0x7d33aa5d4333b530ull, /* sub32 */
    0xf087ed23bcc048f1ull, /* mul32 */
    0xc1956a8547b8fb13ull, /* div32 */
    0x4baf1cbeef619df6ull, /* nmul32 */
    0x2c4e2db44208d039ull, /* mla32 */
    0xe1978cf6c7f4d10eull, /* mls32 */
    0x9892ebc9b1dd669cull, /* nmla32 */
    0x50321588e8234298ull, /* nmls32 */
    0x7f9ff2fe9ba9643bull, /* fma32 */
    0x3bd2f25fc8d8821full, /* fms32 */
    0xd5fe96b43847fe08ull, /* fnma32 */
    0x41acf5a9342e040full, /* fnms32 */
    0x01680e71912aa462ull, /* sqrt32 */
    0x7322efd7271409afull, /* abs32 */
    0x2ace4765d5ec50ebull, /* neg32 */
    0x638338e0b24964abull, /* cmp32 */
    0xf6b086acdecf2cdfull, /* cmpe32 */
    0x3b9b028c0735cfa7ull, /* cmpz32 */
    0x79eda41bc48a10cbull, /* cmpez32 */
    0x32ad286c2b728574ull, /* tos32 */
    0xfcfc1c4dffc53c58ull, /* tou32 */
    0x8413351f91558e47ull, /* tosr32 */
    0xe55b70c236e7bd3eull, /* tour32 */
    0x9406c012f34106fbull, /* froms32 */
    0x9b8847229bd0bbb3ull, /* fromu32 */
    0xc68a13630dbd62c4ull, /* tofixs16_32 */
    0x74dc0a02cad2d917ull, /* tofixu16_32 */
    0x9b696f25b65fab10ull, /* tofixs32_32 */
    0x3ed5e255279714d0ull, /* tofixu32_32 */
    0x1d43df388c21c53full, /* fromfixs16_32 */
    0x1362f0c573bc4633ull, /* fromfixu16_32 */
    0xdea5abf0a749a683ull, /* fromfixs32_32 */
    0x5d0809b8ffa2e56bull, /* fromfixu32_32 */
    0xdcc8b2545e5aca7cull, /* tohalfb */
    0x6116cbba07c0296cull, /* tohalft */
    0x2008bdd9cf2969a1ull, /* fromhalfb */
    0x5704ab8d9666225full, /* fromhalft */
    0x16fc839d6d813d19ull, /* add64 */
    0x2b5c5fd190237bd4ull, /* sub64 */
    0x261a276c56b7b21bull, /* mul64 */
    0x63a9ac14a8b06550ull, /* div64 */
    0x08ea5c6edf814070ull, /* nmul64 */
    0x1472963c99181714ull, /* mla64 */
    0xd8e52f0353249df4ull, /* mls64 */
    0x08850044663cfef3ull, /* nmla64 */
    0xb3966f74408ef0c9ull, /* nmls64 */
    0xa246f226468aa807ull, /* fma64 */
    0x3741490f14bdc376ull, /* fms64 */
    0x64761cdfb64f1efaull, /* fnma64 */
    0x3532b68fbe142c3cull, /* fnms64 */
    0x9766c83738ed12e6ull, /* sqrt64 */
    0xfd1e9b350769f86dull, /* abs64 */
    0x5ec473a83f17dfb5ull, /* neg64 */
    0xf0e3889c1854f7f9ull, /* cmp64 */
    0xa5bdaf8ab773d3dbull, /* cmpe64 */
    0xefb80024c7f230c5ull, /* cmpz64 */
    0x62c7fad708c44ac1ull, /* cmpez64 */
    0xa512a507071e0e95ull, /* tofixs16_64 */
    0x0745d039c16f0f3aull, /* tofixu16_64 */
    0xea59212faf4d7766ull, /* tofixs32_64 */
    0xdcbe5dcd5cd06a7aull, /* tofixu32_64 */
    0x7bfc450861f4bcc1ull, /* fromfixs16_64 */
    0xdaefa0adca9a34e9ull, /* fromfixu16_64 */
    0xae1cd8a991d385c9ull, /* fromfixs32_64 */
    0x3e39f7896a23b0e5ull, /* fromfixu32_64 */
    0x871fee65bf050268ull, /* f64_from_f32 */
    0x80279e3a659dfd37ull, /* f32_from_f64 */
    0x9daba15e652665e2ull, /* tos64 */
    0x3161ba1d839b55adull, /* tou64 */
    0xc1d2d60ac6cd0723ull, /* tosr64 */
    0xc7e67da1ad76899eull, /* tour64 */
    0x2a9238c761e872a9ull, /* froms64 */
    0xe851862beade6619ull, /* fromu64 */
};

static struct guest_thread thread;

static void run(const struct vop *op)
{
    for (int i = 0; i < 2 && op->insn[i]; i++) {
        struct guest_insn insn;
        memset(&insn, 0, sizeof insn);
        if (!guest_decode_vfp(op->insn[i], &insn) ||
            insn.op <= OP_VFP_FIRST_ || insn.op >= OP_VFP_END_) {
            printf("FAIL decode %08x\n", op->insn[i]);
            return;
        }
        insn.cond = COND_AL;
        insn.length = 4;
        interp_vfp_execute(&thread, &insn);
    }
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    return h;
}

int main(int argc, char **argv)
{
    int dump = argc > 1 && strcmp(argv[1], "--dump") == 0;
    int failures = 0, checked = 0;
    struct guest_cpu *cpu = &thread.cpu;
    char line[200];

    for (unsigned o = 0; o < NVOPS; o++) {
        const struct vop *op = &vops[o];
        uint64_t hash = 0xcbf29ce484222325ull;
        if (op->width == 32) {
            unsigned idx32 = 0;
            for (unsigned k = 0; k < o; k++)
                idx32 += vops[k].width == 32;
            lcg_state = 12345u + idx32;
            unsigned n = op->arity == 1 ? N32 + RANDOM_CASES : N32 * N32 + RANDOM_CASES;
            for (unsigned i = 0; i < n; i++) {
                uint32_t a, b, c;
                if (op->arity == 1 && i < N32) {
                    a = special32[i]; b = 0; c = 0x12345678u;
                } else if (op->arity > 1 && i < N32 * N32) {
                    a = special32[i / N32]; b = special32[i % N32];
                    c = op->arity == 3 ? special32[lcg() % N32] : 0x12345678u;
                } else {
                    a = random32(); b = random32();
                    c = op->arity == 3 ? random32() : 0x12345678u;
                }
                if (op->name[0] == 'f' && op->name[4] == 'h')
                    a = (a & 0xffffu) | (lcg() << 16);
                for (unsigned m = 0; m < NMODES; m++) {
                    uint32_t mode = modes[m] | ((m & 1) ? 0x04000000u : 0);
                    guest_cpu_set_s(cpu, 0, c);
                    guest_cpu_set_s(cpu, 1, a);
                    guest_cpu_set_s(cpu, 2, b);
                    cpu->fpscr = mode;
                    run(op);
                    snprintf(line, sizeof line,
                             "%s %08x %08x %08x %08x -> %08x %08x\n", op->name,
                             a, b, c, mode, guest_cpu_get_s(cpu, 0), cpu->fpscr);
                    hash = fnv(hash, line);
                    if (dump)
                        fputs(line, stdout);
                }
            }
        } else {
            unsigned idx64 = 0;
            for (unsigned k = 0; k < o; k++)
                idx64 += vops[k].width == 64;
            lcg_state = 54321u + idx64;
            unsigned n = op->arity == 1 ? N64 + RANDOM_CASES : N64 * N64 + RANDOM_CASES;
            for (unsigned i = 0; i < n; i++) {
                uint64_t a, b, c;
                if (op->arity == 1 && i < N64) {
                    a = special64[i]; b = 0; c = 0x123456789abcdef0ull;
                } else if (op->arity > 1 && i < N64 * N64) {
                    a = special64[i / N64]; b = special64[i % N64];
                    c = op->arity == 3 ? special64[lcg() % N64] : 0x123456789abcdef0ull;
                } else {
                    a = random64(); b = random64();
                    c = op->arity == 3 ? random64() : 0x123456789abcdef0ull;
                }
                if (op->in32) {
                    uint32_t w = (i & 1) ? (uint32_t)(a >> 32) : (uint32_t)a;
                    a = i < N64 ? special32[i % N32] : w;
                }
                for (unsigned m = 0; m < NMODES; m++) {
                    uint32_t mode = modes[m];
                    cpu->d[0] = c;
                    if (op->in32)
                        guest_cpu_set_s(cpu, 2, (uint32_t)a);
                    else
                        cpu->d[1] = a;
                    cpu->d[2] = b;
                    cpu->fpscr = mode;
                    run(op);
                    uint64_t r = op->out32 ? guest_cpu_get_s(cpu, 0) : cpu->d[0];
                    snprintf(line, sizeof line,
                             "%s %016llx %016llx %016llx %08x -> %016llx %08x\n",
                             op->name, (unsigned long long)a,
                             (unsigned long long)b, (unsigned long long)c, mode,
                             (unsigned long long)r, cpu->fpscr);
                    hash = fnv(hash, line);
                    if (dump)
                        fputs(line, stdout);
                }
            }
        }
        if (dump)
            continue;
        checked++;
        if (hash != vfp_vectors_ref[o]) {
            printf("FAIL %s: hash %016llx, qemu-arm %016llx\n", op->name,
                   (unsigned long long)hash,
                   (unsigned long long)vfp_vectors_ref[o]);
            failures++;
        }
    }
    if (!dump)
        printf("vfp_vectors: %d passed, %d failed\n", checked - failures, failures);
    return failures ? 1 : 0;
}
