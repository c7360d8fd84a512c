/*
 * x86-64 instruction encoding for the JIT backend (jit_backend.c): an
 * emitter writing bytes, and the few instruction forms the backend uses,
 * mostly on 32-bit registers and on [rdi + disp32] (rdi holds the guest
 * thread). Nothing here knows about the guest.
 */
#ifndef A32RUN_HOST_X86_64_X86_ENCODE_H
#define A32RUN_HOST_X86_64_X86_ENCODE_H

#include <stdint.h>
#include <string.h>

struct emitter {
    uint8_t *p;
};

enum { EAX = 0, ECX = 1, EDX = 2 };

/* x86 condition codes (jcc/setcc low nibble). */
enum { CC_O = 0x0, CC_B = 0x2, CC_AE = 0x3, CC_E = 0x4, CC_NE = 0x5, CC_S = 0x8 };

static inline void byte1(struct emitter *em, unsigned v)
{
    *em->p++ = (uint8_t)v;
}

static inline void imm32(struct emitter *em, uint32_t v)
{
    memcpy(em->p, &v, 4);
    em->p += 4;
}

static inline void imm64(struct emitter *em, uint64_t v)
{
    memcpy(em->p, &v, 8);
    em->p += 8;
}

/* ModRM for [rdi + disp32] with reg field r, then the displacement. */
static inline void mem_rdi(struct emitter *em, unsigned r, uint32_t disp)
{
    byte1(em, 0x80u | (r << 3) | 7u);
    imm32(em, disp);
}

/* mov host32, [rdi + off] */
static inline void load32(struct emitter *em, unsigned host, uint32_t off)
{
    byte1(em, 0x8b);
    mem_rdi(em, host, off);
}

/* mov [rdi + off], host32 */
static inline void store32(struct emitter *em, uint32_t off, unsigned host)
{
    byte1(em, 0x89);
    mem_rdi(em, host, off);
}

/* mov dword [rdi + off], imm */
static inline void store_imm32(struct emitter *em, uint32_t off, uint32_t v)
{
    byte1(em, 0xc7);
    mem_rdi(em, 0, off);
    imm32(em, v);
}

/* mov host32, imm */
static inline void mov_imm(struct emitter *em, unsigned host, uint32_t v)
{
    byte1(em, 0xb8u + host);
    imm32(em, v);
}

/* Two-register ALU op (opcode of the "r/m32, r32" form): dst op= src. */
enum { ALU_ADD = 0x01, ALU_OR = 0x09, ALU_ADC = 0x11, ALU_SBB = 0x19, ALU_AND = 0x21,
       ALU_SUB = 0x29, ALU_XOR = 0x31, ALU_CMP = 0x39, ALU_MOV = 0x89 };
static inline void alu(struct emitter *em, unsigned opcode, unsigned dst, unsigned src)
{
    byte1(em, opcode);
    byte1(em, 0xc0u | (src << 3) | dst);
}

/* add host32, imm */
static inline void add_imm(struct emitter *em, unsigned host, uint32_t v)
{
    if (!v)
        return;
    byte1(em, 0x81);
    byte1(em, 0xc0u | host);
    imm32(em, v);
}

/* not host32 */
static inline void not32(struct emitter *em, unsigned host)
{
    byte1(em, 0xf7);
    byte1(em, 0xd0u | host);
}

/* Shift/rotate host32 by an immediate 1..31: digit 0 rol, 1 ror, 4 shl,
 * 5 shr, 7 sar. */
enum { SH_ROR = 1, SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 };
static inline void shift_imm(struct emitter *em, unsigned digit, unsigned host, unsigned amount)
{
    byte1(em, 0xc1);
    byte1(em, 0xc0u | (digit << 3) | host);
    byte1(em, amount);
}

static inline void cmc(struct emitter *em)
{
    byte1(em, 0xf5);
}

/* cmp dword [rdi + off], 0 */
static inline void cmp_zero(struct emitter *em, uint32_t off)
{
    byte1(em, 0x83);
    mem_rdi(em, 7, off);
    byte1(em, 0);
}

/* jcc rel32 with the displacement patched later; returns where it is. */
static inline uint8_t *jcc_forward(struct emitter *em, unsigned cc)
{
    byte1(em, 0x0f);
    byte1(em, 0x80u | cc);
    uint8_t *at = em->p;
    imm32(em, 0);
    return at;
}

/* jmp rel32, patched later. */
static inline uint8_t *jmp_forward(struct emitter *em)
{
    byte1(em, 0xe9);
    uint8_t *at = em->p;
    imm32(em, 0);
    return at;
}

static inline void patch_here(struct emitter *em, uint8_t *at)
{
    int32_t rel = (int32_t)(em->p - (at + 4));
    memcpy(at, &rel, 4);
}

/* mov rax, value; ret */
static inline void return_value(struct emitter *em, uintptr_t value)
{
    byte1(em, 0x48);
    byte1(em, 0xb8);
    imm64(em, value);
    byte1(em, 0xc3);
}

#endif
