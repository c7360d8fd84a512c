#!/usr/bin/env bash
# Dynamic programs and sysroots:
#
#   tests/sysroot/run.sh A32RUN_CMD [SYSROOT]
#
# A32RUN_CMD is the command that runs a32run (words split: it may be
# "qemu-aarch64 -L /usr/aarch64-linux-gnu build-aarch64/a32run").
# Always: a dynamically linked test program (tests/sysroot/dyn_hello.c,
# built by arm-linux-gnueabihf-gcc without -static) with -L
# /usr/arm-linux-gnueabihf, with the implicit default, and under qemu-arm
# for comparison; the loader configuration read from the sysroot; the
# missing-interpreter message. With SYSROOT (scripts/make-sysroot.sh):
# Debian armhf busybox, coreutils, bash, lua5.4, sqlite3, gzip and xz, each
# checked against the host's tools or a fixed answer.
#
# A check listed in tests/sysroot/known-failures.txt (lines "NAME | reason",
# NAME exactly as this script prints it) is reported as "skip NAME: reason"
# when it fails; any other failure fails the suite. Ends with
# "sysroot: N passed, M failed[, K skipped]".
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh

if [ $# -lt 1 ]; then
    echo "usage: $0 A32RUN_CMD [SYSROOT]" >&2
    exit 2
fi
read -r -a A32RUN <<<"$1"
SYSROOT=${2:-}
CROSS_ROOT=/usr/arm-linux-gnueabihf
OUT=${SYSROOT_TEST_OUT:-build-tests/sysroot}
LIMIT=${SYSROOT_TEST_TIMEOUT:-120}
KNOWN=${SYSROOT_KNOWN_FAILURES:-tests/sysroot/known-failures.txt}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
export LC_ALL=C

# known_reason NAME: the reason NAME is a known failure, or nothing.
known_reason() {
    [ -f "$KNOWN" ] || return 0
    awk -F ' *[|] *' -v n="$1" '!/^#/ && $1 == n { print $2; exit }' "$KNOWN"
}

# result NAME OK DETAIL: records one check, honouring known failures.
result() {
    local name=$1 ok=$2 detail=${3:-} reason
    reason=$(known_reason "$name")
    if [ "$ok" = yes ]; then
        pass "$name"
        [ -n "$reason" ] && echo "  note $name passes now: remove it from $KNOWN"
    elif [ -n "$reason" ]; then
        skip "$name" "$reason"
    else
        fail "$name" "$detail"
    fi
    return 0
}

# expect NAME EXPECTED_STATUS EXPECTED_STDOUT CMD...: runs CMD (stdin from
# /dev/null, with a time limit) and compares exit status and stdout.
expect() {
    local name=$1 want_status=$2 want_out=$3; shift 3
    local out status
    out=$(timeout -k 5 "$LIMIT" "$@" </dev/null 2>"$OUT/stderr")
    status=$?
    if [ "$status" = "$want_status" ] && [ "$out" = "$want_out" ]; then
        result "$name" yes
    else
        result "$name" no "exit $status (want $want_status); stdout: $(printf '%s' "$out" | head -c 300)
stderr: $(head -c 300 "$OUT/stderr")"
    fi
}

# ---- dynamic programs against the cross libc ----
CC=${GUEST_CC:-arm-linux-gnueabihf-gcc}
built=yes
for v in thumb arm; do
    if [ ! -e "$OUT/dyn_hello-$v" ] || [ tests/sysroot/dyn_hello.c -nt "$OUT/dyn_hello-$v" ]; then
        "$CC" -O2 -m"$v" -o "$OUT/dyn_hello-$v" tests/sysroot/dyn_hello.c -lm 2>"$OUT/cc.log" || built=no
    fi
done
"$CC" -O2 -Wl,--dynamic-linker=/lib/ld-a32run-missing.so.3 -o "$OUT/dyn_missing_interp" \
    tests/sysroot/dyn_hello.c -lm 2>>"$OUT/cc.log" || built=no
if [ "$built" = no ]; then
    fail "build dynamic test programs" "$(cat "$OUT/cc.log")"
fi

hello_out() { # PROGRAM ARGS...
    printf 'hello from a dynamic program, argc=%d\n' "$#"
    local i=1
    shift
    for a in "$@"; do printf 'argv[%d]=%s\n' "$i" "$a"; i=$((i + 1)); done
    printf 'sqrt(2)=1.414213562\nlibc ok\n'
}

if [ "$built" = yes ]; then
    for v in thumb arm; do
        prog=$OUT/dyn_hello-$v
        want=$(hello_out "$prog" one "two words")
        expect "dyn_hello-$v -L $CROSS_ROOT" 3 "$want" "${A32RUN[@]}" -L "$CROSS_ROOT" "$prog" one "two words"
        expect "dyn_hello-$v implicit sysroot" 3 "$want" "${A32RUN[@]}" "$prog" one "two words"
        if command -v qemu-arm >/dev/null; then
            expect "dyn_hello-$v qemu-arm -L $CROSS_ROOT" 3 "$want" qemu-arm -L "$CROSS_ROOT" "$prog" one "two words"
        else
            skip "dyn_hello-$v qemu-arm" "qemu-arm not installed"
        fi
    done
    prog=$OUT/dyn_hello-thumb
    want="$(hello_out "$prog" --exe)
exe=$prog"
    expect "/proc/self/exe names the guest program" 3 "$want" "${A32RUN[@]}" "$prog" --exe
    expect "/proc/self/exe with -L" 3 "$want" "${A32RUN[@]}" -L "$CROSS_ROOT" "$prog" --exe

    # The loader must read the sysroot's /etc/ld.so.cache (absent in the
    # cross root) and never the host's, which lists host libraries.
    for mode in "-L $CROSS_ROOT" implicit; do
        if [ "$mode" = implicit ]; then set -- ; else set -- -L "$CROSS_ROOT"; fi
        timeout -k 5 "$LIMIT" "${A32RUN[@]}" --strace "$@" "$prog" </dev/null >/dev/null 2>"$OUT/strace.log"
        line=$(grep -E '^open(at)?\(.*"/etc/ld\.so\.cache"' "$OUT/strace.log" | head -1)
        case "$line" in
            *"= -1 ENOENT"*) result "ld.so.cache from the sysroot ($mode)" yes ;;
            "") result "ld.so.cache from the sysroot ($mode)" no "no open of /etc/ld.so.cache in --strace output" ;;
            *) result "ld.so.cache from the sysroot ($mode)" no "$line" ;;
        esac
    done

    # A missing interpreter: one line that names it and suggests -L.
    err=$(timeout -k 5 "$LIMIT" "${A32RUN[@]}" "$OUT/dyn_missing_interp" </dev/null 2>&1 >/dev/null)
    status=$?
    if [ "$status" = 126 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] &&
       [[ "$err" == *"/lib/ld-a32run-missing.so.3"* ]] && [[ "$err" == *"-L"* ]]; then
        result "missing interpreter message" yes
    else
        result "missing interpreter message" no "exit $status: $err"
    fi
    # A static program is not affected by the implicit sysroot: the cross
    # root's interpreter is not visible at /lib (unless the host has one).
    if "$CC" -static -O2 -o "$OUT/static_probe" -x c - 2>>"$OUT/cc.log" <<'EOF'
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    printf("%s\n", access("/lib/ld-linux-armhf.so.3", F_OK) == 0 ? "present" : "absent");
    return 0;
}
EOF
    then
        if [ -e /lib/ld-linux-armhf.so.3 ]; then want=present; else want=absent; fi
        expect "static program sees the host /lib" 0 "$want" "${A32RUN[@]}" "$OUT/static_probe"
    else
        fail "build static probe" "$(tail -5 "$OUT/cc.log")"
    fi
fi

# ---- a Debian armhf sysroot ----
if [ -z "$SYSROOT" ]; then
    echo "  (no SYSROOT given: Debian armhf programs not run; build one with scripts/make-sysroot.sh)"
elif [ ! -e "$SYSROOT/lib/ld-linux-armhf.so.3" ]; then
    fail "sysroot $SYSROOT" "no lib/ld-linux-armhf.so.3 in it (build it with scripts/make-sysroot.sh)"
else
    S=$(cd "$SYSROOT" && pwd)
    run=("${A32RUN[@]}" -L "$S")
    # Work files live in the current directory's tree (host paths).
    W=$OUT/work
    rm -rf "$W"
    mkdir -p "$W/dir/sub"
    awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) printf "%d line %x %s\n", int(rand() * 1e6), i, (i % 7 ? "abc" : "xyz") }' > "$W/data.txt"
    for f in alpha beta gamma "with space" .hidden; do echo "$f" > "$W/dir/$f"; done
    host_sha=$(sha256sum "$W/data.txt")

    expect "busybox echo" 0 "hello sysroot" "${run[@]}" /bin/busybox echo hello sysroot
    expect "busybox sort" 0 "$(sort "$W/data.txt")" "${run[@]}" /bin/busybox sort "$W/data.txt"
    expect "busybox sha256sum" 0 "$host_sha" "${run[@]}" /bin/busybox sha256sum "$W/data.txt"
    expect "coreutils sort -n" 0 "$(sort -n "$W/data.txt")" "${run[@]}" /usr/bin/sort -n "$W/data.txt"
    expect "coreutils wc" 0 "$(wc "$W/data.txt")" "${run[@]}" /usr/bin/wc "$W/data.txt"
    expect "coreutils sha256sum" 0 "$host_sha" "${run[@]}" /usr/bin/sha256sum "$W/data.txt"
    expect "coreutils ls" 0 "$(ls -a "$W/dir")" "${run[@]}" /bin/ls -a "$W/dir"
    expect "coreutils ls -l" 0 "$(ls -ln --time-style=+%s "$W/dir")" "${run[@]}" /bin/ls -ln --time-style=+%s "$W/dir"
    expect "bash loop" 0 "$(printf '1\n2\n3')" "${run[@]}" /bin/bash -c 'for i in 1 2 3; do echo $i; done'
    expect "bash arithmetic and strings" 0 "1048576 CBA" \
        "${run[@]}" /bin/bash -c 's=ABC; r=; for ((i=${#s}-1; i>=0; i--)); do r+=${s:i:1}; done; echo $((1<<20)) $r'
    expect "lua5.4" 0 "1024.0" "${run[@]}" /usr/bin/lua5.4 -e 'print(2^10)'
    expect "lua5.4 string and table" 0 "55 olleh" \
        "${run[@]}" /usr/bin/lua5.4 -e 't={} for i=1,10 do t[#t+1]=i end s=0 for _,v in ipairs(t) do s=s+v end print(s .. " " .. ("hello"):reverse())'
    expect "sqlite3" 0 "2" "${run[@]}" /usr/bin/sqlite3 :memory: 'select 1+1;'
    expect "sqlite3 table" 0 "3|6" \
        "${run[@]}" /usr/bin/sqlite3 :memory: 'create table t(x); insert into t values (1),(2),(3); select count(*), sum(x) from t;'

    # Round trips: the guest compresses and decompresses; the host's tools
    # must agree with the guest's output too.
    rm -f "$W"/data.txt.* "$W/back"*
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" -L "$S" /bin/gzip -9 -c "$W/data.txt" > "$W/data.txt.gz" 2>"$OUT/stderr"
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" -L "$S" /bin/gzip -d -c "$W/data.txt.gz" > "$W/back.gz" 2>>"$OUT/stderr"
    if cmp -s "$W/data.txt" "$W/back.gz" && gzip -dc "$W/data.txt.gz" | cmp -s - "$W/data.txt"; then
        result "gzip round trip" yes
    else
        result "gzip round trip" no "$(head -c 300 "$OUT/stderr")"
    fi
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" -L "$S" /usr/bin/xz -c "$W/data.txt" > "$W/data.txt.xz" 2>"$OUT/stderr"
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" -L "$S" /usr/bin/xz -d -c "$W/data.txt.xz" > "$W/back.xz" 2>>"$OUT/stderr"
    if cmp -s "$W/data.txt" "$W/back.xz" && xz -dc "$W/data.txt.xz" 2>/dev/null | cmp -s - "$W/data.txt"; then
        result "xz round trip" yes
    else
        result "xz round trip" no "$(head -c 300 "$OUT/stderr")"
    fi
    # In-place gzip: creates data2.txt.gz next to it and removes data2.txt.
    cp "$W/data.txt" "$W/data2.txt"
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" -L "$S" /bin/gzip "$W/data2.txt" </dev/null 2>"$OUT/stderr"
    if [ ! -e "$W/data2.txt" ] && gzip -dc "$W/data2.txt.gz" 2>/dev/null | cmp -s - "$W/data.txt"; then
        result "gzip in place" yes
    else
        result "gzip in place" no "$(head -c 300 "$OUT/stderr")"
    fi
    # Files the guest sees: its own os-release, the host's passwd.
    expect "sysroot /etc/os-release" 0 "$(grep '^VERSION_CODENAME=' "$S/etc/os-release")" \
        "${run[@]}" /bin/busybox grep '^VERSION_CODENAME=' /etc/os-release
    expect "host /etc/passwd" 0 "$(grep -c . /etc/passwd)" "${run[@]}" /bin/busybox grep -c . /etc/passwd
    # getcwd inside the sysroot names the directory as the guest does (as in
    # a chroot), and that name leads back to it; outside, the host's path.
    expect "getcwd in the sysroot" 0 "$(printf '/\n/usr/lib\n/usr/lib')" \
        "${run[@]}" /bin/bash -c 'cd / && /bin/pwd -P && cd /usr/lib && /bin/pwd -P && cd "$(/bin/pwd -P)" && /bin/pwd -P'
    expect "getcwd on the host" 0 "$W/dir" "${run[@]}" /bin/sh -c "cd '$W/dir' && /bin/pwd -P"
fi

echo "sysroot: $PASSED passed, $FAILED failed$([ "$SKIPPED" -gt 0 ] && echo ", $SKIPPED skipped")"
[ "$FAILED" = 0 ]
