using System.Globalization;
using System.Numerics;
using System.Text;
using ByteChip.Compiler.Backend;
using ByteChip.Compiler.Llvm;
using ByteChip.Isa;
using ByteChip.Runtime;

namespace ByteChip.Backend.Tests;

/// <summary>
/// LLVM's integer intrinsics at every width (the bit intrinsics on i1/i8/i16/i32/i64, bswap, and the
/// {s,u}{add,sub,mul}.with.overflow pairs that instcombine forms from overflow checks, the funnel shifts), each in a kernel of its own
/// written as LLVM IR, compiled at -O0 and -O2 for both targets, run on edge and random operands and compared with
/// a BigInteger reference.
/// </summary>
public class IntegerIntrinsicTests
{
    private static readonly int[] s_widths = [8, 16, 32, 64];
    private static readonly string[] s_overflowOps = ["uadd", "sadd", "usub", "ssub", "umul", "smul"];
    private static readonly string[] s_bitOps = ["bitreverse", "bswap", "ctpop", "ctlz", "cttz"];
    private static readonly string[] s_funnelOps = ["fshl", "fshr"];

    public static TheoryData<int, string> Configurations => new() { { 0, "n4" }, { 2, "n4" }, { 0, "n5" }, { 2, "n5" } };

    /// <summary>One kernel per (operation, width): out[2t] = the value, out[2t+1] = the overflow flag (0 for the bit intrinsics), zero-extended to i64.</summary>
    private static string Module()
    {
        var ir = new StringBuilder("target triple = \"nvptx64-nvidia-cuda\"\n\n");
        foreach (var op in s_overflowOps)
        {
            foreach (int w in s_widths)
            {
                Kernel(ir, $"{op}_{w}", w, $$"""
                      %r = call { i{{w}}, i1 } @llvm.{{op}}.with.overflow.i{{w}}(i{{w}} %x, i{{w}} %y)
                      %v = extractvalue { i{{w}}, i1 } %r, 0
                      %f = extractvalue { i{{w}}, i1 } %r, 1
                      %f64 = zext i1 %f to i64
                    """, "%f64", $"declare {{ i{w}, i1 }} @llvm.{op}.with.overflow.i{w}(i{w}, i{w})");
            }
        }
        foreach (var op in s_bitOps)
        {
            foreach (int w in op == "bswap" ? [16, 32, 64] : new[] { 1, 8, 16, 32, 64 })
            {
                string extra = op is "ctlz" or "cttz" ? ", i1 false" : "";
                string extraType = op is "ctlz" or "cttz" ? ", i1" : "";
                Kernel(ir, $"{op}_{w}", w, $"  %v = call i{w} @llvm.{op}.i{w}(i{w} %x{extra})\n", "0", $"declare i{w} @llvm.{op}.i{w}(i{w}{extraType})");
            }
        }
        foreach (var op in s_funnelOps)
        {
            foreach (int w in s_widths)
            {
                Kernel(ir, $"{op}_{w}", w, $$"""
                      %ws = lshr i64 %wb, 40
                      %s = {{Narrow(w)}} i64 %ws to i{{w}}
                      %v = call i{{w}} @llvm.{{op}}.i{{w}}(i{{w}} %x, i{{w}} %y, i{{w}} %s)
                    """, "0", $"declare i{w} @llvm.{op}.i{w}(i{w}, i{w}, i{w})");
            }
        }
        ir.Append("declare i32 @llvm.nvvm.read.ptx.sreg.tid.x()\n");
        return ir.ToString();
    }

    /// <summary>A kernel reading a[t] and b[t] as %wa/%wb (narrowed to %x/%y), computing %v (and a flag) in <paramref name="compute"/>, storing both.</summary>
    private static void Kernel(StringBuilder ir, string name, int w, string compute, string flag, string declaration)
    {
        ir.Append(CultureInfo.InvariantCulture, $$"""
            define ptx_kernel void @{{name}}(ptr addrspace(1) %a, ptr addrspace(1) %b, ptr addrspace(1) %out) {
              %t = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
              %i = zext i32 %t to i64
              %pa = getelementptr i64, ptr addrspace(1) %a, i64 %i
              %pb = getelementptr i64, ptr addrspace(1) %b, i64 %i
              %wa = load i64, ptr addrspace(1) %pa
              %wb = load i64, ptr addrspace(1) %pb
              %x = {{Narrow(w)}} i64 %wa to i{{w}}
              %y = {{Narrow(w)}} i64 %wb to i{{w}}

            """);
        ir.Append(compute).Append('\n');
        ir.Append(CultureInfo.InvariantCulture, $$"""
              %v64 = {{Widen(w)}} i{{w}} %v to i64
              %j = shl i64 %i, 1
              %k = or i64 %j, 1
              %po = getelementptr i64, ptr addrspace(1) %out, i64 %j
              %pf = getelementptr i64, ptr addrspace(1) %out, i64 %k
              store i64 %v64, ptr addrspace(1) %po
              store i64 {{flag}}, ptr addrspace(1) %pf
              ret void
            }
            {{declaration}}


            """);
    }

    private static string Narrow(int w) => w == 64 ? "bitcast" : "trunc";

    private static string Widen(int w) => w == 64 ? "bitcast" : "zext";

    /// <summary>Edge values of every width (0, 1, all ones, the sign bits and their neighbours) and random words.</summary>
    private static ulong[] Operands(int seed)
    {
        var values = new List<ulong> { 0, 1, 2, ulong.MaxValue, ulong.MaxValue - 1 };
        foreach (int w in s_widths)
        {
            ulong sign = 1UL << (w - 1);
            values.AddRange([sign, sign - 1, sign + 1, (sign << 1) - 1, (sign << 1) - 2]);
        }
        var rng = new Random(seed);
        while (values.Count < 128)
        {
            ulong r = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            // Random widths of significant bits, so small and mid-range magnitudes occur too.
            values.Add(r >> rng.Next(64));
        }
        return [.. values];
    }

    private static BigInteger Signed(ulong x, int w) => w == 64 ? (long)x : new BigInteger((long)(x << (64 - w)) >> (64 - w));

    private static BigInteger Unsigned(ulong x, int w) => w == 64 ? x : x & ((1UL << w) - 1);

    private static (ulong Value, ulong Flag) OverflowReference(string op, int w, ulong a, ulong b)
    {
        bool signed = op[0] == 's';
        var x = signed ? Signed(a, w) : Unsigned(a, w);
        var y = signed ? Signed(b, w) : Unsigned(b, w);
        BigInteger exact = op[1..] switch { "add" => x + y, "sub" => x - y, _ => x * y };
        var min = signed ? -(BigInteger.One << (w - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (w - 1)) - 1 : (BigInteger.One << w) - 1;
        var wrapped = exact & ((BigInteger.One << w) - 1);
        return ((ulong)wrapped, exact < min || exact > max ? 1UL : 0UL);
    }

    private static ulong BitReference(string op, int w, ulong a)
    {
        ulong x = w == 64 ? a : a & ((1UL << w) - 1);
        switch (op)
        {
            case "ctpop":
                return (ulong)BitOperations.PopCount(x);
            case "ctlz":
                return x == 0 ? (ulong)w : (ulong)(BitOperations.LeadingZeroCount(x) - (64 - w));
            case "cttz":
                return x == 0 ? (ulong)w : (ulong)BitOperations.TrailingZeroCount(x);
            case "bitreverse":
            {
                ulong r = 0;
                for (int i = 0; i < w; i++)
                {
                    r |= ((x >> i) & 1) << (w - 1 - i);
                }
                return r;
            }
            default: // bswap
            {
                ulong r = 0;
                for (int i = 0; i < w / 8; i++)
                {
                    r |= ((x >> (8 * i)) & 0xff) << (w - 8 - 8 * i);
                }
                return r;
            }
        }
    }

    /// <summary>fshl/fshr: the double-width a:b shifted by (b >> 40) mod w, high half (left) or low half (right).</summary>
    private static ulong FunnelReference(bool left, int w, ulong a, ulong b)
    {
        var mask = (BigInteger.One << w) - 1;
        var joined = (Unsigned(a, w) << w) | Unsigned(b, w);
        int sh = (int)(Unsigned(b >> 40, w) % w);
        return (ulong)((left ? (joined << sh) >> w : joined >> sh) & mask);
    }

    private static Module Load(Device device, int opt, string arch)
    {
        using var context = new LlvmContext();
        using var module = LlvmModule.Parse(context, Encoding.UTF8.GetBytes(Module()), "intrinsics.ll", out var error)
            ?? throw new InvalidOperationException(error);
        var options = new BackendOptions(TargetInfo.Find(arch)!, opt) { VerifyRegisterAllocation = true };
        return device.LoadModule(CodeGenerator.Compile(module, options).Module);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void EveryIntrinsicAtEveryWidthMatchesTheReference(int opt, string arch)
    {
        using var device = Device.Create(arch);
        var module = Load(device, opt, arch);
        var a = Operands(1);
        var b = Operands(2).Reverse().ToArray();
        // Every pair of edge values too: the first 32 operands against each other, in blocks of 128 threads.
        var pairs = a.Take(32).SelectMany(x => b.Skip(b.Length - 32).Select(y => (x, y))).ToArray();
        var lhs = a.Concat(pairs.Select(p => p.x)).ToArray();
        var rhs = b.Concat(pairs.Select(p => p.y)).ToArray();
        int n = lhs.Length; // 128 + 1024: a multiple of 128
        using var dout = device.Allocate<ulong>(2 * 128);
        var failures = new List<string>();
        void Run(string kernel, Func<ulong, ulong, (ulong Value, ulong Flag)> reference)
        {
            for (int start = 0; start < n; start += 128)
            {
                using var sa = device.Upload<ulong>(lhs[start..(start + 128)]);
                using var sb = device.Upload<ulong>(rhs[start..(start + 128)]);
                module.GetKernel(kernel).Launch(new Dim3(1), new Dim3(128), 0, sa, sb, dout);
                var got = dout.ToArray();
                for (int t = 0; t < 128 && failures.Count < 20; t++)
                {
                    var (value, flag) = reference(lhs[start + t], rhs[start + t]);
                    if (got[2 * t] != value || got[2 * t + 1] != flag)
                    {
                        failures.Add($"{kernel}({lhs[start + t]:x}, {rhs[start + t]:x}) = ({got[2 * t]:x}, {got[2 * t + 1]}), expected ({value:x}, {flag})");
                    }
                }
            }
        }
        foreach (var op in s_overflowOps)
        {
            foreach (int w in s_widths)
            {
                Run($"{op}_{w}", (x, y) => OverflowReference(op, w, x, y));
            }
        }
        foreach (var op in s_bitOps)
        {
            foreach (int w in op == "bswap" ? [16, 32, 64] : new[] { 1, 8, 16, 32, 64 })
            {
                Run($"{op}_{w}", (x, _) => (BitReference(op, w, x), 0));
            }
        }
        foreach (var op in s_funnelOps)
        {
            foreach (int w in s_widths)
            {
                Run($"{op}_{w}", (x, y) => (FunnelReference(op == "fshl", w, x, y), 0));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
