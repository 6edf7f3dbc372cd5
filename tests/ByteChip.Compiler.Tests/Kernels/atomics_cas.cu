// Atomic max on float through atomicCAS, and the other integer atomics.
__device__ float atomicMaxFloat(float* address, float value)
{
    int* bits = (int*)address;
    int old = *bits;
    int assumed;
    do {
        assumed = old;
        if (__int_as_float(assumed) >= value) break;
        old = atomicCAS(bits, assumed, __float_as_int(value));
    } while (assumed != old);
    return __int_as_float(old);
}

__global__ void atomicsKernel(const float* in, float* maxOut, int* counters, unsigned int* flags, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomicMaxFloat(maxOut, in[i]);
        atomicSub(&counters[0], 1);
        atomicMin(&counters[1], i);
        atomicMax(&counters[2], i);
        atomicExch(&counters[3], i);
        atomicAnd(&flags[0], 0xfu);
        atomicOr(&flags[1], 1u << (i & 31));
        atomicXor(&flags[2], (unsigned int)i);
        atomicInc(&flags[3], 1024u);
        atomicDec(&flags[4], 1024u);
    }
}
