namespace KalshiArb.Domain.Detection;

/// <summary>The strategies' stable ids (journaled with orders and signals; configuration uses the same names).</summary>
public static class StrategyIds
{
    /// <summary>Kalshi ask against the sportsbooks' de-vigged consensus. Also what a journal row without a strategy means.</summary>
    public const string ConsensusEdge = "consensus-edge";

    /// <summary>Last trade stretched away from the recent candles' mean, bought back toward it.</summary>
    public const string MeanReversion = "mean-reversion";
}
