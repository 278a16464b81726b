namespace KalshiArb.Exchange.Faults;

/// <summary>Faults active from the start of a run.</summary>
public sealed record FaultSettings
{
    /// <summary>Added before every REST answer under /trade-api/v2.</summary>
    public TimeSpan RestDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Share (0..1) of REST calls answered 429 too_many_requests.</summary>
    public double TooManyRequestsShare { get; init; }

    /// <summary>Share (0..1) of REST calls answered 503 (alternating with 500).</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Markets with no synthetic activity (their feed goes silent).</summary>
    public IReadOnlyList<string> PausedMarkets { get; init; } = [];
}
