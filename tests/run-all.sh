#!/usr/bin/env bash
# The whole suite (make test): builds a32run for the native host, for
# AArch64 (run under qemu-aarch64) and with ASan+UBSan, checks that clang
# builds warning-free too, builds the guest test programs, and runs every
# test group against each build. Ends with "N passed, N failed".
#
# Environment: QUICK=1 runs only the native build (for development).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh

JOBS=${JOBS:-2}
start=$(date +%s)
section() { echo "== $1 ($(( $(date +%s) - start ))s)"; }

# --- builds -----------------------------------------------------------------
section "build"
BUILDS=(build)
if ! make -s -j"$JOBS" all unit >/tmp/a32run-build.log 2>&1; then
    cat /tmp/a32run-build.log
    fail "build native (gcc)"
    summary; exit 1
fi
pass "build native (gcc)"
if [ -z "${QUICK:-}" ]; then
    if make -s -j"$JOBS" CC=clang BUILD=build-clang all unit >/tmp/a32run-build.log 2>&1; then
        pass "build native (clang, -Werror)"
    else
        fail "build native (clang, -Werror)" "$(cat /tmp/a32run-build.log)"
    fi
    if make -s -j"$JOBS" HOST=aarch64 all unit >/tmp/a32run-build.log 2>&1; then
        pass "build aarch64 (cross gcc)"; BUILDS+=(build-aarch64)
    else
        fail "build aarch64 (cross gcc)" "$(cat /tmp/a32run-build.log)"
    fi
    if make -s -j"$JOBS" SANITIZE=1 all unit >/tmp/a32run-build.log 2>&1; then
        pass "build asan+ubsan"; BUILDS+=(build-asan)
    else
        fail "build asan+ubsan" "$(cat /tmp/a32run-build.log)"
    fi
fi

section "guest programs"
if bash tests/guest/build.sh build-tests >/tmp/a32run-guest-build.log 2>&1; then
    pass "build guest test programs"
else
    fail "build guest test programs" "$(tail -20 /tmp/a32run-guest-build.log)"
fi

# ASan reports go to stderr and abort the run; UBSan is fatal by build flags.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allow_user_segv_handler=1:handle_segv=0:handle_sigbus=0}

for b in "${BUILDS[@]}"; do
    section "unit tests ($b)"
    for t in "$b"/unit/*; do
        [ -x "$t" ] || continue
        name="unit/$(basename "$t") [$b]"
        if [ "$b" = build-aarch64 ]; then
            status=$(run_capture /tmp/a32run-unit.out 300 qemu-aarch64 -L /usr/aarch64-linux-gnu "$t")
        else
            status=$(run_capture /tmp/a32run-unit.out 300 "$t")
        fi
        if [ "$status" = 0 ]; then pass "$name"; else fail "$name (exit $status)" "$(tail -20 /tmp/a32run-unit.out)"; fi
    done

    section "guest programs vs qemu-arm ($b)"
    . tests/guest/compare.sh
    compare_guest_programs "$b" build-tests

    section "command line ($b)"
    run_subsuite "cli [$b]" bash tests/cli.sh "$(a32run_cmd "$b")" build-tests

    if [ "$b" = build ]; then
        section "binfmt_misc ($b)"
        # Registers this build for ARM ELF files for a moment (skipped, with
        # the reason, where the kernel or the user cannot).
        run_subsuite "binfmt [$b]" bash tests/binfmt/run.sh "$(a32run_cmd "$b")" build-tests
    fi

    section "bad input ($b)"
    run_subsuite "bad-elf [$b]" bash tests/bad-elf/run.sh "$(a32run_cmd "$b")" "build-tests/bad-elf-$b"

    section "difftest ($b)"
    # Every group of the generator, NEON and the ARMv8 crypto/CRC32 group included.
    DIFFTEST_GROUPS=dataproc,multiply,saturate,parallel,misc,branch,loadstore,ldmstm,exclusive,system,vfp,neon,crypto
    if [ -f tests/difftest/run.sh ]; then
        case "$b" in
            build) n=${DIFFTEST_N:-20000} ;;
            *) n=${DIFFTEST_N_SLOW:-2000} ;;
        esac
        run_subsuite "difftest n=$n [$b]" bash tests/difftest/run.sh --n "$n" --seed 1 --groups "$DIFFTEST_GROUPS" --a32run "$(a32run_cmd "$b")" --out "build-tests/difftest-$b"
    fi
done

# --- Debian armhf programs (native build only) ------------------------------
# A Debian armhf sysroot built from this machine's apt sources and cached in
# build-sysroot (scripts/make-sysroot.sh; a second run does nothing), then
# the dynamic-program tests, the real-world suite (--quick) and the CPython
# CI subset, each as a sub-suite. CI machines have network: a sysroot that
# cannot be built is a failure, with the reason from make-sysroot.sh.
section "debian armhf programs (build)"
if bash scripts/make-sysroot.sh --profile full build-sysroot >/tmp/a32run-sysroot.log 2>&1; then
    pass "sysroot build-sysroot (scripts/make-sysroot.sh --profile full)"
    grep -E 'up to date|done:' /tmp/a32run-sysroot.log | sed 's/^/  /'
    run_subsuite "sysroot [build]" bash tests/sysroot/run.sh "$(a32run_cmd build)" build-sysroot
    run_subsuite "exec via sysroot [build]" bash tests/sysroot/exec_sysroot.sh "$(a32run_cmd build)" build-sysroot
    run_subsuite "realworld [build]" bash tests/realworld/run.sh --quick "$(a32run_cmd build)" build-sysroot
    run_subsuite "python ci [build]" bash tests/python/run.sh --ci "$(a32run_cmd build)" build-sysroot
else
    fail "sysroot build-sysroot (scripts/make-sysroot.sh; is the network or apt unavailable?)" "$(tail -15 /tmp/a32run-sysroot.log)"
fi

section "done"
summary
[ "$FAILED" = 0 ]
