namespace KalshiArb.Actors.Market;

/// <summary>
/// Time has reached <paramref name="AtMs"/> on the market's event clock (the replay's barrier says so when the replay
/// clock passes it): a pending evaluation due by then runs now, at its due time. Answered with <see cref="MarketEvaluationsDue"/>.
/// </summary>
public sealed record EvaluateDueBy(string Ticker, long AtMs) : ITickerMessage;

/// <summary>The answer to <see cref="EvaluateDueBy"/>: the market's evaluation still pending (due later), if any.</summary>
public sealed record MarketEvaluationsDue(string Ticker, long? PendingDueMs) : ITickerMessage;
