#!/usr/bin/env bash
# Compile time of bytechipcc against clang-19 on the same CUDA files (device code only, -O2, to assembly).
# Usage: bench/compile/compile-time.sh [runs] [files...]   (needs clang-19: apt-get install -y clang-19)
# Prints the median wall time of each tool per file. bytechipcc runs from its Release build; the first
# (warm-up) run of each is not counted.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
shift || true
files=("$@")
if ((${#files[@]} == 0)); then
  files=("$root/tests/ByteChip.EndToEnd.Tests/Kernels/basics.cu" "$root/tests/ByteChip.EndToEnd.Tests/Kernels/calls.cu")
fi
dotnet build "$root/tools/bytechipcc" -c Release -v q -nologo >/dev/null
cc="dotnet $root/tools/bytechipcc/bin/Release/net10.0/bytechipcc.dll"
shim="$root/tests/ByteChip.Backend.Tests/Kernels/cuda_shim.h"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
printf '%-28s %14s %14s\n' file "bytechipcc ms" "clang-19 ms"
for f in "${files[@]}"; do
  $cc "$f" -S -o "$tmp/a.s" >/dev/null 2>&1 || true
  clang-19 -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_80 -O2 -include "$shim" -S "$f" -o "$tmp/b.s" >/dev/null 2>&1 || true
  ours=$(for _ in $(seq "$runs"); do time_ms $cc "$f" -S -o "$tmp/a.s"; done | median)
  theirs=$(for _ in $(seq "$runs"); do time_ms clang-19 -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_80 -O2 -include "$shim" -S "$f" -o "$tmp/b.s"; done | median)
  printf '%-28s %14s %14s\n' "$(basename "$f")" "$ours" "$theirs"
done
