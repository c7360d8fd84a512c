#!/usr/bin/env python3
"""Writes broken variants of a valid static 32-bit ARM ELF program.

usage: make_bad_elfs.py BASE OUTDIR
BASE is a valid static ARM EABI5 ELF executable (ET_EXEC, at least two
PT_LOAD segments: text then data). Each variant goes to OUTDIR/NAME and
OUTDIR/list.txt gets one line "NAME<TAB>what is wrong" per variant.
"""
import os
import struct
import sys

EHDR = struct.Struct("<16sHHIIIIIHHHHHH")
PHDR = struct.Struct("<IIIIIIII")
PT_NULL, PT_LOAD, PT_INTERP = 0, 1, 3
PF_X, PF_W, PF_R = 1, 2, 4


class Elf:
    def __init__(self, data):
        self.data = bytearray(data)
        f = EHDR.unpack_from(self.data, 0)
        (self.ident, self.type, self.machine, self.version, self.entry, self.phoff,
         self.shoff, self.flags, self.ehsize, self.phentsize, self.phnum,
         self.shentsize, self.shnum, self.shstrndx) = f

    def header(self, **changes):
        fields = dict(ident=self.ident, type=self.type, machine=self.machine,
                      version=self.version, entry=self.entry, phoff=self.phoff,
                      shoff=self.shoff, flags=self.flags, ehsize=self.ehsize,
                      phentsize=self.phentsize, phnum=self.phnum,
                      shentsize=self.shentsize, shnum=self.shnum,
                      shstrndx=self.shstrndx)
        fields.update(changes)
        d = bytearray(self.data)
        EHDR.pack_into(d, 0, *[fields[k] for k in (
            "ident", "type", "machine", "version", "entry", "phoff", "shoff",
            "flags", "ehsize", "phentsize", "phnum", "shentsize", "shnum",
            "shstrndx")])
        return d

    def phdrs(self):
        return [list(PHDR.unpack_from(self.data, self.phoff + i * 32))
                for i in range(self.phnum)]

    def with_phdrs(self, phs, data=None):
        d = bytearray(self.data if data is None else data)
        for i, p in enumerate(phs):
            PHDR.pack_into(d, self.phoff + i * 32, *p)
        return d

    def loads(self):
        return [i for i, p in enumerate(self.phdrs()) if p[0] == PT_LOAD]


def main():
    base_path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    base = Elf(open(base_path, "rb").read())
    variants = []

    def add(name, data, why):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        variants.append((name, why))

    ident = bytearray(base.ident)

    def ident_with(index, value):
        i = bytearray(ident)
        i[index] = value
        return bytes(i)

    add("empty", b"", "empty file")
    add("text", b"#!/bin/sh\necho this is not an ELF file\n", "text file")
    add("magic-only", b"\x7fELF", "ELF magic and nothing else")
    for cut in (10, 51, base.phoff + 8, base.phoff + base.phnum * 32 - 1):
        add("truncated-%d" % cut, bytes(base.data[:cut]), "truncated at %d bytes" % cut)
    for frac in (2, 4):
        cut = len(base.data) // frac
        add("truncated-1-%d" % frac, bytes(base.data[:cut]), "truncated to 1/%d" % frac)
    last = base.phdrs()[base.loads()[-1]]
    add("truncated-last-segment", bytes(base.data[:last[1] + last[4] - 1]),
        "last segment cut short by one byte")
    add("class64", base.header(ident=ident_with(4, 2)), "ELFCLASS64 with an ARM machine")
    add("class-bad", base.header(ident=ident_with(4, 7)), "unknown ELF class")
    add("big-endian", base.header(ident=ident_with(5, 2)), "EI_DATA big-endian")
    add("ident-version", base.header(ident=ident_with(6, 0)), "EI_VERSION 0")
    add("machine-i386", base.header(machine=3), "e_machine i386")
    add("machine-unknown", base.header(machine=0x1234), "unknown e_machine")
    add("version0", base.header(version=0), "e_version 0")
    add("type-rel", base.header(type=1), "ET_REL")
    add("type-core", base.header(type=4), "ET_CORE")
    add("oabi", base.header(flags=base.flags & 0x00ffffff), "EABI version 0 (OABI)")
    add("eabi4", base.header(flags=(base.flags & 0x00ffffff) | 0x04000000), "EABI version 4")
    add("eabi-unknown", base.header(flags=(base.flags & 0x00ffffff) | 0x7f000000), "EABI version 127")
    add("phentsize", base.header(phentsize=40), "e_phentsize 40")
    add("phnum0", base.header(phnum=0), "no program headers")
    add("phnum-huge", base.header(phnum=0xffff), "65535 program headers")
    add("phoff-huge", base.header(phoff=0xfffffff0), "program headers far outside the file")
    add("phoff-end", base.header(phoff=len(base.data) - 16), "program headers cut by the end of the file")

    phs = base.phdrs()
    text, data = base.loads()[0], base.loads()[-1]

    def mutate(name, why, index, field, value):
        p = [list(x) for x in phs]
        p[index][field] = value
        add(name, base.with_phdrs(p), why)

    # Phdr fields: type, offset, vaddr, paddr, filesz, memsz, flags, align
    mutate("filesz-gt-memsz", "p_filesz > p_memsz", data, 4, phs[data][5] + 0x1000)
    mutate("offset-huge", "p_offset far past the end", text, 1, 0xfffff000)
    mutate("filesz-past-end", "p_offset + p_filesz past the end", data, 4,
           len(base.data) - phs[data][1] + 0x2000)
    p = [list(x) for x in phs]
    p[data][5] = 0xffffff00
    add("memsz-huge", base.with_phdrs(p), "p_memsz 0xffffff00 (wraps past 4 GiB)")
    mutate("vaddr-top", "segment crossing into the vector page at 0xffff0000", data, 2,
           0xfffef000 | (phs[data][2] & 0xfff))
    mutate("vaddr-vector", "segment inside the vector page", data, 2,
           0xffff0000 | (phs[data][2] & 0xfff))
    p = [list(x) for x in phs]
    p[data][5] = 0xe0000000
    add("span-huge", base.with_phdrs(p), "segments spanning 3.5 GiB")
    p = [list(x) for x in phs]
    p[data][2] = phs[text][2] + 0x100
    p[data][1] = (phs[data][1] & ~0xfff) | (p[data][2] & 0xfff)
    add("overlap", base.with_phdrs(p), "overlapping PT_LOAD segments")
    mutate("misaligned", "p_offset and p_vaddr differ modulo 4096", data, 2, phs[data][2] + 4)
    p = [list(x) for x in phs]
    for i in base.loads():
        p[i][0] = PT_NULL
    add("no-load", base.with_phdrs(p), "no PT_LOAD segment")
    p = [list(x) for x in phs]
    p[text][2] = 0
    p[text][1] = p[text][1] & ~0xfff
    add("vaddr-zero", base.with_phdrs(p), "ET_EXEC segment at address 0")
    add("entry-outside", base.header(entry=0x100), "entry point below every segment")
    add("entry-data", base.header(entry=phs[data][2] + 4), "entry point in a non-executable segment")
    add("entry-high", base.header(entry=0xfffffff0), "entry point at 0xfffffff0")

    # PT_INTERP variants: reuse the first non-load header slot if any,
    # else turn the last header (usually GNU_STACK or similar) into one.
    spare = [i for i, x in enumerate(phs) if x[0] != PT_LOAD]
    if spare:
        s = spare[-1]
        path = b"/nonexistent/ld-linux-armhf.so.3\0"
        d = bytearray(base.data) + path
        p = [list(x) for x in phs]
        p[s] = [PT_INTERP, len(base.data), 0, 0, len(path), len(path), PF_R, 1]
        add("interp-missing", base.with_phdrs(p, d), "PT_INTERP names a missing file")
        d2 = bytearray(base.data) + b"/lib/ld.so"
        p[s] = [PT_INTERP, len(base.data), 0, 0, 10, 10, PF_R, 1]
        add("interp-unterminated", base.with_phdrs(p, d2), "PT_INTERP without a NUL")
        p[s] = [PT_INTERP, 0xffffff00, 0, 0, 10, 10, PF_R, 1]
        add("interp-outside", base.with_phdrs(p), "PT_INTERP outside the file")
        d3 = bytearray(base.data) + b"/etc/passwd\0"
        p[s] = [PT_INTERP, len(base.data), 0, 0, 12, 12, PF_R, 1]
        add("interp-not-elf", base.with_phdrs(p, d3), "PT_INTERP is a text file")

    with open(os.path.join(out, "list.txt"), "w") as f:
        for name, why in variants:
            f.write("%s\t%s\n" % (name, why))


if __name__ == "__main__":
    main()
