using System.Threading.Channels;
using KalshiArb.Actors.Venues;

namespace KalshiArb.Adapters.Tests.Common;

/// <summary>Collects what a venue pushes; tests await the next item with a timeout.</summary>
public sealed class RecordingVenueListener : IVenueListener
{
    private readonly Channel<VenueFill> _fills = Channel.CreateUnbounded<VenueFill>();
    private readonly Channel<VenueOrderUpdate> _updates = Channel.CreateUnbounded<VenueOrderUpdate>();

    public void OnFill(VenueFill fill) => _fills.Writer.TryWrite(fill);

    public void OnOrderUpdate(VenueOrderUpdate update) => _updates.Writer.TryWrite(update);

    public Task<VenueFill> NextFillAsync(TimeSpan? timeout = null) => ReadAsync(_fills, timeout);

    public Task<VenueOrderUpdate> NextUpdateAsync(TimeSpan? timeout = null) => ReadAsync(_updates, timeout);

    /// <summary>Skips updates until one matches (e.g. a terminal status).</summary>
    public async Task<VenueOrderUpdate> UpdateMatchingAsync(Func<VenueOrderUpdate, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var update = await _updates.Reader.ReadAsync(cts.Token);
            if (match(update)) return update;
        }
    }

    /// <summary>Skips fills until one matches.</summary>
    public async Task<VenueFill> FillMatchingAsync(Func<VenueFill, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var fill = await _fills.Reader.ReadAsync(cts.Token);
            if (match(fill)) return fill;
        }
    }

    public bool TryTakeFill(out VenueFill? fill) => _fills.Reader.TryRead(out fill);

    private static async Task<T> ReadAsync<T>(Channel<T> channel, TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(cts.Token);
    }
}
