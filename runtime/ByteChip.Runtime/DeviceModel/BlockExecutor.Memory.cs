using System.Buffers.Binary;
using System.Numerics;
using ByteChip.Isa;

namespace ByteChip.Runtime.DeviceModel;

/// <summary>Loads, stores, address-space conversions: every access checked for alignment and bounds.</summary>
internal sealed partial class BlockExecutor
{
    /// <summary>Start of the generic window onto shared memory.</summary>
    public const ulong SharedWindow = 0x0000_7F00_0000_0000UL;

    /// <summary>Start of the generic window onto local memory.</summary>
    public const ulong LocalWindow = 0x0000_7E00_0000_0000UL;

    private const ulong WindowSize = 1UL << 32;

    private void ExecuteMemory(WarpState w, in Uop u, uint exec)
    {
        var f = MemoryForms.Of(u.Op);
        if (f.IsLoad || f.IsStore)
        {
            if (f.IsLoad)
            {
                Load(w, u, f, exec);
            }
            else
            {
                Store(w, u, f, exec);
            }
            return;
        }
        uint[] r = w.Regs;
        uint bits = 0, executing = exec;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            ulong a = Lanes.Get64(r, u.A, l);
            switch (u.Op)
            {
                case Opcode.CvtaToGenericShared: Lanes.Set64(r, u.D, l, SharedWindow + r[u.A + l]); break;
                case Opcode.CvtaToGenericLocal: Lanes.Set64(r, u.D, l, LocalWindow + r[u.A + l]); break;
                case Opcode.CvtaFromGenericShared: r[u.D + l] = (uint)(a - SharedWindow); break;
                case Opcode.CvtaFromGenericLocal: r[u.D + l] = (uint)(a - LocalWindow); break;
                case Opcode.IsspacepShared: bits |= a - SharedWindow < WindowSize ? 1u << l : 0; break;
                case Opcode.IsspacepLocal: bits |= a - LocalWindow < WindowSize ? 1u << l : 0; break;
                case Opcode.IsspacepGlobal: bits |= a - SharedWindow >= WindowSize && a - LocalWindow >= WindowSize ? 1u << l : 0; break;
                default: throw NotImplemented(u);
            }
        }
        if (u.Op is Opcode.IsspacepShared or Opcode.IsspacepLocal or Opcode.IsspacepGlobal)
        {
            Lanes.SetPredicate(w, u.Pd, bits, executing);
        }
    }

    /// <summary>Whether [address, address + size) lies inside [0, limit), without overflow.</summary>
    private static bool Fits(ulong address, int size, ulong limit) => address <= limit && limit - address >= (ulong)size;

    private void Load(WarpState w, in Uop u, in MemoryForm f, uint exec)
    {
        uint[] r = w.Regs;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            var span = Resolve(w, f.Space, Address(r, u, f.Space, l), f.Size, l, write: false);
            switch (f.Size)
            {
                case 1: r[u.D + l] = f.Signed ? (uint)(sbyte)span[0] : span[0]; break;
                case 2:
                    ushort h = BinaryPrimitives.ReadUInt16LittleEndian(span);
                    r[u.D + l] = f.Signed ? (uint)(short)h : h;
                    break;
                case 4: r[u.D + l] = BinaryPrimitives.ReadUInt32LittleEndian(span); break;
                default:
                    for (int k = 0; k < f.Size / 4; k++)
                    {
                        r[u.D + (k * 32) + l] = BinaryPrimitives.ReadUInt32LittleEndian(span[(k * 4)..]);
                    }
                    break;
            }
        }
    }

    private void Store(WarpState w, in Uop u, in MemoryForm f, uint exec)
    {
        uint[] r = w.Regs;
        while (exec != 0)
        {
            int l = BitOperations.TrailingZeroCount(exec);
            exec &= exec - 1;
            var span = Resolve(w, f.Space, Address(r, u, f.Space, l), f.Size, l, write: true);
            uint v = r[u.D + l];
            switch (f.Size)
            {
                case 1: span[0] = (byte)v; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)v); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, v); break;
                default:
                    for (int k = 0; k < f.Size / 4; k++)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(span[(k * 4)..], r[u.D + (k * 32) + l]);
                    }
                    break;
            }
        }
    }

    /// <summary>a + sext(imm): 64-bit for global and generic, else the 32-bit register plus the offset (may leave the space).</summary>
    private static ulong Address(uint[] r, in Uop u, Space space, int lane) => space is Space.Global or Space.Generic
        ? Lanes.Get64(r, u.A, lane) + (ulong)(long)(int)u.Imm
        : (ulong)((long)r[u.A + lane] + (int)u.Imm);

    /// <summary>The bytes an access touches, after the alignment and bounds checks of its space.</summary>
    private Span<byte> Resolve(WarpState w, Space space, ulong address, int size, int lane, bool write, bool count = true)
    {
        if ((address & (ulong)(size - 1)) != 0)
        {
            throw new WarpFault(RuntimeError.MisalignedAccess, lane,
                $"misaligned {SpaceName(space)} {(write ? "store" : "load")} of {size} bytes at 0x{address:X}");
        }
        if (space == Space.Generic)
        {
            if (address - SharedWindow < WindowSize)
            {
                space = Space.Shared;
                address -= SharedWindow;
            }
            else if (address - LocalWindow < WindowSize)
            {
                space = Space.Local;
                address -= LocalWindow;
            }
            else
            {
                space = Space.Global;
            }
        }
        switch (space)
        {
            case Space.Global:
                {
                    var a = w.LastAllocation;
                    if (a is null || address < a.Address || !Fits(address - a.Address, size, a.Length))
                    {
                        a = _ctx.Global.Find(address);
                        if (a is null || !Fits(address - a.Address, size, a.Length))
                        {
                            throw OutOfBounds(space, address, size, lane, write, a is null ? "no live allocation there" : $"past the end of {a.Owner}");
                        }
                        w.LastAllocation = a;
                    }
                    if (!count)
                    {
                    }
                    else if (write)
                    {
                        _counters.GlobalStoreBytes += size;
                    }
                    else
                    {
                        _counters.GlobalLoadBytes += size;
                    }
                    return a.Data.AsSpan((int)(address - a.Address), size);
                }
            case Space.Shared:
                if (!Fits(address, size, (ulong)_sharedSize))
                {
                    throw OutOfBounds(space, address, size, lane, write, $"the block has {_sharedSize} bytes of shared memory");
                }
                if (!count)
                {
                }
                else if (write)
                {
                    _counters.SharedStoreBytes += size;
                }
                else
                {
                    _counters.SharedLoadBytes += size;
                }
                return _shared.AsSpan((int)address, size);
            case Space.Local:
                if (!Fits(address, size, (ulong)_localPerThread))
                {
                    throw OutOfBounds(space, address, size, lane, write, $"the thread has {_localPerThread} bytes of local memory");
                }
                return LocalMemory((w.WarpIndex * 32) + lane).Slice((int)address, size);
            case Space.Const:
                if (write)
                {
                    throw new WarpFault(RuntimeError.InvalidAddressSpace, lane, "store to the read-only constant space");
                }
                if (!Fits(address, size, (ulong)_ctx.Constants.Length))
                {
                    throw OutOfBounds(space, address, size, lane, write, $"the constant segment has {_ctx.Constants.Length} bytes");
                }
                return _ctx.Constants.AsSpan((int)address, size);
            default:
                if (write)
                {
                    throw new WarpFault(RuntimeError.InvalidAddressSpace, lane, "store to the read-only parameter space");
                }
                if (!Fits(address, size, (ulong)_ctx.Parameters.Length))
                {
                    throw OutOfBounds(space, address, size, lane, write, $"the parameter buffer has {_ctx.Parameters.Length} bytes");
                }
                return _ctx.Parameters.AsSpan((int)address, size);
        }
    }

    /// <summary>A thread's local memory, allocated and zeroed on its first use in the block.</summary>
    private Span<byte> LocalMemory(int thread)
    {
        if (_local.Length < checked(_localPerThread * _ctx.ThreadsPerBlock))
        {
            _local = new byte[_localPerThread * _ctx.ThreadsPerBlock];
        }
        var span = _local.AsSpan(thread * _localPerThread, _localPerThread);
        if (!_localTouched[thread])
        {
            _localTouched[thread] = true;
            span.Clear();
        }
        return span;
    }

    private static WarpFault OutOfBounds(Space space, ulong address, int size, int lane, bool write, string why) =>
        new(RuntimeError.OutOfBoundsAccess, lane, $"out-of-bounds {SpaceName(space)} {(write ? "store" : "load")} of {size} bytes at 0x{address:X}: {why}");

    private static string SpaceName(Space space) => space.ToString().ToLowerInvariant();
}
