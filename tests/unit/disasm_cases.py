#!/usr/bin/env python3
"""Regenerates tests/unit/disasm_cases.h, the expectations of disasm_test.c.

Assembles disasm_cases.s (A32 part, then a T32 part after `.thumb`) with
arm-linux-gnueabihf-as -march=armv8-a (.fpu fp-armv8), disassembles it with
arm-linux-gnueabihf-objdump -d and records, per instruction, the address, the
encoding, the ITSTATE before it (tracked from objdump's IT encodings) and
objdump's text. Nothing here runs a32run code.

The expected text is objdump's text, except where one of the DELIBERATE rules
below rewrites it: those are the documented differences of the disassembler
(it prints decoded fields only; see src/tools/disasm.h). Each row records
which rule fired, so the test reports them separately. Trivial differences
(whitespace, comments, .w/.n, number bases, "#0" offsets) are normalised by
the test itself, on both sides, at run time.

Usage: python3 tests/unit/disasm_cases.py   (from the repository root), then
touch tests/unit/disasm_test.c (the Makefile does not track the header).
"""
import os, re, subprocess, sys, tempfile

REGS = {**{'r%d' % i: i for i in range(16)}, 'sl': 10, 'fp': 11, 'ip': 12,
        'sp': 13, 'lr': 14, 'pc': 15}
NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'sl',
         'fp', 'ip', 'sp', 'lr', 'pc']


def add_rt2(m):
    """A32 LDRD/STRD/LDREXD/...: objdump omits Rt2, UAL writes it."""
    rt = REGS[m.group(2)]
    return '%s\t%s, %s, %s' % (m.group(1), m.group(2), NAMES[rt + 1], m.group(3))


def add_rt2_strexd(m):
    rt = REGS[m.group(3)]
    return '%s\t%s, %s, %s, %s' % (m.group(1), m.group(2), m.group(3),
                                   NAMES[rt + 1], m.group(4))


def vmov_float(m):
    """VMOV (immediate): objdump prints the encoded imm8, then the value in
    its comment; the disassembler prints the value."""
    return '%s\t%s, #%s' % (m.group(1), m.group(2), m.group(3))


# (name, isa ('a32', 't32' or None for both), regex, replacement)
DELIBERATE = [
    ('ual-dual-register', 'a32',
     r'^((?:ldrd|strd|ldrexd|ldaexd)\w*)\t(\w+), (\[.*)$', add_rt2),
    ('ual-dual-register', 'a32',
     r'^((?:strexd|stlexd)\w*)\t(\w+), (\w+), (\[.*)$', add_rt2_strexd),
    ('vmov-imm-value', None,
     r'^(vmov\w*\.f(?:32|64))\t(\w+), #\d+\t@ 0x[0-9a-f]+\s+(\S+)$', vmov_float),
    ('hint-as-nop', None,
     r'^(?:nop\t\{0\}|yield|wfe|wfi|sev|sevl|dbg\t#\d+|pld[w]?\t.*|pli\t.*|'
     r'cpsi[ed]\t.*|setend\t.*)(?:\.w)?$', 'nop'),
    ('hint-as-nop', None,
     r'^(?:yield|wfe|wfi|sev|sevl|nop)\.w$', 'nop'),
    ('hint-as-nop', None, r'^(?:dbg|pld|pldw|pli)\t.*$', 'nop'),
    ('barrier-option', None, r'^(dmb|dsb|isb)\t(?!sy$)\w+$', r'\1\tsy'),
    ('cp15-barrier', None, r'^mcr\t15, 0, \w+, cr7, cr10, \{5\}$', 'dmb\tsy'),
    ('cp15-barrier', None, r'^mcr\t15, 0, \w+, cr7, cr10, \{4\}$', 'dsb\tsy'),
    ('cp15-barrier', None, r'^mcr\t15, 0, \w+, cr7, cr5, \{4\}$', 'isb\tsy'),
    ('bxj-as-bx', None, r'^bxj(\w*)\t(\w+)$', r'bx\1\t\2'),
    # SSAT/USAT with sh = 1, imm5 = 0 is ASR #32 (DecodeImmShift).
    ('sat-asr-32', None, r'^((?:s|u)sat\w*\t.*), asr #0$', r'\1, asr #32'),
]


def it_advance(it):
    return 0 if it & 7 == 0 else (it & 0xe0) | ((it << 1) & 0x1f)


def c_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\t', '\\t') + '"'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, 'disasm_cases.s')
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, 'cases.o')
        subprocess.run(['arm-linux-gnueabihf-as', '-march=armv8-a',
                        '-o', obj, src], check=True, stderr=subprocess.DEVNULL)
        dis = subprocess.run(['arm-linux-gnueabihf-objdump', '-d', obj], check=True,
                             capture_output=True, text=True).stdout
    rows, it, counts = [], 0, {}
    for line in dis.splitlines():
        m = re.match(r'^\s*([0-9a-f]+):\t([0-9a-f]{8}|[0-9a-f]{4}(?: [0-9a-f]{4})?)\s*\t(.*)$', line)
        if not m or m.group(3).startswith('.'):
            continue
        addr, enc, text = int(m.group(1), 16), m.group(2).split(), m.group(3).rstrip()
        thumb = len(enc[0]) == 4
        if thumb:
            hw1, hw2 = int(enc[0], 16), int(enc[1], 16) if len(enc) > 1 else 0
        else:
            hw1, hw2, it = int(enc[0], 16), 0, 0
        expected, rule = text, ''
        for name, isa, rx, rep in DELIBERATE:
            if isa and isa != ('t32' if thumb else 'a32'):
                continue
            new = re.sub(rx, rep, expected)
            if new != expected:
                expected, rule = new, name
                counts[name] = counts.get(name, 0) + 1
                break
        rows.append('    { %d, 0x%x, 0x%x, 0x%x, 0x%02x, %s, %s, %s },' % (
            thumb, addr, hw1, hw2, it if thumb else 0, c_str(text), c_str(expected),
            c_str(rule)))
        if thumb:
            is_it = len(enc) == 1 and (hw1 & 0xff00) == 0xbf00 and (hw1 & 0xf) != 0
            it = hw1 & 0xff if is_it else it_advance(it)
    out = os.path.join(here, 'disasm_cases.h')
    with open(out, 'w') as f:
        f.write('/* Generated by tests/unit/disasm_cases.py from disasm_cases.s and\n'
                ' * arm-linux-gnueabihf-objdump (binutils 2.40): do not edit. Fields:\n'
                ' * thumb, pc, A32 word or T32 hw1, hw2, ITSTATE before, objdump text,\n'
                ' * expected text (objdump text after a deliberate-difference rule),\n'
                ' * rule name ("" = none). */\n')
        f.write('\n'.join(rows) + '\n')
    print('%d cases, deliberate: %s' % (len(rows), counts))


if __name__ == '__main__':
    main()
