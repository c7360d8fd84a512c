#!/usr/bin/env bash
# execve through a sysroot:
#
#   tests/sysroot/exec_sysroot.sh A32RUN_CMD SYSROOT
#
# SYSROOT is a Debian armhf root from scripts/make-sysroot.sh (it needs
# usr/bin/bash, usr/bin/busybox and the armhf libc). Builds
# tests/sysroot/exec_sysroot.c dynamically and runs it with -L SYSROOT and
# an empty environment (so only the option can carry the sysroot to the
# re-executed a32run), then again with --strace to see that the children
# are traced too; and without -L, that exec of the host's /bin/sh runs it
# natively. Prints "exec_sysroot: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ]; then
    echo "usage: $0 A32RUN_CMD SYSROOT" >&2
    exit 2
fi
read -r -a A32RUN <<<"$1"
SYSROOT=$2
OUT=${SYSROOT_TEST_OUT:-build-tests/sysroot}
mkdir -p "$OUT"
passed=0 failed=0
check() { # NAME OK DETAIL
    if [ "$2" = yes ]; then echo "pass $1"; passed=$((passed + 1));
    else echo "FAIL $1"; printf '%s\n' "$3" | head -20 | sed 's/^/  /'; failed=$((failed + 1)); fi
}
prog="$OUT/exec_sysroot"
if ! arm-linux-gnueabihf-gcc -O2 -o "$prog" tests/sysroot/exec_sysroot.c 2>"$OUT/exec_cc.log"; then
    check build no "$(cat "$OUT/exec_cc.log")"
    echo "exec_sysroot: $passed passed, $failed failed"
    exit 1
fi
want='bash-ok
script-ok SCRIPT one
child-ok argv0=renamed env=empty
execveat-path-ok
execveat-fd-ok
done'
out=$(env -i timeout -k 5 120 "${A32RUN[@]}" -L "$SYSROOT" "$prog" 2>"$OUT/exec_sysroot.err")
check "exec through the sysroot" "$([ "$out" = "$want" ] && echo yes)" \
      "$(diff <(echo "$want") <(echo "$out"); tail -5 "$OUT/exec_sysroot.err")"
out=$(env -i timeout -k 5 120 "${A32RUN[@]}" --strace -L "$SYSROOT" "$prog" 2>"$OUT/exec_strace.err")
# the re-executed programs' own writes appear in the trace
traced=$(grep -c '^write(1, "\(child-ok\|execveat-fd-ok\|execveat-path-ok\)' "$OUT/exec_strace.err")
check "--strace passed on to re-executed programs ($traced of 3 traced)" \
      "$([ "$out" = "$want" ] && [ "$traced" = 3 ] && echo yes)" \
      "$(diff <(echo "$want") <(echo "$out"); grep -c execve "$OUT/exec_strace.err")"
out=$(timeout -k 5 120 "${A32RUN[@]}" "$prog" native 2>"$OUT/exec_native.err")
status=$?
check "a host program runs natively (status $status)" "$([ "$out" = native-ok ] && [ "$status" = 3 ] && echo yes)" \
      "$out $(tail -3 "$OUT/exec_native.err")"
echo "exec_sysroot: $passed passed, $failed failed"
[ "$failed" = 0 ]
