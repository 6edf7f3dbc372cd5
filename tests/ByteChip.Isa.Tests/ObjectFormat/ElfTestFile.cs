using System.Buffers.Binary;
using System.Text;

namespace ByteChip.Isa.Tests.ObjectFormat;

/// <summary>A writable copy of a .bcbin with just enough ELF knowledge to damage it on purpose.</summary>
internal sealed class ElfTestFile(byte[] bytes)
{
    public byte[] Bytes { get; } = (byte[])bytes.Clone();

    public long SectionTable => (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(40));

    public int SectionCount => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(60));

    /// <summary>File offset of the section header of the named section.</summary>
    public int Header(string name)
    {
        int shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(62));
        long names = (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(HeaderAt(shstrndx) + 24));
        for (int i = 1; i < SectionCount; i++)
        {
            int at = HeaderAt(i);
            int start = (int)names + (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at));
            int end = Array.IndexOf(Bytes, (byte)0, start);
            if (Encoding.UTF8.GetString(Bytes, start, end - start) == name)
            {
                return at;
            }
        }

        throw new InvalidOperationException($"no section {name}");
    }

    /// <summary>File offset of the named section's data.</summary>
    public int Data(string name) => (int)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Header(name) + 24));

    public int HeaderAt(int index) => (int)SectionTable + (index * 64);

    public ElfTestFile U16(int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(offset), value);
        return this;
    }

    public ElfTestFile U32(int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(offset), value);
        return this;
    }

    public ElfTestFile U64(int offset, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(offset), value);
        return this;
    }

    public ElfTestFile Byte(int offset, byte value)
    {
        Bytes[offset] = value;
        return this;
    }
}
