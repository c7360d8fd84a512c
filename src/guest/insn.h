/*
 * The decoded instruction: the one representation that A32 and T32 decoders
 * produce and that the executor (interpreter now, JIT later) consumes.
 *
 * Both instruction sets decode into the same operation set (enum guest_op),
 * so semantics are written once. Decoders resolve encoding quirks up front:
 *  - immediates are expanded (A32 rotated imm, T32 modified imm, branch
 *    targets made absolute);
 *  - immediate shifts are normalised: LSR/ASR #0 in the encoding becomes
 *    amount 32, ROR #0 becomes SHIFT_RRX (amount 1);
 *  - Thumb IT conditions are folded into insn->cond, and 16-bit Thumb
 *    instructions whose flag setting depends on the IT state get F_S
 *    accordingly;
 *  - UNPREDICTABLE encodings the architecture lets us reject are decoded as
 *    OP_UNDEFINED (SIGILL), never as something silently different.
 *
 * Field conventions are documented per operation in insn_ops.h. General
 * rules:
 *  - Register fields hold 0..15. Reading r15 as an operand yields the PC read
 *    value (insn address + 8 in A32, + 4 in T32); loads/stores and ADR with
 *    base r15 use Align(PC, 4).
 *  - Executors perform every memory access of an instruction before writing
 *    any register, so a fault leaves the guest state as before the
 *    instruction (precise faults).
 */
#ifndef A32RUN_GUEST_INSN_H
#define A32RUN_GUEST_INSN_H

#include <stdint.h>
#include <stdbool.h>

#include "guest/insn_ops.h"
#include "guest/insn_neon_ops.h"

enum guest_op {
#define INSN_OP_ENUM(name, mnemonic) OP_##name,
    INSN_OPS_INTEGER(INSN_OP_ENUM)
    OP_VFP_FIRST_,
    INSN_OPS_VFP(INSN_OP_ENUM)
    OP_VFP_END_,
    OP_NEON_FIRST_,
    INSN_OPS_NEON(INSN_OP_ENUM)
    OP_NEON_END_,
#undef INSN_OP_ENUM
    OP_COUNT
};

/* ARM condition codes. */
enum guest_cond {
    COND_EQ, COND_NE, COND_CS, COND_CC, COND_MI, COND_PL, COND_VS, COND_VC,
    COND_HI, COND_LS, COND_GE, COND_LT, COND_GT, COND_LE, COND_AL,
    COND_NV /* never produced by decoders: unconditional space is decoded */
};

enum guest_shift {
    SHIFT_LSL, SHIFT_LSR, SHIFT_ASR, SHIFT_ROR, SHIFT_RRX
};

/* insn->flags bits. */
#define F_S          0x0001u  /* set flags */
#define F_IMM_CARRY  0x0002u  /* DP_IMM: operand2 came from a rotated/modified
                                 immediate with nonzero rotation: carry out is
                                 imm bit 31 (else C is unchanged) */
#define F_PRE        0x0004u  /* load/store: pre-indexed (P); LDM/STM: "before" (IB/DB) */
#define F_ADD        0x0008u  /* load/store: add offset (U); LDM/STM: increment (IA/IB) */
#define F_WBACK      0x0010u  /* write the updated base back (post-index, or pre-index with !) */
#define F_INTERWORK  0x0020u  /* write to pc switches state by bit 0 (BXWritePC) */
#define F_X          0x0040u  /* dual multiplies: exchange halves of rm; */
#define F_ROUND      0x0080u  /* SMMUL/SMMLA/SMMLS: rounding (R) form */
#define F_NHIGH      0x0100u  /* halfword multiplies: use top half of rn */
#define F_MHIGH      0x0200u  /* halfword multiplies: use top half of rm */
#define F_USER       0x0400u  /* unprivileged (LDRT etc.): same as normal in user mode */
#define F_ACQREL     0x0800u  /* acquire/release semantics (LDAEX/STLEX): full barrier */

struct guest_insn {
    uint32_t pc;            /* guest address of this instruction */
    uint32_t raw;           /* encoding; T32 32-bit as (hw1 << 16) | hw2 */
    uint32_t imm;           /* immediate, offset magnitude, target, reglist... */
    uint16_t op;            /* enum guest_op */
    uint16_t flags;         /* F_* */
    uint8_t  cond;          /* enum guest_cond; COND_AL if unconditional */
    uint8_t  length;        /* 2 or 4 bytes */
    uint8_t  rd, rn, rm, ra;
    uint8_t  shift_type;    /* enum guest_shift */
    uint8_t  shift_amount;  /* 0..32 */
    uint8_t  itstate;       /* T32: ITSTATE in effect *before* this insn */
    uint8_t  thumb;         /* 1 if decoded as T32 */
    uint8_t  spare[2];
};

_Static_assert(sizeof(struct guest_insn) == 28, "guest_insn layout");

/* Mnemonic of an operation (for traces, disassembly, difftest reports). */
const char *guest_op_name(unsigned op);

/* Decoder pattern table entry: the single source of truth for an encoding.
 * The decoder selects the first entry with (raw & mask) == value whose
 * decode function accepts the word; the disassembler prints its name;
 * the difftest generator draws random words from entries of a group. */
struct guest_insn_pattern;
typedef bool guest_decode_fn(const struct guest_insn_pattern *pattern,
                             uint32_t raw, struct guest_insn *insn);

struct guest_insn_pattern {
    uint32_t mask;
    uint32_t value;
    const char *name;       /* mnemonic / encoding name, e.g. "ADD (register)" */
    uint16_t group;         /* enum guest_insn_group, for difftest */
    uint16_t op;            /* primary op this entry produces (informative) */
    guest_decode_fn *decode;
};

/* Encoding groups, used by the difftest generator to pick encodings and to
 * report counts per group. */
#define GUEST_INSN_GROUPS(X)                                               \
    X(DATAPROC,  "data-processing")                                        \
    X(MULTIPLY,  "multiply")                                               \
    X(SATURATE,  "saturating")                                             \
    X(PARALLEL,  "parallel-add-sub")                                       \
    X(MISC,      "misc (extend, pack, reverse, bitfield, clz, sel)")       \
    X(BRANCH,    "branch")                                                 \
    X(LOADSTORE, "load-store")                                             \
    X(LDMSTM,    "load-store-multiple")                                    \
    X(EXCLUSIVE, "exclusive-acquire-release")                              \
    X(SYSTEM,    "system (hints, barriers, status, coprocessor)")          \
    X(VFP,       "vfp")                                                    \
    X(NEON,      "advanced-simd")                                          \
    X(CRYPTO,    "crypto-crc32 (AES, SHA, VMULL.P64, CRC32)")

enum guest_insn_group {
#define INSN_GROUP_ENUM(name, desc) GROUP_##name,
    GUEST_INSN_GROUPS(INSN_GROUP_ENUM)
#undef INSN_GROUP_ENUM
    GROUP_COUNT
};

const char *guest_insn_group_name(unsigned group);

/* Generic decode functions over the shared pattern table scheme. */
bool guest_decode_with_table(const struct guest_insn_pattern *table,
                             unsigned count, uint32_t raw,
                             struct guest_insn *insn);

#endif
