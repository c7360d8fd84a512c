#!/usr/bin/env bash
# make demo: builds a32run, cross-compiles examples/hello.c as a static
# 32-bit ARM program (Thumb-2, Debian armhf's default) and runs it.
set -eu
cd "$(dirname "$0")/.."
make -s -j2 all
mkdir -p build-tests
arm-linux-gnueabihf-gcc -static -O2 -o build-tests/hello-arm examples/hello.c
echo "\$ file build-tests/hello-arm"
file build-tests/hello-arm 2>/dev/null || true
echo "\$ build/a32run build-tests/hello-arm"
build/a32run build-tests/hello-arm
