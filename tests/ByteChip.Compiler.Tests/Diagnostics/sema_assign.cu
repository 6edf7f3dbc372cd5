// Assignments: not assignable, const, __constant__ memory (BC3008, BC3009, BC3012).
__constant__ float coefficients[4];

__global__ void assign(float* out, const float* in)
{
    const int limit = 10;
    limit = 11; // expected-error BC3009 {{cannot assign to variable 'limit' with const-qualified type 'const int'}}
    in[0] = 1.0f; // expected-error BC3009 {{cannot assign to expression with const-qualified type 'const float'}}
    threadIdx.x = 0; // expected-error BC3009 {{const-qualified type}}
    coefficients[0] = 2.0f; // expected-error BC3012 {{cannot write to __constant__ variable 'coefficients' in device code}}
    out[0] + 1.0f = 3.0f; // expected-error BC3008 {{expression is not assignable}}
    out[1] = coefficients[1];
}
