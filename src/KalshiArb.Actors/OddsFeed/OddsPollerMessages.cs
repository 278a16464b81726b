using System.Collections.Immutable;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;

namespace KalshiArb.Actors.OddsFeed;

/// <summary>Poll one sport now (also what the schedule's timer sends).</summary>
public sealed record PollSport(string SportKey);

/// <summary>Ask the poller for its <see cref="OddsFeedStateView"/>.</summary>
public sealed record GetOddsFeedState
{
    public static readonly GetOddsFeedState Instance = new();
}

/// <summary>Ask the poller for the markets that will not trade because they match no sportsbook event.</summary>
public sealed record GetUnmatchedMarkets
{
    public static readonly GetUnmatchedMarkets Instance = new();
}

/// <summary>Unmatched and ambiguous markets with reasons, plus the printable table of <see cref="UnmatchedReport.ToText"/>.</summary>
public sealed record UnmatchedMarkets(IReadOnlyList<UnmatchedMarket> Entries, int MatchedCount, string Text);

/// <summary>One sport's polling, for status. Times are Unix ms.</summary>
public sealed record SportPollView(
    string SportKey,
    int Markets,
    long Polls,
    long Failures,
    long? LastPollAtMs,
    string? LastError,
    int Events,
    long NextIntervalMs,
    PollPace Pace);

public sealed record OddsFeedStateView(
    IReadOnlyList<SportPollView> Sports,
    QuotaSnapshot Quota,
    int MatchedMarkets,
    int UnmatchedMarkets,
    long ConsensusSent,
    ImmutableDictionary<ConsensusRejection, long> ConsensusRejects);

/// <summary>Ask the poller which markets resolved to a sportsbook event (the ones that can trade).</summary>
public sealed record GetMatchedMarkets
{
    public static readonly GetMatchedMarkets Instance = new();
}

/// <summary>Tickers of the matched markets, in ticker order.</summary>
public sealed record MatchedMarkets(IReadOnlyList<string> Tickers);
