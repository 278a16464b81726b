using System.Text.Json;
using KalshiArb.Actors.Serialization;
using KalshiArb.Domain.Fees;
using KalshiArb.Node.Audit;
using KalshiArb.Node.Tests.Audit;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Web;

/// <summary>`audit --report FILE.html` over the audit fixture's journal with one forged overfill, opened in headless Chromium.</summary>
public sealed class AuditHtmlReportSpec(AuditJournalFixture fixture, ITestOutputHelper output) : IClassFixture<AuditJournalFixture>
{
    [Fact]
    public async Task The_report_shows_the_pnl_chart_the_broken_invariant_the_denial_and_the_order_timelines()
    {
        HeadlessChromium.Executable();
        using var journal = fixture.Copy();
        var count = Quantity.FromContracts(50);
        var price = Price.FromCents(53);
        var forged = new OrderFillAppliedEvent("forged", count, price, FeeSchedule.SportsGame.FillFee(FeeRole.Taker, count, price), true,
            AuditJournalFixture.T0 + 500);
        Assert.Equal(1, journal.Execute(
            "UPDATE event_journal SET payload = $b WHERE persistence_id = $p AND sequence_nr = " +
            "(SELECT MAX(sequence_nr) FROM event_journal WHERE persistence_id = $p AND manifest = 'order-fill-applied.v1')",
            ("$b", JsonSerializer.SerializeToUtf8Bytes(forged, KalshiArbSerializer.JsonOptions)), ("$p", AuditJournalFixture.PersistenceIdOf(fixture.GameOrder))));

        var path = Path.Combine(HeadlessChromium.ScreenshotFolder(), "audit-report-overfill.html");
        var stderr = new StringWriter();
        var options = new AuditOptions { Settings = new NodeSettings { DataDirectory = journal.Directory }, HtmlReportFile = path };
        Assert.Equal(AuditCommand.ExitViolations, await AuditCommand.RunAsync(options, new StringWriter(), stderr, CancellationToken.None));
        Assert.Contains("HTML report written to " + path, stderr.ToString());
        output.WriteLine("audit report: " + path);

        // Self-contained: nothing is fetched from anywhere.
        var html = await File.ReadAllTextAsync(path);
        Assert.DoesNotMatch("(src|href)=\"", html);

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(path).AbsoluteUri, 3000);
        Assert.DoesNotContain("id=\"script-error\"", dom);
        Assert.Contains(">VIOLATIONS</span>", dom);
        Assert.Matches("<svg[^>]*class=\"pnl-chart\"", dom);
        Assert.Matches("<polyline points=\"[^\"]+\" class=\"line realized\"", dom);
        Assert.Contains("<td>Overfill</td><td class=\"num loss\">1</td>", dom);
        Assert.Contains("<td>FeeMismatch</td><td class=\"num ok\">0</td>", dom);
        Assert.Matches("(?s)<section id=\"denials-section\">.*<td>MaxContractsPerMarket</td><td class=\"num \">1</td>", dom);
        // The order with the violation is open at the top, its forged fill in its timeline and the finding under it.
        Assert.Matches($"<details class=\"timeline\" open=\"\"><summary><b>{fixture.GameOrder}</b>", dom);
        Assert.Matches("<td>FillApplied</td><td>trade_id=forged count=50.00 price=0.5300", dom);
        Assert.Matches("<li class=\"loss\">seq \\d+: <b>Overfill</b>", dom);
        // P&L: the total realized figure is the ledger's wire text.
        var config = AkkaConfigComposer.Compose(options.Settings);
        var run = JournalAuditor.AuditAll(await OrderJournalReader.ReadAsync(config, null, CancellationToken.None), true);
        Assert.Contains($"<span class=\"label\">realized after fees</span><b>{run.Pnl.Total.Realized.ToWire()}</b>", dom);
        Assert.Contains($"<td>{AuditJournalFixture.OtherTicker}</td>", dom);

        await HeadlessChromium.ScreenshotAsync(new Uri(path).AbsoluteUri, "audit-report-overfill", output, 3000, height: 1600);
    }
}
