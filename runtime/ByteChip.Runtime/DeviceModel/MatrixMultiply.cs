using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>The mma (n4) and dp4a (n5) groups, with the spec's fragment layouts.</summary>
internal static class MatrixMultiply
{
    /// <summary>
    /// mma.m16n8k16: gathers A (16x16), B (16x8) and C (16x8) from the lanes' fragments (g = lane >> 2,
    /// t = lane &amp; 3), computes each D element as acc = C; acc = fma(A[row][k], B[k][col], acc) for k = 0..15
    /// (the product of two 16-bit floats is exact in f32, so fma rounds only the sum), and scatters D.
    /// </summary>
    public static void Execute(uint[] r, in Uop u, bool bf16)
    {
        Span<float> a = stackalloc float[16 * 16];
        Span<float> b = stackalloc float[16 * 8];
        Span<float> c = stackalloc float[16 * 8];
        var format = bf16 ? FloatFormat.Bf16 : FloatFormat.F16;
        for (int lane = 0; lane < 32; lane++)
        {
            int g = lane >> 2, t = lane & 3;
            for (int i = 0; i < 8; i++)
            {
                int row = (i & 2) != 0 ? g + 8 : g;
                int col = (t * 2) + (i & 1) + (i >= 4 ? 8 : 0);
                a[(row * 16) + col] = Half16(r, u.A, i, lane, format);
            }
            for (int i = 0; i < 4; i++)
            {
                int k = (t * 2) + (i & 1) + (i >= 2 ? 8 : 0);
                b[(k * 8) + g] = Half16(r, u.B, i, lane, format);
            }
            for (int i = 0; i < 4; i++)
            {
                int row = i >= 2 ? g + 8 : g;
                int col = (t * 2) + (i & 1);
                c[(row * 8) + col] = FloatMath.F(r[u.C + (i * 32) + lane]);
            }
        }
        for (int lane = 0; lane < 32; lane++)
        {
            int g = lane >> 2, t = lane & 3;
            for (int i = 0; i < 4; i++)
            {
                int row = i >= 2 ? g + 8 : g;
                int col = (t * 2) + (i & 1);
                float acc = c[(row * 8) + col];
                for (int k = 0; k < 16; k++)
                {
                    acc = MathF.FusedMultiplyAdd(a[(row * 16) + k], b[(k * 8) + col], acc);
                }
                r[u.D + (i * 32) + lane] = FloatMath.Bits(acc);
            }
        }
    }

    /// <summary>Element i of a fragment of 16-bit values packed two per register, low half first.</summary>
    private static float Half16(uint[] r, int row, int i, int lane, FloatFormat format)
    {
        uint word = r[row + ((i >> 1) * 32) + lane];
        uint half = (i & 1) == 0 ? word & 0xFFFF : word >> 16;
        return (float)format.ToDouble(half);
    }

    /// <summary>dp4a: c plus the four byte products, each byte extended by its operand's signedness, wrapping.</summary>
    public static void DotProduct(uint[] r, in Uop u, uint exec)
    {
        bool aSigned = u.Op is Opcode.Dp4aS32S8S8 or Opcode.Dp4aS32S8U8;
        bool bSigned = u.Op is Opcode.Dp4aS32S8S8 or Opcode.Dp4aS32U8S8;
        if (u.Op is not (Opcode.Dp4aS32S8S8 or Opcode.Dp4aU32U8U8 or Opcode.Dp4aS32S8U8 or Opcode.Dp4aS32U8S8))
        {
            throw new WarpFault(RuntimeError.Internal, 0, $"the device model has no implementation of {u.Op} (a bug)");
        }
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            uint a = r[u.A + l], b = r[u.B + l];
            uint sum = r[u.C + l];
            for (int k = 0; k < 32; k += 8)
            {
                int x = aSigned ? (sbyte)(a >> k) : (byte)(a >> k);
                int y = bSigned ? (sbyte)(b >> k) : (byte)(b >> k);
                sum += (uint)(x * y);
            }
            r[u.D + l] = sum;
        }
    }
}
