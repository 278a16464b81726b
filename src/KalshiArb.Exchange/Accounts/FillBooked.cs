namespace KalshiArb.Exchange.Accounts;

/// <summary>Position before and after one fill was booked (open interest and market_positions follow from it).</summary>
public readonly record struct FillBooked(Quantity Before, PositionView After);
