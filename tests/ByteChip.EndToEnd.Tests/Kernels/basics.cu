// Kernels of the end-to-end tests: compiled by bytechipcc's whole pipeline (frontend, LLVM, backend) at
// -O0 and -O2 for n4 and n5, run on the device model and checked against C# references.
#include <cuda_runtime.h>

__global__ void saxpy(float a, const float* __restrict__ x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

template <int BLOCK>
__global__ void reduce(const float* in, float* out, int n) {
  __shared__ float s[BLOCK];
  int t = threadIdx.x;
  int i = blockIdx.x * BLOCK + t;
  s[t] = i < n ? in[i] : 0.0f;
  __syncthreads();
  #pragma unroll
  for (int k = BLOCK / 2; k > 0; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) atomicAdd(out, s[0]);
}

// Host code instantiates the template, as a real .cu file does.
void launch_reduce(const float* in, float* out, int n) { reduce<256><<<(n + 255) / 256, 256>>>(in, out, n); }

__global__ void histogram(const unsigned int* data, unsigned int* bins, int n, int nbins) {
  extern __shared__ unsigned int local[];
  for (int b = threadIdx.x; b < nbins; b += blockDim.x) local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i] % nbins], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < nbins; b += blockDim.x) atomicAdd(&bins[b], local[b]);
}

__device__ int collatz_steps(long long x, long long* top) {
  int s = 0;
  *top = x;
  while (x != 1) {
    if (x % 2 == 0) {
      x /= 2;
    } else {
      x = 3 * x + 1;
      if (x > *top) *top = x;
    }
    if (++s > 500) break;
  }
  return s;
}

__global__ void collatz(const int* in, int* steps, long long* peak, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  long long top;
  steps[i] = collatz_steps(in[i], &top);
  peak[i] = top;
}

__global__ void warp_sum(const int* in, int* out) {
  int v = in[blockIdx.x * blockDim.x + threadIdx.x];
  for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o);
  if ((threadIdx.x & 31) == 0) out[(blockIdx.x * blockDim.x + threadIdx.x) / 32] = v;
}

__constant__ float coeffs[4] = {0.5f, -1.25f, 2.0f, 0.125f};
__device__ int counter;

struct Vec2 {
  float x, y;
  __device__ Vec2(float a, float b) : x(a), y(b) {}
  __device__ Vec2 operator+(const Vec2& o) const { return Vec2(x + o.x, y + o.y); }
  __device__ float dot(const Vec2& o) const { return x * o.x + y * o.y; }
};

__global__ void polynomial(const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float v = x[i];
    y[i] = ((coeffs[3] * v + coeffs[2]) * v + coeffs[1]) * v + coeffs[0];
    atomicAdd(&counter, 1);
  }
}

__global__ void read_counter(int* out) { out[0] = counter; }

__global__ void vectors(const float4* in, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float4 v = in[i];
    Vec2 a(v.x, v.y), b(v.z, v.w);
    Vec2 c = a + b;
    out[i] = c.dot(a) + fmaxf(v.x, v.w) - sqrtf(fabsf(v.z));
  }
}
