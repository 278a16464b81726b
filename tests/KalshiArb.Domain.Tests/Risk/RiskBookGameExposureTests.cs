namespace KalshiArb.Domain.Tests.Risk;

public class RiskBookGameExposureTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    private const string Lal = "KXNBAGAME-26NOV24LALBOS-LAL";
    private const string Bos = "KXNBAGAME-26NOV24LALBOS-BOS";
    private const string Nyk = "KXNBAGAME-26NOV24NYKMIA-NYK";
    private const string Game = "KXNBAGAME-26NOV24LALBOS";

    // 10 @ 0.50: 5.00 + taker fee ceil-cent(0.175) 0.18 + 0.01 margin
    private static readonly Money TenAtFifty = Money.Parse("5.1900");

    private static RiskBook NewBook(Money? gameCap, Func<RiskLimits, RiskLimits>? tweak = null)
    {
        var limits = RiskBookTests.Limits with { MaxExposurePerGame = gameCap };
        return RiskBook.Create(tweak is null ? limits : tweak(limits), Money.FromDollars(1000), Day);
    }

    private static int _ids;

    private static ReservationRequest Req(string ticker, OutcomeSide side, long contracts = 10, int cents = 50, string? id = null) =>
        new(id ?? "g" + Interlocked.Increment(ref _ids), ticker, side, Price.FromCents(cents), Quantity.FromContracts(contracts));

    private static RiskDecision Eval(RiskBook b, ReservationRequest r) => b.Evaluate(r, T0, Day);

    private static RiskBook Approve(RiskBook b, ReservationRequest r)
    {
        var d = Eval(b, r);
        Assert.True(d.IsApproved, d.Denial.ToString());
        return d.Book;
    }

    [Fact]
    public void Yes_on_one_team_and_no_on_the_other_count_together()
    {
        var b = Approve(NewBook(TenAtFifty + TenAtFifty - new Money(1)), Req(Lal, OutcomeSide.Yes));
        Assert.Equal(TenAtFifty, b.ExposureInGame(Game));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(b, Req(Bos, OutcomeSide.No)).Denial);
        // each market alone is far under its own cap: only the game rule sees the doubled bet
        Assert.True(TenAtFifty + TenAtFifty < RiskBookTests.Limits.MaxExposurePerMarket);
    }

    [Fact]
    public void Exactly_at_the_game_cap_is_allowed_and_one_tick_over_is_denied()
    {
        var atCap = Approve(NewBook(TenAtFifty + TenAtFifty), Req(Lal, OutcomeSide.Yes));
        var d = Eval(atCap, Req(Bos, OutcomeSide.No));
        Assert.True(d.IsApproved, d.Denial.ToString());
        Assert.Equal(TenAtFifty + TenAtFifty, d.Book.ExposureInGame(Game));

        var over = Approve(NewBook(TenAtFifty + TenAtFifty - new Money(1)), Req(Lal, OutcomeSide.Yes));
        var denied = Eval(over, Req(Bos, OutcomeSide.No));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, denied.Denial);
        Assert.Same(over, denied.Book);
        Assert.Null(denied.Reservation);
    }

    [Fact]
    public void The_brief_case_78_yes_filled_then_45_no_on_the_other_team_is_denied()
    {
        var limits = (Func<RiskLimits, RiskLimits>)(l => l with { MaxExposurePerMarket = Money.FromDollars(100), MaxTotalExposure = Money.FromDollars(1000) });
        var b = Approve(NewBook(Money.FromDollars(60), limits), Req(Lal, OutcomeSide.Yes, contracts: 78, id: "lal"));
        // 78 @ 0.50 = 39.00 + fee ceil-cent(1.365) 1.37
        var fill = b.ApplyFill(new RiskFill("lal", "t1", Lal, OutcomeSide.Yes, Quantity.FromContracts(78), Price.FromCents(50), Money.Parse("1.3700")), Day);
        Assert.True(fill.IsApplied, fill.Error.ToString());
        b = fill.Book.ApplyOrderTerminal("lal").Book;
        Assert.Equal(Money.Parse("40.3700"), b.ExposureInGame(Game));

        // 45 NO @ 0.50: 22.50 + 0.79 + 0.01 = 23.30 → 63.67 > 60
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(b, Req(Bos, OutcomeSide.No, contracts: 45)).Denial);
        // 30 NO @ 0.50: 15.00 + 0.53 + 0.01 = 15.54 → 55.91 ≤ 60
        var smaller = Eval(b, Req(Bos, OutcomeSide.No, contracts: 30));
        Assert.True(smaller.IsApproved, smaller.Denial.ToString());
        Assert.Equal(Money.Parse("55.9100"), smaller.Book.ExposureInGame(Game));
    }

    [Fact]
    public void Other_games_and_tickers_without_a_game_are_unaffected()
    {
        var b = Approve(NewBook(TenAtFifty), Req(Lal, OutcomeSide.Yes));
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(b, Req(Bos, OutcomeSide.No, contracts: 1)).Denial);
        b = Approve(b, Req(Nyk, OutcomeSide.Yes));
        Assert.Equal(TenAtFifty, b.ExposureInGame(GameKey.Of(Nyk)));
        Assert.Equal(TenAtFifty, b.ExposureInGame(Game));
        b = Approve(b, Req("SOLO", OutcomeSide.No));
        Assert.Equal(TenAtFifty, b.ExposureInGame("SOLO"));
    }

    [Fact]
    public void Released_reservations_give_the_room_back()
    {
        var d = Eval(NewBook(TenAtFifty), Req(Lal, OutcomeSide.Yes, id: "r1"));
        Assert.True(d.IsApproved);
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(d.Book, Req(Bos, OutcomeSide.No)).Denial);
        var released = d.Book.ApplyOrderTerminal("r1").Book;
        Assert.Equal(Money.Zero, released.ExposureInGame(Game));
        Assert.True(Eval(released, Req(Bos, OutcomeSide.No)).IsApproved);
    }

    [Fact]
    public void Reducing_orders_pass_a_full_game_like_they_pass_a_full_market()
    {
        var b = NewBook(Money.FromDollars(5)).WithPosition(Lal, Quantity.FromContracts(10), Money.FromDollars(5));
        var shrink = Eval(b, Req(Lal, OutcomeSide.No, contracts: 10));
        Assert.True(shrink.IsApproved, shrink.Denial.ToString());
        Assert.True(shrink.Reservation!.IsReducing);
        Assert.Equal(Money.FromDollars(5), shrink.Book.ExposureInGame(Game));

        // Reducing is judged per market (as for MaxExposurePerMarket): buying the other team is new exposure,
        // even YES on it (a hedge) — the sum of cost bases is the conservative measure.
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(b, Req(Bos, OutcomeSide.No, contracts: 1)).Denial);
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(b, Req(Bos, OutcomeSide.Yes, contracts: 1)).Denial);
    }

    [Fact]
    public void Without_a_game_cap_only_the_per_market_rules_apply()
    {
        var b = Approve(NewBook(null), Req(Lal, OutcomeSide.Yes));
        b = Approve(b, Req(Bos, OutcomeSide.No));
        Assert.Equal(TenAtFifty + TenAtFifty, b.ExposureInGame(Game));
        Assert.Equal(b.TotalExposure, b.ExposureInGame(Game));
    }

    [Fact]
    public void The_per_market_rule_is_reported_first_and_the_game_rule_before_the_total()
    {
        var tightMarket = NewBook(TenAtFifty - new Money(1), l => l with { MaxExposurePerMarket = TenAtFifty - new Money(1) });
        Assert.Equal(RiskDenialReason.MaxExposurePerMarket, Eval(tightMarket, Req(Lal, OutcomeSide.Yes)).Denial);

        var tightTotal = NewBook(TenAtFifty - new Money(1), l => l with { MaxTotalExposure = TenAtFifty - new Money(1) });
        Assert.Equal(RiskDenialReason.MaxExposurePerGame, Eval(tightTotal, Req(Lal, OutcomeSide.Yes)).Denial);
    }

    [Fact]
    public void Game_exposure_is_the_sum_of_its_markets_exposure()
    {
        var b = NewBook(null).WithPosition(Lal, Quantity.FromContracts(4), Money.FromDollars(2));
        b = Approve(b, Req(Bos, OutcomeSide.No));
        b = Approve(b, Req(Nyk, OutcomeSide.Yes));
        Assert.Equal(b.ExposureIn(Lal) + b.ExposureIn(Bos), b.ExposureInGame(Game));
        Assert.Equal(Money.FromDollars(2) + TenAtFifty, b.ExposureInGame(Game));
    }
}
