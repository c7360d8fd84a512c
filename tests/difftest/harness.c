/*
 * Difftest guest harness: a static ARM program that runs generated test
 * cases (see dt_case.h) and prints their final state. It runs under qemu-arm
 * (the oracle) and under a32run; tests/difftest/run.sh compares the output.
 *
 *   harness [-d ID] [-s START] [-u] [-t SECONDS] [CASEFILE]   (stdin without CASEFILE)
 *
 * Default output: one line per case, "ID HASH" with a 64-bit hash of the
 * final state (r0-r14, NZCVQ, GE, d0-d31, FPSCR, scratch buffer), or
 * "ID sigN pc=OFFSET addr=ADDR" if the sequence raised a signal.
 * -d ID: run only case ID and print its initial and final state as text,
 *        one field per line ("final r3 0x...") so that two dumps can be diffed.
 * -D: dump every case run (as -d does for one).
 * -s START: skip cases with id < START.  -u: flush after every line.
 * -t SECONDS: watchdog; the process dies by SIGALRM if 64 consecutive
 *        cases take longer (a case that loops forever under a broken
 *        emulator ends the run instead of hanging it).
 *
 * Each case is independent: code area, scratch buffer, exclusive monitor and
 * TPIDRURW are reset before it runs.
 */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "dt_case.h"

struct dt_in {
    uint32_t r[13];
    uint32_t lr;
    uint32_t apsr;
    uint32_t fpscr;
    uint32_t entry;
    uint32_t pad;
    uint64_t d[32];
};

struct dt_out {
    uint32_t r[13];
    uint32_t lr;
    uint32_t sp;
    uint32_t apsr;
    uint32_t fpscr;
    uint32_t pad;
    uint64_t d[32];
};

_Static_assert(sizeof(struct dt_in) == 72 + 256, "dt_in layout (see harness_entry.S)");
_Static_assert(sizeof(struct dt_out) == 72 + 256, "dt_out layout (see harness_entry.S)");

void dt_enter(struct dt_in *in);
void dt_epilogue(void);
void dt_restore_fpscr(void);
void dt_set_tpidrurw(uint32_t value);

#define APSR_MASK 0xf80f0000u

static sigjmp_buf case_jump;
static volatile sig_atomic_t in_case;
static volatile int fault_signo;
static volatile uint32_t fault_pc, fault_addr;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    if (!in_case) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    fault_signo = sig;
    fault_pc = (uint32_t)uc->uc_mcontext.arm_pc;
    fault_addr = (uint32_t)(uintptr_t)si->si_addr;
    in_case = 0;
    siglongjmp(case_jump, 1);
}

static void setup(void)
{
    void *code = mmap((void *)(uintptr_t)DT_CODE_BASE, DT_CODE_MAP,
                      PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    void *data = mmap((void *)(uintptr_t)DT_DATA_BASE, DT_DATA_MAP,
                      PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (code == MAP_FAILED || data == MAP_FAILED) {
        fprintf(stderr, "harness: mmap: %s\n", strerror(errno));
        exit(2);
    }
    static uint8_t altstack[65536];
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
    if (sigaltstack(&ss, NULL) != 0) {
        fprintf(stderr, "harness: sigaltstack: %s\n", strerror(errno));
        exit(2);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    int sigs[] = { SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }

/* End stub at p (4-aligned in T32 after optional padding): jumps to the
 * epilogue (A32 state) whatever state it is entered in. */
static void write_end_stub(uint8_t *p, unsigned isa)
{
    uint32_t target = (uint32_t)(uintptr_t)&dt_epilogue;
    if (isa == DT_ISA_A32) {
        put32(p, DT_A32_END_STUB);
        put32(p + 4, target);
    } else {
        put16(p, DT_T32_END_STUB_HW1);
        put16(p + 2, DT_T32_END_STUB_HW2);
        put32(p + 4, target);
    }
}

static void prepare_case(const struct dt_case *c)
{
    uint8_t *code = (uint8_t *)(uintptr_t)DT_CODE_BASE;
    for (uint32_t i = 0; i < DT_CODE_FILL / 4; i++)
        put32(code + 4 * i, dt_code_fill_word(i));
    memcpy(code, c->code, c->code_len);
    uint32_t end = c->code_len;
    if (c->isa == DT_ISA_T32 && (end & 2)) {
        put16(code + end, DT_T16_NOP);
        end += 2;
    }
    write_end_stub(code + end, c->isa);
    write_end_stub(code + (DT_ALT_STUB - DT_CODE_BASE), c->isa ^ 1u);
    __builtin___clear_cache((char *)code, (char *)code + DT_CODE_FILL);

    uint8_t *scratch = (uint8_t *)(uintptr_t)DT_SCRATCH;
    dt_fill_scratch(scratch, c->mem_seed);
    dt_apply_patches(scratch, c);
    dt_set_tpidrurw(0);
}

struct result {
    int signo;
    uint32_t pc, addr;
    struct dt_out out;
};

static void run_case(const struct dt_case *c, struct result *res)
{
    static struct dt_in in;
    memset(&in, 0, sizeof in);
    memcpy(in.r, c->r, sizeof in.r);
    in.lr = c->r[14];
    in.apsr = c->apsr & APSR_MASK;
    in.fpscr = c->fpscr;
    in.entry = DT_CODE_BASE | (c->isa == DT_ISA_T32 ? 1u : 0u);
    memcpy(in.d, c->d, sizeof in.d);
    prepare_case(c);

    /* Every stash word is rewritten by the epilogue except the padding; a
     * sequence that moved sp (a generator bug) leaves the stash as filled
     * here instead of as a previous case left it. */
    memset((void *)(uintptr_t)DT_STASH, 0xa5, sizeof res->out);
    memset(res, 0, sizeof *res);
    if (sigsetjmp(case_jump, 1) == 0) {
        in_case = 1;
        dt_enter(&in);
        in_case = 0;
        memcpy(&res->out, (const void *)(uintptr_t)DT_STASH, sizeof res->out);
        res->out.apsr &= APSR_MASK;
    } else {
        dt_restore_fpscr();
        res->signo = fault_signo;
        res->pc = fault_pc;
        res->addr = fault_addr;
    }
}

static uint64_t hash_words(uint64_t h, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= w[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t hash_result(const struct result *res)
{
    const struct dt_out *o = &res->out;
    uint64_t h = 0xcbf29ce484222325ull;
    h = hash_words(h, (const uint32_t *)o, sizeof *o / 4);
    h = hash_words(h, (const uint32_t *)(uintptr_t)DT_SCRATCH, DT_SCRATCH_SIZE / 4);
    return h ^ (h >> 29);
}

static void print_line(const struct dt_case *c, const struct result *res)
{
    if (res->signo)
        printf("%" PRIu32 " sig%d pc=%08" PRIx32 " addr=%08" PRIx32 "\n",
               c->id, res->signo, res->pc, res->addr);
    else
        printf("%" PRIu32 " %016" PRIx64 "\n", c->id, hash_result(res));
}

static void dump_case(const struct dt_case *c, const struct result *res)
{
    printf("case %" PRIu32 " isa %s code_len %" PRIu32 "\n", c->id,
           c->isa == DT_ISA_T32 ? "t32" : "a32", c->code_len);
    for (int i = 0; i < 15; i++)
        if (i != 13)
            printf("init r%d 0x%08" PRIx32 "\n", i, c->r[i]);
    printf("init sp 0x%08x\n", DT_SP_VALUE);
    printf("init apsr 0x%08" PRIx32 "\n", c->apsr & APSR_MASK);
    printf("init fpscr 0x%08" PRIx32 "\n", c->fpscr);
    for (int i = 0; i < 32; i++)
        printf("init d%d 0x%016" PRIx64 "\n", i, c->d[i]);
    printf("init mem_seed 0x%016" PRIx64 "\n", c->mem_seed);
    for (uint32_t i = 0; i < c->n_patch; i++)
        printf("init patch scratch+0x%03" PRIx32 " size %" PRIu32 " 0x%08" PRIx32 "\n",
               c->patch[i].offset, c->patch[i].size, c->patch[i].value);

    if (res->signo) {
        printf("final signal %d pc 0x%08" PRIx32 " addr 0x%08" PRIx32 "\n",
               res->signo, res->pc, res->addr);
        return;
    }
    const struct dt_out *o = &res->out;
    for (int i = 0; i < 13; i++)
        printf("final r%d 0x%08" PRIx32 "\n", i, o->r[i]);
    printf("final sp 0x%08" PRIx32 "\n", o->sp);
    printf("final lr 0x%08" PRIx32 "\n", o->lr);
    printf("final apsr 0x%08" PRIx32 " (NZCVQ %d%d%d%d%d GE %x)\n", o->apsr,
           (int)(o->apsr >> 31) & 1, (int)(o->apsr >> 30) & 1, (int)(o->apsr >> 29) & 1,
           (int)(o->apsr >> 28) & 1, (int)(o->apsr >> 27) & 1, (unsigned)(o->apsr >> 16) & 0xf);
    printf("final fpscr 0x%08" PRIx32 "\n", o->fpscr);
    for (int i = 0; i < 32; i++)
        printf("final d%d 0x%016" PRIx64 "\n", i, o->d[i]);
    /* Scratch words that differ from their initial contents. */
    static uint8_t initial[DT_SCRATCH_SIZE];
    dt_fill_scratch(initial, c->mem_seed);
    dt_apply_patches(initial, c);
    const uint8_t *now = (const uint8_t *)(uintptr_t)DT_SCRATCH;
    for (uint32_t off = 0; off < DT_SCRATCH_SIZE; off += 4) {
        if (memcmp(initial + off, now + off, 4) != 0) {
            uint32_t was, is;
            memcpy(&was, initial + off, 4);
            memcpy(&is, now + off, 4);
            printf("final mem 0x%08" PRIx32 " 0x%08" PRIx32 " (was 0x%08" PRIx32 ")\n",
                   DT_SCRATCH + off, is, was);
        }
    }
}

int main(int argc, char **argv)
{
    long dump_id = -1, start = 0;
    int dump_all = 0;
    int unbuffered = 0, opt;
    unsigned watchdog = 0;
    while ((opt = getopt(argc, argv, "d:Ds:ut:")) != -1) {
        switch (opt) {
        case 'd': dump_id = strtol(optarg, NULL, 0); break;
        case 's': start = strtol(optarg, NULL, 0); break;
        case 'D': dump_all = 1; break;
        case 'u': unbuffered = 1; break;
        case 't': watchdog = (unsigned)strtoul(optarg, NULL, 0); break;
        default:
            fprintf(stderr, "usage: harness [-d ID] [-D] [-s START] [-u] [-t SECONDS] [CASEFILE]\n");
            return 2;
        }
    }
    FILE *in = stdin;
    if (optind < argc) {
        in = fopen(argv[optind], "rb");
        if (!in) {
            fprintf(stderr, "harness: %s: %s\n", argv[optind], strerror(errno));
            return 2;
        }
    }
    if (unbuffered)
        setvbuf(stdout, NULL, _IOLBF, 0);
    else
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    setup();

    static struct dt_case c;
    static struct result res;
    long ran = 0;
    while (fread(&c, sizeof c, 1, in) == 1) {
        if (c.magic != DT_MAGIC || c.code_len > DT_MAX_CODE) {
            fprintf(stderr, "harness: bad case record after %ld cases\n", ran);
            return 2;
        }
        if (dump_id >= 0 ? (long)c.id != dump_id : (long)c.id < start)
            continue;
        if (watchdog && ran % 64 == 0)
            alarm(watchdog);
        run_case(&c, &res);
        ran++;
        if (dump_id >= 0) {
            dump_case(&c, &res);
            break;
        }
        if (dump_all)
            dump_case(&c, &res);
        else
            print_line(&c, &res);
    }
    fflush(stdout);
    if (dump_id >= 0 && ran == 0) {
        fprintf(stderr, "harness: no case %ld\n", dump_id);
        return 2;
    }
    return 0;
}
