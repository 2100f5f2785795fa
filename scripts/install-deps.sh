#!/usr/bin/env bash
# Installs every Debian package attnviz needs to build, run and test. Idempotent and quiet when
# everything is already present; uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-l10n-tools libqt6svg6 qt6-qpa-plugins
  qt6-tools-dev qt6-translations-l10n
  libgl-dev libxkbcommon-dev
  libeigen3-dev libqcustomplot-dev libicu-dev nlohmann-json3-dev libbenchmark-dev
  fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji fonts-symbola fonts-thai-tlwg fonts-dejavu-core
  xvfb xauth imagemagick poppler-utils librsvg2-bin
  clang clang-format libclang-rt-dev
)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: this script needs a Debian-based system with apt-get (Debian 12 is the reference)." >&2
  echo "install-deps: install the equivalents of: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: missing packages (${missing[*]}) and neither root nor sudo is available." >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
