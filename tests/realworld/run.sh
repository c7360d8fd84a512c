#!/usr/bin/env bash
# Real-world suite (make check-realworld): Debian armhf programs from a
# sysroot made by scripts/make-sysroot.sh --profile realworld (or full),
# each given a real task whose result is checked and can fail:
#
#   tests/realworld/run.sh [--quick] [--only REGEX] A32RUN_CMD SYSROOT
#
# A32RUN_CMD is the command that runs a32run (words split: it may be
# "qemu-aarch64 -L /usr/aarch64-linux-gnu build-aarch64/a32run"). It may
# also be "qemu-arm", for comparison: the programs are then named by their
# host paths inside SYSROOT, and what they execve runs as the host's
# programs (qemu-arm has no execve rule), so checks that run other
# programs are not meaningful there.
#
# Checks: coreutils (sort, sha256sum/md5sum against the host's, dd, tar
# round trips in both directions, tar -z exec'ing gzip), findutils (find
# with -exec), busybox, bash running tests/realworld/tasks/script.sh,
# python3, lua5.4, perl, sqlite3 and node running the other task files
# (their output must equal tests/realworld/expected/NAME.out), gzip, xz,
# bzip2 and zstd round trips (checked by the host's tools too where
# installed), 7zz (a, t, x with one thread and with two, a short `b`),
# openssl (dgst against sha256sum, enc round trips, the default, plain-ARM
# and NEON code paths via OPENSSL_armcap, `speed` for a second), stress-ng
# --verify stressors for a few seconds each, python3 threading, and a Go
# program (tests/realworld/go/) when a Go toolchain is installed.
#
# --quick skips the slowest checks (7zz b, the longer stress-ng runs);
# --only REGEX runs the checks whose name matches.
#
# A check listed in tests/realworld/known-failures.txt ("NAME | reason",
# NAME exactly as printed here) is reported as "skip NAME: reason" when it
# fails; any other failure fails the suite, and a listed check that passes
# is pointed out ("note ... passes now"). Ends with
# "realworld: N passed, M failed[, K skipped]".
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh

QUICK=no
ONLY=
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=yes; shift ;;
        --only) ONLY=$2; shift 2 ;;
        *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    echo "usage: $0 [--quick] [--only REGEX] A32RUN_CMD SYSROOT" >&2
    exit 2
fi
read -r -a A32RUN <<<"$1"
# Checks run in other directories: make relative paths in the command absolute.
for i in "${!A32RUN[@]}"; do
    case "${A32RUN[$i]}" in /*) ;; */*) [ -e "${A32RUN[$i]}" ] && A32RUN[$i]=$PWD/${A32RUN[$i]} ;; esac
done
[ -e "$2/lib/ld-linux-armhf.so.3" ] || { echo "realworld: $2 is not a sysroot (scripts/make-sysroot.sh --profile full $2)" >&2; exit 2; }
S=$(cd "$2" && pwd)
OUT=${REALWORLD_OUT:-build-tests/realworld}
LIMIT=${REALWORLD_TIMEOUT:-120}
KNOWN=${REALWORLD_KNOWN_FAILURES:-tests/realworld/known-failures.txt}
TASKS=$PWD/tests/realworld/tasks
EXPECTED=$PWD/tests/realworld/expected
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
W=$OUT/work
rm -rf "$W"
mkdir -p "$W"
export LC_ALL=C TZ=UTC
unset OPENSSL_armcap

# Under qemu-arm the program itself is named by its host path.
P=
case "$(basename "${A32RUN[0]}")" in qemu-arm*) P=$S ;; esac
RUN=("${A32RUN[@]}" -L "$S")

suite_start=$(date +%s)
known_reason() {
    [ -f "$KNOWN" ] || return 0
    awk -F ' *[|] *' -v n="$1" '!/^#/ && $1 == n { print $2; exit }' "$KNOWN"
}
# selected NAME: whether --only lets NAME run.
selected() { [ -z "$ONLY" ] || [[ "$1" =~ $ONLY ]]; }

# result NAME OK DETAIL: records one check, honouring known failures.
result() {
    local name=$1 ok=$2 detail=${3:-} reason
    reason=$(known_reason "$name")
    if [ "$ok" = yes ]; then
        pass "$name"
        [ -z "${VERBOSE:-}" ] && echo "  ok   $name"
        [ -n "$reason" ] && echo "  note $name passes now: remove it from $KNOWN"
    elif [ -n "$reason" ]; then
        skip "$name" "$reason"
    else
        fail "$name" "$detail"
    fi
    return 0
}

# guest LOG PROG ARGS...: runs a guest program (a sysroot path) with a time
# limit; stderr goes to LOG. Returns its exit status.
guest() {
    local log=$1 prog=$2; shift 2
    timeout -k 5 "$LIMIT" "${RUN[@]}" "$P$prog" "$@" 2>"$log"
}

# check NAME COMMAND...: runs a shell function or command that returns 0
# when the task's result is right; its output is the failure detail.
# A time limit per check keeps one hang from stopping the suite.
check() {
    local name=$1; shift
    selected "$name" || return 0
    local t0 detail st
    t0=$(date +%s.%N)
    detail=$("$@" 2>&1)
    st=$?
    [ -n "${REALWORLD_TIMES:-}" ] && awk -v a="$t0" -v b="$(date +%s.%N)" -v n="$name" 'BEGIN { printf "  time %.1f s %s\n", b - a, n }'
    if [ "$st" = 0 ]; then result "$name" yes; else result "$name" no "$detail"; fi
}

# same_output NAME EXPECTED_FILE PROG ARGS...: the program's stdout (stdin
# from /dev/null) equals the expected file, and it exits 0.
same_output() {
    local name=$1 want=$2; shift 2
    local got=$OUT/$name.out st
    guest "$OUT/$name.err" "$@" </dev/null >"$got"
    st=$?
    if [ "$st" != 0 ]; then echo "exit $st"; tail -5 "$OUT/$name.err"; return 1; fi
    diff "$want" "$got" | head -20 && return 0
    return 1
}

# ---- input data -------------------------------------------------------------
awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) printf "%d line %x %s\n", int(rand() * 1e6), i, (i % 7 ? "abc" : "xyz") }' > "$W/data.txt"
# Incompressible bytes, then a compressible tail: covers stored and coded blocks.
head -c 262144 /dev/urandom > "$W/data.bin"
head -c 65536 "$W/data.txt" >> "$W/data.bin"
mkdir -p "$W/tree/src/lib" "$W/tree/docs" "$W/tree/empty"
for i in $(seq 1 30); do printf 'int f%d(void) { return %d; }\n' "$i" "$i" > "$W/tree/src/f$i.c"; done
for i in 1 2 3; do seq 1 $((i * 1000)) > "$W/tree/src/lib/part$i.h"; done
echo "read me" > "$W/tree/docs/README"
echo "spaced" > "$W/tree/docs/with space.txt"
: > "$W/tree/docs/zero"
cp "$W/data.bin" "$W/tree/blob.bin"
ln -s docs/README "$W/tree/link"
chmod 755 "$W/tree/src/f1.c"
touch -d '2020-01-02 03:04:05' "$W/tree/docs/README"

# ---- coreutils, findutils, tar, busybox -------------------------------------
sorted_like_host() { # ARGS for sort, on data.txt
    local want got
    want=$(sort "$@" "$W/data.txt" | sha256sum)
    got=$(guest "$OUT/sort.err" /usr/bin/sort "$@" "$W/data.txt" </dev/null | sha256sum)
    [ "$want" = "$got" ] || { echo "sort $* differs from the host's"; cat "$OUT/sort.err"; return 1; }
}
check "coreutils sort -n" sorted_like_host -n
check "coreutils sort -k3,3 -k1,1nr -s" sorted_like_host -k3,3 -k1,1nr -s
check "coreutils sort -u -t' ' -k2" sorted_like_host -u "-t " -k2

digests_like_host() {
    local tool=$1 want got
    want=$(cd "$W" && "$tool" data.txt data.bin tree/blob.bin)
    got=$(cd "$W" && guest "$OUT/$tool.err" "/usr/bin/$tool" data.txt data.bin tree/blob.bin </dev/null)
    [ "$want" = "$got" ] || { echo "want: $want"; echo "got:  $got"; cat "$OUT/$tool.err"; return 1; }
}
check "coreutils sha256sum" digests_like_host sha256sum
check "coreutils md5sum" digests_like_host md5sum
check "coreutils sha512sum" digests_like_host sha512sum

dd_like_host() {
    rm -f "$W/dd.out"
    guest "$OUT/dd.err" /usr/bin/dd if="$W/data.bin" of="$W/dd.out" bs=4096 skip=3 count=20 status=none </dev/null || { cat "$OUT/dd.err"; return 1; }
    cmp "$W/dd.out" <(dd if="$W/data.bin" bs=4096 skip=3 count=20 status=none) || return 1
    # conv=ucase,notrunc and seek: partial overwrite in place
    printf 'aaaaaaaaaa' > "$W/dd2.out"
    printf 'xyz' | guest "$OUT/dd.err" /usr/bin/dd of="$W/dd2.out" bs=1 seek=4 conv=ucase,notrunc status=none || { cat "$OUT/dd.err"; return 1; }
    [ "$(cat "$W/dd2.out")" = "aaaaXYZaaa" ] || { echo "dd conv: $(cat "$W/dd2.out")"; return 1; }
}
check "coreutils dd" dd_like_host

tar_roundtrip() {
    local tar=$1 tz=$2
    rm -rf "$W/t1" "$W/t2" "$W/t.tar"*
    mkdir -p "$W/t1" "$W/t2"
    # Guest creates, host extracts.
    guest "$OUT/tar.err" $tar -C "$W" -c${tz}f "$W/t.tar$tz" tree </dev/null || { echo "guest tar c failed"; cat "$OUT/tar.err"; return 1; }
    tar -C "$W/t1" -x${tz}f "$W/t.tar$tz" || return 1
    diff -r --no-dereference "$W/tree" "$W/t1/tree" || return 1
    [ "$(stat -c %a "$W/t1/tree/src/f1.c")" = 755 ] || { echo "mode lost"; return 1; }
    [ "$(stat -c %Y "$W/t1/tree/docs/README")" = "$(stat -c %Y "$W/tree/docs/README")" ] || { echo "mtime lost"; return 1; }
    # Host creates, guest lists and extracts.
    tar -C "$W" -c${tz}f "$W/t.host.tar$tz" tree
    [ "$(guest "$OUT/tar.err" $tar -t${tz}f "$W/t.host.tar$tz" </dev/null | sort)" = "$(tar -t${tz}f "$W/t.host.tar$tz" | sort)" ] ||
        { echo "guest tar t differs"; cat "$OUT/tar.err"; return 1; }
    guest "$OUT/tar.err" $tar -C "$W/t2" -x${tz}f "$W/t.host.tar$tz" </dev/null || { echo "guest tar x failed"; cat "$OUT/tar.err"; return 1; }
    diff -r --no-dereference "$W/tree" "$W/t2/tree"
}
check "tar round trip" tar_roundtrip /usr/bin/tar ""
check "tar -z round trip (execs gzip)" tar_roundtrip /usr/bin/tar z
check "busybox tar round trip" tar_roundtrip "/usr/bin/busybox tar" ""

find_like_host() {
    local want got
    want=$(cd "$W" && find tree "$@" | sort)
    got=$(cd "$W" && guest "$OUT/find.err" /usr/bin/find tree "$@" </dev/null | sort)
    [ "$want" = "$got" ] || { diff <(echo "$want") <(echo "$got") | head; cat "$OUT/find.err"; return 1; }
}
check "findutils find -name -type" find_like_host -type f -name '*.c'
check "findutils find -size -newer -perm" find_like_host \( -size +2k -o -newer "$W/tree/docs/README" -perm -u+x \) -not -type d
check "findutils find -exec sha256sum" find_like_host -name 'part*' -exec sha256sum {} +
check "findutils find -empty -printf" find_like_host -empty -printf '%p %y %s\n'

busybox_tasks() {
    local got
    got=$(guest "$OUT/bb.err" /usr/bin/busybox sha256sum "$W/data.bin" </dev/null)
    [ "$got" = "$(sha256sum "$W/data.bin")" ] || { echo "busybox sha256sum: $got"; return 1; }
    got=$(guest "$OUT/bb.err" /usr/bin/busybox sh -c "cd '$W' && find tree -name '*.[ch]' | sort | xargs cat | md5sum" </dev/null)
    [ "$got" = "$(cd "$W" && find tree -name '*.[ch]' | sort | xargs cat | md5sum)" ] || { echo "busybox sh pipeline: $got"; cat "$OUT/bb.err"; return 1; }
    got=$(guest "$OUT/bb.err" /usr/bin/busybox awk '{ s += $1 % 1000; n[$4]++ } END { print s, NR, n["xyz"] }' "$W/data.txt" </dev/null)
    [ "$got" = "$(awk '{ s += $1 % 1000; n[$4]++ } END { print s, NR, n["xyz"] }' "$W/data.txt")" ] || { echo "busybox awk: $got"; return 1; }
}
check "busybox sha256sum, sh pipeline, awk" busybox_tasks

# ---- scripting languages ----------------------------------------------------
check "bash script" same_output bash "$EXPECTED/bash.out" /bin/bash "$TASKS/script.sh"
check "python3 script" same_output python3 "$EXPECTED/python3.out" /usr/bin/python3 "$TASKS/task.py"
check "lua5.4 script" same_output lua5.4 "$EXPECTED/lua5.4.out" /usr/bin/lua5.4 "$TASKS/task.lua"
check "perl script" same_output perl "$EXPECTED/perl.out" /usr/bin/perl "$TASKS/task.pl"
sqlite_task() {
    rm -f "$W/task.db"
    guest "$OUT/sqlite.err" /usr/bin/sqlite3 -batch "$W/task.db" <"$TASKS/task.sql" >"$OUT/sqlite3.out" || { cat "$OUT/sqlite.err"; return 1; }
    diff "$EXPECTED/sqlite3.out" "$OUT/sqlite3.out" | head -20 || return 1
    [ "$(guest "$OUT/sqlite.err" /usr/bin/sqlite3 "$W/task.db" 'select count(*) from t;' </dev/null)" = 5000 ] || { echo "database file not persistent"; return 1; }
}
check "sqlite3 database file" sqlite_task
python_threads() {
    local got
    got=$(guest "$OUT/pythr.err" /usr/bin/python3 -c '
import threading, queue
q = queue.Queue()
def work(n): q.put(sum(range(n)))
ts = [threading.Thread(target=work, args=(10000 * (i + 1),)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(q.get() for _ in ts))' </dev/null)
    [ "$got" = "[49995000, 199990000, 449985000, 799980000]" ] || { echo "got: $got"; tail -3 "$OUT/pythr.err"; return 1; }
}
check "python3 threading" python_threads
# V8 tiers: --jitless interprets only; --no-opt keeps the baseline
# compiler (Sparkplug) but not the optimizing one (TurboFan); the default
# uses all of them.
check "node script" same_output node "$EXPECTED/node.out" /usr/bin/node "$TASKS/task.js"
check "node script (--no-opt: no TurboFan)" same_output node-noopt "$EXPECTED/node.out" /usr/bin/node --no-opt "$TASKS/task.js"
[ "$QUICK" = no ] && check "node script (--jitless)" same_output node-jitless "$EXPECTED/node.out" /usr/bin/node --jitless "$TASKS/task.js"

# ---- compressors --------------------------------------------------------------
# roundtrip NAME PROG COMPRESS_ARGS DECOMPRESS_ARGS HOST_TOOL: the guest
# compresses and decompresses both files; the host's tool (when installed)
# must decompress the guest's output, and the guest the host's.
roundtrip() {
    local prog=$1 cargs=$2 dargs=$3 host=$4 f
    for f in data.txt data.bin; do
        guest "$OUT/z.err" "$prog" $cargs <"$W/$f" >"$W/$f.z" || { echo "compress $f: exit $?"; cat "$OUT/z.err"; return 1; }
        guest "$OUT/z.err" "$prog" $dargs <"$W/$f.z" | cmp - "$W/$f" || { echo "guest round trip of $f"; cat "$OUT/z.err"; return 1; }
        if command -v "$host" >/dev/null; then
            "$host" -dc <"$W/$f.z" | cmp - "$W/$f" || { echo "host $host cannot read the guest's $f"; return 1; }
            "$host" -c <"$W/$f" >"$W/$f.hz"
            guest "$OUT/z.err" "$prog" $dargs <"$W/$f.hz" | cmp - "$W/$f" || { echo "guest cannot read the host's $f"; return 1; }
        fi
    done
}
check "gzip round trip" roundtrip /usr/bin/gzip "-9 -c" "-dc" gzip
check "xz round trip" roundtrip /usr/bin/xz "-3 -c" "-dc" xz
check "xz -T2 round trip" roundtrip /usr/bin/xz "-T2 -c" "-dc" xz
check "bzip2 round trip" roundtrip /usr/bin/bzip2 "-9 -c" "-dc" bzip2
check "zstd round trip (--single-thread --no-asyncio)" roundtrip /usr/bin/zstd "-15 --single-thread --no-asyncio -c -q" "-dc -q --no-asyncio" zstd
check "zstd round trip (-T2, asynchronous I/O)" roundtrip /usr/bin/zstd "-3 -T2 -c -q" "-dc -q" zstd

sevenzip() {
    local mt=$1
    rm -rf "$W/7x" "$W/t.7z"
    guest "$OUT/7z.err" /usr/bin/7zz a -bd -snl -mmt"$mt" "$W/t.7z" "$W/tree" </dev/null >"$OUT/7z.out" || { tail -5 "$OUT/7z.out"; cat "$OUT/7z.err"; return 1; }
    guest "$OUT/7z.err" /usr/bin/7zz t -bd -mmt"$mt" "$W/t.7z" </dev/null >"$OUT/7z.out" || { tail -5 "$OUT/7z.out"; return 1; }
    grep -q '^Everything is Ok' "$OUT/7z.out" || { echo "7zz t did not say Everything is Ok"; return 1; }
    guest "$OUT/7z.err" /usr/bin/7zz x -bd -mmt"$mt" -o"$W/7x" "$W/t.7z" </dev/null >"$OUT/7z.out" || { tail -5 "$OUT/7z.out"; return 1; }
    diff -r --no-dereference "$W/tree" "$W/7x/tree"
}
check "7zz a/t/x -mmt1" sevenzip 1
check "7zz a/t/x -mmt2" sevenzip 2
sevenzip_bench() {
    # One pass with a 32 KiB dictionary; 7-Zip checks its own decoded data
    # (a mismatch is "ERROR: Decoding error"). Each pass runs for a time
    # 7-Zip calibrates, long under an interpreter: a longer time limit.
    local LIMIT=$((LIMIT * 5))
    guest "$OUT/7zb.err" /usr/bin/7zz b 1 -mmt1 -md15 </dev/null >"$OUT/7zb.out" || { tail -5 "$OUT/7zb.out"; cat "$OUT/7zb.err"; return 1; }
    grep -q '^Tot:' "$OUT/7zb.out" || { tail -5 "$OUT/7zb.out"; return 1; }
}
[ "$QUICK" = no ] && check "7zz b (one pass, one thread)" sevenzip_bench

# ---- openssl ---------------------------------------------------------------
# OPENSSL_armcap overrides the HWCAP-based choice of code paths: 0 is plain
# ARMv4 code, 1 forces the NEON paths, 0x3d NEON plus the ARMv8 AES, SHA-1,
# SHA-256 and PMULL instructions; unset, HWCAP/HWCAP2 decide (the ARMv8
# instructions when AT_HWCAP2 claims them).
openssl_dgst() {
    local cap=$1 alg want got
    for alg in sha256 sha1 sha512 md5; do
        want=$("${alg}sum" "$W/data.bin" | cut -d' ' -f1)
        got=$(env ${cap:+OPENSSL_armcap=$cap} "${RUN[@]}" "$P/usr/bin/openssl" dgst -"$alg" -r "$W/data.bin" 2>"$OUT/ssl.err" </dev/null | cut -d' ' -f1)
        [ "$want" = "$got" ] || { echo "$alg: want $want got $got"; cat "$OUT/ssl.err"; return 1; }
    done
}
openssl_enc() {
    local cap=$1 c
    for c in aes-128-cbc aes-256-ctr chacha20; do
        env ${cap:+OPENSSL_armcap=$cap} timeout "$LIMIT" "${RUN[@]}" "$P/usr/bin/openssl" enc -"$c" -pbkdf2 -iter 1000 \
            -pass pass:a32run -in "$W/data.bin" -out "$W/ssl.$c" 2>"$OUT/ssl.err" </dev/null || { echo "enc $c"; cat "$OUT/ssl.err"; return 1; }
        env ${cap:+OPENSSL_armcap=$cap} timeout "$LIMIT" "${RUN[@]}" "$P/usr/bin/openssl" enc -d -"$c" -pbkdf2 -iter 1000 \
            -pass pass:a32run -in "$W/ssl.$c" -out "$W/ssl.$c.back" 2>"$OUT/ssl.err" </dev/null || { echo "dec $c"; cat "$OUT/ssl.err"; return 1; }
        cmp "$W/ssl.$c.back" "$W/data.bin" || return 1
        if command -v openssl >/dev/null; then
            openssl enc -d -"$c" -pbkdf2 -iter 1000 -pass pass:a32run -in "$W/ssl.$c" | cmp - "$W/data.bin" ||
                { echo "host openssl cannot decrypt the guest's $c"; return 1; }
        fi
    done
}
check "openssl dgst" openssl_dgst ""
check "openssl dgst (OPENSSL_armcap=0: plain ARM)" openssl_dgst 0
check "openssl dgst (OPENSSL_armcap=1: NEON)" openssl_dgst 1
check "openssl enc round trips" openssl_enc ""
check "openssl enc round trips (OPENSSL_armcap=1: NEON)" openssl_enc 1
check "openssl dgst (OPENSSL_armcap=0x3d: ARMv8 AES/SHA/PMULL)" openssl_dgst 0x3d
check "openssl enc round trips (OPENSSL_armcap=0x3d: ARMv8 AES/SHA/PMULL)" openssl_enc 0x3d
openssl_speed() {
    # One second per algorithm (SIGALRM ends each run), one block size.
    guest "$OUT/speed.err" /usr/bin/openssl speed -seconds 1 -bytes 16384 -evp aes-128-gcm </dev/null >"$OUT/speed.out" || { cat "$OUT/speed.err"; return 1; }
    guest "$OUT/speed.err" /usr/bin/openssl speed -seconds 1 -bytes 16384 sha256 </dev/null >>"$OUT/speed.out" || { cat "$OUT/speed.err"; return 1; }
    grep -Eq '^AES-128-GCM +[0-9.]+k' "$OUT/speed.out" && grep -Eq '^sha256 +[0-9.]+k' "$OUT/speed.out" ||
        { echo "no result lines:"; tail -4 "$OUT/speed.out"; return 1; }
    grep -E '^(AES-128-GCM|sha256) ' "$OUT/speed.out" | sed 's/^/    /'
}
check "openssl speed -seconds 1" openssl_speed

# ---- stress-ng -------------------------------------------------------------
# stress_ng NAME SECONDS ARGS...: one stressor with --verify; exit 0 and a
# "passed: 1" summary line are required.
stress_ng() {
    local secs=$1; shift
    rm -rf "$W/stress"
    mkdir -p "$W/stress"
    guest "$OUT/stress.err" /usr/bin/stress-ng --verify --timeout "$secs" --temp-path "$W/stress" \
        --metrics-brief --log-brief "$@" </dev/null >"$OUT/stress.out"
    local st=$? stressor=${1#--}
    # A stressor that could not start (pthread_create failing, say) still
    # ends with "successful run completed": require bogo ops and no warning.
    if [ "$st" != 0 ] || ! grep -q 'successful run completed' "$OUT/stress.out" "$OUT/stress.err" ||
       grep -Ehi 'fail|error|warning|prematurely' "$OUT/stress.out" "$OUT/stress.err" | grep -qv 'failed: 0' ||
       ! awk -v s="$stressor" '$1 == s && $2 ~ /^[0-9]+$/ && $2 > 0 { ok = 1 } END { exit !ok }' "$OUT/stress.out" "$OUT/stress.err"; then
        echo "stress-ng $* exit $st"
        grep -hv '^ *$' "$OUT/stress.out" "$OUT/stress.err" | tail -8
        return 1
    fi
}
short=2
[ "$QUICK" = yes ] && short=1
check "stress-ng cpu" stress_ng $short --cpu 1 --cpu-method all
check "stress-ng vm" stress_ng $short --vm 1 --vm-bytes 4m --vm-method all
check "stress-ng memcpy" stress_ng $short --memcpy 1
check "stress-ng malloc" stress_ng $short --malloc 1
check "stress-ng fork" stress_ng $short --fork 1
check "stress-ng hdd" stress_ng $short --hdd 1 --hdd-bytes 1m
check "stress-ng pipe" stress_ng $short --pipe 1
check "stress-ng sigq" stress_ng $short --sigq 1
check "stress-ng sigsegv" stress_ng $short --sigsegv 1
check "stress-ng futex" stress_ng $short --futex 1
check "stress-ng pthread" stress_ng $short --pthread 1

# ---- Go ---------------------------------------------------------------------
go_program() {
    local st
    bash tests/realworld/go/build.sh "$OUT/goprog" || { echo "go build failed"; return 1; }
    timeout -k 5 "$LIMIT" "${A32RUN[@]}" "$OUT/goprog" </dev/null >"$OUT/go.out" 2>"$OUT/go.err"
    st=$?
    [ "$st" = 0 ] && diff "$EXPECTED/go.out" "$OUT/go.out" && return 0
    echo "exit $st"; head -5 "$OUT/go.err"; return 1
}
if command -v go >/dev/null; then
    check "go program (GOARCH=arm GOARM=7)" go_program
elif selected go; then
    echo "  (no Go toolchain: the Go program is not built; apt-get install golang-go)"
fi

echo "realworld: $(( $(date +%s) - suite_start ))s"
echo "realworld: $PASSED passed, $FAILED failed$([ "$SKIPPED" -gt 0 ] && echo ", $SKIPPED skipped")"
[ "$FAILED" = 0 ]
