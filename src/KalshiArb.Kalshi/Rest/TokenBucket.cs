namespace KalshiArb.Kalshi.Rest;

/// <summary>
/// An async token bucket. A caller takes its tokens at once, possibly going into debt, and then waits
/// until the debt is refilled: callers are served in arrival order and nobody blocks a thread.
/// </summary>
public sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly double _capacity;
    private readonly double _refillPerSecond;
    private double _tokens;
    private long _lastTimestamp;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider? clock = null)
    {
        if (capacity <= 0 || refillPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), "bucket needs positive capacity and refill");
        _clock = clock ?? TimeProvider.System;
        _capacity = capacity;
        _refillPerSecond = refillPerSecond;
        _tokens = capacity;
        _lastTimestamp = _clock.GetTimestamp();
    }

    /// <summary>Tokens available now (negative while callers are waiting on debt).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>How long a caller must wait after taking <paramref name="cost"/> tokens now (zero when covered).</summary>
    public TimeSpan Take(double cost)
    {
        lock (_gate)
        {
            Refill();
            _tokens -= cost;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _refillPerSecond);
        }
    }

    public Task WaitAsync(double cost, CancellationToken ct = default)
    {
        var wait = Take(cost);
        return wait == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _clock, ct);
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        _lastTimestamp = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed * _refillPerSecond);
    }
}
