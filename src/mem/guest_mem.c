/* STUB: replaced by the memory layer. */
#include <errno.h>
#include "mem/guest_mem.h"
uintptr_t guest_base;
size_t host_page_size = 4096;
uint8_t *guest_page_flags;
int guest_mem_init(const struct guest_mem_options *options) { return -ENOSYS; }
bool guest_mem_is_identity(void) { return false; }
int64_t guest_mmap(uint32_t addr, uint32_t length, int prot, int flags, int fd, uint64_t offset) { return -ENOSYS; }
int guest_munmap(uint32_t addr, uint32_t length) { return -ENOSYS; }
int guest_mprotect(uint32_t addr, uint32_t length, int prot) { return -ENOSYS; }
int64_t guest_mremap(uint32_t old_addr, uint32_t old_size, uint32_t new_size, int flags, uint32_t new_addr) { return -ENOSYS; }
int64_t guest_find_free(uint32_t hint, uint32_t length) { return -ENOMEM; }
void guest_brk_init(uint32_t start) {}
uint32_t guest_brk(uint32_t new_brk) { return 0; }
bool guest_access_ok(uint32_t addr, uint32_t len, int prot) { return false; }
long guest_strlen_checked(uint32_t addr, size_t max) { return -EFAULT; }
int guest_copy_from(void *dst, uint32_t src, size_t len) { return -EFAULT; }
int guest_copy_to(uint32_t dst, const void *src, size_t len) { return -EFAULT; }
void guest_mem_mark_code(uint32_t page_addr) {}
bool guest_mem_handle_code_write(uint32_t addr) { return false; }
int guest_mem_map_vector_page(void) { return -ENOSYS; }
void guest_mem_dump(int fd) {}
