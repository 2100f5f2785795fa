# shellcheck shell=bash
# Shared set-up for run.sh and test.sh: install what is missing, configure and build.
# Sourced, not run. Sets ATTNVIZ_BUILD_DIR.

ATTNVIZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ATTNVIZ_BUILD_DIR="$ATTNVIZ_ROOT/build/${ATTNVIZ_PRESET:-release}"

# attnviz_setup [TARGET...]: builds the given targets (all when none). Progress goes to stderr,
# so a first build (about 6 minutes on two cores) is never silent and stdout stays the program's.
attnviz_setup() {
  "$ATTNVIZ_ROOT/scripts/install-deps.sh" >&2
  local generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [[ ! -f "$ATTNVIZ_BUILD_DIR/CMakeCache.txt" ]]; then
    echo "attnviz: configuring build/${ATTNVIZ_PRESET:-release} (first run)" >&2
    cmake --preset "${ATTNVIZ_PRESET:-release}" -S "$ATTNVIZ_ROOT" "${generator[@]}" >&2
  fi
  local targets=()
  for target in "$@"; do targets+=(--target "$target"); done
  echo "attnviz: building ${*:-everything} in build/${ATTNVIZ_PRESET:-release}" >&2
  cmake --build "$ATTNVIZ_BUILD_DIR" --parallel "$(nproc)" "${targets[@]}" >&2
}
