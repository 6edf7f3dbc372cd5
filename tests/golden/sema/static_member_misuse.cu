// Static member functions and constants: a non-static member called through the type, members that do not exist,
// and a static data member that is not an integer constant.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Ops
{
    __device__ static float apply(float a, float b) { return a + b; }
    __device__ float scaled(float a) const { return a * factor; }
    static constexpr int identity = 0;
    static float ratio; // expected-error BC3041 {{static data member 'ratio' is not supported}}
    float factor;
};

template <typename Op>
__device__ float use(float a) { return Op::apply(a, a) + Op::identity + Op::missing; } // expected-error BC3026 {{no member named 'missing' in 'Ops'}}

__global__ void k(float* out, const float* x)
{
    out[0] = Ops::scaled(x[0]); // expected-error BC3055 {{call to non-static member function 'Ops::scaled' without an object argument}}
    out[1] = Ops::factor; // expected-error BC3055 {{invalid use of non-static data member 'Ops::factor'}}
    out[2] = Ops::absent(x[0]); // expected-error BC3026 {{no member function named 'absent' in 'Ops'}}
    out[3] = Ops::apply(x[0], x[1]) + use<Ops>(x[2]);
}
