using System.Text.Unicode;

namespace KalshiArb.Kalshi.Model;

/// <summary>
/// The shape every Kalshi market ticker has: <c>SERIES-EVENT-MARKET[-…]</c>, upper-case ASCII letters and digits,
/// parts joined by '-', e.g. <c>KXNBAGAME-26FEB07HOUOKC-OKC</c> or <c>KXHIGHNY-26SEP20-T70</c>. The series starts with a
/// letter; later parts may hold a decimal point (strikes such as <c>T83999.99</c>) but not at either end.
/// Checked where tickers enter (WebSocket frames, REST discovery) so a corrupted ticker never becomes a market,
/// a book or a subscription. Pure.
/// </summary>
public static class MarketTickerGrammar
{
    /// <summary>Longest ticker accepted; real ones are well under 64 characters.</summary>
    public const int MaxLength = 100;

    /// <summary>SERIES, EVENT and MARKET at least; a few series add parts (kept generous, the count is only a sanity bound).</summary>
    public const int MinParts = 3;
    public const int MaxParts = 6;

    /// <summary>Raw UTF-8 as it came off the wire: invalid UTF-8 is named as such before the grammar is checked.</summary>
    public static TickerFault Check(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return TickerFault.Empty;
        if (!Utf8.IsValid(utf8)) return TickerFault.InvalidUtf8;
        if (utf8.Length > MaxLength) return TickerFault.TooLong;
        Span<char> chars = stackalloc char[MaxLength];
        for (var i = 0; i < utf8.Length; i++)
        {
            // valid UTF-8 with a byte >= 0x80 is a non-ASCII character: never part of a ticker
            if (utf8[i] >= 0x80) return TickerFault.BadCharacter;
            chars[i] = (char)utf8[i];
        }
        return Check(chars[..utf8.Length]);
    }

    public static TickerFault Check(ReadOnlySpan<char> ticker)
    {
        if (ticker.IsEmpty) return TickerFault.Empty;
        if (ticker.Length > MaxLength) return TickerFault.TooLong;
        var parts = 0;
        var start = 0;
        for (var i = 0; i <= ticker.Length; i++)
        {
            if (i < ticker.Length && ticker[i] != '-')
            {
                if (!IsTickerChar(ticker[i])) return TickerFault.BadCharacter;
                continue;
            }
            var part = ticker[start..i];
            if (part.IsEmpty || part[0] == '.' || part[^1] == '.') return TickerFault.WrongShape;
            // the series is a plain code: starts with a letter, no decimal point
            if (parts == 0 && (!char.IsAsciiLetterUpper(part[0]) || part.Contains('.'))) return TickerFault.WrongShape;
            if (++parts > MaxParts) return TickerFault.WrongShape;
            start = i + 1;
        }
        return parts < MinParts ? TickerFault.WrongShape : TickerFault.None;
    }

    public static bool IsValid(string? ticker) => ticker is not null && Check(ticker.AsSpan()) == TickerFault.None;

    /// <summary>The text safe to log: printable ASCII kept, anything else as \uXXXX, cut at twice the longest ticker.</summary>
    public static string Printable(string? text)
    {
        if (text is null) return "(none)";
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 2 * MaxLength));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 2 * MaxLength)))
        {
            if (c is >= ' ' and <= '~') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (text.Length > 2 * MaxLength) sb.Append('…');
        return sb.ToString();
    }

    private static bool IsTickerChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '.';
}
