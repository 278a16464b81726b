namespace KalshiArb.Actors.Contracts;

/// <summary>The market feed connected again after a drop (<see cref="SettlementNews.PublishReconnected"/>); settlement catch-ups check.</summary>
public sealed record FeedReconnected(long AtMs);
