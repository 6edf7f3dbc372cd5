// What the samples' kernels need from <cuda_runtime.h> when clang-19 compiles them device-only without a CUDA
// installation (-nocudainc -nocudalib), so the compile-time comparison runs both compilers on the same files.
// Used together with tests/ByteChip.Backend.Tests/Kernels/cuda_shim.h (-include), which gives the attributes and
// the built-in variables. Math functions without an NVPTX instruction stay external calls (clang would link
// libdevice for them), so clang's figure is, if anything, a little too fast.
#pragma once
#include <stddef.h>

typedef struct CUstream_st* cudaStream_t;

struct dim3 {
  unsigned int x, y, z;
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};
extern "C" int cudaConfigureCall(dim3 grid, dim3 block, size_t shared = 0, cudaStream_t stream = 0);

#define BYTECHIP_BENCH_VECTOR(T, N2, N3, N4)                                                                  \
  struct N2 { T x, y; };                                                                                       \
  struct N3 { T x, y, z; };                                                                                    \
  struct __attribute__((aligned(4 * sizeof(T)))) N4 { T x, y, z, w; };                                        \
  __host__ __device__ inline N2 make_##N2(T x, T y) { return N2{x, y}; }                                      \
  __host__ __device__ inline N3 make_##N3(T x, T y, T z) { return N3{x, y, z}; }                             \
  __host__ __device__ inline N4 make_##N4(T x, T y, T z, T w) { return N4{x, y, z, w}; }
BYTECHIP_BENCH_VECTOR(float, float2, float3, float4)
BYTECHIP_BENCH_VECTOR(int, int2, int3, int4)
BYTECHIP_BENCH_VECTOR(unsigned int, uint2, uint3_, uint4)
BYTECHIP_BENCH_VECTOR(double, double2, double3, double4)
#undef BYTECHIP_BENCH_VECTOR

#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")

__device__ inline float sqrtf(float x) { return __builtin_sqrtf(x); }
__device__ inline float fabsf(float x) { return __builtin_fabsf(x); }
__device__ inline float fmaxf(float a, float b) { return __builtin_fmaxf(a, b); }
__device__ inline float fminf(float a, float b) { return __builtin_fminf(a, b); }
__device__ inline float rsqrtf(float x) { return __nvvm_rsqrt_approx_f(x); }
extern "C" __device__ float expf(float);
extern "C" __device__ float logf(float);
extern "C" __device__ float erff(float);
extern "C" __device__ double erf(double);

__device__ inline int atomicAdd(int* p, int v) { return __nvvm_atom_add_gen_i(p, v); }
__device__ inline unsigned int atomicAdd(unsigned int* p, unsigned int v) {
  return (unsigned int)__nvvm_atom_add_gen_i((int*)p, (int)v);
}
__device__ inline float atomicAdd(float* p, float v) { return __nvvm_atom_add_gen_f(p, v); }

__device__ inline int __shfl_down_sync(unsigned int mask, int v, unsigned int d) {
  return __nvvm_shfl_sync_down_i32(mask, v, d, 0x1f);
}
__device__ inline float __shfl_down_sync(unsigned int mask, float v, unsigned int d) {
  return __nvvm_shfl_sync_down_f32(mask, v, d, 0x1f);
}
__device__ inline int __shfl_up_sync(unsigned int mask, int v, unsigned int d) {
  return __nvvm_shfl_sync_up_i32(mask, v, d, 0);
}
__device__ inline float __shfl_up_sync(unsigned int mask, float v, unsigned int d) {
  return __nvvm_shfl_sync_up_f32(mask, v, d, 0);
}
__device__ inline int __shfl_xor_sync(unsigned int mask, int v, int m) {
  return __nvvm_shfl_sync_bfly_i32(mask, v, m, 0x1f);
}
__device__ inline float __shfl_xor_sync(unsigned int mask, float v, int m) {
  return __nvvm_shfl_sync_bfly_f32(mask, v, m, 0x1f);
}
