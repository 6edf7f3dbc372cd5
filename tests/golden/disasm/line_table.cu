// bcobjdump over a compiled kernel; the whole output is the expectation (precise).
// RUN: bytechipcc -O0 %s | bcobjdump -l | precise
__global__ void k(int* out, int n)
{
    int i = threadIdx.x;
    if (i < n)
        out[i] = i * 3;
}
