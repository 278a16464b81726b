namespace KalshiArb.Adapters.Paper.Execution;

/// <summary>Whether a paper market takes orders. Only Open does.</summary>
public enum PaperMarketStatus
{
    Open = 0,
    Closed,
    Settled,
}
