namespace KalshiArb.Exchange.Streaming;

/// <summary>WebSocket v2 channels the simulator serves.</summary>
public enum StreamChannel
{
    OrderbookDelta = 0,
    Ticker = 1,
    Trade = 2,
    Fill = 3,
    UserOrders = 4,
    MarketPositions = 5,
    MarketLifecycle = 6,
}

public static class StreamChannelWire
{
    public const int Count = 7;

    public static string ToWire(this StreamChannel c) => c switch
    {
        StreamChannel.OrderbookDelta => "orderbook_delta",
        StreamChannel.Ticker => "ticker",
        StreamChannel.Trade => "trade",
        StreamChannel.Fill => "fill",
        StreamChannel.UserOrders => "user_orders",
        StreamChannel.MarketPositions => "market_positions",
        StreamChannel.MarketLifecycle => "market_lifecycle_v2",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParse(string? text, out StreamChannel channel)
    {
        for (var i = 0; i < Count; i++)
        {
            if (((StreamChannel)i).ToWire() == text)
            {
                channel = (StreamChannel)i;
                return true;
            }
        }
        channel = default;
        return false;
    }

    /// <summary>Private channels carry one account's own data: only its connections receive them.</summary>
    public static bool IsAccountPrivate(this StreamChannel c) =>
        c is StreamChannel.Fill or StreamChannel.UserOrders or StreamChannel.MarketPositions;
}
