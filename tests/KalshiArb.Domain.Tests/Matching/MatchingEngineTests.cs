namespace KalshiArb.Domain.Tests.Matching;

public class MatchingEngineTests
{
    private static MatchingEngine NewEngine() => new(PriceGrid.Cents, ExactFillFeeModel.Instance, "O-", "T-");

    private static Price P(int cents) => Price.FromCents(cents);
    private static Quantity C(long contracts) => Quantity.FromContracts(contracts);

    private static MatchResult Bid(MatchingEngine e, string account, int cents, long count,
        TimeInForce tif = TimeInForce.GoodTillCanceled, SelfTradePrevention stp = SelfTradePrevention.TakerAtCross,
        bool postOnly = false, long ts = 1) =>
        e.Submit(new NewOrder(account, OrderSide.Bid, P(cents), C(count), tif, stp, postOnly), ts);

    private static MatchResult Ask(MatchingEngine e, string account, int cents, long count,
        TimeInForce tif = TimeInForce.GoodTillCanceled, SelfTradePrevention stp = SelfTradePrevention.TakerAtCross,
        bool postOnly = false, long ts = 1) =>
        e.Submit(new NewOrder(account, OrderSide.Ask, P(cents), C(count), tif, stp, postOnly), ts);

    [Fact]
    public void Ask_rests_as_no_bid_at_the_complement_price()
    {
        var e = NewEngine();
        var r = Ask(e, "a", 40, 3);
        Assert.Equal(EngineOrderStatus.Resting, r.Order!.Status);
        Assert.Equal([new BookLevel(P(60), C(3))], e.Levels(OutcomeSide.No));
        Assert.Empty(e.Levels(OutcomeSide.Yes));
        Assert.Equal([new LevelChange(OutcomeSide.No, P(60), C(3))], r.LevelChanges);
        Assert.Equal(r.LevelChanges, e.LastLevelChanges);
    }

    [Fact]
    public void No_bid_at_p_crosses_yes_bid_at_one_minus_p_and_not_below()
    {
        var e = NewEngine();
        Bid(e, "maker", 40, 5);
        var miss = Ask(e, "taker", 41, 5); // NO bid at 0.59: 0.40 + 0.59 < 1
        Assert.Empty(miss.Fills);
        Assert.Equal(EngineOrderStatus.Resting, miss.Order!.Status);

        var hit = Ask(e, "taker2", 40, 2); // NO bid at 0.60: 0.40 + 0.60 = 1 → crosses
        var fill = Assert.Single(hit.Fills);
        Assert.Equal(P(40), fill.YesPrice);
        Assert.Equal(P(60), fill.NoPrice);
        Assert.Equal(C(2), fill.Count);
        Assert.Equal(OutcomeSide.No, fill.TakerSide);
        Assert.Equal(OutcomeSide.Yes, fill.MakerSide);
        Assert.Equal("maker", fill.MakerAccountId);
        Assert.Equal("taker2", fill.TakerAccountId);
        Assert.Equal(EngineOrderStatus.Executed, hit.Order!.Status);
        Assert.Equal([new BookLevel(P(40), C(3))], e.Levels(OutcomeSide.Yes));
    }

    [Fact]
    public void Taker_walks_several_levels_best_first_at_maker_prices_and_rests_the_rest()
    {
        var e = NewEngine();
        var m1 = Ask(e, "m", 45, 10); // NO bid 0.55
        var m2 = Ask(e, "m", 43, 5);  // NO bid 0.57 (better for a YES buyer)
        var r = Bid(e, "t", 45, 20);

        Assert.Equal(2, r.Fills.Count);
        Assert.Equal((m2.Order!.OrderId, P(43), C(5)), (r.Fills[0].MakerOrderId, r.Fills[0].YesPrice, r.Fills[0].Count));
        Assert.Equal((m1.Order!.OrderId, P(45), C(10)), (r.Fills[1].MakerOrderId, r.Fills[1].YesPrice, r.Fills[1].Count));
        Assert.Equal(EngineOrderStatus.Resting, r.Order!.Status);
        Assert.Equal(C(15), r.Order.FilledCount);
        Assert.Equal(C(5), r.Order.RemainingCount);
        Assert.Equal(
            [
                new LevelChange(OutcomeSide.No, P(57), C(-5)),
                new LevelChange(OutcomeSide.No, P(55), C(-10)),
                new LevelChange(OutcomeSide.Yes, P(45), C(5)),
            ],
            r.LevelChanges);
        Assert.Empty(e.Levels(OutcomeSide.No));
        Assert.Equal(2, r.MakerUpdates.Count);
        Assert.All(r.MakerUpdates, u => Assert.Equal(EngineOrderStatus.Executed, u.Status));
    }

    [Fact]
    public void Same_price_fills_in_time_order()
    {
        var e = NewEngine();
        var first = Bid(e, "a", 50, 10, ts: 1).Order!;
        var second = Bid(e, "b", 50, 10, ts: 2).Order!;
        var r = Ask(e, "t", 50, 15, ts: 3);
        Assert.Equal([first.OrderId, second.OrderId], [r.Fills[0].MakerOrderId, r.Fills[1].MakerOrderId]);
        Assert.Equal([C(10), C(5)], [r.Fills[0].Count, r.Fills[1].Count]);
        Assert.Single(r.LevelChanges); // merged: one level touched
        Assert.Equal(C(-15), r.LevelChanges[0].Delta);
        Assert.True(e.TryGetOrder(second.OrderId, out var left));
        Assert.Equal(C(5), left.RemainingCount);
        Assert.False(e.TryGetOrder(first.OrderId, out _));
    }

    [Fact]
    public void Immediate_or_cancel_fills_what_crosses_and_cancels_the_rest()
    {
        var e = NewEngine();
        Ask(e, "m", 50, 4);
        var r = Bid(e, "t", 50, 10, TimeInForce.ImmediateOrCancel);
        Assert.Equal(C(4), r.Order!.FilledCount);
        Assert.Equal(C(6), r.Order.CanceledCount);
        Assert.Equal(Quantity.Zero, r.Order.RemainingCount);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order.Status);
        Assert.Equal(EngineCancelReason.ImmediateOrCancelRemainder, r.Order.CancelReason);
        Assert.Empty(e.Levels(OutcomeSide.Yes));
    }

    [Fact]
    public void Fill_or_kill_that_cannot_fill_whole_touches_nothing()
    {
        var e = NewEngine();
        Ask(e, "m", 50, 4);
        Ask(e, "m", 49, 5);
        var r = Bid(e, "t", 50, 10, TimeInForce.FillOrKill);
        Assert.Empty(r.Fills);
        Assert.Empty(r.LevelChanges);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order!.Status);
        Assert.Equal(EngineCancelReason.FillOrKillUnfillable, r.Order.CancelReason);
        Assert.Equal(C(9), e.Levels(OutcomeSide.No)[0].Size + e.Levels(OutcomeSide.No)[1].Size);
    }

    [Fact]
    public void Fill_or_kill_that_can_fill_executes_fully()
    {
        var e = NewEngine();
        Ask(e, "m", 50, 4);
        Ask(e, "m", 49, 6);
        var r = Bid(e, "t", 50, 10, TimeInForce.FillOrKill);
        Assert.Equal(EngineOrderStatus.Executed, r.Order!.Status);
        Assert.Equal(C(10), r.Order.FilledCount);
    }

    [Fact]
    public void Fill_or_kill_counts_own_orders_as_unavailable()
    {
        var e = NewEngine();
        Ask(e, "m", 50, 5);
        Ask(e, "t", 50, 5);
        var blocked = Bid(e, "t", 50, 10, TimeInForce.FillOrKill, SelfTradePrevention.Maker);
        Assert.Empty(blocked.Fills);
        Assert.Empty(blocked.MakerUpdates); // nothing canceled when the kill happens
        Assert.Equal(C(10), e.Levels(OutcomeSide.No)[0].Size);
    }

    [Fact]
    public void Post_only_that_would_cross_is_rejected_and_changes_nothing()
    {
        var e = NewEngine();
        Ask(e, "m", 50, 5);
        var r = Bid(e, "t", 50, 1, postOnly: true);
        Assert.Equal(MatchRejectReason.PostOnlyCross, r.Reject);
        Assert.False(r.IsAccepted);
        Assert.Null(r.Order);
        Assert.Empty(r.Fills);
        Assert.Equal(1, e.RestingOrderCount);

        var ok = Bid(e, "t", 49, 1, postOnly: true);
        Assert.Equal(EngineOrderStatus.Resting, ok.Order!.Status);
    }

    [Fact]
    public void Post_only_with_immediate_time_in_force_is_refused()
    {
        var e = NewEngine();
        Assert.Equal(MatchRejectReason.PostOnlyRequiresGoodTillCanceled,
            Bid(e, "t", 49, 1, TimeInForce.ImmediateOrCancel, postOnly: true).Reject);
    }

    [Fact]
    public void Self_trade_taker_at_cross_keeps_earlier_fills_and_cancels_the_taker_remainder()
    {
        var e = NewEngine();
        var other = Bid(e, "b", 50, 5).Order!;
        var own = Bid(e, "a", 50, 10).Order!;
        Bid(e, "c", 50, 10);
        var r = Ask(e, "a", 50, 30);
        var fill = Assert.Single(r.Fills);
        Assert.Equal(other.OrderId, fill.MakerOrderId);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order!.Status);
        Assert.Equal(EngineCancelReason.SelfTradePrevention, r.Order.CancelReason);
        Assert.Equal(C(25), r.Order.CanceledCount);
        Assert.True(e.TryGetOrder(own.OrderId, out var stillThere));
        Assert.Equal(C(10), stillThere.RemainingCount);
        Assert.Equal(C(20), e.SizeAt(OutcomeSide.Yes, P(50)));
    }

    [Fact]
    public void Self_trade_maker_mode_cancels_own_resting_orders_and_keeps_matching()
    {
        var e = NewEngine();
        Bid(e, "b", 50, 5);
        var own = Bid(e, "a", 50, 10).Order!;
        var c = Bid(e, "c", 50, 10).Order!;
        var r = Ask(e, "a", 50, 30, stp: SelfTradePrevention.Maker);
        Assert.Equal(2, r.Fills.Count);
        Assert.Equal(c.OrderId, r.Fills[1].MakerOrderId);
        var canceled = Assert.Single(r.MakerUpdates, u => u.OrderId == own.OrderId);
        Assert.Equal(EngineOrderStatus.Canceled, canceled.Status);
        Assert.Equal(EngineCancelReason.SelfTradePrevention, canceled.CancelReason);
        Assert.Equal(C(10), canceled.CanceledCount);
        Assert.Equal(EngineOrderStatus.Resting, r.Order!.Status);
        Assert.Equal(C(15), r.Order.RemainingCount);
        Assert.Empty(e.Levels(OutcomeSide.Yes));
        Assert.Equal([new BookLevel(P(50), C(15))], e.Levels(OutcomeSide.No));
    }

    [Fact]
    public void Each_fill_carries_maker_and_taker_fee_rounded_up_per_fill()
    {
        var e = NewEngine();
        Bid(e, "m", 50, 100);
        var r = Ask(e, "t", 50, 100);
        var fill = Assert.Single(r.Fills);
        Assert.Equal(Money.Parse("1.7500"), fill.TakerFee);
        Assert.Equal(Money.Parse("0.4375"), fill.MakerFee);
        Assert.Equal(fill.TakerFee, r.Order!.TakerFees);
        Assert.Equal(fill.MakerFee, r.MakerUpdates[0].MakerFees);

        // 0.01 contract at 0.33: taker 0.07 × 0.01 × 0.2211 = 0.00015477 → 0.0002;
        // maker 0.0175 × 0.01 × 0.2211 = 0.0000387 → 0.0001
        Bid(e, "m", 33, 1);
        var tiny = e.Submit(new NewOrder("t", OrderSide.Ask, P(33), new Quantity(1)), 2);
        Assert.Equal(new Money(2), tiny.Fills[0].TakerFee);
        Assert.Equal(new Money(1), tiny.Fills[0].MakerFee);
    }

    [Fact]
    public void Fees_are_charged_per_fill_not_per_order()
    {
        var e = NewEngine();
        Bid(e, "m1", 50, 1);
        Bid(e, "m2", 50, 1);
        var r = Ask(e, "t", 50, 2);
        // each 1@0.50 taker fill: 0.07 × 0.25 = 0.0175
        Assert.All(r.Fills, f => Assert.Equal(Money.Parse("0.0175"), f.TakerFee));
        Assert.Equal(Money.Parse("0.0350"), r.Order!.TakerFees);
    }

    [Fact]
    public void Schedule_adapter_matches_the_exact_rule_for_sports_game_series()
    {
        var adapter = new ScheduleFillFeeModel(FeeSchedule.SportsGame);
        foreach (var cents in new[] { 1, 25, 33, 50, 77, 99 })
        foreach (var h in new long[] { 1, 37, 100, 10_000, 123_456 })
        foreach (var taker in new[] { true, false })
            Assert.Equal(
                ExactFillFeeModel.Instance.FeeFor(P(cents), new Quantity(h), taker),
                adapter.FeeFor(P(cents), new Quantity(h), taker));
    }

    [Fact]
    public void Fractional_counts_fill_exactly()
    {
        var e = NewEngine();
        e.Submit(new NewOrder("m", OrderSide.Bid, P(60), Quantity.Parse("1.25")), 1);
        var r = e.Submit(new NewOrder("t", OrderSide.Ask, P(60), Quantity.Parse("0.50")), 2);
        Assert.Equal(Quantity.Parse("0.50"), r.Fills[0].Count);
        Assert.Equal([new BookLevel(P(60), Quantity.Parse("0.75"))], e.Levels(OutcomeSide.Yes));
    }

    [Theory]
    [InlineData(0, 100, MatchRejectReason.InvalidPrice)]
    [InlineData(10_000, 100, MatchRejectReason.InvalidPrice)]
    [InlineData(5_050, 100, MatchRejectReason.OffPriceGrid)]
    [InlineData(5_000, 0, MatchRejectReason.InvalidCount)]
    [InlineData(5_000, -100, MatchRejectReason.InvalidCount)]
    public void Invalid_price_or_count_is_rejected_with_a_reason(int ticks, long hundredths, MatchRejectReason expected)
    {
        var e = NewEngine();
        var r = e.Submit(new NewOrder("a", OrderSide.Bid, new Price(ticks), new Quantity(hundredths)), 1);
        Assert.Equal(expected, r.Reject);
        Assert.Equal(0, e.RestingOrderCount);
    }

    [Fact]
    public void Missing_account_and_reused_client_order_id_are_rejected()
    {
        var e = NewEngine();
        Assert.Equal(MatchRejectReason.MissingAccount, e.Submit(new NewOrder("", OrderSide.Bid, P(50), C(1)), 1).Reject);
        Assert.True(e.Submit(new NewOrder("a", OrderSide.Bid, P(50), C(1), ClientOrderId: "x"), 1).IsAccepted);
        Assert.Equal(MatchRejectReason.DuplicateClientOrderId,
            e.Submit(new NewOrder("a", OrderSide.Bid, P(40), C(1), ClientOrderId: "x"), 2).Reject);
        Assert.True(e.Submit(new NewOrder("b", OrderSide.Bid, P(40), C(1), ClientOrderId: "x"), 2).IsAccepted);
    }

    [Fact]
    public void Order_and_trade_ids_come_from_counters_with_the_given_prefixes()
    {
        var e = NewEngine();
        Assert.Equal("O-1", Bid(e, "a", 50, 1).Order!.OrderId);
        var r = Ask(e, "b", 50, 1);
        Assert.Equal("O-2", r.Order!.OrderId);
        Assert.Equal("T-1", r.Fills[0].TradeId);
    }

    [Fact]
    public void Cancel_removes_the_remainder_and_unknown_ids_are_refused()
    {
        var e = NewEngine();
        var o = Bid(e, "a", 50, 10).Order!;
        Ask(e, "b", 50, 4);
        var r = e.Cancel(o.OrderId, 5);
        Assert.Equal(EngineOrderStatus.Canceled, r.Order!.Status);
        Assert.Equal(C(6), r.Order.CanceledCount);
        Assert.Equal(C(4), r.Order.FilledCount);
        Assert.Equal(5, r.Order.LastUpdateTimestampMs);
        Assert.Equal([new LevelChange(OutcomeSide.Yes, P(50), C(-6))], r.LevelChanges);
        Assert.Equal(MatchRejectReason.UnknownOrder, e.Cancel(o.OrderId, 6).Reject);
        Assert.Equal(MatchRejectReason.UnknownOrder, e.Cancel("nope", 6).Reject);
    }

    [Fact]
    public void Decrease_keeps_time_priority()
    {
        var e = NewEngine();
        var first = Bid(e, "a", 50, 10).Order!;
        Bid(e, "b", 50, 10);
        var d = e.DecreaseBy(first.OrderId, C(7), 2);
        Assert.Equal(C(3), d.Order!.RemainingCount);
        Assert.Equal([new LevelChange(OutcomeSide.Yes, P(50), C(-7))], d.LevelChanges);
        var r = Ask(e, "t", 50, 1);
        Assert.Equal(first.OrderId, r.Fills[0].MakerOrderId);
    }

    [Fact]
    public void Decrease_to_and_past_zero()
    {
        var e = NewEngine();
        var o = Bid(e, "a", 50, 10).Order!;
        Assert.Equal(MatchRejectReason.NotADecrease, e.DecreaseTo(o.OrderId, C(10), 2).Reject);
        Assert.Equal(MatchRejectReason.InvalidCount, e.DecreaseBy(o.OrderId, Quantity.Zero, 2).Reject);
        Assert.Equal(C(4), e.DecreaseTo(o.OrderId, C(4), 2).Order!.RemainingCount);
        var gone = e.DecreaseBy(o.OrderId, C(100), 3);
        Assert.Equal(EngineOrderStatus.Canceled, gone.Order!.Status);
        Assert.Equal(EngineCancelReason.DecreasedToZero, gone.Order.CancelReason);
        Assert.Equal(C(10), gone.Order.CanceledCount);
        Assert.Equal(0, e.RestingOrderCount);
    }

    [Fact]
    public void Amend_count_down_keeps_priority_count_up_loses_it()
    {
        var e = NewEngine();
        var a = Bid(e, "a", 50, 10).Order!;
        var b = Bid(e, "b", 50, 10).Order!;
        var down = e.Amend(a.OrderId, P(50), C(8), 2);
        Assert.Equal(C(8), down.Order!.InitialCount);
        Assert.Equal(a.OrderId, Ask(e, "t", 50, 1).Fills[0].MakerOrderId);

        var up = e.Amend(a.OrderId, P(50), C(20), 3); // 1 filled, so 19 remain
        Assert.Equal(C(19), up.Order!.RemainingCount);
        Assert.Equal([new LevelChange(OutcomeSide.Yes, P(50), C(12))], up.LevelChanges);
        Assert.Equal(b.OrderId, Ask(e, "t", 50, 1).Fills[0].MakerOrderId);
    }

    [Fact]
    public void Amend_price_moves_the_order_and_may_trade()
    {
        var e = NewEngine();
        var a = Bid(e, "a", 45, 10).Order!;
        Ask(e, "m", 50, 4);
        var r = e.Amend(a.OrderId, P(50), C(10), 2);
        Assert.Equal(C(4), Assert.Single(r.Fills).Count);
        Assert.Equal(a.OrderId, r.Fills[0].TakerOrderId);
        Assert.Equal(C(6), r.Order!.RemainingCount);
        Assert.Equal(EngineOrderStatus.Resting, r.Order.Status);
        Assert.Equal([new BookLevel(P(50), C(6))], e.Levels(OutcomeSide.Yes));
        Assert.True(r.Order.TakerFees > Money.Zero);
    }

    [Fact]
    public void Amend_rejections_leave_the_order_unchanged()
    {
        var e = NewEngine();
        var a = Bid(e, "a", 45, 10, postOnly: true).Order!;
        Ask(e, "m", 50, 4);
        Assert.Equal(MatchRejectReason.PostOnlyCross, e.Amend(a.OrderId, P(50), C(10), 2).Reject);
        Assert.Equal(MatchRejectReason.OffPriceGrid, e.Amend(a.OrderId, new Price(4_550), C(10), 2).Reject);
        Assert.Equal(MatchRejectReason.InvalidCount, e.Amend(a.OrderId, P(45), Quantity.Zero, 2).Reject);
        Assert.True(e.TryGetOrder(a.OrderId, out var still));
        Assert.Equal(a, still);
    }

    [Fact]
    public void Cancel_all_empties_the_book_and_reports_every_order()
    {
        var e = NewEngine();
        Bid(e, "a", 45, 10);
        Bid(e, "b", 47, 1);
        Ask(e, "c", 60, 2);
        var r = e.CancelAll(9);
        Assert.Equal(3, r.MakerUpdates.Count);
        Assert.All(r.MakerUpdates, u => Assert.Equal(EngineCancelReason.MarketClosed, u.CancelReason));
        Assert.Empty(e.Levels(OutcomeSide.Yes));
        Assert.Empty(e.Levels(OutcomeSide.No));
        Assert.Equal(3, r.LevelChanges.Count);
    }

    [Fact]
    public void Orders_expire_when_due_and_expiry_must_be_in_the_future()
    {
        var e = NewEngine();
        Assert.Equal(MatchRejectReason.ExpirationInPast,
            e.Submit(new NewOrder("a", OrderSide.Bid, P(45), C(1), ExpirationTimestampMs: 10), 10).Reject);
        var soon = e.Submit(new NewOrder("a", OrderSide.Bid, P(45), C(2), ExpirationTimestampMs: 100), 10).Order!;
        var later = e.Submit(new NewOrder("a", OrderSide.Bid, P(45), C(3), ExpirationTimestampMs: 200), 10).Order!;
        Bid(e, "b", 44, 4); // no expiry

        Assert.Empty(e.ExpireDue(99).MakerUpdates);
        var r = e.ExpireDue(100);
        var expired = Assert.Single(r.MakerUpdates);
        Assert.Equal(soon.OrderId, expired.OrderId);
        Assert.Equal(EngineCancelReason.Expired, expired.CancelReason);
        Assert.Equal([new LevelChange(OutcomeSide.Yes, P(45), C(-2))], r.LevelChanges);
        Assert.True(e.TryGetOrder(later.OrderId, out _));

        e.ExpireDue(1_000);
        Assert.Equal([new BookLevel(P(44), C(4))], e.Levels(OutcomeSide.Yes));
    }

    [Fact]
    public void Best_bid_reports_top_of_each_side()
    {
        var e = NewEngine();
        Assert.Null(e.BestBid(OutcomeSide.Yes));
        Bid(e, "a", 45, 10);
        Bid(e, "a", 47, 1);
        Ask(e, "b", 60, 2);
        Assert.Equal(new BookLevel(P(47), C(1)), e.BestBid(OutcomeSide.Yes));
        Assert.Equal(new BookLevel(P(40), C(2)), e.BestBid(OutcomeSide.No));
    }
}
