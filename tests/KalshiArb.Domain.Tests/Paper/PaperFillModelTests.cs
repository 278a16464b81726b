using KalshiArb.Domain.Paper;

namespace KalshiArb.Domain.Tests.Paper;

public class PaperFillModelTests
{
    private static readonly FeeSchedule Fees = FeeSchedule.SportsGame;

    private static Price C(int cents) => Price.FromCents(cents);
    private static Quantity N(long contracts) => Quantity.FromContracts(contracts);
    private static BookLevel L(int cents, long contracts) => new(C(cents), N(contracts));

    /// <summary>YES bids 0.45 (10), 0.44 (20); NO bids 0.48 (5), 0.47 (10) → YES asks 0.52 (5), 0.53 (10); NO asks 0.55 (10), 0.56 (20).</summary>
    private static PaperFillModel Model()
    {
        var m = new PaperFillModel(PriceGrid.Cents, Fees);
        Assert.Equal(BookUpdateResult.Applied, m.ApplySnapshot(1, [L(44, 20), L(45, 10)], [L(47, 10), L(48, 5)]));
        return m;
    }

    private static PaperOrderRequest Buy(OutcomeSide side, int cents, long contracts, TimeInForce tif = TimeInForce.GoodTillCanceled, bool postOnly = false) =>
        new(side, C(cents), N(contracts), tif, postOnly);

    [Fact]
    public void Taker_walks_levels_best_first_up_to_its_limit_with_taker_fees()
    {
        var m = Model();
        var r = m.Submit(Buy(OutcomeSide.Yes, 53, 8, TimeInForce.ImmediateOrCancel), 1000);

        Assert.True(r.IsAccepted);
        Assert.Equal(2, r.Fills.Count);
        Assert.Equal((C(52), N(5)), (r.Fills[0].Price, r.Fills[0].Count));
        Assert.Equal((C(53), N(3)), (r.Fills[1].Price, r.Fills[1].Count));
        Assert.All(r.Fills, f => Assert.True(f.IsTaker));
        Assert.Equal(Fees.FillFee(FeeRole.Taker, N(5), C(52)), r.Fills[0].Fee);
        Assert.Equal(Fees.FillFee(FeeRole.Taker, N(3), C(53)), r.Fills[1].Fee);
        Assert.Equal(EngineOrderStatus.Executed, r.Order!.Status);
        Assert.Equal(N(8), r.Order.FilledCount);
        Assert.Equal(r.Fills[0].Fee + r.Fills[1].Fee, r.Order.Fees);
    }

    [Fact]
    public void Taker_never_walks_past_its_limit_and_ioc_cancels_the_rest()
    {
        var m = Model();
        var r = m.Submit(Buy(OutcomeSide.Yes, 52, 8, TimeInForce.ImmediateOrCancel), 1000);

        Assert.Single(r.Fills);
        Assert.Equal(N(5), r.Fills[0].Count);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order!.Status);
        Assert.Equal(EngineCancelReason.ImmediateOrCancelRemainder, r.Order.CancelReason);
        Assert.Equal(N(3), r.Order.CanceledCount);
        Assert.Equal(0, m.RestingOrderCount);
    }

    [Fact]
    public void Buying_no_walks_the_yes_bids_as_no_asks()
    {
        var m = Model();
        var r = m.Submit(Buy(OutcomeSide.No, 56, 12, TimeInForce.ImmediateOrCancel), 1000);

        Assert.Equal([(C(55), N(10)), (C(56), N(2))], r.Fills.Select(f => (f.Price, f.Count)).ToArray());
        Assert.All(r.Fills, f => Assert.Equal(OutcomeSide.No, f.Side));
    }

    [Fact]
    public void Taken_liquidity_is_not_taken_twice_until_the_level_shrinks_below_it()
    {
        var m = Model();
        m.Submit(Buy(OutcomeSide.Yes, 52, 4, TimeInForce.ImmediateOrCancel), 1000);
        Assert.Equal(N(4), m.ConsumedAt(OutcomeSide.No, C(48)));

        var second = m.Submit(Buy(OutcomeSide.Yes, 52, 4, TimeInForce.ImmediateOrCancel), 1001);
        Assert.Equal(N(1), second.Fills.Single().Count);

        // the real level shrinks to 2: what we consumed can no longer exceed what is displayed
        Assert.Equal(BookUpdateResult.Applied, m.ApplyDelta(2, OutcomeSide.No, C(48), N(-3)));
        Assert.Equal(N(2), m.ConsumedAt(OutcomeSide.No, C(48)));
        Assert.Empty(m.Submit(Buy(OutcomeSide.Yes, 52, 1, TimeInForce.ImmediateOrCancel), 1002).Fills);

        // a snapshot replaces the book and forgets what we took
        m.ApplySnapshot(10, [L(45, 10)], [L(48, 5)]);
        Assert.Equal(N(5), m.Submit(Buy(OutcomeSide.Yes, 52, 9, TimeInForce.ImmediateOrCancel), 1003).Fills.Single().Count);
    }

    [Fact]
    public void Gtc_remainder_rests_behind_the_displayed_size_at_its_price()
    {
        var m = Model();
        var r = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000);

        Assert.Empty(r.Fills);
        Assert.Equal(EngineOrderStatus.Resting, r.Order!.Status);
        Assert.Equal(N(10), r.Order.QueueAhead);
        Assert.Equal(1, m.RestingOrderCount);
    }

    [Fact]
    public void Marketable_gtc_takes_what_crosses_then_rests_the_remainder()
    {
        var m = Model();
        var r = m.Submit(Buy(OutcomeSide.Yes, 52, 8), 1000);

        Assert.Equal(N(5), r.Fills.Single().Count);
        Assert.Equal(EngineOrderStatus.Resting, r.Order!.Status);
        Assert.Equal(N(3), r.Order.RemainingCount);
        Assert.Equal(Quantity.Zero, r.Order.QueueAhead);
    }

    [Fact]
    public void Resting_order_fills_only_after_trades_consume_the_queue_ahead_with_maker_fees()
    {
        var m = Model();
        var id = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!.OrderId;

        // taker bought NO at 0.55 = hit YES bids at 0.45
        var first = m.ApplyTrade(C(45), N(4), OutcomeSide.No, 1001);
        Assert.True(first.IsEmpty);
        Assert.True(m.TryGetOrder(id, out var o));
        Assert.Equal(N(6), o!.QueueAhead);

        var second = m.ApplyTrade(C(45), N(8), OutcomeSide.No, 1002);
        var fill = second.Fills.Single();
        Assert.Equal((C(45), N(2), false), (fill.Price, fill.Count, fill.IsTaker));
        Assert.Equal(Fees.FillFee(FeeRole.Maker, N(2), C(45)), fill.Fee);
        Assert.Equal(N(3), second.UpdatedOrders.Single().RemainingCount);

        var third = m.ApplyTrade(C(45), N(10), OutcomeSide.No, 1003);
        Assert.Equal(N(3), third.Fills.Single().Count);
        Assert.Equal(EngineOrderStatus.Executed, third.UpdatedOrders.Single().Status);
        Assert.Equal(0, m.RestingOrderCount);
    }

    [Fact]
    public void Trades_against_the_other_side_or_a_worse_price_do_not_move_the_queue()
    {
        var m = Model();
        var id = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!.OrderId;

        Assert.True(m.ApplyTrade(C(45), N(50), OutcomeSide.Yes, 1001).IsEmpty); // taker bought YES: hit NO bids
        Assert.True(m.ApplyTrade(C(46), N(50), OutcomeSide.No, 1002).IsEmpty); // hit YES bids at 0.46, above us
        m.TryGetOrder(id, out var o);
        Assert.Equal(N(10), o!.QueueAhead);
    }

    [Fact]
    public void A_trade_through_our_price_fills_us_first_at_our_limit()
    {
        var m = Model();
        m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000);

        var r = m.ApplyTrade(C(44), N(3), OutcomeSide.No, 1001);

        var fill = r.Fills.Single();
        Assert.Equal((C(45), N(3)), (fill.Price, fill.Count));
        Assert.Equal(Quantity.Zero, r.UpdatedOrders.Single().QueueAhead);
    }

    [Fact]
    public void Shrinking_level_assumes_cancels_from_the_back()
    {
        var m = Model();
        var id = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!.OrderId;

        m.ApplyDelta(2, OutcomeSide.Yes, C(45), N(5));  // 15 displayed, the new 5 are behind us
        m.ApplyDelta(3, OutcomeSide.Yes, C(45), N(-4)); // 11 displayed: cancels from the back, still 10 ahead
        m.TryGetOrder(id, out var o);
        Assert.Equal(N(10), o!.QueueAhead);

        m.ApplyDelta(4, OutcomeSide.Yes, C(45), N(-4)); // 7 displayed: at most 7 can be ahead
        m.TryGetOrder(id, out o);
        Assert.Equal(N(7), o!.QueueAhead);
    }

    [Fact]
    public void A_shrink_seen_before_its_trade_does_not_advance_us_twice()
    {
        var m = Model();
        var id = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!.OrderId;

        m.ApplyDelta(2, OutcomeSide.Yes, C(45), N(-3)); // the trade's delta arrives first
        Assert.True(m.ApplyTrade(C(45), N(3), OutcomeSide.No, 1001).IsEmpty);
        m.TryGetOrder(id, out var o);
        Assert.Equal(N(7), o!.QueueAhead);

        // and in the usual order (trade, then its delta) the queue also ends at 7 - 2 = 5
        m.ApplyTrade(C(45), N(2), OutcomeSide.No, 1002);
        m.ApplyDelta(3, OutcomeSide.Yes, C(45), N(-2));
        m.TryGetOrder(id, out o);
        Assert.Equal(N(5), o!.QueueAhead);
    }

    [Fact]
    public void Our_second_order_at_a_price_queues_behind_our_first()
    {
        var m = Model();
        var first = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!;
        var second = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1001).Order!;
        Assert.Equal(N(15), second.QueueAhead);

        var r = m.ApplyTrade(C(45), N(13), OutcomeSide.No, 1002);
        var fill = r.Fills.Single();
        Assert.Equal((first.OrderId, N(3)), (fill.OrderId, fill.Count));
        m.TryGetOrder(second.OrderId, out var s);
        Assert.Equal(N(2), s!.QueueAhead);
    }

    [Fact]
    public void Fill_or_kill_fills_all_or_nothing()
    {
        var m = Model();
        var killed = m.Submit(Buy(OutcomeSide.Yes, 53, 16, TimeInForce.FillOrKill), 1000);
        Assert.Empty(killed.Fills);
        Assert.Equal(EngineCancelReason.FillOrKillUnfillable, killed.Order!.CancelReason);
        Assert.Equal(N(16), killed.Order.CanceledCount);

        var filled = m.Submit(Buy(OutcomeSide.Yes, 53, 15, TimeInForce.FillOrKill), 1001);
        Assert.Equal(N(15), filled.Order!.FilledCount);
        Assert.Equal(EngineOrderStatus.Executed, filled.Order.Status);
    }

    [Fact]
    public void Post_only_is_refused_when_it_would_take_and_rests_otherwise()
    {
        var m = Model();
        Assert.Equal(PaperRejectReason.PostOnlyCross, m.Submit(Buy(OutcomeSide.Yes, 52, 1, postOnly: true), 1000).Reject);
        Assert.Equal(PaperRejectReason.PostOnlyRequiresGoodTillCanceled,
            m.Submit(Buy(OutcomeSide.Yes, 40, 1, TimeInForce.ImmediateOrCancel, postOnly: true), 1000).Reject);
        Assert.Equal(EngineOrderStatus.Resting, m.Submit(Buy(OutcomeSide.Yes, 51, 1, postOnly: true), 1000).Order!.Status);
    }

    [Fact]
    public void Cancel_removes_the_remainder_once()
    {
        var m = Model();
        var id = m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000).Order!.OrderId;

        var r = m.Cancel(id, 1001);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order!.Status);
        Assert.Equal(N(5), r.Order.CanceledCount);
        Assert.Equal(EngineCancelReason.UserCanceled, r.Order.CancelReason);
        Assert.Equal(PaperRejectReason.UnknownOrder, m.Cancel(id, 1002).Reject);
        Assert.Equal(PaperRejectReason.UnknownOrder, m.Cancel("nope", 1002).Reject);
        Assert.True(m.ApplyTrade(C(44), N(50), OutcomeSide.No, 1003).IsEmpty);
    }

    [Fact]
    public void Cancel_all_closes_every_resting_order()
    {
        var m = Model();
        m.Submit(Buy(OutcomeSide.Yes, 45, 5), 1000);
        m.Submit(Buy(OutcomeSide.No, 50, 5), 1000);

        var r = m.CancelAll(2000);
        Assert.Equal(2, r.UpdatedOrders.Count);
        Assert.All(r.UpdatedOrders, o => Assert.Equal(EngineCancelReason.MarketClosed, o.CancelReason));
        Assert.Equal(0, m.RestingOrderCount);
    }

    [Theory]
    [InlineData(0, 100, PaperRejectReason.InvalidPrice)]
    [InlineData(10000, 100, PaperRejectReason.InvalidPrice)]
    [InlineData(4550, 100, PaperRejectReason.OffPriceGrid)]
    [InlineData(4500, 0, PaperRejectReason.InvalidCount)]
    [InlineData(4500, -100, PaperRejectReason.InvalidCount)]
    public void Bad_orders_are_refused_with_a_reason(int ticks, long hundredths, PaperRejectReason expected)
    {
        var m = Model();
        var r = m.Submit(new PaperOrderRequest(OutcomeSide.Yes, new Price(ticks), new Quantity(hundredths)), 1000);
        Assert.Equal(expected, r.Reject);
        Assert.Null(r.Order);
    }

    [Fact]
    public void No_orders_without_a_whole_book()
    {
        var fresh = new PaperFillModel(PriceGrid.Cents, Fees);
        Assert.Equal(PaperRejectReason.BookNotWhole, fresh.Submit(Buy(OutcomeSide.Yes, 50, 1), 0).Reject);

        var m = Model();
        Assert.Equal(BookUpdateResult.Gap, m.ApplyDelta(5, OutcomeSide.Yes, C(45), N(1)));
        Assert.Equal(PaperRejectReason.BookNotWhole, m.Submit(Buy(OutcomeSide.Yes, 50, 1), 0).Reject);
    }

    [Fact]
    public void Ids_come_from_counters()
    {
        var m = new PaperFillModel(PriceGrid.Cents, Fees, "O-", "T-");
        m.ApplySnapshot(1, [], [L(48, 5)]);
        var r = m.Submit(Buy(OutcomeSide.Yes, 52, 2), 0);
        Assert.Equal("O-1", r.Order!.OrderId);
        Assert.Equal("T-1", r.Fills.Single().TradeId);
        Assert.Equal("O-2", m.Submit(Buy(OutcomeSide.Yes, 52, 2), 0).Order!.OrderId);
    }
}
