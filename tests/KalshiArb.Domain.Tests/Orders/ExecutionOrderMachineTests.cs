namespace KalshiArb.Domain.Tests.Orders;

public class ExecutionOrderMachineTests
{
    private static readonly OrderCreated Created = new("exec-1", "KXNBAGAME-26FEB07HOUOKC-OKC", OutcomeSide.Yes, Price.FromCents(60), Quantity.FromContracts(10));

    private static FillApplied Fill(string id, long contracts, int cents, string fee = "0.0100", bool taker = true) =>
        new(id, Quantity.FromContracts(contracts), Price.FromCents(cents), Money.Parse(fee), taker);

    private static ExecutionOrder Run(params OrderEvent[] events)
    {
        ExecutionOrder? order = null;
        foreach (var e in events)
        {
            var r = ExecutionOrderMachine.Apply(order, e);
            Assert.True(r.IsApplied, $"{e} → {r.Error}");
            order = r.Order;
        }
        return order!;
    }

    private static ExecutionOrder Resting() => Run(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"));

    [Fact]
    public void Happy_path_to_filled_and_settled_with_pnl()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"),
            Fill("t1", 4, 58, "0.0700"), Fill("t2", 6, 60, "0.1100"));
        Assert.Equal(ExecutionOrderState.Filled, o.State);
        Assert.Equal("X1", o.ExchangeOrderId);
        Assert.Equal(Quantity.FromContracts(10), o.FilledCount);
        Assert.Equal(Money.Parse("0.1800"), o.Fees);
        Assert.Equal(Money.Parse("5.9200"), o.FilledCost); // 4×0.58 + 6×0.60
        Assert.Equal(new Price(5_920), o.AverageFillPrice);

        var s = ExecutionOrderMachine.Apply(o, new Settled(OutcomeSide.Yes, Money.FromDollars(10)));
        Assert.True(s.IsApplied);
        Assert.Equal(ExecutionOrderState.Settled, s.Order!.State);
        Assert.Equal(Money.Parse("3.9000"), s.Order.RealizedPnl); // 10 − 5.92 − 0.18
    }

    [Fact]
    public void Losing_settlement_loses_cost_and_cent_rounded_fees()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 1, 50, "0.0175"), new CancelRequested(), new Canceled());
        var s = ExecutionOrderMachine.Apply(o, new Settled(OutcomeSide.No, Money.Zero));
        Assert.Equal(Money.Parse("-0.5200"), s.Order!.RealizedPnl); // 0 − 0.50 − ceil-cent(0.0175)
    }

    [Fact]
    public void Settlement_payout_must_match_the_result()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 2, 50), new Canceled());
        Assert.Equal(TransitionError.SettlementPayoutMismatch, ExecutionOrderMachine.Apply(o, new Settled(OutcomeSide.Yes, Money.FromDollars(1))).Error);
        Assert.Equal(TransitionError.SettlementPayoutMismatch, ExecutionOrderMachine.Apply(o, new Settled(OutcomeSide.No, Money.FromDollars(1))).Error);
        Assert.Equal(TransitionError.SettlementPayoutMismatch, ExecutionOrderMachine.Apply(o, new Settled(null, Money.FromDollars(3))).Error);
        var scalar = ExecutionOrderMachine.Apply(o, new Settled(null, Money.Parse("1.1000")));
        Assert.True(scalar.IsApplied);
        Assert.Equal(Money.Parse("0.0900"), scalar.Order!.RealizedPnl); // 1.10 − 1.00 − 0.01
    }

    [Fact]
    public void Nothing_to_settle_without_fills()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new Canceled());
        Assert.Equal(TransitionError.NothingToSettle, ExecutionOrderMachine.Apply(o, new Settled(OutcomeSide.Yes, Money.Zero)).Error);
    }

    [Fact]
    public void Duplicate_trade_id_is_flagged_and_changes_nothing()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 3, 60));
        var r = ExecutionOrderMachine.Apply(o, Fill("t1", 3, 60));
        Assert.Equal(TransitionError.DuplicateTradeId, r.Error);
        Assert.True(r.IsDuplicate);
        Assert.Same(o, r.Order);
    }

    [Fact]
    public void Overfill_and_fill_above_limit_are_refused()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 8, 60));
        Assert.Equal(TransitionError.Overfill, ExecutionOrderMachine.Apply(o, Fill("t2", 3, 60)).Error);
        Assert.Equal(TransitionError.FillBeyondLimit, ExecutionOrderMachine.Apply(o, Fill("t2", 1, 61)).Error);
        Assert.Equal(TransitionError.InvalidFill, ExecutionOrderMachine.Apply(o, Fill("t2", 0, 60)).Error);
        Assert.Equal(TransitionError.InvalidFill, ExecutionOrderMachine.Apply(o, Fill("", 1, 60)).Error);
        var full = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 10, 60));
        Assert.Equal(TransitionError.Overfill, ExecutionOrderMachine.Apply(full, Fill("t2", 1, 60)).Error);
    }

    [Fact]
    public void Fill_before_acknowledgement_applies_and_late_ack_only_records_the_id()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 2, 60));
        Assert.Equal(ExecutionOrderState.PartiallyFilled, o.State);
        var acked = ExecutionOrderMachine.Apply(o, new Acknowledged("X9"));
        Assert.Equal(ExecutionOrderState.PartiallyFilled, acked.Order!.State);
        Assert.Equal("X9", acked.Order.ExchangeOrderId);
        Assert.True(ExecutionOrderMachine.Apply(acked.Order, new Acknowledged("X9")).IsDuplicate);
        Assert.Equal(TransitionError.ConflictingExchangeOrderId, ExecutionOrderMachine.Apply(acked.Order, new Acknowledged("X8")).Error);
    }

    [Fact]
    public void Fills_after_cancel_requested_apply_and_can_complete_the_order()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"), Fill("t1", 4, 60), new CancelRequested(), Fill("t2", 2, 60));
        Assert.Equal(ExecutionOrderState.CancelRequested, o.State);
        var full = ExecutionOrderMachine.Apply(o, Fill("t3", 4, 60));
        Assert.Equal(ExecutionOrderState.Filled, full.Order!.State);
        Assert.Equal(TransitionError.DisallowedTransition, ExecutionOrderMachine.Apply(full.Order, new Canceled()).Error);
    }

    [Fact]
    public void Late_fill_after_cancel_applies_only_up_to_the_venue_filled_count()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"), new CancelRequested(),
            new Canceled(Quantity.FromContracts(3)));
        var late = ExecutionOrderMachine.Apply(o, Fill("t1", 3, 60));
        Assert.True(late.IsApplied);
        Assert.Equal(ExecutionOrderState.Canceled, late.Order!.State);
        Assert.Equal(TransitionError.FillAfterTerminal, ExecutionOrderMachine.Apply(late.Order, Fill("t2", 1, 60)).Error);

        var unknownCount = Run(Created, new RiskApproved(), new SubmitRequested(), new Canceled());
        Assert.Equal(TransitionError.FillAfterTerminal, ExecutionOrderMachine.Apply(unknownCount, Fill("t1", 1, 60)).Error);
    }

    [Fact]
    public void Venue_cannot_report_fewer_fills_than_applied()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 4, 60));
        Assert.Equal(TransitionError.VenueFillCountBelowApplied,
            ExecutionOrderMachine.Apply(o, new Canceled(Quantity.FromContracts(3))).Error);
    }

    [Fact]
    public void Risk_denied_records_the_reason_and_absorbs()
    {
        var o = Run(Created, new RiskDenied(RiskDenialReason.MaxOpenMarkets));
        Assert.Equal(ExecutionOrderState.RiskDenied, o.State);
        Assert.Equal(RiskDenialReason.MaxOpenMarkets, o.DenialReason);
        Assert.Equal(TransitionError.DisallowedTransition, ExecutionOrderMachine.Apply(o, new SubmitRequested()).Error);
        Assert.Equal(TransitionError.FillAfterTerminal, ExecutionOrderMachine.Apply(o, Fill("t1", 1, 60)).Error);
    }

    [Fact]
    public void Submit_requires_risk_approval()
    {
        var o = Run(Created);
        Assert.Equal(TransitionError.DisallowedTransition, ExecutionOrderMachine.Apply(o, new SubmitRequested()).Error);
        Assert.Equal(TransitionError.DisallowedTransition, ExecutionOrderMachine.Apply(o, Fill("t1", 1, 60)).Error);
    }

    [Fact]
    public void Rejected_with_reason_and_never_after_a_fill()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new Rejected(OrderRejectReason.InsufficientBalance));
        Assert.Equal(ExecutionOrderState.Rejected, o.State);
        Assert.Equal(OrderRejectReason.InsufficientBalance, o.RejectReason);
        var timedOut = Run(Created, new Rejected(OrderRejectReason.RiskUnavailable));
        Assert.Equal(ExecutionOrderState.Rejected, timedOut.State);
        var filled = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 1, 60));
        Assert.Equal(TransitionError.DisallowedTransition, ExecutionOrderMachine.Apply(filled, new Rejected(OrderRejectReason.Unknown)).Error);
        var cr = Run(Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 1, 60), new CancelRequested());
        Assert.Equal(TransitionError.RejectAfterFill, ExecutionOrderMachine.Apply(cr, new Rejected(OrderRejectReason.Unknown)).Error);
    }

    [Fact]
    public void Needs_attention_then_reconciled_facts_apply()
    {
        var o = Run(Created, new RiskApproved(), new SubmitRequested(), new MarkedNeedsAttention("venue unreachable"));
        Assert.Equal(ExecutionOrderState.NeedsAttention, o.State);
        Assert.Equal("venue unreachable", o.AttentionReason);
        var after = Run(Created, new RiskApproved(), new SubmitRequested(), new MarkedNeedsAttention("x"),
            new Acknowledged("X1"), Fill("t1", 2, 60), new Canceled(Quantity.FromContracts(2)));
        Assert.Equal(ExecutionOrderState.Canceled, after.State);
        Assert.Equal("X1", after.ExchangeOrderId);
    }

    [Fact]
    public void Expired_before_and_after_submission()
    {
        Assert.Equal(ExecutionOrderState.Expired, Run(Created, new Expired()).State);
        var expired = ExecutionOrderMachine.Apply(Resting(), new Expired());
        Assert.Equal(ExecutionOrderState.Expired, expired.Order!.State);
    }

    [Fact]
    public void First_event_must_be_a_valid_creation()
    {
        Assert.Equal(TransitionError.NotCreated, ExecutionOrderMachine.Apply(null, new RiskApproved()).Error);
        Assert.Equal(TransitionError.InvalidOrder, ExecutionOrderMachine.Apply(null, Created with { Count = Quantity.Zero }).Error);
        Assert.Equal(TransitionError.InvalidOrder, ExecutionOrderMachine.Apply(null, Created with { LimitPrice = Price.One }).Error);
        Assert.Equal(TransitionError.AlreadyCreated, ExecutionOrderMachine.Apply(Run(Created), Created).Error);
    }

    [Fact]
    public void Average_fill_price_rounds_to_nearest_tick_half_up()
    {
        // 1 @ 0.5801 + 1 @ 0.5800 → 0.58005 → 0.5801
        var o = Run(Created, new RiskApproved(), new SubmitRequested(),
            new FillApplied("a", Quantity.FromContracts(1), new Price(5_801), Money.Zero, true),
            new FillApplied("b", Quantity.FromContracts(1), new Price(5_800), Money.Zero, true));
        Assert.Equal(new Price(5_801), o.AverageFillPrice);
        Assert.Equal(1_160_100, o.FilledNotionalMicros);
        // 2 @ 0.5800 + 1 @ 0.5801 → 0.580033 → 0.5800
        var p = Run(Created, new RiskApproved(), new SubmitRequested(),
            new FillApplied("a", Quantity.FromContracts(2), new Price(5_800), Money.Zero, true),
            new FillApplied("b", Quantity.FromContracts(1), new Price(5_801), Money.Zero, true));
        Assert.Equal(new Price(5_800), p.AverageFillPrice);
        Assert.Null(Run(Created).AverageFillPrice);
    }

    [Fact]
    public void Replay_rebuilds_an_equal_order_and_counts_skipped_events()
    {
        OrderEvent[] events = [Created, new RiskApproved(), new SubmitRequested(), Fill("t1", 2, 60), Fill("t1", 2, 60), new Acknowledged("X1"), new CancelRequested(), new Canceled(Quantity.FromContracts(2))];
        var a = ExecutionOrderMachine.Replay(events, out var errorsA);
        var b = ExecutionOrderMachine.Replay(events, out var errorsB);
        Assert.Equal(1, errorsA);
        Assert.Equal(errorsA, errorsB);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
    }
}
