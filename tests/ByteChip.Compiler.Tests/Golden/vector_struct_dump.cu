// Golden dumps of vector types, a struct with a constructor and operator, and implicit conversions.
struct V2 {
    float x, y;
    __device__ V2(float a, float b) : x(a), y(b) {}
    __device__ V2 operator*(float k) const { return V2(x * k, y * k); }
};

__constant__ float scale = 2.0f;

__global__ void transform(float4* data, V2* pts, unsigned n)
{
    unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float4 v = data[i];
        data[i] = make_float4(v.x * scale, v.y, v.z, 1);
        pts[i] = pts[i] * 0.5f;
    }
}
