// BC3044: .w of a float3.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(float3* v, float* out)
{
    out[0] = v[0].w; // expected-error BC3044 {{no member named 'w'}}
}
