using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Node.Replay;

/// <summary>Counts the fills the paper venue reports during a replay (never blocks: a counter).</summary>
internal sealed class FillCounter : IVenueListener
{
    private long _fills;

    public long Fills => Interlocked.Read(ref _fills);

    public void OnFill(VenueFill fill) => Interlocked.Increment(ref _fills);

    public void OnOrderUpdate(VenueOrderUpdate update)
    {
    }
}
