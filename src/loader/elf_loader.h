/*
 * ELF loader: validates a 32-bit ARM EABI5 executable, maps its segments
 * into the guest space, (later) loads its PT_INTERP, and builds the initial
 * guest stack (argc, argv, envp, auxv, AT_RANDOM bytes, strings) exactly as
 * the ARM Linux kernel does.
 *
 * Every check of untrusted ELF data happens before anything is mapped;
 * errors come back as one line of text, never as a crash.
 */
#ifndef A32RUN_LOADER_ELF_LOADER_H
#define A32RUN_LOADER_ELF_LOADER_H

#include <stdint.h>
#include <stddef.h>

struct elf_load_request {
    const char *path;           /* host path of the program */
    const char *execfn;         /* AT_EXECFN / argv[0] as the guest sees it */
    int argc;
    char *const *argv;          /* guest argv (host strings) */
    char *const *envp;          /* guest environment (host strings) */
    const char *sysroot;        /* for PT_INTERP lookup; may be NULL */
    uint32_t stack_size;        /* bytes reserved for the main stack */
};

struct elf_load_result {
    uint32_t entry;             /* where to start (interpreter entry if any);
                                   bit 0 set means Thumb */
    uint32_t initial_sp;
    uint32_t program_entry;     /* AT_ENTRY */
    uint32_t brk_start;
    uint32_t interp_base;       /* AT_BASE, 0 if none */
};

/* Returns 0 on success; on failure returns -1 and writes a one-line message
 * (no trailing newline) into error. */
int elf_load(const struct elf_load_request *request,
             struct elf_load_result *result, char *error, size_t error_size);

/* AT_HWCAP / AT_HWCAP2 as claimed to the guest: exactly the implemented
 * features (see loader/hwcap.c). */
uint32_t guest_hwcap(void);
uint32_t guest_hwcap2(void);

#endif
