using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Web;

/// <summary>
/// The web status page of a node trading against the embedded simulator, opened in headless Chromium the way a
/// person opens it (no token): what it shows once its script has read /admin/dashboard. Then the same run's journal
/// as the audit HTML report. Screenshots: tests/KalshiArb.Node.Tests/TestResults/screenshots/.
/// </summary>
public sealed class WebStatusPageSpec(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] PageHeadings =
        ["P&amp;L", "Cluster", "Feed and odds", "Risk gate", "Denials", "Markets", "Signals and skips", "Open orders", "Fills", "Positions"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ka-web-page-").FullName;

    [Fact]
    public async Task A_simulated_run_is_readable_on_the_status_page_and_in_the_audit_report()
    {
        HeadlessChromium.Executable();
        var settings = new NodeSettings { DataDirectory = Path.Combine(_dir, "data"), LogDirectory = Path.Combine(_dir, "logs") };
        var logger = NodeHostFactory.CreateLogger(settings);
        {
            await using var node = await TradingNode.StartAsync(settings, logger, (c, ct) => ExchangeConnection.EmbeddedAsync(settings, c, ct),
                CancellationToken.None);
            var config = node.Config;
            var targets = AdminTargets.From(node, config.Limits);
            await using var endpoint = await AdminEndpoint.StartAsync(targets,
                new AdminEndpointOptions { DataDirectory = settings.DataDirectory }, CancellationToken.None);

            var doc = await DashboardWithFillsAsync(targets);
            var dom = await HeadlessChromium.DumpDomAsync(endpoint.BaseAddress.ToString());

            // The script ran and rendered a dashboard; no "cannot read the node" banner.
            Assert.Matches("<body[^>]*data-rendered=\"", dom);
            Assert.Matches("id=\"error-banner\"[^>]*hidden", dom);
            foreach (var heading in PageHeadings) Assert.Contains($"<h2>{heading}</h2>", dom);
            Assert.Contains(">TRADING</span>", dom);

            // A market row with its book top (price × size) and fair value as wire text (they move between reads: shapes, not values).
            var market = doc.Markets!.Lines.First(m => m.FairYes is not null && m.YesAsk is not null);
            Assert.Matches($"<tr><td>{Regex.Escape(market.Ticker)}</td><td>open</td>" +
                           @"<td class=""num"">(0\.\d{4} × \d+\.\d{2}|–)</td><td class=""num"">(0\.\d{4} × \d+\.\d{2}|–)</td>" +
                           @"<td class=""num"">(0\.\d{4} × \d+\.\d{2}|–)</td><td class=""num"">(0\.\d{4} × \d+\.\d{2}|–)</td><td class=""num"">0\.\d{4}</td>", dom);
            // Fills: one of the node's fills, its price and fee as wire text.
            var fill = doc.RecentFills!.Lines[0];
            Assert.Matches($"<td>{Regex.Escape(fill.Ticker)}</td><td>{fill.Side.ToString().ToLowerInvariant()}</td><td class=\"num\">{Regex.Escape(fill.Count)}</td>" +
                           $"<td class=\"num\">{Regex.Escape(fill.Price)}</td><td class=\"num\">{Regex.Escape(fill.Fee)}</td>", dom);
            // Signals, positions, the risk gate's figures and its limits with what is used of them.
            Assert.Matches("(?s)<table id=\"signals\">.*<td>(placed|repeated|admitted)</td>", dom);
            Assert.Matches(@"<span class=""label"">balance</span><b>\d+\.\d{4}</b>", dom);
            Assert.Contains($"<td>total exposure</td>", dom);
            Assert.Contains($">{config.Limits.MaxTotalExposure.ToWire()}</td>", dom);
            Assert.Matches($"(?s)<table id=\"positions\">.*<td>{Regex.Escape(doc.Status.Risk!.Positions[0].Ticker)}</td>", dom);
            // P&L: the chart when the node reports P&L; until then the page says the node does not report it.
            if (doc.Status.Pnl is null) Assert.Contains("not reported by the node", dom);
            else Assert.Matches("<svg[^>]*class=\"pnl-chart\"", dom);

            output.WriteLine($"dashboard: {doc.Markets.Lines.Count} markets, {doc.RecentSignals!.Lines.Count} signals, {doc.RecentFills.Lines.Count} fills");
            await HeadlessChromium.ScreenshotAsync(endpoint.BaseAddress.ToString(), "status-page", output);
            await HeadlessChromium.ScreenshotAsync(endpoint.BaseAddress.ToString(), "status-page-full", output, height: 3000);
            await node.StopAsync();
        }
        (logger as IDisposable)?.Dispose();

        await AuditReportOfThisRunAsync(settings);
    }

    /// <summary>Bounded: the simulator's mispriced markets fill within a minute of the start (SimTradingNodeSpec).</summary>
    private static async Task<AdminDashboardDocument> DashboardWithFillsAsync(AdminTargets targets)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        AdminDashboardDocument? doc = null;
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (DateTime.UtcNow < deadline && await every.WaitForNextTickAsync())
        {
            doc = await AdminDashboardQuery.QueryAsync(targets, TimeSpan.FromSeconds(5), CancellationToken.None);
            if (doc.RecentFills?.Lines.Count > 0 && doc.Markets?.Lines.Count > 0 && doc.RecentSignals?.Lines.Count > 0
                && doc.Status.Risk?.Positions.Count > 0) return doc;
        }
        Assert.Fail("no fill, market, signal or position on the dashboard within 90 s: " +
                    System.Text.Json.JsonSerializer.Serialize(doc, AdminJson.Options));
        return null!;
    }

    private async Task AuditReportOfThisRunAsync(NodeSettings settings)
    {
        var path = Path.Combine(HeadlessChromium.ScreenshotFolder(), "audit-report-sim-run.html");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var rc = await KalshiArb.Node.Cli.AuditCommand.RunAsync(new KalshiArb.Node.Audit.AuditOptions
        {
            Settings = settings, RequireTerminal = false, HtmlReportFile = path,
        }, stdout, stderr, CancellationToken.None);
        Assert.True(rc == 0, stdout + "\n" + stderr);
        output.WriteLine("audit report: " + path);

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(path).AbsoluteUri);
        foreach (var heading in new[] { "P&amp;L over time", "Invariants", "Denials by reason", "Orders that did not trade, by reason", "Order timelines" })
            Assert.Contains($"<h2>{heading}</h2>", dom);
        Assert.Matches("<td>Overfill</td><td class=\"num ok\">0</td>", dom);
        Assert.Matches("<td>OrderCreated</td>", dom);
        Assert.Matches("<td>FillApplied</td>", dom);
        Assert.DoesNotContain("id=\"script-error\"", dom);
        await HeadlessChromium.ScreenshotAsync(new Uri(path).AbsoluteUri, "audit-report-sim-run", output, height: 2000);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a log file still closing only leaves a temp folder behind
        }
    }
}
