using System.Net;
using Xunit.Abstractions;

namespace KalshiArb.Node.Tests.Metrics;

/// <summary>
/// `run` against the embedded simulator, scraped over HTTP at /metrics on the admin endpoint (no token) until orders
/// reach the venue: the text parses as Prometheus exposition format and the trading figures are there and plausible.
/// </summary>
public sealed class MetricsScrapeSpec(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-metrics-").FullName;

    [Fact]
    public async Task A_running_node_serves_its_trading_metrics_in_prometheus_format()
    {
        var data = Path.Combine(_dir, "data");
        var settings = new NodeSettings { DataDirectory = data, LogDirectory = Path.Combine(_dir, "logs") };
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunAsync(settings, stop.Token, adminPort: 0);
        try
        {
            var access = await AccessAsync(data, run);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{access.Port}/"), Timeout = TimeSpan.FromSeconds(10) };

            var (text, parsed) = await ScrapeUntilAsync(http, p =>
                p.Total("kalshiarb_signal_to_venue_seconds_count") > 0 && p.Total("kalshiarb_fills_total") > 0);
            output.WriteLine(text);

            Assert.True(parsed.Total("kalshiarb_feed_events_total") > 0);
            Assert.True(parsed.Total("kalshiarb_signals_total") > 0);
            Assert.True(parsed.Total("kalshiarb_journal_write_seconds_count") > 0);
            Assert.True(parsed.Total("kalshiarb_filled_contracts_total") > 0);
            // Orders by state: transitions out of Created and into the venue's states, tagged by state name only.
            var transitions = parsed.Named("kalshiarb_order_transitions_total").ToList();
            Assert.Contains(transitions, s => s.Labels["to"] == "Submitting" && s.Value > 0);
            Assert.All(transitions, s => Assert.Equal(["from", "to"], s.Labels.Keys.Order()));
            Assert.All(parsed.Named("kalshiarb_orders_ended_total"), s => Assert.Single(s.Labels.Keys, "state"));
            // Latencies are seconds: a first venue call within the signal's horizon, not milliseconds taken for seconds.
            var latency = parsed.Total("kalshiarb_signal_to_venue_seconds_sum") / parsed.Total("kalshiarb_signal_to_venue_seconds_count");
            Assert.InRange(latency, 0, 5);
            // No ledger in the node yet: the P&L gauges are declared, without a sample.
            Assert.Equal("gauge", parsed.Types["kalshiarb_pnl_realized_dollars"]);

            // Only /metrics is open: the rest of the admin endpoint still needs the token.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("admin/status")).StatusCode);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("metrics", null)).StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.Equal(0, await run);
    }

    private static async Task<AdminAccess> AccessAsync(string data, Task<int> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (DateTime.UtcNow < deadline && !run.IsCompleted && await every.WaitForNextTickAsync())
            if (AdminAccess.TryRead(data, out _) is { } access) return access;
        throw new TimeoutException($"the node never wrote admin.json (run ended: {run.IsCompleted})");
    }

    /// <summary>Scrapes every half second until <paramref name="done"/> holds, for at most 90 s; every scrape must parse.</summary>
    private static async Task<(string Text, PrometheusText Parsed)> ScrapeUntilAsync(HttpClient http, Func<PrometheusText, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        string text;
        PrometheusText parsed;
        do
        {
            using var response = await http.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            text = await response.Content.ReadAsStringAsync();
            parsed = PrometheusText.Parse(text);
            if (done(parsed)) return (text, parsed);
        } while (DateTime.UtcNow < deadline && await every.WaitForNextTickAsync());
        throw new TimeoutException("orders never reached the venue within 90 s; last scrape:\n" + text);
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
