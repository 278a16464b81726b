namespace KalshiArb.Domain.Primitives;

/// <summary>
/// A binary contract price in ticks of $0.0001, from 0 to $1.0000 inclusive.
/// Kalshi sends "0.5200" (up to 6 decimals in responses); we keep 4 and refuse anything finer.
/// </summary>
public readonly record struct Price(int Ticks) : IComparable<Price>
{
    public const int Scale = 4;
    public const int TicksPerDollar = 10_000;

    public static readonly Price Zero = new(0);
    public static readonly Price One = new(TicksPerDollar);
    public static readonly Price OneCent = new(100);

    /// <summary>The other side's price: a YES price p is a NO price 1 − p.</summary>
    public Price Complement => new(TicksPerDollar - Ticks);

    public bool IsValid => Ticks is >= 0 and <= TicksPerDollar;

    public static Price FromCents(int cents) => new(checked(cents * 100));

    public static WireParseError TryParse(ReadOnlySpan<char> text, out Price price)
    {
        price = Zero;
        var err = FixedPointText.TryParse(text, Scale, allowNegative: false, out var units);
        if (err != WireParseError.None) return err;
        if (units > TicksPerDollar) return WireParseError.OutOfRange;
        price = new Price((int)units);
        return WireParseError.None;
    }

    public static Price Parse(string text)
    {
        var err = TryParse(text, out var p);
        return err == WireParseError.None ? p : throw new FormatException($"invalid price '{text}': {err}");
    }

    /// <summary>Kalshi's request format: "0.5600".</summary>
    public string ToWire() => FixedPointText.Format(Ticks, Scale, Scale);

    public override string ToString() => ToWire();

    public int CompareTo(Price other) => Ticks.CompareTo(other.Ticks);

    public static bool operator <(Price a, Price b) => a.Ticks < b.Ticks;
    public static bool operator >(Price a, Price b) => a.Ticks > b.Ticks;
    public static bool operator <=(Price a, Price b) => a.Ticks <= b.Ticks;
    public static bool operator >=(Price a, Price b) => a.Ticks >= b.Ticks;
    public static Price Min(Price a, Price b) => a.Ticks <= b.Ticks ? a : b;
    public static Price Max(Price a, Price b) => a.Ticks >= b.Ticks ? a : b;
}
