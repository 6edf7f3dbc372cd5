// Multi-dimensional local arrays with brace initializers, math library, casts and sizeof.
#include <math.h>

__device__ __constant__ float kGauss[3][3] = { { 1, 2, 1 }, { 2, 4, 2 }, { 1, 2, 1 } };

__global__ void blur3x3(const unsigned char* src, unsigned char* dst, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < 1 || y < 1 || x >= w - 1 || y >= h - 1) return;
    float acc = 0.0f;
    float norm[2] = { 16.0f, 0.0f };
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            acc += kGauss[dy + 1][dx + 1] * src[(y + dy) * w + (x + dx)];
    float v = fminf(fmaxf(roundf(acc / norm[0]), 0.0f), 255.0f);
    dst[y * w + x] = static_cast<unsigned char>(v);
    if (sizeof(float) != 4) dst[0] = (unsigned char)sqrtf(powf(v, 2.0f));
}
