#!/usr/bin/env bash
# Cross-builds tests/realworld/go/goprog.go for 32-bit ARM (GOARCH=arm
# GOARM=7: ARMv7 with VFP) into OUT (default build-tests/realworld/goprog)
# with the host's Go toolchain (Debian's golang-go). Static by nature: the
# Go runtime uses no libc. Exits 3 when no Go toolchain is installed.
set -euo pipefail
OUT=${1:-build-tests/realworld/goprog}
command -v go >/dev/null || { echo "go-build: no Go toolchain (install golang-go)" >&2; exit 3; }
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
cd "$(dirname "$0")"
# A private cache inside the build tree keeps the host's $HOME clean and
# works for any user.
cache=$(cd "$(dirname "$OUT")" && pwd)/go-cache
CGO_ENABLED=0 GOOS=linux GOARCH=arm GOARM=7 GOCACHE="$cache" GOPATH="$cache/path" GO111MODULE=off GOFLAGS= \
    go build -trimpath -o "$OUT" goprog.go
