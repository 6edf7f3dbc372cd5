// One of each construct of the subset that the other kernels do not already use.
#include <cuda_runtime.h>
#include <stdint.h>
#include <limits.h>

extern "C" {
__device__ int externC(int x) { return x + 1; }
}

namespace detail { int hostOnlyHelper() { return 0; } }

struct Inner { short a; unsigned char b[3]; };
struct Outer {
    struct Inner inner;
    Inner arr[2];
    union { int i; float f; } u;
    volatile int flag;
};

typedef struct Node { int value; struct Node* next; } Node;
enum class Color : int { Red, Green = 5, Blue };
using real = float;

__device__ __noinline__ int sumList(const Node* n)
{
    int s = 0;
    for (const Node* p = n; p != nullptr; p = p->next) s += p->value;
    return s;
}

__device__ void swapRefs(int& a, int& b) { int t = a; a = b; b = t; }

__device__ inline real lerp(real a, real b, real t) { return a + t * (b - a); }

__host__ __device__ constexpr int square(int x) { return x * x; }

template <typename T, int N = 4>
__device__ T sumArray(const T (&values)[N])
{
    T s = T();
    for (auto i = 0; i < N; ++i) s += values[i];
    return s;
}

__global__ void tour(Outer* o, Node* list, float* out, int64_t* big, int n)
{
    const int tid = blockIdx.x * blockDim.x + threadIdx.x;
    int grid[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    float weights[] = { 0.25f, 0.5f, 0.25f };
    Inner in = { .a = 3, .b = { 1, 2, 3 } };
    o->inner = in;
    o->arr[1].b[2] = (unsigned char)grid[1][2];
    o->u.f = 1.5f;
    o[0].flag = o->u.i != 0;
    int a = 1, b = 2;
    swapRefs(a, b);
    auto scaled = lerp(0.0f, 1.0f, 0.5f) * weights[1];
    int counter = 0;
    do {
        counter += 2;
        if (counter > 10) break;
        if (counter == 4) continue;
    } while (counter < 8);
    int c = (a, b);
    c = c > 0 ? c : -c;
    c <<= 2;
    c |= 1;
    c ^= 0x10;
    c %= 7;
    unsigned long long wide = ULLONG_MAX;
    big[tid % 2] = (int64_t)(wide >> 1) + (long long)sizeof(Outer) + alignof(double);
    float* reinterpret = reinterpret_cast<float*>(big);
    const float* constView = const_cast<const float*>(reinterpret);
    out[tid] = static_cast<float>(c) + scaled + constView[0] + externC(square(3)) + sumList(list);
    Color color = Color::Green;
    out[0] += (int)color;
    float arr4[4] = { 1.0f, 2.0f, 3.0f, 4.0f };
    out[1] = sumArray(arr4);
    if (tid >= n) goto end;
    out[2] = __fdividef(1.0f, 3.0f) + __saturatef(2.0f) + __ldg(&out[3]) + copysignf(1.0f, -2.0f);
    out[3] = isnan(out[4]) ? 0.0f : (isinf(out[5]) ? 1.0f : (float)isfinite(out[6]));
    {
        float s, co;
        sincosf(0.5f, &s, &co);
        out[4] = s + co + erff(0.1f) + tgammaf(2.0f) + exp10f(1.0f) + log1pf(0.1f) + cbrtf(8.0f) + fmodf(5.0f, 3.0f);
    }
    out[5] = (float)__clzll(wide) + (float)__ffsll((long long)wide) + (float)__brevll(1ull) + (float)__mul24(3, 4);
    __threadfence();
    __threadfence_block();
    __syncwarp();
    out[6] = (float)__syncthreads_count(tid & 1) + (float)__syncthreads_and(1) + (float)__syncthreads_or(0);
end:
    return;
}

int main() { detail::hostOnlyHelper(); return 0; }
