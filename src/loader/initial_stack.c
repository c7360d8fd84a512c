/*
 * The initial guest stack, laid out as Linux's exec does it (fs/exec.c
 * copy_strings and fs/binfmt_elf.c create_elf_tables), from the top down:
 *
 *   stack top (GUEST_STACK_TOP, 0xbf000000, a 3G/1G armhf kernel's TASK_SIZE)
 *   4 zero bytes
 *   AT_EXECFN string
 *   environment strings, argument strings (argv[0] lowest)
 *   padding to 16 bytes
 *   AT_PLATFORM string "v7l"
 *   16 AT_RANDOM bytes
 *   padding so that argc lands on a 16-byte boundary
 *   argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL pair
 *
 * No address randomisation: runs are reproducible.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "loader/elf_internal.h"
#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

#define GUEST_PLATFORM "v7l"
#define AUXV_MAX_PAIRS 24

static int fail(char *error, size_t error_size, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsnprintf(error, error_size, format, ap);
    va_end(ap);
    return -1;
}

static void put32(uint32_t addr, uint32_t value)
{
    guest_store32(addr, value);
}

/* Copies a string below *p; returns its guest address. */
static uint32_t push_string(uint32_t *p, const char *s)
{
    size_t n = strlen(s) + 1;
    *p -= (uint32_t)n;
    memcpy(guest_to_host(*p), s, n);
    return *p;
}

static void fill_random(uint8_t *bytes, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(bytes + got, n - got, 0);
        if (r <= 0) {
            if (r < 0 && errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
    /* getrandom cannot fail here in practice; never leave zeros anyway. */
    for (; got < n; got++)
        bytes[got] = (uint8_t)(0x9e3779b9u >> (got % 4 * 8) ^ (uint32_t)getpid() ^ got);
}

static int map_stack(uint32_t size, bool exec, uint32_t *top)
{
    int prot = GUEST_PROT_READ | GUEST_PROT_WRITE | (exec ? GUEST_PROT_EXEC : 0);
    uint32_t bottom = GUEST_STACK_TOP - size;
    int64_t r = guest_mmap(bottom, size, prot,
                           GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS | GUEST_MAP_FIXED_NOREPLACE |
                           GUEST_MAP_NORESERVE, -1, 0);
    if (r == -EEXIST) {
        /* The program occupies the usual place: anywhere else will do. */
        r = guest_mmap(0, size, prot,
                       GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS | GUEST_MAP_NORESERVE, -1, 0);
    }
    if (r < 0)
        return (int)r;
    *top = (uint32_t)r + size;
    return 0;
}

static uint32_t effective_stack_size(uint32_t requested)
{
    uint32_t size = guest_page_round_up(requested ? requested : 8u << 20);
    return size < (128u << 10) ? 128u << 10 : size;
}

uint32_t guest_mmap_base_for_stack(uint32_t stack_size)
{
    uint64_t gap = (uint64_t)effective_stack_size(stack_size) + (1u << 20);
    if (gap < GUEST_STACK_GAP_MIN)
        gap = GUEST_STACK_GAP_MIN;
    if (gap > GUEST_STACK_TOP / 2)
        gap = GUEST_STACK_TOP / 2;
    return GUEST_STACK_TOP - (uint32_t)gap;
}

int build_initial_stack(const struct elf_load_request *request,
                        const struct initial_stack_info *info, uint32_t *sp,
                        char *error, size_t error_size)
{
    uint32_t size = effective_stack_size(request->stack_size);
    if (size > (1u << 30))
        return fail(error, error_size, "stack size too large");

    /* Strings and pointers must fit in a quarter of the stack, the
     * kernel's limit for exec arguments. */
    int envc = 0;
    const char *execfn = request->execfn ? request->execfn : request->path;
    uint64_t string_bytes = strlen(execfn) + 1;
    for (int i = 0; i < request->argc; i++)
        string_bytes += strlen(request->argv[i]) + 1;
    for (; request->envp && request->envp[envc]; envc++)
        string_bytes += strlen(request->envp[envc]) + 1;
    uint64_t pointer_bytes = 4ull * ((uint64_t)request->argc + envc + 3 + 2 * AUXV_MAX_PAIRS);
    if (string_bytes + pointer_bytes + 64 > size / 4)
        return fail(error, error_size, "argument list too long (%llu bytes)",
                    (unsigned long long)(string_bytes + pointer_bytes));

    uint32_t top = 0;
    int err = map_stack(size, info->exec_stack, &top);
    if (err)
        return fail(error, error_size, "cannot map the stack: %s", strerror(-err));
    /* Top-down mmap allocation starts below the stack and a gap. */
    if (top == GUEST_STACK_TOP)
        guest_mem_set_mmap_base(guest_mmap_base_for_stack(request->stack_size));

    uint32_t p = top - 4;
    put32(p, 0);
    uint32_t execfn_addr = push_string(&p, execfn);

    /* Environment strings above argument strings, each block in order. */
    uint32_t env_bytes = 0, arg_bytes = 0;
    for (int i = 0; i < envc; i++)
        env_bytes += (uint32_t)strlen(request->envp[i]) + 1;
    for (int i = 0; i < request->argc; i++)
        arg_bytes += (uint32_t)strlen(request->argv[i]) + 1;
    p -= env_bytes;
    uint32_t env_strings = p;
    p -= arg_bytes;
    uint32_t arg_strings = p;

    p &= ~15u;
    uint32_t platform_addr = push_string(&p, GUEST_PLATFORM);
    p -= 16;
    uint32_t random_addr = p;
    fill_random(guest_to_host(random_addr), 16);

    uint32_t auxv[2 * AUXV_MAX_PAIRS];
    unsigned n = 0;
#define AUX(type, value) (auxv[n++] = (type), auxv[n++] = (value))
    AUX(AT_HWCAP, guest_hwcap());
    AUX(AT_PAGESZ, GUEST_PAGE_SIZE);
    AUX(AT_CLKTCK, 100);
    AUX(AT_PHDR, info->phdr_addr);
    AUX(AT_PHENT, sizeof(Elf32_Phdr));
    AUX(AT_PHNUM, info->phnum);
    AUX(AT_BASE, info->interp_base);
    AUX(AT_FLAGS, 0);
    AUX(AT_ENTRY, info->entry);
    AUX(AT_UID, (uint32_t)getuid());
    AUX(AT_EUID, (uint32_t)geteuid());
    AUX(AT_GID, (uint32_t)getgid());
    AUX(AT_EGID, (uint32_t)getegid());
    AUX(AT_SECURE, 0);
    AUX(AT_RANDOM, random_addr);
    AUX(AT_HWCAP2, guest_hwcap2());
    AUX(AT_EXECFN, execfn_addr);
    AUX(AT_PLATFORM, platform_addr);
    AUX(AT_NULL, 0);
#undef AUX

    uint32_t words = (uint32_t)request->argc + 1 + (uint32_t)envc + 1 + 1 + n;
    p = (p - words * 4) & ~15u;
    *sp = p;

    uint32_t w = p;
    put32(w, (uint32_t)request->argc);
    w += 4;
    uint32_t s = arg_strings;
    for (int i = 0; i < request->argc; i++) {
        size_t len = strlen(request->argv[i]) + 1;
        memcpy(guest_to_host(s), request->argv[i], len);
        put32(w, s);
        w += 4;
        s += (uint32_t)len;
    }
    put32(w, 0);
    w += 4;
    s = env_strings;
    for (int i = 0; i < envc; i++) {
        size_t len = strlen(request->envp[i]) + 1;
        memcpy(guest_to_host(s), request->envp[i], len);
        put32(w, s);
        w += 4;
        s += (uint32_t)len;
    }
    put32(w, 0);
    w += 4;
    for (unsigned i = 0; i < n; i++, w += 4)
        put32(w, auxv[i]);
    return 0;
}
