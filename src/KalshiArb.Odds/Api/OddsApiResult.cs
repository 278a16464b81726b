namespace KalshiArb.Odds.Api;

/// <summary>
/// An odds call's outcome: events (possibly with some elements skipped, counted in
/// <see cref="Skipped"/>) or an <see cref="Error"/>; and the quota after the call.
/// </summary>
public sealed record OddsApiResult(
    string SportKey,
    IReadOnlyList<OddsApiEvent> Events,
    OddsApiError? Error,
    QuotaSnapshot Quota,
    IReadOnlyDictionary<MalformedReason, int> Skipped)
{
    public bool IsOk => Error is null;

    /// <summary>When the answer's body was received (the recorder's time for it); null when there was no body.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
