using System.Buffers.Binary;
using ByteChip.Isa.ObjectFormat;

namespace ByteChip.Runtime;

/// <summary>Checks launch arguments against a kernel's parameter metadata and lays out the parameter buffer.</summary>
internal static class KernelArguments
{
    public static byte[] Pack(Kernel kernel, object[] args)
    {
        var parameters = kernel.Parameters;
        if (args.Length != parameters.Count)
        {
            throw new RuntimeException(RuntimeError.ArgumentCount,
                $"kernel '{kernel.Name}' takes {parameters.Count} argument(s) ({Describe(parameters)}), {args.Length} given");
        }
        long size = parameters.Count == 0 ? 0 : parameters.Max(p => (long)p.Offset + p.Size);
        long limit = kernel.Module.Device.Target.ParameterBytes;
        if (size > limit)
        {
            throw new RuntimeException(RuntimeError.ResourceLimit, $"kernel '{kernel.Name}' has {size} bytes of parameters; the target allows {limit}");
        }
        var buffer = new byte[size];
        for (int i = 0; i < args.Length; i++)
        {
            var p = parameters[i];
            var slot = buffer.AsSpan((int)p.Offset, (int)p.Size);
            string where = $"argument {i} ('{p.Name}') of kernel '{kernel.Name}'";
            if (p.Kind == BcParameterKind.Pointer)
            {
                ulong address = args[i] switch
                {
                    DeviceBuffer b => CheckBuffer(b, kernel, where),
                    DevicePointer ptr => ptr.Address,
                    DeviceSymbol s => s.Pointer.Address,
                    null => 0,
                    var other => throw new RuntimeException(RuntimeError.ArgumentMismatch,
                        $"{where} is a pointer; a {other.GetType().Name} was given (pass a DeviceBuffer, DevicePointer or device global)"),
                };
                if (p.Size != 8)
                {
                    throw new RuntimeException(RuntimeError.ArgumentMismatch, $"{where} is a pointer of {p.Size} bytes; pointers are 8 bytes");
                }
                BinaryPrimitives.WriteUInt64LittleEndian(slot, address);
                continue;
            }
            if (!TryWriteValue(args[i], slot, out int given))
            {
                string what = given < 0 ? $"a {args[i]?.GetType().Name ?? "null"}" : $"a {given}-byte {args[i]!.GetType().Name}";
                throw new RuntimeException(RuntimeError.ArgumentMismatch, $"{where} is a {p.Size}-byte value; {what} was given");
            }
        }
        return buffer;
    }

    private static ulong CheckBuffer(DeviceBuffer b, Kernel kernel, string where)
    {
        if (b.IsFreed)
        {
            throw new RuntimeException(RuntimeError.UseAfterFree, $"{where} is a buffer that was freed");
        }
        if (!ReferenceEquals(b.Device, kernel.Module.Device))
        {
            throw new RuntimeException(RuntimeError.WrongDevice, $"{where} is a buffer of another device");
        }
        return b.Pointer.Address;
    }

    /// <summary>Writes a scalar whose size equals the slot; returns false with the given size (-1: not a value type we pass).</summary>
    private static bool TryWriteValue(object? arg, Span<byte> slot, out int given)
    {
        given = arg switch
        {
            byte or sbyte or bool => 1,
            short or ushort or Half => 2,
            int or uint or float => 4,
            long or ulong or double => 8,
            byte[] bytes => bytes.Length,
            _ => -1,
        };
        if (given != slot.Length)
        {
            return false;
        }
        switch (arg)
        {
            case byte v: slot[0] = v; break;
            case sbyte v: slot[0] = (byte)v; break;
            case bool v: slot[0] = v ? (byte)1 : (byte)0; break;
            case short v: BinaryPrimitives.WriteInt16LittleEndian(slot, v); break;
            case ushort v: BinaryPrimitives.WriteUInt16LittleEndian(slot, v); break;
            case Half v: BinaryPrimitives.WriteHalfLittleEndian(slot, v); break;
            case int v: BinaryPrimitives.WriteInt32LittleEndian(slot, v); break;
            case uint v: BinaryPrimitives.WriteUInt32LittleEndian(slot, v); break;
            case float v: BinaryPrimitives.WriteSingleLittleEndian(slot, v); break;
            case long v: BinaryPrimitives.WriteInt64LittleEndian(slot, v); break;
            case ulong v: BinaryPrimitives.WriteUInt64LittleEndian(slot, v); break;
            case double v: BinaryPrimitives.WriteDoubleLittleEndian(slot, v); break;
            case byte[] v: v.CopyTo(slot); break;
        }
        return true;
    }

    private static string Describe(IReadOnlyList<BcParameter> parameters) => parameters.Count == 0
        ? "none"
        : string.Join(", ", parameters.Select(p => p.Kind == BcParameterKind.Pointer ? $"{p.Name}: pointer" : $"{p.Name}: {p.Size}-byte value"));
}
