#!/usr/bin/env python3
"""Creates or refreshes src/linux/syscall_table.h from the ARM EABI numbers.

The table is the single source of truth for guest system calls (see the
header's comment). It was generated once from asm/unistd-eabi.h and then
edited by hand to add handlers and strace argument kinds. Running this
script again keeps every existing line (matched by number) and appends a
NOSYS line for any number the header has that the table lacks, so a newer
kernel header can be merged without losing work.

usage: scripts/gen_syscall_table.py [UNISTD_EABI_H] [TABLE_H]
"""
import re
import sys

UNISTD = sys.argv[1] if len(sys.argv) > 1 else \
    "/usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h"
TABLE = sys.argv[2] if len(sys.argv) > 2 else "src/linux/syscall_table.h"

ARM_PRIVATE = [(0xf0001, "breakpoint"), (0xf0002, "cacheflush"),
               (0xf0003, "usr26"), (0xf0004, "usr32"),
               (0xf0005, "set_tls"), (0xf0006, "get_tls")]

HEADER = """\
/*
 * The guest system call table: one line per ARM EABI system call, the only
 * place where numbers, names, handlers and strace argument kinds live.
 *
 *   SYSCALL(nr, name, handler, return kind, argument kinds...)
 *   NOSYS(nr, name, reason)      no handler: -ENOSYS, reported once under
 *                                --strace/--debug with the reason, which
 *                                must be written (an empty one fails
 *                                tests/unit/syscall_table_test and
 *                                `make syscall-coverage`)
 *
 * Numbers: asm/unistd-eabi.h (all of them) and the ARM-private calls at
 * 0x0f0000 + n. Argument kinds (enum strace_arg_kind, tools/strace.h) also
 * encode the EABI register layout: ARG_I64 takes an aligned even/odd
 * register pair. Lines are sorted by number; the list is included by
 * linux/syscall.c (dispatch array indexed by number) and may be included
 * again by anything that needs to iterate over it.
 *
 * Generated once by scripts/gen_syscall_table.py, then edited by hand.
 */
"""

def main():
    numbers = {}
    for line in open(UNISTD):
        m = re.match(r"#define __NR_(\w+)\s+\(__NR_SYSCALL_BASE\s*\+\s*(\d+)\)", line)
        if m:
            numbers[int(m.group(2))] = m.group(1)
    for nr, name in ARM_PRIVATE:
        numbers[nr] = name
    existing = {}
    try:
        for line in open(TABLE):
            m = re.match(r"(SYSCALL|NOSYS)\((0x[0-9a-f]+|\d+),", line)
            if m:
                existing[int(m.group(2), 0)] = line.rstrip("\n")
    except FileNotFoundError:
        pass
    out = [HEADER]
    for nr in sorted(set(numbers) | set(existing)):
        if nr in existing:
            out.append(existing[nr])
        else:
            shown = hex(nr) if nr >= 0xf0000 else str(nr)
            out.append('NOSYS(%s, %s, "")' % (shown, numbers[nr]))
    with open(TABLE, "w") as f:
        f.write("\n".join(out) + "\n")

main()
