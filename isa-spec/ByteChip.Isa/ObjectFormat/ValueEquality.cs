namespace ByteChip.Isa.ObjectFormat;

/// <summary>Structural equality over the sequences the model holds, so records compare by content.</summary>
internal static class ValueEquality
{
    public static bool Equal<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Count; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal<T>(ReadOnlyMemory<T> a, ReadOnlyMemory<T> b)
        where T : IEquatable<T> => a.Span.SequenceEqual(b.Span);

    public static int Hash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static int Hash<T>(ReadOnlySpan<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Copies a caller's list so later changes to it cannot reach the model.</summary>
    public static IReadOnlyList<T> Freeze<T>(IReadOnlyList<T>? items) =>
        items is null || items.Count == 0 ? [] : Array.AsReadOnly(items.ToArray());

    /// <summary>Copies a caller's buffer so later changes to it cannot reach the model.</summary>
    public static ReadOnlyMemory<T> Freeze<T>(ReadOnlyMemory<T> items) => items.IsEmpty ? ReadOnlyMemory<T>.Empty : items.ToArray();
}
