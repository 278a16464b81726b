namespace KalshiArb.Domain.Tests.Risk;

public class RiskBookTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    internal static readonly RiskLimits Limits = new()
    {
        MaxContractsPerMarket = Quantity.FromContracts(100),
        MaxExposurePerMarket = Money.FromDollars(60),
        MaxTotalExposure = Money.FromDollars(150),
        MaxOpenMarkets = 3,
        DailyLossLimit = Money.FromDollars(20),
        LossStreakLimit = 3,
        LossStreakCooldown = TimeSpan.FromMinutes(30),
        MaxOrdersPerMinute = 5,
    };

    private static RiskBook NewBook(RiskLimits? limits = null, long dollars = 1000) =>
        RiskBook.Create(limits ?? Limits, Money.FromDollars(dollars), Day);

    private static int _ids;

    private static ReservationRequest Req(string ticker = "A", OutcomeSide side = OutcomeSide.Yes, int cents = 50, long contracts = 10, string? id = null) =>
        new(id ?? "e" + Interlocked.Increment(ref _ids), ticker, side, Price.FromCents(cents), Quantity.FromContracts(contracts));

    private static RiskDecision Eval(RiskBook b, ReservationRequest r, DateTimeOffset? at = null) => b.Evaluate(r, at ?? T0, Day);

    // 10 @ 0.50: 5.00 + taker fee ceil-cent(0.175) 0.18 + 0.01 margin
    private static readonly Money TenAtFifty = Money.Parse("5.1900");

    [Fact]
    public void Reservation_amount_is_cost_at_limit_plus_worst_case_fee_and_margin()
    {
        var d = Eval(NewBook(), Req());
        Assert.True(d.IsApproved);
        Assert.Equal(TenAtFifty, d.Reservation!.Amount);
        Assert.Equal(TenAtFifty, d.Book.Reserved);
        Assert.Equal(Money.FromDollars(1000) - TenAtFifty, d.Book.AvailableBalance);
        Assert.Equal(TenAtFifty, d.Book.TotalExposure);
    }

    [Fact]
    public void Max_contracts_per_market_at_the_edge()
    {
        var b = NewBook(Limits with { MaxExposurePerMarket = Money.FromDollars(100) }).WithPosition("A", Quantity.FromContracts(-40), Money.FromDollars(20));
        Assert.True(Eval(b, Req(side: OutcomeSide.No, contracts: 60)).IsApproved);
        Assert.Equal(RiskDenialReason.MaxContractsPerMarket, Eval(b, Req(side: OutcomeSide.No, contracts: 61)).Denial);
    }

    [Fact]
    public void Max_exposure_per_market_at_the_edge()
    {
        Assert.True(Eval(NewBook(Limits with { MaxExposurePerMarket = TenAtFifty }), Req()).IsApproved);
        Assert.Equal(RiskDenialReason.MaxExposurePerMarket,
            Eval(NewBook(Limits with { MaxExposurePerMarket = TenAtFifty - new Money(1) }), Req()).Denial);
    }

    [Fact]
    public void Max_total_exposure_counts_positions_of_other_markets()
    {
        var b = NewBook(Limits with { MaxTotalExposure = Money.FromDollars(10) + TenAtFifty }).WithPosition("B", Quantity.FromContracts(20), Money.FromDollars(10));
        Assert.True(Eval(b, Req()).IsApproved);
        var tight = b with { Limits = b.Limits with { MaxTotalExposure = Money.FromDollars(10) + TenAtFifty - new Money(1) } };
        Assert.Equal(RiskDenialReason.MaxTotalExposure, Eval(tight, Req()).Denial);
    }

    [Fact]
    public void Max_open_markets_counts_positions_and_orders_in_flight()
    {
        var b = NewBook().WithPosition("A", Quantity.FromContracts(1), Money.Parse("0.5000"));
        b = Eval(b, Req("B")).Book;
        Assert.True(Eval(b, Req("C")).IsApproved); // third market: at the limit
        b = Eval(b, Req("C")).Book;
        Assert.Equal(3, b.OpenMarkets);
        Assert.Equal(RiskDenialReason.MaxOpenMarkets, Eval(b, Req("D")).Denial);
        Assert.True(Eval(b, Req("A")).IsApproved); // an already open market is fine
    }

    [Fact]
    public void One_order_in_flight_per_market_until_terminal()
    {
        var d = Eval(NewBook(), Req("A"));
        Assert.Equal(RiskDenialReason.OrderInFlight, Eval(d.Book, Req("A")).Denial);
        Assert.True(Eval(d.Book, Req("B")).IsApproved);
        var released = d.Book.ApplyOrderTerminal(d.Reservation!.ExecutionId);
        Assert.Equal(TenAtFifty, released.Released);
        Assert.True(Eval(released.Book, Req("A")).IsApproved);
    }

    [Fact]
    public void Daily_loss_limit_at_the_edge_and_reset_on_a_new_day()
    {
        // buy 40 YES at 0.50 for exactly $20 (no fee), settle NO: −$20.00
        var b = NewBook().WithPosition("A", Quantity.FromContracts(40), Money.FromDollars(20));
        var lost = b.ApplySettlement("A", Price.Zero, T0, Day).Book;
        Assert.Equal(-Money.FromDollars(20), lost.RealizedToday);
        Assert.Equal(RiskDenialReason.DailyLossLimit, Eval(lost, Req("B")).Denial);

        var almost = NewBook().WithPosition("A", Quantity.FromContracts(40), Money.FromDollars(20) - new Money(1))
            .ApplySettlement("A", Price.Zero, T0, Day).Book;
        Assert.True(Eval(almost, Req("B")).IsApproved);

        Assert.True(lost.Evaluate(Req("B"), T0.AddDays(1), Day.AddDays(1)).IsApproved);
    }

    [Fact]
    public void Loss_streak_trips_a_cooldown_that_ends_exactly_on_time()
    {
        var b = NewBook();
        foreach (var m in new[] { "A", "B", "C" })
            b = b.WithPosition(m, Quantity.FromContracts(1), Money.Parse("0.5000")).ApplySettlement(m, Price.Zero, T0, Day).Book;
        Assert.Equal(T0.AddMinutes(30), b.CooldownUntil);
        Assert.Equal(0, b.LossStreak);
        Assert.Equal(RiskDenialReason.LossStreakCooldown, Eval(b, Req("D"), T0.AddMinutes(30).AddTicks(-1)).Denial);
        Assert.True(Eval(b, Req("D"), T0.AddMinutes(30)).IsApproved);
    }

    [Fact]
    public void A_winning_settlement_resets_the_streak()
    {
        var b = NewBook();
        b = b.WithPosition("A", Quantity.FromContracts(1), Money.Parse("0.5000")).ApplySettlement("A", Price.Zero, T0, Day).Book;
        b = b.WithPosition("B", Quantity.FromContracts(1), Money.Parse("0.5000")).ApplySettlement("B", Price.Zero, T0, Day).Book;
        Assert.Equal(2, b.LossStreak);
        b = b.WithPosition("C", Quantity.FromContracts(1), Money.Parse("0.5000")).ApplySettlement("C", Price.One, T0, Day).Book;
        Assert.Equal(0, b.LossStreak);
        Assert.Null(b.CooldownUntil);
    }

    [Fact]
    public void Orders_per_minute_throttle_with_a_sliding_window()
    {
        var b = NewBook(Limits with { MaxOpenMarkets = 10 });
        for (var i = 0; i < 5; i++)
        {
            var d = Eval(b, Req("M" + i, contracts: 1), T0.AddSeconds(i));
            Assert.True(d.IsApproved);
            b = d.Book;
        }
        Assert.Equal(RiskDenialReason.OrdersPerMinute, Eval(b, Req("X", contracts: 1), T0.AddSeconds(59)).Denial);
        Assert.True(Eval(b, Req("X", contracts: 1), T0.AddSeconds(60)).IsApproved);
    }

    [Fact]
    public void Available_balance_minus_reservations_at_the_edge()
    {
        Assert.True(Eval(NewBook(dollars: 0) with { Balance = TenAtFifty }, Req()).IsApproved);
        Assert.Equal(RiskDenialReason.InsufficientBalance,
            Eval(NewBook(dollars: 0) with { Balance = TenAtFifty - new Money(1) }, Req()).Denial);
        var held = Eval(NewBook(dollars: 0) with { Balance = TenAtFifty + TenAtFifty - new Money(1) }, Req("A")).Book;
        Assert.Equal(RiskDenialReason.InsufficientBalance, Eval(held, Req("B")).Denial);
    }

    [Fact]
    public void Halt_denies_everything_until_resume()
    {
        var b = NewBook().WithPosition("A", Quantity.FromContracts(10), Money.FromDollars(5)).Halt();
        Assert.Equal(KillSwitchState.Halted, b.KillSwitch);
        Assert.Equal(RiskDenialReason.Halted, Eval(b, Req("B")).Denial);
        Assert.Equal(RiskDenialReason.Halted, Eval(b, Req("A", OutcomeSide.No, contracts: 5)).Denial);
        Assert.True(Eval(b.Resume(), Req("B")).IsApproved);
    }

    [Fact]
    public void Reduce_only_allows_only_orders_that_shrink_the_position()
    {
        var b = NewBook().WithPosition("A", Quantity.FromContracts(10), Money.FromDollars(5)).EnterReduceOnly();
        var shrink = Eval(b, Req("A", OutcomeSide.No, contracts: 10));
        Assert.True(shrink.IsApproved);
        Assert.True(shrink.Reservation!.IsReducing);
        Assert.Equal(Money.FromDollars(5), shrink.Book.TotalExposure); // reducing orders add no exposure
        Assert.Equal(RiskDenialReason.ReduceOnly, Eval(b, Req("A", OutcomeSide.No, contracts: 11)).Denial);
        Assert.Equal(RiskDenialReason.ReduceOnly, Eval(b, Req("A", OutcomeSide.Yes, contracts: 1)).Denial);
        Assert.Equal(RiskDenialReason.ReduceOnly, Eval(b, Req("B")).Denial);
        Assert.Equal(KillSwitchState.Trading, b.Resume().KillSwitch);
    }

    [Fact]
    public void Duplicate_execution_id_is_refused_even_after_release()
    {
        var d = Eval(NewBook(), Req(id: "x1"));
        Assert.Equal(RiskDenialReason.DuplicateExecutionId, Eval(d.Book, Req("B", id: "x1")).Denial);
        var released = d.Book.ApplyOrderTerminal("x1").Book;
        Assert.Equal(RiskDenialReason.DuplicateExecutionId, Eval(released, Req("B", id: "x1")).Denial);
    }

    [Fact]
    public void Invalid_requests_are_denied()
    {
        Assert.Equal(RiskDenialReason.InvalidRequest, Eval(NewBook(), Req(contracts: 0)).Denial);
        Assert.Equal(RiskDenialReason.InvalidRequest, Eval(NewBook(), Req(cents: 100)).Denial);
        Assert.Equal(RiskDenialReason.InvalidRequest, Eval(NewBook(), Req(ticker: "")).Denial);
    }

    [Fact]
    public void Fills_move_the_position_and_release_the_reservation_proportionally()
    {
        var d = Eval(NewBook(), Req("A", cents: 50, contracts: 10, id: "o1"));
        var f1 = d.Book.ApplyFill(new RiskFill("o1", "t1", "A", OutcomeSide.Yes, Quantity.FromContracts(4), Price.FromCents(48), Money.Parse("0.0700")), Day);
        Assert.True(f1.IsApplied);
        // share = floor(5.19 × 4/10) = 2.076; actual 1.92 + 0.07 = 1.99 → release the share
        Assert.Equal(Money.Parse("2.0760"), f1.Released);
        var pos = f1.Book.Positions["A"];
        Assert.Equal(Quantity.FromContracts(4), pos.Contracts);
        Assert.Equal(Money.Parse("1.9900"), pos.CostBasis);
        Assert.Equal(Money.FromDollars(1000) - Money.Parse("1.9900"), f1.Book.Balance);

        Assert.Equal(RiskUpdateError.DuplicateTradeId,
            f1.Book.ApplyFill(new RiskFill("o1", "t1", "A", OutcomeSide.Yes, Quantity.FromContracts(4), Price.FromCents(48), Money.Zero), Day).Error);

        var done = f1.Book.ApplyOrderTerminal("o1");
        Assert.Equal(TenAtFifty - Money.Parse("2.0760"), done.Released);
        Assert.Equal(done.Book.ReservedTotal, done.Book.ReleasedTotal);
        Assert.Equal(Money.Zero, done.Book.Reserved);
    }

    [Fact]
    public void Fill_with_the_wrong_market_or_side_is_refused()
    {
        var d = Eval(NewBook(), Req("A", id: "o1"));
        Assert.Equal(RiskUpdateError.ReservationMismatch,
            d.Book.ApplyFill(new RiskFill("o1", "t1", "B", OutcomeSide.Yes, Quantity.FromContracts(1), Price.FromCents(50), Money.Zero), Day).Error);
        Assert.Equal(RiskUpdateError.InvalidFill,
            d.Book.ApplyFill(new RiskFill("o1", "t1", "A", OutcomeSide.Yes, Quantity.Zero, Price.FromCents(50), Money.Zero), Day).Error);
    }

    [Fact]
    public void Buying_the_opposite_side_nets_and_realizes_pnl()
    {
        var b = NewBook().WithPosition("A", Quantity.FromContracts(10), Money.FromDollars(4)); // 10 YES at 0.40 all-in
        var u = b.ApplyFill(new RiskFill("z", "t1", "A", OutcomeSide.No, Quantity.FromContracts(4), Price.FromCents(50), Money.Parse("0.0700")), Day);
        // closes 4: $4 proceeds − basis 1.60 − cost 2.07 = 0.33
        Assert.Equal(Money.Parse("0.3300"), u.Realized);
        Assert.Equal(Money.Parse("0.3300"), u.Book.RealizedToday);
        Assert.Equal(new MarketPosition("A", Quantity.FromContracts(6), Money.Parse("2.4000")), u.Book.Positions["A"]);
        Assert.Equal(Money.FromDollars(1000) - Money.Parse("2.0700") + Money.FromDollars(4), u.Book.Balance);

        // over-closing flips to NO with the excess's share of the cost
        var flip = u.Book.ApplyFill(new RiskFill("z", "t2", "A", OutcomeSide.No, Quantity.FromContracts(8), Price.FromCents(50), Money.Zero), Day);
        Assert.Equal(new MarketPosition("A", Quantity.FromContracts(-2), Money.FromDollars(1)), flip.Book.Positions["A"]);
    }

    [Fact]
    public void Settlement_pays_the_winner_and_credits_cash()
    {
        var b = NewBook().WithPosition("A", Quantity.FromContracts(-10), Money.FromDollars(4));
        var won = b.ApplySettlement("A", Price.Zero, T0, Day); // NO won
        Assert.Equal(Money.FromDollars(6), won.Realized);
        Assert.Equal(Money.FromDollars(1010), won.Book.Balance);
        Assert.False(won.Book.Positions.ContainsKey("A"));
        Assert.Equal(RiskUpdateError.NoPosition, won.Book.ApplySettlement("A", Price.Zero, T0, Day).Error);

        var scalar = b.ApplySettlement("A", Price.FromCents(30), T0, Day); // NO worth 0.70
        Assert.Equal(Money.FromDollars(3), scalar.Realized);
    }
}
