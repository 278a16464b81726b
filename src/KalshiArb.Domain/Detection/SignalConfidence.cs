namespace KalshiArb.Domain.Detection;

/// <summary>
/// A score in [0, 1] for how much to trust a signal: a weighted sum of five parts, each clamped to [0, 1].
/// Weights and scales are judgement calls, kept here in one place so they can be tuned from audit data.
/// </summary>
public static class SignalConfidence
{
    public const double EdgeWeight = 0.35;
    public const double BooksWeight = 0.20;
    public const double DispersionWeight = 0.20;
    public const double LiquidityWeight = 0.15;
    public const double TimeWeight = 0.10;

    /// <summary>10¢ a contract after fees is as good as edges get; more is likelier a stale input.</summary>
    public const double FullEdge = 0.10;

    /// <summary>Six agreeing books is a full consensus.</summary>
    public const double FullBooks = 6;

    /// <summary>Books 5 points apart do not agree at all.</summary>
    public const double NoAgreementDispersion = 0.05;

    /// <summary>100 contracts at or better than the limit: the price is not one stray lot.</summary>
    public const double FullLiquidityContracts = 100;

    /// <summary>Within 10 minutes of the start lines move fast; trust falls linearly to zero at the start.</summary>
    public static readonly TimeSpan FullTimeToStart = TimeSpan.FromMinutes(10);

    public static double Score(double edgePerContract, int books, double dispersion, double liquidityContracts, TimeSpan timeToStart)
    {
        var edge = Clamp01(edgePerContract / FullEdge);
        var bookScore = Clamp01(books / FullBooks);
        var agreement = 1 - Clamp01(dispersion / NoAgreementDispersion);
        var liquidity = Clamp01(liquidityContracts / FullLiquidityContracts);
        var time = Clamp01(timeToStart / FullTimeToStart);
        return Clamp01(EdgeWeight * edge + BooksWeight * bookScore + DispersionWeight * agreement
                       + LiquidityWeight * liquidity + TimeWeight * time);
    }

    // NaN (e.g. a NaN dispersion) scores zero rather than poisoning the sum.
    private static double Clamp01(double x) => double.IsNaN(x) ? 0 : Math.Clamp(x, 0, 1);
}
