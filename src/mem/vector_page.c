/*
 * The ARM vector page at 0xffff0000 with the kuser helpers: real A32 code
 * that the interpreter executes like any guest code (documented in Linux
 * Documentation/arch/arm/kernel_user_helpers.rst). The guest calls them
 * with blx from ARM or Thumb and they return with bx lr.
 *
 * The atomic helpers use LDREX/STREX, so they are atomic against other
 * guest threads exactly as much as the executor's exclusive monitor is.
 * Everything else in the page is an instruction that is undefined both as
 * A32 and as the first halfword of T32, so stray jumps raise SIGILL.
 *
 * tests/unit/mem_vector_test.c checks these words against the assembler.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "mem/guest_mem.h"
#include "mem/guest_mem_internal.h"
#include "mem/vector_page.h"

/* Permanently undefined in A32 (UDF #0xddef1 shape: cond 1110, 0111 1111,
 * low nibble 1111) and in T32 (its low halfword 0xdef1 is UDF #0xf1). */
#define UNDEFINED_WORD 0xe7fddef1u

static const struct kuser_word kuser_words[] = {
    /* __kuser_cmpxchg64: r0 = &oldval, r1 = &newval, r2 = ptr (64-bit). */
    { 0x0f60, 0xe92d00f0u },    /* push     {r4, r5, r6, r7} */
    { 0x0f64, 0xe1c040d0u },    /* ldrd     r4, r5, [r0] */
    { 0x0f68, 0xe1c160d0u },    /* ldrd     r6, r7, [r1] */
    { 0x0f6c, 0xf57ff05bu },    /* dmb      ish */
    { 0x0f70, 0xe1b20f9fu },    /* 1: ldrexd r0, r1, [r2] */
    { 0x0f74, 0xe0303004u },    /* eors     r3, r0, r4 */
    { 0x0f78, 0x00313005u },    /* eorseq   r3, r1, r5 */
    { 0x0f7c, 0x01a23f96u },    /* strexdeq r3, r6, r7, [r2] */
    { 0x0f80, 0x03330001u },    /* teqeq    r3, #1 */
    { 0x0f84, 0x0afffff9u },    /* beq      1b */
    { 0x0f88, 0xf57ff05bu },    /* dmb      ish */
    { 0x0f8c, 0xe2730000u },    /* rsbs     r0, r3, #0   @ r0 = 0, C = 1 iff stored */
    { 0x0f90, 0xe8bd00f0u },    /* pop      {r4, r5, r6, r7} */
    { 0x0f94, 0xe12fff1eu },    /* bx       lr */

    /* __kuser_memory_barrier */
    { 0x0fa0, 0xf57ff05bu },    /* dmb      ish */
    { 0x0fa4, 0xe12fff1eu },    /* bx       lr */

    /* __kuser_cmpxchg: r0 = oldval, r1 = newval, r2 = ptr; clobbers r3. */
    { 0x0fc0, 0xf57ff05bu },    /* dmb      ish */
    { 0x0fc4, 0xe1923f9fu },    /* 1: ldrex r3, [r2] */
    { 0x0fc8, 0xe0533000u },    /* subs     r3, r3, r0 */
    { 0x0fcc, 0x01823f91u },    /* strexeq  r3, r1, [r2] */
    { 0x0fd0, 0x03330001u },    /* teqeq    r3, #1 */
    { 0x0fd4, 0x0afffffau },    /* beq      1b */
    { 0x0fd8, 0xe2730000u },    /* rsbs     r0, r3, #0   @ r0 = 0, C = 1 iff stored */
    { 0x0fdc, 0xeaffffefu },    /* b        0xffff0fa0   @ barrier, then bx lr */

    /* __kuser_get_tls */
    { 0x0fe0, 0xee1d0f70u },    /* mrc      p15, 0, r0, c13, c0, 3 */
    { 0x0fe4, 0xe12fff1eu },    /* bx       lr */

    /* __kuser_helper_version: the number of 32-byte helper slots from
     * 0xffff0f60 to the end of the page, (0x1000 - 0xf60) / 32 = 5, as the
     * kernel computes it (so cmpxchg64, which needs version >= 5, is
     * advertised). */
    { 0x0ffc, KUSER_HELPER_VERSION },
};

const struct kuser_word *kuser_helper_words(size_t *count)
{
    *count = sizeof kuser_words / sizeof kuser_words[0];
    return kuser_words;
}

int guest_mem_map_vector_page(void)
{
    if (!guest_page_flags)
        return -EINVAL;
    uint32_t page = GUEST_VECTOR_PAGE;
    pthread_mutex_lock(&guest_mem_lock);
    int err = 0;
    if (guest_page_flags[page >> GUEST_PAGE_SHIFT] & GPAGE_MAPPED)
        goto out;   /* already there */
    err = guest_map_range_locked(page, GUEST_PAGE_SIZE, GUEST_PROT_READ | GUEST_PROT_WRITE,
                                 GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS, -1, 0);
    if (err)
        goto out;
    uint32_t *words = guest_to_host(page);
    for (size_t i = 0; i < GUEST_PAGE_SIZE / 4; i++)
        words[i] = UNDEFINED_WORD;
    for (size_t i = 0; i < sizeof kuser_words / sizeof kuser_words[0]; i++)
        words[kuser_words[i].offset / 4] = kuser_words[i].word;
    guest_page_flags[page >> GUEST_PAGE_SHIFT] = GPAGE_MAPPED | GPAGE_READ | GPAGE_EXEC;
    err = guest_mem_apply_host_prot(page, GUEST_PAGE_SIZE);
out:
    pthread_mutex_unlock(&guest_mem_lock);
    return err;
}
