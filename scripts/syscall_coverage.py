#!/usr/bin/env python3
"""Prints the guest system call table (src/linux/syscall_table.h) with each
entry's status, and the counts: translated (a handler) and refused with a
written reason. Checks that every number of the ARM EABI header
(asm/unistd-eabi.h) and every ARM-private call has an entry, and that every
refusal has a reason; exits 1 if not.

usage: scripts/syscall_coverage.py [--quiet] [UNISTD_EABI_H] [TABLE_H]
"""
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
quiet = "--quiet" in sys.argv
UNISTD = args[0] if args else "/usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h"
TABLE = args[1] if len(args) > 1 else "src/linux/syscall_table.h"
ARM_PRIVATE = {0xf0001: "breakpoint", 0xf0002: "cacheflush", 0xf0003: "usr26",
               0xf0004: "usr32", 0xf0005: "set_tls", 0xf0006: "get_tls"}

entries = {}
problems = []
for line in open(TABLE):
    m = re.match(r'\s*SYSCALL\((\w+),\s*(\w+),\s*(\w+),', line)
    if m:
        nr = int(m.group(1), 0)
        entries.setdefault(nr, []).append((m.group(2), "translated", m.group(3)))
        continue
    m = re.match(r'\s*NOSYS\((\w+),\s*(\w+),\s*"((?:[^"\\]|\\.)*)"\)', line)
    if m:
        nr = int(m.group(1), 0)
        entries.setdefault(nr, []).append((m.group(2), "refused", m.group(3)))
        if not m.group(3).strip():
            problems.append("%d %s: refused without a reason" % (nr, m.group(2)))

expected = {}
try:
    for line in open(UNISTD):
        m = re.match(r'#define __NR_(\w+)\s+\(__NR_SYSCALL_BASE\s*\+\s*(\d+)\)', line) or \
            re.match(r'#define __NR_(\w+)\s+(\d+)', line)
        if m:
            expected[int(m.group(2))] = m.group(1)
except OSError:
    problems.append("cannot read %s" % UNISTD)
expected.update(ARM_PRIVATE)

for nr, name in sorted(expected.items()):
    if nr not in entries:
        problems.append("%d %s: in the ARM headers, not in the table" % (nr, name))
    elif entries[nr][0][0] != name:
        problems.append("%d: table says %s, headers say %s" % (nr, entries[nr][0][0], name))
for nr, lst in sorted(entries.items()):
    if len(lst) > 1:
        problems.append("%d: %d entries" % (nr, len(lst)))

translated = sum(1 for lst in entries.values() if lst[0][1] == "translated")
refused = sum(1 for lst in entries.values() if lst[0][1] == "refused" and lst[0][2].strip())
if not quiet:
    for nr, lst in sorted(entries.items()):
        name, status, detail = lst[0]
        shown = "%#x" % nr if nr >= 0xf0000 else str(nr)
        print("%-8s %-28s %-10s %s" % (shown, name, status, detail))
    print()
print("syscall coverage: %d entries, %d translated, %d refused with a reason, %d unclassified"
      % (len(entries), translated, refused, len(entries) - translated - refused))
for p in problems:
    print("PROBLEM:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
