namespace KalshiArb.Domain.Tests.Book;

public class OrderBookProperties
{
    /// <summary>A raw step: side, cent price and a signed change the test makes valid against its model.</summary>
    public readonly record struct Step(bool Yes, int Cents, int Delta);

    private static readonly Gen<Step> StepGen =
        from yes in Gen.Elements(true, false)
        from cents in Gen.Choose(1, 99)
        from delta in Gen.Choose(-500, 500)
        select new Step(yes, cents, delta);

    private static readonly Gen<(int Cents, int Size)[]> LevelsGen =
        Gen.Choose(1, 99).SelectMany(c => Gen.Choose(1, 1000).Select(s => (c, s)))
            .ArrayOf()
            .Select(a => a.DistinctBy(x => x.Item1).ToArray());

    private static BookLevel[] Levels((int Cents, int Size)[] raw) =>
        raw.Select(x => new BookLevel(Price.FromCents(x.Cents), new Quantity(x.Size))).ToArray();

    private static BookLevel[] Levels(Dictionary<int, long> model) =>
        model.Where(kv => kv.Value > 0).Select(kv => new BookLevel(Price.FromCents(kv.Key), new Quantity(kv.Value))).ToArray();

    private static List<BookLevel> Depth(BookDepth d)
    {
        var list = new List<BookLevel>();
        foreach (var l in d) list.Add(l);
        return list;
    }

    private static bool SameLevels(OrderBook a, OrderBook b) =>
        Depth(a.BidDepth(OutcomeSide.Yes)).SequenceEqual(Depth(b.BidDepth(OutcomeSide.Yes)))
        && Depth(a.BidDepth(OutcomeSide.No)).SequenceEqual(Depth(b.BidDepth(OutcomeSide.No)));

    [Property(MaxTest = 200)]
    public Property Snapshot_plus_valid_deltas_equals_book_from_final_levels() =>
        Prop.ForAll(LevelsGen.ToArbitrary(), LevelsGen.ToArbitrary(), StepGen.ArrayOf().ToArbitrary(), (yes0, no0, steps) =>
        {
            var book = new OrderBook(PriceGrid.Cents);
            if (book.ApplySnapshot(10, Levels(yes0), Levels(no0)) != BookUpdateResult.Applied) return false;
            var yes = yes0.ToDictionary(x => x.Cents, x => (long)x.Size);
            var no = no0.ToDictionary(x => x.Cents, x => (long)x.Size);
            long seq = 10;
            foreach (var s in steps)
            {
                var model = s.Yes ? yes : no;
                var current = model.GetValueOrDefault(s.Cents);
                var delta = Math.Max(s.Delta, -current); // valid by construction: never below zero
                if (book.ApplyDelta(++seq, s.Yes ? OutcomeSide.Yes : OutcomeSide.No, Price.FromCents(s.Cents), new Quantity(delta))
                    != BookUpdateResult.Applied) return false;
                model[s.Cents] = current + delta;
            }
            var rebuilt = new OrderBook(PriceGrid.Cents);
            rebuilt.ApplySnapshot(1, Levels(yes), Levels(no));
            var noEmptyLevels = Depth(book.BidDepth(OutcomeSide.Yes)).Concat(Depth(book.BidDepth(OutcomeSide.No)))
                .All(l => l.Size.Hundredths > 0);
            var countsMatch = book.YesBids.Count == yes.Count(kv => kv.Value > 0) && book.NoBids.Count == no.Count(kv => kv.Value > 0);
            return book.IsWhole && book.Seq == seq && SameLevels(book, rebuilt) && noEmptyLevels && countsMatch;
        });

    [Property(MaxTest = 200)]
    public Property Overdrawing_delta_is_refused_and_leaves_levels_unchanged() =>
        Prop.ForAll(LevelsGen.ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (yes0, cents, extra) =>
        {
            var book = new OrderBook();
            book.ApplySnapshot(1, Levels(yes0), []);
            var before = Depth(book.BidDepth(OutcomeSide.Yes));
            var size = book.YesBids.SizeAt(Price.FromCents(cents)).Hundredths;
            var r = book.ApplyDelta(2, OutcomeSide.Yes, Price.FromCents(cents), new Quantity(-(size + extra)));
            return r == BookUpdateResult.NegativeLevel && !book.IsWhole
                   && Depth(book.BidDepth(OutcomeSide.Yes)).SequenceEqual(before);
        });

    [Property(MaxTest = 200)]
    public Property Derived_asks_mirror_the_other_sides_bids() =>
        Prop.ForAll(LevelsGen.ToArbitrary(), LevelsGen.ToArbitrary(), (yes0, no0) =>
        {
            var book = new OrderBook();
            book.ApplySnapshot(1, Levels(yes0), Levels(no0));
            var yesAsks = Depth(book.AskDepth(OutcomeSide.Yes));
            var noBids = Depth(book.BidDepth(OutcomeSide.No));
            var mirrored = yesAsks.Zip(noBids).All(p => p.First.Price == p.Second.Price.Complement && p.First.Size == p.Second.Size)
                           && yesAsks.Count == noBids.Count;
            var askAscending = yesAsks.Zip(yesAsks.Skip(1)).All(p => p.First.Price < p.Second.Price);
            var bestOk = book.BestYesAsk == (noBids.Count == 0 ? null : new BookLevel(noBids[0].Price.Complement, noBids[0].Size))
                         && book.BestNoAsk == (yes0.Length == 0 ? null : new BookLevel(book.BestYesBid!.Value.Price.Complement, book.BestYesBid.Value.Size));
            return mirrored && askAscending && bestOk;
        });

    /// <summary>The quoted fee covers the exact fee of the walked fills, and over-charges by less than the roundings allow.</summary>
    private static bool FeeWithinRounding(OrderBook book, TakeQuote q)
    {
        Int128 exact = 0;
        var left = q.Filled.Hundredths;
        foreach (var level in book.AskDepth(q.Side))
        {
            if (left == 0) break;
            var take = Math.Min(left, level.Size.Hundredths);
            exact += FeeSchedule.SportsGame.Raw(FeeRole.Taker, new Quantity(take), level.Price);
            left -= take;
        }
        var charged = (Int128)q.TakerFee.Units * 100_000_000_000_000L; // $0.0001 → 1e-18 $
        var slack = (Int128)(q.LevelsWalked + 100) * 100_000_000_000_000L;
        return charged >= exact && charged - exact < slack;
    }

    [Property(MaxTest = 300)]
    public Property Take_quote_respects_limit_and_liquidity() =>
        Prop.ForAll(LevelsGen.ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), Gen.Choose(1, 5000).ToArbitrary(), (no0, limitCents, want) =>
        {
            var book = new OrderBook();
            book.ApplySnapshot(1, [], Levels(no0));
            var limit = Price.FromCents(limitCents);
            var q = book.QuoteBuy(OutcomeSide.Yes, new Quantity(want), limit, FeeSchedule.SportsGame);
            var liquidity = book.LiquidityToBuy(OutcomeSide.Yes, limit);
            var filledOk = q.Filled == Quantity.Min(new Quantity(want), liquidity);
            if (q.IsEmpty) return filledOk && q.TotalCost == Money.Zero && q.LevelsWalked == 0;
            var best = book.BestYesAsk!.Value.Price;
            var exactAvgOk = q.Notional.Units * 100 >= (long)best.Ticks * q.Filled.Hundredths
                             && q.Notional.Units * 100 <= (long)limit.Ticks * q.Filled.Hundredths;
            return filledOk && exactAvgOk
                   && q.WorstPrice <= limit && q.AveragePrice >= best && q.AveragePrice <= limit && q.AveragePrice <= q.WorstPrice
                   && FeeWithinRounding(book, q) && q.TakerFee.Units % Money.UnitsPerCent == 0;
        });
}
