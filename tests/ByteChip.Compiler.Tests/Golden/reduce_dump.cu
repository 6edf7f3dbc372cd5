// Golden dumps (--dump-after=ast and --dump-after=sema) of a small templated reduction.
#define WARP 32

struct Acc { float sum; int count; };

template <int BLOCK>
__global__ void blockSum(const float* in, Acc* out, int n)
{
    __shared__ float s[BLOCK];
    int tid = threadIdx.x;
    s[tid] = tid < n ? in[tid] : 0.0f;
    __syncthreads();
#pragma unroll
    for (int stride = BLOCK / 2; stride >= WARP; stride >>= 1) {
        if (tid < stride) s[tid] += s[tid + stride];
        __syncthreads();
    }
    if (tid == 0) {
        out->sum = s[0];
        out->count = n;
    }
}

void launch(const float* in, Acc* out) { blockSum<128><<<1, 128>>>(in, out, 100); }
