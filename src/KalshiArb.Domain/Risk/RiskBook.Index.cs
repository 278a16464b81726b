using System.Collections.Immutable;

namespace KalshiArb.Domain.Risk;

// The exposure indexes: exposure per market and per game, the total, what is reserved, the orders in flight per
// market and how many markets are open, kept up to date as positions and reservations change. The gate asks for
// them on every order; summing every position and reservation each time made it slower the more it held.
public sealed partial record RiskBook
{
    private ImmutableDictionary<string, Money> _marketExposure = ImmutableDictionary<string, Money>.Empty;
    private ImmutableDictionary<string, Money> _gameExposure = ImmutableDictionary<string, Money>.Empty;
    private ImmutableDictionary<string, ImmutableHashSet<string>> _inFlight = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;
    private Money _totalExposure;
    private Money _reserved;
    private int _openMarkets;

    /// <summary>Adds the reservation, or replaces the one under its execution id.</summary>
    private RiskBook WithReservation(Reservation r)
    {
        Reservation? old = Reservations.GetValueOrDefault(r.ExecutionId);
        // A fill moving its order's reservation (same market): in-flight ids and open markets stay as they are, only the
        // exposure moves by the difference. Removing and adding it again copied every index twice on every fill.
        if (old is not null && old.Ticker == r.Ticker)
            return Exposed(r.Ticker, ExposureOf(r) - ExposureOf(old)) with
            {
                Reservations = Reservations.SetItem(r.ExecutionId, r),
                _reserved = _reserved - old.Unreleased + r.Unreleased,
            };
        var b = old is not null ? WithoutReservation(old.ExecutionId) : this;
        var wasOpen = b.IsOpen(r.Ticker);
        b = b.Exposed(r.Ticker, ExposureOf(r)) with
        {
            Reservations = b.Reservations.SetItem(r.ExecutionId, r),
            _reserved = b._reserved + r.Unreleased,
            _inFlight = b._inFlight.SetItem(r.Ticker, b._inFlight.GetValueOrDefault(r.Ticker, ImmutableHashSet<string>.Empty).Add(r.ExecutionId)),
        };
        return b.Opened(r.Ticker, wasOpen);
    }

    private RiskBook WithoutReservation(string executionId)
    {
        if (!Reservations.TryGetValue(executionId, out var r)) return this;
        var wasOpen = IsOpen(r.Ticker);
        var ids = _inFlight.GetValueOrDefault(r.Ticker, ImmutableHashSet<string>.Empty).Remove(executionId);
        var b = Exposed(r.Ticker, -ExposureOf(r)) with
        {
            Reservations = Reservations.Remove(executionId),
            _reserved = _reserved - r.Unreleased,
            _inFlight = ids.IsEmpty ? _inFlight.Remove(r.Ticker) : _inFlight.SetItem(r.Ticker, ids),
        };
        return b.Opened(r.Ticker, wasOpen);
    }

    /// <summary>Sets the market's position (null or zero contracts: none).</summary>
    private RiskBook WithPosition(string ticker, MarketPosition? position)
    {
        if (position is { Contracts.IsZero: true }) position = null;
        var wasOpen = IsOpen(ticker);
        var before = Positions.TryGetValue(ticker, out var held) ? held.CostBasis : Money.Zero;
        var b = Exposed(ticker, (position?.CostBasis ?? Money.Zero) - before) with
        {
            Positions = position is null ? Positions.Remove(ticker) : Positions.SetItem(ticker, position),
        };
        return b.Opened(ticker, wasOpen);
    }

    private RiskBook WithEmptyIndexes() => this with
    {
        _marketExposure = ImmutableDictionary<string, Money>.Empty,
        _gameExposure = ImmutableDictionary<string, Money>.Empty,
        _inFlight = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty,
        _totalExposure = Money.Zero,
        _reserved = Money.Zero,
        _openMarkets = 0,
    };

    private static Money ExposureOf(Reservation r) => r.IsReducing ? Money.Zero : r.Unreleased;

    private bool IsOpen(string ticker) => Positions.ContainsKey(ticker) || _inFlight.ContainsKey(ticker);

    private RiskBook Opened(string ticker, bool wasOpen)
    {
        var isOpen = IsOpen(ticker);
        return isOpen == wasOpen ? this : this with { _openMarkets = _openMarkets + (isOpen ? 1 : -1) };
    }

    private RiskBook Exposed(string ticker, Money change)
    {
        if (change == Money.Zero) return this;
        var game = GameKey.Of(ticker);
        return this with
        {
            _marketExposure = Adjusted(_marketExposure, ticker, change),
            _gameExposure = Adjusted(_gameExposure, game, change),
            _totalExposure = _totalExposure + change,
        };
    }

    private static ImmutableDictionary<string, Money> Adjusted(ImmutableDictionary<string, Money> sums, string key, Money change)
    {
        var next = sums.GetValueOrDefault(key) + change;
        return next == Money.Zero ? sums.Remove(key) : sums.SetItem(key, next);
    }
}
