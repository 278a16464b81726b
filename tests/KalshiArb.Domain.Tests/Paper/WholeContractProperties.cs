using KalshiArb.Domain.Paper;
using KalshiArb.Domain.Tests.Detection;

namespace KalshiArb.Domain.Tests.Paper;

/// <summary>
/// On a market without fractional trading (Kalshi game markets), from sizing to paper fills nothing is a fraction of a
/// contract, even when the displayed book, the per-market cap and the public prints are fractional.
/// </summary>
public class WholeContractProperties
{
    /// <summary>Bid levels with sizes in hundredths, most of them fractional.</summary>
    private static readonly Gen<BookLevel[]> Side =
        Gen.Choose(30, 70).SelectMany(c => Gen.Choose(1, 3_000).Select(h => new BookLevel(Price.FromCents(c), new Quantity(h))))
            .ArrayOf()
            .Select(a => a.DistinctBy(l => l.Price).ToArray());

    /// <summary>Uncrossed (YES bid + NO bid &lt; $1) pair of bid sides.</summary>
    private static readonly Gen<(BookLevel[] Yes, BookLevel[] No)> Sides =
        from yes in Side
        from no in Side
        let maxNo = no.Length == 0 ? 0 : no.Max(l => l.Price.Ticks)
        select (yes.Where(l => l.Price.Ticks + maxNo < Price.TicksPerDollar).ToArray(), no);

    private static readonly Gen<(int Cents, int Hundredths, OutcomeSide Taker)> Print =
        from cents in Gen.Choose(30, 70)
        from hundredths in Gen.Choose(1, 2_500)
        from taker in Gen.Elements(OutcomeSide.Yes, OutcomeSide.No)
        select (cents, hundredths, taker);

    private static readonly Gen<Case> Cases =
        from sides in Sides
        from fairPct in Gen.Choose(5, 95)
        from capHundredths in Gen.Choose(0, 200_000)
        from tif in Gen.Elements(TimeInForce.GoodTillCanceled, TimeInForce.ImmediateOrCancel, TimeInForce.FillOrKill)
        from prints in Print.ArrayOf()
        select new Case(sides.Yes, sides.No, fairPct, capHundredths, tif, prints);

    public sealed record Case(BookLevel[] Yes, BookLevel[] No, int FairPct, int CapHundredths, TimeInForce Tif,
        (int Cents, int Hundredths, OutcomeSide Taker)[] Prints);

    [Property(MaxTest = 400)]
    public Property Sized_orders_and_paper_fills_are_whole_contracts() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var book = DetectionCases.MarketBook(c.Yes, c.No);
            var input = DetectionCases.Input(book, c.FairPct / 100.0) with { PerMarketCap = new Quantity(c.CapHundredths) };
            var model = new PaperFillModel(PriceGrid.Cents, FeeSchedule.SportsGame, fractionalTrading: false);
            model.ApplySnapshot(1, c.Yes, c.No);
            var fills = new List<PaperFill>();
            long ts = 0;

            // whatever detection sizes goes to the paper book as is
            if (EdgeDetector.Evaluate(input) is SignalDecision s)
            {
                if (!s.Size.IsWholeContracts) return false.Label($"sized {s.Size}");
                var r = model.Submit(new PaperOrderRequest(s.Side, s.LimitPrice, s.Size, c.Tif), ++ts);
                if (r.Reject != PaperRejectReason.None) return false.Label($"whole order refused: {r.Reject}");
                fills.AddRange(r.Fills);
            }
            // resting bids of ours (one per side, just below the book) meet fractional public prints
            foreach (var side in new[] { OutcomeSide.Yes, OutcomeSide.No })
                fills.AddRange(model.Submit(new PaperOrderRequest(side, Price.FromCents(30), Quantity.FromContracts(7)), ++ts).Fills);
            foreach (var p in c.Prints)
                fills.AddRange(model.ApplyTrade(Price.FromCents(p.Cents), new Quantity(p.Hundredths), p.Taker, ++ts).Fills);

            var fractionalFill = fills.FirstOrDefault(f => !f.Count.IsWholeContracts || f.Count.Hundredths <= 0);
            var position = fills.Aggregate(Quantity.Zero, (q, f) => f.Side == OutcomeSide.Yes ? q + f.Count : q - f.Count);
            var fractionalRefused = model.Submit(new PaperOrderRequest(OutcomeSide.Yes, Price.FromCents(50), new Quantity(150)), ++ts).Reject
                                    == PaperRejectReason.FractionalCount;
            return (fractionalFill is null).Label($"fill {fractionalFill?.Count}")
                .And(position.IsWholeContracts.Label($"position {position}"))
                .And(fractionalRefused.Label("1.50 accepted"));
        });

    [Property(MaxTest = 200)]
    public Property A_fractional_market_still_fills_fractions() =>
        Prop.ForAll(Side.ToArbitrary(), Gen.Choose(1, 5_000).ToArbitrary(), (no, hundredths) =>
        {
            var model = new PaperFillModel(PriceGrid.Cents, FeeSchedule.SportsGame, fractionalTrading: true);
            model.ApplySnapshot(1, [], no);
            var r = model.Submit(new PaperOrderRequest(OutcomeSide.Yes, Price.FromCents(99), new Quantity(hundredths), TimeInForce.ImmediateOrCancel), 1);
            var available = no.Sum(l => l.Size.Hundredths);
            return (r.Reject == PaperRejectReason.None && r.Order!.FilledCount.Hundredths == Math.Min(hundredths, available))
                .Label($"filled {r.Order?.FilledCount} of {hundredths} with {available} shown");
        });
}
