#!/usr/bin/env bash
# Regenerates compiler/ByteChip.Compiler/Syntax/Generated from Syntax/Cuda.g4 with the pinned antlr-ng
# (compiler/package.json). antlr-ng exits 0 even when the grammar has errors, so its output is scanned for
# lines starting with "error(" (antlr-ng 1.0.10 prints "Error(": matched without case).
#   generate-parser.sh          regenerate in place
#   generate-parser.sh --check  regenerate into a temporary folder and fail if the checked-in files differ (CI)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
syntax="$here/ByteChip.Compiler/Syntax"
check=0
if [[ "${1:-}" == "--check" ]]; then check=1; fi

if ! command -v npx >/dev/null 2>&1; then
    echo "generate-parser: node/npx not found; install Node.js 20 to regenerate the parser" >&2
    exit 2
fi
(cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
log="$out/antlr.log"
(cd "$syntax" && npx --no-install antlr-ng -Dlanguage=CSharp -p ByteChip.Compiler.Syntax.Generated -v -l -o "$out/gen" Cuda.g4) >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
if grep -iE '^error\(' "$log" >&2; then
    echo "generate-parser: antlr-ng reported grammar errors" >&2
    exit 1
fi
grep -iE '^warning\(' "$log" >&2 || true

# Keep only the C# sources; normalise line endings so the check is platform independent.
mkdir -p "$out/cs"
for f in "$out"/gen/*.cs; do
    sed -e 's/\r$//' "$f" > "$out/cs/$(basename "$f")"
done

if [[ $check -eq 1 ]]; then
    if diff -r -q "$out/cs" "$syntax/Generated" >/dev/null; then
        echo "generate-parser: Syntax/Generated is up to date"
        exit 0
    fi
    diff -r "$out/cs" "$syntax/Generated" | head -40 >&2
    echo "generate-parser: Syntax/Generated is stale; run compiler/scripts/generate-parser.sh" >&2
    exit 1
fi
rm -f "$syntax"/Generated/*.cs
cp "$out"/cs/*.cs "$syntax/Generated/"
echo "generate-parser: regenerated $(ls "$syntax"/Generated/*.cs | wc -l) files"
