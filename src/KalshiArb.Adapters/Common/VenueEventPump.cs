using System.Threading.Channels;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Adapters.Common;

/// <summary>
/// Delivers venue fills and order updates to the subscribed listeners on one background loop, in the order
/// they were published. Publishing never blocks (unbounded channel), so a venue can publish under its lock.
/// </summary>
public sealed class VenueEventPump : IAsyncDisposable
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private IVenueListener[] _listeners = [];
    private readonly Task _loop;
    private long _listenerFailures;

    public VenueEventPump() => _loop = Task.Run(RunAsync);

    /// <summary>Listener calls that threw (the event still reached the other listeners).</summary>
    public long ListenerFailures => Interlocked.Read(ref _listenerFailures);

    /// <summary>The last listener exception, for diagnostics.</summary>
    public Exception? LastListenerFailure { get; private set; }

    public void Subscribe(IVenueListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate) _listeners = [.. _listeners, listener];
    }

    public void Publish(VenueFill fill) => _events.Writer.TryWrite(fill);

    public void Publish(VenueOrderUpdate update) => _events.Writer.TryWrite(update);

    private async Task RunAsync()
    {
        await foreach (var item in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            IVenueListener[] listeners;
            lock (_gate) listeners = _listeners;
            foreach (var listener in listeners)
            {
                try
                {
                    if (item is VenueFill fill) listener.OnFill(fill);
                    else if (item is VenueOrderUpdate update) listener.OnOrderUpdate(update);
                }
                catch (Exception ex)
                {
                    // a faulty listener must not stop delivery to the others; counted for the venue's health
                    LastListenerFailure = ex;
                    Interlocked.Increment(ref _listenerFailures);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
