// Device kernels for the backend's execution tests. The checked-in kernels.ll is clang's unoptimized
// device IR for this file (regenerate with ./regenerate.sh); the tests compile it with the ByteChip backend
// at -O0 and -O2 and compare the results with C# references.
#define WARP 32

__global__ void saxpy(float a, const float* __restrict__ x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

__global__ void reduce_sum(const float* in, float* out, int n) {
  __shared__ float s[256];
  int t = threadIdx.x;
  int i = blockIdx.x * blockDim.x + t;
  s[t] = i < n ? in[i] : 0.0f;
  __syncthreads();
  for (int k = blockDim.x / 2; k > 0; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) __nvvm_atom_add_gen_f(out, s[0]);
}

__global__ void histogram(const unsigned* data, unsigned* bins, int n, int nbins) {
  extern __shared__ unsigned local[];
  for (int b = threadIdx.x; b < nbins; b += blockDim.x) local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    __nvvm_atom_add_gen_i((int*)&local[data[i] % nbins], 1);
  __syncthreads();
  for (int b = threadIdx.x; b < nbins; b += blockDim.x) __nvvm_atom_add_gen_i((int*)&bins[b], (int)local[b]);
}

// Divergent loop with early exit, nested ifs, an early return and 64-bit arithmetic.
__global__ void collatz(const int* in, int* steps, long long* peak, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  long long x = in[i];
  long long top = x;
  int s = 0;
  while (x != 1) {
    if (x % 2 == 0) {
      x = x / 2;
    } else {
      x = 3 * x + 1;
      if (x > top) top = x;
    }
    s++;
    if (s > 500) break;
  }
  steps[i] = s;
  peak[i] = top;
}

__global__ void warp_sum(const int* in, int* out) {
  int v = in[blockIdx.x * blockDim.x + threadIdx.x];
  for (int o = 16; o > 0; o >>= 1) v += __nvvm_shfl_sync_down_i32(0xffffffffu, v, o, 0x1f);
  if ((threadIdx.x & 31) == 0) out[(blockIdx.x * blockDim.x + threadIdx.x) / 32] = v;
}

__constant__ float coeffs[4] = {0.5f, -1.25f, 2.0f, 0.125f};
__device__ int counter;

__device__ __forceinline__ float poly(float x) {
  return ((coeffs[3] * x + coeffs[2]) * x + coeffs[1]) * x + coeffs[0];
}

__global__ void polynomial(const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = poly(x[i]);
    __nvvm_atom_add_gen_i(&counter, 1);
  }
}

__global__ void read_counter(int* out) { out[0] = counter; }

struct Pair { int key; float value; };

__global__ void mixed_types(const Pair* in, double* d, unsigned short* h, signed char* c, float* f, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    Pair p = in[i];
    int local[8];
    for (int k = 0; k < 8; k++) local[k] = p.key * k - i;
    d[i] = (double)p.value * local[i & 7] + 0.5;
    h[i] = (unsigned short)(p.key * 977);
    c[i] = (signed char)(p.key - 100);
    f[i] = (float)(p.key / 3) + (float)((unsigned)p.key % 7u) + (p.value > 0.0f ? __builtin_sqrtf(p.value) : -p.value);
  }
}
