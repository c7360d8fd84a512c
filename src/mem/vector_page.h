/*
 * The kuser helper page contents (vector_page.c), exported for the unit
 * test that compares them with the assembler's output.
 */
#ifndef A32RUN_MEM_VECTOR_PAGE_H
#define A32RUN_MEM_VECTOR_PAGE_H

#include <stddef.h>
#include <stdint.h>

#define KUSER_HELPER_VERSION 5u

#define KUSER_CMPXCHG64      0xffff0f60u
#define KUSER_MEMORY_BARRIER 0xffff0fa0u
#define KUSER_CMPXCHG        0xffff0fc0u
#define KUSER_GET_TLS        0xffff0fe0u
#define KUSER_VERSION        0xffff0ffcu

struct kuser_word {
    uint32_t offset;        /* within the vector page */
    uint32_t word;
};

/* The non-filler words of the page, in address order. */
const struct kuser_word *kuser_helper_words(size_t *count);

#endif
