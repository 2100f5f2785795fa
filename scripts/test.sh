#!/usr/bin/env bash
# Installs what is missing, builds, then runs every test headless. Exit code is the tests'.
# ATTNVIZ_PRESET=asan scripts/test.sh runs the same suite under AddressSanitizer + UBSan.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
attnviz_setup
export QT_QPA_PLATFORM=offscreen
cd "$ATTNVIZ_BUILD_DIR"
ctest --output-on-failure --timeout 300 "$@"
