#!/usr/bin/env bash
# The packaged program uses AVX-512, or AVX2 + FMA, where the CPU has them and baseline code
# everywhere else.
#   check_dispatch.sh SOURCE_DIR WORK_DIR
# Builds the program as the "package" preset does (ATTNVIZ_DISPATCH: the core three times,
# baseline, x86-64-v3 and x86-64-v4, the twins in glibc-hwcaps), makes the .deb and checks: the
# three libraries are in it; AVX2/FMA instructions only in the twins and AVX-512 only in the v4
# one; the program's RUNPATH reaches them; the dynamic linker loads the best level this CPU has,
# x86-64-v3 when AVX-512 is masked off and the baseline when AVX2 is (as on CPUs without them);
# every variant runs a whole model and they agree.
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
v4=$(grep -o '\./usr/lib/[^ ]*attnviz/glibc-hwcaps/x86-64-v4/libattnviz_core\.so$' <<<"$contents") ||
  fail "no glibc-hwcaps/x86-64-v4/libattnviz_core.so in the package"
root="$out/root"
dpkg-deb -x "$deb" "$root"
program="$root/usr/bin/attnviz"

# Instructions: AVX2/FMA (ymm registers, vfmadd) only in the twins, AVX-512 (zmm) only in v4.
count() { objdump -d --no-show-raw-insn "$1" | grep -cE "$2" || true; }
[ "$(count "$root/$v3" 'vfmadd|%ymm')" -gt 1000 ] || fail "the x86-64-v3 library has no AVX2/FMA code"
n=$(count "$root/$v3" '%zmm')
[ "$n" -eq 0 ] || fail "the x86-64-v3 library has $n AVX-512 instructions"
[ "$(count "$root/$v4" '%zmm')" -gt 1000 ] || fail "the x86-64-v4 library has no AVX-512 code"
for f in "$root/$base" "$program"; do
  n=$(count "$f" '%ymm|%zmm|vfmadd')
  [ "$n" -eq 0 ] || fail "$(basename "$f") has $n AVX instructions; it must run on any x86-64"
done
readelf -d "$program" | grep -E 'R(UN)?PATH' | grep -qF '$ORIGIN/../lib' ||
  fail "the program's RUNPATH does not reach its private libraries: $(readelf -d "$program" | grep PATH)"

# Which library the dynamic linker picks: the best level this CPU has; x86-64-v3 with AVX-512
# masked off; the baseline with AVX2 masked off.
loaded() {
  env "$@" LD_DEBUG=libs "$program" --version 2>&1 >/dev/null |
    grep -o 'calling init: [^ ]*libattnviz_core\.so' | head -1
}
supported() { /lib64/ld-linux-x86-64.so.2 --help | grep -q "$1 (supported"; }
no512=(GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F)
if supported x86-64-v4; then
  loaded | grep -q 'glibc-hwcaps/x86-64-v4/' ||
    fail "this CPU has x86-64-v4 but the program loaded $(loaded)"
  loaded "${no512[@]}" | grep -q 'glibc-hwcaps/x86-64-v3/' ||
    fail "with AVX-512 masked off the program loaded $(loaded "${no512[@]}")"
elif supported x86-64-v3; then
  echo "note: this CPU lacks x86-64-v4; its library is checked by its instructions only"
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
run >"$out/best.json" || fail "the dispatched program failed on $model"
run "${no512[@]}" >"$out/v3.json" || fail "the x86-64-v3 program failed on $model"
run "${masked[@]}" >"$out/base.json" || fail "the baseline program failed on $model"
numbers() { grep -oE -- '-?[0-9]+\.[0-9]+(e-?[0-9]+)?' "$1"; }
[ "$(numbers "$out/best.json" | wc -l)" -gt 100 ] || fail "the dump of $model holds few numbers"
differ() {
  paste <(numbers "$1") <(numbers "$2") |
    awk '{d = $1 - $2; if (d < 0) d = -d; if (d > m) m = d} END {printf "%g", m}'
}
worst=0
for other in v3 base; do
  d=$(differ "$out/best.json" "$out/$other.json")
  awk -v w="$d" 'BEGIN {exit !(w < 1e-4)}' || fail "the best variant's and $other's dumps differ by $d"
  worst=$(awk -v a="$worst" -v b="$d" 'BEGIN {print (b > a ? b : a)}')
done
echo "dispatch ok: $(basename "$deb"); three variants present, picked by the CPU, agree within $worst"
