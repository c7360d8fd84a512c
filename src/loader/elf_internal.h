/*
 * Internals of the ELF loader: a validated image (elf_validate.c), its
 * mapping (elf_loader.c) and the initial stack (initial_stack.c).
 */
#ifndef A32RUN_LOADER_ELF_INTERNAL_H
#define A32RUN_LOADER_ELF_INTERNAL_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader/elf_loader.h"

/* Base of a position-independent main program (static-pie, PIE): Linux
 * ARM's ELF_ET_DYN_BASE since 4.13 is 0x400000, well clear of ET_EXEC
 * programs at 0x10000 (or 0x8000) and of the top-down mmap area. */
#define ELF_ET_DYN_BASE 0x00400000u

/* Upper bound of the memory all PT_LOAD segments of one file may span. */
#define ELF_MAX_SPAN 0xc0000000u

struct elf_image {
    const char *path;           /* host path, for messages */
    int fd;
    int open_errno;             /* errno of a failed open, else 0 */
    uint64_t file_size;
    Elf32_Ehdr ehdr;
    Elf32_Phdr *phdrs;          /* e_phnum entries */
    char *interp;               /* PT_INTERP string or NULL */
    bool has_gnu_stack;
    bool exec_stack;            /* PT_GNU_STACK has PF_X (or is missing) */
    uint32_t lo, hi;            /* page-aligned vaddr span of PT_LOAD */
    uint32_t max_align;         /* largest PT_LOAD p_align (capped) */

    /* Set by elf_map_image(). */
    uint32_t bias;              /* added to every p_vaddr */
    uint32_t phdr_addr;         /* AT_PHDR */
    uint32_t end;               /* end of the highest segment (brk) */
};

/* Opens and checks everything about path before anything is mapped.
 * Returns 0, or -1 with a message "reason" (no path prefix) in error. */
int elf_image_open(struct elf_image *image, const char *path, bool is_interpreter,
                   char *error, size_t error_size);
void elf_image_close(struct elf_image *image);

/* What the initial stack needs to know. */
struct initial_stack_info {
    uint32_t phdr_addr, phnum, entry, interp_base;
    bool exec_stack;
};

/* Where top-down mmap allocation starts for a main stack of stack_size
 * bytes ending at GUEST_STACK_TOP (Linux: TASK_SIZE minus the stack
 * rlimit, at least 128 MiB). */
uint32_t guest_mmap_base_for_stack(uint32_t stack_size);

/* Maps the main stack and writes argc/argv/envp/auxv/strings. Returns 0
 * or -1 with a message in error. *sp receives the initial stack pointer. */
int build_initial_stack(const struct elf_load_request *request,
                        const struct initial_stack_info *info, uint32_t *sp,
                        char *error, size_t error_size);

#endif
