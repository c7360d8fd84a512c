#!/usr/bin/env bash
# Builds a Debian armhf sysroot for a32run -L from Debian's own packages:
#
#   scripts/make-sysroot.sh [--profile NAME] [DIR]     (default: base, build-sysroot)
#   SYSROOT_PACKAGES="..." scripts/make-sysroot.sh DIR  (an explicit package list)
#
# Profiles (SYSROOT_PROFILE=NAME works too):
#   base       libc6 busybox coreutils bash lua5.4 sqlite3 gzip xz-utils
#   realworld  base + what tests/realworld needs: dash (/bin/sh), tar,
#              findutils, grep, sed, diffutils, perl, python3, bzip2, zstd,
#              7zip (7zz), openssl, stress-ng, nodejs
#   python     base + dash, python3 (3.11) and libpython3.11-testsuite
#   full       realworld + python (what `make check-realworld`,
#              `make check-python` and tests/run-all.sh use)
#
# Nothing is installed on the machine: apt runs with a private state and
# cache (DIR.apt/) and APT::Architecture=armhf, reading this machine's own
# sources (/etc/apt/sources.list, sources.list.d/*.list and *.sources), so
# no mirror is hard-coded. apt resolves the dependency closure of the
# package list against an empty dpkg status (--download-only), and every
# .deb of that closure is unpacked with dpkg-deb -x into DIR; /bin, /sbin
# and /lib are then merged into /usr as on an installed Debian 12 system.
# No maintainer scripts run, so there is no /etc/ld.so.cache (the armhf
# ld.so searches its default directories) and no alternatives links.
#
# Idempotent and cached: DIR/.a32run-sysroot lists the requested and the
# unpacked packages. A run whose packages were all requested before does
# nothing (so a `full` sysroot also serves `base`); otherwise the sysroot is
# rebuilt for the union of the old and the new requests, downloading only
# the .debs that are not in DIR.apt/cache yet. Concurrent runs on the same
# DIR wait for each other (flock on DIR.lock). A failing index during
# `apt-get update` (a mirror mid-sync) is a warning; the script fails only
# if the packages cannot be resolved or downloaded afterwards.
set -euo pipefail

PROFILE=${SYSROOT_PROFILE:-base}
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) PROFILE=${2:?--profile needs a name}; shift 2 ;;
        --profile=*) PROFILE=${1#*=}; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "make-sysroot: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
DIR=${1:-build-sysroot}

profile_packages() {
    local base="libc6 busybox coreutils bash lua5.4 sqlite3 gzip xz-utils"
    local realworld="dash tar findutils grep sed diffutils perl python3 bzip2 zstd 7zip openssl stress-ng nodejs"
    local python="dash python3 python3.11 libpython3.11-testsuite"
    case "$1" in
        base) echo "$base" ;;
        realworld) echo "$base $realworld" ;;
        python) echo "$base $python" ;;
        full) echo "$base $realworld $python" ;;
        *) echo "make-sysroot: unknown profile '$1' (base, realworld, python, full)" >&2; return 1 ;;
    esac
}
if [ -n "${SYSROOT_PACKAGES:-}" ]; then
    PACKAGES=$SYSROOT_PACKAGES
else
    PACKAGES=$(profile_packages "$PROFILE") || exit 2
fi
DIR=${DIR%/}
STAMP="$DIR/.a32run-sysroot"
APTDIR="$DIR.apt"
sorted_words() { tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' '; }

die() { echo "make-sysroot: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# The packages requested by earlier runs (first line of the stamp).
previous_request() { [ -f "$STAMP" ] && sed -n '1s/^requested: //p' "$STAMP"; return 0; }
# Succeeds when every package of the list was requested before.
satisfied() {
    local have p
    have=" $(previous_request) "
    for p in $PACKAGES; do
        case "$have" in *" $p "*) ;; *) return 1 ;; esac
    done
}
up_to_date_message() {
    echo "make-sysroot: $DIR is up to date ($(du -sh "$DIR" | cut -f1); $(grep -c '^unpacked ' "$STAMP") packages)"
}

if satisfied; then up_to_date_message; exit 0; fi

mkdir -p "$(dirname "$DIR")"
if command -v flock >/dev/null; then
    exec 9>"$DIR.lock"
    if ! flock -n 9; then
        echo "make-sysroot: waiting for another make-sysroot on $DIR"
        flock 9
    fi
    if satisfied; then up_to_date_message; exit 0; fi
fi
# The sysroot only grows: keep what earlier runs asked for.
PACKAGES=$(echo "$PACKAGES $(previous_request)" | sorted_words)
requested="requested: $PACKAGES"

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
# The closure, as "name version arch" from the simulation's "Inst" lines:
# only these .debs are unpacked (the cache may hold older versions).
mapfile -t closure < <(sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) [^[]*\[\([a-z0-9]*\)\]).*$/\1 \2 \3/p' "$APTDIR/resolve.log")
[ "${#closure[@]}" -gt 0 ] || die "no packages in the resolution (see $APTDIR/resolve.log)"

echo "make-sysroot: downloading $PACKAGES and their dependencies (${#closure[@]} packages)"
t=$(now)
# shellcheck disable=SC2086
apt_private -q -y --download-only install $PACKAGES >"$APTDIR/download.log" 2>&1 ||
    { tail -5 "$APTDIR/download.log" >&2; die "download failed (see $APTDIR/download.log)"; }
debs=()
for entry in "${closure[@]}"; do
    read -r name version arch <<<"$entry"
    # apt names files NAME_VERSION_ARCH.deb with the epoch colon as %3a.
    deb="$APTDIR/cache/archives/${name}_${version/:/%3a}_${arch}.deb"
    [ -f "$deb" ] || die "apt did not download $deb (see $APTDIR/download.log)"
    debs+=("$deb")
done
# Drop cached .debs no longer in the closure (superseded versions).
for deb in "$APTDIR"/cache/archives/*.deb; do
    case " ${debs[*]} " in *" $deb "*) ;; *) rm -f "$deb" ;; esac
done
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

# Byte-compile Python's library as Debian's postinst (py3compile) would:
# without .pyc files every guest python3 compiles each module it imports
# at every start, which under emulation costs seconds. The .pyc format
# depends only on the Python version (cache tag), not on the CPU, so the
# host's python3 of the same version does it; otherwise this is skipped.
for libdir in "$NEW"/usr/lib/python3.[0-9]*; do
    [ -d "$libdir" ] || continue
    ver=${libdir##*/python}
    tag="cpython-${ver/./}"
    if command -v python3 >/dev/null &&
       [ "$(python3 -c 'import sys; print(sys.implementation.cache_tag)' 2>/dev/null)" = "$tag" ]; then
        tc=$(now)
        # Some files are deliberately invalid (test data): -qq, status ignored.
        python3 -m compileall -qq -j 2 -d "/usr/lib/python$ver" "$libdir" >/dev/null 2>&1 || true
        echo "make-sysroot: byte-compiled /usr/lib/python$ver with the host's python3: $(elapsed "$tc")"
    else
        echo "make-sysroot: note: no host python3 with cache tag $tag: /usr/lib/python$ver not byte-compiled (slower guest starts)"
    fi
done

{ echo "$requested"; sort "$NEW/.a32run-sysroot.tmp"; } > "$NEW/.a32run-sysroot"
rm -f "$NEW/.a32run-sysroot.tmp"
rm -rf "$DIR"
mv "$NEW" "$DIR"
echo "make-sysroot: unpacked into $DIR: $(elapsed "$t")"
echo "make-sysroot: done: $DIR, $(du -sh "$DIR" | cut -f1), ${#debs[@]} packages, $(elapsed "$start") in all"
