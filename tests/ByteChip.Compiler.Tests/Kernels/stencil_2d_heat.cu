// 2D five-point heat diffusion step.
__global__ void heatStep(const float* __restrict__ u, float* __restrict__ unew, int nx, int ny, float alpha)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x <= 0 || y <= 0 || x >= nx - 1 || y >= ny - 1) {
        return;
    }
    int idx = y * nx + x;
    float lap = u[idx - 1] + u[idx + 1] + u[idx - nx] + u[idx + nx] - 4.0f * u[idx];
    unew[idx] = u[idx] + alpha * lap;
}
