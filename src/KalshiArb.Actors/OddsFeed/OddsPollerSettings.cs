using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;

namespace KalshiArb.Actors.OddsFeed;

public sealed record OddsPollerSettings
{
    public ConsensusSettings Consensus { get; init; } = ConsensusSettings.Default;

    public PollScheduleSettings Schedule { get; init; } = new();

    /// <summary>When the quota resets after a given moment; The Odds API resets monthly by default.</summary>
    public Func<DateTimeOffset, DateTimeOffset> QuotaResetsAt { get; init; } = PollSchedule.NextMonthlyReset;

    /// <summary>Poll on the schedule by itself. Off in specs that drive polls with <see cref="PollSport"/>.</summary>
    public bool AutoPoll { get; init; } = true;

    /// <summary>The process's open odds answers (shared with the odds client and the market feed); null: none kept.</summary>
    public OddsArrivals? Arrivals { get; init; }

    public static OddsPollerSettings Default { get; } = new();
}
