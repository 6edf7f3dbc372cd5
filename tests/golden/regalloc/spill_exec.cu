// Spill code is correct: the high-pressure kernel gives the reference result with --maxrregcount 16, at -O0 and -O2
// on both targets, and without the limit.
// RUN: bytechipcc -O0 --maxrregcount 16 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --maxrregcount 16 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --maxrregcount 16 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --maxrregcount 16 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// TOLERANCE: rel=1e-5
// CHECK: out: 32 x f32 match
__global__ void pressure(const float* in, float* out)
{
    int i = threadIdx.x;
    float v0 = in[i + 0];
    float v1 = in[i + 32];
    float v2 = in[i + 64];
    float v3 = in[i + 96];
    float v4 = in[i + 128];
    float v5 = in[i + 160];
    float v6 = in[i + 192];
    float v7 = in[i + 224];
    float v8 = in[i + 256];
    float v9 = in[i + 288];
    float v10 = in[i + 320];
    float v11 = in[i + 352];
    float v12 = in[i + 384];
    float v13 = in[i + 416];
    float v14 = in[i + 448];
    float v15 = in[i + 480];
    float v16 = in[i + 512];
    float v17 = in[i + 544];
    float v18 = in[i + 576];
    float v19 = in[i + 608];
    float v20 = in[i + 640];
    float v21 = in[i + 672];
    float v22 = in[i + 704];
    float v23 = in[i + 736];
    float s = v0 * v3 + v1 * v10 + v2 * v17 + v3 * v0 + v4 * v7 + v5 * v14 + v6 * v21 + v7 * v4 + v8 * v11 + v9 * v18 + v10 * v1 + v11 * v8 + v12 * v15 + v13 * v22 + v14 * v5 + v15 * v12 + v16 * v19 + v17 * v2 + v18 * v9 + v19 * v16 + v20 * v23 + v21 * v6 + v22 * v13 + v23 * v20;
    out[i] = s + v0 * v3 * v6 * v9 * v12 * v15 * v18 * v21;
}
