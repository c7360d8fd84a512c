#!/usr/bin/env bash
# Builds a Debian armhf sysroot for a32run -L from Debian's own packages:
#
#   scripts/make-sysroot.sh [DIR]         (default: build-sysroot)
#   SYSROOT_PACKAGES="..." scripts/make-sysroot.sh DIR   (other package set)
#
# Nothing is installed on the machine: apt runs with a private state and
# cache (DIR.apt/) and APT::Architecture=armhf, reading this machine's own
# sources (/etc/apt/sources.list, sources.list.d/*.list and *.sources), so
# no mirror is hard-coded. apt resolves the dependency closure of the
# package list against an empty dpkg status (--download-only), and every
# .deb is unpacked with dpkg-deb -x into DIR; /bin, /sbin and /lib are
# then merged into /usr as on an installed Debian 12 system. No maintainer
# scripts run, so there is no /etc/ld.so.cache (the armhf ld.so searches
# its default directories) and no alternatives links.
#
# Idempotent: DIR/.a32run-sysroot lists the requested and the unpacked
# packages; a second run with the same list does nothing. A failing index
# during `apt-get update` (a mirror mid-sync) is a warning; the script fails
# only if the packages cannot be resolved afterwards.
set -euo pipefail

DIR=${1:-build-sysroot}
PACKAGES=${SYSROOT_PACKAGES:-"libc6 busybox coreutils bash lua5.4 sqlite3 gzip xz-utils"}
DIR=${DIR%/}
STAMP="$DIR/.a32run-sysroot"
APTDIR="$DIR.apt"
requested="requested: $(echo "$PACKAGES" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')"

die() { echo "make-sysroot: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

if [ -f "$STAMP" ] && grep -qxF "$requested" "$STAMP"; then
    echo "make-sysroot: $DIR is up to date ($(du -sh "$DIR" | cut -f1); $(grep -c '^unpacked ' "$STAMP") packages)"
    exit 0
fi

for tool in apt-get dpkg-deb; do
    command -v "$tool" >/dev/null || die "$tool not found (a Debian or Ubuntu machine is needed)"
done
have_sources=no
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -s "$f" ] && have_sources=yes
done
if [ "$have_sources" = no ]; then
    die "no apt sources on this machine (/etc/apt/sources.list, /etc/apt/sources.list.d/)"
fi

start=$(now)
mkdir -p "$APTDIR"/state/lists/partial "$APTDIR"/cache/archives/partial "$APTDIR"/etc/preferences.d
: > "$APTDIR/state/status"          # nothing installed: apt resolves everything
APTDIR=$(cd "$APTDIR" && pwd)

# Command-line options are applied after every configuration file, so the
# machine's apt.conf.d (proxies, keyrings) still applies but cannot move
# state, cache, architecture or pinning back to the system's.
APT_OPTS=(
    -o "APT::Architecture=armhf"
    -o "APT::Architectures::=armhf"
    -o "Dir::State=$APTDIR/state"
    -o "Dir::State::status=$APTDIR/state/status"
    -o "Dir::Cache=$APTDIR/cache"
    -o "Dir::Cache::archives=$APTDIR/cache/archives"
    -o "Dir::Etc::Preferences=$APTDIR/etc/preferences"
    -o "Dir::Etc::PreferencesParts=$APTDIR/etc/preferences.d"
    -o "Dir::Log=$APTDIR"
    -o "APT::Install-Recommends=false"
    -o "APT::Install-Suggests=false"
    -o "Acquire::Languages=none"
    -o "Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false"
    -o "Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false"
    -o "APT::Update::Post-Invoke-Success::="
    -o "Debug::NoLocking=true"
)
# As root apt downloads as _apt, which cannot write to a private directory
# owned by root: download as the caller instead.
[ "$(id -u)" = 0 ] && APT_OPTS+=(-o "APT::Sandbox::User=root")
apt_private() { apt-get "${APT_OPTS[@]}" "$@"; }

echo "make-sysroot: updating armhf package indexes in $APTDIR"
t=$(now)
if ! apt_private -q update >"$APTDIR/update.log" 2>&1; then
    echo "make-sysroot: warning: apt-get update reported errors (continuing; see $APTDIR/update.log):" >&2
    grep -E '^(E|W):' "$APTDIR/update.log" | head -5 >&2 || true
fi
echo "make-sysroot: indexes: $(elapsed "$t")"

# shellcheck disable=SC2086   # word splitting of the package list is intended
if ! apt_private -q -s install $PACKAGES >"$APTDIR/resolve.log" 2>&1; then
    sed -n '/^E:/p;/^ /p' "$APTDIR/resolve.log" | head -20 >&2
    die "cannot resolve armhf packages: $PACKAGES (see $APTDIR/resolve.log)"
fi

echo "make-sysroot: downloading $PACKAGES and their dependencies"
t=$(now)
# shellcheck disable=SC2086
apt_private -q -y --download-only install $PACKAGES >"$APTDIR/download.log" 2>&1 ||
    { tail -5 "$APTDIR/download.log" >&2; die "download failed (see $APTDIR/download.log)"; }
mapfile -t debs < <(ls "$APTDIR"/cache/archives/*.deb 2>/dev/null | sort)
[ "${#debs[@]}" -gt 0 ] || die "apt downloaded nothing (see $APTDIR/download.log)"
echo "make-sysroot: ${#debs[@]} packages, $(du -ch "${debs[@]}" | tail -1 | cut -f1) of .debs: $(elapsed "$t")"

# Unpack into a fresh directory and move it into place at the end, so an
# interrupted run never leaves a half-built sysroot that looks complete.
t=$(now)
NEW="$DIR.new"
rm -rf "$NEW"
mkdir -p "$NEW"
: > "$NEW/.a32run-sysroot.tmp"
for deb in "${debs[@]}"; do
    dpkg-deb -x "$deb" "$NEW" || die "cannot unpack $deb"
    echo "unpacked $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" >> "$NEW/.a32run-sysroot.tmp"
done

# Merged /usr (Debian 12 systems are): /bin -> usr/bin and so on. Relative
# links inside the moved trees stay valid; nothing is lost, since in a
# merged-/usr distribution no package ships the same path in both places.
for d in bin sbin lib; do
    if [ -d "$NEW/$d" ] && [ ! -L "$NEW/$d" ]; then
        mkdir -p "$NEW/usr/$d"
        cp -a "$NEW/$d/." "$NEW/usr/$d/"
        rm -rf "${NEW:?}/$d"
    fi
    [ -e "$NEW/$d" ] || ln -s "usr/$d" "$NEW/$d"
done
mkdir -p "$NEW/etc"
[ -e "$NEW/lib/ld-linux-armhf.so.3" ] || die "no /lib/ld-linux-armhf.so.3 after unpacking (was libc6 in the list?)"

{ echo "$requested"; sort "$NEW/.a32run-sysroot.tmp"; } > "$NEW/.a32run-sysroot"
rm -f "$NEW/.a32run-sysroot.tmp"
rm -rf "$DIR"
mv "$NEW" "$DIR"
echo "make-sysroot: unpacked into $DIR: $(elapsed "$t")"
echo "make-sysroot: done: $DIR, $(du -sh "$DIR" | cut -f1), ${#debs[@]} packages, $(elapsed "$start") in all"
