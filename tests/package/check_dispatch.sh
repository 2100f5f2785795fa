#!/usr/bin/env bash
# The packaged program uses AVX2 + FMA where the CPU has them and baseline code everywhere else.
#   check_dispatch.sh SOURCE_DIR WORK_DIR
# Builds the program as the "package" preset does (ATTNVIZ_DISPATCH: the core twice, baseline and
# x86-64-v3, in glibc-hwcaps), makes the .deb and checks: both libraries are in it; only the
# x86-64-v3 one holds AVX2/FMA instructions; the program's RUNPATH reaches them; on this CPU the
# dynamic linker loads the x86-64-v3 library, and the baseline one when AVX2 is masked off (as on
# a CPU without it); both run a whole model and agree.
set -euo pipefail
src=$1
work=$2
mkdir -p "$work"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DATTNVIZ_DISPATCH=ON \
  -DATTNVIZ_BUILD_TESTS=OFF -DATTNVIZ_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
cmake --build "$work/build" --parallel 2 --target attnviz >/dev/null
out="$work/deb"
rm -rf "$out"
(cd "$work/build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/attnviz_*.deb)
fail() { echo "FAIL: $*"; exit 1; }

contents=$(dpkg-deb -c "$deb")
base=$(grep -o '\./usr/lib/[^ ]*attnviz/libattnviz_core\.so$' <<<"$contents") ||
  fail "no baseline libattnviz_core.so in the package"
v3=$(grep -o '\./usr/lib/[^ ]*attnviz/glibc-hwcaps/x86-64-v3/libattnviz_core\.so$' <<<"$contents") ||
  fail "no glibc-hwcaps/x86-64-v3/libattnviz_core.so in the package"
root="$out/root"
dpkg-deb -x "$deb" "$root"
program="$root/usr/bin/attnviz"

# Instructions: AVX2/FMA (ymm registers, vfmadd) only in the x86-64-v3 library and nowhere else.
count() { objdump -d --no-show-raw-insn "$1" | grep -cE "$2" || true; }
[ "$(count "$root/$v3" 'vfmadd|%ymm')" -gt 1000 ] || fail "the x86-64-v3 library has no AVX2/FMA code"
for f in "$root/$base" "$program"; do
  n=$(count "$f" '%ymm|%zmm|vfmadd')
  [ "$n" -eq 0 ] || fail "$(basename "$f") has $n AVX instructions; it must run on any x86-64"
done
readelf -d "$program" | grep -E 'R(UN)?PATH' | grep -qF '$ORIGIN/../lib' ||
  fail "the program's RUNPATH does not reach its private libraries: $(readelf -d "$program" | grep PATH)"

# Which library the dynamic linker picks, on this CPU and with AVX2 masked off.
loaded() {
  env "$@" LD_DEBUG=libs "$program" --version 2>&1 >/dev/null |
    grep -o 'calling init: [^ ]*libattnviz_core\.so' | head -1
}
if /lib64/ld-linux-x86-64.so.2 --help | grep -q 'x86-64-v3 (supported'; then
  loaded | grep -q 'glibc-hwcaps/x86-64-v3/' ||
    fail "this CPU has x86-64-v3 but the program loaded $(loaded)"
else
  echo "note: this CPU lacks x86-64-v3; only the baseline path is checked"
fi
masked=(GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2)
loaded "${masked[@]}" | grep -q 'glibc-hwcaps' &&
  fail "with AVX2 masked off the program still loaded $(loaded "${masked[@]}")"
loaded "${masked[@]}" | grep -q 'libattnviz_core.so' || fail "no core library loaded"

# Both variants run a whole model; their attention agrees to float rounding (FMA rounds once).
"$program" --version | grep -q '^attnviz ' || fail "the program does not run"
model=en-next-word-h8 # built in: found beside the program, under share/attnviz/models
run() { env "$@" "$program" --model "$model" --sentence "The cat sat on the mat." --dump -; }
run >"$out/v3.json" || fail "the dispatched program failed on $model"
run "${masked[@]}" >"$out/base.json" || fail "the baseline program failed on $model"
numbers() { grep -oE -- '-?[0-9]+\.[0-9]+(e-?[0-9]+)?' "$1"; }
[ "$(numbers "$out/v3.json" | wc -l)" -gt 100 ] || fail "the dump of $model holds few numbers"
worst=$(paste <(numbers "$out/v3.json") <(numbers "$out/base.json") |
  awk '{d = $1 - $2; if (d < 0) d = -d; if (d > m) m = d} END {printf "%g", m}')
awk -v w="$worst" 'BEGIN {exit !(w < 1e-4)}' ||
  fail "baseline and x86-64-v3 dumps differ by $worst"
echo "dispatch ok: $(basename "$deb"); both variants present, picked by the CPU, agree within $worst"
