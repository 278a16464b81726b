namespace KalshiArb.Domain.Primitives;

/// <summary>
/// A contract count in units of 0.01 contract (Kalshi's "10.00" count_fp strings).
/// Signed so that positions (YES &gt; 0, NO &lt; 0) and book deltas use the same type.
/// </summary>
public readonly record struct Quantity(long Hundredths) : IComparable<Quantity>
{
    public const int Scale = 2;
    public const long UnitsPerContract = 100;

    public static readonly Quantity Zero = new(0);

    public static Quantity FromContracts(long contracts) => new(checked(contracts * UnitsPerContract));

    public bool IsZero => Hundredths == 0;
    public bool IsPositive => Hundredths > 0;
    public bool IsNegative => Hundredths < 0;
    public Quantity Abs => new(Math.Abs(Hundredths));

    /// <summary>True for a whole number of contracts ("3.00"): the only counts a market without fractional trading takes.</summary>
    public bool IsWholeContracts => Hundredths % UnitsPerContract == 0;

    /// <summary>The whole contracts in this count, rounded toward zero ("14.83" → "14.00", "-52.86" → "-52.00").</summary>
    public Quantity WholeContracts => new(Hundredths - Hundredths % UnitsPerContract);

    /// <summary>Parses a count that must not be negative (order counts, book sizes).</summary>
    public static WireParseError TryParse(ReadOnlySpan<char> text, out Quantity quantity) =>
        TryParse(text, allowNegative: false, out quantity);

    /// <summary>Parses a signed count (book deltas "-1.00", positions).</summary>
    public static WireParseError TryParseSigned(ReadOnlySpan<char> text, out Quantity quantity) =>
        TryParse(text, allowNegative: true, out quantity);

    private static WireParseError TryParse(ReadOnlySpan<char> text, bool allowNegative, out Quantity quantity)
    {
        quantity = Zero;
        var err = FixedPointText.TryParse(text, Scale, allowNegative, out var units);
        if (err != WireParseError.None) return err;
        quantity = new Quantity(units);
        return WireParseError.None;
    }

    public static Quantity Parse(string text)
    {
        var err = TryParseSigned(text, out var q);
        return err == WireParseError.None ? q : throw new FormatException($"invalid count '{text}': {err}");
    }

    /// <summary>Kalshi's wire format: "10.00".</summary>
    public string ToWire() => FixedPointText.Format(Hundredths, Scale, Scale);

    public override string ToString() => ToWire();

    public int CompareTo(Quantity other) => Hundredths.CompareTo(other.Hundredths);

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Hundredths + b.Hundredths));
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Hundredths - b.Hundredths));
    public static Quantity operator -(Quantity a) => new(-a.Hundredths);
    public static bool operator <(Quantity a, Quantity b) => a.Hundredths < b.Hundredths;
    public static bool operator >(Quantity a, Quantity b) => a.Hundredths > b.Hundredths;
    public static bool operator <=(Quantity a, Quantity b) => a.Hundredths <= b.Hundredths;
    public static bool operator >=(Quantity a, Quantity b) => a.Hundredths >= b.Hundredths;
    public static Quantity Min(Quantity a, Quantity b) => a.Hundredths <= b.Hundredths ? a : b;
    public static Quantity Max(Quantity a, Quantity b) => a.Hundredths >= b.Hundredths ? a : b;
}
