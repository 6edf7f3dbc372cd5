// Real calls: __noinline__ device functions, nested, with divergent callers, pointer and struct arguments.
struct Acc { int sum; int count; };

__device__ __noinline__ int square_plus(int x, int y) {
  return x * x + y;
}

__device__ __noinline__ float scale(float v, float s) {
  if (v < 0.0f) return -v * s;  // divergent early return inside the callee
  return v * s;
}

__device__ __noinline__ void accumulate(Acc* acc, int v) {
  acc->sum += square_plus(v, 1);  // a call inside a called function
  acc->count++;
}

__device__ __noinline__ long long mix64(long long a, int b) {
  return (a << 3) ^ (long long)b * 2654435761LL;
}

__global__ void calls(const int* in, int* out, float* fout, long long* lout, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  Acc acc;
  acc.sum = 0;
  acc.count = 0;
  for (int k = 0; k < (i % 5); k++) accumulate(&acc, in[i] + k);
  out[i] = (i & 1) ? square_plus(acc.sum, acc.count) : acc.sum - acc.count;
  fout[i] = scale((float)(in[i] - 50), 0.5f);
  lout[i] = mix64((long long)in[i] * 1000003LL, i);
}
