// BC1016: a character that starts no token, reported where it is.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__global__ void k(int* out) { out[0] = 1 @ 2; }
// CHECK: stray_character.cu:[[@LINE-1]]:42: error BC1016
