namespace KalshiArb.Exchange.Markets;

/// <summary>
/// The exchange's public trade tape (GET /markets/trades): every print of every market, newest first, bounded to the
/// last <see cref="Capacity"/> prints so a long run does not grow without end. Pages are cut by sequence number, not
/// offset, so prints arriving between two page requests neither repeat nor skip a trade.
/// </summary>
internal sealed class TradeTape(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TapeTrade> _trades = new(); // oldest first
    private long _sequence;

    public int Capacity { get; } = Math.Max(1, capacity);

    public void Append(string tradeId, string ticker, Price yesPrice, Quantity count, OutcomeSide takerSide, long tsMs)
    {
        lock (_gate)
        {
            _trades.AddLast(new TapeTrade(++_sequence, tradeId, ticker, yesPrice, count, takerSide, tsMs));
            if (_trades.Count > Capacity) _trades.RemoveFirst();
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> trades, newest first, older than sequence <paramref name="beforeSequence"/> (null: from
    /// the newest), matching the filters; <c>Next</c> is the sequence to continue before, or null on the last page.
    /// </summary>
    public (List<TapeTrade> Page, long? Next) Read(string? ticker, long? minTsMs, long? maxTsMs, long? beforeSequence, int limit)
    {
        lock (_gate)
        {
            var page = new List<TapeTrade>(Math.Min(limit, _trades.Count));
            for (var node = _trades.Last; node is not null; node = node.Previous)
            {
                var t = node.Value;
                if (beforeSequence is { } before && t.Sequence >= before) continue;
                if (ticker is not null && !string.Equals(t.Ticker, ticker, StringComparison.Ordinal)) continue;
                if (minTsMs is { } min && t.TsMs < min) continue;
                if (maxTsMs is { } max && t.TsMs > max) continue;
                if (page.Count == limit) return (page, page[^1].Sequence);
                page.Add(t);
            }
            return (page, null);
        }
    }
}

/// <summary>One print on the tape; <paramref name="TakerSide"/> is the outcome the taker bought.</summary>
internal sealed record TapeTrade(long Sequence, string TradeId, string Ticker, Price YesPrice, Quantity Count, OutcomeSide TakerSide, long TsMs);
