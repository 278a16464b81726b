namespace KalshiArb.Domain.Odds;

/// <summary>A sportsbook event as The Odds API lists it (only what resolution needs).</summary>
public sealed record OddsEvent(string EventId, string HomeTeam, string AwayTeam, DateTimeOffset CommenceTime);
