using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// LLVM math and bit intrinsics, NVVM approximations, the fast intrinsics (__expf, __sinf, ...) and C math
/// library calls in IR from other frontends, lowered to ISA sequences. Single-instruction cases inherit the
/// spec's bounds; the accurate library that bytechipcc's own IR uses is built by the IR generator
/// (compiler/docs/math.md).
/// </summary>
internal static class MathLowering
{
    private const float Log2E = 1.44269504088896340736f;
    private const float Log2ELo = 1.925963033500011e-08f; // log2(e) - (float)log2(e)
    private const float Ln2 = 0.693147180559945309417f;

    public static bool TrySelect(InstructionSelector s, LLVMValueRef call, string name)
    {
        var type = LLVMTypeOf(call);
        var kind = LLVMGetTypeKind(type);
        bool f64 = kind == LLVMTypeKind.Double;
        bool f32 = kind == LLVMTypeKind.Float;
        var cls = f64 ? RegClass.R64 : RegClass.R32;
        int A(uint k) => s.RegOf(LLVMGetOperand(call, k));
        string baseName = StripOverload(name);
        int r;
        switch (baseName)
        {
            case "llvm.fabs" or "fabsf" or "fabs":
                r = s.EmitUnary(f64 ? Opcode.AbsF64 : Opcode.AbsF32, cls, A(0));
                break;
            case "llvm.sqrt" or "sqrtf" or "sqrt":
                r = s.EmitUnary(f64 ? Opcode.SqrtF64 : Opcode.SqrtF32, cls, A(0));
                break;
            case "llvm.fma" or "llvm.fmuladd" or "fmaf" or "fma":
                r = s.EmitTernary(f64 ? Opcode.FmaF64 : Opcode.FmaF32, cls, A(0), A(1), A(2));
                break;
            case "llvm.minnum" or "fminf" or "fmin":
                r = s.EmitBinary(f64 ? Opcode.MinF64 : Opcode.MinF32, cls, A(0), A(1));
                break;
            case "llvm.maxnum" or "fmaxf" or "fmax":
                r = s.EmitBinary(f64 ? Opcode.MaxF64 : Opcode.MaxF32, cls, A(0), A(1));
                break;
            case "llvm.floor" or "floorf" or "floor":
                r = s.EmitUnary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, cls, A(0), (byte)Rndi.Rmi);
                break;
            case "llvm.ceil" or "ceilf" or "ceil":
                r = s.EmitUnary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, cls, A(0), (byte)Rndi.Rpi);
                break;
            case "llvm.trunc" or "truncf" or "trunc":
                r = s.EmitUnary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, cls, A(0), (byte)Rndi.Rzi);
                break;
            case "llvm.rint" or "llvm.nearbyint" or "llvm.roundeven" or "rintf" or "rint" or "nearbyintf":
                r = s.EmitUnary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, cls, A(0), (byte)Rndi.Rni);
                break;
            case "llvm.round" or "roundf" or "round":
                r = Round(s, A(0), f64);
                break;
            case "llvm.copysign" or "copysignf" or "copysign":
                r = CopySign(s, A(0), A(1), f64);
                break;
            case "llvm.exp2" or "exp2f" or "llvm.nvvm.ex2.approx.f" or "llvm.nvvm.ex2.approx.ftz.f" when f32:
                r = s.EmitUnary(Opcode.Ex2ApproxF32, cls, A(0));
                break;
            case "llvm.log2" or "log2f" or "llvm.nvvm.lg2.approx.f" or "llvm.nvvm.lg2.approx.ftz.f" when f32:
                r = s.EmitUnary(Opcode.Lg2ApproxF32, cls, A(0));
                break;
            case "llvm.sin" or "sinf" or "__sinf" or "llvm.nvvm.sin.approx.f" or "llvm.nvvm.sin.approx.ftz.f" when f32:
                r = s.EmitUnary(Opcode.SinApproxF32, cls, A(0));
                break;
            case "llvm.cos" or "cosf" or "__cosf" or "llvm.nvvm.cos.approx.f" or "llvm.nvvm.cos.approx.ftz.f" when f32:
                r = s.EmitUnary(Opcode.CosApproxF32, cls, A(0));
                break;
            case "llvm.exp" or "expf" or "__expf" when f32:
                r = Exp(s, A(0));
                break;
            case "llvm.log" or "logf" or "__logf" when f32:
                r = s.EmitBinaryImm(Opcode.MulF32Imm, cls, s.EmitUnary(Opcode.Lg2ApproxF32, cls, A(0)), Bits(Ln2));
                break;
            case "llvm.log10" or "log10f" or "__log10f" when f32:
                r = s.EmitBinaryImm(Opcode.MulF32Imm, cls, s.EmitUnary(Opcode.Lg2ApproxF32, cls, A(0)), Bits(0.301029995663981195f));
                break;
            case "llvm.pow" or "powf" or "__powf" when f32:
                r = s.EmitUnary(Opcode.Ex2ApproxF32, cls, s.EmitBinary(Opcode.MulF32, cls, A(1), s.EmitUnary(Opcode.Lg2ApproxF32, cls, A(0))));
                break;
            case "tanhf" when f32:
                r = Tanh(s, A(0));
                break;
            case "rsqrtf" or "llvm.nvvm.rsqrt.approx.f" or "llvm.nvvm.rsqrt.approx.ftz.f" when f32:
                r = s.EmitUnary(Opcode.RsqrtApproxF32, cls, A(0));
                break;
            case "llvm.nvvm.rcp.approx.ftz.f" or "llvm.nvvm.rcp.approx.f" or "__frcp_rn" when f32:
                r = s.EmitUnary(Opcode.RcpApproxF32, cls, A(0));
                break;
            case "llvm.nvvm.div.approx.f" or "llvm.nvvm.div.approx.ftz.f" or "__fdividef" when f32:
                r = s.EmitBinary(Opcode.MulF32, cls, A(0), s.EmitUnary(Opcode.RcpApproxF32, cls, A(1)));
                break;
            case "llvm.ctpop":
                r = Wide(call) ? s.EmitUnary(Opcode.CvtU64U32, RegClass.R64, s.EmitUnary(Opcode.PopcB64, RegClass.R32, A(0))) : s.EmitUnary(Opcode.PopcB32, RegClass.R32, A(0));
                break;
            case "llvm.ctlz":
                r = Wide(call) ? s.EmitUnary(Opcode.CvtU64U32, RegClass.R64, s.EmitUnary(Opcode.ClzB64, RegClass.R32, A(0))) : s.EmitUnary(Opcode.ClzB32, RegClass.R32, A(0));
                break;
            case "llvm.cttz":
                r = Wide(call)
                    ? s.EmitUnary(Opcode.CvtU64U32, RegClass.R64, s.EmitUnary(Opcode.ClzB64, RegClass.R32, s.EmitUnary(Opcode.BrevB64, RegClass.R64, A(0))))
                    : s.EmitUnary(Opcode.ClzB32, RegClass.R32, s.EmitUnary(Opcode.BrevB32, RegClass.R32, A(0)));
                break;
            case "llvm.bitreverse":
                r = s.EmitUnary(Wide(call) ? Opcode.BrevB64 : Opcode.BrevB32, Wide(call) ? RegClass.R64 : RegClass.R32, A(0));
                break;
            case "llvm.smin" or "llvm.smax" or "llvm.umin" or "llvm.umax":
            {
                bool w = Wide(call);
                bool signed = baseName[5] == 's';
                string op = (baseName.EndsWith("min", StringComparison.Ordinal) ? "Min" : "Max") + (signed ? "S" : "U") + (w ? "64" : "32");
                int x = A(0), y = A(1), bits = IntWidth(call);
                if (!w && bits < 32)
                {
                    // 8/16-bit values: compare them extended by the operation's signedness.
                    x = s.Extend(x, bits, signed);
                    y = s.Extend(y, bits, signed);
                }
                r = s.EmitBinary(Enum.Parse<Opcode>(op), w ? RegClass.R64 : RegClass.R32, x, y);
                break;
            }
            case "llvm.abs":
            {
                int x = A(0), bits = IntWidth(call);
                if (!Wide(call) && bits < 32)
                {
                    x = s.Extend(x, bits, signed: true);
                }
                r = s.EmitUnary(Wide(call) ? Opcode.AbsS64 : Opcode.AbsS32, Wide(call) ? RegClass.R64 : RegClass.R32, x);
                break;
            }
            case "llvm.is.fpclass":
            {
                r = FpClass(s, call);
                s.DefineValue(call, r);
                return true;
            }
            case "llvm.usub.sat" or "llvm.uadd.sat" when IntWidth(call) is 32 or 64:
            {
                // usub.sat: a > b ? a - b : 0; uadd.sat: a + b, or all ones when it wrapped (sum < a).
                bool w = Wide(call);
                var c = w ? RegClass.R64 : RegClass.R32;
                int a = A(0), b = A(1);
                bool sub = baseName == "llvm.usub.sat";
                int v = s.EmitBinary(sub ? (w ? Opcode.SubU64 : Opcode.SubU32) : (w ? Opcode.AddU64 : Opcode.AddU32), c, a, b);
                int p = s.EmitSetp(w ? Opcode.SetpU64 : Opcode.SetpU32, (byte)(sub ? Cmpi.Gt : Cmpi.Lt), sub ? a : v, sub ? b : a);
                int other = sub ? MInst.None : (w ? s.EmitMovImm64(ulong.MaxValue) : s.EmitMovImm32(uint.MaxValue));
                r = sub ? s.EmitSelp(c, v, other, p) : s.EmitSelp(c, other, v, p);
                break;
            }
            case "llvm.sadd.sat" or "llvm.ssub.sat" when IntWidth(call) == 32:
            {
                // Exact in 64 bits, then clamped to the 32-bit range.
                int a = s.EmitUnary(Opcode.CvtS64S32, RegClass.R64, A(0));
                int b = s.EmitUnary(Opcode.CvtS64S32, RegClass.R64, A(1));
                int v = s.EmitBinary(baseName == "llvm.sadd.sat" ? Opcode.AddU64 : Opcode.SubU64, RegClass.R64, a, b);
                v = s.EmitBinary(Opcode.MaxS64, RegClass.R64, v, s.EmitMovImm64(unchecked((ulong)(long)int.MinValue)));
                v = s.EmitBinary(Opcode.MinS64, RegClass.R64, v, s.EmitMovImm64(int.MaxValue));
                r = s.EmitUnary(Opcode.UnpackLoB32, RegClass.R32, v);
                break;
            }
            case "llvm.fshl" or "llvm.fshr" when !Wide(call) && IntWidth(call) == 32:
            {
                // fshl(a, b, s) = (a << s) | (b >> (32 - s)) with s taken mod 32; the ISA's shifts give 0 past 31.
                int sh = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, A(2), 31);
                int inv = s.EmitBinary(Opcode.SubU32, RegClass.R32, s.EmitMovImm32(32), sh);
                bool left = baseName == "llvm.fshl";
                int hi = s.EmitBinary(Opcode.ShlB32, RegClass.R32, A(0), left ? sh : inv);
                int lo = s.EmitBinary(Opcode.ShrU32, RegClass.R32, A(1), left ? inv : sh);
                r = s.EmitBinary(Opcode.OrB32, RegClass.R32, hi, lo);
                break;
            }
            default:
                return false;
        }
        s.DefineValue(call, r);
        return true;
    }

    private static uint Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    /// <summary>
    /// llvm.is.fpclass(x, mask): the OR of the classes in the mask (bit 0 sNaN, 1 qNaN, 2 -inf, 3 -normal, 4 -subnormal,
    /// 5 -0, 6 +0, 7 +subnormal, 8 +normal, 9 +inf), from comparisons of |x| and the sign bit. Signalling and quiet
    /// NaNs are told apart by the quiet bit when the mask names only one of them.
    /// </summary>
    private static int FpClass(InstructionSelector s, LLVMValueRef call)
    {
        var x = LLVMGetOperand(call, 0);
        LLVMValueRef maskValue = LLVMGetOperand(call, 1);
        uint mask = (uint)LLVMConstIntGetZExtValue(maskValue);
        bool f64 = LLVMGetTypeKind(LLVMTypeOf(x)) == LLVMTypeKind.Double;
        var c = f64 ? RegClass.R64 : RegClass.R32;
        var cmp = f64 ? Opcode.SetpF64 : Opcode.SetpF32;
        int v = s.RegOf(x);
        int abs = s.EmitUnary(f64 ? Opcode.AbsF64 : Opcode.AbsF32, c, v);
        int Const(double d) => f64 ? s.EmitMovImm64(BitConverter.DoubleToUInt64Bits(d)) : s.EmitMovImm32(Bits((float)d));
        int inf = Const(double.PositiveInfinity);
        int minNormal = f64 ? Const(2.2250738585072014e-308) : Const(1.17549435e-38f);
        int zero = Const(0);
        int isNan = s.EmitSetp(cmp, (byte)Cmpf.Nan, v, v);
        int isInf = s.EmitSetp(cmp, (byte)Cmpf.Eq, abs, inf);
        int isZero = s.EmitSetp(cmp, (byte)Cmpf.Eq, abs, zero);
        int belowNormal = s.EmitSetp(cmp, (byte)Cmpf.Lt, abs, minNormal);
        int isSub = s.EmitPred(Opcode.AndPred, belowNormal, s.EmitPredNot(isZero));
        int isNormal = s.EmitPred(Opcode.AndPred, s.EmitSetp(cmp, (byte)Cmpf.Ge, abs, minNormal), s.EmitSetp(cmp, (byte)Cmpf.Lt, abs, inf));
        int bitsHi = f64 ? s.EmitUnary(Opcode.UnpackHiB32, RegClass.R32, v) : v;
        int negative = s.EmitSetpImm(Opcode.SetpS32Imm, Cmpi.Lt, bitsHi, 0);
        int positive = s.EmitPredNot(negative);
        int result = s.EmitPredConst(false);
        void Add(int p) => result = s.EmitPred(Opcode.OrPred, result, p);
        if ((mask & 3) == 3)
        {
            Add(isNan);
        }
        else if ((mask & 3) != 0)
        {
            // The quiet bit is the top mantissa bit: bit 22 (f32) or bit 19 of the high word (f64).
            int quietBit = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, bitsHi, f64 ? 1u << 19 : 1u << 22);
            int quiet = s.EmitSetpImm(Opcode.SetpU32Imm, Cmpi.Ne, quietBit, 0);
            Add(s.EmitPred(Opcode.AndPred, isNan, (mask & 2) != 0 ? quiet : s.EmitPredNot(quiet)));
        }
        (uint Bit, int Magnitude, int Sign)[] classes =
        [
            (1u << 2, isInf, negative), (1u << 3, isNormal, negative), (1u << 4, isSub, negative), (1u << 5, isZero, negative),
            (1u << 6, isZero, positive), (1u << 7, isSub, positive), (1u << 8, isNormal, positive), (1u << 9, isInf, positive),
        ];
        foreach (var (bit, magnitude, sign) in classes)
        {
            if ((mask & bit) != 0)
            {
                Add(s.EmitPred(Opcode.AndPred, magnitude, sign));
            }
        }
        return result;
    }

    private static bool Wide(LLVMValueRef call) => IntWidth(call) == 64;

    private static int IntWidth(LLVMValueRef call)
    {
        var t = LLVMTypeOf(call);
        return LLVMGetTypeKind(t) == LLVMTypeKind.Integer ? (int)LLVMGetIntTypeWidth(t) : 0;
    }

    /// <summary>"llvm.sqrt.f32" → "llvm.sqrt"; other names unchanged.</summary>
    private static string StripOverload(string name)
    {
        if (!name.StartsWith("llvm.", StringComparison.Ordinal) || name.StartsWith("llvm.nvvm.", StringComparison.Ordinal))
        {
            return name;
        }
        var parts = name.Split('.');
        int keep = parts.Length;
        while (keep > 2 && IsTypeSuffix(parts[keep - 1]))
        {
            keep--;
        }
        return string.Join('.', parts.Take(keep));
    }

    private static bool IsTypeSuffix(string p) => p is "f16" or "bf16" or "f32" or "f64" || (p.Length > 1 && p[0] is 'i' or 'p' or 'v' && p.Skip(1).All(char.IsAsciiDigit)) || p.StartsWith("p0", StringComparison.Ordinal);

    /// <summary>exp(x) = 2^t * (1 + r*ln2) with t = x*log2(e) and r its rounding error (about 2 ulp).</summary>
    private static int Exp(InstructionSelector s, int x)
    {
        var c = RegClass.R32;
        int t = s.EmitBinaryImm(Opcode.MulF32Imm, c, x, Bits(Log2E));
        int negT = s.EmitUnary(Opcode.NegF32, c, t);
        int err = s.EmitTernary(Opcode.FmaF32, c, x, s.EmitMovImm32(Bits(Log2E)), negT);
        err = s.EmitTernary(Opcode.FmaF32, c, x, s.EmitMovImm32(Bits(Log2ELo)), err);
        int p = s.EmitUnary(Opcode.Ex2ApproxF32, c, t);
        int scaled = s.EmitBinaryImm(Opcode.MulF32Imm, c, err, Bits(Ln2));
        return s.EmitTernary(Opcode.FmaF32, c, p, scaled, p);
    }

    /// <summary>tanh(x) = sign(x) * (1 - 2 / (exp(2|x|) + 1)); x itself below 2^-12, sign(x) above 9.</summary>
    private static int Tanh(InstructionSelector s, int x)
    {
        var c = RegClass.R32;
        int ax = s.EmitUnary(Opcode.AbsF32, c, x);
        int e = Exp(s, s.EmitBinaryImm(Opcode.MulF32Imm, c, ax, Bits(2f)));
        int denom = s.EmitBinaryImm(Opcode.AddF32Imm, c, e, Bits(1f));
        int q = s.EmitBinary(Opcode.DivF32, c, s.EmitMovImm32(Bits(2f)), denom);
        int r = s.EmitBinary(Opcode.SubF32, c, s.EmitMovImm32(Bits(1f)), q);
        int big = s.EmitFloatCompareImm(Cmpf.Gt, ax, 9f);
        r = s.EmitSelp(c, s.EmitMovImm32(Bits(1f)), r, big);
        int small = s.EmitFloatCompareImm(Cmpf.Lt, ax, 1f / 4096);
        r = s.EmitSelp(c, ax, r, small);
        return CopySign(s, r, x, false);
    }

    /// <summary>round half away from zero: t = trunc(x); t + sign(x) when |x - t| >= 0.5.</summary>
    private static int Round(InstructionSelector s, int x, bool f64)
    {
        var c = f64 ? RegClass.R64 : RegClass.R32;
        int t = s.EmitUnary(f64 ? Opcode.RndiF64 : Opcode.RndiF32, c, x, (byte)Rndi.Rzi);
        int diff = s.EmitUnary(f64 ? Opcode.AbsF64 : Opcode.AbsF32, c, s.EmitBinary(f64 ? Opcode.SubF64 : Opcode.SubF32, c, x, t));
        int half = f64 ? s.EmitMovImm64(BitConverter.DoubleToUInt64Bits(0.5)) : s.EmitMovImm32(Bits(0.5f));
        int up = s.EmitSetp(f64 ? Opcode.SetpF64 : Opcode.SetpF32, (byte)Cmpf.Ge, diff, half);
        int one = f64 ? s.EmitMovImm64(BitConverter.DoubleToUInt64Bits(1.0)) : s.EmitMovImm32(Bits(1f));
        int step = CopySign(s, one, x, f64);
        int bumped = s.EmitBinary(f64 ? Opcode.AddF64 : Opcode.AddF32, c, t, step);
        return s.EmitSelp(c, bumped, t, up);
    }

    private static int CopySign(InstructionSelector s, int magnitude, int sign, bool f64)
    {
        if (f64)
        {
            int mag = s.EmitBinary(Opcode.AndB64, RegClass.R64, magnitude, s.EmitMovImm64(0x7FFFFFFFFFFFFFFF));
            int sg = s.EmitBinary(Opcode.AndB64, RegClass.R64, sign, s.EmitMovImm64(0x8000000000000000));
            return s.EmitBinary(Opcode.OrB64, RegClass.R64, mag, sg);
        }
        int m32 = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, magnitude, 0x7FFFFFFF);
        int s32 = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, sign, 0x80000000);
        return s.EmitBinary(Opcode.OrB32, RegClass.R32, m32, s32);
    }
}
