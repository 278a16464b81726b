namespace KalshiArb.Domain.Primitives;

/// <summary>
/// Exact decimal-string ⇄ scaled-integer conversion shared by Price, Quantity and Money.
/// Never rounds: digits beyond the unit's scale must be zeros or the text is refused.
/// </summary>
public static class FixedPointText
{
    /// <summary>Most decimals Kalshi sends in any response.</summary>
    public const int MaxWireDecimals = 6;

    /// <summary>
    /// Parses "[-]digits[.digits]" into an integer count of 10^-scale units.
    /// </summary>
    public static WireParseError TryParse(ReadOnlySpan<char> text, int scale, bool allowNegative, out long units)
    {
        units = 0;
        if (text.IsEmpty) return WireParseError.Empty;
        var negative = false;
        var i = 0;
        if (text[0] == '-')
        {
            negative = true;
            i = 1;
        }
        else if (text[0] == '+')
        {
            i = 1;
        }
        if (i >= text.Length) return WireParseError.NotANumber;

        long whole = 0;
        var intDigits = 0;
        var significantDigits = 0; // leading zeros do not count toward the overflow bound
        for (; i < text.Length && text[i] != '.'; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9') return WireParseError.NotANumber;
            if (whole != 0 || c != '0')
            {
                if (significantDigits >= 12) return WireParseError.OutOfRange;
                significantDigits++;
            }
            whole = whole * 10 + (c - '0');
            intDigits++;
        }

        long frac = 0;
        var fracDigits = 0;
        if (i < text.Length)
        {
            i++; // the '.'
            if (i >= text.Length && intDigits == 0) return WireParseError.NotANumber;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c < '0' || c > '9') return WireParseError.NotANumber;
                fracDigits++;
                if (fracDigits > MaxWireDecimals) return WireParseError.TooManyDecimals;
                if (fracDigits <= scale)
                {
                    frac = frac * 10 + (c - '0');
                }
                else if (c != '0')
                {
                    return WireParseError.SubTickPrecision;
                }
            }
        }
        if (intDigits == 0 && fracDigits == 0) return WireParseError.NotANumber;

        for (var d = Math.Min(fracDigits, scale); d < scale; d++) frac *= 10;
        var value = whole * Pow10(scale) + frac;
        if (negative && value != 0)
        {
            if (!allowNegative) return WireParseError.Negative;
            value = -value;
        }
        units = value;
        return WireParseError.None;
    }

    /// <summary>Formats units with exactly <paramref name="decimals"/> places (≤ scale).</summary>
    public static string Format(long units, int scale, int decimals)
    {
        if (decimals > scale) throw new ArgumentOutOfRangeException(nameof(decimals));
        var negative = units < 0;
        // unsigned magnitude so long.MinValue formats too
        var abs = negative ? (ulong)(-(units + 1)) + 1UL : (ulong)units;
        var div = (ulong)Pow10(scale);
        var whole = abs / div;
        var frac = abs % div;
        var drop = (ulong)Pow10(scale - decimals);
        if (frac % drop != 0) throw new InvalidOperationException($"value {units} needs more than {decimals} decimals");
        frac /= drop;
        var sign = negative ? "-" : "";
        return decimals == 0
            ? $"{sign}{whole}"
            : $"{sign}{whole}.{frac.ToString().PadLeft(decimals, '0')}";
    }

    internal static long Pow10(int n)
    {
        long r = 1;
        for (var k = 0; k < n; k++) r *= 10;
        return r;
    }
}
