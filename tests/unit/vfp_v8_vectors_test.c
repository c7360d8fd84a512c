/*
 * ARMv8 VFP vector test: replays tests/guest/vfp_v8.c (VSEL, VMAXNM/VMINNM,
 * VRINT*, VCVT{A,N,P,M}, VCVTB/VCVTT half<->double, VJCVT) on a32run's VFP
 * decoder + executor and compares a hash of the printed lines per
 * operation with the hashes of the same program's output under qemu-arm
 * (the reference, recorded below).
 *
 *   vfp_v8_vectors_test           check against the reference hashes
 *   vfp_v8_vectors_test --dump    print the lines (diff with qemu-arm output)
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "exec/exec.h"
#include "exec/interp_vfp.h"
#include "guest/decode.h"

/* ---- case generation (shared shape with the guest program) ------------ */
#include "../common/vfp_cases.h"
/* 32-bit lines add AHP on odd FPSCR settings (see the case loop). */

/* ---- operations: A32 encodings with s0/d0 = result, s1/d1 = first
 * operand, s2/d2 = second operand (s2 for half-precision sources). arity 0
 * is VSEL: every APSR.NZCV instead of the FPSCR settings. ------------- */
struct vop {
    const char *name;
    int arity;
    int width;          /* 32 or 64: operand format in the printed line */
    int in32;           /* 64-bit line, operand is a single in s2 */
    int out32;          /* 64-bit line, result is s0 */
    uint32_t insn;
};

static const struct vop vops[] = {
    { "seleq32", 0, 32, 0, 0, 0xfe000a81 },
    { "selvs32", 0, 32, 0, 0, 0xfe100a81 },
    { "selge32", 0, 32, 0, 0, 0xfe200a81 },
    { "selgt32", 0, 32, 0, 0, 0xfe300a81 },
    { "maxnm32", 2, 32, 0, 0, 0xfe800a81 },
    { "minnm32", 2, 32, 0, 0, 0xfe800ac1 },
    { "rinta32", 1, 32, 0, 0, 0xfeb80a60 },
    { "rintn32", 1, 32, 0, 0, 0xfeb90a60 },
    { "rintp32", 1, 32, 0, 0, 0xfeba0a60 },
    { "rintm32", 1, 32, 0, 0, 0xfebb0a60 },
    { "rintz32", 1, 32, 0, 0, 0xeeb60ae0 },
    { "rintr32", 1, 32, 0, 0, 0xeeb60a60 },
    { "rintx32", 1, 32, 0, 0, 0xeeb70a60 },
    { "cvtas32", 1, 32, 0, 0, 0xfebc0ae0 },
    { "cvtau32", 1, 32, 0, 0, 0xfebc0a60 },
    { "cvtns32", 1, 32, 0, 0, 0xfebd0ae0 },
    { "cvtnu32", 1, 32, 0, 0, 0xfebd0a60 },
    { "cvtps32", 1, 32, 0, 0, 0xfebe0ae0 },
    { "cvtpu32", 1, 32, 0, 0, 0xfebe0a60 },
    { "cvtms32", 1, 32, 0, 0, 0xfebf0ae0 },
    { "cvtmu32", 1, 32, 0, 0, 0xfebf0a60 },
    { "seleq64", 0, 64, 0, 0, 0xfe010b02 },
    { "selvs64", 0, 64, 0, 0, 0xfe110b02 },
    { "selge64", 0, 64, 0, 0, 0xfe210b02 },
    { "selgt64", 0, 64, 0, 0, 0xfe310b02 },
    { "maxnm64", 2, 64, 0, 0, 0xfe810b02 },
    { "minnm64", 2, 64, 0, 0, 0xfe810b42 },
    { "rinta64", 1, 64, 0, 0, 0xfeb80b41 },
    { "rintn64", 1, 64, 0, 0, 0xfeb90b41 },
    { "rintp64", 1, 64, 0, 0, 0xfeba0b41 },
    { "rintm64", 1, 64, 0, 0, 0xfebb0b41 },
    { "rintz64", 1, 64, 0, 0, 0xeeb60bc1 },
    { "rintr64", 1, 64, 0, 0, 0xeeb60b41 },
    { "rintx64", 1, 64, 0, 0, 0xeeb70b41 },
    { "cvtas64", 1, 64, 0, 1, 0xfebc0bc1 },
    { "cvtau64", 1, 64, 0, 1, 0xfebc0b41 },
    { "cvtns64", 1, 64, 0, 1, 0xfebd0bc1 },
    { "cvtnu64", 1, 64, 0, 1, 0xfebd0b41 },
    { "cvtps64", 1, 64, 0, 1, 0xfebe0bc1 },
    { "cvtpu64", 1, 64, 0, 1, 0xfebe0b41 },
    { "cvtms64", 1, 64, 0, 1, 0xfebf0bc1 },
    { "cvtmu64", 1, 64, 0, 1, 0xfebf0b41 },
    { "tohalfb64", 1, 64, 0, 1, 0xeeb30b41 },
    { "tohalft64", 1, 64, 0, 1, 0xeeb30bc1 },
    { "jcvt64", 1, 64, 0, 1, 0xeeb90bc1 },
    { "fromhalfb64", 1, 64, 1, 0, 0xeeb20b41 },
    { "fromhalft64", 1, 64, 1, 0, 0xeeb20bc1 },
};
#define NVOPS (sizeof vops / sizeof vops[0])
#define RANDOM_CASES 300    /* as in the guest program */
#define SEL_CASES 40

/* FNV-1a 64 of each operation's lines, from qemu-arm 7.2 running
 * tests/guest/vfp_v8.c full (-marm and -mthumb give the same). */
static const uint64_t vfp_v8_ref[] = {
    0xcd2f3a6794530fcdull, /* seleq32 */
    0x44e91fbe4c694fadull, /* selvs32 */
    0x0618e26f28442e09ull, /* selge32 */
    0xb1dc3736efe94e0dull, /* selgt32 */
    0x2e07c2a4ce55420dull, /* maxnm32 */
    0x2d14baf964b7046dull, /* minnm32 */
    0xe8e4b0ceb9011751ull, /* rinta32 */
    0x041aebd9b1c12bd1ull, /* rintn32 */
    0x588b4cdbc39310faull, /* rintp32 */
    0x3e096ddebdc5e957ull, /* rintm32 */
    0x15b06313c500f875ull, /* rintz32 */
    0xc082db12b543c852ull, /* rintr32 */
    0xa02a165dcb8dd0efull, /* rintx32 */
    0x5b5f9d4eaaee7dcbull, /* cvtas32 */
    0xe5c319eae8ee3affull, /* cvtau32 */
    0xfb6a0565e4eed2c3ull, /* cvtns32 */
    0x6a51fd3ac138bbb7ull, /* cvtnu32 */
    0xe08eecdb8739de1cull, /* cvtps32 */
    0xb5962f64f3b22fdfull, /* cvtpu32 */
    0x3c99ee93e231ff63ull, /* cvtms32 */
    0x0ca96eb3a0c58010ull, /* cvtmu32 */
    0x5fca3af6f81eca9dull, /* seleq64 */
    0x08afcb74152cf605ull, /* selvs64 */
    0x2e9914cd50f6c61dull, /* selge64 */
    0xeb9cb66a6d4914f5ull, /* selgt64 */
    0x3c4d1eb48e271e55ull, /* maxnm64 */
    0x407b2966cd94883dull, /* minnm64 */
    0x317613ee448aa373ull, /* rinta64 */
    0xb0553a02f496808bull, /* rintn64 */
    0x9a8b6a91041baa1cull, /* rintp64 */
    0xf2c62948af4f334bull, /* rintm64 */
    0x8d14222679f9d073ull, /* rintz64 */
    0x8772e6e96aec573aull, /* rintr64 */
    0xc26793d7bca37c97ull, /* rintx64 */
    0x13d71555998ac8f2ull, /* cvtas64 */
    0x862225472ff27d42ull, /* cvtau64 */
    0x74ca55e468f5ff56ull, /* cvtns64 */
    0xbb4c1cf8782ce142ull, /* cvtnu64 */
    0xa9018cc0c9bb3499ull, /* cvtps64 */
    0x2b4dd7376e567d26ull, /* cvtpu64 */
    0x254ae139ca5d9a11ull, /* cvtms64 */
    0x058890d5eabefa8aull, /* cvtmu64 */
    0x87634e8f86bd393full, /* tohalfb64 */
    0x5caedec17d8b36bfull, /* tohalft64 */
    0xdd387280f4f647b2ull, /* jcvt64 */
    0x9e19d6660ebee9d9ull, /* fromhalfb64 */
    0xaa54414d6779d636ull, /* fromhalft64 */
};
_Static_assert(sizeof vfp_v8_ref / sizeof vfp_v8_ref[0] == NVOPS, "one hash per op");

static struct guest_thread thread;

static void run(const struct vop *op)
{
    struct guest_insn insn;
    memset(&insn, 0, sizeof insn);
    if (!guest_decode_vfp(op->insn, &insn) ||
        insn.op <= OP_VFP_FIRST_ || insn.op >= OP_VFP_END_) {
        printf("FAIL decode %08x\n", op->insn);
        return;
    }
    insn.cond = COND_AL;
    insn.length = 4;
    interp_vfp_execute(&thread, &insn);
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Inputs of one line: FPSCR, or APSR.NZCV for VSEL (FPSCR zero). */
static uint32_t line_setup(const struct vop *op, unsigned m, struct guest_cpu *cpu)
{
    if (op->arity == 0) {
        guest_cpu_set_cpsr(cpu, m << 28, false);
        cpu->fpscr = 0;
        return m << 28;
    }
    uint32_t mode = modes[m] | ((m & 1) ? 0x04000000u : 0);
    cpu->fpscr = mode;
    return mode;
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
        unsigned count = op->arity == 0 ? 16 : NMODES;
        unsigned idx = 0;
        for (unsigned k = 0; k < o; k++)
            idx += vops[k].width == op->width;
        if (op->width == 32) {
            lcg_state = 777u + idx;
            unsigned n = op->arity == 0 ? SEL_CASES
                       : op->arity == 1 ? N32 + RANDOM_CASES : N32 * N32 + RANDOM_CASES;
            for (unsigned i = 0; i < n; i++) {
                uint32_t a, b, c = 0x12345678u;
                if (op->arity == 0) {
                    a = random32(); b = random32();
                } else if (op->arity == 1 && i < N32) {
                    a = special32[i]; b = 0;
                } else if (op->arity == 2 && i < N32 * N32) {
                    a = special32[i / N32]; b = special32[i % N32];
                } else {
                    a = random32(); b = random32();
                }
                for (unsigned m = 0; m < count; m++) {
                    uint32_t mode = line_setup(op, m, cpu);
                    guest_cpu_set_s(cpu, 0, c);
                    guest_cpu_set_s(cpu, 1, a);
                    guest_cpu_set_s(cpu, 2, b);
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
            lcg_state = 888u + idx;
            unsigned n = op->arity == 0 ? SEL_CASES
                       : op->arity == 1 ? N64 + RANDOM_CASES : N64 * N64 + RANDOM_CASES;
            for (unsigned i = 0; i < n; i++) {
                uint64_t a, b, c = 0x123456789abcdef0ull;
                if (op->arity == 0) {
                    a = random64(); b = random64();
                } else if (op->arity == 1 && i < N64) {
                    a = special64[i]; b = 0;
                } else if (op->arity == 2 && i < N64 * N64) {
                    a = special64[i / N64]; b = special64[i % N64];
                } else {
                    a = random64(); b = random64();
                }
                if (op->in32) {
                    uint32_t w = (i & 1) ? (uint32_t)(a >> 32) : (uint32_t)a;
                    a = i < N64 ? special32[i % N32] ^ (uint32_t)(a >> 16) : w;
                }
                for (unsigned m = 0; m < count; m++) {
                    uint32_t mode = line_setup(op, m, cpu);
                    cpu->d[0] = c;
                    if (op->in32)
                        guest_cpu_set_s(cpu, 2, (uint32_t)a);
                    else
                        cpu->d[1] = a;
                    cpu->d[2] = b;
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
        if (hash != vfp_v8_ref[o]) {
            printf("FAIL %s: hash %016llx, qemu-arm %016llx\n", op->name,
                   (unsigned long long)hash, (unsigned long long)vfp_v8_ref[o]);
            failures++;
        }
    }
    if (!dump)
        printf("vfp_v8_vectors: %d passed, %d failed\n", checked - failures, failures);
    return failures ? 1 : 0;
}
