#!/usr/bin/env bash
# Random-instruction differential test of a32run against qemu-arm.
#
#   tests/difftest/run.sh [--n N] [--seed S] [--a32run CMD] [--groups LIST]
#                         [--isa a32|t32|both] [--out DIR] [--max-insns K]
#                         [--reports R] [--chunk C]
#
# --n N        instructions per group and ISA (default 20000)
# --a32run CMD a32run binary or command (default build/a32run), e.g.
#              "qemu-aarch64 -L /usr/aarch64-linux-gnu build-aarch64/a32run"
# --groups     comma-separated group slugs or "all" (default); see --list
# --out DIR    build and work directory (default build-difftest)
# --reports R  reproducers printed per (isa, group) with differences (default 2)
# --chunk C    instructions per group per batch (default 20000); large N runs
#              in batches so that case files stay small
# --list       print the groups and exit
#
# Builds the generator (host, linked with src/guest/decode_*.c) and the
# guest harness (arm-linux-gnueabihf-gcc -static), generates cases, runs the
# harness under qemu-arm and under a32run, and compares the per-case state
# hashes. Prints "difftest ISA GROUP: N insns, M differences" per group and
# "difftest: P passed, F failed"; exits non-zero on any difference.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/difftest"
N=20000
SEED=1
A32RUN="$ROOT/build/a32run"
GROUP_LIST=all
ISA=both
OUT="$ROOT/build-difftest"
MAX_INSNS=8
REPORTS=2
CHUNK=20000
LIST=0

die() { echo "difftest: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --n) N=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --a32run) A32RUN=$2; shift 2 ;;
        --groups) GROUP_LIST=$2; shift 2 ;;
        --isa) ISA=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --max-insns) MAX_INSNS=$2; shift 2 ;;
        --reports) REPORTS=$2; shift 2 ;;
        --chunk) CHUNK=$2; shift 2 ;;
        --list) LIST=1; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
case "$N$SEED$CHUNK" in *[!0-9]*) die "--n, --seed and --chunk take numbers" ;; esac
[ "$CHUNK" -gt 0 ] || die "--chunk must be positive"
mkdir -p "$OUT" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
read -r -a A32RUN_CMD <<< "$A32RUN"

# ---- build ----------------------------------------------------------------
GEN="$OUT/gen"
HARNESS="$OUT/harness"
gen_srcs=("$HERE"/gen.c "$HERE"/gen_select.c "$HERE"/gen_effects.c "$HERE"/gen_smoke.c
          "$ROOT"/src/guest/decode*.c)
needs_build() {      # target, sources...: true if target is missing or older
    local t=$1; shift
    [ -e "$t" ] || return 0
    local f
    for f in "$@"; do [ "$f" -nt "$t" ] && return 0; done
    return 1
}
if needs_build "$GEN" "${gen_srcs[@]}" "$HERE"/*.h "$ROOT"/src/guest/*.h; then
    ${HOSTCC:-cc} -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -D_GNU_SOURCE \
        -I"$ROOT/src" -I"$HERE" -o "$GEN" "${gen_srcs[@]}" || die "generator build failed"
fi
if needs_build "$HARNESS" "$HERE"/harness.c "$HERE"/harness_entry.S "$HERE"/dt_case.h; then
    arm-linux-gnueabihf-gcc -static -O2 -std=gnu11 -Wall -Wextra -Werror -marm -I"$HERE" \
        -o "$HARNESS" "$HERE"/harness.c "$HERE"/harness_entry.S || die "harness build failed"
fi
if [ "$LIST" = 1 ]; then "$GEN" --list; exit 0; fi
command -v qemu-arm > /dev/null || die "qemu-arm not found"
[ -x "${A32RUN_CMD[0]}" ] || command -v "${A32RUN_CMD[0]}" > /dev/null ||
    die "a32run not found: $A32RUN"

# ---- one batch ---------------------------------------------------------------
# Runs the harness under a32run from case START on, line-buffered, with a
# watchdog; a crash or hang ends the run, and the caller restarts after the
# case that did not report.
run_a32run() {      # cases out
    local cases=$1 out=$2 start=0 restarts=0 rc last
    : > "$out"
    while :; do
        { timeout -k 5 1800 "${A32RUN_CMD[@]}" "$HARNESS" -u -t 30 -s "$start" "$cases" \
              >> "$out" 2> "$out.err.$restarts"; rc=$?; } 2> /dev/null
        [ $rc -eq 0 ] && break
        # The first case without a line is the one that crashed or hung.
        last=$(tail -n 1 "$out" | awk '{print $1}')
        local crashed
        crashed=$(awk -v last="${last:--1}" '$1 > last {print $1; exit}' "$INDEX")
        [ -z "$crashed" ] && break
        echo "$crashed a32run-exit-$rc" >> "$out"
        start=$((crashed + 1))
        restarts=$((restarts + 1))
        if [ $restarts -ge 20 ]; then
            echo "difftest: a32run died 20 times in this batch; remaining cases not run" >&2
            break
        fi
    done
}

disassemble() {     # isa words... -> objdump lines
    local isa=$1; shift
    local s="$OUT/disas.s" o="$OUT/disas.o"
    {
        echo ".syntax unified"
        if [ "$isa" = t32 ]; then echo ".thumb"; else echo ".arm"; fi
        local w
        for w in "$@"; do
            if [ "$isa" = a32 ]; then echo ".inst 0x$w"
            elif [ ${#w} -eq 4 ]; then echo ".inst.n 0x$w"
            else echo ".inst.w 0x$w"; fi
        done
    } > "$s"
    if arm-linux-gnueabihf-as -march=armv8-a -mfpu=neon-fp-armv8 "$s" -o "$o" 2> /dev/null; then
        arm-linux-gnueabihf-objdump -d "$o" | awk '/^ +[0-9a-f]+:/' | sed 's/^/      /'
    fi
}

report_case() {     # id
    local id=$1 line isa
    line=$(awk -F'\t' -v id="$id" '$1 == id {print; exit}' "$INDEX")
    isa=$(printf '%s\n' "$line" | cut -f2)
    echo "  ---- reproducer: case $id (seed $SEED, batch $BATCH), isa $isa, group $(printf '%s\n' "$line" | cut -f3)"
    echo "    instructions (hex:length:counted:pattern), executed from 0x20000000:"
    printf '%s\n' "$line" | cut -f5- | tr '\t' '\n' | sed 's/^/      /'
    local words
    words=$(printf '%s\n' "$line" | cut -f5- | tr '\t' '\n' | cut -d: -f1 | tr '\n' ' ')
    # shellcheck disable=SC2086
    disassemble "$isa" $words
    echo "    qemu-arm: $(awk -v id="$id" '$1 == id {print; exit}' "$QEMU_OUT")"
    echo "    a32run:   $(awk -v id="$id" '$1 == id {print; exit}' "$A32_OUT")"
    qemu-arm "$HARNESS" -d "$id" "$CASES" > "$OUT/dump.qemu" 2>&1
    { timeout -k 5 60 "${A32RUN_CMD[@]}" "$HARNESS" -d "$id" "$CASES" > "$OUT/dump.a32run" 2>&1
      echo "exit status $?" >> "$OUT/dump.a32run"; } 2> /dev/null
    echo "exit status 0" >> "$OUT/dump.qemu"
    echo "    initial state:"
    grep -E '^init (r[0-9]+|sp|apsr|fpscr) ' "$OUT/dump.qemu" | cut -d' ' -f2- | paste -d' ' - - - - |
        awk '{printf "     "; for (i = 1; i < NF; i += 2) printf " %5s %-12s", $i, $(i+1); print ""}'
    grep -E '^init d[0-9]+ ' "$OUT/dump.qemu" | cut -d' ' -f2- | paste -d' ' - - - - |
        awk '{printf "     "; for (i = 1; i < NF; i += 2) printf " %4s %-19s", $i, $(i+1); print ""}'
    grep -E '^init (mem_seed|patch) ' "$OUT/dump.qemu" | sed 's/^init /      /'
    echo "    final state, fields that differ (qemu-arm | a32run):"
    diff <(grep -v '^init \|^case ' "$OUT/dump.qemu") <(grep -v '^init \|^case ' "$OUT/dump.a32run") |
        awk '/^</ {sub(/^< (final )?/,""); q[++nq]=$0} /^>/ {sub(/^> (final )?/,""); a[++na]=$0}
             END {m = nq > na ? nq : na; for (i = 1; i <= m; i++) printf "      %-44s | %s\n", q[i], a[i]}'
    echo "    rerun: $HARNESS -d $id $CASES   (under qemu-arm and a32run)"
}

# ---- batches ---------------------------------------------------------------
declare -A INSNS DIFFS NAMES REPORTED
ORDER=()
remaining=$N
BATCH=0
CASES="$OUT/cases.bin"
INDEX="$OUT/cases.idx"
QEMU_OUT="$OUT/qemu.out"
A32_OUT="$OUT/a32run.out"
start_time=$(date +%s)
while [ "$remaining" -gt 0 ]; do
    n=$remaining
    [ "$n" -gt "$CHUNK" ] && n=$CHUNK
    "$GEN" --seed "$SEED" --chunk "$BATCH" --n "$n" --isa "$ISA" --groups "$GROUP_LIST" \
        --max-insns "$MAX_INSNS" --out "$CASES" --index "$INDEX" --summary "$OUT/summary" ||
        die "generator failed"
    # Both emulators at once (the machine has 2 cores).
    qemu-arm "$HARNESS" "$CASES" > "$QEMU_OUT" 2> "$QEMU_OUT.err" &
    qpid=$!
    run_a32run "$CASES" "$A32_OUT"
    wait $qpid || die "harness failed under qemu-arm: $(head -c 300 "$QEMU_OUT.err")"

    # Differences: ids whose lines differ or are missing in a32run's output.
    awk 'NR == FNR {a[$1] = $0; next} !($1 in a) || a[$1] != $0 {print $1}' \
        "$A32_OUT" "$QEMU_OUT" > "$OUT/diff.ids"
    # Per-group counts from the summary and the index.
    while IFS=$'\t' read -r isa slug insns cases name; do
        key="$isa $slug"
        if [ -z "${NAMES[$key]+x}" ]; then
            ORDER+=("$key"); NAMES[$key]=$name; INSNS[$key]=0; DIFFS[$key]=0; REPORTED[$key]=0
        fi
        INSNS[$key]=$(( ${INSNS[$key]} + insns ))
    done < "$OUT/summary"
    while IFS=$'\t' read -r id isa slug; do
        key="$isa $slug"
        DIFFS[$key]=$(( ${DIFFS[$key]} + 1 ))
        if [ "${REPORTED[$key]}" -lt "$REPORTS" ]; then
            REPORTED[$key]=$(( ${REPORTED[$key]} + 1 ))
            report_case "$id"
        fi
    done < <(awk -F'\t' 'NR == FNR {d[$1] = 1; next} ($1 in d) {print $1 "\t" $2 "\t" $3}' \
                 "$OUT/diff.ids" "$INDEX")
    remaining=$((remaining - n))
    BATCH=$((BATCH + 1))
done

passed=0
failed=0
for key in "${ORDER[@]}"; do
    isa=${key% *}
    note=""
    if [ "${INSNS[$key]}" -eq 0 ]; then
        note=" (no usable encodings)"
    fi
    echo "difftest $isa ${NAMES[$key]}: ${INSNS[$key]} insns, ${DIFFS[$key]} differences$note"
    if [ "${DIFFS[$key]}" -eq 0 ] && [ "${INSNS[$key]}" -gt 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "difftest: seed $SEED, $(( $(date +%s) - start_time ))s"
echo "difftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
