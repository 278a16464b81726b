using KalshiArb.Actors.Contracts;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// A replay's admitted signals waiting to become orders. Markets run concurrently, so the order signals of one replay
/// step reach the admission in differs from run to run; the risk gate's limits (orders per minute, exposure per game)
/// and the paper book then favour whichever order came first. Released by ticker (ordinal), then in the order that
/// market sent them (one actor: always the same), so every replay places them the same way.
/// </summary>
public sealed class HeldSignals
{
    private readonly List<(TradeSignal Signal, long Seq)> _held = [];
    private long _seq;
    private bool _sorted = true;

    public int Count => _held.Count;

    public void Add(TradeSignal signal)
    {
        _held.Add((signal, _seq++));
        _sorted = false;
    }

    /// <summary>The first signal in release order, removed; null when none is held.</summary>
    public TradeSignal? TakeNext()
    {
        if (_held.Count == 0) return null;
        if (!_sorted)
        {
            // reversed so the next one comes off the end
            _held.Sort(static (a, b) =>
            {
                var byTicker = string.CompareOrdinal(b.Signal.Ticker, a.Signal.Ticker);
                return byTicker != 0 ? byTicker : b.Seq.CompareTo(a.Seq);
            });
            _sorted = true;
        }
        var next = _held[^1].Signal;
        _held.RemoveAt(_held.Count - 1);
        return next;
    }
}
