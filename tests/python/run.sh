#!/usr/bin/env bash
# CPython's regression tests (Debian's libpython3.11-testsuite) run by the
# armhf python3.11 of a sysroot, under a32run and under qemu-arm:
#
#   tests/python/run.sh [--ci] [--runners a32run,qemu-arm] [--modules "M ..."]
#                       [--timeout SECONDS] [--jobs 1|2] [--report-only]
#                       A32RUN_CMD SYSROOT
#
# SYSROOT comes from scripts/make-sysroot.sh --profile python (or full).
# Each module of tests/python/modules.txt (--ci: those marked "ci" there,
# a32run only unless --runners says otherwise) runs as
# `python3 -m test -v MODULE` with a time limit per module (default 600 s,
# 300 s with --ci); unittest's "Ran N tests" and "OK (skipped=S)" /
# "FAILED (failures=F, errors=E, skipped=S)" lines give the counts, and
# passed = N - F - E - S - unexpected successes (for a run cut short by
# the time limit or a crash: its "... ok" lines). One line per module shows
# each runner's counts, then the totals of each runner.
#
# Checks (for run-all's counting): a module whose a32run run is not OK
# (failures, errors, a crash or the time limit) fails the suite unless it
# is listed in tests/python/known-failures.txt ("MODULE | reason"), where
# it is reported as skip; a listed module that is OK is pointed out.
# When qemu-arm ran too, one more check: a32run's total of passed tests is
# at least qemu-arm's. --jobs 2 runs the two runners of a module side by
# side. Logs: build-tests/python/RUNNER/MODULE.log; --report-only prints
# the table and the checks again from the logs of an earlier run.
# Ends with "python: N passed, M failed[, K skipped]" (N, M: checks).
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh

CI=no
RUNNERS=
MODULES=
TIME_LIMIT=
JOBS=1
REPORT_ONLY=no
while [ $# -gt 0 ]; do
    case "$1" in
        --ci) CI=yes; shift ;;
        --runners) RUNNERS=$2; shift 2 ;;
        --modules) MODULES=$2; shift 2 ;;
        --timeout) TIME_LIMIT=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --report-only) REPORT_ONLY=yes; shift ;;
        *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    echo "usage: $0 [--ci] [--runners a32run,qemu-arm] [--modules \"M ...\"] [--timeout S] [--jobs N] A32RUN_CMD SYSROOT" >&2
    exit 2
fi
read -r -a A32RUN <<<"$1"
for i in "${!A32RUN[@]}"; do
    case "${A32RUN[$i]}" in /*) ;; */*) [ -e "${A32RUN[$i]}" ] && A32RUN[$i]=$PWD/${A32RUN[$i]} ;; esac
done
S=$(cd "$2" 2>/dev/null && pwd) || { echo "python: no sysroot $2" >&2; exit 2; }
if [ ! -x "$S/usr/bin/python3.11" ] || [ ! -d "$S/usr/lib/python3.11/test/support" ]; then
    echo "python: $S lacks python3.11 or its test suite (scripts/make-sysroot.sh --profile python $2)" >&2
    exit 2
fi
[ -n "$RUNNERS" ] || { if [ "$CI" = yes ]; then RUNNERS=a32run; else RUNNERS=a32run,qemu-arm; fi; }
[ -n "$TIME_LIMIT" ] || { if [ "$CI" = yes ]; then TIME_LIMIT=300; else TIME_LIMIT=600; fi; }
if [ -z "$MODULES" ]; then
    if [ "$CI" = yes ]; then
        MODULES=$(awk '!/^#/ && $2 == "ci" { print $1 }' tests/python/modules.txt)
    else
        MODULES=$(awk '!/^#/ && NF { print $1 }' tests/python/modules.txt)
    fi
fi
IFS=, read -r -a RUNNER_LIST <<<"$RUNNERS"
for r in "${RUNNER_LIST[@]}"; do
    case "$r" in
        a32run) ;;
        qemu-arm) command -v qemu-arm >/dev/null || { echo "python: qemu-arm not installed" >&2; exit 2; } ;;
        *) echo "python: unknown runner $r (a32run, qemu-arm)" >&2; exit 2 ;;
    esac
done
KNOWN=${PYTHON_KNOWN_FAILURES:-tests/python/known-failures.txt}
OUT=${PYTHON_TEST_OUT:-build-tests/python}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# The guest sees the host's /tmp and environment: keep both predictable.
# No .pyc writing: the sysroot is byte-compiled by make-sysroot.sh, and
# a guest writing __pycache__ could land in host directories.
export LC_ALL=C.UTF-8 TZ=UTC PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONWARNINGS PYTHONUNBUFFERED

# run_module RUNNER MODULE: runs one module, leaves its log.
run_module() {
    local runner=$1 mod=$2 log dir
    dir=$OUT/$runner
    log=$dir/$mod.log
    mkdir -p "$dir/work-$mod"
    local t0=$SECONDS
    (
        cd "$dir/work-$mod" || exit 1
        case "$runner" in
            a32run) exec timeout -k 10 "$TIME_LIMIT" "${A32RUN[@]}" -L "$S" /usr/bin/python3.11 -m test -v "$mod" ;;
            qemu-arm) exec timeout -k 10 "$TIME_LIMIT" qemu-arm -L "$S" "$S/usr/bin/python3.11" -m test -v "$mod" ;;
        esac
    ) </dev/null >"$log" 2>&1
    printf '\nexit %d seconds %d\n' $? $((SECONDS - t0)) >>"$log"
    rm -rf "$dir/work-$mod"
}

# parse LOG: prints "STATUS RAN PASSED FAILURES ERRORS SKIPPED SECONDS".
# STATUS: ok, failed, skipped (the whole module: a platform or resource
# skip), timeout, crash.
parse() {
    awk '
        # Only the last summary counts: a forked child that fails to exec
        # may go on running tests and print a summary of its own first.
        /^Ran [0-9]+ tests? in / { ran = $2; have_ran = 1; f = e = sk = us = failed_line = 0 }
        /^(OK|FAILED)( \(|$)/ {
            if ($1 == "FAILED") failed_line = 1
            s = $0; sub(/^[A-Z]+ *\(?/, "", s); sub(/\)$/, "", s)
            n = split(s, kv, /, */)
            for (i = 1; i <= n; i++) {
                split(kv[i], p, "=")
                if (p[1] == "failures") f += p[2]
                else if (p[1] == "errors") e += p[2]
                else if (p[1] == "skipped") sk += p[2]
                else if (p[1] == "unexpected successes") us += p[2]
            }
        }
        / skipped -- / && !have_ran { module_skipped = 1 }
        # Per-test verbose lines: the counts of a run that never finished.
        / \.\.\. ([0-9.]+s )?(ok|expected failure)$/ { v_ok++; v_ran++ }
        / \.\.\. ([0-9.]+s )?(FAIL|unexpected success)$/ { v_fail++; v_ran++ }
        / \.\.\. ([0-9.]+s )?ERROR$/ { v_err++; v_ran++ }
        / \.\.\. skipped / { v_skip++; v_ran++ }
        / ?exit [0-9]+ seconds [0-9]+$/ { code = $(NF - 2); secs = $NF }
        END {
            if (!have_ran) { ran = v_ran; sk = v_skip; f = v_fail; e = v_err; passed = v_ok }
            else passed = ran - f - e - sk - us
            if (passed < 0) passed = 0
            if (code == 124 || code == 137) status = "timeout"
            else if (!have_ran && module_skipped && code == 0) status = "skipped"
            else if (!have_ran) status = "crash"
            else if (failed_line || f || e || us || code != 0) status = "failed"
            else status = "ok"
            printf "%s %d %d %d %d %d %d\n", status, ran, passed, f + us, e, sk, secs
        }' "$1"
}

known_reason() {
    [ -f "$KNOWN" ] || return 0
    awk -F ' *[|] *' -v n="$1" '!/^#/ && $1 == n { print $2; exit }' "$KNOWN"
}

declare -A TOTAL_RAN TOTAL_PASSED
for r in "${RUNNER_LIST[@]}"; do TOTAL_RAN[$r]=0; TOTAL_PASSED[$r]=0; done
start=$SECONDS
nmod=$(echo "$MODULES" | wc -w)
echo "python: $nmod modules, runners ${RUNNERS}, ${TIME_LIMIT}s limit per module; logs in $OUT"
printf '  %-36s' "module"
for r in "${RUNNER_LIST[@]}"; do printf ' | %-34s' "$r: passed/ran (F,E,S) time"; done
echo
for mod in $MODULES; do
    if [ "$REPORT_ONLY" = yes ]; then
        :
    elif [ "$JOBS" -gt 1 ]; then
        for r in "${RUNNER_LIST[@]}"; do run_module "$r" "$mod" & done
        wait
    else
        for r in "${RUNNER_LIST[@]}"; do run_module "$r" "$mod"; done
    fi
    printf '  %-36s' "$mod"
    a32_status=
    for r in "${RUNNER_LIST[@]}"; do
        read -r status ran passed f e sk secs < <(parse "$OUT/$r/$mod.log")
        TOTAL_RAN[$r]=$(( TOTAL_RAN[$r] + ran ))
        TOTAL_PASSED[$r]=$(( TOTAL_PASSED[$r] + passed ))
        if [ "$status" = ok ]; then cell="$passed/$ran ($f,$e,$sk) ${secs}s"; else cell="$passed/$ran ($f,$e,$sk) ${secs}s $status"; fi
        printf ' | %-34s' "$cell"
        [ "$r" = a32run ] && a32_status=$status
    done
    echo
    [ -n "$a32_status" ] || continue
    reason=$(known_reason "$mod")
    case "$a32_status" in
        ok|skipped)
            pass "$mod"
            [ -n "$reason" ] && echo "  note $mod passes now: remove it from $KNOWN"
            ;;
        *)
            if [ -n "$reason" ]; then
                skip "$mod" "$reason"
            else
                fail "$mod ($a32_status)" "$(grep -E '^(FAIL|ERROR): |^[A-Za-z]*Error: |Fatal Python error' "$OUT/a32run/$mod.log" | head -8)
log: $OUT/a32run/$mod.log"
            fi
            ;;
    esac
done

echo "python totals (${nmod} modules, $((SECONDS - start))s):"
for r in "${RUNNER_LIST[@]}"; do
    echo "  $r: ${TOTAL_PASSED[$r]} tests passed of ${TOTAL_RAN[$r]} run"
done
if [ -n "${TOTAL_PASSED[a32run]:-}" ] && [ -n "${TOTAL_PASSED[qemu-arm]:-}" ]; then
    if [ "${TOTAL_PASSED[a32run]}" -ge "${TOTAL_PASSED[qemu-arm]}" ]; then
        pass "a32run passes at least as many tests as qemu-arm"
    else
        fail "a32run passes at least as many tests as qemu-arm" "a32run ${TOTAL_PASSED[a32run]}, qemu-arm ${TOTAL_PASSED[qemu-arm]}"
    fi
fi
echo "python: $PASSED passed, $FAILED failed$([ "$SKIPPED" -gt 0 ] && echo ", $SKIPPED skipped")"
[ "$FAILED" = 0 ]
