#!/bin/bash
# tests/realworld: a bash script using what real scripts use: arrays and
# associative arrays, functions and recursion in command substitutions
# (forks), pipes and external programs (execve of other guest programs),
# here-documents, traps (EXIT and a signal), background jobs, 64-bit
# arithmetic on a 32-bit machine, printf formatting and a temporary dir.
set -euo pipefail
export LC_ALL=C

declare -A count
words=(pear apple fig apple pear apple)
for w in "${words[@]}"; do count[$w]=$(( ${count[$w]:-0} + 1 )); done
for k in $(printf '%s\n' "${!count[@]}" | sort); do echo "$k=${count[$k]}"; done

fib() { local n=$1; if (( n < 2 )); then echo "$n"; else echo $(( $(fib $((n - 1))) + $(fib $((n - 2))) )); fi; }
echo "fib(9)=$(fib 9)"

str="The quick brown fox"
echo "${str^^} ${#str} ${str// /_} ${str:4:5} ${str#* } ${str%% *}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo cleaned' EXIT
printf '%s\n' 30 4 200 1 > "$tmp/n"
sort -n "$tmp/n" | paste -sd, -
echo "sum $(( $(seq 1 1000 | paste -sd+ -) ))"
seq 1 500 > "$tmp/seq"
wc -l < "$tmp/seq"
sha256sum "$tmp/seq" | cut -c1-16
while read -r a b; do echo "$b $a"; done <<'DOC'
one 1
two 2
DOC
case "armv7l" in arm*) echo case-ok ;; *) echo case-bad ;; esac
status=0; (exit 3) || status=$?; echo "subshell status $status"
echo "$(( 2**31 - 1 )) $(( -7 / 2 )) $(( -7 % 2 )) $(( 1 << 40 )) $(( 0x7fffffff * 3 ))"
printf '%05.2f|%-4s|%x|%o|%s\n' 3.14159 ab 255 8 "$(printf '%q' 'a b')"
got=none
trap 'got=USR1' USR1
kill -USR1 $$
echo "trap: $got"
sleep 0.1 &
wait $! && echo "background job done"
{ echo one; echo two >&2; } 2>&1 | tr a-z A-Z
IFS=: read -r x y z <<< "a:b:c"; echo "$z$y$x"
arr=(3 1 2); IFS=$'\n' sorted=($(sort <<<"${arr[*]}")); unset IFS; echo "${sorted[*]}"
echo "uname: $(uname -m | cut -c1-3)"
