// BC2003: the file ends inside a function body.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__global__ void k(int* out)
{
    if (out[0]) {
        out[1] = 2;
    }
// CHECK: error BC2003
