using System.Buffers.Binary;
using System.Diagnostics;
using ByteChip.Isa.ObjectFormat;
using Xunit.Abstractions;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>
/// Random byte strings and mutated valid files fed to the reader with a fixed seed: only success or
/// <see cref="BcFormatException"/> may come out, and whatever reads must write and read back to the same model.
/// <c>BYTECHIP_FUZZ_ITERATIONS</c> sets the number of inputs per test (default 150,000; two tests), <c>BYTECHIP_FUZZ_SEED</c> the seed.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 150_000;

    private static readonly ulong[] _interesting =
        [0, 1, 2, 7, 8, 16, 24, 48, 64, 0x7F, 0x80, 0xFF, 0xFFFF, 0xFF00, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1_0000_0000, long.MaxValue, ulong.MaxValue, 1UL << 62];

    private static readonly byte[][] _seeds =
        [.. new[] { SampleModules.Rich(), SampleModules.Rich(TargetArch.N5) }.Concat(Enumerable.Range(1, 6).Select(SampleModules.Random)).Select(BcModuleWriter.Write)];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BYTECHIP_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultIterations;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("BYTECHIP_FUZZ_SEED"), out int s) ? s : 0x6BC0;

    [Fact]
    public void RandomByteStringsGiveOnlyFormatErrors()
    {
        var rng = new Random(Seed);
        byte[] header = _seeds[0][..64];
        Run("random", () =>
        {
            var bytes = new byte[rng.Next(4) == 0 ? rng.Next(4096) : rng.Next(160)];
            rng.NextBytes(bytes);
            if (rng.Next(2) == 0)
            {
                // A valid header gets past the first checks, so the section-table code sees random data too.
                header.AsSpan(0, Math.Min(64, bytes.Length)).CopyTo(bytes);
                int sections = rng.Next(1, 12);
                if (bytes.Length >= 64 + (sections * 64) && rng.Next(2) == 0)
                {
                    // ...and a section table inside the buffer makes random section headers reach the section checks.
                    int table = rng.Next(64, bytes.Length - (sections * 64) + 1);
                    BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(40), (ulong)table);
                    bytes.AsSpan(table, 64).Clear();
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(60), (ushort)sections);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(62), (ushort)rng.Next(sections + 1));
                }
            }

            return bytes;
        });
    }

    [Fact]
    public void MutatedValidFilesGiveOnlyFormatErrors()
    {
        var rng = new Random(Seed + 1);
        Run("mutation", () =>
        {
            byte[] bytes = _seeds[rng.Next(_seeds.Length)];
            for (int m = rng.Next(1, 4); m > 0; m--)
            {
                bytes = Mutate(bytes, rng);
            }

            return bytes;
        });
    }

    private void Run(string kind, Func<byte[]> next)
    {
        int iterations = Iterations, accepted = 0;
        var codes = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            byte[] input = next();
            try
            {
                var module = BcModuleReader.Read(input);
                accepted++;
                Assert.Equal(module, BcModuleReader.Read(BcModuleWriter.Write(module)));
            }
            catch (BcFormatException e)
            {
                Assert.InRange(e.Code, 6001, 6299);
                Assert.StartsWith(e.CodeText + ": ", e.Message);
                codes[e.Code] = codes.GetValueOrDefault(e.Code) + 1;
            }
            catch (Exception e)
            {
                Assert.Fail($"{kind} input #{i} (seed {Seed}) threw {e.GetType().Name}: {e.Message}\ninput: {SampleModules.Hex(input)}\n{e.StackTrace}");
            }
        }

        output.WriteLine($"{kind}: {iterations} inputs in {clock.ElapsedMilliseconds} ms, {accepted} read successfully; codes: {string.Join(", ", codes.Select(c => $"BC{c.Key}x{c.Value}"))}");
    }

    private static byte[] Mutate(byte[] input, Random rng)
    {
        if (input.Length == 0)
        {
            return [(byte)rng.Next(256)];
        }

        var bytes = (byte[])input.Clone();
        int at = rng.Next(bytes.Length);
        switch (rng.Next(8))
        {
            case 0:
                for (int b = rng.Next(1, 9); b > 0; b--)
                {
                    bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                }

                return bytes;
            case 1:
                bytes[at] = (byte)_interesting[rng.Next(_interesting.Length)];
                return bytes;
            case 2 when at + 4 <= bytes.Length:
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at & ~3), (uint)Interesting(bytes, rng));
                return bytes;
            case 3 when (at & ~7) + 8 <= bytes.Length:
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at & ~7), Interesting(bytes, rng));
                return bytes;
            case 4:
                return bytes[..at];
            case 5:
                var other = _seeds[rng.Next(_seeds.Length)];
                return [.. bytes[..at], .. other[rng.Next(other.Length)..]];
            case 6:
                int from = rng.Next(bytes.Length), length = rng.Next(Math.Min(bytes.Length - from, bytes.Length - at) + 1);
                Array.Copy(input, from, bytes, at, length);
                return bytes;
            default:
                int cut = rng.Next(Math.Min(64, bytes.Length - at) + 1);
                return rng.Next(2) == 0 ? [.. bytes[..at], .. bytes[(at + cut)..]] : [.. bytes[..at], .. new byte[cut], .. bytes[at..]];
        }
    }

    private static ulong Interesting(byte[] bytes, Random rng) => rng.Next(4) switch
    {
        0 => (ulong)bytes.Length,
        1 => (ulong)rng.Next(bytes.Length),
        _ => _interesting[rng.Next(_interesting.Length)],
    };
}
