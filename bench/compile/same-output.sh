#!/usr/bin/env bash
# Checks that two bytechipcc builds produce the same output: every sample kernel, every end-to-end test kernel and
# every .cu file under tests/golden, compiled to a .bcbin at -O0 and -O2 for n4 and n5, compared byte for byte,
# together with the diagnostics and the exit code (a file with errors counts as well).
# Usage: bench/compile/same-output.sh OLD_BYTECHIPCC NEW_BYTECHIPCC
# For compile-time work: the speed-ups must not change what is compiled.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=$1
new=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(cd "$root" && ls samples/*/kernel.cu tests/ByteChip.EndToEnd.Tests/Kernels/*.cu && find tests/golden -name '*.cu' | sort)
compiled=0
binaries=0
differ=0
for f in "${files[@]}"; do
  for arch in n4 n5; do
    for level in -O0 -O2; do
      for side in old new; do
        bin=$old
        [[ $side == new ]] && bin=$new
        rm -f "$tmp/$side.bcbin"
        # Relative paths, run from the root: the diagnostics name the file the same way for both builds.
        (cd "$root" && "$bin" "$f" --arch "$arch" "$level" -o "$tmp/$side.bcbin" >"$tmp/$side.out" 2>&1 && echo 0 || echo $?) >"$tmp/$side.rc"
        [[ -f $tmp/$side.bcbin ]] || : >"$tmp/$side.bcbin"
      done
      compiled=$((compiled + 1))
      [[ -s $tmp/new.bcbin ]] && binaries=$((binaries + 1))
      if ! cmp -s "$tmp/old.bcbin" "$tmp/new.bcbin" || ! cmp -s "$tmp/old.out" "$tmp/new.out" || ! cmp -s "$tmp/old.rc" "$tmp/new.rc"; then
        echo "DIFFERENT: $f --arch $arch $level"
        differ=$((differ + 1))
      fi
    done
  done
done
echo "${#files[@]} files, $compiled compilations ($binaries with a binary; the others stop with diagnostics, which are compared too), $differ different"
((differ == 0))
