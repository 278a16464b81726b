using System.Text.Json.Serialization;
using KalshiArb.Actors.Persistence;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Risk;

// The risk gate's journal. Each event records a change already decided by the domain RiskBook, with the
// inputs (trading day, time) needed to rebuild the same book on replay. Kept together: each is one line.

/// <summary>Base of every risk gate event; tagged "risk" for the read side.</summary>
public abstract record RiskJournalEvent : ITaggedEvent
{
    private static readonly string[] RiskTags = ["risk"];

    [JsonIgnore]
    public IReadOnlyCollection<string> Tags => RiskTags;
}

public sealed record ReservationRecorded(Reservation Reservation, DateOnly TradingDay) : RiskJournalEvent;

/// <summary><paramref name="ReleasesReservation"/>: the fill ended its order (v1 events read as false).</summary>
public sealed record RiskFillRecorded(RiskFill Fill, DateOnly TradingDay, bool ReleasesReservation = false) : RiskJournalEvent;

public sealed record ReservationReleased(string ExecutionId) : RiskJournalEvent;

public sealed record SettlementRecorded(string Ticker, Price YesValue, DateTimeOffset At, DateOnly TradingDay) : RiskJournalEvent;

public sealed record KillSwitchRecorded(KillSwitchState State, string Reason, DateTimeOffset At) : RiskJournalEvent;

/// <summary>Startup load: resting orders are held as reservations under their execution ids.</summary>
public sealed record VenueStateRecorded(
    Money Balance,
    IReadOnlyList<VenuePositionSeed> Positions,
    IReadOnlyList<Reservation> RestingReservations,
    DateTimeOffset At) : RiskJournalEvent;
