/*
 * ELF loader tests: loads generated ARM ELF files (and, when the cross
 * compiler is installed, a real static program) into a fresh guest space
 * in forked children, then reads guest memory to check the segments, bss
 * zeroing, protections, the initial stack (argc, argv, envp, auxv in the
 * kernel's order, AT_RANDOM, strings) and PT_INTERP handling.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader/elf_loader.h"
#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

static int failures, checks;
static const char *scenario = "";
static char tmpdir[] = "/tmp/a32run-elf-test-XXXXXX";

#define CHECK(cond) do {                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "[%s] %s:%d: CHECK(%s) failed\n", scenario,        \
                    __FILE__, __LINE__, #cond);                                \
        }                                                                      \
    } while (0)
#define CHECK_EQ(a, b) do {                                                    \
        long long a_ = (long long)(a), b_ = (long long)(b);                    \
        checks++;                                                              \
        if (a_ != b_) {                                                        \
            failures++;                                                        \
            fprintf(stderr, "[%s] %s:%d: %s = 0x%llx, expected 0x%llx\n",      \
                    scenario, __FILE__, __LINE__, #a, (unsigned long long)a_,  \
                    (unsigned long long)b_);                                   \
        }                                                                      \
    } while (0)

/* ---- a small generated program ----
 * offset 0x0000: ELF header, program headers, code at 0x100, interp at 0x180
 * offset 0x1000: 16 data bytes (0x11), then 0x22 bytes that must NOT show
 *                up in memory (they are past p_filesz: bss) */
struct gen_options {
    uint16_t type;
    uint32_t base;              /* vaddr of the text segment */
    const char *interp;
    int gnu_stack;              /* -1 none, else p_flags */
    uint32_t entry_offset;      /* within text; default 0x100 */
};

#define TEXT_SIZE 0x200u
#define DATA_VADDR_DELTA 0x11000u
#define DATA_FILESZ 0x10u
#define DATA_MEMSZ 0x3000u

static void make_elf(const char *path, const struct gen_options *o)
{
    static uint8_t file[0x2000];
    memset(file, 0, sizeof file);
    Elf32_Ehdr *e = (Elf32_Ehdr *)file;
    memcpy(e->e_ident, ELFMAG, SELFMAG);
    e->e_ident[EI_CLASS] = ELFCLASS32;
    e->e_ident[EI_DATA] = ELFDATA2LSB;
    e->e_ident[EI_VERSION] = EV_CURRENT;
    e->e_type = o->type;
    e->e_machine = EM_ARM;
    e->e_version = EV_CURRENT;
    e->e_entry = o->base + (o->entry_offset ? o->entry_offset : 0x100);
    e->e_phoff = sizeof *e;
    e->e_flags = EF_ARM_EABI_VER5 | 0x400;   /* hard-float */
    e->e_ehsize = sizeof *e;
    e->e_phentsize = sizeof(Elf32_Phdr);
    Elf32_Phdr *ph = (Elf32_Phdr *)(file + sizeof *e);
    int n = 0;
    if (o->interp) {
        ph[n++] = (Elf32_Phdr){ .p_type = PT_INTERP, .p_offset = 0x180,
                                .p_vaddr = o->base + 0x180,
                                .p_filesz = (uint32_t)strlen(o->interp) + 1,
                                .p_memsz = (uint32_t)strlen(o->interp) + 1,
                                .p_flags = PF_R, .p_align = 1 };
        strcpy((char *)file + 0x180, o->interp);
    }
    ph[n++] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_offset = 0, .p_vaddr = o->base,
                            .p_paddr = o->base, .p_filesz = TEXT_SIZE, .p_memsz = TEXT_SIZE,
                            .p_flags = PF_R | PF_X, .p_align = 0x10000 };
    ph[n++] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_offset = 0x1000,
                            .p_vaddr = o->base + DATA_VADDR_DELTA,
                            .p_paddr = o->base + DATA_VADDR_DELTA, .p_filesz = DATA_FILESZ,
                            .p_memsz = DATA_MEMSZ, .p_flags = PF_R | PF_W, .p_align = 0x10000 };
    if (o->gnu_stack >= 0)
        ph[n++] = (Elf32_Phdr){ .p_type = PT_GNU_STACK, .p_flags = (uint32_t)o->gnu_stack,
                                .p_align = 16 };
    e->e_phnum = (uint16_t)n;
    /* code: mov r0, #42 ; bx lr (never run here) */
    uint32_t code[2] = { 0xe3a0002a, 0xe12fff1e };
    memcpy(file + 0x100, code, sizeof code);
    memset(file + 0x1000, 0x11, DATA_FILESZ);
    memset(file + 0x1000 + DATA_FILESZ, 0x22, 0x1000 - DATA_FILESZ);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(file, 1, sizeof file, f) != sizeof file) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

static void init_space(bool force_offset)
{
    struct guest_mem_options mo = { .force_offset = force_offset };
    if (guest_mem_init(&mo) != 0) {
        fprintf(stderr, "guest_mem_init failed\n");
        _exit(2);
    }
}

static char *const test_argv[] = { "prog", "first arg", "", NULL };
static char *const test_envp[] = { "A=1", "LONGER_VARIABLE=some value", NULL };

static struct elf_load_request request_for(const char *path)
{
    return (struct elf_load_request){
        .path = path, .execfn = "/guest/prog", .argc = 3, .argv = test_argv,
        .envp = test_envp, .sysroot = NULL, .stack_size = 1u << 20,
    };
}

static const char *guest_str(uint32_t addr)
{
    return (const char *)guest_to_host(addr);
}

/* Walks the initial stack and checks it; returns the auxv value of type
 * (0 if absent) through aux[]. */
static void check_stack(const struct elf_load_result *r, uint32_t aux[64])
{
    uint32_t sp = r->initial_sp;
    CHECK_EQ(sp % 16, 0);
    CHECK(sp < GUEST_STACK_TOP && sp > GUEST_STACK_TOP - (1u << 20));
    CHECK(guest_access_ok(sp, 64, GUEST_PROT_READ | GUEST_PROT_WRITE));
    CHECK_EQ(guest_load32(sp), 3);
    uint32_t p = sp + 4;
    for (int i = 0; i < 3; i++, p += 4)
        CHECK(!strcmp(guest_str(guest_load32(p)), test_argv[i]));
    CHECK_EQ(guest_load32(p), 0);
    p += 4;
    for (int i = 0; i < 2; i++, p += 4)
        CHECK(!strcmp(guest_str(guest_load32(p)), test_envp[i]));
    CHECK_EQ(guest_load32(p), 0);
    p += 4;
    /* Argument strings are contiguous, argv[0] lowest, then the
     * environment, then AT_EXECFN, then 4 zero bytes at the top. */
    uint32_t a0 = guest_load32(sp + 4);
    CHECK_EQ(guest_load32(sp + 8), a0 + 5);
    CHECK_EQ(guest_load32(sp + 20), a0 + 5 + 10 + 1);   /* envp[0] after "" */

    static const uint32_t order[] = {
        AT_HWCAP, AT_PAGESZ, AT_CLKTCK, AT_PHDR, AT_PHENT, AT_PHNUM, AT_BASE, AT_FLAGS,
        AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM, AT_HWCAP2,
        AT_EXECFN, AT_PLATFORM, AT_NULL,
    };
    memset(aux, 0, 64 * sizeof aux[0]);
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++, p += 8) {
        CHECK_EQ(guest_load32(p), order[i]);
        if (guest_load32(p) < 64)
            aux[guest_load32(p)] = guest_load32(p + 4);
    }
    CHECK_EQ(aux[AT_PAGESZ], 4096);
    CHECK_EQ(aux[AT_CLKTCK], 100);
    CHECK_EQ(aux[AT_PHENT], 32);
    CHECK_EQ(aux[AT_HWCAP], guest_hwcap());
    CHECK_EQ(aux[AT_HWCAP2], guest_hwcap2());
    CHECK_EQ(aux[AT_UID], getuid());
    CHECK_EQ(aux[AT_ENTRY], r->program_entry);
    CHECK_EQ(aux[AT_BASE], r->interp_base);
    CHECK(!strcmp(guest_str(aux[AT_PLATFORM]), "v7l"));
    CHECK(!strcmp(guest_str(aux[AT_EXECFN]), "/guest/prog"));
    CHECK_EQ(aux[AT_EXECFN] + 12, GUEST_STACK_TOP - 4);
    CHECK_EQ(guest_load32(GUEST_STACK_TOP - 4), 0);
    CHECK(aux[AT_RANDOM] > p && aux[AT_RANDOM] + 16 <= aux[AT_PLATFORM]);
    uint8_t zero[16] = { 0 };
    CHECK(memcmp(guest_to_host(aux[AT_RANDOM]), zero, 16) != 0);
    /* envp strings end right below AT_EXECFN. */
    uint32_t last_env = guest_load32(sp + 4 * 6);
    CHECK_EQ(last_env + strlen(test_envp[1]) + 1, aux[AT_EXECFN]);
}

static void check_program(uint32_t base, const struct elf_load_result *r, bool exec_stack)
{
    uint32_t aux[64];
    CHECK_EQ(r->program_entry, base + 0x100);
    CHECK_EQ(guest_load32(base + 0x100), 0xe3a0002a);
    CHECK_EQ(guest_load32(base), 0x464c457f);
    uint8_t f = guest_page_flags[base >> GUEST_PAGE_SHIFT];
    CHECK_EQ(f & (GPAGE_READ | GPAGE_WRITE | GPAGE_EXEC), GPAGE_READ | GPAGE_EXEC);
    uint32_t data = base + DATA_VADDR_DELTA;
    CHECK_EQ(guest_load8(data), 0x11);
    CHECK_EQ(guest_load8(data + DATA_FILESZ - 1), 0x11);
    CHECK_EQ(guest_load8(data + DATA_FILESZ), 0);      /* partial page zeroed */
    CHECK_EQ(guest_load8(data + 0xfff), 0);
    CHECK_EQ(guest_load8(data + DATA_MEMSZ - 1), 0);
    CHECK(guest_access_ok(data, DATA_MEMSZ, GUEST_PROT_READ | GUEST_PROT_WRITE));
    CHECK(!guest_access_ok(data + DATA_MEMSZ, 1, GUEST_PROT_READ));
    CHECK(!guest_access_ok(base, 4, GUEST_PROT_WRITE));
    CHECK_EQ(r->brk_start, data + DATA_MEMSZ);
    CHECK_EQ(guest_brk(0), data + DATA_MEMSZ);
    check_stack(r, aux);
    CHECK_EQ(aux[AT_PHDR], base + sizeof(Elf32_Ehdr));
    uint8_t sf = guest_page_flags[(r->initial_sp) >> GUEST_PAGE_SHIFT];
    CHECK_EQ(!!(sf & GPAGE_EXEC), exec_stack);
}

static int run(const char *name, void (*fn)(void))
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        scenario = name;
        fn();
        fflush(NULL);
        _exit(failures ? 1 : 0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status)) {
        fprintf(stderr, "[%s] FAILED (status %#x)\n", name, status);
        return 1;
    }
    return 0;
}

static char path_exec[256], path_dyn[256], path_interp[256], path_withinterp[256],
    path_missing_interp[256], path_low[256];

static void t_exec(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_exec);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);
    CHECK_EQ(r.entry, 0x10100);
    CHECK_EQ(r.interp_base, 0);
    check_program(0x10000, &r, false);
}

static void t_exec_offset(void)
{
    init_space(true);
    struct elf_load_request q = request_for(path_exec);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    check_program(0x10000, &r, false);
}

static void t_dyn(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_dyn);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    CHECK_EQ(r.entry, 0x400100);
    check_program(0x400000, &r, true);   /* no PT_GNU_STACK: executable */
}

static void t_interp(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_withinterp);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);
    CHECK(r.interp_base != 0);
    CHECK(r.interp_base < GUEST_STACK_TOP - GUEST_STACK_GAP_MIN);
    CHECK(r.interp_base > 0x80000000u);
    CHECK_EQ(r.entry, r.interp_base + 0x100);
    CHECK_EQ(guest_load32(r.interp_base + 0x100), 0xe3a0002a);
    CHECK_EQ(guest_load8(r.interp_base + DATA_VADDR_DELTA + DATA_FILESZ), 0);
    check_program(0x10000, &r, false);
}

static void t_interp_sysroot(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_missing_interp);
    q.sysroot = tmpdir;          /* PT_INTERP is /interp.so */
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);
    CHECK(r.interp_base != 0);
}

static void t_errors(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_missing_interp);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), -1);
    char want[600];
    snprintf(want, sizeof want,
             "%s: interpreter /interp.so not found (use -L / --sysroot DIR or A32RUN_SYSROOT)",
             path_missing_interp);
    CHECK(!strcmp(err, want));
    /* Nothing got mapped. */
    CHECK(guest_range_is_free(0, 1ull << 32));
    q = request_for(tmpdir);
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), -1);
    CHECK(strstr(err, ": is a directory") != NULL);
    q = request_for("/nonexistent/x");
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), -1);
    CHECK(!strcmp(err, "/nonexistent/x: No such file or directory"));
    q = request_for("/proc/self/exe");
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), -1);
    CHECK(strstr(err, "not a 32-bit ARM program") != NULL);
    CHECK(strchr(err, '\n') == NULL);
    CHECK(guest_range_is_free(0, 1ull << 32));
    /* An interpreter that is not an ARM ELF. */
    q = request_for(path_withinterp);
    q.sysroot = "/nonexistent-root";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), -1);
    CHECK(strstr(err, "not found under sysroot") != NULL);
}

static void t_low(void)
{
    /* Linked at 0x8000: below vm.mmap_min_addr on most hosts (identity
     * placement then switches to a base offset). */
    init_space(false);
    struct elf_load_request q = request_for(path_low);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);
    check_program(0x8000, &r, false);
}

/* A real static program from the cross compiler, when installed. */
static char path_real[300];
static void t_real(void)
{
    init_space(false);
    struct elf_load_request q = request_for(path_real);
    struct elf_load_result r;
    char err[512] = "";
    CHECK_EQ(elf_load(&q, &r, err, sizeof err), 0);
    if (err[0])
        fprintf(stderr, "%s\n", err);
    uint32_t aux[64];
    check_stack(&r, aux);
    CHECK(aux[AT_PHDR] != 0);
    CHECK(guest_access_ok(aux[AT_PHDR], 32 * aux[AT_PHNUM], GUEST_PROT_READ));
    CHECK(aux[AT_PHNUM] > 0);
    CHECK(r.brk_start > 0x10000 && r.brk_start % 4096 == 0);
    CHECK_EQ(r.entry, r.program_entry);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    snprintf(path_exec, sizeof path_exec, "%s/exec", tmpdir);
    snprintf(path_dyn, sizeof path_dyn, "%s/dyn", tmpdir);
    snprintf(path_interp, sizeof path_interp, "%s/interp.so", tmpdir);
    snprintf(path_withinterp, sizeof path_withinterp, "%s/withinterp", tmpdir);
    snprintf(path_missing_interp, sizeof path_missing_interp, "%s/missing", tmpdir);
    snprintf(path_low, sizeof path_low, "%s/low", tmpdir);
    make_elf(path_exec, &(struct gen_options){ .type = ET_EXEC, .base = 0x10000,
                                               .gnu_stack = PF_R | PF_W });
    make_elf(path_dyn, &(struct gen_options){ .type = ET_DYN, .base = 0, .gnu_stack = -1 });
    make_elf(path_interp, &(struct gen_options){ .type = ET_DYN, .base = 0, .gnu_stack = PF_R | PF_W });
    make_elf(path_withinterp, &(struct gen_options){ .type = ET_EXEC, .base = 0x10000,
                                                     .interp = path_interp,
                                                     .gnu_stack = PF_R | PF_W });
    make_elf(path_missing_interp, &(struct gen_options){ .type = ET_EXEC, .base = 0x10000,
                                                         .interp = "/interp.so",
                                                         .gnu_stack = PF_R | PF_W });
    make_elf(path_low, &(struct gen_options){ .type = ET_EXEC, .base = 0x8000,
                                              .gnu_stack = PF_R | PF_W });

    int bad = 0;
    bad += run("exec", t_exec);
    bad += run("exec-offset", t_exec_offset);
    bad += run("dyn", t_dyn);
    bad += run("interp", t_interp);
    bad += run("interp-sysroot", t_interp_sysroot);
    bad += run("errors", t_errors);
    bad += run("low", t_low);

    char cmd[1024];
    snprintf(path_real, sizeof path_real, "%s/real", tmpdir);
    snprintf(cmd, sizeof cmd,
             "command -v arm-linux-gnueabihf-gcc >/dev/null 2>&1 && "
             "printf 'int main(void){return 0;}' | arm-linux-gnueabihf-gcc -static -x c -o %s - 2>/dev/null",
             path_real);
    if (system(cmd) == 0)
        bad += run("real-static", t_real);
    else
        printf("elf_load_test: real static program skipped (no arm-linux-gnueabihf-gcc)\n");

    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    printf("elf_load_test: %s\n", bad ? "FAILED" : "ok");
    return bad ? 1 : 0;
}
