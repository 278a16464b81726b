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

    private static readonly Arbitrary<RiskOp[]> Ops = Arb.From(Gen.ArrayOf(RiskOpRunner.Ops(Tickers.Length, reserveWeight: 6)));

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
            var run = new RiskOpRunner(limits, m => Tickers[m], newDays: false);
            foreach (var op in ops)
            {
                var before = op.Kind == 0 ? run.Book.ExposureInGame(GameKey.Of(Tickers[op.Market])) : Money.Zero;
                var d = run.Apply(op);
                if (d?.Denial == RiskDenialReason.MaxExposurePerGame)
                {
                    var (price, count) = (Price.FromCents(op.Cents), Quantity.FromContracts(op.Contracts));
                    var amount = Money.Notional(price, count) + limits.WorstCaseFees.TakerFee(count, price) + limits.FeeRoundingMargin;
                    Assert.True(before + amount > cap, "denied for the game although it fits");
                }
                var book = run.Book;

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
