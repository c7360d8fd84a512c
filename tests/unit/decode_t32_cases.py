#!/usr/bin/env python3
"""Regenerates the objdump-derived cases of decode_t32_test.c.

Assembles decode_t32_cases.s (arm-linux-gnueabihf-as -mthumb -march=armv8-a),
disassembles it with objdump, and derives the expected decode of every
instruction from objdump's *text* (mnemonic, condition, operands): nothing
here looks at what the C decoder does. The IT state of each instruction is
tracked from the IT instructions' text. The rows replace the block between
the GENERATED markers of decode_t32_test.c.

Usage: python3 tests/unit/decode_t32_cases.py   (from the repository root)
"""
import os, re, subprocess, sys, tempfile
CONDS = ['eq','ne','cs','cc','mi','pl','vs','vc','hi','ls','ge','lt','gt','le','al']
COND_ALIAS = {'hs':'cs','lo':'cc'}
REGS = {**{'r%d'%i:i for i in range(16)}, 'sb':9,'sl':10,'fp':11,'ip':12,'sp':13,'lr':14,'pc':15}
SH = {'lsl':0,'lsr':1,'asr':2,'ror':3,'rrx':4}
F_S,F_IMM_CARRY,F_PRE,F_ADD,F_WBACK,F_INTERWORK,F_X,F_ROUND,F_NHIGH,F_MHIGH,F_USER,F_ACQREL=[1<<i for i in range(12)]
DP = {'and':'AND','eor':'EOR','sub':'SUB','rsb':'RSB','add':'ADD','adc':'ADC','sbc':'SBC','orr':'ORR','bic':'BIC','orn':'ORN',
      'tst':'TST','teq':'TEQ','cmp':'CMP','cmn':'CMN','mov':'MOV','mvn':'MVN'}
PAR_PFX = {'s':0,'q':1,'sh':2,'u':3,'uq':4,'uh':5}
PAR_KIND = {'add16':0,'asx':1,'sax':2,'sub16':3,'add8':4,'sub8':5}
SIMPLE = ['and','eor','sub','rsb','add','adc','sbc','orr','bic','orn','tst','teq','cmp','cmn','mov','mvn','movw','movt',
 'addw','subw','adr','lsl','lsr','asr','ror','rrx','neg','mul','mla','mls','umull','smull','umlal','smlal','umaal',
 'sdiv','udiv','qadd','qsub','qdadd','qdsub','ssat','usat','ssat16','usat16','sel','usad8','usada8','pkhbt','pkhtb',
 'sxtb','sxth','sxtb16','uxtb','uxth','uxtb16','sxtab','sxtah','sxtab16','uxtab','uxtah','uxtab16','rev','rev16','revsh','rbit','clz',
 'bfc','bfi','sbfx','ubfx','b','bl','blx','bx','bxj','cbz','cbnz','tbb','tbh',
 'ldr','ldrb','ldrh','ldrsb','ldrsh','str','strb','strh','ldrd','strd','ldrt','ldrbt','ldrht','ldrsbt','ldrsht','strt','strbt','strht',
 'ldrex','ldrexb','ldrexh','ldrexd','strex','strexb','strexh','strexd','clrex','lda','ldab','ldah','stl','stlb','stlh',
 'ldaex','ldaexb','ldaexh','ldaexd','stlex','stlexb','stlexh','stlexd',
 'ldm','ldmia','ldmdb','ldmfd','stm','stmia','stmdb','stmea','stmfd','push','pop','svc','bkpt','udf','dmb','dsb','isb','nop','yield','wfe','wfi','sev','sevl',
 'pld','pldw','pli','mrc','mcr','mrs','msr','smmul','smmulr','smmla','smmlar','smmls','smmlsr','smuad','smuadx','smusd','smusdx',
 'smlad','smladx','smlsd','smlsdx','smlald','smlaldx','smlsld','smlsldx','cpsie','cpsid','setend','dbg']
NO_S = set(['b','bl','blx','bx','bxj','cbz','cbnz','tbb','tbh','it','movw','movt','addw','subw','tst','teq','cmp','cmn'])
BASES = sorted(SIMPLE, key=len, reverse=True)

def is_rotated(v):
    """T32 modified immediate needs a rotation (not 000000XY/00XY00XY/XY00XY00/XYXYXYXY)."""
    b = v & 0xff
    if v <= 0xff: return False
    if v == (b << 16 | b) or v == ((v >> 8) & 0xff) * 0x01000100 or v == b * 0x01010101: return False
    return True

def reg(s):
    return REGS[s.strip()]

def split_ops(s):
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch in '[{': depth += 1
        if ch in ']}': depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip()); cur = ''
        else: cur += ch
    if cur.strip(): out.append(cur.strip())
    return out

def parse_mnem(m):
    m = m.lower()
    q = ''
    if m.endswith('.w') or m.endswith('.n'): q = m[-1]; m = m[:-2]
    # special xy forms
    for pat, kind in [(r'^smul([bt])([bt])', 'SMULXY'), (r'^smla([bt])([bt])', 'SMLAXY'), (r'^smlal([bt])([bt])', 'SMLALXY'),
                      (r'^smulw([bt])', 'SMULWY'), (r'^smlaw([bt])', 'SMLAWY')]:
        mm = re.match(pat, m)
        if mm:
            rest = m[mm.end():]
            if rest == '' or rest in CONDS or rest in COND_ALIAS:
                return ('XY', kind, mm.groups()), False, COND_ALIAS.get(rest, rest) or 'al', q
    mm = re.match(r'^(q|sh|s|uq|uh|u)(add16|asx|sax|sub16|add8|sub8)(.*)$', m)
    if mm and (mm.group(3) == '' or mm.group(3) in CONDS):
        return ('PAR', PAR_PFX[mm.group(1)]*8 + PAR_KIND[mm.group(2)]), False, mm.group(3) or 'al', q
    mm = re.match(r'^it([te]{0,3})$', m)
    if mm: return ('IT', mm.group(1)), False, 'al', q
    for b in BASES:
        if not m.startswith(b): continue
        rest = m[len(b):]
        s = False
        if rest.startswith('s') and b not in NO_S and not (rest[:2] in CONDS):
            s = True; rest = rest[1:]
        if rest == '': return b, s, 'al', q
        rest = COND_ALIAS.get(rest, rest)
        if rest in CONDS: return b, s, rest, q
    return None, False, 'al', q

def mem(opnd, extra):
    """Parse [rn, ...] addressing; returns dict."""
    d = {}
    mm = re.match(r'^\[([^\]]*)\](!?)$', opnd)
    inner = split_ops(mm.group(1)); wb = mm.group(2) == '!'
    d['rn'] = reg(inner[0])
    if extra:  # post-indexed
        off = extra[0]
        d['flags'] = F_WBACK
        if off.startswith('#'):
            v = int(off[1:], 0)
            d['imm'] = abs(v); d['flags'] |= (F_ADD if not off.startswith('#-') else 0)
        else:
            neg = off.startswith('-'); d['rm'] = reg(off.lstrip('-+')); d['flags'] |= 0 if neg else F_ADD
        return d
    flags = F_PRE | (F_WBACK if wb else 0)
    if len(inner) == 1:
        d['imm'] = 0; flags |= F_ADD
    elif inner[1].startswith('#'):
        v = inner[1][1:]
        neg = v.startswith('-')
        d['imm'] = abs(int(v, 0)); flags |= 0 if neg else F_ADD
    else:
        neg = inner[1].startswith('-')
        d['rm'] = reg(inner[1].lstrip('-+')); flags |= 0 if neg else F_ADD
        d['shift_type'] = 0; d['shift_amount'] = 0
        if len(inner) > 2:
            st, amt = inner[2].split()
            d['shift_type'] = SH[st]; d['shift_amount'] = int(amt[1:], 0)
    d['flags'] = flags
    return d

def shift_of(s):
    s = s.strip()
    if s == 'rrx': return 4, 1
    st, amt = s.split()
    return SH[st], int(amt.lstrip('#'), 0)

def reglist(s):
    v = 0
    for r in s.strip('{}').split(','):
        r = r.strip()
        if '-' in r:
            a, b = r.split('-'); 
            for i in range(reg(a), reg(b)+1): v |= 1 << i
        else: v |= 1 << reg(r)
    return v

def target(s):
    return int(s.split()[0], 16)

def expect(addr, mnem, opstr, raw, length):
    """Returns dict of expected fields or None if unhandled."""
    opstr = opstr.split('@')[0].split(';')[0].strip()
    base, s, cond, q = parse_mnem(mnem)
    if base is None: return None
    ops = split_ops(opstr) if opstr else []
    e = {'cond': CONDS.index(cond)}
    if isinstance(base, tuple):
        if base[0] == 'IT':
            fc = CONDS.index(ops[0]) if ops[0] in CONDS else CONDS.index(COND_ALIAS[ops[0]])
            pat = base[1]; n = len(pat) + 1
            mask = 0
            for i, ch in enumerate(pat):
                bit = (fc & 1) if ch == 't' else 1 - (fc & 1)
                mask |= bit << (3 - i)
            mask |= 1 << (4 - n)
            return {'op': 'IT', 'imm': fc << 4 | mask, 'cond': 14}
        if base[0] == 'PAR':
            return {**e, 'op': 'PARALLEL', 'imm': base[1], 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2])}
        if base[0] == 'XY':
            kind, xy = base[1], base[2]
            fl = 0
            if kind in ('SMULXY', 'SMLAXY', 'SMLALXY'):
                fl = (F_NHIGH if xy[0] == 't' else 0) | (F_MHIGH if xy[1] == 't' else 0)
            else:
                fl = F_MHIGH if xy[0] == 't' else 0
            if kind == 'SMLALXY':
                return {**e, 'op': kind, 'flags': fl, 'rd': reg(ops[0]), 'ra': reg(ops[1]), 'rn': reg(ops[2]), 'rm': reg(ops[3])}
            d = {**e, 'op': kind, 'flags': fl, 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2])}
            if len(ops) > 3: d['ra'] = reg(ops[3])
            return d
    b = base
    flags = F_S if s else 0
    if b in DP or b in ('lsl','lsr','asr','ror','rrx','neg'):
        if b in ('tst','teq','cmp','cmn'):
            flags = F_S
            rn = reg(ops[0]); rest = ops[1:]
            d = {**e, 'rn': rn}
        elif b in ('mov','mvn'):
            d = {**e, 'rd': reg(ops[0])}; rest = ops[1:]
        elif b == 'neg':
            return {**e, 'op': 'RSB_IMM', 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'imm': 0, 'flags': flags}
        elif b in ('lsl','lsr','asr','ror','rrx'):
            rd = reg(ops[0])
            if b == 'rrx':
                return {**e, 'op': 'MOV_REG', 'rd': rd, 'rm': reg(ops[1]), 'shift_type': 4, 'shift_amount': 1, 'flags': flags}
            if len(ops) == 2: ops = [ops[0], ops[0], ops[1]]
            if ops[2].startswith('#'):
                return {**e, 'op': 'MOV_REG', 'rd': rd, 'rm': reg(ops[1]), 'shift_type': SH[b], 'shift_amount': int(ops[2][1:], 0), 'flags': flags}
            return {**e, 'op': 'MOV_RSR', 'rd': rd, 'rm': reg(ops[1]), 'ra': reg(ops[2]), 'shift_type': SH[b], 'flags': flags}
        else:
            if len(ops) == 2 or (len(ops) == 3 and not ops[1].startswith('#') and ops[2].split()[0] in SH):
                ops = [ops[0]] + ops  # two-operand form rd, rm -> rd, rd, rm
            d = {**e, 'rd': reg(ops[0]), 'rn': reg(ops[1])}; rest = ops[2:]
            if b == 'add' and d['rn'] == 15 and rest[0].startswith('#'):
                return {**e, 'op': 'ADR', 'rd': d['rd'], 'imm': int(rest[0][1:], 0) & 0xffffffff}
            if b == 'sub' and d['rn'] == 15 and rest[0].startswith('#'):
                return {**e, 'op': 'ADR', 'rd': d['rd'], 'imm': (-int(rest[0][1:], 0)) & 0xffffffff}
        if rest[0].startswith('#'):
            d['op'] = DP[b] + '_IMM'; d['imm'] = int(rest[0][1:], 0) & 0xffffffff
            if b == 'mov' and q != 'w' and length == 4 and not s and d['imm'] < 65536 and raw & 0xfbf08000 == 0xf2400000:
                d['op'] = 'MOVW'
            if length == 4 and is_rotated(d['imm']) and not (b == 'mov' and raw & 0xfbf08000 == 0xf2400000):
                flags |= F_IMM_CARRY
        else:
            d['op'] = DP[b] + '_REG'; d['rm'] = reg(rest[0])
            if len(rest) > 1:
                st, am = shift_of(rest[1]) 
                if b == 'mov' and False: pass
                d['shift_type'] = st; d['shift_amount'] = am
            else:
                d['shift_type'] = 0; d['shift_amount'] = 0
            if len(rest) > 1 and not rest[1].strip() == 'rrx' and rest[1].split()[1].startswith('#') is False:
                return None
        d['flags'] = flags
        return d
    if b in ('movw', 'movt'):
        return {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'imm': int(ops[1][1:], 0)}
    if b in ('addw', 'subw'):
        rn = reg(ops[1]); imm = int(ops[2][1:], 0)
        if rn == 15: return {**e, 'op': 'ADR', 'rd': reg(ops[0]), 'imm': (imm if b == 'addw' else -imm) & 0xffffffff}
        return {**e, 'op': 'ADD_IMM' if b == 'addw' else 'SUB_IMM', 'rd': reg(ops[0]), 'rn': rn, 'imm': imm, 'flags': 0}
    if b == 'adr':
        return {**e, 'op': 'ADR', 'rd': reg(ops[0])}  # target checked separately
    if b in ('mul',):
        if len(ops) == 2: ops = [ops[0], ops[1], ops[0]]
        return {**e, 'op': 'MUL', 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2]), 'flags': flags}
    if b in ('mla', 'mls', 'usada8', 'smmla', 'smmlar', 'smmls', 'smmlsr', 'smlad', 'smladx', 'smlsd', 'smlsdx'):
        op = {'smmlar':'SMMLA','smmlsr':'SMMLS','smladx':'SMLAD','smlsdx':'SMLSD'}.get(b, b.upper())
        fl = (F_ROUND if b.endswith('r') and b.startswith('smm') else 0) | (F_X if b.endswith('x') else 0)
        return {**e, 'op': op, 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2]), 'ra': reg(ops[3]), 'flags': fl}
    if b in ('umull','smull','umlal','smlal','umaal','smlald','smlaldx','smlsld','smlsldx'):
        op = b.upper().rstrip('X') if b.endswith('x') else b.upper()
        return {**e, 'op': op, 'rd': reg(ops[0]), 'ra': reg(ops[1]), 'rn': reg(ops[2]), 'rm': reg(ops[3]), 'flags': F_X if b.endswith('x') else 0}
    if b in ('sdiv','udiv','sel','usad8','smmul','smmulr','smuad','smuadx','smusd','smusdx'):
        op = {'smmulr':'SMMUL','smuadx':'SMUAD','smusdx':'SMUSD'}.get(b, b.upper())
        fl = (F_ROUND if b == 'smmulr' else 0) | (F_X if b.endswith('x') else 0)
        return {**e, 'op': op, 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2]), 'flags': fl}
    if b in ('qadd','qsub','qdadd','qdsub'):
        return {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rm': reg(ops[1]), 'rn': reg(ops[2])}
    if b in ('ssat','usat','ssat16','usat16'):
        d = {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'imm': int(ops[1][1:], 0), 'rn': reg(ops[2])}
        if b in ('ssat', 'usat'):
            if len(ops) > 3: d['shift_type'], d['shift_amount'] = shift_of(ops[3])
            else: d['shift_type'], d['shift_amount'] = 0, 0
        return d
    if b in ('pkhbt','pkhtb'):
        d = {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2])}
        if len(ops) > 3: d['shift_type'], d['shift_amount'] = shift_of(ops[3])
        else: d['shift_type'], d['shift_amount'] = 0, 0
        return d
    if b in ('sxtb','sxth','sxtb16','uxtb','uxth','uxtb16'):
        d = {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rm': reg(ops[1]), 'shift_amount': 0}
        if len(ops) > 2: d['shift_amount'] = shift_of(ops[2])[1]
        return d
    if b in ('sxtab','sxtah','sxtab16','uxtab','uxtah','uxtab16'):
        d = {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'rm': reg(ops[2]), 'shift_amount': 0}
        if len(ops) > 3: d['shift_amount'] = shift_of(ops[3])[1]
        return d
    if b in ('rev','rev16','revsh','rbit','clz'):
        return {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rm': reg(ops[1])}
    if b in ('ubfx','sbfx'):
        lsb, w = int(ops[2][1:], 0), int(ops[3][1:], 0)
        return {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'imm': lsb | (w - 1) << 8}
    if b == 'bfi':
        lsb, w = int(ops[2][1:], 0), int(ops[3][1:], 0)
        return {**e, 'op': 'BFI', 'rd': reg(ops[0]), 'rn': reg(ops[1]), 'imm': lsb | (lsb + w - 1) << 8}
    if b == 'bfc':
        lsb, w = int(ops[1][1:], 0), int(ops[2][1:], 0)
        return {**e, 'op': 'BFC', 'rd': reg(ops[0]), 'imm': lsb | (lsb + w - 1) << 8}
    if b in ('b', 'bl', 'blx') and ops and not ops[0] in REGS:
        op = {'b':'B','bl':'BL','blx':'BLX_IMM'}[b]
        return {**e, 'op': op, 'imm': target(ops[0])}
    if b in ('bx', 'blx', 'bxj'):
        return {**e, 'op': 'BLX_REG' if b == 'blx' else 'BX', 'rm': reg(ops[0])}
    if b in ('cbz', 'cbnz'):
        return {**e, 'op': b.upper(), 'rn': reg(ops[0]), 'imm': target(ops[1])}
    if b in ('tbb', 'tbh'):
        inner = split_ops(ops[0][1:-1])
        return {**e, 'op': b.upper(), 'rn': reg(inner[0]), 'rm': reg(inner[1])}
    LS = {'ldr':'LDR','ldrb':'LDRB','ldrh':'LDRH','ldrsb':'LDRSB','ldrsh':'LDRSH','str':'STR','strb':'STRB','strh':'STRH'}
    if b in LS or (b.endswith('t') and b[:-1] in LS):
        user = b not in LS
        name = LS[b[:-1] if user else b]
        d = {**e, 'rd': reg(ops[0])}
        d.update(mem(ops[1], ops[2:]))
        d['op'] = name + ('_REG' if 'rm' in d else '_IMM')
        if user: d['flags'] |= F_USER
        return d
    if b in ('ldrd', 'strd'):
        d = {**e, 'rd': reg(ops[0]), 'ra': reg(ops[1])}
        d.update(mem(ops[2], ops[3:]))
        d['op'] = b.upper() + '_IMM'
        return d
    EXL = {'ldrex':'LDREX','ldrexb':'LDREXB','ldrexh':'LDREXH','ldaex':'LDREX','ldaexb':'LDREXB','ldaexh':'LDREXH','lda':'LDA','ldab':'LDAB','ldah':'LDAH'}
    if b in EXL:
        d = {**e, 'op': EXL[b], 'rd': reg(ops[0]), 'flags': F_ACQREL if b.startswith('ldaex') else 0}
        mm = mem(ops[1], []); d['rn'] = mm['rn']; d['imm'] = mm['imm']
        return d
    if b in ('ldrexd', 'ldaexd'):
        mm = mem(ops[2], [])
        return {**e, 'op': 'LDREXD', 'rd': reg(ops[0]), 'ra': reg(ops[1]), 'rn': mm['rn'], 'imm': 0, 'flags': F_ACQREL if b == 'ldaexd' else 0}
    if b in ('stl', 'stlb', 'stlh'):
        mm = mem(ops[1], [])
        return {**e, 'op': b.upper(), 'rd': reg(ops[0]), 'rn': mm['rn']}
    STX = {'strex':'STREX','strexb':'STREXB','strexh':'STREXH','stlex':'STREX','stlexb':'STREXB','stlexh':'STREXH'}
    if b in STX:
        mm = mem(ops[2], [])
        return {**e, 'op': STX[b], 'rd': reg(ops[0]), 'rm': reg(ops[1]), 'rn': mm['rn'], 'imm': mm['imm'], 'flags': F_ACQREL if b.startswith('stl') else 0}
    if b in ('strexd', 'stlexd'):
        mm = mem(ops[3], [])
        return {**e, 'op': 'STREXD', 'rd': reg(ops[0]), 'rm': reg(ops[1]), 'ra': reg(ops[2]), 'rn': mm['rn'], 'flags': F_ACQREL if b == 'stlexd' else 0}
    if b == 'clrex': return {**e, 'op': 'CLREX'}
    if b in ('push', 'pop'):
        lst = reglist(ops[0])
        if b == 'push': return {**e, 'op': 'STM', 'rn': 13, 'imm': lst, 'flags': F_PRE | F_WBACK}
        return {**e, 'op': 'LDM', 'rn': 13, 'imm': lst, 'flags': F_ADD | F_WBACK}
    if b in ('ldm','ldmia','ldmfd','ldmdb','stm','stmia','stmea','stmdb','stmfd'):
        wb = ops[0].endswith('!'); rn = reg(ops[0].rstrip('!'))
        db = b in ('ldmdb', 'stmdb', 'stmfd')
        return {**e, 'op': 'LDM' if b.startswith('ldm') else 'STM', 'rn': rn, 'imm': reglist(ops[1]),
                'flags': (F_PRE if db else F_ADD) | (F_WBACK if wb else 0)}
    if b == 'svc': return {**e, 'op': 'SVC', 'imm': int(ops[0].lstrip('#'), 0)}
    if b == 'bkpt': return {'op': 'BKPT', 'imm': int(ops[0].lstrip('#'), 0), 'cond': 14}
    if b == 'udf': return {**e, 'op': 'UDF', 'imm': raw}
    if b in ('dmb', 'dsb', 'isb'): return {**e, 'op': 'BARRIER', 'imm': {'dmb':0,'dsb':1,'isb':2}[b]}
    if b in ('nop','yield','wfe','wfi','sev','sevl','pld','pldw','pli','cpsie','cpsid','setend','dbg'): return {**e, 'op': 'NOP'}
    if b in ('mrc', 'mcr'):
        cp, opc1, rt, crn, crm, opc2 = [x.strip() for x in ops]
        if (cp, crn, crm) in (('15','cr13','cr0'), ('p15','c13','c0')):
            return {**e, 'op': 'MRC_TPIDR' if b == 'mrc' else 'MCR_TPIDR', 'rd': reg(rt), **({'imm': int(opc2.strip('{}'))} if b == 'mrc' else {})}
        if b == 'mcr' and crn in ('cr7', 'c7'):
            o2 = int(opc2.strip('{}'))
            return {**e, 'op': 'BARRIER', 'imm': 0 if (crm, o2) in (('cr10',5),('c10',5)) else 1 if o2 == 4 and crm in ('cr10','c10') else 2}
        return None
    if b == 'mrs': return {**e, 'op': 'MRS', 'rd': reg(ops[0])}
    if b == 'msr':
        spec = ops[0].lower(); m = 0
        if spec.startswith('apsr_'):
            f = spec[5:]; m = (8 if 'nzcvq' in f else 0) | (4 if f.endswith('g') else 0)
        else:
            f = spec.split('_')[1]; m = (8 if 'f' in f else 0) | (4 if 's' in f else 0)
        return {**e, 'op': 'MSR_REG', 'rm': reg(ops[1]), 'shift_amount': m}
    return None

FIELDS = ['rd', 'rn', 'rm', 'ra', 'imm', 'shift_type', 'shift_amount', 'flags']

def it_advance(it):
    return 0 if it & 7 == 0 else (it & 0xe0) | ((it << 1) & 0x1f)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, 'decode_t32_cases.s')
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, 'cases.o')
        subprocess.run(['arm-linux-gnueabihf-as', '-mthumb', '-march=armv8-a', '-o', obj, src], check=True)
        dis = subprocess.run(['arm-linux-gnueabihf-objdump', '-d', obj], check=True,
                             capture_output=True, text=True).stdout
    rows, it = [], 0
    for line in dis.splitlines():
        m = re.match(r'^\s*([0-9a-f]+):\t([0-9a-f]{4}(?: [0-9a-f]{4})?)\s*\t(.*)$', line)
        if not m or m.group(3).startswith('.'):
            continue
        addr, enc, text = int(m.group(1), 16), m.group(2).split(), m.group(3).replace('\t', ' ').strip()
        hw1, hw2 = int(enc[0], 16), int(enc[1], 16) if len(enc) > 1 else 0
        raw = hw1 << 16 | hw2 if len(enc) > 1 else hw1
        parts = text.split(None, 1)
        e = expect(addr, parts[0], parts[1] if len(parts) > 1 else '', raw, 2 * len(enc))
        if e is None:
            sys.exit('no expectation for: ' + text)
        checks = ['C_' + k.upper() for k in FIELDS if k in e]
        vals = ', '.join('.%s = %s' % (k, hex(e[k]) if k in ('imm', 'flags') else e[k]) for k in FIELDS if k in e)
        comment = text.split('@')[0].strip().replace('"', "'")
        rows.append('    { 0x%x, 0x%04x, 0x%04x, 0x%02x, OP_%s, %d, %s, { %s }, "%s" },'
                    % (addr, hw1, hw2, it, e['op'], e['cond'], ' | '.join(checks) or '0', vals, comment))
        it = e['imm'] if e['op'] == 'IT' else it_advance(it)
    test = os.path.join(here, 'decode_t32_test.c')
    body = open(test).read()
    start = body.index('/* BEGIN GENERATED') ; start = body.index('\n', start) + 1
    end = body.index('    /* END GENERATED')
    open(test, 'w').write(body[:start] + '\n'.join(rows) + '\n' + body[end:])
    print('%d cases' % len(rows))

if __name__ == '__main__':
    main()
