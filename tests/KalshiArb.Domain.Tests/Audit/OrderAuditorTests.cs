using KalshiArb.Domain.Audit;

namespace KalshiArb.Domain.Tests.Audit;

public sealed class OrderAuditorTests
{
    private static readonly FeeSchedule Fees = FeeSchedule.SportsGame;
    private static readonly Price Limit = Price.Parse("0.5000");
    private static readonly Quantity Ten = Quantity.FromContracts(10);

    private static OrderCreated Created => new("ka-1", "KXNFLGAME-26SEP20PHITEN-PHI", OutcomeSide.Yes, Limit, Ten);

    private static FillApplied Fill(string id, long contracts, string price = "0.5000", bool taker = true)
    {
        var count = Quantity.FromContracts(contracts);
        var p = Price.Parse(price);
        return new FillApplied(id, count, p, Fees.FillFee(taker ? FeeRole.Taker : FeeRole.Maker, count, p), taker);
    }

    private static List<AuditedEvent> Timeline(params OrderEvent[] events) =>
        events.Select((e, i) => new AuditedEvent(i + 1, 1_000 + i, e)).ToList();

    private static IReadOnlyList<AuditViolationKind> Kinds(List<AuditedEvent> t, bool requireTerminal = true) =>
        OrderAuditor.Audit("ka-1", t, Fees, requireTerminal).Violations.Select(v => v.Kind).ToList();

    [Fact]
    public void A_clean_fill_lifecycle_has_no_violations_and_rebuilds_the_filled_state()
    {
        var t = Timeline(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"), Fill("T1", 4), Fill("T2", 6, "0.4900", taker: false));
        var report = OrderAuditor.Audit("ka-1", t, Fees, requireTerminal: true);
        Assert.True(report.IsClean, string.Join("; ", report.Violations));
        Assert.Equal(ExecutionOrderState.Filled, report.RebuiltState!.State);
        Assert.Equal(0, report.RefusedTransitions);
    }

    [Fact]
    public void Submit_without_approval_is_flagged()
    {
        Assert.Contains(AuditViolationKind.SubmitWithoutApproval, Kinds(Timeline(Created, new SubmitRequested())));
    }

    [Fact]
    public void Submit_after_denial_is_flagged()
    {
        var kinds = Kinds(Timeline(Created, new RiskDenied(RiskDenialReason.Halted), new SubmitRequested()));
        Assert.Contains(AuditViolationKind.SubmitAfterDenial, kinds);
        Assert.Contains(AuditViolationKind.EventAfterFinal, kinds);
    }

    [Fact]
    public void A_second_submit_is_flagged()
    {
        Assert.Contains(AuditViolationKind.SubmittedTwice,
            Kinds(Timeline(Created, new RiskApproved(), new SubmitRequested(), new SubmitRequested()), requireTerminal: false));
    }

    [Fact]
    public void Fills_beyond_the_count_are_flagged()
    {
        var t = Timeline(Created, new RiskApproved(), new SubmitRequested(), Fill("T1", 8), Fill("T2", 3));
        Assert.Contains(AuditViolationKind.Overfill, Kinds(t, requireTerminal: false));
    }

    [Fact]
    public void A_fill_above_the_limit_is_flagged()
    {
        var t = Timeline(Created, new RiskApproved(), new SubmitRequested(), Fill("T1", 1, "0.5100"));
        Assert.Contains(AuditViolationKind.FillAboveLimit, Kinds(t, requireTerminal: false));
    }

    [Fact]
    public void A_duplicate_trade_id_is_flagged_and_counted_once()
    {
        var t = Timeline(Created, new RiskApproved(), new SubmitRequested(), Fill("T1", 5), Fill("T1", 5));
        var kinds = Kinds(t, requireTerminal: false);
        Assert.Contains(AuditViolationKind.DuplicateTradeId, kinds);
        Assert.DoesNotContain(AuditViolationKind.Overfill, kinds);
    }

    [Fact]
    public void Fills_after_a_cancel_are_allowed_only_up_to_the_venue_count()
    {
        var within = Timeline(Created, new RiskApproved(), new SubmitRequested(), Fill("T1", 2), new CancelRequested(),
            new Canceled(Quantity.FromContracts(5)), Fill("T2", 3));
        Assert.DoesNotContain(AuditViolationKind.FillAfterTerminal, Kinds(within));

        var beyond = Timeline(Created, new RiskApproved(), new SubmitRequested(), Fill("T1", 2), new CancelRequested(),
            new Canceled(Quantity.FromContracts(2)), Fill("T2", 1));
        Assert.Contains(AuditViolationKind.FillAfterTerminal, Kinds(beyond));
    }

    [Fact]
    public void A_fee_that_does_not_match_the_rule_is_flagged()
    {
        var wrong = new FillApplied("T1", Quantity.FromContracts(100), Limit, Money.Parse("1.0000"), IsTaker: true);
        var t = Timeline(Created with { Count = Quantity.FromContracts(100) }, new RiskApproved(), new SubmitRequested(), wrong);
        var v = OrderAuditor.Audit("ka-1", t, Fees, requireTerminal: false).Violations.Single(x => x.Kind == AuditViolationKind.FeeMismatch);
        Assert.Contains("1.7500", v.Detail); // 0.07 × 100 × 0.5 × 0.5 = $1.75
    }

    [Fact]
    public void A_fill_before_any_submit_is_flagged()
    {
        Assert.Contains(AuditViolationKind.FillWithoutSubmit, Kinds(Timeline(Created, new RiskApproved(), Fill("T1", 1)), requireTerminal: false));
    }

    [Fact]
    public void Events_before_creation_are_flagged()
    {
        Assert.Contains(AuditViolationKind.MissingCreation, Kinds(Timeline(new RiskApproved()), requireTerminal: false));
    }

    [Fact]
    public void An_order_left_working_is_flagged_only_when_terminal_is_required()
    {
        var t = Timeline(Created, new RiskApproved(), new SubmitRequested(), new Acknowledged("X1"));
        Assert.Contains(AuditViolationKind.NotTerminal, Kinds(t, requireTerminal: true));
        Assert.DoesNotContain(AuditViolationKind.NotTerminal, Kinds(t, requireTerminal: false));
        var flagged = Timeline(Created, new RiskApproved(), new SubmitRequested(), new MarkedNeedsAttention("venue unreachable"));
        Assert.DoesNotContain(AuditViolationKind.NotTerminal, Kinds(flagged, requireTerminal: true));
    }
}
