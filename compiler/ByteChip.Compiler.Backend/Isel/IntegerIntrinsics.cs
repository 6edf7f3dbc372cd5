using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using static ByteChip.Compiler.Llvm.LlvmNative;

namespace ByteChip.Compiler.Backend;

/// <summary>
/// LLVM's integer intrinsics at every width the optimizer produces: the bit intrinsics (bitreverse, bswap, ctpop,
/// ctlz, cttz) on i1/i8/i16 as well as i32/i64, and the arithmetic-with-overflow intrinsics
/// (<c>{s,u}{add,sub,mul}.with.overflow</c>) that instcombine forms from overflow checks such as
/// <c>((u64)a * b) >> 32 != 0</c>, and the funnel shifts (<c>fshl</c>/<c>fshr</c>, rotates included). Values narrower than 32 bits live in 32-bit registers whose upper bits are not
/// defined, so each sequence extends its operands first; i1 values are predicates.
/// </summary>
internal static class IntegerIntrinsics
{
    public static bool TrySelect(InstructionSelector s, LLVMValueRef call, string name)
    {
        var parts = name.Split('.');
        if (parts.Length < 3 || parts[0] != "llvm")
        {
            return false;
        }
        string op = string.Join('.', parts[1..^1]);
        if (!int.TryParse(parts[^1].AsSpan(1), out int bits) || parts[^1][0] != 'i')
        {
            return false;
        }
        return op switch
        {
            "bitreverse" or "bswap" or "ctpop" or "ctlz" or "cttz" when bits != 32 && bits != 64 || op == "bswap" => SelectBits(s, call, op, bits),
            "uadd.with.overflow" or "sadd.with.overflow" or "usub.with.overflow" or "ssub.with.overflow"
                or "umul.with.overflow" or "smul.with.overflow" when bits is 8 or 16 or 32 or 64 => SelectOverflow(s, call, op, bits),
            "fshl" or "fshr" when bits is 8 or 16 or 64 => SelectFunnelShift(s, call, op == "fshl", bits),
            _ => false,
        };
    }

    /// <summary>
    /// Funnel shifts of i8, i16 and i64 (i32 is MathLowering's): <c>fshl(a, b, s)</c> is the high half of the
    /// double-width <c>a:b</c> shifted left by <c>s mod w</c>, <c>fshr</c> the low half shifted right. Narrow widths
    /// build <c>a:b</c> in one 32-bit register; i64 combines two shifts, relying on the ISA giving 0 for shift amounts
    /// of 64 and more (so a shift by 0 returns <c>a</c> or <c>b</c> unchanged).
    /// </summary>
    private static bool SelectFunnelShift(InstructionSelector s, LLVMValueRef call, bool left, int bits)
    {
        int a = s.RegOf(LLVMGetOperand(call, 0)), b = s.RegOf(LLVMGetOperand(call, 1)), amount = s.RegOf(LLVMGetOperand(call, 2));
        int r;
        if (bits == 64)
        {
            int sh = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, s.EmitUnary(Opcode.UnpackLoB32, RegClass.R32, amount), 63);
            int inv = s.EmitBinary(Opcode.SubU32, RegClass.R32, s.EmitMovImm32(64), sh);
            int hi = s.EmitBinary(Opcode.ShlB64, RegClass.R64, a, left ? sh : inv);
            int lo = s.EmitBinary(Opcode.ShrU64, RegClass.R64, b, left ? inv : sh);
            r = s.EmitBinary(Opcode.OrB64, RegClass.R64, hi, lo);
        }
        else
        {
            uint mask = (1u << bits) - 1;
            int sh = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, amount, (uint)bits - 1);
            int joined = s.EmitBinary(Opcode.OrB32, RegClass.R32,
                s.EmitBinaryImm(Opcode.ShlB32Imm, RegClass.R32, s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, a, mask), (uint)bits),
                s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, b, mask));
            r = left
                ? s.EmitBinaryImm(Opcode.ShrU32Imm, RegClass.R32, s.EmitBinary(Opcode.ShlB32, RegClass.R32, joined, sh), (uint)bits)
                : s.EmitBinary(Opcode.ShrU32, RegClass.R32, joined, sh);
        }
        s.DefineValue(call, r);
        return true;
    }

    /// <summary>Bit intrinsics of i1, i8 and i16 (i32/i64 are MathLowering's), and bswap of every width.</summary>
    private static bool SelectBits(InstructionSelector s, LLVMValueRef call, string op, int bits)
    {
        int x = s.RegOf(LLVMGetOperand(call, 0));
        int r;
        if (bits == 1)
        {
            // One bit: reversing or swapping is the identity, its population count is itself, and its leading and
            // trailing zero counts are 1 exactly when it is 0.
            r = op is "ctlz" or "cttz" ? s.EmitPredNot(x) : x;
            s.DefineValue(call, r);
            return true;
        }
        if (op == "bswap")
        {
            r = bits switch
            {
                16 => s.EmitBinary(Opcode.OrB32, RegClass.R32,
                    s.EmitBinaryImm(Opcode.ShlB32Imm, RegClass.R32, s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, x, 0xff), 8),
                    s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, s.EmitBinaryImm(Opcode.ShrU32Imm, RegClass.R32, x, 8), 0xff)),
                32 => Bswap32(s, x),
                64 => s.EmitBinary(Opcode.PackB64, RegClass.R64,
                    Bswap32(s, s.EmitUnary(Opcode.UnpackHiB32, RegClass.R32, x)),
                    Bswap32(s, s.EmitUnary(Opcode.UnpackLoB32, RegClass.R32, x))),
                _ => -1,
            };
            if (r < 0)
            {
                return false;
            }
            s.DefineValue(call, r);
            return true;
        }
        if (bits is not (8 or 16))
        {
            return false;
        }
        int z = s.Extend(x, bits, signed: false);
        r = op switch
        {
            // Reverse all 32 bits, then the value's bits are the top ones.
            "bitreverse" => s.EmitBinaryImm(Opcode.ShrU32Imm, RegClass.R32, s.EmitUnary(Opcode.BrevB32, RegClass.R32, z), (uint)(32 - bits)),
            "ctpop" => s.EmitUnary(Opcode.PopcB32, RegClass.R32, z),
            "ctlz" => s.EmitBinaryImm(Opcode.SubU32Imm, RegClass.R32, s.EmitUnary(Opcode.ClzB32, RegClass.R32, z), (uint)(32 - bits)),
            // A sentinel bit just above the value makes cttz(0) = bits.
            _ => s.EmitUnary(Opcode.ClzB32, RegClass.R32,
                s.EmitUnary(Opcode.BrevB32, RegClass.R32, s.EmitBinaryImm(Opcode.OrB32Imm, RegClass.R32, z, 1u << bits))),
        };
        s.DefineValue(call, r);
        return true;
    }

    private static int Bswap32(InstructionSelector s, int x)
    {
        int b0 = s.EmitBinaryImm(Opcode.ShlB32Imm, RegClass.R32, x, 24);
        int b1 = s.EmitBinaryImm(Opcode.ShlB32Imm, RegClass.R32, s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, x, 0xff00), 8);
        int b2 = s.EmitBinaryImm(Opcode.AndB32Imm, RegClass.R32, s.EmitBinaryImm(Opcode.ShrU32Imm, RegClass.R32, x, 8), 0xff00);
        int b3 = s.EmitBinaryImm(Opcode.ShrU32Imm, RegClass.R32, x, 24);
        return s.EmitBinary(Opcode.OrB32, RegClass.R32, s.EmitBinary(Opcode.OrB32, RegClass.R32, b0, b1), s.EmitBinary(Opcode.OrB32, RegClass.R32, b2, b3));
    }

    /// <summary>{result, overflowed} of an add, sub or mul, defined as a pair for the extractvalues that follow.</summary>
    private static bool SelectOverflow(InstructionSelector s, LLVMValueRef call, string op, int bits)
    {
        int a = s.RegOf(LLVMGetOperand(call, 0)), b = s.RegOf(LLVMGetOperand(call, 1));
        bool signed = op[0] == 's';
        string kind = op[1..4]; // add, sub, mul
        int value, overflow;
        if (bits < 32)
        {
            // Exact in 32 bits (|a*b| < 2^31 for 16-bit operands): overflow iff the result does not survive a round
            // trip through the narrow type.
            int x = s.Extend(a, bits, signed), y = s.Extend(b, bits, signed);
            value = s.EmitBinary(kind switch { "add" => Opcode.AddU32, "sub" => Opcode.SubU32, _ => Opcode.MulLoU32 }, RegClass.R32, x, y);
            overflow = s.EmitSetp(Opcode.SetpU32, (byte)Cmpi.Ne, s.Extend(value, bits, signed), value);
        }
        else
        {
            bool w = bits == 64;
            var cls = w ? RegClass.R64 : RegClass.R32;
            var setpU = w ? Opcode.SetpU64 : Opcode.SetpU32;
            switch (kind)
            {
                case "add" or "sub":
                {
                    bool add = kind == "add";
                    value = s.EmitBinary(add ? (w ? Opcode.AddU64 : Opcode.AddU32) : (w ? Opcode.SubU64 : Opcode.SubU32), cls, a, b);
                    if (!signed)
                    {
                        // Unsigned: the sum wrapped iff it is below an operand; the difference iff a < b.
                        overflow = add ? s.EmitSetp(setpU, (byte)Cmpi.Lt, value, a) : s.EmitSetp(setpU, (byte)Cmpi.Lt, a, b);
                    }
                    else
                    {
                        // Signed: add overflows iff both operands differ in sign from the result ((r^a)&(r^b) < 0);
                        // sub iff the operands differ in sign and the result's sign differs from a ((a^b)&(a^r) < 0).
                        var xor = w ? Opcode.XorB64 : Opcode.XorB32;
                        var and = w ? Opcode.AndB64 : Opcode.AndB32;
                        int t = add
                            ? s.EmitBinary(and, cls, s.EmitBinary(xor, cls, value, a), s.EmitBinary(xor, cls, value, b))
                            : s.EmitBinary(and, cls, s.EmitBinary(xor, cls, a, b), s.EmitBinary(xor, cls, a, value));
                        overflow = s.EmitSetpImm(w ? Opcode.SetpS64Imm : Opcode.SetpS32Imm, Cmpi.Lt, t, 0);
                    }
                    break;
                }
                default:
                {
                    value = s.EmitBinary(w ? Opcode.MulLoU64 : Opcode.MulLoU32, cls, a, b);
                    if (!signed)
                    {
                        // The high half of the full product is zero iff it fits.
                        int hi = s.EmitBinary(w ? Opcode.MulhiU64 : Opcode.MulhiU32, cls, a, b);
                        overflow = s.EmitSetpImm(w ? Opcode.SetpU64Imm : Opcode.SetpU32Imm, Cmpi.Ne, hi, 0);
                    }
                    else
                    {
                        // The high half equals the sign extension of the low half iff it fits.
                        int hi = s.EmitBinary(w ? Opcode.MulhiS64 : Opcode.MulhiS32, cls, a, b);
                        int sign = s.EmitBinaryImm(w ? Opcode.ShrS64Imm : Opcode.ShrS32Imm, cls, value, w ? 63u : 31u);
                        overflow = s.EmitSetp(setpU, (byte)Cmpi.Ne, hi, sign);
                    }
                    break;
                }
            }
        }
        s.DefinePair(call, value, overflow);
        return true;
    }
}
