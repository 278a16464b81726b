namespace KalshiArb.Node.Hosting;

/// <summary>Where orders go: the built-in simulator's Kalshi API, the paper matching engine, or real Kalshi.</summary>
public enum TradingMode
{
    Sim,
    Paper,
    Live,
}
