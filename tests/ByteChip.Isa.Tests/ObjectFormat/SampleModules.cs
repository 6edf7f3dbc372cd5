using System.Text;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>Models for the object-format tests: one hand-written rich module and seeded random ones.</summary>
internal static class SampleModules
{
    /// <summary>Every feature of the format at least once: mangled names, all parameter kinds, relocations in code and data, line tables, .data and .bss, constants.</summary>
    public static BcModule Rich(TargetArch target = TargetArch.N4) => new()
    {
        Target = target,
        SourceFiles = ["saxpy.cu", "include/reduce.cuh"],
        ConstantData = Enumerable.Range(0, 72).Select(i => (byte)(i * 7)).ToArray(),
        Constants =
        [
            new BcConstant("coefficients", 0, 64, 16),
            new BcConstant("scale", 64, 4, 4),
            new BcConstant("empty_marker", 68, 0, 4),
        ],
        Globals =
        [
            new BcGlobal { Name = "counter", Offset = 0, Size = 8, Alignment = 8 },
            new BcGlobal { Name = "histogram", Offset = 64, Size = 4096, Alignment = 64 },
            new BcGlobal { Name = "lookup", Offset = 0, Size = 16, Alignment = 16, Initializer = Bytes(16, 3) },
            new BcGlobal
            {
                Name = "pointers",
                Offset = 16,
                Size = 24,
                Alignment = 8,
                Initializer = new byte[24],
                Relocations =
                [
                    new BcRelocation(BcRelocationKind.Abs64, 0, "counter"),
                    new BcRelocation(BcRelocationKind.Abs64, 8, "lookup", 4),
                    new BcRelocation(BcRelocationKind.Abs64, 16, "coefficients", -8),
                ],
            },
        ],
        Kernels =
        [
            new BcKernel
            {
                Name = "saxpy",
                Code = [0x0000_0001_0000_1234UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL, 0x2A],
                Parameters =
                [
                    new BcParameter("n", 0, 4, 4),
                    new BcParameter("a", 4, 4, 4),
                    new BcParameter("x", 8, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global),
                    new BcParameter("y", 16, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Generic),
                ],
                RegistersPerThread = 12,
                PredicatesUsed = 2,
                MaxThreadsPerBlock = 256,
                Relocations =
                [
                    new BcRelocation(BcRelocationKind.ImmLo32, 1, "scale"),
                    new BcRelocation(BcRelocationKind.ImmHi32, 2, "scale"),
                ],
                Lines = [new BcLineEntry(0, 0, 3, 1), new BcLineEntry(2, 0, 4, 17)],
            },
            new BcKernel
            {
                Name = "reduce<256>",
                MangledName = "_Z6reduceILi256EEvPKfPfi",
                Code = Enumerable.Range(0, 40).Select(i => ((ulong)i << 40) | 0x77).ToArray(),
                Parameters =
                [
                    new BcParameter("in", 0, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global),
                    new BcParameter("out", 8, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Global),
                    new BcParameter("", 16, 12, 4),
                    new BcParameter("table", 32, 8, 8, BcParameterKind.Pointer, BcAddressSpace.Constant),
                ],
                RegistersPerThread = 40,
                PredicatesUsed = 5,
                StaticSharedBytes = 1024,
                LocalBytesPerThread = 32,
                UsesDynamicShared = true,
                Relocations =
                [
                    new BcRelocation(BcRelocationKind.ImmLo32, 10, "histogram", 128),
                    new BcRelocation(BcRelocationKind.ImmHi32, 11, "histogram", 128),
                    new BcRelocation(BcRelocationKind.ImmLo32, 39, "pointers"),
                ],
                Lines = [new BcLineEntry(0, 1, 10, 5), new BcLineEntry(5, 1, 12, 0), new BcLineEntry(30, 0, 20, 2)],
            },
            new BcKernel { Name = "noop", Code = Array.Empty<ulong>() },
        ],
    };

    /// <summary>A valid random module from a seed: random names (some non-ASCII), layouts, code and relocations.</summary>
    public static BcModule Random(int seed)
    {
        var rng = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        string Name(string stem)
        {
            string name;
            do
            {
                name = stem + rng.Next(1000) + (rng.Next(4) == 0 ? "<ü" + rng.Next(9) + ">" : "");
            }
            while (!names.Add(name));
            return name;
        }

        var constants = new List<BcConstant>();
        ulong constEnd = 0;
        for (int i = rng.Next(4); i > 0; i--)
        {
            uint align = 1u << rng.Next(5);
            ulong offset = (constEnd + align - 1) / align * align;
            ulong size = (ulong)rng.Next(0, 40);
            constants.Add(new BcConstant(Name("c"), offset, size, align));
            constEnd = offset + size;
        }

        var globals = new List<BcGlobal>();
        ulong dataEnd = 0, bssEnd = 0;
        for (int i = rng.Next(5); i > 0; i--)
        {
            uint align = 1u << rng.Next(6);
            bool zero = rng.Next(2) == 0;
            ulong size = (ulong)rng.Next(zero ? 0 : 8, 48);
            ref ulong end = ref zero ? ref bssEnd : ref dataEnd;
            ulong offset = ((end + align - 1) / align * align) + (ulong)(rng.Next(3) * align);
            end = offset + size;
            globals.Add(new BcGlobal { Name = Name("g"), Offset = offset, Size = size, Alignment = align, Initializer = zero ? null : Bytes((int)size, rng.Next()) });
        }

        var targets = constants.Select(c => c.Name).Concat(globals.Select(g => g.Name)).ToList();
        for (int i = 0; i < globals.Count; i++)
        {
            var g = globals[i];
            if (!g.IsZeroFilled && targets.Count > 0 && rng.Next(2) == 0)
            {
                var relocs = Enumerable.Range(0, (int)(g.Size / 8)).Where(_ => rng.Next(2) == 0)
                    .Select(slot => new BcRelocation(BcRelocationKind.Abs64, (ulong)slot * 8, targets[rng.Next(targets.Count)], rng.Next(-64, 64))).ToList();
                globals[i] = g with { Relocations = relocs };
            }
        }

        var files = Enumerable.Range(0, rng.Next(3)).Select(i => $"src/file{i}.cu").ToList();
        var kernels = new List<BcKernel>();
        for (int k = rng.Next(1, 5); k > 0; k--)
        {
            var code = Enumerable.Range(0, rng.Next(0, 30)).Select(_ => (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63)).ToArray();
            var parameters = new List<BcParameter>();
            uint pOffset = 0;
            for (int p = rng.Next(5); p > 0; p--)
            {
                bool pointer = rng.Next(2) == 0;
                uint size = pointer ? 8 : 1u << rng.Next(4);
                pOffset = (pOffset + size - 1) / size * size;
                parameters.Add(pointer
                    ? new BcParameter(Name("p"), pOffset, 8, 8, BcParameterKind.Pointer, (BcAddressSpace)rng.Next(1, 6))
                    : new BcParameter(Name("v"), pOffset, size, size));
                pOffset += size;
            }

            var relocs = targets.Count == 0 ? [] : code.Select((_, i) => i).Where(_ => rng.Next(4) == 0)
                .Select(i => new BcRelocation(rng.Next(2) == 0 ? BcRelocationKind.ImmLo32 : BcRelocationKind.ImmHi32, (ulong)i, targets[rng.Next(targets.Count)], rng.Next(-4, 100))).ToList();
            var lines = files.Count == 0 ? [] : code.Select((_, i) => i).Where(_ => rng.Next(3) == 0)
                .Select(i => new BcLineEntry((uint)i, (uint)rng.Next(files.Count), (uint)rng.Next(1, 500), (uint)rng.Next(80))).ToList();
            string name = Name("k");
            kernels.Add(new BcKernel
            {
                Name = name,
                MangledName = rng.Next(2) == 0 ? null : "_Z" + name.Length + Name("m"),
                Code = code,
                Parameters = parameters,
                RegistersPerThread = (uint)rng.Next(256),
                PredicatesUsed = (uint)rng.Next(8),
                StaticSharedBytes = (uint)rng.Next(65536),
                LocalBytesPerThread = (uint)rng.Next(1024),
                MaxThreadsPerBlock = (uint)rng.Next(1025),
                UsesDynamicShared = rng.Next(2) == 0,
                Relocations = relocs,
                Lines = lines,
            });
        }

        return new BcModule
        {
            Target = rng.Next(2) == 0 ? TargetArch.N4 : TargetArch.N5,
            Kernels = kernels,
            ConstantData = Bytes((int)constEnd + rng.Next(8), rng.Next()),
            Constants = constants,
            Globals = globals,
            SourceFiles = files,
        };
    }

    public static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes[..Math.Min(bytes.Length, 256)]) + (bytes.Length > 256 ? "..." : "");

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
