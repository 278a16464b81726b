namespace KalshiArb.Odds.Api;

/// <summary>
/// Settings for The Odds API v4. A class rather than a record so that no generated ToString can
/// ever print <see cref="ApiKey"/>.
/// </summary>
public sealed class OddsApiOptions
{
    public const string ApiKeyEnvironmentVariable = "ODDS_API_KEY";

    public Uri BaseUrl { get; init; } = new("https://api.the-odds-api.com");

    /// <summary>Secret. Never logged; falls back to the ODDS_API_KEY environment variable.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Comma-separated regions (cost = markets × regions). Pinnacle is in "eu".</summary>
    public string Regions { get; init; } = "us,eu";

    /// <summary>When set, The Odds API uses these book keys instead of <see cref="Regions"/> (every 10 books cost one region).</summary>
    public IReadOnlyList<string> Bookmakers { get; init; } = [];

    public OddsFormat OddsFormat { get; init; } = OddsFormat.Decimal;

    /// <summary>Per attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts and network failures.</summary>
    public int MaxRetryAttempts { get; init; } = 2;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Quota units one h2h odds call costs: one market × regions (or per 10 bookmakers).</summary>
    public int CostPerCall => Bookmakers.Count > 0
        ? (Bookmakers.Count + 9) / 10
        : Math.Max(1, Regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);

    /// <summary>The configured key, else the environment's.</summary>
    public string? ResolveApiKey(Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(ApiKey)) return ApiKey.Trim();
        var fromEnv = (environment ?? Environment.GetEnvironmentVariable)(ApiKeyEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnv) ? null : fromEnv.Trim();
    }

    public override string ToString() =>
        $"OddsApiOptions {{ BaseUrl = {BaseUrl}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(unset)" : "***")}, Regions = {Regions}, " +
        $"Bookmakers = [{string.Join(",", Bookmakers)}], OddsFormat = {OddsFormat}, RequestTimeout = {RequestTimeout}, MaxRetryAttempts = {MaxRetryAttempts} }}";
}
