using KalshiArb.Node.Audit;
using KalshiArb.Node.Soak;
using static KalshiArb.Node.Tests.Soak.SoakJournals;

namespace KalshiArb.Node.Tests.Soak;

public sealed class SoakSummarySpec
{
    private static readonly AuditSummary CleanAudit = new(2, 2, 0, []);

    private static readonly FaultOutcome[] Healed =
    [
        new(new PlannedFault(TimeSpan.FromSeconds(20), SoakFaultKind.Kill, TimeSpan.Zero, 0), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(7.5)),
        new(new PlannedFault(TimeSpan.FromSeconds(40), SoakFaultKind.WebSocketDrop, TimeSpan.Zero, 0), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(0.4)),
    ];

    private static SoakSummary Summary(VenueComparison comparison, IReadOnlyList<FaultOutcome>? faults = null, AuditSummary? audit = null) =>
        new(1, TimeSpan.FromMinutes(3), 1, 2, 1, 1, 1, SoakSummary.CountStates([Filled("a"), Denied("b"), Denied("c")]), faults ?? Healed,
            audit ?? CleanAudit, comparison);

    [Fact]
    public void A_clean_run_passes_with_the_all_clear_line()
    {
        var summary = Summary(VenueComparison.Compare([Filled("a"), Denied("b")], Venue([VenueOrderOf("a")], [VenueBookFillOf("a")], (Ticker, 10))));

        Assert.True(summary.Passed);
        Assert.Equal(0, summary.ExitCode);
        var text = summary.Render();
        Assert.EndsWith("lost 0, doubled 0, unapproved 0, late 0, positions equal" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Contains("faults 2: kill-9 1, ws-drop 1", text, StringComparison.Ordinal);
        Assert.Contains("journal ends: RiskDenied 2, Filled 1", text, StringComparison.Ordinal);
        Assert.Contains("recoveries 2 of 2; heal min 0.4 s, max 7.5 s; after a restart min 7.5 s, max 7.5 s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_order_fails_the_run_and_is_named()
    {
        var summary = Summary(VenueComparison.Compare([Filled("a")], Venue([VenueOrderOf("a"), VenueOrderOf("ghost")], [VenueBookFillOf("a")], (Ticker, 10))));

        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("lost: ghost (", summary.Render(), StringComparison.Ordinal);
        Assert.Equal("lost 1, doubled 0, unapproved 0, late 0, positions equal", summary.VerdictLine);
    }

    [Fact]
    public void A_position_difference_fails_the_run()
    {
        var summary = Summary(VenueComparison.Compare([Filled("a")], Venue([VenueOrderOf("a")], [VenueBookFillOf("a")], (Ticker, 11))));

        Assert.Equal(1, summary.ExitCode);
        Assert.EndsWith("positions DIFFER", summary.VerdictLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_that_did_not_heal_fails_the_run()
    {
        FaultOutcome[] faults = [new(new PlannedFault(TimeSpan.FromSeconds(20), SoakFaultKind.Terminate, TimeSpan.Zero, 0), TimeSpan.FromSeconds(20), null, "not healthy within 60 s")];
        var summary = Summary(VenueComparison.Compare([], Venue([], [])), faults);

        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("NOT HEALED", summary.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_violations_fail_the_run()
    {
        var summary = Summary(VenueComparison.Compare([], Venue([], [])), audit: new AuditSummary(1, 0, 1, [KeyValuePair.Create("SequenceGap", 1)]));

        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("1 with violations (SequenceGap 1)", summary.Render(), StringComparison.Ordinal);
    }
}
