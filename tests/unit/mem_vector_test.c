/*
 * Checks the kuser helper words of the vector page against the GNU
 * assembler: the same assembly as the comments in src/mem/vector_page.c is
 * assembled with arm-linux-gnueabihf-as (when installed; the test says
 * "skipped" otherwise) and every word must match, in both directions.
 * Also checks the page as mapped into guest memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem/guest_mem.h"
#include "mem/vector_page.h"

static const char assembly[] =
    ".syntax unified\n"
    ".arm\n"
    ".arch armv7-a\n"
    ".text\n"
    "cmpxchg64:\n"                       /* 0xffff0f60 */
    "  push {r4, r5, r6, r7}\n"
    "  ldrd r4, r5, [r0]\n"
    "  ldrd r6, r7, [r1]\n"
    "  dmb ish\n"
    "1: ldrexd r0, r1, [r2]\n"
    "  eors r3, r0, r4\n"
    "  eorseq r3, r1, r5\n"
    "  strexdeq r3, r6, r7, [r2]\n"
    "  teqeq r3, #1\n"
    "  beq 1b\n"
    "  dmb ish\n"
    "  rsbs r0, r3, #0\n"
    "  pop {r4, r5, r6, r7}\n"
    "  bx lr\n"
    ".org 0x40\n"                        /* 0xffff0fa0 */
    "barrier:\n"
    "  dmb ish\n"
    "  bx lr\n"
    ".org 0x60\n"                        /* 0xffff0fc0 */
    "cmpxchg:\n"
    "  dmb ish\n"
    "2: ldrex r3, [r2]\n"
    "  subs r3, r3, r0\n"
    "  strexeq r3, r1, [r2]\n"
    "  teqeq r3, #1\n"
    "  beq 2b\n"
    "  rsbs r0, r3, #0\n"
    "  b barrier\n"
    ".org 0x80\n"                        /* 0xffff0fe0 */
    "get_tls:\n"
    "  mrc p15, 0, r0, c13, c0, 3\n"
    "  bx lr\n"
    ".org 0x9c\n"                        /* 0xffff0ffc */
    "  .word 5\n";

static int failures;

static int compare_with_assembler(void)
{
    if (system("command -v arm-linux-gnueabihf-as >/dev/null 2>&1 && "
               "command -v arm-linux-gnueabihf-objcopy >/dev/null 2>&1") != 0) {
        printf("mem_vector_test: assembler comparison skipped (no arm-linux-gnueabihf-as)\n");
        return 0;
    }
    char dir[] = "/tmp/a32run-vector-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], cmd[1024];
    snprintf(path, sizeof path, "%s/k.s", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fputs(assembly, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "cd %s && arm-linux-gnueabihf-as -o k.o k.s && "
             "arm-linux-gnueabihf-objcopy -O binary -j .text k.o k.bin", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "assembling failed\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s/k.bin", dir);
    uint8_t bin[0xa0];
    memset(bin, 0, sizeof bin);
    f = fopen(path, "rb");
    size_t got = f ? fread(bin, 1, sizeof bin, f) : 0;
    if (f)
        fclose(f);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    if (got != sizeof bin) {
        fprintf(stderr, "assembled size %zu, expected %zu\n", got, sizeof bin);
        return 1;
    }

    size_t count;
    const struct kuser_word *words = kuser_helper_words(&count);
    int bad = 0;
    bool listed[0xa0 / 4] = { false };
    for (size_t i = 0; i < count; i++) {
        uint32_t off = words[i].offset - 0xf60;
        uint32_t assembled;
        memcpy(&assembled, bin + off, 4);
        listed[off / 4] = true;
        if (assembled != words[i].word) {
            fprintf(stderr, "0xffff%04x: table 0x%08x, assembler 0x%08x\n",
                    words[i].offset, words[i].word, assembled);
            bad++;
        }
    }
    for (size_t i = 0; i < sizeof bin / 4; i++) {
        uint32_t assembled;
        memcpy(&assembled, bin + 4 * i, 4);
        if (!listed[i] && assembled != 0) {
            fprintf(stderr, "0xffff%04zx: assembler has 0x%08x, table has nothing\n",
                    0xf60 + 4 * i, assembled);
            bad++;
        }
    }
    printf("mem_vector_test: %zu words compared with the assembler, %d mismatches\n", count, bad);
    return bad;
}

static int check_mapped_page(void)
{
    struct guest_mem_options o = { .force_offset = false };
    if (guest_mem_init(&o) != 0 || guest_mem_map_vector_page() != 0) {
        fprintf(stderr, "cannot set up the guest space\n");
        return 1;
    }
    int bad = 0;
    size_t count;
    const struct kuser_word *words = kuser_helper_words(&count);
    for (size_t i = 0; i < count; i++)
        if (guest_load32(GUEST_VECTOR_PAGE + words[i].offset) != words[i].word)
            bad++;
    if (guest_load32(KUSER_VERSION) != 5)
        bad++;
    /* The filler is undefined as A32 and as T32 (first halfword 0xdeXX). */
    uint32_t filler = guest_load32(GUEST_VECTOR_PAGE);
    if ((filler & 0x0ff000f0u) != 0x07f000f0u || (filler & 0xff00u) != 0xde00u)
        bad++;
    if (guest_page_flags[GUEST_VECTOR_PAGE >> GUEST_PAGE_SHIFT] & GPAGE_WRITE)
        bad++;
    if (bad)
        fprintf(stderr, "mapped vector page: %d problems\n", bad);
    return bad;
}

int main(void)
{
    failures += compare_with_assembler();
    failures += check_mapped_page();
    printf("mem_vector_test: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
