namespace ByteChip.Runtime;

/// <summary>A grid or block shape (x, y, z), each at least 1 in a valid launch.</summary>
public readonly record struct Dim3(uint X, uint Y = 1, uint Z = 1)
{
    /// <summary>X * Y * Z.</summary>
    public long Count => (long)X * Y * Z;

    /// <summary>Converts a single count to a one-dimensional shape.</summary>
    public static implicit operator Dim3(uint x) => new(x);

    /// <summary>Converts a single count to a one-dimensional shape.</summary>
    public static implicit operator Dim3(int x) => new(checked((uint)x));

    /// <summary>The shape of a linear index within this shape.</summary>
    public Dim3 Unflatten(long linear) => new((uint)(linear % X), (uint)(linear / X % Y), (uint)(linear / X / Y));

    /// <inheritdoc/>
    public override string ToString() => $"({X},{Y},{Z})";
}
