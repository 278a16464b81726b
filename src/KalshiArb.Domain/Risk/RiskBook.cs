using System.Collections.Immutable;

namespace KalshiArb.Domain.Risk;

/// <summary>
/// The risk gate's whole state, immutable. Every method is pure and deterministic (time and trading day are
/// passed in), so the gate can journal its inputs and rebuild the same book by replaying them.
/// <para>Exposure of a market = cost basis of its position + unreleased reservations of non-reducing orders;
/// a game's exposure is that summed over its markets (<see cref="GameKey"/>), capped when the limits set one.
/// Reducing orders (opposite side, count ≤ |position|) hold balance but add no exposure or contracts, and
/// pass the daily-loss and loss-streak stops: shrinking risk is always allowed unless halted.</para>
/// </summary>
public sealed partial record RiskBook
{
    private static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(1);

    public required RiskLimits Limits { get; init; }
    public KillSwitchState KillSwitch { get; init; } = KillSwitchState.Trading;

    /// <summary>Cash: starts from the venue's balance, minus fill costs, plus netting and settlement proceeds.</summary>
    public Money Balance { get; init; }

    /// <summary>Changed only through this type (it keeps the exposure indexes beside them, see RiskBook.Index.cs).</summary>
    public ImmutableDictionary<string, MarketPosition> Positions { get; private init; } = ImmutableDictionary<string, MarketPosition>.Empty;

    /// <summary>Changed only through this type, like <see cref="Positions"/>.</summary>
    public ImmutableDictionary<string, Reservation> Reservations { get; private init; } = ImmutableDictionary<string, Reservation>.Empty;

    /// <summary>Execution ids reserved lately (see <see cref="RecentIds"/> for how many): a second reservation is a duplicate.</summary>
    public RecentIds SeenExecutionIds { get; init; } = RecentIds.Empty;

    /// <summary>Trade ids applied lately: the same fill reported twice is applied once.</summary>
    public RecentIds AppliedTradeIds { get; init; } = RecentIds.Empty;

    /// <summary>Approval times within the last minute or so (pruned on the next evaluation); counted in <see cref="RecentApprovalCount"/>.</summary>
    public ImmutableQueue<DateTimeOffset> RecentApprovals { get; private init; } = ImmutableQueue<DateTimeOffset>.Empty;

    public int RecentApprovalCount { get; private init; }

    public DateOnly TradingDay { get; init; }
    public Money RealizedToday { get; init; }
    public int LossStreak { get; init; }
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>Lifetime sums, for metrics and the conservation check: every reserved dollar is released once.</summary>
    public Money ReservedTotal { get; init; }
    public Money ReleasedTotal { get; init; }

    public static RiskBook Create(RiskLimits limits, Money balance, DateOnly tradingDay) =>
        new() { Limits = limits, Balance = balance, TradingDay = tradingDay };

    // ------------------------------------------------------------------ reads

    /// <summary>Sum of unreleased reservations (never negative).</summary>
    public Money Reserved => _reserved;

    public Money AvailableBalance => Balance - Reserved;

    /// <summary>
    /// Exposure of a market: cost basis of its position plus unreleased reservations of non-reducing orders (the one
    /// definition market, game and total exposure share). Kept in indexes as the book changes: the gate asks on every order.
    /// </summary>
    public Money ExposureIn(string ticker) => _marketExposure.GetValueOrDefault(ticker);

    /// <summary>Exposure summed over the markets of one game; <paramref name="game"/> is a <see cref="GameKey"/>.</summary>
    public Money ExposureInGame(string game) => _gameExposure.GetValueOrDefault(game);

    public Money TotalExposure => _totalExposure;

    /// <summary>Markets with a position or an order in flight.</summary>
    public int OpenMarkets => _openMarkets;

    public Quantity PositionIn(string ticker) => Positions.TryGetValue(ticker, out var p) ? p.Contracts : Quantity.Zero;

    /// <summary>An order in flight in the market (normally at most one; orders loaded at start-up may be more).</summary>
    public Reservation? InFlight(string ticker) =>
        _inFlight.TryGetValue(ticker, out var ids) && !ids.IsEmpty ? Reservations[ids.First()] : null;

    /// <summary>Execution ids still holding a reservation (what a halt must cancel).</summary>
    public IReadOnlyCollection<string> InFlightExecutionIds => Reservations.Keys.ToArray();

    // ------------------------------------------------------------------ evaluate

    /// <summary>Approves (adding the reservation) or denies with the first failing rule, in the order listed in RiskDenialReason.</summary>
    public RiskDecision Evaluate(ReservationRequest request, DateTimeOffset now, DateOnly tradingDay)
    {
        ArgumentNullException.ThrowIfNull(request);
        var book = RollDay(tradingDay);
        var denial = book.Check(request, now, out var amount, out var reducing, out var recent);
        if (denial != RiskDenialReason.None) return new RiskDecision(this, null, denial);

        var reservation = new Reservation(request.ExecutionId, request.Ticker, request.Side, request.LimitPrice,
            request.Count, amount, reducing, now);
        var next = book.WithReservation(reservation) with
        {
            SeenExecutionIds = book.SeenExecutionIds.Add(request.ExecutionId),
            RecentApprovals = recent.Queue.Enqueue(now),
            RecentApprovalCount = recent.Count + 1,
            ReservedTotal = book.ReservedTotal + amount,
        };
        return new RiskDecision(next, reservation, RiskDenialReason.None);
    }

    private RiskDenialReason Check(ReservationRequest q, DateTimeOffset now, out Money amount, out bool reducing,
        out (ImmutableQueue<DateTimeOffset> Queue, int Count) recent)
    {
        amount = Money.Zero;
        reducing = false;
        recent = (RecentApprovals, RecentApprovalCount);
        if (string.IsNullOrEmpty(q.ExecutionId) || string.IsNullOrEmpty(q.Ticker) || q.Count.Hundredths <= 0
            || q.LimitPrice.Ticks <= 0 || q.LimitPrice.Ticks >= Price.TicksPerDollar || !Enum.IsDefined(q.Side))
            return RiskDenialReason.InvalidRequest;
        if (SeenExecutionIds.Contains(q.ExecutionId)) return RiskDenialReason.DuplicateExecutionId;
        if (KillSwitch == KillSwitchState.Halted) return RiskDenialReason.Halted;

        var position = PositionIn(q.Ticker);
        reducing = (q.Side == OutcomeSide.Yes ? position.IsNegative : position.IsPositive) && q.Count <= position.Abs;
        if (KillSwitch == KillSwitchState.ReduceOnly && !reducing) return RiskDenialReason.ReduceOnly;
        if (InFlight(q.Ticker) is not null) return RiskDenialReason.OrderInFlight;
        if (!reducing)
        {
            if (CooldownUntil is { } until && now < until) return RiskDenialReason.LossStreakCooldown;
            if (RealizedToday <= -Limits.DailyLossLimit) return RiskDenialReason.DailyLossLimit;
        }

        while (!recent.Queue.IsEmpty && recent.Queue.Peek() <= now - ThrottleWindow) recent = (recent.Queue.Dequeue(), recent.Count - 1);
        if (recent.Count >= Limits.MaxOrdersPerMinute) return RiskDenialReason.OrdersPerMinute;

        amount = Money.Notional(q.LimitPrice, q.Count) + Limits.WorstCaseFees.TakerFee(q.Count, q.LimitPrice)
                 + Limits.FeeRoundingMargin;
        if (!reducing)
        {
            if (position.Abs + q.Count > Limits.MaxContractsPerMarket) return RiskDenialReason.MaxContractsPerMarket;
            if (ExposureIn(q.Ticker) + amount > Limits.MaxExposurePerMarket) return RiskDenialReason.MaxExposurePerMarket;
            if (Limits.MaxExposurePerGame is { } gameCap && ExposureInGame(GameKey.Of(q.Ticker)) + amount > gameCap)
                return RiskDenialReason.MaxExposurePerGame;
            if (TotalExposure + amount > Limits.MaxTotalExposure) return RiskDenialReason.MaxTotalExposure;
            if (!Positions.ContainsKey(q.Ticker) && OpenMarkets + 1 > Limits.MaxOpenMarkets) return RiskDenialReason.MaxOpenMarkets;
        }
        if (amount > AvailableBalance) return RiskDenialReason.InsufficientBalance;
        return RiskDenialReason.None;
    }

    // ------------------------------------------------------------------ fills, terminal states, settlement

    /// <summary>
    /// Applies a fill: position and cost basis (netting against the opposite side realizes P&amp;L), cash, and
    /// the order's reservation. The reservation releases its proportional share, or the fill's actual cost
    /// when that is larger, capped by what is left — so a fill never raises exposure above what was reserved.
    /// A fill without a reservation (an order loaded at startup) still moves the position.
    /// </summary>
    public RiskUpdate ApplyFill(RiskFill fill, DateOnly tradingDay)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (string.IsNullOrEmpty(fill.TradeId) || string.IsNullOrEmpty(fill.Ticker) || fill.Count.Hundredths <= 0
            || fill.Price.Ticks < 0 || fill.Price.Ticks > Price.TicksPerDollar || fill.Fee.IsNegative)
            return Unchanged(RiskUpdateError.InvalidFill);
        if (AppliedTradeIds.Contains(fill.TradeId)) return Unchanged(RiskUpdateError.DuplicateTradeId);

        var book = RollDay(tradingDay);
        var cost = Money.Notional(fill.Price, fill.Count) + fill.Fee;

        var released = Money.Zero;
        if (fill.ExecutionId is not null && book.Reservations.TryGetValue(fill.ExecutionId, out var res))
        {
            if (res.Ticker != fill.Ticker || res.Side != fill.Side) return Unchanged(RiskUpdateError.ReservationMismatch);
            var filledAfter = Quantity.Min(res.Count, res.FilledCount + fill.Count);
            var share = Share(res.Amount, filledAfter, res.Count) - Share(res.Amount, res.FilledCount, res.Count);
            released = Money.Min(res.Unreleased, Money.Max(share, cost));
            book = book.WithReservation(res with { FilledCount = filledAfter, Released = res.Released + released });
        }

        var (position, realized, proceeds) = Netted(book.Positions.GetValueOrDefault(fill.Ticker), fill, cost);
        return new RiskUpdate(book.WithPosition(fill.Ticker, position) with
        {
            Balance = book.Balance - cost + proceeds,
            RealizedToday = book.RealizedToday + realized,
            AppliedTradeIds = book.AppliedTradeIds.Add(fill.TradeId),
            ReleasedTotal = book.ReleasedTotal + released,
        }, RiskUpdateError.None, released, realized);
    }

    /// <summary>
    /// Buying the side already held adds to the position; buying the opposite side nets pairs into $1 each
    /// (Kalshi holds net positions), realizing P&amp;L on the closed part; any excess opens the other side.
    /// </summary>
    private static (MarketPosition? Position, Money Realized, Money Proceeds) Netted(MarketPosition? held, RiskFill fill, Money cost)
    {
        var signed = fill.Side == OutcomeSide.Yes ? fill.Count : -fill.Count;
        if (held is null || held.Contracts.IsZero || held.Contracts.IsPositive == signed.IsPositive)
        {
            var contracts = (held?.Contracts ?? Quantity.Zero) + signed;
            var basis = (held?.CostBasis ?? Money.Zero) + cost;
            return (new MarketPosition(fill.Ticker, contracts, basis), Money.Zero, Money.Zero);
        }

        var closing = Quantity.Min(fill.Count, held.Contracts.Abs);
        var basisClosed = closing == held.Contracts.Abs ? held.CostBasis : Share(held.CostBasis, closing, held.Contracts.Abs);
        var costClosing = Share(cost, closing, fill.Count);
        var proceeds = new Money(checked(closing.Hundredths * Money.UnitsPerCent)); // $1 per netted pair
        var realized = proceeds - basisClosed - costClosing;
        var after = held.Contracts + signed;
        var afterBasis = held.CostBasis - basisClosed + (cost - costClosing);
        return (after.IsZero ? null : new MarketPosition(fill.Ticker, after, afterBasis), realized, proceeds);
    }

    /// <summary>The order is terminal (filled, canceled, expired, rejected): whatever is left of its reservation is released.</summary>
    public RiskUpdate ApplyOrderTerminal(string executionId)
    {
        if (!Reservations.TryGetValue(executionId, out var res)) return Unchanged(RiskUpdateError.UnknownReservation);
        var released = res.Unreleased;
        return new RiskUpdate(WithoutReservation(executionId) with { ReleasedTotal = ReleasedTotal + released },
            RiskUpdateError.None, released, Money.Zero);
    }

    /// <summary>
    /// The market settled at <paramref name="yesValue"/> per YES contract ($1 if YES won, $0 if NO won, a fair
    /// price for a scalar settlement); NO contracts get 1 − yesValue. Realizes P&amp;L, credits cash, and feeds
    /// the loss streak: a losing settlement counts, a non-losing one resets it; reaching the limit starts the
    /// cooldown and restarts the count.
    /// </summary>
    public RiskUpdate ApplySettlement(string ticker, Price yesValue, DateTimeOffset now, DateOnly tradingDay)
    {
        if (!yesValue.IsValid) return Unchanged(RiskUpdateError.InvalidSettlement);
        if (!Positions.TryGetValue(ticker, out var held) || held.Contracts.IsZero) return Unchanged(RiskUpdateError.NoPosition);

        var book = RollDay(tradingDay);
        var value = held.Contracts.IsPositive ? yesValue : yesValue.Complement;
        // Floor: never count on more cash than the exchange pays.
        var payout = new Money((long)value.Ticks * held.Contracts.Abs.Hundredths / 100);
        var realized = payout - held.CostBasis;
        var streak = realized.IsNegative ? book.LossStreak + 1 : 0;
        var cooldown = book.CooldownUntil;
        if (streak >= book.Limits.LossStreakLimit && book.Limits.LossStreakLimit > 0)
        {
            cooldown = now + book.Limits.LossStreakCooldown;
            streak = 0;
        }
        return new RiskUpdate(book.WithPosition(ticker, null) with
        {
            Balance = book.Balance + payout,
            RealizedToday = book.RealizedToday + realized,
            LossStreak = streak,
            CooldownUntil = cooldown,
        }, RiskUpdateError.None, Money.Zero, realized);
    }

    // ------------------------------------------------------------------ kill switch and startup

    public RiskBook Halt() => this with { KillSwitch = KillSwitchState.Halted };

    public RiskBook EnterReduceOnly() => this with { KillSwitch = KillSwitchState.ReduceOnly };

    /// <summary>The only way back to Trading.</summary>
    public RiskBook Resume() => this with { KillSwitch = KillSwitchState.Trading };

    /// <summary>Startup: the venue's balance.</summary>
    public RiskBook WithBalance(Money balance) => this with { Balance = balance };

    /// <summary>Startup: a position loaded from the venue (zero contracts removes it).</summary>
    public RiskBook WithPosition(string ticker, Quantity contracts, Money costBasis) =>
        WithPosition(ticker, contracts.IsZero ? null : new MarketPosition(ticker, contracts, costBasis));

    /// <summary>
    /// Replays an approval already decided (journaled, or an order resting at the venue at start-up) without running
    /// the rules again: limits may have changed since, and a journaled approval stays an approval.
    /// <paramref name="countsAsApproval"/>: it counts toward the orders-per-minute throttle.
    /// </summary>
    public RiskBook WithApprovedReservation(Reservation r, DateOnly tradingDay, bool countsAsApproval)
    {
        var b = RollDay(tradingDay);
        if (b.Reservations.ContainsKey(r.ExecutionId)) return b;
        return b.WithReservation(r) with
        {
            SeenExecutionIds = b.SeenExecutionIds.Add(r.ExecutionId),
            RecentApprovals = countsAsApproval ? b.RecentApprovals.Enqueue(r.ApprovedAt) : b.RecentApprovals,
            RecentApprovalCount = countsAsApproval ? b.RecentApprovalCount + 1 : b.RecentApprovalCount,
            ReservedTotal = b.ReservedTotal + r.Amount,
        };
    }

    /// <summary>A book as it was saved (a snapshot): its indexes are rebuilt from the positions and reservations.</summary>
    public static RiskBook Restore(RiskBook fields, IEnumerable<MarketPosition> positions, IEnumerable<Reservation> reservations,
        IEnumerable<DateTimeOffset> recentApprovals)
    {
        var book = fields with
        {
            Positions = ImmutableDictionary<string, MarketPosition>.Empty,
            Reservations = ImmutableDictionary<string, Reservation>.Empty,
            RecentApprovals = ImmutableQueue.CreateRange(recentApprovals),
        };
        book = book.WithEmptyIndexes() with { RecentApprovalCount = book.RecentApprovals.Count() };
        foreach (var p in positions) book = book.WithPosition(p.Ticker, p);
        foreach (var r in reservations) book = book.WithReservation(r);
        return book;
    }

    // ------------------------------------------------------------------ helpers

    private RiskBook RollDay(DateOnly tradingDay) =>
        tradingDay > TradingDay ? this with { TradingDay = tradingDay, RealizedToday = Money.Zero } : this;

    private RiskUpdate Unchanged(RiskUpdateError error) => new(this, error, Money.Zero, Money.Zero);

    /// <summary>floor(amount × part / whole), exact in 128 bits.</summary>
    private static Money Share(Money amount, Quantity part, Quantity whole) =>
        whole.Hundredths == 0 ? Money.Zero : new Money((long)((Int128)amount.Units * part.Hundredths / whole.Hundredths));
}
