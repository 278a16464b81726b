namespace KalshiArb.Domain.Odds;

/// <summary>
/// The result of matching a Kalshi market to a sportsbook event. When matched:
/// <see cref="EventId"/>, <see cref="YesTeamName"/> (exactly as the event writes it, to find the
/// outcome), <see cref="YesIsHome"/> (per the event) and <see cref="CommenceTime"/> are set.
/// <see cref="HomeAwaySwapped"/> is true when the event lists the teams the other way round
/// (neutral sites); names still match exactly.
/// </summary>
public sealed record EventResolution(
    ResolutionStatus Status,
    ResolutionReason Reason,
    string Detail,
    string? EventId = null,
    string? YesTeamName = null,
    string? OpponentName = null,
    bool YesIsHome = false,
    bool HomeAwaySwapped = false,
    DateTimeOffset? CommenceTime = null,
    IReadOnlyList<string>? CandidateEventIds = null,
    TickerRejection TickerRejection = TickerRejection.None)
{
    public bool IsMatched => Status == ResolutionStatus.Matched;

    public static EventResolution Unmatched(ResolutionReason reason, string detail) => new(ResolutionStatus.Unmatched, reason, detail);

    public static EventResolution BadTicker(TickerRejection rejection, string ticker) =>
        new(ResolutionStatus.Unmatched, ResolutionReason.BadTicker, ticker, TickerRejection: rejection);

    /// <summary>A stable code for counting: the reason, with the ticker rejection when the ticker was unreadable.</summary>
    public string ReasonCode => Reason == ResolutionReason.BadTicker ? $"{Reason}:{TickerRejection}" : Reason.ToString();

    public static EventResolution Ambiguous(ResolutionReason reason, string detail, IReadOnlyList<string> candidates) =>
        new(ResolutionStatus.Ambiguous, reason, detail, CandidateEventIds: candidates);
}
