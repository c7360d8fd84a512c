#!/usr/bin/env bash
# Installs what a32run's build, tests and benchmarks need, from Debian's
# packages. Idempotent: does nothing when everything is present.
# Runs as root, or through sudo otherwise.
set -euo pipefail

packages=(
    make gcc clang
    gcc-arm-linux-gnueabihf libc6-dev-armhf-cross binutils-arm-linux-gnueabihf
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross
    qemu-user
    python3 bc
    # host tools that check the real-world suite's results (tests/realworld)
    xz-utils bzip2 zstd openssl
    # cross-builds the Go program of tests/realworld/go (GOARCH=arm GOARM=7);
    # about 80 MB of .debs
    golang-go
    # native builds of the programs make bench compares against (bench/)
    lua5.4 7zip sqlite3 gzip
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
fi

echo "install-deps: installing ${missing[*]}" >&2
# One failing index (seen: a suite mid-sync) must not stop us if the
# packages we need are still installable; check that afterwards instead.
$sudo apt-get update -q >&2 || echo "install-deps: apt-get update reported an error; trying anyway" >&2
if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    echo "install-deps: could not install: ${missing[*]} (see apt output above)" >&2
    exit 1
fi
