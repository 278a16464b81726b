namespace KalshiArb.Domain.Fees;

/// <summary>A series' <c>fee_type</c>: which Kalshi fee formula applies to its markets.</summary>
public enum FeeType
{
    /// <summary>"quadratic": takers pay 0.07 × m × C × P × (1−P); makers pay nothing.</summary>
    Quadratic,

    /// <summary>"quadratic_with_maker_fees": as Quadratic, and makers pay 0.0175 × m × C × P × (1−P).</summary>
    QuadraticWithMakerFees,
}
