using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Soak;

/// <summary>The simulator's record of the account at the end: orders, fills and positions (YES &gt; 0, NO &lt; 0) per market.</summary>
public sealed record VenueBook(IReadOnlyList<VenueOrder> Orders, IReadOnlyList<VenueBookFill> Fills, IReadOnlyDictionary<string, Quantity> Positions);
