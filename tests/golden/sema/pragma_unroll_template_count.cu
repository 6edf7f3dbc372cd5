// '#pragma unroll N' with N a template parameter or a constant is evaluated per template instance: a count that is
// not positive in an instance is warning BC1026 (the pragma is ignored there); a count that is no integral
// constant expression is BC3034.
// RUN: not bytechipcc -fsyntax-only %s | verify
template <int N>
__device__ int sum(const int* in)
{
    int s = 0;
#pragma unroll (N - 2) // expected-warning BC1026 {{'#pragma unroll' count must be a positive integer constant, not 0; pragma ignored}}
    for (int k = 0; k < 4; k++)
        s += in[k];
    constexpr int HALF = N / 2;
#pragma unroll HALF
    for (int k = 0; k < 4; k++)
        s += in[k];
    return s;
}

__global__ void k(const int* in, int* out, int n)
{
    out[0] = sum<2>(in) + sum<6>(in);
#pragma unroll n // expected-error BC3034 {{'#pragma unroll' count must be an integral constant expression}}
    for (int i = 0; i < n; i++)
        out[i] = i;
#pragma unroll 2.5f // expected-error BC3034 {{'#pragma unroll' count must be an integral constant expression}}
    for (int i = 0; i < n; i++)
        out[i] = i;
}
