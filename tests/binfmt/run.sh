#!/usr/bin/env bash
# binfmt_misc: registers an a32run build under a unique name, runs ARM
# programs directly by path (static ET_EXEC and dynamic PIE ET_DYN),
# checks argv (argv[0] preserved with the P flag), /proc/self/exe and
# options from A32RUN_* variables, then unregisters.
#
# Usage: tests/binfmt/run.sh A32RUN [OUT]     (A32RUN: a native build)
# Skipped, with the reason, only where binfmt_misc cannot be used: not
# root, a wrapper command (the kernel runs the interpreter itself), or the
# kernel/container refusing binfmt_misc (a32run --binfmt exits 3 then)
# because the kernel lacks it or the process lacks CAP_SYS_ADMIN; any
# other refusal fails.
# While the entry exists, every ARM program executed on this machine runs
# under this a32run: the window is kept short and the entry is removed on
# any exit of this script.
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh
A32RUN=$1
OUT=${2:-build-tests}/binfmt
NAME="a32run-test-$$"
ENTRY=/proc/sys/fs/binfmt_misc/$NAME
unset A32RUN_SYSROOT A32RUN_STRACE A32RUN_STATS A32RUN_DEBUG A32RUN_FORCE_OFFSET

finish() { summary; exit $([ "$FAILED" = 0 ] && echo 0 || echo 1); }
skip_all() { skip "binfmt" "$1"; finish; }

case "$A32RUN" in
    *" "*) skip_all "needs a native a32run build, not a wrapper command ($A32RUN)" ;;
esac
[ "$(id -u)" = 0 ] || skip_all "needs root (binfmt_misc registration is privileged)"

mkdir -p "$OUT"
arm-linux-gnueabihf-gcc -O2 -static -o "$OUT/argv-static" tests/binfmt/argv.c &&
arm-linux-gnueabihf-gcc -O2 -pie -fPIE -o "$OUT/argv-dynamic" tests/binfmt/argv.c ||
    { fail "build tests/binfmt/argv.c"; finish; }
static_prog=$(realpath "$OUT/argv-static")
dynamic_prog=$(realpath "$OUT/argv-dynamic")
interp=$(realpath "$A32RUN")

# a32run mounts binfmt_misc if needed; if it was not mounted before, the
# test unmounts it again afterwards (unless someone registered something).
was_mounted=no
[ -e /proc/sys/fs/binfmt_misc/register ] && was_mounted=yes
cleanup() {
    "$A32RUN" --binfmt unregister --name "$NAME" >/dev/null 2>&1
    if [ $was_mounted = no ] && [ -e /proc/sys/fs/binfmt_misc/register ] &&
       [ "$(ls /proc/sys/fs/binfmt_misc | grep -cvxE 'register|status')" = 0 ]; then
        umount /proc/sys/fs/binfmt_misc 2>/dev/null
    fi
}
trap cleanup EXIT
"$A32RUN" --binfmt register --name "$NAME" >/tmp/a32run-binfmt.out 2>&1
st=$?
if [ "$st" = 3 ]; then
    # Refused. That is a skip only where the machine cannot offer
    # binfmt_misc: no such file system in the kernel, or no CAP_SYS_ADMIN
    # (an unprivileged container). With both, a refusal is a failure, so a
    # green run on such a machine (CI's) means registration worked.
    cap_eff=$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)
    has_admin=no
    [ -n "$cap_eff" ] && [ $(( 0x$cap_eff >> 21 & 1 )) = 1 ] && has_admin=yes
    reason=$(grep -m1 'a32run: binfmt' /tmp/a32run-binfmt.out)
    if grep -qw binfmt_misc /proc/filesystems && [ $has_admin = yes ]; then
        fail "--binfmt register (the kernel has binfmt_misc and this process holds CAP_SYS_ADMIN)" "$reason"
        finish
    fi
    skip_all "the kernel refuses binfmt_misc here (binfmt_misc in /proc/filesystems: $(grep -qw binfmt_misc /proc/filesystems && echo yes || echo no), CAP_SYS_ADMIN: $has_admin): $reason"
fi
if [ "$st" != 0 ]; then
    fail "--binfmt register exits 0 (got $st)" "$(cat /tmp/a32run-binfmt.out)"
    finish
fi
pass "--binfmt register"

# The kernel's view of the entry.
if [ -f "$ENTRY" ]; then
    pass "entry $ENTRY exists"
    grep -qx enabled "$ENTRY" && pass "entry enabled" || fail "entry enabled" "$(cat "$ENTRY")"
    grep -qx "interpreter $interp" "$ENTRY" && pass "entry interpreter is the build" ||
        fail "entry interpreter is the build" "$(cat "$ENTRY")"
    # ELF32, little-endian, version 1, any OS ABI, ET_EXEC/ET_DYN, EM_ARM (40).
    grep -qx "magic 7f454c4601010100000000000000000002002800" "$ENTRY" && pass "entry magic" ||
        fail "entry magic" "$(cat "$ENTRY")"
    grep -qx "mask ffffffffffffff00fffffffffffffffffeffffff" "$ENTRY" && pass "entry mask" ||
        fail "entry mask" "$(cat "$ENTRY")"
    flags=$(sed -n 's/^flags: //p' "$ENTRY")
    case $flags in *F*) pass "flag F (interpreter opened at registration)" ;;
                   *) fail "flag F" "flags: $flags" ;; esac
else
    fail "entry $ENTRY exists"
    flags=""
fi
preserve=no
case $flags in *P*) preserve=yes ;; esac
major=$(uname -r | cut -d. -f1); minor=$(uname -r | cut -d. -f2)
if [ "$major" -gt 5 ] || { [ "$major" = 5 ] && [ "$minor" -ge 12 ]; }; then
    [ $preserve = yes ] && pass "flag P on Linux >= 5.12" || fail "flag P on Linux >= 5.12" "flags: $flags"
fi

# check_output LABEL FILE LINE...: FILE has each LINE (whole-line match).
check_output() {
    local label=$1 file=$2; shift 2
    local want
    for want in "$@"; do
        if ! grep -qxF -- "$want" "$file"; then
            fail "$label: prints '$want'" "$(head -12 "$file")"
            return
        fi
    done
    pass "$label"
}

for kind in static dynamic; do
    prog=$static_prog; [ $kind = dynamic ] && prog=$dynamic_prog
    st=$(run_capture /tmp/a32run-binfmt.out 60 "$prog" one "two words")
    if [ "$st" != 0 ]; then
        fail "$kind program runs directly by path (exit $st)" "$(head -5 /tmp/a32run-binfmt.out)"
        continue
    fi
    check_output "$kind program runs directly by path" /tmp/a32run-binfmt.out \
        "argv[0]=$prog" "argv[1]=one" "argv[2]=two words" "arch=arm" "exe=$prog"
    # argv[0] chosen by the caller, as `exec -a` does.
    want0=custom-name
    [ $preserve = yes ] || want0=$prog
    run_capture /tmp/a32run-binfmt.out 60 bash -c 'exec -a custom-name "$0" x' "$prog" >/dev/null
    check_output "$kind: argv[0] from the caller ($([ $preserve = yes ] && echo preserved || echo "no P: the path"))" \
        /tmp/a32run-binfmt.out "argv[0]=$want0" "argv[1]=x"
done

# A relative path: the kernel passes it on as given.
(cd "$OUT" && run_capture /tmp/a32run-binfmt.out 60 ./argv-static rel) >/dev/null
check_output "relative path ./argv-static" /tmp/a32run-binfmt.out "argv[0]=./argv-static" "argv[1]=rel"

# Options reach a binfmt-started a32run only through the environment.
A32RUN_STRACE=1 "$static_prog" >/dev/null 2>/tmp/a32run-binfmt.err
grep -q 'exit_group' /tmp/a32run-binfmt.err && pass "A32RUN_STRACE=1 applies to a program run by path" ||
    fail "A32RUN_STRACE=1 applies to a program run by path" "$(head -5 /tmp/a32run-binfmt.err)"

"$A32RUN" --binfmt status --name "$NAME" >/tmp/a32run-binfmt.out 2>&1 &&
    grep -q "interpreter $interp" /tmp/a32run-binfmt.out && pass "--binfmt status shows the entry" ||
    fail "--binfmt status shows the entry" "$(cat /tmp/a32run-binfmt.out)"

st=$(run_capture /tmp/a32run-binfmt.out 30 "$A32RUN" --binfmt unregister --name "$NAME")
[ "$st" = 0 ] && pass "--binfmt unregister" || fail "--binfmt unregister (exit $st)" "$(cat /tmp/a32run-binfmt.out)"
[ -e "$ENTRY" ] && fail "entry gone after unregister" || pass "entry gone after unregister"
st=$(run_capture /tmp/a32run-binfmt.out 30 "$A32RUN" --binfmt unregister --name "$NAME")
[ "$st" = 1 ] && pass "unregistering again fails (exit 1)" || fail "unregistering again fails (exit 1, got $st)"
st=$(run_capture /tmp/a32run-binfmt.out 30 "$A32RUN" --binfmt register --name "bad/name")
[ "$st" = 2 ] && pass "invalid entry name is a usage error" || fail "invalid entry name is a usage error (got $st)"
finish
