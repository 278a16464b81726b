namespace KalshiArb.Domain.Pnl;

/// <summary>Something that moves money in one market: a fill or the market's settlement. Replayed in time order.</summary>
public abstract record PnlEvent(string Ticker, DateTimeOffset At);

/// <summary>One fill. Price is in the side's own terms (a NO price for a NO buy); Fee is what Kalshi charged for it.</summary>
public sealed record PnlFill(string Ticker, string Game, OutcomeSide Side, Price Price, Quantity Count, Money Fee, DateTimeOffset At)
    : PnlEvent(Ticker, At);

/// <summary>The market settled: each YES contract pays YesValue ($1, $0 or a scalar price), each NO contract the rest.</summary>
public sealed record PnlSettlement(string Ticker, Price YesValue, DateTimeOffset At) : PnlEvent(Ticker, At);
