using System.Buffers.Binary;

namespace ByteChip.Runtime.Tests;

/// <summary>Loads and stores of every width in every space, address-space conversions, and mma fragments.</summary>
public sealed class MemoryTests
{
    private static uint U32(byte[] b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o));

    [Fact]
    public void GlobalAndGenericLoadsAndStoresOfEveryWidth()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "memory.s");
        var bytes = new byte[16 * 32 + 16];
        new Random(1).NextBytes(bytes);
        using var din = device.Upload<byte>(bytes);
        using var dout = device.Allocate<uint>(16 * 32);
        module.GetKernel("mem_global").Launch(1, 32, 0, din, dout);
        var o = dout.ToArray();
        for (int i = 0; i < 32; i++)
        {
            var w = o.AsSpan(16 * i, 16);
            uint[] expected =
            [
                bytes[i], (uint)(sbyte)bytes[i + 1], BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i)), (uint)BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan((2 * i) + 2)),
                U32(bytes, 4 * i), bytes[(4 * i) + 3], U32(bytes, 8 * i), U32(bytes, (8 * i) + 4),
                U32(bytes, 16 * i), U32(bytes, (16 * i) + 4), U32(bytes, (16 * i) + 8), U32(bytes, (16 * i) + 12),
                (uint)(i & 0xFF) | ((uint)i << 16), 0, bytes[i], (uint)(sbyte)bytes[i + 1],
            ];
            Assert.Equal(expected, w.ToArray());
        }
    }

    [Fact]
    public void SharedLocalConstantAndParameterSpaces()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "memory.s");
        var values = new ulong[32];
        var rng = new Random(2);
        for (int i = 0; i < 32; i++)
        {
            values[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
        }
        using var din = device.Upload<ulong>(values);
        using var dout = device.Allocate<uint>(32 * 32);
        module.GetKernel("mem_spaces").Launch(1, 32, 0, din, dout, (short)-1234, (byte)0xF0);
        var o = dout.ToArray();
        byte[] table = [1, 2, 3, 4, 5, 6, 7, 8, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98];
        for (int i = 0; i < 32; i++)
        {
            ulong v = values[i], vj = values[i ^ 1];
            uint lo = (uint)v, hi = (uint)(v >> 32), loJ = (uint)vj, hiJ = (uint)(vj >> 32);
            int k = i & 3;
            uint[] expected =
            [
                loJ, (hiJ & 0xFF) | ((hiJ & 0xFFFF) << 16), loJ, hiJ,
                (uint)(sbyte)(byte)hiJ, hiJ & 0xFFFF, (uint)(short)(ushort)hiJ, 0,
                loJ, hiJ, hi, hi & 0xFF,
                ((hi & 0xFF) << 8) | ((lo & 0xFFFF) << 16), 0, lo, 0,
                U32(table, 8 * k), U32(table, (8 * k) + 4), (uint)(sbyte)table[(8 * k) + 7], BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan((8 * k) + 6)),
                unchecked((uint)(short)-1234), 0xF0, unchecked((uint)(sbyte)-16), 0,
                (uint)din.Pointer.Address, (uint)(din.Pointer.Address >> 32), (uint)dout.Pointer.Address, (uint)(dout.Pointer.Address >> 32),
            ];
            Assert.Equal(expected, o.AsSpan(32 * i, 28).ToArray());
        }
    }

    [Fact]
    public void AddressSpaceConversionsAndQueries()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "memory.s");
        using var dout = device.Allocate<uint>(8 * 16);
        module.GetKernel("spaces_query").Launch(1, 16, 0, dout);
        var o = dout.ToArray();
        for (int i = 0; i < 16; i++)
        {
            ulong generic = 0x0000_7F00_0000_0000UL + (ulong)(4 * i);
            Assert.Equal(new uint[] { (uint)generic, (uint)(generic >> 32), (uint)(4 * i), (uint)(4 * i), 1, 1, 0, 1 }, o.AsSpan(8 * i, 8).ToArray());
        }
    }

    private static ushort Bf16(float f) => (ushort)(BitConverter.SingleToUInt32Bits(f) >> 16);

    private static ushort F16(float f) => BitConverter.HalfToUInt16Bits((Half)f);

    [Theory]
    [InlineData("mma_bf16")]
    [InlineData("mma_f16")]
    public void MatrixMultiplyFollowsTheFragmentLayout(string kernel)
    {
        var rng = new Random(kernel.Length);
        float Small() => rng.Next(-64, 65) / 16f;
        var a = new float[16, 16];
        var b = new float[16, 8];
        var c = new float[16, 8];
        for (int r = 0; r < 16; r++)
        {
            for (int k = 0; k < 16; k++)
            {
                a[r, k] = Small();
            }
            for (int n = 0; n < 8; n++)
            {
                b[r, n] = Small();
                c[r, n] = Small() * 100;
            }
        }
        Func<float, ushort> pack = kernel == "mma_bf16" ? Bf16 : F16;
        var fa = new uint[32 * 4];
        var fb = new uint[32 * 2];
        var fc = new float[32 * 4];
        for (int lane = 0; lane < 32; lane++)
        {
            int g = lane >> 2, t = lane & 3;
            for (int i = 0; i < 8; i++)
            {
                int row = (i & 2) != 0 ? g + 8 : g, col = (t * 2) + (i & 1) + (i >= 4 ? 8 : 0);
                fa[(lane * 4) + (i >> 1)] |= (uint)pack(a[row, col]) << (16 * (i & 1));
            }
            for (int i = 0; i < 4; i++)
            {
                int k = (t * 2) + (i & 1) + (i >= 2 ? 8 : 0);
                fb[(lane * 2) + (i >> 1)] |= (uint)pack(b[k, g]) << (16 * (i & 1));
                int row = i >= 2 ? g + 8 : g, col = (t * 2) + (i & 1);
                fc[(lane * 4) + i] = c[row, col];
            }
        }
        using var device = Device.Create();
        string text = File.ReadAllText(TestKernels.PathOf("mma.s"));
        using var module = device.LoadModule(TestKernels.AssembleText(kernel == "mma_bf16" ? text : text.Replace("bf16", "f16", StringComparison.Ordinal), "mma.s"));
        using var da = device.Upload<uint>(fa);
        using var db = device.Upload<uint>(fb);
        using var dc = device.Upload<float>(fc);
        using var dd = device.Allocate<float>(32 * 4);
        module.GetKernel(kernel).Launch(1, 32, 0, da, db, dc, dd);
        var d = dd.ToArray();
        for (int lane = 0; lane < 32; lane++)
        {
            int g = lane >> 2, t = lane & 3;
            for (int i = 0; i < 4; i++)
            {
                int row = i >= 2 ? g + 8 : g, col = (t * 2) + (i & 1);
                float acc = c[row, col];
                for (int k = 0; k < 16; k++)
                {
                    acc = (float)(acc + ((double)a[row, k] * b[k, col]));
                }
                Assert.Equal(acc, d[(lane * 4) + i]);
            }
        }
    }

    [Fact]
    public void MatrixMultiplyNeedsTheWholeWarp()
    {
        using var device = Device.Create();
        using var module = TestKernels.Load(device, "mma.s");
        using var buf = device.Allocate<uint>(256);
        var e = Assert.Throws<DeviceFaultException>(() => module.GetKernel("mma_bf16").Launch(1, 16, 0, buf, buf, buf, buf));
        Assert.Equal(RuntimeError.WarpNotConverged, e.Error);
    }
}
