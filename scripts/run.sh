#!/usr/bin/env bash
# Installs what is missing, builds Release and starts attnviz on a default sentence.
# Extra arguments go to attnviz, e.g. scripts/run.sh --sentence "多头注意力让模型" --heads 8
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
attnviz_setup >/dev/null
exec "$ATTNVIZ_BUILD_DIR/app/attnviz" "$@"
