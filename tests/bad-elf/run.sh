#!/usr/bin/env bash
# Bad ELF input: a32run must refuse each file with exactly one line on
# stderr starting with "a32run: ", nothing on stdout, and a non-zero exit
# status that is not a signal death (or a timeout).
#
# usage: tests/bad-elf/run.sh "A32RUN COMMAND" [WORKDIR]
#   e.g. tests/bad-elf/run.sh build/a32run build-tests/bad-elf
#        tests/bad-elf/run.sh "qemu-aarch64 -L /usr/aarch64-linux-gnu build-aarch64/a32run"
# The variants are made by make_bad_elfs.py from a small static ARM program
# (built with arm-linux-gnueabihf-gcc). Ends with "bad-elf: N passed, M failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
A32RUN=${1:?usage: run.sh A32RUN_COMMAND [WORKDIR]}
WORK=${2:-/tmp/a32run-bad-elf.$$}
mkdir -p "$WORK"
unset A32RUN_SYSROOT A32RUN_STRACE A32RUN_DEBUG

CC=${GUEST_CC:-arm-linux-gnueabihf-gcc}
base="$WORK/base"
if [ ! -e "$base" ] || [ "$here/run.sh" -nt "$base" ]; then
    if ! printf 'int main(void) { return 0; }\n' |
            "$CC" -static -O2 -x c -o "$base" - 2>"$WORK/cc.log"; then
        echo "bad-elf: cannot build the base program with $CC:"; cat "$WORK/cc.log"
        echo "bad-elf: 0 passed, 1 failed"; exit 1
    fi
fi
rm -rf "$WORK/v"
python3 "$here/make_bad_elfs.py" "$base" "$WORK/v" || {
    echo "bad-elf: generator failed"; echo "bad-elf: 0 passed, 1 failed"; exit 1; }

passed=0; failed=0
# check NAME WHY FILE: runs a32run on FILE and judges the result.
check() {
    local name=$1 why=$2 file=$3 status lines first
    # shellcheck disable=SC2086
    timeout -k 5 20 $A32RUN "$file" </dev/null >"$WORK/out" 2>"$WORK/err"
    status=$?
    lines=$(wc -l <"$WORK/err")
    first=$(head -n 1 "$WORK/err")
    local problem=""
    if [ "$status" = 0 ]; then problem="exit status 0"
    elif [ "$status" = 124 ] || [ "$status" = 137 ]; then problem="timed out"
    elif [ "$status" -ge 128 ]; then problem="killed by signal $((status - 128))"
    elif [ "$lines" != 1 ]; then problem="$lines lines on stderr"
    elif [ "${first#a32run: }" = "$first" ]; then problem="stderr does not start with 'a32run: '"
    elif [ -s "$WORK/out" ]; then problem="output on stdout"
    fi
    if [ -z "$problem" ]; then
        passed=$((passed + 1))
        [ -n "${VERBOSE:-}" ] && printf '  ok   %-24s %s\n' "$name" "$first"
    else
        failed=$((failed + 1))
        printf '  FAIL %s (%s): %s\n' "$name" "$why" "$problem"
        sed 's/^/       /' "$WORK/err" | head -5
    fi
}

# The base program itself must load (and, with a working executor, run).
# shellcheck disable=SC2086
timeout -k 5 20 $A32RUN "$base" </dev/null >"$WORK/out" 2>"$WORK/err"
st=$?
if [ "$st" = 0 ]; then passed=$((passed + 1))
else failed=$((failed + 1)); echo "  FAIL base program: exit $st"; head -5 "$WORK/err" | sed 's/^/       /'; fi

check missing-file "no such file" "$WORK/does-not-exist"
check directory "a directory" "$WORK"
if [ -e /bin/true ]; then check host-binary "the host's /bin/true" /bin/true; fi
printf 'hello\n' >"$WORK/unreadable"; chmod 000 "$WORK/unreadable"
if [ "$(id -u)" != 0 ]; then check unreadable "no read permission" "$WORK/unreadable"; fi
while IFS=$'\t' read -r name why; do
    check "$name" "$why" "$WORK/v/$name"
done <"$WORK/v/list.txt"

echo "bad-elf: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
