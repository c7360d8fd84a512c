#!/usr/bin/env bash
# Command-line behaviour of an a32run build: options, errors, and how the
# guest's end (exit status, death by signal) reaches the parent.
# Usage: tests/cli.sh "A32RUN COMMAND" GUEST_BUILD_DIR
# Expected values come from Linux semantics (128+signal as a shell reports
# a signal death) and are cross-checked with qemu-arm where it applies.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
A32RUN=$1
OUT=${2:-build-tests}
prog=$OUT/guest/exit_status-thumb-O2

expect_status() { # name expected cmd...
    local name=$1 expected=$2; shift 2
    local st; st=$(run_capture /tmp/a32run-cli.out 120 "$@")
    if [ "$st" = "$expected" ]; then pass "$name"; else fail "$name: exit $st, want $expected" "$(head -5 /tmp/a32run-cli.out)"; fi
}

# shellcheck disable=SC2086
{
expect_status "--help exits 0" 0 $A32RUN --help
grep -q '^usage: a32run' /tmp/a32run-cli.out && pass "--help prints usage" || fail "--help prints usage"
# --help documents every option main.c and tools/binfmt.c parse and every
# A32RUN_* variable the sources read (found in the sources, so a new option
# without help text fails here).
$A32RUN --help >/tmp/a32run-cli.help 2>&1
missing=""
for opt in $(grep -ohE '"-(-[a-z0-9][a-z0-9-]*|[a-zA-Z0])[="]' src/main.c src/tools/binfmt.c | tr -d '"=' | sort -u); do
    grep -qE -- "(^|[[ ,])$opt([] ,=]|\$)" /tmp/a32run-cli.help || missing="$missing $opt"
done
for var in $(grep -rohE '(getenv|env_flag)\("A32RUN_[A-Z0-9_]+' src | sed 's/.*"//' | sort -u); do
    grep -q -- "$var" /tmp/a32run-cli.help || missing="$missing $var"
done
[ -z "$missing" ] && pass "--help documents every option and A32RUN_* variable" ||
    fail "--help documents every option and A32RUN_* variable" "missing:$missing"
expect_status "--binfmt without a command exits 2" 2 $A32RUN --binfmt
expect_status "--binfmt with an unknown command exits 2" 2 $A32RUN --binfmt bogus
expect_status "--binfmt after other options exits 2" 2 $A32RUN -s --binfmt status
expect_status "--version exits 0" 0 $A32RUN --version
grep -q '^a32run [0-9]' /tmp/a32run-cli.out && pass "--version prints version" || fail "--version prints version"
expect_status "unknown option exits 2" 2 $A32RUN --no-such-option
head -1 /tmp/a32run-cli.out | grep -q "^a32run: unknown option: --no-such-option" && pass "unknown option message" || fail "unknown option message" "$(cat /tmp/a32run-cli.out)"
expect_status "no program exits 2" 2 $A32RUN
expect_status "-L without argument exits 2" 2 $A32RUN -L
expect_status "--exec-fd without a number exits 2" 2 $A32RUN --exec-fd x "$prog" exit
expect_status "--exec-fd -1 exits 2" 2 $A32RUN --exec-fd -1 "$prog" exit
expect_status "missing program exits 127" 127 $A32RUN /nonexistent/program

for how in exit abort segv kill; do
    case $how in exit) want=42 ;; abort) want=134 ;; segv) want=139 ;; kill) want=143 ;; esac
    ref=$(run_capture /tmp/a32run-cli.ref 120 qemu-arm "$prog" "$how")
    [ "$ref" = "$want" ] || echo "  note: qemu-arm gives $ref for $how"
    rm -f core core.*
    expect_status "guest ends by $how -> status $want" "$want" $A32RUN "$prog" "$how"
    if ls core core.* >/dev/null 2>&1; then fail "no core file after $how"; rm -f core core.*; else pass "no core file after $how"; fi
done
# The JIT: --stats reports it; A32RUN_JIT=0 turns it off with the same
# guest behaviour (exit status and output).
$A32RUN --stats "$prog" exit >/tmp/a32run-cli.jit-on 2>/tmp/a32run-cli.err
st_on=$?
grep -qE '^a32run: JIT (runs [0-9]+|off)' /tmp/a32run-cli.err && pass "--stats reports the JIT" ||
    fail "--stats reports the JIT" "$(tail -5 /tmp/a32run-cli.err)"
A32RUN_JIT=0 $A32RUN --stats "$prog" exit >/tmp/a32run-cli.jit-off 2>/tmp/a32run-cli.err
st_off=$?
grep -q '^a32run: JIT off' /tmp/a32run-cli.err && pass "A32RUN_JIT=0 turns the JIT off" ||
    fail "A32RUN_JIT=0 turns the JIT off" "$(tail -5 /tmp/a32run-cli.err)"
[ "$st_on" = "$st_off" ] && cmp -s /tmp/a32run-cli.jit-on /tmp/a32run-cli.jit-off &&
    pass "same output and status with and without the JIT" ||
    fail "same output and status with and without the JIT" "status $st_on / $st_off"
# Options from the environment.
A32RUN_STRACE=1 $A32RUN "$prog" exit >/dev/null 2>/tmp/a32run-cli.err
grep -q 'exit_group' /tmp/a32run-cli.err && pass "A32RUN_STRACE=1 traces syscalls" || fail "A32RUN_STRACE=1 traces syscalls" "$(head -5 /tmp/a32run-cli.err)"
$A32RUN --strace "$prog" exit >/dev/null 2>/tmp/a32run-cli.err
grep -q 'write(1' /tmp/a32run-cli.err && pass "--strace shows write(1, ...)" || fail "--strace shows write(1, ...)" "$(head -5 /tmp/a32run-cli.err)"
out=$($A32RUN --argv0 renamed "$prog" 2>/dev/null)
[ "$out" = "ending by exit" ] && pass "--argv0 runs program" || fail "--argv0 runs program" "$out"
}
[ "$FAILED" = 0 ] || { summary; exit 1; }
summary
