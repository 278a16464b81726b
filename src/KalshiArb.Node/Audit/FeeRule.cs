using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Odds;

namespace KalshiArb.Node.Audit;

/// <summary>The fee rule an order's fills are checked against, and why that rule was chosen.</summary>
public sealed record FeeRule(FeeSchedule Schedule, string Source)
{
    /// <summary>
    /// Sports game series (the ticker's series is a known game series) charge makers too; anything else is
    /// checked against the standard taker-only rule, which is an assumption, so <see cref="Source"/> says so.
    /// </summary>
    public static FeeRule ForTicker(string? ticker)
    {
        var series = ticker is null ? null : ticker.Split('-', 2)[0];
        if (series is not null && GameSeries.TryGetLeague(series, out var league))
            return new FeeRule(FeeSchedule.SportsGame, $"game series {series} ({league}): sports game rule");
        return new FeeRule(FeeSchedule.StandardTaker,
            series is null
                ? "no ticker journaled: assumed standard taker rule"
                : $"series {series} is not a known game series: assumed standard taker rule");
    }
}
