/*
 * Self-modifying code: generated functions are written into memory, made
 * visible with __builtin___clear_cache (the cacheflush syscall), run,
 * rewritten in place and run again; in ARM and Thumb encodings, in an RWX
 * mapping and in an RW mapping switched to RX with mprotect. A stale
 * translation shows up as the old return value. Also writes data next to
 * code on the same page. Self-checking.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static int checks, failures;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAILED: %s (line %d)\n", #cond, __LINE__); } } while (0)

typedef int (*fn)(void);

/* A32: mov r0, #imm8 ; bx lr */
static void emit_arm(uint32_t *p, unsigned value)
{
    p[0] = 0xe3a00000u | (value & 0xff);
    p[1] = 0xe12fff1eu;
}

/* T32: movs r0, #imm8 ; bx lr */
static void emit_thumb(uint16_t *p, unsigned value)
{
    p[0] = (uint16_t)(0x2000u | (value & 0xff));
    p[1] = 0x4770u;
}

int main(void)
{
    uint8_t *rwx = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(rwx != MAP_FAILED);

    for (unsigned round = 0; round < 20; round++) {
        emit_arm((uint32_t *)rwx, round);
        __builtin___clear_cache((char *)rwx, (char *)rwx + 8);
        CHECK(((fn)(uintptr_t)rwx)() == (int)round);

        emit_thumb((uint16_t *)(rwx + 64), round * 3);
        __builtin___clear_cache((char *)rwx + 64, (char *)rwx + 68);
        CHECK(((fn)((uintptr_t)(rwx + 64) | 1))() == (int)(round * 3));
    }

    /* Data written next to code on the same page must not disturb it. */
    emit_arm((uint32_t *)rwx, 77);
    __builtin___clear_cache((char *)rwx, (char *)rwx + 8);
    for (int i = 0; i < 1000; i++) {
        rwx[1024 + (i % 512)] = (uint8_t)i;
        CHECK(((fn)(uintptr_t)rwx)() == 77);
    }

    /* W^X style: write while RW, then mprotect to RX and run. */
    uint8_t *wx = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(wx != MAP_FAILED);
    for (unsigned round = 0; round < 5; round++) {
        CHECK(mprotect(wx, 4096, PROT_READ | PROT_WRITE) == 0);
        emit_arm((uint32_t *)wx, 100 + round);
        CHECK(mprotect(wx, 4096, PROT_READ | PROT_EXEC) == 0);
        __builtin___clear_cache((char *)wx, (char *)wx + 8);
        CHECK(((fn)(uintptr_t)wx)() == (int)(100 + round));
    }

    printf("smc: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
