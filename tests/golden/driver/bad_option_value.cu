// BC0005: a malformed option value: an unknown diagnostics format, and -MD with -fsyntax-only (no output to name).
// RUN: not bytechipcc --diagnostics-format xml %s |& FileCheck --check-prefix=FORMAT
// RUN: not bytechipcc -fsyntax-only -MD %s |& FileCheck --check-prefix=MD
// FORMAT: bytechipcc: error BC0005: unknown diagnostics format 'xml' (expected clang, msbuild or json)
// FORMAT-NOT: BC0001
// MD: bytechipcc: error BC0005: -MD needs an output: it cannot be combined with -fsyntax-only
// MD-NOT: BC0001
__global__ void k(int* p) { p[0] = 1; }
