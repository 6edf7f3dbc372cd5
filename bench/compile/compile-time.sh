#!/usr/bin/env bash
# Compile time of bytechipcc against clang-19 on the same CUDA files (device code only, -O2, to assembly).
# Usage: bench/compile/compile-time.sh [runs] [files...]   (needs clang-19: apt-get install -y clang-19)
# Default files: every sample kernel and the end-to-end test kernels. Prints the median wall time of
#   - bytechipcc, framework-dependent Release build (dotnet bytechipcc.dll: start-up and JIT included),
#   - bytechipcc, NativeAOT build (dotnet publish -p:PublishAot=true),
#   - clang-19 -x cuda --cuda-device-only -O2 -S for sm_80, with bench/compile/clang-include and the shim header
#     of tests/ByteChip.Backend.Tests/Kernels giving it what <cuda_runtime.h> would.
# A run that fails prints FAIL instead of a time, so a figure is never the time of an error message.
# The first (warm-up) run of each is not counted.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
shift || true
files=("$@")
if ((${#files[@]} == 0)); then
  files=("$root"/samples/*/kernel.cu "$root"/tests/ByteChip.EndToEnd.Tests/Kernels/*.cu)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet build "$root/tools/bytechipcc" -c Release -v q -nologo >/dev/null
# Its own artifacts folder: a RID-specific restore must not rewrite the obj/ folders of the normal build.
dotnet publish "$root/tools/bytechipcc" -c Release -r linux-x64 -p:PublishAot=true -v q -nologo -o "$tmp/aot" --artifacts-path "$tmp/aot-build" >/dev/null
jit=(dotnet "$root/tools/bytechipcc/bin/Release/net10.0/bytechipcc.dll")
aot=("$tmp/aot/bytechipcc")
clang=(clang-19 -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_80 -Xclang -target-feature -Xclang +ptx75
  -O2 -include "$root/tests/ByteChip.Backend.Tests/Kernels/cuda_shim.h" -I "$root/bench/compile/clang-include")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_ms OUT CMD...: the wall time in ms of one run, or FAIL when the command fails.
time_ms() {
  local out=$1 s e
  shift
  s=$(date +%s%N)
  if "$@" -S -o "$out" >/dev/null 2>"$tmp/err"; then
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  else
    echo FAIL
  fi
}
measure() {
  local out=$1 t
  shift
  time_ms "$out" "$@" >/dev/null
  t=$(for _ in $(seq "$runs"); do time_ms "$out" "$@"; done)
  if grep -q FAIL <<<"$t"; then echo FAIL; else median <<<"$t"; fi
}
printf '%-22s %10s %10s %10s\n' file "jit ms" "aot ms" "clang ms"
for f in "${files[@]}"; do
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  printf '%-22s %10s %10s %10s\n' "${name#*/Kernels/}" \
    "$(measure "$tmp/jit.s" "${jit[@]}" "$f")" "$(measure "$tmp/aot.s" "${aot[@]}" "$f")" "$(measure "$tmp/clang.s" "${clang[@]}" "$f")"
done
