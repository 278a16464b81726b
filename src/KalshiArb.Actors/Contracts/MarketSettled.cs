namespace KalshiArb.Actors.Contracts;

/// <summary>
/// A market was determined or settled at <paramref name="YesValue"/> per YES contract (Kalshi market_lifecycle_v2).
/// Published by the market feed to every order desk (<see cref="SettlementNews"/>); each desk settles its orders and
/// tells the risk gate.
/// Seen twice (determined, then settled; or redelivered) it settles once.
/// </summary>
public sealed record MarketSettled(string Ticker, Price YesValue, long AtMs);
