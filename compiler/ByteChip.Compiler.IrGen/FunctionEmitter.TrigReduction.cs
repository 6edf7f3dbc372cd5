using ByteChip.Compiler.Llvm;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.IrGen;

/// <summary>
/// Argument reduction for the trigonometric functions: x = q·π/2 + r, |r| &lt;= π/4, r as a double-double.
/// Below 2^19 Cody–Waite with a three-part π/2; from 2^19 to DBL_MAX a Payne–Hanek reduction in exact integer
/// arithmetic, taken on a branch so that ordinary arguments do not pay for it:
/// <code>
///   x = m·2^(E−52)                  m the 53-bit significand
///   W = 224 bits of 2/π from bit b = E − 54 (+64 for the table's leading zero words)
///   P = m·W                         9 × 32-bit limbs; bits above b of 2/π only add multiples of 4
///   q = P bits 223..222             the quadrant
///   f = P bits 221..94              the fraction of a quarter turn, as a signed 128-bit value in [−1/2, 1/2)
///   r = f·π/2                       double-double
/// </code>
/// The truncated tail of 2/π contributes below 2^-165, far under the closest a double comes to a multiple of
/// π/2 (about 2^-61 relative), so r keeps its full double-double accuracy for every finite double.
/// </summary>
internal sealed partial class FunctionEmitter
{
    private const double PayneHanekThreshold = 524288.0; // 2^19

    /// <summary>The table of 2/π words in constant memory, created once per module.</summary>
    private LLVMValueRef TwoOverPiTable()
    {
        const string name = "__bytechip_two_over_pi";
        for (var g = LLVMGetFirstGlobal(_b.Module); !g.IsNull; g = LLVMGetNextGlobal(g))
        {
            if (ValueName(g) == name)
            {
                return g;
            }
        }
        var words = MathConstants.TwoOverPiWords.Value;
        var type = _b.Array(_b.I32, (ulong)words.Length);
        var global = LLVMAddGlobalInAddressSpace(_b.Module, type, name, IrGenerator.ConstantSpace);
        var elements = words.Select(w => _b.I32Const(unchecked((int)w))).ToArray();
        unsafe
        {
            fixed (LLVMValueRef* p = elements)
            {
                LLVMSetInitializer(global, LLVMConstArray2(_b.I32, p, (ulong)elements.Length));
            }
        }
        LLVMSetGlobalConstant(global, 1);
        LLVMSetLinkage(global, LLVMLinkage.Internal);
        LLVMSetAlignment(global, 4);
        return global;
    }

    private static string ValueName(LLVMValueRef v)
    {
        nint p = LLVMGetValueName2(v, out nuint length);
        return p == 0 ? "" : System.Runtime.InteropServices.Marshal.PtrToStringUTF8(p, (int)length);
    }

    /// <summary>x = q·π/2 + (rh + rl) for any double x; q in 0..3 (i32). NaN and ±inf give NaN in rh.</summary>
    private (LLVMValueRef Rh, LLVMValueRef Rl, LLVMValueRef Q) ReducePio2(LLVMValueRef x)
    {
        var (fh, fl, fq) = ReduceCodyWaite(x);
        var ax = DAbs(x);
        var huge = _b.Binary(LLVMOpcode.And, DCmp(LLVMRealPredicate.OGE, ax, PayneHanekThreshold), DCmp(LLVMRealPredicate.OLE, ax, double.MaxValue));
        var fastEnd = _b.InsertBlock;
        var slow = _b.AppendBlock(_fn, "trig.reduce.huge");
        var join = _b.AppendBlock(_fn, "trig.reduce.join");
        _b.CondBr(huge, slow, join);
        _b.PositionAtEnd(slow);
        var (sh, sl, sq) = ReducePayneHanek(x, ax);
        var slowEnd = _b.InsertBlock;
        _b.Br(join);
        _b.PositionAtEnd(join);
        var rh = _b.Phi(_b.Double, [(fh, fastEnd), (sh, slowEnd)]);
        var rl = _b.Phi(_b.Double, [(fl, fastEnd), (sl, slowEnd)]);
        var q = _b.Phi(_b.I32, [(fq, fastEnd), (sq, slowEnd)]);
        return (rh, rl, q);
    }

    /// <summary>k = rint(x·2/π), r = x − k·π/2 with π/2 in three parts (33-bit head): accurate for |x| &lt; 2^20·π/2.</summary>
    private (LLVMValueRef Rh, LLVMValueRef Rl, LLVMValueRef Q) ReduceCodyWaite(LLVMValueRef x)
    {
        var k = DRint(DMul(x, D(TwoOverPi)));
        var negK = _b.FNeg(k);
        var r0 = DFma(negK, D(Pio2A), x); // exact
        var p2 = DMul(k, D(Pio2B));
        var p2e = DFma(k, D(Pio2B), _b.FNeg(p2));
        var (r1, e1) = TwoSum(r0, _b.FNeg(p2));
        var lo = DSub(DSub(e1, p2e), DMul(k, D(Pio2C)));
        var (rh, rl) = FastTwoSum(r1, lo);
        // Quadrant q = k mod 4 (k is small here; for the huge arguments this path is not used).
        var kc = DMin(DMax(k, D(-1e9)), D(1e9));
        var q = _b.Cast(LLVMOpcode.FPToSI, DSub(kc, DMul(DFloor(DMul(kc, D(0.25))), D(4))), _b.I32);
        q = Sel(IsNan(k), _b.I32Const(0), q);
        return (rh, rl, q);
    }

    /// <summary>The Payne–Hanek reduction of a finite x with |x| &gt;= 2^19 (see the type's comment).</summary>
    private (LLVMValueRef Rh, LLVMValueRef Rl, LLVMValueRef Q) ReducePayneHanek(LLVMValueRef x, LLVMValueRef ax)
    {
        LLVMValueRef I64(long v) => _b.I64Const(v);
        LLVMValueRef Add(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.Add, a, b);
        LLVMValueRef Mul(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.Mul, a, b);
        LLVMValueRef Lshr(LLVMValueRef a, long n) => _b.Binary(LLVMOpcode.LShr, a, I64(n));
        LLVMValueRef Lo32(LLVMValueRef a) => _b.Binary(LLVMOpcode.And, a, I64(0xFFFFFFFF));
        var bits = ToBits(ax);
        var e = _b.Binary(LLVMOpcode.Sub, Lshr(bits, 52), I64(1023));
        var m = _b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.And, bits, I64(0xFFFFFFFFFFFFF)), I64(1L << 52));
        var mLo = Lo32(m);
        var mHi = Lshr(m, 32);
        // Window start b = E − 52 − 2 + 64; word j = b / 32, bit r = b mod 32.
        var b = Add(e, I64(10));
        var j = Lshr(b, 5);
        var r = _b.Binary(LLVMOpcode.And, b, I64(31));
        var table = TwoOverPiTable();
        var words = new LLVMValueRef[8];
        for (int i = 0; i < 8; i++)
        {
            var index = Add(j, I64(i));
            var p = _b.Element(_b.I32, table, index);
            words[i] = _b.Cast(LLVMOpcode.ZExt, _b.Load(_b.I32, p, 4), _b.I64);
        }
        // w[k]: the window's limbs, least significant first (w[6] holds the window's top 32 bits).
        var w = new LLVMValueRef[7];
        for (int i = 0; i < 7; i++)
        {
            var pair = _b.Binary(LLVMOpcode.Or, _b.Binary(LLVMOpcode.Shl, words[i], I64(32)), words[i + 1]);
            w[6 - i] = Lo32(Lshr(_b.Binary(LLVMOpcode.Shl, pair, r), 32));
        }
        // P = (mHi·2^32 + mLo) · Σ w[i]·2^(32i), column by column with the carry in 64 bits.
        var limbs = new LLVMValueRef[9];
        LLVMValueRef carry = I64(0);
        for (int c = 0; c < 9; c++)
        {
            var sum = carry;
            if (c < 7)
            {
                sum = Add(sum, Lo32(Mul(mLo, w[c])));
            }
            if (c >= 1 && c - 1 < 7)
            {
                sum = Add(sum, Lshr(Mul(mLo, w[c - 1]), 32));
                sum = Add(sum, Lo32(Mul(mHi, w[c - 1])));
            }
            if (c >= 2 && c - 2 < 7)
            {
                sum = Add(sum, Lshr(Mul(mHi, w[c - 2]), 32));
            }
            limbs[c] = Lo32(sum);
            carry = Lshr(sum, 32);
        }
        // q = bits 223..222 (limb 6, bits 31..30); the fraction's 32-bit limbs f[k] = bits (94 + 32k + 31)..(94 + 32k).
        var q = Lshr(limbs[6], 30);
        var f = new LLVMValueRef[4];
        for (int k = 0; k < 4; k++)
        {
            var v = _b.Binary(LLVMOpcode.Or, Lshr(limbs[k + 2], 30), _b.Binary(LLVMOpcode.Shl, limbs[k + 3], I64(2)));
            f[k] = _b.Cast(LLVMOpcode.Trunc, v, _b.I32);
        }
        // A fraction >= 1/2 is f − 1 in two's complement (top limb signed) with q + 1.
        var top = f[3];
        var roundUp = _b.ICmp(LLVMIntPredicate.SLT, top, _b.I32Const(0));
        var q32 = _b.Cast(LLVMOpcode.Trunc, q, _b.I32);
        q32 = _b.Binary(LLVMOpcode.And, Add32(q32, _b.Cast(LLVMOpcode.ZExt, roundUp, _b.I32)), _b.I32Const(3));
        var d3 = DMul(_b.Cast(LLVMOpcode.SIToFP, top, _b.Double), D(Math.ScaleB(1, -32)));
        var d2 = DMul(_b.Cast(LLVMOpcode.UIToFP, f[2], _b.Double), D(Math.ScaleB(1, -64)));
        var d1 = DMul(_b.Cast(LLVMOpcode.UIToFP, f[1], _b.Double), D(Math.ScaleB(1, -96)));
        var d0 = DMul(_b.Cast(LLVMOpcode.UIToFP, f[0], _b.Double), D(Math.ScaleB(1, -128)));
        var low = DAdd(d1, d0);
        var (h1, l1) = TwoSum(d2, low);
        var (h2, l2) = TwoSum(d3, h1);
        var (fh, fl) = FastTwoSum(h2, DAdd(l2, l1));
        // r = f·π/2 in double-double.
        var (pio2Hi, pio2Lo) = MathConstants.PiOver2;
        var rh = DMul(fh, D(pio2Hi));
        var rl = DAdd(DFma(fh, D(pio2Hi), _b.FNeg(rh)), DFma(fh, D(pio2Lo), DMul(fl, D(pio2Hi))));
        (rh, rl) = FastTwoSum(rh, rl);
        // Negative x: r and q change sign.
        var neg = DCmp(LLVMRealPredicate.OLT, x, 0);
        rh = Sel(neg, _b.FNeg(rh), rh);
        rl = Sel(neg, _b.FNeg(rl), rl);
        q32 = Sel(neg, _b.Binary(LLVMOpcode.And, _b.Binary(LLVMOpcode.Sub, _b.I32Const(4), q32), _b.I32Const(3)), q32);
        return (rh, rl, q32);
    }

    private LLVMValueRef Add32(LLVMValueRef a, LLVMValueRef b) => _b.Binary(LLVMOpcode.Add, a, b);
}
