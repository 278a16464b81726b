namespace KalshiArb.Actors.Tests.Execution;

/// <summary>The desk's P&amp;L and settlement bookkeeping: each trade booked once, each ended order with fills settled once.</summary>
public sealed class OrderDeskSettlementsTests
{
    private const string Lal = "KXNBAGAME-26NOV24LALBOS-LAL";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);
    private static readonly OrderFill Yes10 = new("t1", Quantity.FromContracts(10), Price.Parse("0.40"), Money.Parse("0.17"), true);

    private static OrderStatusNotice Notice(string id, ExecutionOrderState state, OutcomeSide side, params OrderFill[] fills) =>
        new(id, Lal, state, "x-" + id, null, Side: side, Fills: fills.Length == 0 ? null : fills);

    [Fact]
    public void A_repeated_notice_books_its_fills_once_and_a_settlement_pays_each_ended_order_once()
    {
        var desk = new OrderDeskSettlements();
        Assert.Empty(desk.OnNotice(Notice("a", ExecutionOrderState.PartiallyFilled, OutcomeSide.Yes, Yes10), Now));
        Assert.Empty(desk.OnNotice(Notice("a", ExecutionOrderState.Filled, OutcomeSide.Yes, Yes10), Now));
        var no = new OrderFill("t2", Quantity.FromContracts(4), Price.Parse("0.55"), Money.Parse("0.07"), false);
        Assert.Empty(desk.OnNotice(Notice("b", ExecutionOrderState.Resting, OutcomeSide.No, no), Now));

        var (first, settle) = desk.OnMarketSettled(new MarketSettled(Lal, Price.One, Now.AddHours(3).ToUnixTimeMilliseconds()), Now);
        Assert.True(first);
        var a = Assert.Single(settle); // b is still resting: settled when it ends
        Assert.Equal(new SettleOrder("a", OutcomeSide.Yes, Money.FromDollars(10)), a);
        Assert.Empty(desk.OnMarketSettled(new MarketSettled(Lal, Price.One, 0), Now).Orders);
        Assert.False(desk.OnMarketSettled(new MarketSettled(Lal, Price.One, 0), Now).First);

        var b = Assert.Single(desk.OnNotice(Notice("b", ExecutionOrderState.Canceled, OutcomeSide.No, no), Now));
        Assert.Equal(new SettleOrder("b", OutcomeSide.Yes, Money.Zero), b);
        Assert.Empty(desk.OnNotice(Notice("b", ExecutionOrderState.Canceled, OutcomeSide.No, no), Now));

        var book = desk.Book();
        var p = Assert.Single(book.Positions);
        Assert.Equal((Quantity.Zero, Money.Parse("3.56"), Money.Parse("0.24")), (p.Contracts, p.Realized, p.Fees));
        Assert.Equal(0, book.Refused);
    }

    [Fact]
    public void Orders_and_realized_pnl_are_split_per_strategy_a_notice_without_one_being_the_consensus_strategys()
    {
        var desk = new OrderDeskSettlements();
        var no = new OrderFill("t2", Quantity.FromContracts(4), Price.Parse("0.55"), Money.Parse("0.07"), false);
        desk.OnNotice(Notice("a", ExecutionOrderState.Filled, OutcomeSide.Yes, Yes10) with { EndedAs = "Filled" }, Now).ToArray();
        desk.OnNotice(Notice("b", ExecutionOrderState.Filled, OutcomeSide.No, no) with
        {
            StrategyId = Domain.Detection.StrategyIds.MeanReversion, EndedAs = "Filled",
        }, Now).ToArray();
        desk.OnMarketSettled(new MarketSettled(Lal, Price.One, Now.AddHours(3).ToUnixTimeMilliseconds()), Now);

        var lines = desk.Book().Strategies!;
        // consensus: 10 YES at 0.40 pay $10: 10 − 4.00 − 0.17; mean reversion: 4 NO at 0.55 pay nothing: −2.20 − 0.07
        Assert.Equal(new Domain.Pnl.StrategyPnl(Domain.Detection.StrategyIds.ConsensusEdge, 1, 1, Money.Parse("5.83"), Money.Parse("0.17")), lines[0]);
        Assert.Equal(new Domain.Pnl.StrategyPnl(Domain.Detection.StrategyIds.MeanReversion, 1, 1, Money.Parse("-2.27"), Money.Parse("0.07")), lines[1]);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void A_seed_from_the_journal_books_unseen_trades_and_settles_orders_a_crash_left_unsettled()
    {
        var desk = new OrderDeskSettlements();
        desk.OnNotice(Notice("live", ExecutionOrderState.Filled, OutcomeSide.Yes, Yes10), Now).ToArray();
        var at = Now.ToUnixTimeMilliseconds();
        var settledAt = Now.AddHours(3).ToUnixTimeMilliseconds();
        var no = new OrderFill("t2", Quantity.FromContracts(4), Price.Parse("0.55"), Money.Parse("0.07"), false);
        var settle = desk.Seed(new SeedPnl([
            new SeededOrder("live", Lal, OutcomeSide.Yes, true, [Yes10], [at], null, 0),         // already booked live
            new SeededOrder("settled", Lal, OutcomeSide.No, true, [no], [at + 1], Price.One, settledAt),
        ]));

        // "settled" journaled the market's value; "live" ended without its own settlement: it is told now.
        Assert.Equal([new SettleOrder("live", OutcomeSide.Yes, Money.FromDollars(10))], settle);
        var p = Assert.Single(desk.Book().Positions);
        Assert.Equal((Money.Parse("3.56"), Money.Parse("0.24"), true), (p.Realized, p.Fees, p.Settled));
        Assert.Equal(0, desk.Book().Refused);
    }
}
