namespace KalshiArb.Actors.Market;

/// <summary>
/// The sportsbook consensus that the market's YES team wins. <paramref name="AsOfMs"/> is when the lines were
/// fetched (odds age counts from it); <paramref name="CommenceTime"/> is the matched event's start.
/// </summary>
public sealed record ConsensusUpdated(
    string Ticker,
    string EventId,
    double FairYes,
    int FreshBooks,
    double Dispersion,
    long AsOfMs,
    DateTimeOffset CommenceTime) : ITickerMessage;

/// <summary>The market no longer has a usable consensus (too few fresh books, lost its event match): stop trading it.</summary>
public sealed record ConsensusWithdrawn(string Ticker, string ReasonCode, long AtMs) : ITickerMessage;
