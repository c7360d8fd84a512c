#!/usr/bin/env bash
# make bench: a32run against qemu-arm and the host's own build of the same
# programs, side by side in one run, written up as build-bench/report.md
# with an SVG chart (build-bench/chart.svg).
#
# This script prepares; bench/bench.py measures and writes the report:
#   - guest programs of this repo, static armhf: intmix (ARM and Thumb),
#     bench/syscalls.c, and any NEON kernel bench/neon*.c (intmix's
#     interface: PROGRAM [ITERATIONS], prints a checksum); host builds of
#     the same sources where they compile for the host;
#   - real programs from a Debian armhf sysroot (scripts/make-sysroot.sh,
#     cached in build-sysroot-bench): lua5.4, python3.11, sqlite3, xz, gzip,
#     7zz, openssl; their native counterparts are the host's packages;
#   - inputs: compression data (bench/gen_input.py), the sqlite script;
#   - the insncount QEMU plugin from ../shared/tools/insncount, and an
#     AArch64 build of a32run (A32RUN_A64) for the host-instruction counts.
#
# Environment: RUNS (default 5), A32RUN (default build/a32run), A32RUN_A64
# (default build-aarch64/a32run), BENCH_ONLY=name,prefix (a subset; "insn"
# selects the instruction counts), INSNCOUNT=0, RUNS_7Z (default 3).
# Everything that fails (a program a32run cannot run yet, a missing native
# package) becomes a "fails: reason" or "n/a" cell, never an abort.
set -eu
cd "$(dirname "$0")/.."
export RUNS=${RUNS:-5}
export A32RUN=${A32RUN:-build/a32run}
export A32RUN_A64=${A32RUN_A64:-build-aarch64/a32run}
export OUT=build-bench
export SYSROOT=${SYSROOT:-build-sysroot-bench}
PYTHON=${PYTHON:-python3}
mkdir -p "$OUT"

[ -x "$A32RUN" ] || { echo "bench: $A32RUN not built (make all)" >&2; exit 1; }

# --- guest and host builds of the repo's benchmark programs ---------------
ARMCC="arm-linux-gnueabihf-gcc -static -O2"
$ARMCC -marm -o "$OUT/intmix-arm" bench/intmix.c
$ARMCC -mthumb -o "$OUT/intmix-thumb" bench/intmix.c
cc -O2 -o "$OUT/intmix-native" bench/intmix.c
$ARMCC -marm -pthread -o "$OUT/syscalls-arm" bench/syscalls.c
cc -O2 -pthread -o "$OUT/syscalls-native" bench/syscalls.c
for src in bench/neon*.c; do
    [ -f "$src" ] || continue
    name=$(basename "$src" .c)
    if ! $ARMCC -marm -mfpu=neon-vfpv4 -mfloat-abi=hard -o "$OUT/$name-arm" "$src" -lm; then
        echo "bench: $src does not build for armhf: skipped" >&2
        continue
    fi
    # A NEON kernel written with arm_neon.h has no host build: n/a then.
    rm -f "$OUT/$name-native"
    cc -O2 -o "$OUT/$name-native" "$src" -lm 2>/dev/null ||
        echo "bench: $src has no host build (native column n/a)" >&2
done

# --- inputs -------------------------------------------------------------------
[ -f "$OUT/input-1m" ] || "$PYTHON" bench/gen_input.py 1048576 "$OUT/input-1m"
[ -f "$OUT/input-128k" ] || "$PYTHON" bench/gen_input.py 131072 "$OUT/input-128k"
make_sql() { # ROWS OUTFILE
    awk -v rows="$1" '
        $0 == "@INSERTS@" {
            for (i = 1; i <= rows / 5; i++)
                printf "INSERT INTO log VALUES(%d, '\''entry %d of the log'\'', %d.25);\n", i, i * 7 % 1000, i % 977
            next
        }
        { gsub(/@ROWS@/, rows); print }' bench/sqlite.sql >"$2"
}
make_sql 15000 "$OUT/sqlite.sql"
make_sql 1000 "$OUT/sqlite-small.sql"

# --- the armhf sysroot with the real programs ------------------------------
SYSROOT_PACKAGES="libc6 lua5.4 python3-minimal sqlite3 xz-utils gzip 7zip openssl" \
    bash scripts/make-sysroot.sh "$SYSROOT" >&2 ||
    echo "bench: the armhf sysroot could not be built: the real-program rows will fail" >&2

# --- instruction-count plugin --------------------------------------------------
PLUGIN_SRC=../shared/tools/insncount
if [ -f "$PLUGIN_SRC/Makefile" ] && make -s -C "$PLUGIN_SRC" OUT="$PWD/$OUT" >/dev/null 2>&1 &&
   [ -f "$OUT/insncount.so" ]; then
    :
else
    rm -f "$OUT/insncount.so"
    echo "bench: insncount plugin not available: instruction counts skipped" >&2
fi

echo "bench: RUNS=$RUNS, a32run=$A32RUN; this takes about 10 minutes" >&2
"$PYTHON" bench/bench.py
echo
cat "$OUT/report.md"
