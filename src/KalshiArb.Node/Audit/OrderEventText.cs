namespace KalshiArb.Node.Audit;

/// <summary>How an order journal event is named and which of its fields a timeline shows (wire formats for numbers).</summary>
public static class OrderEventText
{
    /// <summary>The Domain event's name (OrderCreated, FillApplied, …), or "Unreadable" for a faulted row.</summary>
    public static string Name(JournalEntry entry) => entry.Event?.ToDomain().GetType().Name ?? "Unreadable";

    public static IReadOnlyList<KeyValuePair<string, string>> Fields(JournalEntry entry) => entry.Event switch
    {
        null => [F("fault", entry.Fault ?? "")],
        OrderCreatedEvent e => Created(e),
        OrderRiskApprovedEvent e => [F("reserved", e.Reserved.ToWire())],
        OrderRiskDeniedEvent e => [F("reason", e.Reason.ToString())],
        OrderSubmitRequestedEvent => [],
        OrderSubmitRetriedEvent => [],
        OrderAcknowledgedEvent e => [F("exchange_order_id", e.ExchangeOrderId)],
        OrderFillAppliedEvent e => [F("trade_id", e.TradeId), F("count", e.Count.ToWire()), F("price", e.Price.ToWire()), F("fee", e.Fee.ToWire()), F("role", e.IsTaker ? "taker" : "maker")],
        OrderCancelRequestedEvent e => [F("reason", e.Reason)],
        OrderCanceledEvent e => e.VenueFilledCount is { } c ? [F("venue_filled", c.ToWire())] : [],
        OrderRejectedEvent e => e.Message is { } m ? [F("reason", e.Reason.ToString()), F("message", m)] : [F("reason", e.Reason.ToString())],
        OrderExpiredEvent e => e.VenueFilledCount is { } c ? [F("reason", e.Reason.ToString()), F("venue_filled", c.ToWire())] : [F("reason", e.Reason.ToString())],
        OrderSettledEvent e => [F("winner", e.Winner?.ToString() ?? "void"), F("payout", e.Payout.ToWire())],
        OrderNeedsAttentionEvent e => [F("reason", e.Reason)],
        _ => [],
    };

    /// <summary>Signal time, horizon (submit_by) and strategy only when the journal has them: old journals lack them.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Created(OrderCreatedEvent e)
    {
        List<KeyValuePair<string, string>> fields =
            [F("ticker", e.Ticker), F("side", e.Side.ToString()), F("limit", e.LimitPrice.ToWire()), F("count", e.Count.ToWire()), F("signal", e.SignalId)];
        if (e.SignalAtMs is { } at) fields.Add(F("signal_at", Time(at)));
        if (e.SubmitByMs is { } by) fields.Add(F("submit_by", Time(by)));
        if (e.StrategyId is { } strategy) fields.Add(F("strategy", strategy)); // journals from before strategies: consensus
        return fields;
    }

    /// <summary>Fields as "k=v k=v".</summary>
    public static string Details(JournalEntry entry) => string.Join(' ', Fields(entry).Select(f => $"{f.Key}={f.Value}"));

    /// <summary>ISO-8601 UTC with milliseconds; empty when the time is unknown (unreadable row).</summary>
    public static string Time(long timestampMs) =>
        timestampMs <= 0 ? "" : DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> F(string key, string value) => KeyValuePair.Create(key, value);
}
