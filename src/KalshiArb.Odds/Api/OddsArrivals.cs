namespace KalshiArb.Odds.Api;

/// <summary>
/// The odds answers received and not yet applied by the odds poller, shared in one process by the odds client (which
/// opens one as it takes the answer's receive time), the poller (which closes it once the markets were told the
/// consensus) and the market feed (which holds back book changes received after an open answer until it is closed). So
/// every market gets the consensus and its book changes in the order they were received — the order a recording keeps
/// and a replay applies — although they come from two actors, and the poller needs some milliseconds to parse.
/// Thread-safe.
/// </summary>
public sealed class OddsArrivals
{
    private readonly object _gate = new();
    private readonly List<long> _open = [];

    /// <summary>Told after every <see cref="Applied"/> (on the poller's thread): held changes may go on.</summary>
    public event Action? Released;

    /// <summary>Opens an answer and returns its receive time, read inside the lock so no later change escapes the hold.</summary>
    public DateTimeOffset Open(TimeProvider clock)
    {
        lock (_gate)
        {
            var at = clock.GetUtcNow();
            _open.Add(at.ToUnixTimeMilliseconds());
            return at;
        }
    }

    /// <summary>The answer received at <paramref name="receivedAt"/> has been applied (or failed): closes it.</summary>
    public void Applied(DateTimeOffset receivedAt)
    {
        bool removed;
        lock (_gate) removed = _open.Remove(receivedAt.ToUnixTimeMilliseconds());
        if (removed) Released?.Invoke();
    }

    /// <summary>A change received at <paramref name="receivedAtMs"/> must wait: an answer received before it is still open.</summary>
    public bool Holds(long receivedAtMs)
    {
        lock (_gate)
        {
            foreach (var t in _open)
                if (receivedAtMs > t) return true;
            return false;
        }
    }

    /// <summary>Answers open now.</summary>
    public int Open()
    {
        lock (_gate) return _open.Count;
    }
}
