// Misuse of functors, static members and qualified names (C++ conveniences of CUDA kernels).

struct Add
{
    __device__ float operator()(float a, float b) const { return a + b; }
    __device__ static float apply(float a, float b) { return a + b; }
    __device__ float twice(float a) const { return a + a; }
    static const int identity = 0;
    float bias;
};

struct Plain
{
    float v;
};

__global__ void k(float* out, const float* x)
{
    Add add;
    Plain plain;
    out[0] = add(x[0]); // expected-error BC3005 {{too few arguments to function call, expected 2, have 1}}
    out[1] = plain(x[0]); // expected-error BC3025 {{called object 'plain' is not a function}}
    out[2] = Add::twice(x[0]); // expected-error BC3055 {{call to non-static member function 'Add::twice' without an object argument}}
    out[3] = Add::bias; // expected-error BC3055 {{invalid use of non-static data member 'Add::bias'}}
    out[4] = Add::nothing(1.0f); // expected-error BC3026 {{no member function named 'nothing' in 'Add'}}
    out[5] = Add::missing; // expected-error BC3026 {{no member named 'missing' in 'Add'}}
    out[6] = Add::apply(x[0], x[1]) + Add::identity;
}
