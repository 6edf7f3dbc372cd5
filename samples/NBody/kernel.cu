// All-pairs n-body (after GPU Gems 3, chapter 31): the gravitational acceleration of every body,
//   a_i = sum_j m_j * r_ij / (|r_ij|^2 + eps^2)^(3/2),
// with bodies as float4 (x, y, z, mass). The block walks over the bodies in tiles of BLOCK: each thread
// loads one body of the tile into shared memory, and after a barrier every thread of the block accumulates
// the tile's BLOCK interactions from shared memory. 1/sqrt comes from rsqrtf, one hardware approximation.
// The softening eps^2 keeps the self-interaction (r = 0) at zero and close encounters finite.
// A second kernel advances the bodies by one leapfrog step.
#include <cuda_runtime.h>

#define SOFTENING2 0.01f

__device__ float3 body_body_interaction(float4 bi, float4 bj, float3 ai) {
  float3 r;
  r.x = bj.x - bi.x;
  r.y = bj.y - bi.y;
  r.z = bj.z - bi.z;
  float dist_sqr = r.x * r.x + r.y * r.y + r.z * r.z + SOFTENING2;
  float inv_dist = rsqrtf(dist_sqr);
  float inv_dist3 = inv_dist * inv_dist * inv_dist;
  float s = bj.w * inv_dist3;
  ai.x += r.x * s;
  ai.y += r.y * s;
  ai.z += r.z * s;
  return ai;
}

template <int BLOCK>
__global__ void nbody_accelerations(const float4* __restrict__ pos, float4* __restrict__ acc, int n) {
  __shared__ float4 tile[BLOCK];
  int i = blockIdx.x * BLOCK + threadIdx.x;
  float4 me = i < n ? pos[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  float3 a = make_float3(0.0f, 0.0f, 0.0f);

  for (int start = 0; start < n; start += BLOCK) {
    int j = start + threadIdx.x;
    tile[threadIdx.x] = j < n ? pos[j] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);  // mass 0: no force
    __syncthreads();
#pragma unroll 8
    for (int k = 0; k < BLOCK; k++) a = body_body_interaction(me, tile[k], a);
    __syncthreads();
  }
  if (i < n) acc[i] = make_float4(a.x, a.y, a.z, 0.0f);
}

// Leapfrog (kick-drift): v += a*dt; x += v*dt. The mass in pos[i].w is kept.
__global__ void integrate(float4* __restrict__ pos, float4* __restrict__ vel, const float4* __restrict__ acc, float dt, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float4 p = pos[i], v = vel[i], a = acc[i];
  v.x += a.x * dt;
  v.y += a.y * dt;
  v.z += a.z * dt;
  p.x += v.x * dt;
  p.y += v.y * dt;
  p.z += v.z * dt;
  pos[i] = p;
  vel[i] = v;
}

void nbody_host(float4* pos, float4* vel, float4* acc, float dt, int n) {
  nbody_accelerations<64><<<(n + 63) / 64, 64>>>(pos, acc, n);
  integrate<<<(n + 127) / 128, 128>>>(pos, vel, acc, dt, n);
}
