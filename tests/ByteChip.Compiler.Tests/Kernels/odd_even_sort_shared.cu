// Odd-even transposition sort of one block in shared memory.
#define N 512

__global__ void oddEvenSort(int* data)
{
    __shared__ int s[N];
    int tid = threadIdx.x;
    s[tid] = data[tid];
    __syncthreads();
    for (int phase = 0; phase < N; ++phase) {
        int idx = 2 * tid + (phase & 1);
        if (idx + 1 < N) {
            int a = s[idx];
            int b = s[idx + 1];
            if (a > b) {
                s[idx] = b;
                s[idx + 1] = a;
            }
        }
        __syncthreads();
    }
    data[tid] = s[tid];
}
