// Source forms read as C++ reads them: '#pragma unroll' counts that are template parameters and constants
// (evaluated per instance), value template arguments without parentheses, and variables hiding type names
// (a later declarator of a list; a for variable, which hides the type only in its loop).

struct count { int v; };
typedef int value;

template <int BLOCK>
__global__ void unrolled_sums(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    constexpr int HALF = BLOCK / 2;
    int s = 0;
#pragma unroll BLOCK
    for (int k = 0; k < BLOCK; k++)
        s += in[i * BLOCK + k] * (k + 1);
    int t = 0;
#pragma unroll HALF
    for (int k = 0; k < BLOCK; k++)
        t ^= in[i * BLOCK + k] << (k % 5);
    int m = in[i * BLOCK];
#pragma unroll (BLOCK - 1)
    for (int k = 1; k < BLOCK; k++)
        m = max(m, in[i * BLOCK + k]);
    out[i] = s + t - m;
}

template <bool Wide, int Shift>
__device__ int shifted(int x) { return Wide ? x << Shift : x >> Shift; }

__global__ void template_expressions(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        out[i] = shifted<4 == 4, 1 + 1>(in[i]) + shifted<3 < 2, 2 * 2 - 1>(in[i]);
}

__global__ void shadowing(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    int first = in[i], count = 3;
    int acc = first * count;
    for (int value = 0; value < 4; value++)
        acc += value * first;
    value bias = 7;
    struct count c; // the struct, which the variable hides
    c.v = acc + bias;
    out[i] = c.v;
}

void launch_all(const int* in, int* out, int n)
{
    unrolled_sums<4><<<(n + 127) / 128, 128>>>(in, out, n);
    unrolled_sums<8><<<(n + 127) / 128, 128>>>(in, out, n);
}
