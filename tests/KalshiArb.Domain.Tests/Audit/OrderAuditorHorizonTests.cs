using KalshiArb.Domain.Audit;

namespace KalshiArb.Domain.Tests.Audit;

/// <summary>The signal-horizon rules: no venue call after SubmitByMs, re-sends only where the venue never had the order.</summary>
public sealed class OrderAuditorHorizonTests
{
    private const long SignalAt = 10_000;
    private const long SubmitBy = 12_000;
    private static readonly FeeSchedule Fees = FeeSchedule.SportsGame;
    private static readonly Price Limit = Price.Parse("0.5000");

    private static OrderCreated Timed => new("ka-1", "KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.Yes, Limit, Quantity.FromContracts(10),
        "sig-1", SignalAt, SubmitBy);

    /// <summary>A journal written before horizons existed: no signal time, no submit-by.</summary>
    private static OrderCreated Untimed => Timed with { SignalAtMs = null, SubmitByMs = null };

    private static FillApplied Fill(string id, long contracts)
    {
        var count = Quantity.FromContracts(contracts);
        return new FillApplied(id, count, Limit, Fees.FillFee(FeeRole.Taker, count, Limit), true);
    }

    /// <summary>Each event at its own time (the event's AtMs, as the node's audit reads it).</summary>
    private static List<AuditedEvent> At(params (long AtMs, OrderEvent Event)[] events) =>
        events.Select((e, i) => new AuditedEvent(i + 1, e.AtMs, e.Event)).ToList();

    private static OrderAuditReport Audit(List<AuditedEvent> t, bool requireTerminal = true) => OrderAuditor.Audit("ka-1", t, Fees, requireTerminal);

    private static IReadOnlyList<AuditViolationKind> Kinds(List<AuditedEvent> t, bool requireTerminal = true) =>
        Audit(t, requireTerminal).Violations.Select(v => v.Kind).ToList();

    [Fact]
    public void A_timed_order_submitted_and_retried_inside_its_horizon_that_then_fills_is_clean()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (SubmitBy, new SubmitRetried()),
            (12_300, new Acknowledged("X1")), (12_400, Fill("T1", 10)));
        var report = Audit(t);
        Assert.True(report.IsClean, string.Join("; ", report.Violations));
        Assert.Equal(ExecutionOrderState.Filled, report.RebuiltState!.State);
        Assert.Equal(1, report.RebuiltState.SubmitRetries);
    }

    [Fact]
    public void An_order_whose_horizon_passed_before_the_submit_expires_clean()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (12_500, new Expired(Reason: OrderExpiryReason.HorizonPassedBeforeSubmit)));
        var report = Audit(t);
        Assert.True(report.IsClean, string.Join("; ", report.Violations));
        Assert.Equal(ExecutionOrderState.Expired, report.RebuiltState!.State);
    }

    [Fact]
    public void An_order_the_venue_expired_after_filling_part_is_clean()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, new Acknowledged("X1")),
            (10_400, Fill("T1", 4)), (15_000, new Expired(Quantity.FromContracts(4), OrderExpiryReason.VenueExpired)));
        Assert.Empty(Kinds(t));
    }

    [Fact]
    public void A_submit_after_the_horizon_is_flagged_at_its_position()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (SubmitBy + 1, new SubmitRequested()), (12_100, new Acknowledged("X1")),
            (12_200, Fill("T1", 10)));
        var v = Assert.Single(Audit(t).Violations);
        Assert.Equal((AuditViolationKind.SubmitAfterHorizon, 3L), (v.Kind, v.SequenceNr));
        Assert.Contains("1 ms after submit-by 12000", v.Detail);
    }

    [Fact]
    public void A_retry_after_the_horizon_is_flagged()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (13_000, new SubmitRetried()));
        Assert.Equal([AuditViolationKind.SubmitAfterHorizon], Kinds(t, requireTerminal: false));
    }

    [Fact]
    public void Old_journals_without_a_horizon_are_not_flagged()
    {
        var t = At((SignalAt, Untimed), (10_100, new RiskApproved()), (99_000, new SubmitRequested()), (99_100, new SubmitRetried()),
            (99_200, new Acknowledged("X1")), (99_300, Fill("T1", 10)));
        Assert.Empty(Kinds(t));

        var expired = At((SignalAt, Untimed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, new Acknowledged("X1")),
            (90_000, new Expired(Quantity.Zero)));
        Assert.Empty(Kinds(expired)); // reason Unknown: the journal does not say the venue never had it
    }

    [Fact]
    public void A_retry_with_no_submit_before_it_is_flagged()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRetried()));
        Assert.Contains(AuditViolationKind.RetryWithoutSubmit, Kinds(t, requireTerminal: false));
    }

    [Fact]
    public void A_retry_after_the_venue_acknowledged_is_flagged()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, new Acknowledged("X1")),
            (10_400, new SubmitRetried()));
        var v = Assert.Single(Audit(t, requireTerminal: false).Violations);
        Assert.Equal((AuditViolationKind.RetryAfterAcknowledged, 5L), (v.Kind, v.SequenceNr));
    }

    [Fact]
    public void A_retry_after_a_fill_is_flagged_as_after_acknowledged()
    {
        // the fill outran the acknowledgement, but it proves the venue had the order all the same
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, Fill("T1", 2)),
            (10_400, new SubmitRetried()));
        Assert.Contains(AuditViolationKind.RetryAfterAcknowledged, Kinds(t, requireTerminal: false));
    }

    [Theory]
    [InlineData(OrderExpiryReason.HorizonPassedInJournal)]
    [InlineData(OrderExpiryReason.HorizonPassedNeverSeen)]
    [InlineData(OrderExpiryReason.HorizonPassedBeforeSubmit)]
    [InlineData(OrderExpiryReason.SignalTooOld)]
    public void A_horizon_expiry_of_an_order_the_venue_acknowledged_is_flagged(OrderExpiryReason reason)
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, new Acknowledged("X1")),
            (12_500, new Expired(Quantity.Zero, reason)));
        var v = Assert.Single(Audit(t).Violations);
        Assert.Equal((AuditViolationKind.HorizonExpiryAtVenue, 5L), (v.Kind, v.SequenceNr));
        Assert.Contains(reason.ToString(), v.Detail);
    }

    [Fact]
    public void A_horizon_expiry_after_a_fill_is_flagged()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()), (10_300, Fill("T1", 3)),
            (12_500, new Expired(Quantity.FromContracts(3), OrderExpiryReason.HorizonPassedNeverSeen)));
        Assert.Contains(AuditViolationKind.HorizonExpiryAtVenue, Kinds(t));
    }

    [Fact]
    public void A_horizon_expiry_after_a_submit_the_venue_never_saw_is_clean()
    {
        var t = At((SignalAt, Timed), (10_100, new RiskApproved()), (10_200, new SubmitRequested()),
            (12_500, new Expired(Quantity.Zero, OrderExpiryReason.HorizonPassedNeverSeen)));
        Assert.Empty(Kinds(t));
    }
}
