namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>The Odds API usage quota: remaining and used units, and what the last call cost. Thread-safe.</summary>
public sealed class OddsQuota(long starting)
{
    private readonly Lock _gate = new();
    private long _remaining = Math.Max(0, starting);
    private long _used;
    private long _last;

    public QuotaState Current
    {
        get { lock (_gate) return new QuotaState(_remaining, _used, _last); }
    }

    /// <summary>Charges <paramref name="cost"/> units; false (nothing charged) when fewer remain.</summary>
    public bool TryCharge(long cost, out QuotaState after)
    {
        lock (_gate)
        {
            if (cost > _remaining)
            {
                after = new QuotaState(_remaining, _used, _last);
                return false;
            }
            _remaining -= cost;
            _used += cost;
            _last = cost;
            after = new QuotaState(_remaining, _used, _last);
            return true;
        }
    }

    /// <summary>Sets what is left (tests, demos of a quota running out).</summary>
    public void SetRemaining(long remaining)
    {
        lock (_gate) _remaining = Math.Max(0, remaining);
    }
}

/// <summary>x-requests-remaining / x-requests-used / x-requests-last.</summary>
public readonly record struct QuotaState(long Remaining, long Used, long Last);
