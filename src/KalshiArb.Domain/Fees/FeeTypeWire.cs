namespace KalshiArb.Domain.Fees;

/// <summary>Kalshi's wire names for <see cref="FeeType"/>.</summary>
public static class FeeTypeWire
{
    public const string Quadratic = "quadratic";
    public const string QuadraticWithMakerFees = "quadratic_with_maker_fees";

    /// <summary>Exact, case-sensitive match: an unknown fee type must not be guessed at.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out FeeType type)
    {
        if (text.SequenceEqual(Quadratic))
        {
            type = FeeType.Quadratic;
            return true;
        }
        if (text.SequenceEqual(QuadraticWithMakerFees))
        {
            type = FeeType.QuadraticWithMakerFees;
            return true;
        }
        type = default;
        return false;
    }

    public static string ToWire(this FeeType type) => type switch
    {
        FeeType.Quadratic => Quadratic,
        FeeType.QuadraticWithMakerFees => QuadraticWithMakerFees,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
