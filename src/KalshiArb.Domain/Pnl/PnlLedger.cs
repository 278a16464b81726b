using KalshiArb.Domain.Risk;

namespace KalshiArb.Domain.Pnl;

/// <summary>
/// Replays fills and settlements (in the order given) into per-market accounts that follow Kalshi's own accounting, the
/// same arithmetic as the simulator's account ledger and /portfolio/positions:
/// a fill against the held side closes pairs (one YES plus one NO is worth $1 at once), the closed part of the cost
/// basis leaves pro rata, and a settlement pays the open contracts their side's value. Fees are summed as given.
/// Pure and single-threaded; the owner serializes calls.
/// </summary>
public sealed class PnlLedger
{
    private static readonly long UnitsPerHundredth = Money.UnitsPerDollar / Quantity.UnitsPerContract;

    private readonly Dictionary<string, PnlPosition> _positions = new(StringComparer.Ordinal);
    private readonly List<PnlPoint> _history = [];
    // markets that settled before we traded them: no line of their own, but a later fill there is refused
    private readonly HashSet<string> _settledUntraded = new(StringComparer.Ordinal);
    private readonly int _historyLimit;
    private Money _realized;

    /// <param name="historyLimit">the newest points of <see cref="History"/> kept (a long-running node must not grow without bound)</param>
    public PnlLedger(int historyLimit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        _historyLimit = historyLimit;
    }

    /// <summary>Total realized after fees after each applied event, oldest first (the newest historyLimit of them).</summary>
    public IReadOnlyList<PnlPoint> History => _history;

    public Money Realized => _realized;

    public IEnumerable<PnlPosition> Positions => _positions.Values.OrderBy(p => p.Ticker, StringComparer.Ordinal);

    public PnlPosition? Position(string ticker) => _positions.GetValueOrDefault(ticker);

    /// <summary>
    /// Applies events sorted by time (stable: events at the same instant keep their order). A market's settlement seen
    /// again (every order in it journals one) is expected, not refused.
    /// </summary>
    public static PnlLedger Replay(IEnumerable<PnlEvent> events, out int refused)
    {
        var ledger = new PnlLedger();
        refused = 0;
        foreach (var e in events.OrderBy(e => e.At))
            if (ledger.Apply(e) is not (PnlError.None or PnlError.AlreadySettled)) refused++;
        return ledger;
    }

    public PnlError Apply(PnlEvent e) => e switch
    {
        PnlFill f => Apply(f),
        PnlSettlement s => Apply(s),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "unknown P&L event"),
    };

    public PnlError Apply(PnlFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (string.IsNullOrEmpty(fill.Ticker)) return PnlError.MissingTicker;
        if (!fill.Price.IsValid) return PnlError.InvalidPrice;
        if (!fill.Count.IsPositive) return PnlError.InvalidCount;
        if (fill.Fee.IsNegative) return PnlError.NegativeFee;
        var pos = _positions.GetValueOrDefault(fill.Ticker) ?? Empty(fill.Ticker, string.IsNullOrEmpty(fill.Game) ? GameKey.Of(fill.Ticker) : fill.Game);
        if (pos.Settled || _settledUntraded.Contains(fill.Ticker)) return PnlError.FillAfterSettlement;

        var before = pos.Contracts;
        var signed = fill.Side == OutcomeSide.Yes ? fill.Count : -fill.Count;
        var cost = Money.Notional(fill.Price, fill.Count);
        var cash = pos.CashFlow - cost - fill.Fee;
        var basis = pos.CostBasis;
        var realized = pos.RealizedBeforeFees;
        if (!before.IsZero && Math.Sign(before.Hundredths) != Math.Sign(signed.Hundredths))
        {
            // Kalshi nets at once: each closed pair pays $1; the closed share of the basis leaves (truncated, as Kalshi does).
            var closing = Quantity.Min(before.Abs, fill.Count);
            var removed = new Money((long)((Int128)basis.Units * closing.Hundredths / before.Abs.Hundredths));
            var redeemed = new Money(closing.Hundredths * UnitsPerHundredth);
            cash += redeemed;
            realized += redeemed - Money.Notional(fill.Price, closing) - removed;
            basis = basis - removed + Money.Notional(fill.Price, fill.Count - closing);
        }
        else
        {
            basis += cost;
        }
        Store(pos with
        {
            Contracts = before + signed, CostBasis = basis, RealizedBeforeFees = realized, Fees = pos.Fees + fill.Fee, CashFlow = cash,
        }, pos, fill.At);
        return PnlError.None;
    }

    public PnlError Apply(PnlSettlement settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        if (string.IsNullOrEmpty(settlement.Ticker)) return PnlError.MissingTicker;
        if (!settlement.YesValue.IsValid) return PnlError.InvalidPrice;
        if (!_positions.TryGetValue(settlement.Ticker, out var pos))
            return _settledUntraded.Add(settlement.Ticker) ? PnlError.None : PnlError.AlreadySettled;
        if (pos.Settled) return PnlError.AlreadySettled;

        var payout = pos.Contracts.IsZero ? Money.Zero
            : pos.Contracts.IsPositive ? Money.Notional(settlement.YesValue, pos.Contracts)
            : Money.Notional(settlement.YesValue.Complement, pos.Contracts.Abs);
        Store(pos with
        {
            Contracts = Quantity.Zero, CostBasis = Money.Zero, RealizedBeforeFees = pos.RealizedBeforeFees + payout - pos.CostBasis,
            CashFlow = pos.CashFlow + payout, Settled = true,
        }, pos, settlement.At);
        return PnlError.None;
    }

    /// <summary>One line per market, by ticker.</summary>
    public IReadOnlyList<PnlLine> Markets(IReadOnlyDictionary<string, PnlMark> marks) => PnlLines.Markets(Positions.ToList(), marks);

    /// <summary>One line per game (both markets of a game together), by game key.</summary>
    public IReadOnlyList<PnlLine> Games(IReadOnlyDictionary<string, PnlMark> marks) => PnlLines.Games(Positions.ToList(), marks);

    public PnlLine Total(IReadOnlyDictionary<string, PnlMark> marks) => PnlLines.Total(Positions.ToList(), marks);

    /// <summary>Every dollar in and out so far, fees included (what the account's cash moved by).</summary>
    public Money CashFlow => _positions.Values.Aggregate(Money.Zero, (sum, p) => sum + p.CashFlow);

    public Money Fees => _positions.Values.Aggregate(Money.Zero, (sum, p) => sum + p.Fees);

    private static PnlPosition Empty(string ticker, string game) =>
        new(ticker, game, Quantity.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Settled: false);

    private void Store(PnlPosition after, PnlPosition before, DateTimeOffset at)
    {
        _positions[after.Ticker] = after;
        _realized += after.Realized - before.Realized;
        _history.Add(new PnlPoint(at, _realized));
        // drop a tenth at a time so trimming stays amortized O(1) per event
        if (_history.Count > _historyLimit) _history.RemoveRange(0, Math.Max(_history.Count - _historyLimit, _historyLimit / 10));
    }
}
