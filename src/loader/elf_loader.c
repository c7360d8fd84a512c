/* STUB: replaced by the ELF loader. */
#include <stdio.h>
#include "loader/elf_loader.h"
int elf_load(const struct elf_load_request *request, struct elf_load_result *result, char *error, size_t error_size)
{
    snprintf(error, error_size, "%s: ELF loader not built yet", request->path);
    return -1;
}
uint32_t guest_hwcap(void) { return 0; }
uint32_t guest_hwcap2(void) { return 0; }
