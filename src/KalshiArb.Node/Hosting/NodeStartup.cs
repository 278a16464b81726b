using KalshiArb.Actors.Venues;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// What the manifest's steps hand on to later steps while the host starts, outside the actor registry: the trading
/// configuration, the exchange connection and REST client, the venue, the disposables they own, and the first failure
/// (a failed step ends the start: Akka.Hosting runs no later step).
/// </summary>
public sealed class NodeStartup
{
    private readonly List<IDisposable> _owned = [];

    public required Func<TradingConfig, CancellationToken, Task<ExchangeConnection>> Connect { get; init; }
    public required Serilog.ILogger Log { get; init; }
    public CancellationToken Cancellation { get; init; }
    public bool OwnsExchange { get; init; } = true;

    /// <summary>The host's logger factory (the odds client logs through it).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory Loggers { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    public TradingConfig Config { get; set; } = null!;
    public ExchangeConnection? Exchange { get; set; }
    public KalshiRestClient Rest { get; set; } = null!;
    public IVenue? Venue { get; set; }

    /// <summary>The recorder the market side's taps write to (<c>run --record</c>); null when not recording.</summary>
    public KalshiArb.Recording.Recorder.MarketDataRecorder? Recorder { get; set; }

    /// <summary>A replay's sources and clock (<c>kalshiarb replay</c>); null for a normal run.</summary>
    public ReplaySources? Replay { get; init; }

    /// <summary>The exception that ended the start, if one did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Set by the manifest's last step: every step ran.</summary>
    public bool Completed { get; private set; }

    public void Complete() => Completed = true;

    public void Fail(Exception failure) => Failure ??= failure;

    public T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Runs one step; its failure is kept (the host's start may swallow it) and ends the start.</summary>
    public async Task StepAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            Failure ??= ex;
            throw;
        }
    }

    public async ValueTask DisposeResourcesAsync()
    {
        if (Venue is IAsyncDisposable venue) await venue.DisposeAsync();
        foreach (var d in _owned) d.Dispose();
        _owned.Clear();
        if (OwnsExchange && Exchange is not null) await Exchange.DisposeAsync();
    }
}
