namespace KalshiArb.Domain.Paper;

/// <summary>What a public trade or a market close did to our resting paper orders.</summary>
public sealed record PaperMarketResult(IReadOnlyList<PaperFill> Fills, IReadOnlyList<PaperOrder> UpdatedOrders)
{
    public static readonly PaperMarketResult Empty = new([], []);

    public bool IsEmpty => Fills.Count == 0 && UpdatedOrders.Count == 0;
}
