namespace KalshiArb.Domain.Matching;

/// <summary>
/// A signed change of one bid level, in Kalshi's orderbook_delta convention: YES levels in YES prices,
/// NO levels in NO prices. A level whose size reaches zero disappears.
/// </summary>
public readonly record struct LevelChange(OutcomeSide Side, Price Price, Quantity Delta);
