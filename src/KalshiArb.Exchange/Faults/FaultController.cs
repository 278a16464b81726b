namespace KalshiArb.Exchange.Faults;

/// <summary>Run-time switchboard of injected faults; thread-safe, changed from C# or POST /admin/faults.</summary>
public sealed class FaultController
{
    private readonly Lock _gate = new();
    private readonly Random _rng;
    private readonly HashSet<string> _paused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seqSkips = new(StringComparer.Ordinal);
    private Action? _dropConnections;
    private TimeSpan _restDelay;
    private double _tooManyShare;
    private double _serverErrorShare;
    private long _serverErrorsServed;

    public FaultController(FaultSettings initial, int seed)
    {
        _rng = new Random(unchecked(seed * 31 + 5));
        Apply(initial);
    }

    public void Apply(FaultSettings settings)
    {
        lock (_gate)
        {
            _restDelay = settings.RestDelay;
            _tooManyShare = ClampShare(settings.TooManyRequestsShare);
            _serverErrorShare = ClampShare(settings.ServerErrorShare);
            _paused.Clear();
            _paused.UnionWith(settings.PausedMarkets);
        }
    }

    public TimeSpan RestDelay
    {
        get { lock (_gate) return _restDelay; }
        set { lock (_gate) _restDelay = value < TimeSpan.Zero ? TimeSpan.Zero : value; }
    }

    public double TooManyRequestsShare
    {
        get { lock (_gate) return _tooManyShare; }
        set { lock (_gate) _tooManyShare = ClampShare(value); }
    }

    public double ServerErrorShare
    {
        get { lock (_gate) return _serverErrorShare; }
        set { lock (_gate) _serverErrorShare = ClampShare(value); }
    }

    /// <summary>Stops synthetic makers and takers in a market: its feed goes silent until resumed.</summary>
    public void PauseMarket(string ticker)
    {
        lock (_gate) _paused.Add(ticker);
    }

    public void ResumeMarket(string ticker)
    {
        lock (_gate) _paused.Remove(ticker);
    }

    public bool IsPaused(string ticker)
    {
        lock (_gate) return _paused.Contains(ticker);
    }

    /// <summary>The next orderbook_delta of this market skips one seq number on every subscription carrying it.</summary>
    public void SkipNextSeq(string ticker)
    {
        lock (_gate) _seqSkips.Add(ticker);
    }

    /// <summary>True once per armed skip; called by the fan-out when it numbers a delta.</summary>
    public bool TakeSeqSkip(string ticker)
    {
        lock (_gate) return _seqSkips.Remove(ticker);
    }

    /// <summary>Aborts every WebSocket connection now (clients see an abrupt close).</summary>
    public void DropAllConnections()
    {
        Action? drop;
        lock (_gate) drop = _dropConnections;
        drop?.Invoke();
    }

    internal void OnDropConnections(Action drop)
    {
        lock (_gate) _dropConnections = drop;
    }

    public RestFault SampleRest()
    {
        lock (_gate)
        {
            if (_tooManyShare <= 0 && _serverErrorShare <= 0) return RestFault.None;
            var roll = _rng.NextDouble();
            if (roll < _tooManyShare) return RestFault.TooManyRequests;
            if (roll < _tooManyShare + _serverErrorShare)
                return _serverErrorsServed++ % 2 == 0 ? RestFault.ServiceUnavailable : RestFault.InternalServerError;
            return RestFault.None;
        }
    }

    public FaultSettings Current()
    {
        lock (_gate)
        {
            return new FaultSettings
            {
                RestDelay = _restDelay,
                TooManyRequestsShare = _tooManyShare,
                ServerErrorShare = _serverErrorShare,
                PausedMarkets = _paused.Order(StringComparer.Ordinal).ToArray(),
            };
        }
    }

    private static double ClampShare(double share) => double.IsNaN(share) ? 0 : Math.Clamp(share, 0, 1);
}
