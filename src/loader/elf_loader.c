/*
 * ELF loader: places and maps a validated program (and its PT_INTERP), then
 * has initial_stack.c build the stack, as Linux's load_elf_binary does.
 *
 * Placement: ET_EXEC at its link addresses; ET_DYN main programs (PIE,
 * static-pie) at ELF_ET_DYN_BASE (0x400000) when free; the interpreter
 * top-down in the mmap area below the stack, where Linux puts it too
 * (so ld.so lands just under 0xb7000000 as on a real armhf system).
 *
 * Order: both files are validated completely before anything is mapped, so
 * a bad interpreter leaves no half-loaded program behind.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader/elf_internal.h"
#include "loader/elf_loader.h"
#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"

static int fail(char *error, size_t error_size, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsnprintf(error, error_size, format, ap);
    va_end(ap);
    return -1;
}

static int guest_prot_of(uint32_t p_flags)
{
    return ((p_flags & PF_R) ? GUEST_PROT_READ : 0) |
           ((p_flags & PF_W) ? GUEST_PROT_WRITE : 0) |
           ((p_flags & PF_X) ? GUEST_PROT_EXEC : 0);
}

/* Chooses the load bias of im. Returns 0 or -errno. */
static int choose_bias(struct elf_image *im, bool is_interpreter)
{
    uint32_t span = im->hi - im->lo;
    if (im->ehdr.e_type == ET_EXEC) {
        im->bias = 0;
        if (im->lo < guest_min_addr) {
            /* Linked below the host's vm.mmap_min_addr (old ARM programs
             * start at 0x8000): only a base offset can hold it. */
            if (guest_mem_is_identity() && guest_mem_relocate_to_offset() != 0)
                return -EPERM;
            if (im->lo < guest_min_addr)
                return -EPERM;
        }
        return guest_range_is_free(im->lo, span) ? 0 : -EEXIST;
    }
    uint32_t align = im->max_align;
    if (align < host_page_size)
        align = (uint32_t)host_page_size;
    if (!is_interpreter) {
        uint32_t want = ELF_ET_DYN_BASE;
        if (guest_range_is_free(want, span)) {
            im->bias = want - im->lo;
            return 0;
        }
    }
    int64_t where = guest_find_free(0, span + align);
    if (where < 0)
        return (int)where;
    uint32_t start = (uint32_t)(((uint64_t)where + align - 1) & ~(uint64_t)(align - 1));
    im->bias = start - im->lo;
    return 0;
}

static int map_segment(struct elf_image *im, const Elf32_Phdr *ph)
{
    uint32_t seg = im->bias + ph->p_vaddr;
    uint32_t page = seg & ~(GUEST_PAGE_SIZE - 1);
    uint64_t file_end = (uint64_t)seg + ph->p_filesz;
    uint64_t mem_end = (uint64_t)seg + ph->p_memsz;
    uint64_t file_top = (file_end + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    uint64_t mem_top = (mem_end + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    int prot = guest_prot_of(ph->p_flags);
    bool zero_tail = ph->p_memsz > ph->p_filesz && (file_end & (GUEST_PAGE_SIZE - 1));

    if (ph->p_filesz > 0) {
        int map_prot = zero_tail ? prot | GUEST_PROT_READ | GUEST_PROT_WRITE : prot;
        int64_t r = guest_mmap(page, (uint32_t)(file_top - page), map_prot,
                               GUEST_MAP_PRIVATE | GUEST_MAP_FIXED, im->fd,
                               ph->p_offset - (seg - page));
        if (r < 0)
            return (int)r;
        if (zero_tail) {
            /* The bss starts inside the last file page: clear the rest. */
            memset(guest_to_host((uint32_t)file_end), 0, (size_t)(file_top - file_end));
            if (map_prot != prot) {
                int err = guest_mprotect(page, (uint32_t)(file_top - page), prot);
                if (err)
                    return err;
            }
        }
    } else {
        file_top = page;
    }
    if (mem_top > file_top) {
        int64_t r = guest_mmap((uint32_t)file_top, (uint32_t)(mem_top - file_top), prot,
                               GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS | GUEST_MAP_FIXED, -1, 0);
        if (r < 0)
            return (int)r;
    }
    return 0;
}

static int map_image(struct elf_image *im, bool is_interpreter, char *error, size_t error_size,
                     const char *prefix)
{
    int err = choose_bias(im, is_interpreter);
    if (err == -EPERM)
        return fail(error, error_size, "%s: loads at 0x%x, below the lowest usable address 0x%x",
                    prefix, im->lo, guest_min_addr);
    if (err)
        return fail(error, error_size, "%s: no room for 0x%x bytes at 0x%x: %s", prefix,
                    im->hi - im->lo, im->lo, strerror(-err));
    uint64_t end = 0;
    for (unsigned i = 0; i < im->ehdr.e_phnum; i++) {
        const Elf32_Phdr *ph = &im->phdrs[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        err = map_segment(im, ph);
        if (err)
            return fail(error, error_size, "%s: cannot map segment %u at 0x%x: %s", prefix, i,
                        im->bias + ph->p_vaddr, strerror(-err));
        if ((uint64_t)ph->p_vaddr + ph->p_memsz > end)
            end = (uint64_t)ph->p_vaddr + ph->p_memsz;
    }
    im->end = (uint32_t)(im->bias + end);

    /* AT_PHDR: PT_PHDR if present, else where e_phoff lands in memory. */
    im->phdr_addr = 0;
    for (unsigned i = 0; i < im->ehdr.e_phnum; i++)
        if (im->phdrs[i].p_type == PT_PHDR)
            im->phdr_addr = im->bias + im->phdrs[i].p_vaddr;
    for (unsigned i = 0; i < im->ehdr.e_phnum && !im->phdr_addr; i++) {
        const Elf32_Phdr *ph = &im->phdrs[i];
        if (ph->p_type == PT_LOAD && im->ehdr.e_phoff >= ph->p_offset &&
            (uint64_t)im->ehdr.e_phoff + im->ehdr.e_phnum * sizeof(Elf32_Phdr) <=
                (uint64_t)ph->p_offset + ph->p_filesz)
            im->phdr_addr = im->bias + ph->p_vaddr + (im->ehdr.e_phoff - ph->p_offset);
    }
    return 0;
}

/* Resolves the PT_INTERP path: under the sysroot if there is one. */
static char *resolve_interpreter(const char *interp, const char *sysroot)
{
    if (!sysroot || !*sysroot)
        return strdup(interp);
    size_t n = strlen(sysroot) + strlen(interp) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", sysroot, interp[0] == '/' ? "" : "/", interp);
    return s;
}

int elf_load(const struct elf_load_request *request,
             struct elf_load_result *result, char *error, size_t error_size)
{
    struct elf_image program, interp;
    char reason[400];
    int status = -1;
    char *interp_path = NULL;
    memset(&interp, 0, sizeof interp);
    interp.fd = -1;

    if (elf_image_open(&program, request->path, false, reason, sizeof reason) != 0) {
        fail(error, error_size, "%s: %s", request->path, reason);
        elf_image_close(&program);
        return -1;
    }
    if (program.interp) {
        interp_path = resolve_interpreter(program.interp, request->sysroot);
        if (!interp_path) {
            fail(error, error_size, "%s: out of memory", request->path);
            goto out;
        }
        if (elf_image_open(&interp, interp_path, true, reason, sizeof reason) != 0) {
            if (interp.open_errno == ENOENT && !request->sysroot)
                fail(error, error_size,
                     "%s: interpreter %s not found (use -L / --sysroot DIR or A32RUN_SYSROOT)",
                     request->path, program.interp);
            else if (interp.open_errno == ENOENT)
                fail(error, error_size,
                     "%s: interpreter %s not found under sysroot %s (use -L / --sysroot DIR)",
                     request->path, program.interp, request->sysroot);
            else
                fail(error, error_size, "%s: interpreter %s: %s", request->path, interp_path,
                     reason);
            goto out;
        }
    }

    /* Everything checked: map. */
    guest_read_implies_exec = program.exec_stack;
    if (map_image(&program, false, error, error_size, request->path) != 0)
        goto out;
    guest_brk_init(program.end);

    struct initial_stack_info info = {
        .phdr_addr = program.phdr_addr,
        .phnum = program.ehdr.e_phnum,
        .entry = program.bias + program.ehdr.e_entry,
        .exec_stack = program.exec_stack,
    };
    uint32_t sp;
    uint32_t interp_entry = 0;
    if (program.interp) {
        /* AT_BASE goes on the stack, so the interpreter is placed first,
         * inside the mmap area that the stack (mapped next) implies. */
        guest_mem_set_mmap_base(guest_mmap_base_for_stack(request->stack_size));
        char prefix[600];
        snprintf(prefix, sizeof prefix, "%s: interpreter %s", request->path, interp_path);
        if (map_image(&interp, true, error, error_size, prefix) != 0)
            goto out;
        info.interp_base = interp.bias + interp.lo;
        interp_entry = interp.bias + interp.ehdr.e_entry;
    }
    if (build_initial_stack(request, &info, &sp, reason, sizeof reason) != 0) {
        fail(error, error_size, "%s: %s", request->path, reason);
        goto out;
    }
    result->entry = program.interp ? interp_entry : info.entry;
    result->initial_sp = sp;
    result->program_entry = info.entry;
    result->brk_start = guest_page_round_up(program.end);
    result->interp_base = info.interp_base;
    status = 0;
out:
    free(interp_path);
    elf_image_close(&interp);
    elf_image_close(&program);
    return status;
}
