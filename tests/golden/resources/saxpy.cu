// RUN: bytechipcc --resource-usage -O2 %s | precise
// RUN: bytechipcc --resource-usage -O2 --arch n5 %s | precise n5
__global__ void saxpy(float a, const float* x, float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        y[i] = a * x[i] + y[i];
}
