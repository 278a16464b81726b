using System.Globalization;
using System.Text;

namespace KalshiArb.Exchange.Rest;

/// <summary>Opaque offset cursors; the last page answers cursor "".</summary>
internal static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Parses limit and cursor; returns an error message when either is malformed.</summary>
    public static string? TryRead(string? limitText, string? cursor, out int limit, out int offset)
    {
        limit = DefaultLimit;
        offset = 0;
        if (!string.IsNullOrEmpty(limitText))
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit)
                return $"limit must be between 1 and {MaxLimit}";
        }
        if (!string.IsNullOrEmpty(cursor))
        {
            var text = Decode(cursor);
            if (text is null || !text.StartsWith("o:", StringComparison.Ordinal) ||
                !int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                return "invalid cursor";
        }
        return null;
    }

    /// <summary>Reads a sequence cursor (<see cref="SequenceCursor"/>); false when it is not one.</summary>
    public static bool TryReadSequence(string? cursor, out long? sequence)
    {
        sequence = null;
        if (string.IsNullOrEmpty(cursor)) return true;
        var text = Decode(cursor);
        if (text is null || !text.StartsWith("s:", StringComparison.Ordinal) ||
            !long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            return false;
        sequence = s;
        return true;
    }

    /// <summary>An opaque cursor continuing before <paramref name="sequence"/>; "" on the last page.</summary>
    public static string SequenceCursor(long? sequence) =>
        sequence is { } s ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"s:{s.ToString(CultureInfo.InvariantCulture)}")) : "";

    private static string? Decode(string cursor)
    {
        var bytes = new byte[cursor.Length];
        return Convert.TryFromBase64String(cursor, bytes, out var n) ? Encoding.UTF8.GetString(bytes, 0, n) : null;
    }

    public static (List<T> Page, string Cursor) Page<T>(IReadOnlyList<T> all, int offset, int limit)
    {
        var page = all.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count;
        var cursor = next < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{next}")) : "";
        return (page, cursor);
    }

    public static HashSet<string>? CommaSet(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
