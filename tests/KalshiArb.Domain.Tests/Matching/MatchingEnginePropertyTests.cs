namespace KalshiArb.Domain.Tests.Matching;

/// <summary>One random engine call (Kind: 0 submit, 1 cancel, 2 decrease by, 3 amend, 4 decrease to, 5 expire due); Target picks an earlier order id.</summary>
public sealed record EngineOp(
    int Kind, int Account, OrderSide Side, int Cents, long Hundredths,
    TimeInForce Tif, SelfTradePrevention Stp, bool PostOnly, int Target);

public class MatchingEnginePropertyTests
{
    private static readonly Gen<EngineOp> OpGen =
        from kind in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from account in Gen.Choose(0, 2)
        from side in Gen.Elements(OrderSide.Bid, OrderSide.Ask)
        from cents in Gen.Choose(44, 56)
        from hundredths in Gen.Choose(1, 800)
        from tif in Gen.Frequency((4, Gen.Constant(TimeInForce.GoodTillCanceled)), (1, Gen.Constant(TimeInForce.ImmediateOrCancel)), (1, Gen.Constant(TimeInForce.FillOrKill)))
        from stp in Gen.Elements(SelfTradePrevention.TakerAtCross, SelfTradePrevention.Maker)
        from postOnly in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from target in Gen.Choose(0, 1000)
        select new EngineOp(kind, account, side, cents, hundredths, tif, stp, postOnly, target);

    private static readonly Arbitrary<EngineOp[]> Ops = Arb.From(Gen.ArrayOf(OpGen));

    private static MatchResult Apply(MatchingEngine e, List<string> ids, EngineOp op, long ts)
    {
        var target = ids.Count == 0 ? "none" : ids[op.Target % ids.Count];
        var result = op.Kind switch
        {
            0 => e.Submit(new NewOrder("acct" + op.Account, op.Side, Price.FromCents(op.Cents), new Quantity(op.Hundredths),
                op.Tif, op.Stp, op.PostOnly && op.Tif == TimeInForce.GoodTillCanceled,
                ExpirationTimestampMs: op.Target % 3 == 0 ? ts + op.Target % 40 + 1 : null), ts),
            1 => e.Cancel(target, ts),
            2 => e.DecreaseBy(target, new Quantity(op.Hundredths / 2), ts),
            3 => e.Amend(target, Price.FromCents(op.Cents), new Quantity(op.Hundredths), ts),
            4 => e.DecreaseTo(target, new Quantity(op.Hundredths / 4), ts),
            _ => e.ExpireDue(ts),
        };
        if (op.Kind == 0 && result.Order is not null) ids.Add(result.Order.OrderId);
        return result;
    }

    private static MatchingEngine NewEngine() => new(PriceGrid.Cents, ExactFillFeeModel.Instance, "O", "T");

    [Property(MaxTest = 200)]
    public Property Book_is_never_crossed_and_deltas_replay_to_the_aggregated_book() =>
        Prop.ForAll(Ops, ops =>
        {
            var e = NewEngine();
            var ids = new List<string>();
            var replay = new Dictionary<(OutcomeSide, int), long>();
            long ts = 0;
            foreach (var op in ops)
            {
                var r = Apply(e, ids, op, ++ts);
                foreach (var c in r.LevelChanges)
                {
                    Assert.NotEqual(0, c.Delta.Hundredths);
                    var key = (c.Side, c.Price.Ticks);
                    var size = replay.GetValueOrDefault(key) + c.Delta.Hundredths;
                    Assert.True(size >= 0, $"level {key} went negative");
                    if (size == 0) replay.Remove(key);
                    else replay[key] = size;
                }

                var yes = e.BestBid(OutcomeSide.Yes);
                var no = e.BestBid(OutcomeSide.No);
                if (yes is not null && no is not null)
                    Assert.True(yes.Value.Price.Ticks + no.Value.Price.Ticks < Price.TicksPerDollar, "resting book crossed");

                foreach (var side in new[] { OutcomeSide.Yes, OutcomeSide.No })
                foreach (var level in e.Levels(side))
                {
                    Assert.True(level.Size.Hundredths > 0);
                    Assert.Equal(level.Size.Hundredths, replay.GetValueOrDefault((side, level.Price.Ticks)));
                }
                var engineLevels = e.Levels(OutcomeSide.Yes).Length + e.Levels(OutcomeSide.No).Length;
                Assert.Equal(engineLevels, replay.Count);
            }
        });

    [Property(MaxTest = 200)]
    public Property Counts_are_conserved_per_order_and_fills_are_consistent() =>
        Prop.ForAll(Ops, ops =>
        {
            var e = NewEngine();
            var ids = new List<string>();
            var filledByOrder = new Dictionary<string, long>();
            var tradeIds = new HashSet<string>();
            long ts = 0;
            foreach (var op in ops)
            {
                var r = Apply(e, ids, op, ++ts);
                if (!r.IsAccepted)
                {
                    Assert.Empty(r.Fills);
                    Assert.Empty(r.LevelChanges);
                    continue;
                }
                foreach (var f in r.Fills)
                {
                    Assert.True(f.Count.Hundredths > 0);
                    Assert.True(tradeIds.Add(f.TradeId));
                    Assert.NotEqual(f.MakerAccountId, f.TakerAccountId);
                    Assert.Equal(ExactFillFeeModel.Instance.FeeFor(f.YesPrice, f.Count, true), f.TakerFee);
                    Assert.Equal(ExactFillFeeModel.Instance.FeeFor(f.YesPrice, f.Count, false), f.MakerFee);
                    filledByOrder[f.MakerOrderId] = filledByOrder.GetValueOrDefault(f.MakerOrderId) + f.Count.Hundredths;
                    filledByOrder[f.TakerOrderId] = filledByOrder.GetValueOrDefault(f.TakerOrderId) + f.Count.Hundredths;
                }
                var touched = new List<EngineOrder>(r.MakerUpdates);
                if (r.Order is not null) touched.Add(r.Order);
                foreach (var o in touched)
                {
                    Assert.True(o.RemainingCount.Hundredths >= 0 && o.FilledCount.Hundredths >= 0 && o.CanceledCount.Hundredths >= 0);
                    Assert.Equal(o.InitialCount, o.FilledCount + o.RemainingCount + o.CanceledCount);
                    Assert.Equal(filledByOrder.GetValueOrDefault(o.OrderId), o.FilledCount.Hundredths);
                    Assert.Equal(o.Status == EngineOrderStatus.Resting, o.RemainingCount.IsPositive);
                    if (o.Status != EngineOrderStatus.Resting) Assert.Equal(Quantity.Zero, o.RemainingCount);
                    if (o.Status == EngineOrderStatus.Executed) Assert.True(o.FilledCount.IsPositive);
                }
            }
        });

    [Property(MaxTest = 100)]
    public Property Same_input_sequence_gives_the_same_output() =>
        Prop.ForAll(Ops, ops =>
        {
            var a = NewEngine();
            var b = NewEngine();
            var idsA = new List<string>();
            var idsB = new List<string>();
            long ts = 0;
            foreach (var op in ops)
            {
                ts += 3;
                var ra = Apply(a, idsA, op, ts);
                var rb = Apply(b, idsB, op, ts);
                Assert.Equal(ra.Reject, rb.Reject);
                Assert.Equal(ra.Order, rb.Order);
                Assert.Equal(ra.Fills, rb.Fills);
                Assert.Equal(ra.MakerUpdates, rb.MakerUpdates);
                Assert.Equal(ra.LevelChanges, rb.LevelChanges);
            }
            Assert.Equal(a.Levels(OutcomeSide.Yes), b.Levels(OutcomeSide.Yes));
            Assert.Equal(a.Levels(OutcomeSide.No), b.Levels(OutcomeSide.No));
        });
}
