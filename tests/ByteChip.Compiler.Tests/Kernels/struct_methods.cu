// A small value type with a constructor, member functions and operators.
struct Complex {
    float re;
    float im;
    __device__ Complex(float r, float i) : re(r), im(i) {}
    __device__ float norm2() const { return re * re + im * im; }
    __device__ Complex operator*(const Complex& o) const { return Complex(re * o.re - im * o.im, re * o.im + im * o.re); }
    __device__ Complex operator+(const Complex& o) const { return Complex(re + o.re, im + o.im); }
};

__global__ void mandelbrot(int* iterations, int width, int height, int maxIter)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= width || y >= height) return;
    Complex c(-2.0f + 3.0f * x / width, -1.5f + 3.0f * y / height);
    Complex z(0.0f, 0.0f);
    int it = 0;
    while (it < maxIter && z.norm2() < 4.0f) {
        z = z * z + c;
        ++it;
    }
    iterations[y * width + x] = it;
}
