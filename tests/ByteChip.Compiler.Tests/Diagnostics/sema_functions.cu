// Function bodies: returns, recursion, unused variables, labels, loops (BC3014-3017, BC3020, BC3031-3033, BC3050, BC3054).
__device__ int noValue(int x)
{
    if (x > 0) return; // expected-error BC3014 {{non-void function 'noValue' should return a value}}
    return x;
}

__device__ void voidValue(int* p)
{
    return p[0]; // expected-error BC3015 {{void function 'voidValue' should not return a value}}
}

__device__ int fallsOff(int x)
{
    if (x > 0) return 1;
} // expected-warning BC3016 {{non-void function 'fallsOff' does not return a value in all control paths}}

__device__ int factorial(int n) // expected-error BC3017 {{recursion is not supported in device code}}
{
    return n <= 1 ? 1 : n * factorial(n - 1);
}

__global__ void bodies(int* out, int n)
{
    int unused = 3; // expected-warning BC3020 {{unused variable 'unused'}}
    break; // expected-error BC3031 {{'break' statement not in loop or switch statement}}
    case 1: out[0] = 0; // expected-error BC3032 {{'case' statement not in switch statement}}
    goto nowhere; // expected-error BC3033 {{use of undeclared label 'nowhere'}}
    switch (n) {
    case 1: out[1] = 1; break;
    case 1: out[1] = 2; break; // expected-error BC3050 {{duplicate case value '1'}}
    }
again:
    out[2] = fallsOff(n) + factorial(n);
again: // expected-error BC3054 {{redefinition of label 'again'}}
    out[3] = noValue(n);
}
