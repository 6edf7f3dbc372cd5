// Type errors (BC3003, BC3004, BC3028, BC3029, BC3030, BC3043, BC3044, BC3026, BC3027, BC3045).
struct Pair { int a; int b; };

__global__ void types(float* f, int* p, Pair* pairs)
{
    float4 v = make_float4(1.0f, 2.0f, 3.0f, 4.0f);
    int* q = f; // expected-error BC3003 {{cannot convert 'float *' to 'int *'}}
    Pair pr = pairs[0];
    int bad = pr + 1; // expected-error BC3004 {{invalid operands to binary expression ('struct Pair' and 'int')}}
    int x = 5;
    int y = x[2]; // expected-error BC3028 {{subscripted value is not an array or pointer ('int')}}
    int z = *x; // expected-error BC3029 {{indirection requires pointer operand ('int' invalid)}}
    Pair cast = (Pair)f; // expected-error BC3030 {{cannot cast from 'float *' to 'struct Pair'}}
    int* addr = &(x + 1); // expected-error BC3043 {{cannot take the address of an rvalue of type 'int'}}
    float q4 = v.q; // expected-error BC3044 {{no member named 'q' in 'float4'}}
    int c = pr.c; // expected-error BC3026 {{no member named 'c' in 'struct Pair'}}
    int d = x.a; // expected-error BC3027 {{member reference base type 'int' is not a structure or union}}
    if (pr) { // expected-error BC3045 {{value of type 'struct Pair' is not contextually convertible to 'bool'}}
        p[0] = 1;
    }
    p[1] = q[0] + bad + y + z + cast.a + *addr + (int)q4 + c + d;
}
