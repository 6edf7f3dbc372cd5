using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>
/// Vector forms of the 64-bit operations every address computation uses (add.u64, mul.wide.u32): a pair
/// is two rows (low words, high words), so eight lanes are two vectors. Every chunk reads its operands
/// before writing, which keeps overlapping operands (d's high row as a) correct.
/// </summary>
internal static partial class Lanes
{
    /// <summary>d = a + b (pairs), or a + sext(imm).</summary>
    public static void Add64(uint[] regs, in Uop u, uint exec, bool immediate)
    {
        ref uint r = ref Row(regs);
        var immLo = Vector256.Create(u.Imm);
        var immHi = Vector256.Create((int)u.Imm < 0 ? uint.MaxValue : 0u);
        for (int k = 0; k < 32; k += 8)
        {
            var aLo = Load(ref r, u.A + k);
            var aHi = Load(ref r, u.A + 32 + k);
            var bLo = immediate ? immLo : Load(ref r, u.B + k);
            var bHi = immediate ? immHi : Load(ref r, u.B + 32 + k);
            var lo = aLo + bLo;
            // The carry compare gives all ones (-1) where the low word wrapped.
            var hi = aHi + bHi - Vector256.LessThan(lo, aLo);
            Store(ref r, u.D + k, lo, exec >> k);
            Store(ref r, u.D + 32 + k, hi, exec >> k);
        }
    }

    /// <summary>d = zext(a) * zext(b) (or the immediate), the full 64-bit product.</summary>
    public static void MulWideU32(uint[] regs, in Uop u, uint exec, bool immediate)
    {
        if (!Avx2.IsSupported)
        {
            Scalar64<MulWideU32>(regs, u, exec, immediate ? Operand64.ImmUnsigned : Operand64.Reg32);
            return;
        }
        ref uint r = ref Row(regs);
        var imm = Vector256.Create(u.Imm);
        for (int k = 0; k < 32; k += 8)
        {
            var a = Load(ref r, u.A + k);
            var b = immediate ? imm : Load(ref r, u.B + k);
            // vpmuludq multiplies the low 32 bits of each 64-bit element: widen so every lane has one.
            var low = Avx2.Multiply(Vector256.WidenLower(a).AsUInt32(), Vector256.WidenLower(b).AsUInt32());
            var high = Avx2.Multiply(Vector256.WidenUpper(a).AsUInt32(), Vector256.WidenUpper(b).AsUInt32());
            Store(ref r, u.D + k, Vector256.Narrow(low, high), exec >> k);
            Store(ref r, u.D + 32 + k, Vector256.Narrow(low >>> 32, high >>> 32), exec >> k);
        }
    }
}
