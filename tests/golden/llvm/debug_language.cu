// The compile unit should say it is C++ (DW_LANG_C_plus_plus).
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* out) { out[0] = 1; }
// CHECK: !DICompileUnit(language: DW_LANG_C_plus_plus
