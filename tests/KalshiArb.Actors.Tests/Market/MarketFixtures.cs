using System.Collections.Immutable;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Actors.Tests.Market;

/// <summary>A market whose YES ask is 0.50 (200 contracts) and NO ask 0.55: fair 0.60 is a clear YES edge after fees.</summary>
public static class MarketFixtures
{
    public const string Ticker = "KXNBAGAME-26FEB07HOUOKC-OKC";
    public static readonly DateTimeOffset T0 = new(2026, 2, 7, 18, 0, 0, TimeSpan.Zero);

    public static MarketMetadata Metadata(string ticker = Ticker, MarketTradingStatus status = MarketTradingStatus.Open) =>
        new(ticker, "KXNBAGAME-26FEB07HOUOKC", "KXNBAGAME", "Oklahoma City", FeeType.QuadraticWithMakerFees, FeeSchedule.MultiplierOne,
            [PriceRange.CentGrid], status, null);

    public static BookSnapshotReceived Snapshot(long receivedAtMs, string ticker = Ticker, int yesBidCents = 45, int noBidCents = 50) =>
        new(ticker, 1,
            [new BookLevel(Price.FromCents(yesBidCents - 2), Quantity.FromContracts(300)), new BookLevel(Price.FromCents(yesBidCents), Quantity.FromContracts(200))],
            [new BookLevel(Price.FromCents(noBidCents - 3), Quantity.FromContracts(300)), new BookLevel(Price.FromCents(noBidCents), Quantity.FromContracts(200))],
            receivedAtMs);

    public static ConsensusUpdated Consensus(long asOfMs, DateTimeOffset commence, string ticker = Ticker, double fairYes = 0.60, int books = 4) =>
        new(ticker, "evt-1", fairYes, books, 0.01, asOfMs, commence);

    public static ImmutableArray<BookLevel> Levels(params (int Cents, long Contracts)[] levels) =>
        [.. levels.Select(l => new BookLevel(Price.FromCents(l.Cents), Quantity.FromContracts(l.Contracts)))];
}
