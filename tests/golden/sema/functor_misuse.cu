// Function objects: calling a struct without operator(), and operator() with the wrong argument count.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Add
{
    __device__ float operator()(float a, float b) const { return a + b; }
};

struct Plain
{
    float v;
};

template <typename Op>
__device__ float fold(Op op, float a) { return op(a); } // expected-error BC3005 {{too few arguments to function call, expected 2, have 1}}

__global__ void k(float* out, const float* x)
{
    Add add;
    Plain plain;
    out[0] = add(x[0], x[1], x[2]); // expected-error BC3005 {{too many arguments to function call, expected 2, have 3}}
    out[1] = plain(x[0]); // expected-error BC3025 {{called object 'plain' is not a function}}
    out[2] = Plain()(x[0]); // expected-error BC3025 {{called object type 'struct Plain' is not a function}}
    out[3] = fold(Add(), x[0]);
}
