// Names: undeclared, redeclared, wrong kind (BC3001, BC3002, BC3025, BC3037, BC3038).
int hostCounter = 0;
const int kBlock = 256;

__device__ int twice(int x) { return 2 * x; }
__device__ int twice(int x) { return x + x; } // expected-error BC3002 {{redefinition of 'twice'}}

__global__ void names(int* out)
{
    int i = threadIdx.x;
    out[i] = undefinedThing; // expected-error BC3001 {{use of undeclared identifier 'undefinedThing'}}
    out[i] = undefinedThing + 1;
    int i = 2; // expected-error BC3002 {{redefinition of 'i'}}
    out[0] = i(3); // expected-error BC3025 {{called object 'i' is not a function}}
    out[1] = hostCounter; // expected-error BC3038 {{reference to __host__ variable 'hostCounter' in __global__ function}}
    out[2] = kBlock;
    Widget w; // expected-error BC3037 {{unknown type name 'Widget'}}
}

__device__ int unknownParameter(Gadget* g, int k) { return k; } // expected-error BC3037 {{unknown type name 'Gadget'}}

__device__ void types()
{
    unsigned float f = 1.0f; // expected-error BC3037 {{cannot combine these type specifiers}}
    (void)f;
}
