using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Node.Replay;

/// <summary>Counts the fills the paper venue reports during a replay (never blocks: a counter).</summary>
internal sealed class FillCounter : IVenueListener
{
    private long _fills;
    private long _hundredths;

    public long Fills => Interlocked.Read(ref _fills);

    /// <summary>Every fill's count added up.</summary>
    public Quantity Contracts => new(Interlocked.Read(ref _hundredths));

    public void OnFill(VenueFill fill)
    {
        Interlocked.Add(ref _hundredths, fill.Count.Hundredths);
        Interlocked.Increment(ref _fills);
    }

    public void OnOrderUpdate(VenueOrderUpdate update)
    {
    }
}
