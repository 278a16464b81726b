namespace KalshiArb.Domain.Tests.Orders;

public class ExecutionOrderPropertyTests
{
    private static readonly OrderCreated Created = new("exec-p", "KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.No, Price.FromCents(45), Quantity.FromContracts(5));

    private static readonly Gen<OrderEvent> FillGen =
        from trade in Gen.Choose(0, 7)
        from hundredths in Gen.Choose(1, 250)
        from cents in Gen.Choose(40, 46) // 46 is beyond the limit: must be refused
        from feeUnits in Gen.Choose(0, 300)
        from taker in Gen.Elements(true, false)
        select (OrderEvent)new FillApplied("t" + trade, new Quantity(hundredths), Price.FromCents(cents), new Money(feeUnits), taker);

    private static readonly Gen<OrderEvent> EventGen = Gen.Frequency(
        (2, Gen.Constant<OrderEvent>(new RiskApproved())),
        (1, Gen.Constant<OrderEvent>(new RiskDenied(RiskDenialReason.OrderInFlight))),
        (2, Gen.Constant<OrderEvent>(new SubmitRequested())),
        (2, Gen.Elements<OrderEvent>(new Acknowledged("X1"), new Acknowledged("X2"))),
        (8, FillGen),
        (2, Gen.Constant<OrderEvent>(new CancelRequested())),
        (1, Gen.Choose(0, 600).Select(h => (OrderEvent)new Canceled(h > 500 ? null : new Quantity(h)))),
        (1, Gen.Choose(0, 600).Select(h => (OrderEvent)new Expired(h > 500 ? null : new Quantity(h)))),
        (1, Gen.Constant<OrderEvent>(new Rejected(OrderRejectReason.InvalidOrder))),
        (1, Gen.Elements<OrderEvent>(new Settled(OutcomeSide.No, Money.Zero), new Settled(OutcomeSide.Yes, Money.Zero), new Settled(null, Money.Parse("0.5000")))),
        (1, Gen.Constant<OrderEvent>(new MarkedNeedsAttention("reconcile failed"))),
        (1, Gen.Constant<OrderEvent>(Created)));

    // Half the sequences start already submitted so that fills and cancels are well exercised.
    private static readonly Arbitrary<OrderEvent[]> Events = Arb.From(
        from submitted in Gen.Elements(true, false)
        from tail in Gen.ArrayOf(EventGen)
        select (submitted ? new OrderEvent[] { Created, new RiskApproved(), new SubmitRequested() } : [Created]).Concat(tail).ToArray());

    [Property(MaxTest = 300)]
    public Property Invariants_hold_after_every_event() =>
        Prop.ForAll(Events, events =>
        {
            ExecutionOrder? order = null;
            foreach (var e in events)
            {
                var before = order;
                var r = ExecutionOrderMachine.Apply(order, e);
                if (!r.IsApplied)
                {
                    Assert.Same(before, r.Order); // errors never change the order
                    continue;
                }
                order = r.Order!;

                Assert.True(order.FilledCount >= Quantity.Zero && order.FilledCount <= order.Count, "filled within count");
                long sumCount = 0, sumFee = 0, notional = 0;
                var ids = new HashSet<string>();
                foreach (var f in order.Fills)
                {
                    Assert.True(ids.Add(f.TradeId), "trade ids unique");
                    Assert.True(f.Price <= order.LimitPrice, "never above limit");
                    sumCount += f.Count.Hundredths;
                    sumFee += f.Fee.Units;
                    notional += f.Price.Ticks * f.Count.Hundredths;
                }
                Assert.Equal(order.FilledCount.Hundredths, sumCount);
                Assert.Equal(order.Fees.Units, sumFee);
                Assert.Equal(order.FilledNotionalMicros, notional);
                if (order.AverageFillPrice is { } avg) Assert.True(avg <= order.LimitPrice);
                if (order.State == ExecutionOrderState.Filled) Assert.Equal(order.Count, order.FilledCount);

                if (before is not null)
                {
                    Assert.False(before.IsFinal, "final states accept nothing");
                    if (before.IsTerminal) Assert.True(order.IsTerminal, $"{before.State} → {order.State} left a terminal state");
                    Assert.True(order.FilledCount >= before.FilledCount, "filled never decreases");
                }
            }
        });

    [Property(MaxTest = 200)]
    public Property Replaying_the_same_events_gives_the_same_order() =>
        Prop.ForAll(Events, events =>
        {
            var a = ExecutionOrderMachine.Replay(events, out var errorsA);
            var b = ExecutionOrderMachine.Replay(events, out var errorsB);
            Assert.Equal(errorsA, errorsB);
            Assert.Equal(a, b);

            // Replaying only the events that applied gives the same order with no errors.
            var applied = new List<OrderEvent>();
            ExecutionOrder? order = null;
            foreach (var e in events)
            {
                var r = ExecutionOrderMachine.Apply(order, e);
                if (!r.IsApplied) continue;
                applied.Add(e);
                order = r.Order;
            }
            var c = ExecutionOrderMachine.Replay(applied, out var errorsC);
            Assert.Equal(0, errorsC);
            Assert.Equal(a, c);
        });
}
