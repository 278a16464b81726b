using System.Runtime.InteropServices;

namespace KalshiArb.Actors.Feed;

/// <summary>
/// Per-market sequence numbers for book messages. Kalshi counts seq per subscription across all its markets
/// (the Kalshi feed already checks that and reports gaps); a MarketActor sees only its own market, so the feed
/// renumbers: a snapshot starts at 1, each delta adds 1. No allocation once a market is known.
/// </summary>
public sealed class MarketSequencer
{
    private readonly Dictionary<string, long> _seq = new(StringComparer.Ordinal);

    public long Snapshot(string ticker)
    {
        _seq[ticker] = 1;
        return 1;
    }

    public long NextDelta(string ticker)
    {
        ref var seq = ref CollectionsMarshal.GetValueRefOrAddDefault(_seq, ticker, out _);
        return ++seq;
    }
}
