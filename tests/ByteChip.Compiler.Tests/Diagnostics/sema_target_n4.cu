// ARGS: --arch n4
// dp4a exists on the inference part (n5) only; shared memory beyond the part's limit.
__global__ void dot4(const int* a, const int* b, int* c)
{
    __shared__ float huge[65536]; // expected-error BC3042 {{uses 262144 bytes of shared memory; target n4 has 233472 per block}}
    c[0] = __dp4a(a[0], b[0], c[0]); // expected-error BC3019 {{'__dp4a' requires the dp4a feature, which target n4 lacks}}
    huge[0] = 0.0f;
}

__global__ void __launch_bounds__(2048) tooWide(int* p) { p[0] = 0; } // expected-error BC3042 {{__launch_bounds__ asks for 2048 threads per block; target n4 allows 1024}}
