// double arithmetic stays double; float → double conversions are fpext, back fptrunc.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(double* d, float* f)
{
    d[0] = d[1] * d[2] + f[0];
    f[1] = (float)d[3];
}
// CHECK: fmul contract double
// CHECK: fpext float %{{[0-9]+}} to double
// CHECK: fadd contract double
// CHECK: fptrunc double %{{[0-9]+}} to float
