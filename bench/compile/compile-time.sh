#!/usr/bin/env bash
# Compile time of bytechipcc against clang-19 on the same CUDA files (device code only, -O2, to assembly).
# Usage: bench/compile/compile-time.sh [runs] [files...]   (needs clang-19: apt-get install -y clang-19)
# Default files: every sample kernel and the end-to-end test kernels. Prints the median wall time of
#   - bytechipcc, framework-dependent Release build (dotnet bytechipcc.dll: start-up and JIT included),
#   - bytechipcc, NativeAOT build (dotnet publish -p:PublishAot=true),
#   - with BASELINE_AOT=path/to/bytechipcc, that (earlier) NativeAOT build too, for before/after figures,
#   - clang-19 -x cuda --cuda-device-only -O2 -S for sm_80, with bench/compile/clang-include and the shim header
#     of tests/ByteChip.Backend.Tests/Kernels giving it what <cuda_runtime.h> would.
#   - with REALTIME=1, every compilation runs with real-time priority (chrt -f 50; root or CAP_SYS_NICE): on a
#     machine shared with other work it gets the cores first, which comes close to a quiet machine (caches and
#     memory bandwidth are still shared). Figures measured so must say so.
# A run that fails prints FAIL instead of a time, so a figure is never the time of an error message.
# The compilers take turns run by run, so a change of the machine's load during a file falls on all of them alike;
# the first (warm-up) run of each is not counted. The load average is printed before and after.
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
baseline=("${BASELINE_AOT:-}")
clang=(clang-19 -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_80 -Xclang -target-feature -Xclang +ptx75
  -O2 -include "$root/tests/ByteChip.Backend.Tests/Kernels/cuda_shim.h" -I "$root/bench/compile/clang-include")
priority=()
[[ ${REALTIME:-} == 1 ]] && priority=(chrt -f 50)
compilers=(jit aot)
[[ -n ${BASELINE_AOT:-} ]] && compilers+=(baseline)
compilers+=(clang)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_ms COMPILER FILE: the wall time in ms of one compilation, or FAIL when it fails.
time_ms() {
  local -n command=$1
  local s e
  s=$(date +%s%N)
  if "${priority[@]}" "${command[@]}" "$2" -S -o "$tmp/$1.s" >/dev/null 2>"$tmp/err"; then
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  else
    echo FAIL
  fi
}
# measure FILE: the median of each compiler, in the order of $compilers.
measure() {
  local c i t
  local -A times=()
  for c in "${compilers[@]}"; do
    time_ms "$c" "$1" >/dev/null
  done
  for i in $(seq "$runs"); do
    for c in "${compilers[@]}"; do
      times[$c]+="$(time_ms "$c" "$1") "
    done
  done
  for c in "${compilers[@]}"; do
    t=$(tr ' ' '\n' <<<"${times[$c]}" | grep -v '^$')
    if grep -q FAIL <<<"$t"; then printf ' %10s' FAIL; else printf ' %10s' "$(median <<<"$t")"; fi
  done
  echo
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)${priority:+ (real-time priority: ${priority[*]})}"
printf '%-22s' file
printf ' %10s' "${compilers[@]/%/ ms}"
echo
for f in "${files[@]}"; do
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  printf '%-22s' "${name#*/Kernels/}"
  measure "$f"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
