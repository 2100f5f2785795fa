#!/usr/bin/env bash
# Builds the .deb from a configured build directory with cpack and checks what it installs:
# the executable, the desktop entry, the icon, and dependencies that include Qt, QCustomPlot and
# a CJK font. (Installing it needs root and changes the system, so that is done by hand.)
set -euo pipefail
build_dir=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/attnviz_*.deb)
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/attnviz ./usr/share/applications/attnviz.desktop \
            ./usr/share/icons/hicolor/scalable/apps/attnviz.svg; do
  grep -q " $path\$" <<<"$contents" || { echo "missing from the package: $path"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6widgets6 libqcustomplot fonts-noto-cjk libqt6svg6 qt6-translations-l10n; do
  grep -q "$dep" <<<"$depends" || { echo "the package does not depend on $dep: $depends"; exit 1; }
done
# The packaged program runs: extract it and ask for its version.
dpkg-deb -x "$deb" "$out/root"
"$out/root/usr/bin/attnviz" --version | grep -q '^attnviz '
echo "package ok: $(basename "$deb")"
