namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>The Odds-API-compatible endpoint under /v4: books, vig, noise, staleness and quota.</summary>
public sealed record SportsbookOptions
{
    /// <summary>Map the /v4 routes at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The only apiKey query value accepted; anything else (or none) answers 401.</summary>
    public string ApiKey { get; init; } = "sim-odds-key";

    /// <summary>Quota units at start (x-requests-remaining). A call costing more than what is left answers 429.</summary>
    public long StartingQuota { get; init; } = 20_000;

    /// <summary>Books quoted on every game.</summary>
    public IReadOnlyList<Sportsbook> Books { get; init; } = Sportsbook.Defaults;

    /// <summary>Largest per-(game, book) offset of a book's no-vig probability from the hidden fair value (uniform, seeded, fixed).</summary>
    public double NoiseMax { get; init; } = 0.012;

    /// <summary>Share of (game, book) pairs whose book is stale: an old line with an old last_update.</summary>
    public double StaleShare { get; init; } = 0.1;

    /// <summary>How old a stale book's last_update is, counted from simulator start.</summary>
    public TimeSpan StaleAge { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How far a stale line's probability sits from the game's starting fair value (the market moved since).</summary>
    public double StaleShift { get; init; } = 0.06;

    /// <summary>A fresh book's last_update is at least the start of the current bucket of this length (books re-confirm lines).</summary>
    public TimeSpan LineRefresh { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Apply the exchange's injected REST delay and 429/5xx share (FaultController) to /v4 too.</summary>
    public bool ApplyFaults { get; init; } = true;
}
