// A complete program: kernels, a class, iostream, std::vector and main() with launches.
#include <iostream>
#include <vector>
#include <cstdlib>
#include <cuda_runtime.h>
#include "helper_cuda.h"

using namespace std;

#define CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) { std::cerr << "error" << std::endl; exit(1); } } while (0)

class Timer {
public:
    Timer() : start_(0) {}
    double elapsed() const { return 0.0; }
private:
    double start_;
};

namespace util {
    template <typename T> T clampValue(T v, T lo, T hi) { return v < lo ? lo : (v > hi ? hi : v); }
}

__device__ float scale(float v, float s) { return v * s; }

__global__ void scaleKernel(float* data, float s, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) data[i] = scale(data[i], s);
}

static void fill(std::vector<float>& v)
{
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i);
}

int main(int argc, char** argv)
{
    const int n = 1 << 16;
    std::vector<float> host(n);
    fill(host);
    float* dev = nullptr;
    CHECK(cudaMalloc(&dev, n * sizeof(float)));
    dim3 block(256);
    dim3 grid((n + block.x - 1) / block.x);
    scaleKernel<<<grid, block>>>(dev, 2.0f, n);
    Timer t;
    cout << "elapsed " << t.elapsed() << endl;
    return 0;
}
