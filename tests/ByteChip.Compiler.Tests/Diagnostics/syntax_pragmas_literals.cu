// Pragmas and literals.
#pragma some_vendor_thing on // expected-warning BC2007 {{unknown pragma ignored: '#pragma some_vendor_thing on'}}

__global__ void k(float* a, int n)
{
#pragma unroll // expected-warning BC2005 {{'#pragma unroll' must precede a loop; ignored}}
    a[0] = 1.0f;
#pragma unroll 4 x // expected-error BC2006 {{'#pragma unroll' expects an integral constant expression, not '4 x'}}
    for (int i = 0; i < n; ++i) a[i] = 0.0f;
    int big = 123abc; // expected-error BC2008 {{invalid integer literal '123abc'}}
    a[1] = (float)big;
}
