namespace KalshiArb.Domain.Pnl;

/// <summary>Market, game and total lines over a set of positions (a ledger's, or a copy an actor handed over).</summary>
public static class PnlLines
{
    public static IReadOnlyList<PnlLine> Markets(IReadOnlyList<PnlPosition> positions, IReadOnlyDictionary<string, PnlMark> marks) =>
        positions.OrderBy(p => p.Ticker, StringComparer.Ordinal).Select(p => Line(p.Ticker, p.Contracts, [p], marks)).ToList();

    public static IReadOnlyList<PnlLine> Games(IReadOnlyList<PnlPosition> positions, IReadOnlyDictionary<string, PnlMark> marks) =>
        positions.GroupBy(p => p.Game, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, Quantity.Zero, g.ToList(), marks)).ToList();

    public static PnlLine Total(IReadOnlyList<PnlPosition> positions, IReadOnlyDictionary<string, PnlMark> marks) =>
        Line("total", Quantity.Zero, positions, marks);

    private static PnlLine Line(string key, Quantity contracts, IReadOnlyList<PnlPosition> positions, IReadOnlyDictionary<string, PnlMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        Money basis = Money.Zero, realized = Money.Zero, fees = Money.Zero;
        Money? atMid = Money.Zero, atFair = Money.Zero;
        foreach (var p in positions)
        {
            basis += p.CostBasis;
            realized += p.Realized;
            fees += p.Fees;
            if (p.Contracts.IsZero) continue;
            // an open market without a mark leaves the whole line's figure unknown rather than silently low
            var mark = marks.GetValueOrDefault(p.Ticker);
            atMid = mark?.Mid is { } mid && atMid is { } m ? m + p.UnrealizedAt(mid) : null;
            atFair = mark?.Fair is { } fair && atFair is { } f ? f + p.UnrealizedAt(fair) : null;
        }
        return new PnlLine(key, contracts, basis, realized, fees, atMid, atFair);
    }
}
