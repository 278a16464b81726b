using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Tests.Risk;

public class RiskBookGamePropertyTests
{
    // Markets 0..5 are three games of two teams each; 6 is a ticker without a game segment.
    private static readonly string[] Tickers =
    [
        "KXNBAGAME-26NOV24LALBOS-LAL", "KXNBAGAME-26NOV24LALBOS-BOS",
        "KXNBAGAME-26NOV24NYKMIA-NYK", "KXNBAGAME-26NOV24NYKMIA-MIA",
        "KXNHLGAME-26NOV24BOSTOR-BOS", "KXNHLGAME-26NOV24BOSTOR-TOR",
        "SOLO",
    ];

    private static readonly string[] Games = Tickers.Select(GameKey.Of).Distinct().ToArray();

    private static readonly Gen<RiskOp> OpGen =
        from kind in Gen.Frequency((6, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from market in Gen.Choose(0, Tickers.Length - 1)
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from cents in Gen.Choose(5, 95)
        from contracts in Gen.Choose(1, 80)
        from pick in Gen.Choose(0, 100)
        from pct in Gen.Choose(1, 100)
        select new RiskOp(kind, market, side, cents, contracts, pick, pct);

    private static readonly Arbitrary<RiskOp[]> Ops = Arb.From(Gen.ArrayOf(OpGen));

    // Cents of the game cap: from far below one market's cap to above two of them.
    private static readonly Arbitrary<int> GameCapCents = Arb.From(Gen.Choose(100, 13_000));

    [Property(MaxTest = 300)]
    public Property Every_game_stays_within_its_cap_after_any_approved_reservations_and_fills() =>
        Prop.ForAll(GameCapCents, Ops, (capCents, ops) =>
        {
            var cap = Money.FromCents(capCents);
            var limits = RiskBookTests.Limits with
            {
                MaxExposurePerGame = cap, MaxOrdersPerMinute = 20, MaxOpenMarkets = Tickers.Length, MaxTotalExposure = Money.FromDollars(300),
            };
            var day = new DateOnly(2026, 11, 23);
            var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
            var book = RiskBook.Create(limits, Money.FromDollars(400), day);
            var n = 0;
            var trade = 0;
            foreach (var op in ops)
            {
                var ticker = Tickers[op.Market];
                switch (op.Kind)
                {
                    case 0:
                        var before = book.ExposureInGame(GameKey.Of(ticker));
                        var d = book.Evaluate(new ReservationRequest("e" + n++, ticker, op.Side, Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts)), now, day);
                        if (d.Denial == RiskDenialReason.MaxExposurePerGame)
                        {
                            var (price, count) = (Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts));
                            var amount = Money.Notional(price, count) + limits.WorstCaseFees.TakerFee(count, price) + limits.FeeRoundingMargin;
                            Assert.True(before + amount > cap, "denied for the game although it fits");
                        }
                        if (!d.IsApproved) Assert.Same(book, d.Book);
                        book = d.Book;
                        break;
                    case 1 when book.Reservations.Count > 0:
                    {
                        var res = book.Reservations.Values.OrderBy(r => r.ExecutionId, StringComparer.Ordinal).ElementAt(op.Pick % book.Reservations.Count);
                        if (res.RemainingCount.IsZero) break;
                        var count = new Quantity(Math.Max(1, res.RemainingCount.Hundredths * op.FillPercent / 100));
                        // fills honour the limit: at or below it, with Kalshi's per-fill taker fee
                        var price = new Price(Math.Max(100, res.LimitPrice.Ticks - (op.Pick % 3) * 100));
                        var fee = FeeSchedule.SportsGame.FillFee(FeeRole.Taker, count, price);
                        var u = book.ApplyFill(new RiskFill(res.ExecutionId, "t" + trade++, res.Ticker, res.Side, count, price, fee), day);
                        Assert.True(u.IsApplied, u.Error.ToString());
                        book = u.Book;
                        break;
                    }
                    case 2 when book.Reservations.Count > 0:
                    {
                        var id = book.Reservations.Keys.Order(StringComparer.Ordinal).ElementAt(op.Pick % book.Reservations.Count);
                        book = book.ApplyOrderTerminal(id).Book;
                        break;
                    }
                    case 3 when book.InFlight(ticker) is null:
                        book = book.ApplySettlement(ticker, op.Side == OutcomeSide.Yes ? Price.One : Price.Zero, now, day).Book;
                        break;
                    case 4:
                        book = (op.Pick % 3) switch { 0 => book.Halt(), 1 => book.EnterReduceOnly(), _ => book.Resume() };
                        break;
                    case 5:
                        now = now.AddSeconds(op.Pick * 20);
                        break;
                }

                var sumOfGames = Money.Zero;
                foreach (var game in Games)
                {
                    var exposure = book.ExposureInGame(game);
                    Assert.True(exposure <= cap, $"game {game} exposure {exposure} over {cap}");
                    sumOfGames += exposure;
                }
                // every market is in exactly one game
                Assert.Equal(book.TotalExposure, sumOfGames);
            }
        });
}
