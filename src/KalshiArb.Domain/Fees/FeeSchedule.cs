namespace KalshiArb.Domain.Fees;

/// <summary>
/// A series' fee rule: formula plus its <c>fee_multiplier</c>, kept exactly in 1/10000 units.
/// All fee arithmetic is integer (Int128): C in hundredths, P in ticks, rates in 1/10000.
/// </summary>
public readonly record struct FeeSchedule
{
    public const int MultiplierScale = 4;
    public const int MultiplierOne = 10_000;

    /// <summary>0.07 and 0.0175 in 1/10000.</summary>
    public const int TakerRate = 700;
    public const int MakerRate = 175;

    // rate(1e-4) × multiplier(1e-4) × C(1e-2) × P(1e-4) × (1−P)(1e-4) = 1e-18 dollars
    private static readonly Int128 RawPerMoneyUnit = (Int128)100_000_000_000_000L; // 1e14: raw → $0.0001
    private static readonly Int128 RawPerCent = (Int128)10_000_000_000_000_000L;     // 1e16: raw → $0.01

    public FeeType Type { get; }

    /// <summary>The fee multiplier in 1/10000 (1 → 10000, 0.5 → 5000).</summary>
    public int MultiplierTenThousandths { get; }

    public FeeSchedule(FeeType type, int multiplierTenThousandths)
    {
        if (multiplierTenThousandths < 0) throw new ArgumentOutOfRangeException(nameof(multiplierTenThousandths));
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type));
        Type = type;
        MultiplierTenThousandths = multiplierTenThousandths;
    }

    /// <summary>Sports GAME series: maker fees on, multiplier 1.</summary>
    public static FeeSchedule SportsGame => new(FeeType.QuadraticWithMakerFees, MultiplierOne);

    /// <summary>Plain quadratic taker-only fees, multiplier 1.</summary>
    public static FeeSchedule StandardTaker => new(FeeType.Quadratic, MultiplierOne);

    /// <summary>Builds a schedule from a series' <c>fee_type</c> and <c>fee_multiplier</c> ("1", "0.5").</summary>
    public static FeeScheduleError TryParse(ReadOnlySpan<char> feeType, ReadOnlySpan<char> feeMultiplier, out FeeSchedule schedule)
    {
        schedule = default;
        if (!FeeTypeWire.TryParse(feeType, out var type)) return FeeScheduleError.UnknownFeeType;
        var err = FixedPointText.TryParse(feeMultiplier, MultiplierScale, allowNegative: false, out var units);
        if (err != WireParseError.None || units > 1_000_000) return FeeScheduleError.InvalidMultiplier;
        schedule = new FeeSchedule(type, (int)units);
        return FeeScheduleError.None;
    }

    public bool ChargesMakers => Type == FeeType.QuadraticWithMakerFees;

    /// <summary>Taker fee for one order, rounded up to the cent (what an order is charged).</summary>
    public Money TakerFee(Quantity count, Price price) => OrderFee(FeeRole.Taker, count, price);

    /// <summary>Maker fee for one order, rounded up to the cent; zero unless the series charges makers.</summary>
    public Money MakerFee(Quantity count, Price price) => OrderFee(FeeRole.Maker, count, price);

    /// <summary>Fee for one order of <paramref name="count"/> at one price, rounded up to the cent.</summary>
    public Money OrderFee(FeeRole role, Quantity count, Price price) =>
        new(CeilDiv(Raw(role, count, price), RawPerCent) * Money.UnitsPerCent);

    /// <summary>Fee for one fill (trade), rounded up to $0.0001 as Kalshi now does per trade.</summary>
    public Money FillFee(FeeRole role, Quantity count, Price price) =>
        new(CeilDiv(Raw(role, count, price), RawPerMoneyUnit));

    /// <summary>An order's charge from the sum of its per-fill fees: whole cents, rounded up.</summary>
    public static Money OrderFeeFromFills(Money sumOfFillFees) => sumOfFillFees.CeilToCent();

    /// <summary>The exact fee in 1e-18 dollars, before any rounding.</summary>
    public Int128 Raw(FeeRole role, Quantity count, Price price)
    {
        if (count.Hundredths < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "fee of a negative count");
        if (!price.IsValid) throw new ArgumentOutOfRangeException(nameof(price), price, "price outside 0..1");
        var rate = role == FeeRole.Taker ? TakerRate : ChargesMakers ? MakerRate : 0;
        return (Int128)rate * MultiplierTenThousandths * count.Hundredths
               * price.Ticks * (Price.TicksPerDollar - price.Ticks);
    }

    private static long CeilDiv(Int128 raw, Int128 div)
    {
        var q = raw / div;
        if (raw % div != 0) q++;
        return (long)q;
    }

    public override string ToString() => $"{Type.ToWire()} x{FixedPointText.Format(MultiplierTenThousandths, MultiplierScale, MultiplierScale)}";
}
