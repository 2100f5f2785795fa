#!/usr/bin/env bash
# Installs what is missing, builds only the attnviz program (Release) and starts it. Arguments go
# to attnviz as they are, e.g.
#   scripts/run.sh --sentence "多头注意力让模型" --heads 8
#   scripts/run.sh --sentence "The cat sat." --dump -
# The program itself is build/release/app/attnviz; run it directly once built.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
attnviz_setup attnviz
exec "$ATTNVIZ_BUILD_DIR/app/attnviz" "$@"
