namespace ByteChip.Tools.Bcrun;

/// <summary>The initial bytes of a buffer: an .npy file checked against the buffer's type and count, or a fill.</summary>
public static class BufferContents
{
    /// <summary>
    /// zeros; iota (element i = i, wrapping in the type); random: System.Random(seed), integers uniform in
    /// [min, max], floats uniform in [min, max). The same seed gives the same data on every run.
    /// </summary>
    public static byte[] Initial(BufferSpec b, string specPath)
    {
        string field = $"buffers.{b.Name}.init";
        if (b.Count > Array.MaxLength / b.Type.Size)
        {
            throw new Runtime.RuntimeException(Runtime.RuntimeError.InvalidSpec,
                $"{specPath}: buffers.{b.Name}.count: {b.Count} elements of {b.Type.Name} exceed the largest buffer the device model holds ({Array.MaxLength} bytes)");
        }
        if (b.Init.NpyPath is { } path)
        {
            NpyArray npy;
            try
            {
                npy = NpyFile.Read(BcrunRunner.ReadFile(path, "npy file"));
            }
            catch (FormatException e)
            {
                throw new Runtime.RuntimeException(Runtime.RuntimeError.NpyMismatch, $"{specPath}: {field}.npy: '{path}': {e.Message}");
            }
            if (NpyFile.TypeCode(npy.Descr) != b.Type.NpyCode)
            {
                throw new Runtime.RuntimeException(Runtime.RuntimeError.NpyMismatch,
                    $"{specPath}: {field}.npy: '{path}' holds dtype '{npy.Descr}', the buffer is {b.Type.Name} ('{b.Type.NpyDescr}')");
            }
            if (npy.Count != b.Count || npy.Data.LongLength < b.Count * b.Type.Size)
            {
                throw new Runtime.RuntimeException(Runtime.RuntimeError.NpyMismatch,
                    $"{specPath}: {field}.npy: '{path}' holds {npy.Count} elements, the buffer has {b.Count}");
            }
            return npy.Data[..(int)(b.Count * b.Type.Size)];
        }
        var bytes = new byte[b.Count * b.Type.Size];
        var rng = new Random(b.Init.Seed);
        for (long i = 0; i < b.Count; i++)
        {
            var slot = bytes.AsSpan((int)(i * b.Type.Size), b.Type.Size);
            switch (b.Init.Fill)
            {
                case "iota":
                    if (b.Type.IsFloat)
                    {
                        b.Type.TryWrite(i, slot);
                    }
                    else
                    {
                        for (int k = 0; k < b.Type.Size; k++)
                        {
                            slot[k] = (byte)(i >> (8 * k));
                        }
                    }
                    break;
                case "random":
                    double v = b.Type.IsFloat
                        ? b.Init.Min + (rng.NextDouble() * (b.Init.Max - b.Init.Min))
                        : Math.Floor(b.Init.Min + (rng.NextDouble() * (b.Init.Max - b.Init.Min + 1)));
                    if (!b.Type.TryWrite(Math.Min(v, b.Type.IsFloat ? v : b.Init.Max), slot))
                    {
                        throw new Runtime.RuntimeException(Runtime.RuntimeError.InvalidSpec, $"{specPath}: {field}: min/max are outside the range of {b.Type.Name}");
                    }
                    break;
            }
        }
        return bytes;
    }
}
