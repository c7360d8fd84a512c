/*
 * Memory instructions that are too large for the interpreter's hot loop:
 * LDM/STM, exclusives (LDREX/STREX family with the host compare-and-swap
 * monitor scheme), load-acquire/store-release and SWP/SWPB.
 *
 * Every function performs all its guest memory accesses (which may fault)
 * before it writes any guest register.
 */
#ifndef A32RUN_EXEC_INTERP_MEM_H
#define A32RUN_EXEC_INTERP_MEM_H

#include <stdbool.h>

#include "exec/exec.h"
#include "guest/insn.h"

/* LDM: returns true if pc was loaded (BXWritePC done: block must end). */
bool interp_ldm(struct guest_thread *thread, const struct guest_insn *insn);
void interp_stm(struct guest_thread *thread, const struct guest_insn *insn);

/* LDREX*, STREX*, CLREX, LDA*, STL*, SWP, SWPB. */
void interp_atomic(struct guest_thread *thread, const struct guest_insn *insn);

#endif
