# Shared helpers of the test scripts: result counting and running a guest
# program under an a32run build or under qemu-arm.
#
# Every check calls pass or fail exactly once; summary prints the closing
# "N passed, N failed" line that CI reads.

PASSED=${PASSED:-0}
FAILED=${FAILED:-0}
SKIPPED=${SKIPPED:-0}
FAILED_NAMES=()

pass() { PASSED=$((PASSED + 1)); [ -n "${VERBOSE:-}" ] && echo "  ok   $1"; return 0; }
fail() {
    FAILED=$((FAILED + 1)); FAILED_NAMES+=("$1"); echo "  FAIL $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 40 | sed 's/^/       /'
    return 0
}
skip() { SKIPPED=$((SKIPPED + 1)); echo "  skip $1: $2"; }

summary() {
    if [ ${#FAILED_NAMES[@]} -gt 0 ]; then
        echo "failed:"
        printf '  %s\n' "${FAILED_NAMES[@]}"
    fi
    if [ "$SKIPPED" -gt 0 ]; then
        echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
    else
        echo "$PASSED passed, $FAILED failed"
    fi
}

# The command prefix that runs an a32run build: native, or the AArch64
# build under qemu-aarch64.
# The AArch64 build runs under qemu-aarch64; guest test programs see
# A32RUN_HOST_EMULATED=qemu-aarch64 and may skip, saying so, a check that
# the host emulator itself cannot run (qemu-user aborts on fork from a
# multi-threaded process). Under the ASan build they see
# A32RUN_TEST_SANITIZER=asan (its allocator is not fork-safe while other
# threads are freeing: tests/guest/check_threads.c).
a32run_cmd() {
    case "$1" in
        build-aarch64) echo "env A32RUN_HOST_EMULATED=qemu-aarch64 qemu-aarch64 -L /usr/aarch64-linux-gnu $PWD/$1/a32run" ;;
        build-asan) echo "env A32RUN_TEST_SANITIZER=asan $PWD/$1/a32run" ;;
        *) echo "$PWD/$1/a32run" ;;
    esac
}

# run_capture OUTFILE TIMEOUT CMD...: runs CMD with stdin from /dev/null,
# stdout+stderr to OUTFILE; echoes the exit status (128+N for signal N, 124
# for a timeout).
run_capture() {
    local out=$1 limit=$2; shift 2
    timeout -k 5 "$limit" "$@" </dev/null >"$out" 2>&1
    echo $?
}

# run_subsuite NAME CMD...: runs a script that ends with its own
# "N passed, N failed" line, shows its failures, and adds its counts.
run_subsuite() {
    local name=$1; shift
    local out st last p f
    out=$("$@" 2>&1); st=$?
    last=$(printf '%s\n' "$out" | grep -E '^([a-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed' | tail -1)
    last=${last#*: }
    if [ -z "$last" ]; then
        fail "$name (exit $st, no summary line)" "$(printf '%s\n' "$out" | tail -20)"
        return
    fi
    p=${last%% passed*}; f=${last#*passed, }; f=${f%% failed*}
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    printf '%s\n' "$out" | grep -E '^  (FAIL|skip)|^ {7}|^difftest [at]32' | sed "s/^  FAIL /  FAIL $name: /"
    [ "$f" -gt 0 ] && FAILED_NAMES+=("$name ($f)")
    if [ "$st" != 0 ] && [ "$f" = 0 ]; then fail "$name (exit $st)"; fi
    echo "  $name: $p passed, $f failed"
}
