# Shared set-up for run.sh and test.sh: install what is missing, configure and build.
# Sourced, not run. Sets ATTNVIZ_BUILD_DIR.

ATTNVIZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ATTNVIZ_BUILD_DIR="$ATTNVIZ_ROOT/build/${ATTNVIZ_PRESET:-release}"

attnviz_setup() {
  "$ATTNVIZ_ROOT/scripts/install-deps.sh"
  local generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [[ ! -f "$ATTNVIZ_BUILD_DIR/CMakeCache.txt" ]]; then
    cmake --preset "${ATTNVIZ_PRESET:-release}" -S "$ATTNVIZ_ROOT" "${generator[@]}" >/dev/null
  fi
  cmake --build "$ATTNVIZ_BUILD_DIR" --parallel "$(nproc)"
}
