// switch with fall-through, shared case bodies and a default; goto backwards (retry with the next 3-bit field)
// and forwards (skip the doubling), all divergent across the warp.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 1000 x i32 match

__global__ void classify(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    int v = in[i];
    int r = 0;
    int k = 0;
retry:
    switch ((v >> (3 * k)) & 7) {
    case 0:
        r += 1;
    case 1:
        r += 10;
        break;
    case 2:
    case 3:
        r += 100;
    case 4:
        r += 1000;
        break;
    case 5:
        if (++k < 4)
            goto retry;
        r += 7;
        break;
    default:
        r -= 3;
        goto done;
    }
    r *= 2;
done:
    out[i] = r + k * 100000;
}
