// Constant expressions, arrays, incomplete types, templates, static_assert, unsupported constructs.
struct Incomplete;

template <typename T>
__device__ T identity(T v) { return v; }

template <typename T> struct Box { T value; }; // expected-error BC3041 {{only function templates are supported}}

static_assert(sizeof(int) == 8, "int is 32-bit"); // expected-error BC3051 {{static assertion failed: int is 32-bit}}

__global__ void constants(int* out, int n)
{
    int vla[n]; // expected-error BC3034 {{array size is not an integer constant expression}}
    int negative[-1]; // expected-error BC3035 {{array has negative size}}
    struct Incomplete inc; // expected-error BC3036 {{variable has incomplete type 'struct Incomplete'}}
    int z = identity(); // expected-error BC3040 {{template arguments could not be deduced}}
    int init[2] = { 1, 2, 3 }; // expected-error BC3048 {{excess elements in array initializer}}
    out[0] = vla[0] + negative[0] + z + init[0] + n / 0; // expected-warning BC3046 {{division by zero is undefined}}
}

__device__ float overloadOnReturn(int x) { return 1.0f; }
__device__ int overloadOnReturn(int x) { return 1; } // expected-error BC3047 {{functions that differ only in their return type cannot be overloaded}}
