namespace KalshiArb.Kalshi.Rest;

public sealed record KalshiRestOptions
{
    public const string DemoBaseUrl = "https://external-api.demo.kalshi.co/trade-api/v2";
    public const string ProdBaseUrl = "https://external-api.kalshi.com/trade-api/v2";

    /// <summary>The game-winner series; matched exactly (a prefix like KXNFL would also catch props).</summary>
    public static readonly IReadOnlyList<string> DefaultSportsSeries =
        ["KXNFLGAME", "KXNBAGAME", "KXMLBGAME", "KXNHLGAME", "KXNCAAFGAME", "KXNCAAMBGAME"];

    /// <summary>Base URL including /trade-api/v2 (no trailing slash needed).</summary>
    public Uri BaseUrl { get; init; } = new(DemoBaseUrl);
    public KalshiRateTier Tier { get; init; } = KalshiRateTier.Basic;
    public IReadOnlyList<string> Series { get; init; } = DefaultSportsSeries;
    public int PageSize { get; init; } = 200;
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(8);
}
