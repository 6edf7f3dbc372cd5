// typedefs, enums, unions, arrays of structs, switch with fall-through and goto.
typedef unsigned int uint;
typedef struct { float x, y; } Point;
enum Op { OP_ADD = 1, OP_SUB, OP_MUL };
union Bits { float f; unsigned int u; };

__device__ float apply(enum Op op, float a, float b)
{
    switch (op) {
    case OP_ADD:
        return a + b;
    case OP_SUB:
        b = -b;
        // fall through
    case OP_MUL:
        return op == OP_SUB ? a + b : a * b;
    default:
        break;
    }
    return 0.0f;
}

__global__ void pointsKernel(Point* pts, uint n, enum Op op)
{
    uint i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) goto done;
    {
        Point p = pts[i];
        union Bits bits;
        bits.f = p.x;
        bits.u &= 0x7fffffffu;
        pts[i].x = apply(op, bits.f, p.y);
        Point table[2] = { { 1.0f, 2.0f }, { 3.0f, 4.0f } };
        pts[i].y += table[i & 1].y;
    }
done:
    return;
}
