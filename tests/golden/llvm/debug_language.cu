// The compile unit should say it is C++ (DW_LANG_C_plus_plus).
// XFAIL: the DICompileUnit records DW_LANG_Cobol74: the LLVM C API's LLVMDWARFSourceLanguage enum is 0-based, so passing the DWARF code of C++ (4) selects Cobol74
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* out) { out[0] = 1; }
// CHECK: !DICompileUnit(language: DW_LANG_C_plus_plus
