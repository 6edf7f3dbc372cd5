// A macro is not expanded again inside its own expansion (C11 6.10.3.4p2): self-reference, mutual recursion and a
// function-like macro calling itself end, leaving the name.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
__device__ int foo, ping, pong;
__device__ int twice(int v) { return v; }
#define foo foo
#define ping pong
#define pong ping
#define twice(x) twice(x) + x
__global__ void k(int* out)
{
    out[0] = foo + ping + pong + twice(twice(1));
}
// CHECK: out [ 0 ] = foo + ping + pong + twice ( twice ( 1 ) + 1 ) + twice ( 1 ) + 1 ;
