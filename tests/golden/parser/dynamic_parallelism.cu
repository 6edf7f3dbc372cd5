// BC2002: device code may not launch kernels (no dynamic parallelism).
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void child(int* p) { p[0] = 1; }
__global__ void parent(int* p)
{
    child<<<1, 1>>>(p); // expected-error BC2002
}
