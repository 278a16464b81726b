using KalshiArb.Domain.Paper;

namespace KalshiArb.Domain.Tests.Paper;

/// <summary>One random step (Kind: 0 submit, 1 public trade, 2 book delta, 3 cancel, 4 snapshot).</summary>
public sealed record PaperOp(int Kind, OutcomeSide Side, int Cents, long Hundredths, TimeInForce Tif, int Target);

public class PaperFillModelPropertyTests
{
    private static readonly Gen<PaperOp> OpGen =
        from kind in Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)))
        from side in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        from cents in Gen.Choose(40, 60)
        from hundredths in Gen.Choose(1, 1500)
        from tif in Gen.Frequency((3, Gen.Constant(TimeInForce.GoodTillCanceled)), (1, Gen.Constant(TimeInForce.ImmediateOrCancel)), (1, Gen.Constant(TimeInForce.FillOrKill)))
        from target in Gen.Choose(0, 1000)
        select new PaperOp(kind, side, cents, hundredths, tif, target);

    private static readonly Arbitrary<PaperOp[]> Ops = Arb.From(Gen.ArrayOf(OpGen));

    private static BookLevel[] SnapshotSide(int seed) =>
        Enumerable.Range(40, 10).Where(c => (c + seed) % 3 != 0)
            .Select(c => new BookLevel(Price.FromCents(c), new Quantity((c * 37 + seed * 11) % 900 + 100))).ToArray();

    /// <summary>Runs the ops, checking every invariant after each step; returns the first violation or null.</summary>
    private static string? Run(PaperOp[] ops)
    {
        var m = new PaperFillModel(PriceGrid.Cents, FeeSchedule.SportsGame);
        long seq = 1;
        m.ApplySnapshot(seq, SnapshotSide(1), SnapshotSide(2));
        var ids = new List<string>();
        var requests = new Dictionary<string, PaperOrderRequest>();
        var filledByFills = new Dictionary<string, long>();
        // independent bounds, not the model's own bookkeeping:
        // supply = size a bid level showed at the last snapshot plus every later increase there
        var supply = new Dictionary<(OutcomeSide, int), long>();
        var takenSinceSnapshot = new Dictionary<(OutcomeSide, int), long>();
        // per resting order: the queue still ahead by trade volume alone (a print through its price clears it),
        // and the volume that reached it; the model may fill less (level shrinkage, our other orders), never more
        var queueAtRest = new Dictionary<string, long>();
        var reachable = new Dictionary<string, long>();
        var makerFilled = new Dictionary<string, long>();
        void ResetSupply()
        {
            supply.Clear();
            takenSinceSnapshot.Clear();
            for (var i = 0; i < m.Book.YesBids.Count; i++) supply[(OutcomeSide.Yes, m.Book.YesBids.FromBest(i).Price.Ticks)] = m.Book.YesBids.FromBest(i).Size.Hundredths;
            for (var i = 0; i < m.Book.NoBids.Count; i++) supply[(OutcomeSide.No, m.Book.NoBids.FromBest(i).Price.Ticks)] = m.Book.NoBids.FromBest(i).Size.Hundredths;
        }
        ResetSupply();
        long ts = 0;
        foreach (var op in ops)
        {
            ts++;
            var price = Price.FromCents(op.Cents);
            var qty = new Quantity(op.Hundredths);
            IReadOnlyList<PaperFill> fills = [];
            Dictionary<int, long>? asksBefore = null;
            PaperOrderRequest? request = null;
            switch (op.Kind)
            {
                case 0:
                    request = new PaperOrderRequest(op.Side, price, qty, op.Tif);
                    asksBefore = [];
                    // what is still offered to us: displayed minus what earlier paper orders already took
                    foreach (var ask in m.Book.AskDepth(op.Side))
                        asksBefore[ask.Price.Ticks] = ask.Size.Hundredths - m.ConsumedAt(op.Side.Opposite(), ask.Price.Complement).Hundredths;
                    var r = m.Submit(request, ts);
                    if (!r.IsAccepted) return $"submit refused: {r.Reject}";
                    ids.Add(r.Order!.OrderId);
                    requests[r.Order.OrderId] = request;
                    if (r.Order.IsResting) queueAtRest[r.Order.OrderId] = r.Order.QueueAhead.Hundredths;
                    fills = r.Fills;
                    break;
                case 1:
                {
                    // volume that hit resting bids of the maker side, counted for every order resting before the print
                    var makerSide = op.Side.Opposite();
                    var printed = makerSide == OutcomeSide.Yes ? price : price.Complement;
                    foreach (var id in queueAtRest.Keys)
                    {
                        var req = requests[id];
                        if (req.Side != makerSide || req.Limit < printed) continue;
                        var ahead = req.Limit == printed ? queueAtRest[id] : 0;
                        var advance = Math.Min(ahead, qty.Hundredths);
                        queueAtRest[id] = ahead - advance;
                        reachable[id] = reachable.GetValueOrDefault(id) + qty.Hundredths - advance;
                    }
                    fills = m.ApplyTrade(price, qty, op.Side, ts).Fills;
                    break;
                }
                case 2:
                {
                    // a valid signed change: never below zero, so the book stays whole
                    var bidPrice = Price.FromCents(op.Cents - 10 < 40 ? op.Cents - 10 + 20 : op.Cents - 10);
                    var size = (op.Side == OutcomeSide.Yes ? m.Book.YesBids : m.Book.NoBids).SizeAt(bidPrice).Hundredths;
                    var delta = op.Target % 2 == 0 ? -Math.Min(size, op.Hundredths) : op.Hundredths;
                    if (delta == 0) break;
                    var applied = m.ApplyDelta(++seq, op.Side, bidPrice, new Quantity(delta));
                    if (applied != BookUpdateResult.Applied) return $"delta refused: {applied}";
                    if (delta > 0) supply[(op.Side, bidPrice.Ticks)] = supply.GetValueOrDefault((op.Side, bidPrice.Ticks)) + delta;
                    break;
                }
                case 3:
                    if (ids.Count > 0) m.Cancel(ids[op.Target % ids.Count], ts);
                    break;
                default:
                    m.ApplySnapshot(++seq, SnapshotSide(op.Target), SnapshotSide(op.Target + 1));
                    ResetSupply();
                    break;
            }

            var takenAt = new Dictionary<int, long>();
            foreach (var f in fills)
            {
                filledByFills[f.OrderId] = filledByFills.GetValueOrDefault(f.OrderId) + f.Count.Hundredths;
                var req = requests[f.OrderId];
                if (f.Count.Hundredths <= 0) return "empty fill";
                if (f.Price > req.Limit) return $"fill {f.Price} above limit {req.Limit}";
                if (f.Side != req.Side) return "fill on the wrong side";
                if (f.IsTaker)
                {
                    // never better than the book offered: only at displayed asks, never more than displayed there
                    if (asksBefore is null || !asksBefore.TryGetValue(f.Price.Ticks, out var shown)) return $"taker fill at {f.Price} not offered";
                    takenAt[f.Price.Ticks] = takenAt.GetValueOrDefault(f.Price.Ticks) + f.Count.Hundredths;
                    if (takenAt[f.Price.Ticks] > shown) return $"took {takenAt[f.Price.Ticks]} of {shown} at {f.Price}";
                    var level = (f.Side.Opposite(), f.Price.Complement.Ticks);
                    takenSinceSnapshot[level] = takenSinceSnapshot.GetValueOrDefault(level) + f.Count.Hundredths;
                    if (takenSinceSnapshot[level] > supply.GetValueOrDefault(level))
                        return $"took {takenSinceSnapshot[level]} at {f.Price} where only {supply.GetValueOrDefault(level)} was ever shown";
                }
                else
                {
                    if (f.Price != req.Limit) return "maker fill away from its limit";
                    makerFilled[f.OrderId] = makerFilled.GetValueOrDefault(f.OrderId) + f.Count.Hundredths;
                    // the queue ahead must trade before us, unless a print went through our price
                    var bound = reachable.GetValueOrDefault(f.OrderId);
                    if (makerFilled[f.OrderId] > bound) return $"{f.OrderId}: maker filled {makerFilled[f.OrderId]} with only {bound} traded past its queue";
                }
            }

            for (var cents = 1; cents < 100; cents++)
                foreach (var ladder in new[] { OutcomeSide.Yes, OutcomeSide.No })
                {
                    var bid = Price.FromCents(cents);
                    var shown = (ladder == OutcomeSide.Yes ? m.Book.YesBids : m.Book.NoBids).SizeAt(bid);
                    if (m.ConsumedAt(ladder, bid) > shown) return $"consumed more than displayed at {ladder} {bid}";
                }

            foreach (var id in ids)
            {
                m.TryGetOrder(id, out var o);
                if (o is null) return "lost an order";
                if (o.FilledCount.Hundredths + o.RemainingCount.Hundredths + o.CanceledCount.Hundredths != o.InitialCount.Hundredths)
                    return $"{id}: counts do not add up";
                if (o.FilledCount > o.InitialCount || o.RemainingCount.IsNegative || o.CanceledCount.IsNegative) return $"{id}: overfilled";
                if (o.FilledCount.Hundredths != filledByFills.GetValueOrDefault(id)) return $"{id}: fills and filled count differ";
                if (o.QueueAhead.IsNegative) return $"{id}: negative queue ahead";
                if (!o.IsResting && !o.QueueAhead.IsZero) return $"{id}: finished order still queued";
                if (o.TimeInForce != TimeInForce.GoodTillCanceled && o.IsResting) return $"{id}: {o.TimeInForce} left resting";
                if (o.TimeInForce == TimeInForce.FillOrKill && !o.FilledCount.IsZero && o.FilledCount != o.InitialCount) return $"{id}: partial FOK";
            }
        }
        return null;
    }

    [Property(MaxTest = 300)]
    public Property Paper_fills_never_exceed_counts_never_beat_the_book_and_queues_stay_non_negative() =>
        Prop.ForAll(Ops, ops =>
        {
            var violation = Run(ops);
            return (violation is null).Label(violation ?? "ok");
        });

    [Property(MaxTest = 50)]
    public Property Same_inputs_give_the_same_fills() =>
        Prop.ForAll(Ops, ops =>
        {
            static string Trace(PaperOp[] ops)
            {
                var m = new PaperFillModel(PriceGrid.Cents, FeeSchedule.SportsGame);
                m.ApplySnapshot(1, SnapshotSide(1), SnapshotSide(2));
                var log = new List<string>();
                long ts = 0;
                foreach (var op in ops)
                {
                    var fills = op.Kind % 2 == 0
                        ? m.Submit(new PaperOrderRequest(op.Side, Price.FromCents(op.Cents), new Quantity(op.Hundredths), op.Tif), ++ts).Fills
                        : m.ApplyTrade(Price.FromCents(op.Cents), new Quantity(op.Hundredths), op.Side, ++ts).Fills;
                    log.AddRange(fills.Select(f => f.ToString()));
                }
                return string.Join("\n", log);
            }
            return Trace(ops) == Trace(ops);
        });
}
