using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Soak;

/// <summary>A market where the journal's fills and the venue's position disagree (YES &gt; 0, NO &lt; 0).</summary>
public sealed record PositionDifference(string Ticker, Quantity Journal, Quantity Venue)
{
    public override string ToString() => $"{Ticker}: journal {Journal.ToWire()}, venue {Venue.ToWire()}";
}
