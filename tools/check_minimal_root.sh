#!/bin/sh
# The patient bundle's launcher on a machine that lacks what Qt needs (issue 25, item 11), checked in
# a minimal Debian 12 made with debootstrap. Not run in CI: it needs root, Debian's mirror and a few
# minutes. What it showed last time is in docs/PACKAGING.md ("A machine without the libraries").
#
#   sudo tools/check_minimal_root.sh dist/decision-aid-VERSION-linux-x86_64.tar.gz [ROOT]
#
# ROOT (default /tmp/decision-aid-minimal-root) is made with debootstrap --variant=minbase when it
# does not exist, and kept for the next run. Needs debootstrap, Xvfb and xdotool on this machine;
# SCREENSHOT_PYTHON=.venv/bin/python (a Python with PySide6) saves what the virtual screen shows
# to ROOT/../minimal-root-*.png.
#   1. Without the libraries: `estimate` works (it needs no Qt); the window is refused with the plain
#      message on the terminal and exit status 1; with xmessage installed, the same message in a dialog.
#   2. The Debian packages the message names are installed, nothing else.
#   3. With them: the sheet, a screenshot (offscreen) and the real window under Xvfb.
set -eu

archive=$(readlink -f "$1")
root=${2:-/tmp/decision-aid-minimal-root}
display=${CHECK_DISPLAY:-:97}
profile="--age 38 --course rrms --edss 4.0 --prior-dmts 3"

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

if [ ! -d "$root/usr" ]; then
    say "debootstrap --variant=minbase bookworm $root"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$root.debootstrap.log"
fi
rm -rf "$root/opt/bundle"
mkdir -p "$root/opt/bundle" "$root/tmp/.X11-unix"
tar -xzf "$archive" -C "$root/opt/bundle"
start=/$(cd "$root" && ls -d opt/bundle/*/start-decision-aid)
cp /etc/resolv.conf "$root/etc/resolv.conf"

xvfb_pid=""
cleanup() {
    umount "$root/tmp/.X11-unix" 2> /dev/null || true
    umount "$root/proc" 2> /dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null || true
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
sleep 2
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"

inroot() { chroot "$root" env -i HOME=/tmp PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
grab() {  # grab NAME: what the virtual screen shows, as ROOT/../minimal-root-NAME.png
    [ -n "${SCREENSHOT_PYTHON:-}" ] || return 0
    DISPLAY=$display QT_QPA_PLATFORM=xcb "$SCREENSHOT_PYTHON" -c "import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0).save(sys.argv[1])" "$(dirname "$root")/minimal-root-$1.png"
}
window_of() { DISPLAY=$display xdotool search --sync --name "$1" 2> /dev/null | head -n 1; }

say "1. without the libraries"
inroot "$start" estimate $profile > /dev/null || fail "estimate (no Qt) did not run"
echo "estimate: ok (needs no Qt)"
set +e
inroot DISPLAY="$display" "$start" $profile
status=$?
set -e
[ "$status" = 1 ] || fail "the window without the libraries ended with status $status, not 1"
echo "exit status: $status"
packages=$(inroot "$start" 2>&1 | sed -n 's/^ *sudo apt-get install//p')
[ -n "$packages" ] || fail "the message names no Debian package"

say "1b. the same message in a dialog (xmessage, from x11-utils)"
inroot apt-get update -qq
inroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends x11-utils > /dev/null
inroot DISPLAY="$display" "$start" $profile 2> /dev/null &
launcher=$!
dialog=$(window_of "AHSCT decision aid")
[ -n "$dialog" ] || fail "no dialog appeared"
echo "dialog: window $dialog, $(DISPLAY=$display xdotool getwindowname "$dialog")"
grab dialog
DISPLAY=$display xdotool windowkill "$dialog"
set +e
wait "$launcher"
status=$?
set -e
[ "$status" = 1 ] || fail "the launcher with the dialog ended with status $status, not 1"
inroot env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq --auto-remove x11-utils > /dev/null

say "2. apt-get install$packages"
inroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages > /dev/null

say "3. with them"
inroot "$start" sheet -o /tmp/sheet.pdf $profile || fail "sheet"
head -c 5 "$root/tmp/sheet.pdf" | grep -q '%PDF-' || fail "sheet.pdf is not a PDF"
echo "sheet: $(wc -c < "$root/tmp/sheet.pdf") bytes"
inroot QT_QPA_PLATFORM=offscreen "$start" --screenshot /tmp/window.png $profile || fail "--screenshot"
cp "$root/tmp/window.png" "$(dirname "$root")/minimal-root-screenshot.png"
echo "screenshot: $(dirname "$root")/minimal-root-screenshot.png"
inroot DISPLAY="$display" "$start" $profile &
program=$!
window=$(window_of "decision aid")
[ -n "$window" ] || fail "the window did not appear"
sleep 3
echo "window: $(DISPLAY=$display xdotool getwindowname "$window"), $(DISPLAY=$display xdotool getwindowgeometry "$window" | tail -n 1)"
grab window
kill "$program"  # chroot, env and the launcher exec: this is the program's own process
wait "$program" || true
say "passed"
