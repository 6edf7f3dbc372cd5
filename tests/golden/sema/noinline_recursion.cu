// BC3017: __noinline__ keeps a function a real call, but the ISA still has no call stack for recursion: direct
// recursion of a __noinline__ function is rejected like any other cycle.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ __noinline__ int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); } // expected-error BC3017 {{recursion}}

__global__ void k(int* out) { out[0] = fact(out[1]); }
