#!/usr/bin/env python3
"""The benchmark driver of `make bench` (bench/run.sh prepares the programs,
the sysroot and the insncount plugin, then runs this).

Each benchmark runs RUNS times under each executor -- the host's own build
of the same program ("native", where one exists), qemu-arm and a32run --
interleaved run by run, so that load changes on a shared machine hit all
three alike. The figure kept per run is:
  cpu      user+sys CPU seconds of the process (wall time is recorded too,
           but CPU time is what a busy shared machine disturbs least)
  rate     a throughput the program reports itself (openssl speed: MB per
           CPU second; 7-Zip: its R/U rating, MIPS per 100% CPU)
  syscall  ns per call, as bench/syscalls.c measures it
and the report gives medians. Ratios are always "a32run's cost / the other
executor's cost" (time ratio, or inverse throughput ratio): above 1 means
a32run is slower. Outputs are checked: a program's output must equal the
native build's (or qemu-arm's where there is no native build), otherwise
the row says "fails: ..." with the reason; nothing aborts the report.

Environment: RUNS (default 5), RUNS_7Z (default 3), A32RUN, A32RUN_A64, SYSROOT, OUT, BENCH_ONLY (comma
separated name prefixes), BENCH_TIMEOUT (seconds per run, default 180),
INSNCOUNT=0 to skip the instruction counts.
"""
import os
import platform
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chart  # noqa: E402  (bench/chart.py)

RUNS = int(os.environ.get("RUNS", "5"))
RUNS_7Z = int(os.environ.get("RUNS_7Z", "3"))
OUT = os.environ.get("OUT", "build-bench")
A32RUN = os.environ.get("A32RUN", "build/a32run")
A32RUN_A64 = os.environ.get("A32RUN_A64", "build-aarch64/a32run")
SYSROOT = os.environ.get("SYSROOT", "build-sysroot-bench")
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "180"))
ONLY = [s for s in os.environ.get("BENCH_ONLY", "").split(",") if s]
EXECUTORS = ("native", "qemu-arm", "a32run")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Running one command and measuring it.

class RunResult:
    def __init__(self, status, stdout, stderr, wall, cpu):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.wall, self.cpu = wall, cpu


def run_once(cmd, stdin_path=None, timeout=TIMEOUT, env=None):
    """Runs cmd; returns RunResult with the child's own rusage (wait4)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    out_path = os.path.join(OUT, "run.stdout")
    err_path = os.path.join(OUT, "run.stderr")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdin=stdin, stdout=out, stderr=err,
                                    start_new_session=True, env=env)
        except OSError as e:
            return RunResult(127, "", str(e), 0.0, 0.0)
        deadline = t0 + timeout
        status, usage = None, None
        while True:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = st
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)
                _, st, usage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.005)
        wall = time.perf_counter() - t0
        proc.returncode = 0  # reaped by wait4 above
    if stdin_path:
        stdin.close()
    with open(out_path, "rb") as f:
        stdout = f.read().decode(errors="replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    if status is None:
        code = "timeout"
    elif os.WIFSIGNALED(status):
        code = "signal %d" % os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    return RunResult(code, stdout, stderr, wall, cpu)


def failure_reason(r):
    """One line saying why a run failed, from its status and stderr."""
    lines = [l.strip() for l in r.stderr.splitlines() if l.strip()]
    interesting = [l for l in lines if re.search(r"a32run|error|fail|not implemented|unsupported|"
                                                 r"ENOSYS|illegal|Segmentation|Abort", l, re.I)]
    detail = (interesting or lines or [""])[-1][:110]
    status = r.status if isinstance(r.status, str) else "exit %d" % r.status
    return "%s%s" % (status, (": " + detail) if detail else "")


# ---------------------------------------------------------------------------
# Benchmarks.

class Bench:
    """kind: cpu | rate | syscall. parse(stdout) -> metric for rate and
    syscall kinds; normalize(stdout) -> what must match across executors."""

    def __init__(self, name, group, kind, guest, native, stdin=None, unit="s",
                 parse=None, normalize=None, runs=None, note="", dynamic=True):
        self.name, self.group, self.kind = name, group, kind
        self.guest, self.native, self.stdin = guest, native, stdin
        self.unit, self.parse, self.note = unit, parse, note
        self.normalize = normalize or (lambda s: s)
        self.runs = runs or RUNS
        self.dynamic = dynamic

    def command(self, executor):
        prog, args = self.guest[0], self.guest[1:]
        if executor == "native":
            return self.native
        if executor == "qemu-arm":
            if self.dynamic:
                return ["qemu-arm", "-L", SYSROOT, SYSROOT + prog] + args
            return ["qemu-arm", prog] + args
        if self.dynamic:
            return [A32RUN, "-L", SYSROOT, prog] + args
        return [A32RUN, prog] + args


def parse_openssl(stdout):
    m = re.search(r"^\+F:\d+:[^:]+:([0-9.]+)", stdout, re.M)
    return float(m.group(1)) / 1e6 if m else None


def parse_7zip(stdout):
    # "Tot:   usage%   R/U-MIPS   rating-MIPS": R/U is rating per 100% CPU.
    m = re.search(r"^Tot:\s+(\d+)\s+(\d+)\s+(\d+)", stdout, re.M)
    return float(m.group(2)) if m else None


def parse_syscall(stdout):
    m = re.search(r"ns_per_call ([0-9.]+)", stdout)
    return float(m.group(1)) if m else None


def native_or_none(path):
    return path if os.access(path, os.X_OK) else None


def define_benchmarks():
    b = []
    o = OUT
    # intmix: the repo's own CPU benchmark, static, ARM and Thumb.
    it = os.environ.get("ITER", "300")
    for v in ("arm", "thumb"):
        b.append(Bench("intmix-" + v, "cpu", "cpu", [f"{o}/intmix-{v}", it],
                       [f"{o}/intmix-native", it], dynamic=False))
    # A NEON kernel with intmix's interface, when present (bench/neon*.c).
    for src in sorted(os.listdir("bench")):
        if src.startswith("neon") and src.endswith(".c"):
            name = src[:-2]
            nat = native_or_none(f"{o}/{name}-native")
            b.append(Bench(name, "cpu", "cpu", [f"{o}/{name}-arm", os.environ.get("NEON_ITER", "3000")],
                           [nat, os.environ.get("NEON_ITER", "3000")] if nat else None,
                           dynamic=False))
    lua, py = native_or_none("/usr/bin/lua5.4"), native_or_none("/usr/bin/python3.11")
    b.append(Bench("lua-fib", "cpu", "cpu", ["/usr/bin/lua5.4", "bench/lua_fib.lua", "27"],
                   [lua, "bench/lua_fib.lua", "27"] if lua else None))
    b.append(Bench("lua-tables", "cpu", "cpu", ["/usr/bin/lua5.4", "bench/lua_tables.lua", "30000"],
                   [lua, "bench/lua_tables.lua", "30000"] if lua else None))
    b.append(Bench("python-loops", "cpu", "cpu", ["/usr/bin/python3.11", "-S", "bench/py_loops.py", "30000"],
                   [py, "-S", "bench/py_loops.py", "30000"] if py else None))
    sq = native_or_none("/usr/bin/sqlite3")
    b.append(Bench("sqlite3", "cpu", "cpu", ["/usr/bin/sqlite3", ":memory:"],
                   [sq, ":memory:"] if sq else None, stdin=f"{o}/sqlite.sql"))
    xz, gz = native_or_none("/usr/bin/xz"), native_or_none("/usr/bin/gzip")
    b.append(Bench("xz-compress", "cpu", "cpu", ["/usr/bin/xz", "-6", "-T1", "-c", f"{o}/input-128k"],
                   [xz, "-6", "-T1", "-c", f"{o}/input-128k"] if xz else None))
    b.append(Bench("gzip-compress", "cpu", "cpu", ["/usr/bin/gzip", "-6", "-c", f"{o}/input-1m"],
                   [gz, "-6", "-c", f"{o}/input-1m"] if gz else None))
    # 7-Zip's benchmark always calibrates a CPU-frequency loop of up to
    # ~4e9 steps first (about 15 s CPU under a32run), then runs LZMA for
    # 2^tic "commands": RUNS_7Z (default 3) runs keep make bench short.
    z = native_or_none("/usr/bin/7zz")
    zargs = ["b", "1", "-mmt1", "-md18", "-mtic=28"]
    b.append(Bench("7zz-bench", "rate", "rate", ["/usr/bin/7zz"] + zargs, [z] + zargs if z else None,
                   unit="MIPS (R/U)", parse=parse_7zip, runs=RUNS_7Z,
                   normalize=lambda s: "ok" if parse_7zip(s) else s))
    ossl = native_or_none("/usr/bin/openssl")
    for alg in ("sha256", "aes-128-gcm", "chacha20-poly1305"):
        args = ["speed", "-mr", "-seconds", "1", "-bytes", "16384", "-evp", alg]
        b.append(Bench("openssl-" + alg, "rate", "rate", ["/usr/bin/openssl"] + args,
                       [ossl] + args if ossl else None, unit="MB/s", parse=parse_openssl,
                       normalize=lambda s: "ok" if parse_openssl(s) else s))
    for t in ("getpid", "pipe", "readv", "stat", "clock", "futex", "signal"):
        b.append(Bench("syscall-" + t, "syscall", "syscall", [f"{o}/syscalls-arm", t],
                       [f"{o}/syscalls-native", t], unit="ns/call", parse=parse_syscall,
                       dynamic=False, normalize=lambda s: "ok" if parse_syscall(s) else s))
    if ONLY:
        b = [x for x in b if any(x.name.startswith(p) for p in ONLY)]
    return b


# ---------------------------------------------------------------------------

class Cell:
    """Per executor: the kept values, or why it failed / is not applicable."""

    def __init__(self):
        self.values, self.walls, self.failed, self.na = [], [], None, None

    def median(self):
        return statistics.median(self.values) if self.values and not self.failed else None


def run_benchmark(bench):
    cells = {e: Cell() for e in EXECUTORS}
    if not bench.native:
        cells["native"].na = "no native build"
    reference = None
    for i in range(bench.runs):
        for e in EXECUTORS:
            c = cells[e]
            if c.na or c.failed:
                continue
            r = run_once(bench.command(e), bench.stdin)
            if r.status != 0:
                c.failed = failure_reason(r)
                continue
            got = bench.normalize(r.stdout)
            if reference is None:
                reference = (e, got)
            elif got != reference[1]:
                first = next((a for a, b in zip(got.splitlines(), reference[1].splitlines()) if a != b),
                             got.strip().splitlines()[-1] if got.strip() else "(no output)")
                c.failed = "output differs from %s: %s" % (reference[0], first[:80])
                continue
            if bench.kind == "cpu":
                c.values.append(r.cpu)
            else:
                v = bench.parse(r.stdout)
                if v is None:
                    c.failed = "no result in output"
                    continue
                c.values.append(v)
            c.walls.append(r.wall)
    return cells


def cost_ratio(bench, a, other):
    """a32run's cost relative to other's (>1: a32run slower)."""
    if a is None or other is None or a <= 0 or other <= 0:
        return None
    return other / a if bench.kind == "rate" else a / other


# ---------------------------------------------------------------------------
# Instruction counts.

def insncount(benches):
    plugin = os.path.join(OUT, "insncount.so")
    if os.environ.get("INSNCOUNT", "1") == "0":
        return None, "skipped (INSNCOUNT=0)"
    if not os.path.exists(plugin):
        return None, "plugin not available (../shared/tools/insncount did not build)"
    progs = [
        ("intmix-arm", [f"{OUT}/intmix-arm", "20"], False),
        ("intmix-thumb", [f"{OUT}/intmix-thumb", "20"], False),
        ("lua-fib", ["/usr/bin/lua5.4", "bench/lua_fib.lua", "18"], True),
        ("sqlite3", ["/usr/bin/sqlite3", ":memory:", ".read " + f"{OUT}/sqlite-small.sql"], True),
    ]
    for src in sorted(os.listdir("bench")):
        if src.startswith("neon") and src.endswith(".c"):
            progs.append((src[:-2], [f"{OUT}/{src[:-2]}-arm", "100"], False))
    host = platform.machine()

    def count(cmd, extra_env=None):
        path = os.path.join(OUT, "insn.txt")
        if os.path.exists(path):
            os.remove(path)
        # A fixed, small environment: the guest's start-up (stack set-up,
        # locale and environment scans) depends on it.
        env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C"}
        env.update(extra_env or {})
        r = run_once(cmd[:1] + ["-plugin", f"{plugin},out={path}"] + cmd[1:], timeout=900,
                     env=env)
        if r.status != 0 or not os.path.exists(path):
            return None, failure_reason(r)
        with open(path) as f:
            m = re.search(r"insns (\d+)", f.read())
        return (int(m.group(1)), None) if m else (None, "no count written")

    rows = []
    for name, argv, dynamic in progs:
        prog, args = argv[0], argv[1:]
        log(f"insncount: {name}")
        g_cmd = ["qemu-arm"] + (["-L", SYSROOT, SYSROOT + prog] if dynamic else [prog]) + args
        a_args = (["-L", SYSROOT] if dynamic else []) + [prog] + args
        row = {"name": name, "args": " ".join(args)}
        row["guest"] = count(g_cmd)
        if host == "x86_64":
            row["x86_64"] = count(["qemu-x86_64", A32RUN] + a_args)
            # The interpreter alone (the JIT off, A32RUN_JIT=0).
            row["x86_64_interp"] = count(["qemu-x86_64", A32RUN] + a_args, {"A32RUN_JIT": "0"})
        else:
            row["x86_64"] = row["x86_64_interp"] = (None, "needs an x86-64 host")
        if os.access(A32RUN_A64, os.X_OK):
            row["aarch64"] = count(["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", A32RUN_A64] + a_args)
        else:
            row["aarch64"] = (None, f"no AArch64 build at {A32RUN_A64}")
        rows.append(row)
    return rows, None


# ---------------------------------------------------------------------------
# The report.

def fmt(v, unit):
    if v is None:
        return "-"
    if unit == "s":
        return "%.3f s" % v
    if v >= 100:
        return "%.0f" % v
    return "%.2f" % v


def fmt_ratio(r):
    return "-" if r is None else ("%.2f" % r if r < 100 else "%.0f" % r)


def cell_text(bench, c):
    if c.na:
        return "n/a (%s)" % c.na
    if c.failed:
        return "fails: " + c.failed.replace("|", "/")
    return fmt(c.median(), bench.unit)


def geomean(xs):
    xs = [x for x in xs if x]
    if not xs:
        return None
    p = 1.0
    for x in xs:
        p *= x
    return p ** (1.0 / len(xs))


def machine_text():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1) if m else ""
    except OSError:
        pass
    try:
        ver = subprocess.run([A32RUN, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        ver = "?"
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
    except OSError:
        rev = ""
    try:
        qv = subprocess.run(["qemu-arm", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        qv = "?"
    load = os.getloadavg()
    return (f"{platform.machine()}, {cpu}, {os.cpu_count()} CPUs, Linux {platform.release()}; "
            f"{ver} (git {rev or '?'}); {qv}; load average at the end "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


def write_report(benches, results, insn, insn_note, elapsed):
    lines = []
    w = lines.append
    w("# a32run benchmark report")
    w("")
    w(f"Machine: {machine_text()}.")
    w(f"Median of {RUNS} runs per executor (7-Zip: {RUNS_7Z}); "
      f"guest programs from the Debian armhf sysroot `{SYSROOT}`, native ones from the host's "
      f"Debian packages; {elapsed / 60:.1f} minutes in all.")
    w("")
    w("Ratios are **a32run's cost / the other's** (CPU time, or inverse throughput): "
      "below 1 a32run is faster, 2.00 means it needs twice the time. "
      "CPU-bound rows compare user+sys CPU seconds of the whole process (start-up included).")
    w("")
    cpu_rows = [b for b in benches if b.group in ("cpu", "rate")]
    sys_rows = [b for b in benches if b.group == "syscall"]

    vs_qemu, vs_native = [], []
    w("| benchmark | unit | native | qemu-arm | a32run | a32run/qemu-arm | a32run/native |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for b in cpu_rows:
        c = results[b.name]
        med = {e: c[e].median() for e in EXECUTORS}
        rq = cost_ratio(b, med["a32run"], med["qemu-arm"])
        rn = cost_ratio(b, med["a32run"], med["native"])
        vs_qemu.append(rq)
        vs_native.append(rn)
        unit = b.unit + (" (higher is better)" if b.kind == "rate" else "")
        w(f"| {b.name} | {unit} | {cell_text(b, c['native'])} | {cell_text(b, c['qemu-arm'])} | "
          f"{cell_text(b, c['a32run'])} | {fmt_ratio(rq)} | {fmt_ratio(rn)} |")
    gq, gn = geomean(vs_qemu), geomean(vs_native)
    w("")
    if gq:
        w(f"Geometric mean over the {len([x for x in vs_qemu if x])} rows that ran: a32run needs "
          f"**{gq:.2f}x qemu-arm's time** (runs at {100 / gq:.0f}% of qemu-arm's speed)"
          + (f" and **{gn:.1f}x native time**." if gn else "."))
    w("")
    w("![cost relative to native, log scale](chart.svg)")
    w("")
    if sys_rows:
        w("## System calls")
        w("")
        w("ns per call (bench/syscalls.c; the guest build under qemu-arm and a32run, the same "
          "source built for the host as native), measured in process CPU time (futex: elapsed "
          "time). *Added* is what the executor adds per call: its time minus native time.")
        w("")
        w("| call | native | qemu-arm | a32run | a32run added | qemu-arm added | a32run/qemu-arm |")
        w("| --- | --- | --- | --- | --- | --- | --- |")
        for b in sys_rows:
            c = results[b.name]
            med = {e: c[e].median() for e in EXECUTORS}
            n = med["native"]
            add_a = med["a32run"] - n if med["a32run"] is not None and n is not None else None
            add_q = med["qemu-arm"] - n if med["qemu-arm"] is not None and n is not None else None
            rq = cost_ratio(b, med["a32run"], med["qemu-arm"])
            w(f"| {b.name[8:]} | {cell_text(b, c['native'])} | {cell_text(b, c['qemu-arm'])} | "
              f"{cell_text(b, c['a32run'])} | {fmt(add_a, 'ns')} | {fmt(add_q, 'ns')} | {fmt_ratio(rq)} |")
        w("")
        w("getpid: a raw syscall; pipe: 1-byte write + read; readv: 8 iovecs of 16 bytes from "
          "/dev/zero; stat: stat(\"/tmp\"); clock: clock_gettime(CLOCK_MONOTONIC) through libc "
          "(natively the vDSO, no syscall); futex: a wake/wait round trip between two threads; "
          "signal: kill(self) delivered to a handler and returned from.")
        w("")
    w("## Instruction counts")
    w("")
    if insn is None:
        w(f"Not measured: {insn_note}.")
    else:
        w("Deterministic counts from `../shared/tools/insncount` (a QEMU TCG plugin): guest "
          "instructions the program executes (qemu-arm), and host instructions a32run executes to "
          "run it, as x86-64 (qemu-x86_64) and AArch64 (qemu-aarch64) builds, and as x86-64 with "
          "the JIT off (`A32RUN_JIT=0`: the interpreter alone; AArch64 has no JIT backend yet). "
          "host/guest is the translator's dynamic expansion, start-up, translation and system "
          "calls included.")
        w("")
        w("| program | arguments | guest insns | a32run x86-64 insns | x86-64/guest | "
          "x86-64/guest, JIT off | a32run AArch64 insns | AArch64/guest |")
        w("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for row in insn:
            g = row["guest"][0]

            def c(key):
                v, why = row[key]
                return ("{:,}".format(v) if v is not None else "fails: " + (why or "?")), v

            gt, _ = c("guest")
            xt, xv = c("x86_64")
            at, av = c("aarch64")
            _, iv = c("x86_64_interp")
            xr = "%.1f" % (xv / g) if xv and g else "-"
            ir = "%.1f" % (iv / g) if iv and g else "-"
            ar = "%.1f" % (av / g) if av and g else "-"
            w(f"| {row['name']} | {row['args']} | {gt} | {xt} | {xr} | {ir} | {at} | {ar} |")
    w("")
    w("## How to reproduce")
    w("")
    w("    make bench                 # RUNS=9 make bench for more runs; BENCH_ONLY=lua,syscall for a subset")
    w("")
    w("Raw per-run values: `results.tsv` next to this report.")
    with open(os.path.join(OUT, "report.md"), "w") as f:
        f.write("\n".join(lines) + "\n")

    rows = []
    for b in cpu_rows + sys_rows:
        c = results[b.name]
        med = {e: c[e].median() for e in EXECUTORS}
        base = med["native"]
        label = b.name
        if base is None:
            base, label = med["qemu-arm"], b.name + " (vs qemu)"
        rel = {}
        for e in ("qemu-arm", "a32run"):
            rel[e] = cost_ratio(b, med[e], base) if base is not None else None
            if c[e].failed:
                rel[e] = "fails"
        rows.append((label, rel))
    with open(os.path.join(OUT, "chart.svg"), "w") as f:
        f.write(chart.bar_chart_svg(rows, ("qemu-arm", "a32run"),
                                    "Cost relative to the native build (1 = native speed; log scale)"))

    with open(os.path.join(OUT, "results.tsv"), "w") as f:
        f.write("benchmark\texecutor\tunit\tvalues\twall_seconds\tstatus\n")
        for b in benches:
            for e in EXECUTORS:
                c = results[b.name][e]
                status = c.na or c.failed or "ok"
                f.write(f"{b.name}\t{e}\t{b.unit}\t{','.join('%.6g' % v for v in c.values)}\t"
                        f"{','.join('%.3f' % v for v in c.walls)}\t{status}\n")


def main():
    start = time.time()
    benches = define_benchmarks()
    results = {}
    for b in benches:
        t0 = time.time()
        results[b.name] = run_benchmark(b)
        c = results[b.name]
        log("%-24s %s  (%.0fs)" % (b.name, "  ".join("%s=%s" % (e, cell_text(b, c[e])) for e in EXECUTORS),
                                    time.time() - t0))
    insn, note = insncount(benches) if not ONLY or any(p.startswith("insn") for p in ONLY) \
        else (None, "skipped (BENCH_ONLY)")
    write_report(benches, results, insn, note, time.time() - start)
    log(f"bench: wrote {OUT}/report.md and {OUT}/chart.svg")


if __name__ == "__main__":
    main()
