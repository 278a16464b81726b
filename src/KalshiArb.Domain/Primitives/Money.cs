namespace KalshiArb.Domain.Primitives;

/// <summary>
/// An amount of dollars in units of $0.0001 (signed: P&amp;L can be negative).
/// Kalshi's fee and settlement arithmetic is exact in these units.
/// </summary>
public readonly record struct Money(long Units) : IComparable<Money>
{
    public const int Scale = 4;
    public const long UnitsPerDollar = 10_000;
    public const long UnitsPerCent = 100;

    public static readonly Money Zero = new(0);

    public static Money FromCents(long cents) => new(checked(cents * UnitsPerCent));
    public static Money FromDollars(long dollars) => new(checked(dollars * UnitsPerDollar));

    /// <summary>Cost of <paramref name="count"/> contracts at <paramref name="price"/>: exact (ticks × hundredths / 100).</summary>
    public static Money Notional(Price price, Quantity count)
    {
        var raw = checked((long)price.Ticks * count.Hundredths);
        // price units 1e-4 × count units 1e-2 = 1e-6 dollars; Money is 1e-4: divide by 100, rounding up
        // so a cost is never understated when fractional contracts meet a 4-decimal price.
        return new Money(CeilDiv(raw, 100));
    }

    /// <summary>Rounds up to the next whole cent (Kalshi's per-order fee rule).</summary>
    public Money CeilToCent() => new(CeilDiv(Units, UnitsPerCent) * UnitsPerCent);

    public bool IsNegative => Units < 0;

    /// <summary>Parses Kalshi dollar strings ("12.3400", "-0.50"); up to 6 decimals, refusing sub-$0.0001 values.</summary>
    public static WireParseError TryParse(ReadOnlySpan<char> text, out Money money)
    {
        money = Zero;
        var err = FixedPointText.TryParse(text, Scale, allowNegative: true, out var units);
        if (err != WireParseError.None) return err;
        money = new Money(units);
        return WireParseError.None;
    }

    public static Money Parse(string text)
    {
        var err = TryParse(text, out var m);
        return err == WireParseError.None ? m : throw new FormatException($"invalid amount '{text}': {err}");
    }

    public string ToWire() => FixedPointText.Format(Units, Scale, Scale);

    /// <summary>"$12.34"-style display rounded toward zero to the cent only when exact; otherwise 4 decimals.</summary>
    public override string ToString() => ToWire();

    public int CompareTo(Money other) => Units.CompareTo(other.Units);

    public static Money operator +(Money a, Money b) => new(checked(a.Units + b.Units));
    public static Money operator -(Money a, Money b) => new(checked(a.Units - b.Units));
    public static Money operator -(Money a) => new(-a.Units);
    public static bool operator <(Money a, Money b) => a.Units < b.Units;
    public static bool operator >(Money a, Money b) => a.Units > b.Units;
    public static bool operator <=(Money a, Money b) => a.Units <= b.Units;
    public static bool operator >=(Money a, Money b) => a.Units >= b.Units;
    public static Money Min(Money a, Money b) => a.Units <= b.Units ? a : b;
    public static Money Max(Money a, Money b) => a.Units >= b.Units ? a : b;

    internal static long CeilDiv(long a, long b)
    {
        var q = a / b;
        if (a % b != 0 && (a > 0) == (b > 0)) q++;
        return q;
    }
}
