// Black-Scholes prices of European call and put options (after NVIDIA's BlackScholes sample):
//   d1 = (ln(S/X) + (r + v^2/2) T) / (v sqrt(T)),  d2 = d1 - v sqrt(T)
//   call = S N(d1) - X e^(-rT) N(d2),  put = X e^(-rT) (1 - N(d2)) - S (1 - N(d1))
// N is the standard normal cumulative distribution, written with the error function:
// N(d) = (1 + erf(d / sqrt(2))) / 2. Every option is independent: a grid-stride loop over the options,
// pure arithmetic with logf, expf, sqrtf and erff (single-precision sequences within CUDA's ulp bounds).
#include <cuda_runtime.h>

__device__ __forceinline__ float cnd(float d) {
  const float inv_sqrt2 = 0.70710678118654752f;
  return 0.5f * (1.0f + erff(d * inv_sqrt2));
}

__device__ void black_scholes_body(float& call, float& put, float s, float x, float t, float r, float v) {
  float sqrt_t = sqrtf(t);
  float d1 = (logf(s / x) + (r + 0.5f * v * v) * t) / (v * sqrt_t);
  float d2 = d1 - v * sqrt_t;
  float cnd_d1 = cnd(d1);
  float cnd_d2 = cnd(d2);
  float exp_rt = expf(-r * t);
  call = s * cnd_d1 - x * exp_rt * cnd_d2;
  put = x * exp_rt * (1.0f - cnd_d2) - s * (1.0f - cnd_d1);
}

__global__ void black_scholes(float* __restrict__ call, float* __restrict__ put, const float* __restrict__ price,
                              const float* __restrict__ strike, const float* __restrict__ years, float riskfree,
                              float volatility, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    black_scholes_body(call[i], put[i], price[i], strike[i], years[i], riskfree, volatility);
}

void black_scholes_host(float* call, float* put, const float* s, const float* x, const float* t, int n) {
  black_scholes<<<64, 128>>>(call, put, s, x, t, 0.02f, 0.30f, n);
}
