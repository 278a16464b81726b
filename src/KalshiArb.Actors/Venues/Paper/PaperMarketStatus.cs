namespace KalshiArb.Actors.Venues.Paper;

/// <summary>Whether a paper market takes orders. Only Open does.</summary>
public enum PaperMarketStatus
{
    Open = 0,
    Closed,
    Settled,
}
