// #line renumbers the following lines and renames the file for diagnostics.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
#line 500 "renamed.cu"
__global__ void k(int* out) { out[0] = undeclared_a; }
// CHECK: renamed.cu:500:{{[0-9]+}}: error BC3001: use of undeclared identifier 'undeclared_a'
