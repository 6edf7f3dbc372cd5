// BC4003: a local array beyond the target's local memory per thread (n4 512 KiB, n5 256 KiB), at the array (-O0
// counts a few more bytes of locals than -O2, so the byte count is not matched).
// RUN: not bytechipcc -O0 --arch n4 %s | verify
// RUN: not bytechipcc -O2 --arch n5 %s | verify
__global__ void k(float* out, int n)
{
    float scratch[200000]; // expected-error BC4003 {{bytes of local memory per thread; target n}}
    for (int i = 0; i < n; i++)
        scratch[i] = out[i];
    out[threadIdx.x] = scratch[n - 1 - threadIdx.x];
}
