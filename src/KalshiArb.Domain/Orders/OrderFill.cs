namespace KalshiArb.Domain.Orders;

/// <summary>One applied fill. Price is in the order's own side terms (NO price for a NO order).</summary>
public sealed record OrderFill(string TradeId, Quantity Count, Price Price, Money Fee, bool IsTaker);
