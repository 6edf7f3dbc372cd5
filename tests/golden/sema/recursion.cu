// BC3017: a cycle in the device call graph (mutual recursion).
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int odd(int n);
__device__ int even(int n) { return n == 0 ? 1 : odd(n - 1); } // expected-error BC3017 {{recursion}}
__device__ int odd(int n) { return n == 0 ? 0 : even(n - 1); }

__global__ void k(int* out) { out[0] = even(out[1]); }
