using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Node.Live;

namespace KalshiArb.Node.Tests.Live;

public sealed class StartupReconciliationSpec : IAsyncLifetime
{
    private static readonly HashSet<string> None = [];
    private LiveSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await LiveSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task A_clean_account_passes_and_reports_the_balance()
    {
        var report = await StartupReconciliation.RunAsync(_sim.Rest, [], None, CancellationToken.None);

        Assert.True(report.Passed, report.ToText());
        Assert.Equal(Money.FromDollars(1_000), report.Balance);
        Assert.Equal(0, report.RestingOrderCount);
        Assert.Empty(report.Findings);
        Assert.StartsWith("startup reconciliation: PASSED (balance $1000.0000", report.ToText());
    }

    [Fact]
    public async Task A_foreign_resting_order_fails_the_start()
    {
        var orderId = await _sim.PlaceRestingAsync("typed-by-hand-1");
        HashSet<string> known = ["ours-1"];

        var report = await StartupReconciliation.RunAsync(_sim.Rest, ["ours-1"], known, CancellationToken.None);

        Assert.False(report.Passed, report.ToText());
        var failure = Assert.Single(report.Failures);
        Assert.Equal(ReconciliationFindingKind.ForeignRestingOrder, failure.Kind);
        Assert.Equal(orderId, failure.OrderId);
        Assert.Equal("typed-by-hand-1", failure.ClientOrderId);
        Assert.Equal(_sim.Ticker, failure.Ticker);
        Assert.Equal(1, report.RestingOrderCount);
        // the journal-open order is listed for the record, and not resting at the venue
        var open = Assert.Single(report.Findings, f => f.Kind == ReconciliationFindingKind.JournalOpenOrder);
        Assert.Equal(ReconciliationSeverity.Info, open.Severity);
        Assert.Contains("not resting at the venue", open.Detail);
        Assert.Contains("FAILED", report.ToText());
        Assert.Contains("ForeignRestingOrder", report.ToText());
    }

    [Fact]
    public async Task The_foreign_order_override_passes_with_a_warning()
    {
        await _sim.PlaceRestingAsync("typed-by-hand-2");

        var report = await StartupReconciliation.RunAsync(_sim.Rest, [], None, allowForeignOrders: true, CancellationToken.None);

        Assert.True(report.Passed, report.ToText());
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(ReconciliationFindingKind.ForeignRestingOrder, warning.Kind);
        Assert.Equal("typed-by-hand-2", warning.ClientOrderId);
        Assert.Contains("1 warnings", report.ToText());
    }

    [Fact]
    public async Task Our_resting_order_that_the_journal_finished_fails_even_with_the_override()
    {
        var orderId = await _sim.PlaceRestingAsync("exec-finished");
        HashSet<string> known = ["exec-finished"];

        var report = await StartupReconciliation.RunAsync(_sim.Rest, [], known, allowForeignOrders: true, CancellationToken.None);

        Assert.False(report.Passed, report.ToText());
        var failure = Assert.Single(report.Failures);
        Assert.Equal(ReconciliationFindingKind.FinishedOrderStillResting, failure.Kind);
        Assert.Equal(orderId, failure.OrderId);
    }

    [Fact]
    public async Task Our_journal_open_resting_orders_pass_as_information_across_pages()
    {
        // three orders with page size 2: the second page must be read too
        await _sim.PlaceRestingAsync("exec-open-1");
        await _sim.PlaceRestingAsync("exec-open-2");
        await _sim.PlaceRestingAsync("exec-open-3");
        HashSet<string> known = ["exec-open-1", "exec-open-2", "exec-open-3", "exec-done"];

        var report = await StartupReconciliation.RunAsync(_sim.Rest, ["exec-open-1", "exec-open-2", "exec-open-3"], known, CancellationToken.None);

        Assert.True(report.Passed, report.ToText());
        Assert.Equal(3, report.RestingOrderCount);
        Assert.Equal(3, report.JournalOpenCount);
        var open = report.Findings.Where(f => f.Kind == ReconciliationFindingKind.JournalOpenOrder).ToArray();
        Assert.Equal(["exec-open-1", "exec-open-2", "exec-open-3"], open.Select(f => f.ClientOrderId));
        Assert.All(open, f => Assert.Contains("resting at the venue", f.Detail));
        Assert.All(report.Findings, f => Assert.Equal(ReconciliationSeverity.Info, f.Severity));
    }

    [Fact]
    public async Task A_second_page_foreign_order_is_still_found()
    {
        await _sim.PlaceRestingAsync("exec-a");
        await _sim.PlaceRestingAsync("exec-b");
        await _sim.PlaceRestingAsync("manual-c");
        HashSet<string> known = ["exec-a", "exec-b"];

        var report = await StartupReconciliation.RunAsync(_sim.Rest, ["exec-a", "exec-b"], known, CancellationToken.None);

        Assert.False(report.Passed, report.ToText());
        Assert.Equal("manual-c", Assert.Single(report.Failures).ClientOrderId);
    }

    [Fact]
    public async Task A_venue_error_fails_with_its_error_kind()
    {
        // a key the simulator does not know: every read answers 401
        var stranger = GeneratedAccount.Create("unknown-key", Money.Zero);
        using var signer = KalshiSigner.FromPem("unknown-key", stranger.PrivateKeyPem);
        var client = _sim.ClientWith(signer);

        var report = await StartupReconciliation.RunAsync(client, ["exec-1"], new HashSet<string> { "exec-1" }, CancellationToken.None);

        Assert.False(report.Passed);
        var failures = report.Failures.ToArray();
        Assert.Equal(3, failures.Length);
        Assert.All(failures, f =>
        {
            Assert.Equal(ReconciliationFindingKind.VenueError, f.Kind);
            Assert.Equal(KalshiErrorKind.Auth, f.ErrorKind);
        });
        Assert.Null(report.Balance);
        Assert.Contains("venue state unknown", Assert.Single(report.Findings, f => f.Kind == ReconciliationFindingKind.JournalOpenOrder).Detail);
        Assert.Contains("error=Auth", report.ToText());
    }
}
