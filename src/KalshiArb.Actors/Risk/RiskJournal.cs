using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

/// <summary>Rebuilds a <see cref="RiskBook"/> from the gate's journal, through the domain's own methods where they exist.</summary>
public static class RiskJournal
{
    public static RiskBook Apply(RiskBook book, RiskJournalEvent e) => e switch
    {
        ReservationRecorded r => AddReservation(book, r.Reservation, r.TradingDay, countsAsApproval: true),
        RiskFillRecorded f => f.ReleasesReservation
            ? book.ApplyFill(f.Fill, f.TradingDay).Book.ApplyOrderTerminal(f.Fill.ExecutionId).Book
            : book.ApplyFill(f.Fill, f.TradingDay).Book,
        ReservationReleased x => book.ApplyOrderTerminal(x.ExecutionId).Book,
        SettlementRecorded s => book.ApplySettlement(s.Ticker, s.YesValue, s.At, s.TradingDay).Book,
        KillSwitchRecorded k => k.State switch
        {
            KillSwitchState.Halted => book.Halt(),
            KillSwitchState.ReduceOnly => book.EnterReduceOnly(),
            _ => book.Resume(),
        },
        VenueStateRecorded v => LoadVenueState(book, v),
        _ => book,
    };

    /// <summary>Replays an approval the domain already decided (RiskBook.Evaluate), without re-running the rules.</summary>
    public static RiskBook AddReservation(RiskBook book, Reservation r, DateOnly tradingDay, bool countsAsApproval) =>
        book.WithApprovedReservation(r, tradingDay, countsAsApproval);

    private static RiskBook LoadVenueState(RiskBook book, VenueStateRecorded v)
    {
        var b = book.WithBalance(v.Balance);
        foreach (var ticker in b.Positions.Keys.ToArray())
            b = b.WithPosition(ticker, Domain.Primitives.Quantity.Zero, Domain.Primitives.Money.Zero);
        foreach (var p in v.Positions)
            b = b.WithPosition(p.Ticker, p.Contracts, p.CostBasis);
        foreach (var r in v.RestingReservations)
            b = AddReservation(b, r, b.TradingDay, countsAsApproval: false);
        return b;
    }
}
