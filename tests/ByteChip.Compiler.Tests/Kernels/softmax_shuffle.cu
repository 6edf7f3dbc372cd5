// Row softmax, one warp per row, max and sum by xor shuffles.
#include <math.h>
#include <float.h>

__device__ __forceinline__ float warpMax(float v)
{
    for (int mask = 16; mask > 0; mask >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffff, v, mask));
    return v;
}

__device__ __forceinline__ float warpSum(float v)
{
    for (int mask = 16; mask > 0; mask >>= 1) v += __shfl_xor_sync(0xffffffff, v, mask);
    return v;
}

__global__ void softmaxRows(const float* __restrict__ x, float* __restrict__ y, int rows, int cols)
{
    int row = blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32;
    int lane = threadIdx.x & 31;
    if (row >= rows) return;
    const float* in = x + (size_t)row * cols;
    float* out = y + (size_t)row * cols;
    float m = -FLT_MAX;
    for (int c = lane; c < cols; c += 32) m = fmaxf(m, in[c]);
    m = warpMax(m);
    float s = 0.0f;
    for (int c = lane; c < cols; c += 32) s += __expf(in[c] - m);
    s = warpSum(s);
    float inv = 1.0f / s;
    for (int c = lane; c < cols; c += 32) out[c] = __expf(in[c] - m) * inv;
}
