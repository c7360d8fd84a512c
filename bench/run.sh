#!/usr/bin/env bash
# make bench: runs the repo's benchmarks under a32run, qemu-arm and as a
# native host build, side by side in one run; reports the median wall time
# of RUNS runs each and the ratios. With insncount available (built from
# ../shared/tools/insncount) it also reports deterministic instruction
# counts: guest instructions (qemu-arm) and host instructions a32run spent
# (under qemu-x86_64 / qemu-aarch64), and their ratio.
#
# Environment: RUNS (default 5), A32RUN (default build/a32run), ITER.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
A32RUN=${A32RUN:-build/a32run}
ITER=${ITER:-1000}
OUT=build-bench
mkdir -p "$OUT"

arm-linux-gnueabihf-gcc -static -O2 -marm -o "$OUT/intmix-arm" bench/intmix.c
arm-linux-gnueabihf-gcc -static -O2 -mthumb -o "$OUT/intmix-thumb" bench/intmix.c
cc -O2 -o "$OUT/intmix-native" bench/intmix.c

# median_time CMD...: median wall seconds of RUNS runs; checks the output
# is identical each run (and equal to the first executor's output).
median_time() {
    local times=() t0 t1 out
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s.%N)
        out=$("$@")
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc -l)")
        echo "$out" >"$OUT/last.out"
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

printf '%-14s %10s %10s %10s %14s %14s\n' benchmark native qemu-arm a32run "a32run/qemu" "a32run/native"
for variant in arm thumb; do
    prog=$OUT/intmix-$variant
    tn=$(median_time "$OUT/intmix-native" "$ITER"); ref=$(cat "$OUT/last.out")
    tq=$(median_time qemu-arm "$prog" "$ITER")
    [ "$(cat "$OUT/last.out")" = "$ref" ] || { echo "bench: qemu-arm output differs from native" >&2; exit 1; }
    ta=$(median_time "$A32RUN" "$prog" "$ITER")
    [ "$(cat "$OUT/last.out")" = "$ref" ] || { echo "bench: a32run output differs from native: $(cat "$OUT/last.out")" >&2; exit 1; }
    printf '%-14s %9ss %9ss %9ss %13.2fx %13.2fx\n' "intmix-$variant" "$tn" "$tq" "$ta" \
        "$(echo "$ta / $tq" | bc -l)" "$(echo "$ta / $tn" | bc -l)"
done
echo "(median of $RUNS runs, $ITER iterations; a32run/qemu < 1 means a32run is faster;"
echo " a32run speed as a fraction of qemu-arm's = qemu/a32run)"

# Deterministic instruction counts, when the plugin can be built.
PLUGIN_SRC=../shared/tools/insncount
if [ -f "$PLUGIN_SRC/Makefile" ] && make -s -C "$PLUGIN_SRC" OUT="$PWD/$OUT" >/dev/null 2>&1 && [ -f "$OUT/insncount.so" ]; then
    n=$((ITER / 10))
    qemu-arm -plugin "$OUT/insncount.so,out=$OUT/g.txt" "$OUT/intmix-arm" "$n" >/dev/null
    g=$(awk '{print $2}' "$OUT/g.txt")
    host_qemu=qemu-$(uname -m)
    "$host_qemu" -plugin "$OUT/insncount.so,out=$OUT/h.txt" "$A32RUN" "$OUT/intmix-arm" "$n" >/dev/null
    h=$(awk '{print $2}' "$OUT/h.txt")
    printf 'insncount intmix-arm %d iterations: guest %s, a32run host (%s) %s, host/guest %.2f\n' \
        "$n" "$g" "$(uname -m)" "$h" "$(echo "$h / $g" | bc -l)"
else
    echo "insncount: plugin not available, skipped"
fi
