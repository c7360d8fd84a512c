#!/usr/bin/env bash
# Cross-compiles the guest test programs into OUT (default build-tests):
#   tests/guest/NAME.c -> OUT/guest/NAME-{arm,thumb}-{O0,O2}   (static)
#   tests/asm/NAME.S   -> OUT/guest/NAME                     (static, no libc)
# A C file may restrict its variants with a line "// variants: arm-O2 thumb-O2".
# Builds in parallel and only what is out of date.
set -eu
cd "$(dirname "$0")/../.."
OUT=${1:-build-tests}
mkdir -p "$OUT/guest"
CC=${GUEST_CC:-arm-linux-gnueabihf-gcc}
CFLAGS_COMMON="-static -Wall -Werror -fno-strict-aliasing -march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard"

jobs=()
# Out of date: missing, or older than its source, than a file the source
# includes with #include "..." (the _t64 twins include the main test), or
# than this script.
stale() { # src out
    local src=$1 out=$2 dep
    [ ! -e "$out" ] || [ "$src" -nt "$out" ] || [ tests/guest/build.sh -nt "$out" ] && return 0
    for dep in $(sed -n 's@^#include "\(.*\)"@\1@p' "$src"); do
        [ "$(dirname "$src")/$dep" -nt "$out" ] && return 0
    done
    return 1
}
build_one() { # src out flags...
    local src=$1 out=$2; shift 2
    if stale "$src" "$out"; then
        "$CC" "$@" -o "$out" "$src" -lm
    fi
}

for src in tests/guest/*.c; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .c)
    variants=$(sed -n 's@^// variants: *@@p' "$src" | head -1)
    [ -n "$variants" ] || variants="arm-O0 arm-O2 thumb-O0 thumb-O2"
    extra=$(sed -n 's@^// cflags: *@@p' "$src" | head -1)
    for v in $variants; do
        isa=${v%-*}; opt=${v#*-}
        build_one "$src" "$OUT/guest/$name-$v" $CFLAGS_COMMON -m"$isa" -"$opt" $extra &
        jobs+=($!)
    done
done
for src in tests/asm/*.S; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .S)
    build_one "$src" "$OUT/guest/$name" -static -nostdlib -march=armv8-a -mfpu=vfpv3-d16 -mfloat-abi=hard &
    jobs+=($!)
done
# Programs whose source is gone (renamed or deleted tests) would otherwise
# keep running from a previous build.
for out in "$OUT"/guest/*; do
    [ -f "$out" ] || continue
    name=$(basename "$out")
    base=${name%-arm-O?}; base=${base%-thumb-O?}
    [ -e "tests/guest/$base.c" ] || [ -e "tests/asm/$base.S" ] || rm -f "$out"
done
status=0
for j in "${jobs[@]}"; do wait "$j" || status=1; done
exit $status
