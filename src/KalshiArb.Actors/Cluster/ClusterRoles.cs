namespace KalshiArb.Actors.Cluster;

/// <summary>The node roles: what a node carries. One node may carry all three (the default).</summary>
public static class ClusterRoles
{
    /// <summary>Market shards, the market-data feed, the odds poller and the market catalog (singletons).</summary>
    public const string Market = "market";

    /// <summary>Order shards and the venue connection.</summary>
    public const string Execution = "execution";

    /// <summary>May host the RiskGate singleton.</summary>
    public const string Risk = "risk";

    public static readonly IReadOnlyList<string> All = [Market, Execution, Risk];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
