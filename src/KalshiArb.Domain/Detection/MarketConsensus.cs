namespace KalshiArb.Domain.Detection;

/// <summary>The sportsbook consensus as a strategy sees it (see <see cref="DetectionInput"/> for each field's meaning).</summary>
public sealed record MarketConsensus(double FairYes, int Books, double Dispersion, TimeSpan OddsAge, DateTimeOffset GameStart);
