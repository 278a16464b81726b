namespace KalshiArb.Domain.Odds;

/// <summary>One fresh book's de-vigged probability for the team, and the weight it carried.</summary>
public sealed record BookFairValue(string BookKey, DateTimeOffset LastUpdate, double FairProbability, double Weight);
