#!/usr/bin/env bash
# Dynamic thread-instructions of every sample at -O0 and -O2 (n4), registers per thread of its kernels at -O2,
# and the device model's estimated cycles at -O2 with and without instruction scheduling (-fno-schedule-insns),
# as a markdown table. Usage: bench/compile/instruction-counts.sh > counts.md
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$root/tools/bytechipcc" -c Release -v q -nologo >/dev/null
cc="dotnet $root/tools/bytechipcc/bin/Release/net10.0/bytechipcc.dll"
echo "| sample | thread instructions -O0 | thread instructions -O2 | O2/O0 | registers per kernel at -O2 | est. cycles -O2 | without scheduling | stall cycles -O2 / without |"
echo "|---|---:|---:|---:|---|---:|---:|---:|"
for dir in "$root"/samples/*/; do
  name=$(basename "$dir")
  [[ -f "$dir/kernel.cu" && -f "$dir/$name.csproj" ]] || continue
  dotnet build "$dir/$name.csproj" -c Release -v q -nologo >/dev/null
  count() { dotnet run --no-build -c Release --project "$dir/$name.csproj" -- --arch n4 "$1" --stats 2>/dev/null \
    | sed -n 's/.*warp instructions, \([0-9,]*\) thread instructions.*/\1/p' | tr -d ','; }
  timing() { dotnet run --no-build -c Release --project "$dir/$name.csproj" -- --arch n4 -O2 --timing "$@" 2>/dev/null \
    | sed -n 's/.*timing: \([0-9,]*\) estimated cycles.*, \([0-9,]*\) operand stall cycles.*/\1 \2/p' | tr -d ','; }
  o0=$(count -O0)
  o2=$(count -O2)
  read -r cyc stall < <(timing)
  read -r cyc_ns stall_ns < <(timing -fno-schedule-insns)
  regs=$($cc "$dir/kernel.cu" -O2 --arch n4 -o /tmp/ic.bcbin --resource-usage 2>/dev/null \
    | sed -n "s/bytechipcc info: kernel '\([^']*\)' for n4: \([0-9]*\) registers.*/\1 \2/p" | tr '\n' ';' | sed 's/;$//; s/;/, /g')
  ratio=$(awk -v a="$o0" -v b="$o2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
  echo "| $name | $o0 | $o2 | $ratio | $regs | $cyc | $cyc_ns | $stall / $stall_ns |"
done
