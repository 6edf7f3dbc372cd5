/*
 * ByteChip built-in declarations, included before every translation unit as nvcc includes cuda_runtime.h.
 * Functions declared here without a body are the compiler's built-ins: the semantic analysis marks them
 * (FunctionSymbol.IsBuiltin) and IR generation maps each one to an intrinsic by name and signature.
 * The vector types (float4, int2, dim3, uint3, ...), make_* constructors, __half and the built-in variables
 * threadIdx/blockIdx/blockDim/gridDim/warpSize are known to the semantic analysis itself.
 */
#pragma once

/* __global__, __device__, __host__, __shared__, __constant__, __forceinline__, __noinline__, __restrict__,
   __launch_bounds__ and __align__ are keywords of the grammar, not macros. */
#define __inline__ inline
#define __CUDA_RUNTIME_H__ 1
#ifndef NULL
#define NULL 0
#endif
#define CUDART_INF_F __int_as_float(0x7f800000)
#define CUDART_NAN_F __int_as_float(0x7fffffff)
#define CUDART_PI_F 3.141592654f
#define CUDART_PI 3.1415926535897931e+0
#define INFINITY __int_as_float(0x7f800000)
#define NAN __int_as_float(0x7fffffff)

typedef unsigned long size_t;
typedef long ptrdiff_t;
typedef unsigned int cudaStream_t;
typedef int cudaError_t;
#define cudaSuccess 0

/* Synchronization and memory fences. */
__device__ void __syncthreads(void);
__device__ int __syncthreads_count(int predicate);
__device__ int __syncthreads_and(int predicate);
__device__ int __syncthreads_or(int predicate);
__device__ void __syncwarp(unsigned mask = 0xffffffff);
__device__ void __threadfence(void);
__device__ void __threadfence_block(void);
__device__ void __threadfence_system(void);
__device__ void __trap(void);
__device__ void __brkpt(void);
__device__ long long clock64(void);
__device__ int clock(void);

/* Atomics. */
__device__ int atomicAdd(int* address, int val);
__device__ unsigned int atomicAdd(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicAdd(unsigned long long* address, unsigned long long val);
__device__ float atomicAdd(float* address, float val);
__device__ double atomicAdd(double* address, double val);
__device__ int atomicSub(int* address, int val);
__device__ unsigned int atomicSub(unsigned int* address, unsigned int val);
__device__ int atomicExch(int* address, int val);
__device__ unsigned int atomicExch(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicExch(unsigned long long* address, unsigned long long val);
__device__ float atomicExch(float* address, float val);
__device__ int atomicMin(int* address, int val);
__device__ unsigned int atomicMin(unsigned int* address, unsigned int val);
__device__ long long atomicMin(long long* address, long long val);
__device__ unsigned long long atomicMin(unsigned long long* address, unsigned long long val);
__device__ int atomicMax(int* address, int val);
__device__ unsigned int atomicMax(unsigned int* address, unsigned int val);
__device__ long long atomicMax(long long* address, long long val);
__device__ unsigned long long atomicMax(unsigned long long* address, unsigned long long val);
__device__ unsigned int atomicInc(unsigned int* address, unsigned int val);
__device__ unsigned int atomicDec(unsigned int* address, unsigned int val);
__device__ int atomicCAS(int* address, int compare, int val);
__device__ unsigned int atomicCAS(unsigned int* address, unsigned int compare, unsigned int val);
__device__ unsigned long long atomicCAS(unsigned long long* address, unsigned long long compare, unsigned long long val);
__device__ int atomicAnd(int* address, int val);
__device__ unsigned int atomicAnd(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicAnd(unsigned long long* address, unsigned long long val);
__device__ int atomicOr(int* address, int val);
__device__ unsigned int atomicOr(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicOr(unsigned long long* address, unsigned long long val);
__device__ int atomicXor(int* address, int val);
__device__ unsigned int atomicXor(unsigned int* address, unsigned int val);
__device__ unsigned long long atomicXor(unsigned long long* address, unsigned long long val);

/* Warp shuffles and votes; the legacy forms without _sync act on the full warp. */
__device__ int __shfl_sync(unsigned mask, int var, int srcLane, int width = 32);
__device__ unsigned int __shfl_sync(unsigned mask, unsigned int var, int srcLane, int width = 32);
__device__ long long __shfl_sync(unsigned mask, long long var, int srcLane, int width = 32);
__device__ float __shfl_sync(unsigned mask, float var, int srcLane, int width = 32);
__device__ double __shfl_sync(unsigned mask, double var, int srcLane, int width = 32);
__device__ int __shfl_up_sync(unsigned mask, int var, unsigned int delta, int width = 32);
__device__ unsigned int __shfl_up_sync(unsigned mask, unsigned int var, unsigned int delta, int width = 32);
__device__ float __shfl_up_sync(unsigned mask, float var, unsigned int delta, int width = 32);
__device__ double __shfl_up_sync(unsigned mask, double var, unsigned int delta, int width = 32);
__device__ int __shfl_down_sync(unsigned mask, int var, unsigned int delta, int width = 32);
__device__ unsigned int __shfl_down_sync(unsigned mask, unsigned int var, unsigned int delta, int width = 32);
__device__ float __shfl_down_sync(unsigned mask, float var, unsigned int delta, int width = 32);
__device__ double __shfl_down_sync(unsigned mask, double var, unsigned int delta, int width = 32);
__device__ int __shfl_xor_sync(unsigned mask, int var, int laneMask, int width = 32);
__device__ unsigned int __shfl_xor_sync(unsigned mask, unsigned int var, int laneMask, int width = 32);
__device__ float __shfl_xor_sync(unsigned mask, float var, int laneMask, int width = 32);
__device__ double __shfl_xor_sync(unsigned mask, double var, int laneMask, int width = 32);
__device__ int __shfl(int var, int srcLane, int width = 32);
__device__ float __shfl(float var, int srcLane, int width = 32);
__device__ int __shfl_up(int var, unsigned int delta, int width = 32);
__device__ float __shfl_up(float var, unsigned int delta, int width = 32);
__device__ int __shfl_down(int var, unsigned int delta, int width = 32);
__device__ float __shfl_down(float var, unsigned int delta, int width = 32);
__device__ int __shfl_xor(int var, int laneMask, int width = 32);
__device__ float __shfl_xor(float var, int laneMask, int width = 32);
__device__ unsigned int __ballot_sync(unsigned mask, int predicate);
__device__ int __any_sync(unsigned mask, int predicate);
__device__ int __all_sync(unsigned mask, int predicate);
__device__ unsigned int __ballot(int predicate);
__device__ int __any(int predicate);
__device__ int __all(int predicate);
__device__ unsigned int __activemask(void);
__device__ unsigned int __lanemask_lt(void);

/* Integer and bit functions. */
__device__ unsigned int umin(unsigned int a, unsigned int b);
__device__ unsigned int umax(unsigned int a, unsigned int b);
__device__ unsigned long long ullmin(unsigned long long a, unsigned long long b);
__device__ unsigned long long ullmax(unsigned long long a, unsigned long long b);
__device__ long long llmin(long long a, long long b);
__device__ long long llmax(long long a, long long b);
__device__ int min(int a, int b);
__device__ unsigned int min(unsigned int a, unsigned int b);
__device__ long long min(long long a, long long b);
__device__ unsigned long long min(unsigned long long a, unsigned long long b);
__device__ float min(float a, float b);
__device__ double min(double a, double b);
__device__ int max(int a, int b);
__device__ unsigned int max(unsigned int a, unsigned int b);
__device__ long long max(long long a, long long b);
__device__ unsigned long long max(unsigned long long a, unsigned long long b);
__device__ float max(float a, float b);
__device__ double max(double a, double b);
__device__ int abs(int a);
__device__ long long abs(long long a);
__device__ float abs(float a);
__device__ double abs(double a);
__device__ long long llabs(long long a);
__device__ int __popc(unsigned int x);
__device__ int __popcll(unsigned long long x);
__device__ int __clz(int x);
__device__ int __clzll(long long x);
__device__ int __ffs(int x);
__device__ int __ffsll(long long x);
__device__ unsigned int __brev(unsigned int x);
__device__ unsigned long long __brevll(unsigned long long x);
__device__ unsigned int __byte_perm(unsigned int x, unsigned int y, unsigned int s);
__device__ int __mul24(int x, int y);
__device__ unsigned int __umul24(unsigned int x, unsigned int y);
__device__ int __mulhi(int x, int y);
__device__ unsigned int __umulhi(unsigned int x, unsigned int y);
__device__ long long __mul64hi(long long x, long long y);
__device__ unsigned long long __umul64hi(unsigned long long x, unsigned long long y);
__device__ int __sad(int x, int y, int z);
__device__ unsigned int __usad(unsigned int x, unsigned int y, unsigned int z);
__device__ unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ unsigned int __funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ int __hadd(int x, int y);
/* Four-way int8 dot product with 32-bit accumulate: needs the dp4a feature (n5). */
__device__ int __dp4a(int srcA, int srcB, int c);
__device__ unsigned int __dp4a(unsigned int srcA, unsigned int srcB, unsigned int c);
__device__ int __rhadd(int x, int y);

/* Reinterpretation and conversion intrinsics. */
__device__ float __int_as_float(int x);
__device__ int __float_as_int(float x);
__device__ float __uint_as_float(unsigned int x);
__device__ unsigned int __float_as_uint(float x);
__device__ double __longlong_as_double(long long x);
__device__ long long __double_as_longlong(double x);
__device__ int __float2int_rn(float x);
__device__ int __float2int_rz(float x);
__device__ int __float2int_rd(float x);
__device__ int __float2int_ru(float x);
__device__ unsigned int __float2uint_rn(float x);
__device__ unsigned int __float2uint_rz(float x);
__device__ float __int2float_rn(int x);
__device__ float __uint2float_rn(unsigned int x);
__device__ int __double2int_rn(double x);
__device__ float __double2float_rn(double x);
__device__ long long __float2ll_rn(float x);

/* Read-only data cache loads. */
__device__ float __ldg(const float* p);
__device__ double __ldg(const double* p);
__device__ int __ldg(const int* p);
__device__ unsigned int __ldg(const unsigned int* p);
__device__ long long __ldg(const long long* p);
__device__ unsigned long long __ldg(const unsigned long long* p);
__device__ char __ldg(const char* p);
__device__ unsigned char __ldg(const unsigned char* p);
__device__ short __ldg(const short* p);
__device__ float2 __ldg(const float2* p);
__device__ float4 __ldg(const float4* p);
__device__ int2 __ldg(const int2* p);
__device__ int4 __ldg(const int4* p);

/* Device printf is declared so files compile up to the call, which the semantic analysis rejects. */
__device__ int printf(const char* format, ...);

/* Half precision. */
typedef __half half;
__device__ __half __float2half(float x);
__device__ __half __float2half_rn(float x);
__device__ float __half2float(__half x);
__device__ __half __hadd(__half a, __half b);
__device__ __half __hsub(__half a, __half b);
__device__ __half __hmul(__half a, __half b);
__device__ __half __hdiv(__half a, __half b);
__device__ __half __hfma(__half a, __half b, __half c);
__device__ __half __hneg(__half a);
__device__ bool __hlt(__half a, __half b);
__device__ bool __hgt(__half a, __half b);
__device__ bool __heq(__half a, __half b);
__device__ __half hsqrt(__half a);
__device__ __half hexp(__half a);

/* Cooperative groups as block-level sugar (namespace qualifiers cg:: and cooperative_groups:: are accepted). */
struct thread_block {
    __device__ void sync();
    __device__ unsigned int thread_rank();
    __device__ unsigned int size();
    __device__ unsigned int num_threads();
    __device__ dim3 group_index();
    __device__ dim3 thread_index();
};
__device__ thread_block this_thread_block();
__device__ void sync(thread_block& g);

#include "__bytechip_math.h"
