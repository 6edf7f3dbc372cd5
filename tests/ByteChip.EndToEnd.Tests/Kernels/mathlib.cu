// Math library kernels of MathLibraryTests: out[i] = f(x[i]) (or f(x[i], y[i]), ...), one kernel per function.
// The C++ overloads (sin(float), abs(double), ...) are checked in m_overloads.
#include <cuda_runtime.h>
#include <math.h>

__global__ void mf_sinf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sinf(x[i]);
}

__global__ void mf_cosf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = cosf(x[i]);
}

__global__ void mf_tanf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tanf(x[i]);
}

__global__ void mf_expf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = expf(x[i]);
}

__global__ void mf_exp2f(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = exp2f(x[i]);
}

__global__ void mf_exp10f(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = exp10f(x[i]);
}

__global__ void mf_expm1f(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = expm1f(x[i]);
}

__global__ void mf_logf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = logf(x[i]);
}

__global__ void mf_log2f(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = log2f(x[i]);
}

__global__ void mf_log10f(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = log10f(x[i]);
}

__global__ void mf_log1pf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = log1pf(x[i]);
}

__global__ void mf_sinhf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sinhf(x[i]);
}

__global__ void mf_coshf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = coshf(x[i]);
}

__global__ void mf_tanhf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tanhf(x[i]);
}

__global__ void mf_asinf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = asinf(x[i]);
}

__global__ void mf_acosf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = acosf(x[i]);
}

__global__ void mf_atanf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atanf(x[i]);
}

__global__ void mf_asinhf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = asinhf(x[i]);
}

__global__ void mf_acoshf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = acoshf(x[i]);
}

__global__ void mf_atanhf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atanhf(x[i]);
}

__global__ void mf_erff(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erff(x[i]);
}

__global__ void mf_erfcf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erfcf(x[i]);
}

__global__ void mf_normcdff(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = normcdff(x[i]);
}

__global__ void mf_cbrtf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = cbrtf(x[i]);
}

__global__ void mf_rcbrtf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = rcbrtf(x[i]);
}

__global__ void mf_rsqrtf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = rsqrtf(x[i]);
}

__global__ void mf_sinpif(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sinpif(x[i]);
}

__global__ void mf_cospif(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = cospif(x[i]);
}

__global__ void mf_logbf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = logbf(x[i]);
}

__global__ void mf_sqrtf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sqrtf(x[i]);
}

__global__ void mf_fabsf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fabsf(x[i]);
}

__global__ void mf_floorf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = floorf(x[i]);
}

__global__ void mf_ceilf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = ceilf(x[i]);
}

__global__ void mf_roundf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = roundf(x[i]);
}

__global__ void mf_truncf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = truncf(x[i]);
}

__global__ void mf_rintf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = rintf(x[i]);
}

__global__ void mf_fast_sinf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __sinf(x[i]);
}

__global__ void mf_fast_cosf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __cosf(x[i]);
}

__global__ void mf_fast_expf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __expf(x[i]);
}

__global__ void mf_fast_logf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __logf(x[i]);
}

__global__ void mf_fast_tanf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __tanf(x[i]);
}

__global__ void mf_fast_saturatef(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __saturatef(x[i]);
}

__global__ void mf_powf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = powf(x[i], y[i]);
}

__global__ void mf_atan2f(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atan2f(x[i], y[i]);
}

__global__ void mf_fmodf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fmodf(x[i], y[i]);
}

__global__ void mf_remainderf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = remainderf(x[i], y[i]);
}

__global__ void mf_hypotf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = hypotf(x[i], y[i]);
}

__global__ void mf_fdimf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fdimf(x[i], y[i]);
}

__global__ void mf_fminf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fminf(x[i], y[i]);
}

__global__ void mf_fmaxf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fmaxf(x[i], y[i]);
}

__global__ void mf_copysignf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = copysignf(x[i], y[i]);
}

__global__ void mf_nextafterf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = nextafterf(x[i], y[i]);
}

__global__ void mf_fast_powf(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __powf(x[i], y[i]);
}

__global__ void mf_fast_fdividef(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fdividef(x[i], y[i]);
}

__global__ void mf_fadd_rz(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fadd_rz(x[i], y[i]);
}

__global__ void mf_fadd_ru(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fadd_ru(x[i], y[i]);
}

__global__ void mf_fadd_rd(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fadd_rd(x[i], y[i]);
}

__global__ void mf_fsub_rz(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fsub_rz(x[i], y[i]);
}

__global__ void mf_fmul_rz(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmul_rz(x[i], y[i]);
}

__global__ void mf_fmul_ru(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmul_ru(x[i], y[i]);
}

__global__ void mf_fmul_rd(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmul_rd(x[i], y[i]);
}

__global__ void mf_fdiv_rz(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fdiv_rz(x[i], y[i]);
}

__global__ void md_sin(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sin(x[i]);
}

__global__ void md_cos(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = cos(x[i]);
}

__global__ void md_tan(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tan(x[i]);
}

__global__ void md_asin(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = asin(x[i]);
}

__global__ void md_acos(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = acos(x[i]);
}

__global__ void md_atan(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atan(x[i]);
}

__global__ void md_asinh(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = asinh(x[i]);
}

__global__ void md_acosh(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = acosh(x[i]);
}

__global__ void md_atanh(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atanh(x[i]);
}

__global__ void md_sinpi(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = sinpi(x[i]);
}

__global__ void md_cospi(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = cospi(x[i]);
}

__global__ void md_rsqrt(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = rsqrt(x[i]);
}

__global__ void md_rcbrt(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = rcbrt(x[i]);
}

__global__ void md_logb(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = logb(x[i]);
}

__global__ void md_atan2(const double* x, const double* y, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = atan2(x[i], y[i]);
}

__global__ void md_fmod(const double* x, const double* y, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fmod(x[i], y[i]);
}

__global__ void md_remainder(const double* x, const double* y, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = remainder(x[i], y[i]);
}

__global__ void md_fdim(const double* x, const double* y, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fdim(x[i], y[i]);
}

__global__ void md_nextafter(const double* x, const double* y, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = nextafter(x[i], y[i]);
}

__global__ void mf_fmaf(const float* x, const float* y, const float* z, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = fmaf(x[i], y[i], z[i]);
}

__global__ void mf_fmaf_rz(const float* x, const float* y, const float* z, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmaf_rz(x[i], y[i], z[i]);
}

__global__ void mf_fmaf_ru(const float* x, const float* y, const float* z, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmaf_ru(x[i], y[i], z[i]);
}

__global__ void mf_fmaf_rd(const float* x, const float* y, const float* z, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fmaf_rd(x[i], y[i], z[i]);
}

__global__ void mf_fsqrt_rz(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = __fsqrt_rz(x[i]);
}

// sincosf: sin in out[2i], cos in out[2i + 1]; likewise sincospif, sincos, sincospi.
__global__ void mf_sincosf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) sincosf(x[i], &out[2 * i], &out[2 * i + 1]);
}

__global__ void mf_sincospif(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) sincospif(x[i], &out[2 * i], &out[2 * i + 1]);
}

__global__ void md_sincos(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    double s, c;
    sincos(x[i], &s, &c);
    out[2 * i] = s;
    out[2 * i + 1] = c;
  }
}

__global__ void md_sincospi(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) sincospi(x[i], &out[2 * i], &out[2 * i + 1]);
}

// Exponent functions: ldexp(x, k), frexp (fraction, exponent), modf (fraction, integral part), ilogb.
__global__ void md_ldexp(const double* x, const int* k, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = ldexp(x[i], k[i]);
}

__global__ void mf_ldexpf(const float* x, const int* k, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = ldexpf(x[i], k[i]);
}

__global__ void md_frexp(const double* x, double* out, int* e, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = frexp(x[i], &e[i]);
}

__global__ void md_modf(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[2 * i] = modf(x[i], &out[2 * i + 1]);
}

__global__ void mf_modff(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float ip;
    out[2 * i] = modff(x[i], &ip);
    out[2 * i + 1] = ip;
  }
}

__global__ void md_ilogb(const double* x, int* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = ilogb(x[i]);
}

// Classification and the C++ overloads: flags = isnan | isinf << 1 | isfinite << 2 | signbit << 3.
__global__ void mf_classify(const float* x, int* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = isnan(x[i]) | isinf(x[i]) << 1 | isfinite(x[i]) << 2 | signbit(x[i]) << 3;
}

__global__ void md_classify(const double* x, int* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = isnan(x[i]) | isinf(x[i]) << 1 | isfinite(x[i]) << 2 | signbit(x[i]) << 3;
}

// out[8i..8i+7] = sin(float), exp(float), pow(float, float), abs(float), min(float, float), max(float, float), abs(double) and fmax(double, double) as float.
__global__ void m_overloads(const float* x, const float* y, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float a = x[i], b = y[i];
    out[8 * i] = sin(a);
    out[8 * i + 1] = exp(a);
    out[8 * i + 2] = pow(a, b);
    out[8 * i + 3] = abs(a);
    out[8 * i + 4] = min(a, b);
    out[8 * i + 5] = max(a, b);
    out[8 * i + 6] = (float)abs((double)a);
    out[8 * i + 7] = (float)fmax((double)a, (double)b);
  }
}

__global__ void mf_lgammaf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = lgammaf(x[i]);
}

__global__ void mf_tgammaf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tgammaf(x[i]);
}

__global__ void mf_erfinvf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erfinvf(x[i]);
}

__global__ void mf_erfcinvf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erfcinvf(x[i]);
}

__global__ void mf_normcdfinvf(const float* x, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = normcdfinvf(x[i]);
}

__global__ void md_lgamma(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = lgamma(x[i]);
}

__global__ void md_tgamma(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tgamma(x[i]);
}

__global__ void md_erfinv(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erfinv(x[i]);
}

__global__ void md_erfcinv(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = erfcinv(x[i]);
}

__global__ void md_normcdfinv(const double* x, double* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = normcdfinv(x[i]);
}
