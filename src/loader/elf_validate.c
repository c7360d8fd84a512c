/*
 * ELF validation: every field of the untrusted file that the loader will
 * use is checked here, before anything is mapped. Each failure produces a
 * single short reason; elf_loader.c prefixes the path.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/elf_internal.h"
#include "mem/guest_mem.h"

#define MAX_PHDR_BYTES 65536u        /* Linux refuses larger tables too */
#define MAX_INTERP_PATH 4096u

static int fail(char *error, size_t error_size, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsnprintf(error, error_size, format, ap);
    va_end(ap);
    return -1;
}

static const char *machine_name(unsigned machine)
{
    switch (machine) {
    case EM_386: return "i386";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_ARM: return "ARM";
    case EM_RISCV: return "RISC-V";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_MIPS: return "MIPS";
    case EM_S390: return "s390";
    case EM_SPARC: return "SPARC";
    default: return NULL;
    }
}

static int read_exact(int fd, void *buf, size_t length, uint64_t offset)
{
    uint8_t *p = buf;
    while (length) {
        ssize_t n = pread(fd, p, length, (off_t)offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? -errno : -EIO;
        p += n;
        length -= (size_t)n;
        offset += (uint64_t)n;
    }
    return 0;
}

static int check_header(struct elf_image *im, const unsigned char *raw, size_t got,
                        char *error, size_t error_size)
{
    if (got < SELFMAG || memcmp(raw, ELFMAG, SELFMAG) != 0)
        return fail(error, error_size, "not an ELF file");
    if (got < EI_NIDENT)
        return fail(error, error_size, "truncated ELF header");
    if (raw[EI_CLASS] == ELFCLASS64) {
        unsigned machine = got >= 20 ? (unsigned)(raw[18] | raw[19] << 8) : 0;
        if (raw[EI_DATA] == ELFDATA2MSB)
            machine = got >= 20 ? (unsigned)(raw[18] << 8 | raw[19]) : 0;
        const char *name = machine_name(machine);
        if (name)
            return fail(error, error_size, "64-bit ELF file for %s, not a 32-bit ARM program", name);
        return fail(error, error_size, "64-bit ELF file, not a 32-bit ARM program");
    }
    if (raw[EI_CLASS] != ELFCLASS32)
        return fail(error, error_size, "bad ELF class %u", raw[EI_CLASS]);
    if (raw[EI_DATA] == ELFDATA2MSB)
        return fail(error, error_size, "big-endian ELF file: only little-endian ARM programs are supported");
    if (raw[EI_DATA] != ELFDATA2LSB)
        return fail(error, error_size, "bad ELF data encoding %u", raw[EI_DATA]);
    if (raw[EI_VERSION] != EV_CURRENT)
        return fail(error, error_size, "unsupported ELF version %u", raw[EI_VERSION]);
    if (got < sizeof(Elf32_Ehdr))
        return fail(error, error_size, "truncated ELF header");
    memcpy(&im->ehdr, raw, sizeof im->ehdr);
    const Elf32_Ehdr *e = &im->ehdr;
    if (e->e_machine != EM_ARM) {
        const char *name = machine_name(e->e_machine);
        if (name)
            return fail(error, error_size, "32-bit ELF file for %s, not an ARM program", name);
        return fail(error, error_size, "not an ARM program (ELF machine %u)", e->e_machine);
    }
    if (e->e_version != EV_CURRENT)
        return fail(error, error_size, "unsupported ELF version %u", e->e_version);
    if (e->e_type != ET_EXEC && e->e_type != ET_DYN) {
        const char *what = e->e_type == ET_REL ? "a relocatable object"
                         : e->e_type == ET_CORE ? "a core dump" : "not an executable";
        return fail(error, error_size, "ELF file is %s (type %u), not an executable", what, e->e_type);
    }
    uint32_t eabi = (e->e_flags & EF_ARM_EABIMASK) >> 24;
    if (eabi == 0)
        return fail(error, error_size,
                    "old ABI (OABI) ARM program: only EABI5 programs are supported");
    if (eabi != 5)
        return fail(error, error_size,
                    "unsupported ARM EABI version %u: only EABI5 programs are supported", eabi);
    if (e->e_phentsize != sizeof(Elf32_Phdr))
        return fail(error, error_size, "bad program header size %u", e->e_phentsize);
    if (e->e_phnum == 0)
        return fail(error, error_size, "no program headers");
    if ((uint32_t)e->e_phnum * sizeof(Elf32_Phdr) > MAX_PHDR_BYTES)
        return fail(error, error_size, "too many program headers (%u)", e->e_phnum);
    if ((uint64_t)e->e_phoff + (uint64_t)e->e_phnum * sizeof(Elf32_Phdr) > im->file_size)
        return fail(error, error_size, "program headers lie outside the file (truncated file?)");
    return 0;
}

static int check_segments(struct elf_image *im, bool is_interpreter, char *error, size_t error_size)
{
    const Elf32_Ehdr *e = &im->ehdr;
    uint64_t lo = UINT64_MAX, hi = 0, total = 0;
    unsigned loads = 0, interps = 0;
    im->exec_stack = true;      /* Linux ARM default without PT_GNU_STACK */
    im->max_align = GUEST_PAGE_SIZE;

    for (unsigned i = 0; i < e->e_phnum; i++) {
        const Elf32_Phdr *ph = &im->phdrs[i];
        if (ph->p_type == PT_GNU_STACK) {
            im->has_gnu_stack = true;
            im->exec_stack = (ph->p_flags & PF_X) != 0;
        } else if (ph->p_type == PT_INTERP) {
            if (is_interpreter)
                return fail(error, error_size, "interpreter has a PT_INTERP of its own");
            if (++interps > 1)
                return fail(error, error_size, "more than one PT_INTERP");
            if (ph->p_filesz < 2 || ph->p_filesz > MAX_INTERP_PATH ||
                (uint64_t)ph->p_offset + ph->p_filesz > im->file_size)
                return fail(error, error_size, "bad PT_INTERP");
        } else if (ph->p_type == PT_LOAD) {
            loads++;
            if (ph->p_filesz > ph->p_memsz)
                return fail(error, error_size,
                            "PT_LOAD segment %u: file size 0x%x exceeds memory size 0x%x",
                            i, ph->p_filesz, ph->p_memsz);
            if ((uint64_t)ph->p_offset + ph->p_filesz > im->file_size)
                return fail(error, error_size,
                            "PT_LOAD segment %u extends past the end of the file (truncated file?)", i);
            if ((uint64_t)ph->p_vaddr + ph->p_memsz > GUEST_VECTOR_PAGE)
                return fail(error, error_size,
                            "PT_LOAD segment %u (0x%x + 0x%x) does not fit below 0x%x",
                            i, ph->p_vaddr, ph->p_memsz, GUEST_VECTOR_PAGE);
            if ((ph->p_offset ^ ph->p_vaddr) & (GUEST_PAGE_SIZE - 1))
                return fail(error, error_size,
                            "PT_LOAD segment %u: offset 0x%x and address 0x%x differ modulo the page size",
                            i, ph->p_offset, ph->p_vaddr);
            if (ph->p_memsz == 0)
                continue;
            uint64_t s = ph->p_vaddr & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
            uint64_t t = ((uint64_t)ph->p_vaddr + ph->p_memsz + GUEST_PAGE_SIZE - 1) &
                         ~(uint64_t)(GUEST_PAGE_SIZE - 1);
            if (s < lo)
                lo = s;
            if (t > hi)
                hi = t;
            total += ph->p_memsz;
            if (ph->p_align > im->max_align && ph->p_align <= (1u << 21) &&
                !(ph->p_align & (ph->p_align - 1)))
                im->max_align = ph->p_align;
            /* Segments must not overlap (bytes; sharing a page is fine). */
            for (unsigned j = 0; j < i; j++) {
                const Elf32_Phdr *q = &im->phdrs[j];
                if (q->p_type != PT_LOAD || q->p_memsz == 0)
                    continue;
                if ((uint64_t)ph->p_vaddr < (uint64_t)q->p_vaddr + q->p_memsz &&
                    (uint64_t)q->p_vaddr < (uint64_t)ph->p_vaddr + ph->p_memsz)
                    return fail(error, error_size, "PT_LOAD segments %u and %u overlap", j, i);
            }
        }
    }
    if (loads == 0 || hi == 0)
        return fail(error, error_size, "no loadable segments");
    if (hi - lo > ELF_MAX_SPAN || total > ELF_MAX_SPAN)
        return fail(error, error_size, "loadable segments too large (%llu MiB)",
                    (unsigned long long)((hi - lo) >> 20));
    if (e->e_type == ET_EXEC && lo == 0)
        return fail(error, error_size, "PT_LOAD segment at address 0");
    im->lo = (uint32_t)lo;
    im->hi = (uint32_t)hi;

    /* The entry point must be inside an executable segment. */
    uint32_t entry = e->e_entry & ~1u;
    bool entry_ok = false;
    for (unsigned i = 0; i < e->e_phnum && !entry_ok; i++) {
        const Elf32_Phdr *ph = &im->phdrs[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) && entry >= ph->p_vaddr &&
            (uint64_t)entry < (uint64_t)ph->p_vaddr + ph->p_memsz)
            entry_ok = true;
    }
    if (!entry_ok)
        return fail(error, error_size, "entry point 0x%x is not inside an executable segment",
                    e->e_entry);
    if ((e->e_entry & 3) == 2)
        return fail(error, error_size, "misaligned ARM entry point 0x%x", e->e_entry);
    return 0;
}

static int read_interp(struct elf_image *im, char *error, size_t error_size)
{
    for (unsigned i = 0; i < im->ehdr.e_phnum; i++) {
        const Elf32_Phdr *ph = &im->phdrs[i];
        if (ph->p_type != PT_INTERP)
            continue;
        char *s = malloc(ph->p_filesz);
        if (!s)
            return fail(error, error_size, "out of memory");
        if (read_exact(im->fd, s, ph->p_filesz, ph->p_offset) != 0) {
            free(s);
            return fail(error, error_size, "cannot read PT_INTERP");
        }
        if (s[ph->p_filesz - 1] != 0 || strlen(s) != ph->p_filesz - 1 || s[0] == 0) {
            free(s);
            return fail(error, error_size, "bad PT_INTERP");
        }
        im->interp = s;
    }
    return 0;
}

int elf_image_open(struct elf_image *im, const char *path, bool is_interpreter,
                   char *error, size_t error_size)
{
    memset(im, 0, sizeof *im);
    im->path = path;
    im->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (im->fd < 0) {
        im->open_errno = errno;
        return fail(error, error_size, "%s", strerror(errno));
    }
    struct stat st;
    if (fstat(im->fd, &st) != 0)
        return fail(error, error_size, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail(error, error_size, "is a directory");
    if (!S_ISREG(st.st_mode))
        return fail(error, error_size, "not a regular file");
    im->file_size = (uint64_t)st.st_size;

    unsigned char raw[sizeof(Elf32_Ehdr)];
    size_t got = im->file_size < sizeof raw ? (size_t)im->file_size : sizeof raw;
    if (got && read_exact(im->fd, raw, got, 0) != 0)
        return fail(error, error_size, "cannot read the ELF header: %s", strerror(errno));
    if (check_header(im, raw, got, error, error_size) != 0)
        return -1;

    size_t bytes = (size_t)im->ehdr.e_phnum * sizeof(Elf32_Phdr);
    im->phdrs = malloc(bytes);
    if (!im->phdrs)
        return fail(error, error_size, "out of memory");
    if (read_exact(im->fd, im->phdrs, bytes, im->ehdr.e_phoff) != 0)
        return fail(error, error_size, "cannot read the program headers");
    if (check_segments(im, is_interpreter, error, error_size) != 0)
        return -1;
    return read_interp(im, error, error_size);
}

void elf_image_close(struct elf_image *im)
{
    if (im->fd >= 0)
        close(im->fd);
    im->fd = -1;
    free(im->phdrs);
    im->phdrs = NULL;
    free(im->interp);
    im->interp = NULL;
}
