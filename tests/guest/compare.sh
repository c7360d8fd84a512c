# compare_guest_programs BUILD OUT: runs every program in OUT/guest under
# qemu-arm (the oracle; its results are cached per binary) and under the
# a32run build BUILD, and compares stdout and exit status (stderr is not
# compared: qemu prints its own messages there).
#
# A program may have a sidecar tests/guest/NAME.args (one line of arguments).
# A source line "// pending: REASON" marks a program that needs a feature
# not built yet: it is reported as skipped with the reason, not run.
# Programs named check_* are self-checking and run under a32run only (they
# test what qemu-arm does differently, e.g. the HWCAP claimed): exit 0 passes.
compare_guest_programs() {
    local build=$1 out=$2 runner
    runner=$(a32run_cmd "$build")
    mkdir -p "$out/oracle" "$out/run-$build"
    for prog in "$out"/guest/*; do
        [ -x "$prog" ] || continue
        local name base args="" ref="$out/oracle/$(basename "$prog")"
        name=$(basename "$prog")
        base=${name%-arm-O?}; base=${base%-thumb-O?}
        [ -f "tests/guest/$base.args" ] && args=$(cat "tests/guest/$base.args")
        local pending
        pending=$(sed -n 's@^// pending: *@@p' "tests/guest/$base.c" 2>/dev/null | head -1)
        if [ -n "$pending" ]; then
            skip "guest/$name [$build]" "$pending"
            continue
        fi
        if [ "${base#check_}" != "$base" ]; then
            local st
            # shellcheck disable=SC2086
            st=$(cd "$out" && run_capture "run-$build/$name.out" 600 $runner "guest/$name" $args)
            if [ "$st" = 0 ]; then pass "guest/$name [$build]"; else fail "guest/$name [$build]: exit $st" "$(grep -v '^ok:' "$out/run-$build/$name.out" | tail -20)"; fi
            continue
        fi
        if [ ! -f "$ref.status" ] || [ "$prog" -nt "$ref.status" ]; then
            # shellcheck disable=SC2086
            (cd "$out" && timeout -k 5 120 qemu-arm "guest/$name" $args </dev/null >"oracle/$name.out" 2>/dev/null; echo $? >"oracle/$name.status")
        fi
        local mine="$out/run-$build/$name" limit=120
        [ "$build" = build-aarch64 ] && limit=600
        # shellcheck disable=SC2086
        (cd "$out" && timeout -k 5 $limit $runner "guest/$name" $args </dev/null >"run-$build/$name.out" 2>"run-$build/$name.err"; echo $? >"run-$build/$name.status")
        if cmp -s "$ref.out" "$mine.out" && cmp -s "$ref.status" "$mine.status"; then
            pass "guest/$name [$build]"
        else
            fail "guest/$name [$build]: status qemu=$(cat "$ref.status") a32run=$(cat "$mine.status")" \
                 "$(diff "$ref.out" "$mine.out" | head -20; tail -5 "$mine.err")"
        fi
    done
}
