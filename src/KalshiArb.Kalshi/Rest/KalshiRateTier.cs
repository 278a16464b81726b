namespace KalshiArb.Kalshi.Rest;

/// <summary>Token budgets per second. A request costs 10 tokens, a V2 cancel 2.</summary>
public sealed record KalshiRateTier(string Name, double ReadTokensPerSecond, double WriteTokensPerSecond)
{
    public const double RequestCost = 10;
    public const double CancelCost = 2;

    public static readonly KalshiRateTier Basic = new("basic", 200, 100);
    public static readonly KalshiRateTier Advanced = new("advanced", 300, 300);
}
