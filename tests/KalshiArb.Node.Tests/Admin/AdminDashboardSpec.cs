using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace KalshiArb.Node.Tests.Admin;

/// <summary>GET /admin/dashboard: the status plus recent signals and fills, readable on loopback without the token.</summary>
public sealed class AdminDashboardSpec : AdminNodeKit
{
    private async Task<AdminEndpoint> EndpointWithAdmissionAsync(string name) =>
        await AdminEndpoint.StartAsync(Targets with { Admission = Execution.Admission },
            new AdminEndpointOptions { DataDirectory = Path.Combine(DataDirectory, name) }, CancellationToken.None);

    [Fact]
    public async Task The_dashboard_lists_the_signal_and_its_fill_with_wire_money()
    {
        await using var endpoint = await EndpointWithAdmissionAsync("dash");
        SignalReaches("sig-dashboard", ExecutionOrderState.Filled);
        using var http = new HttpClient { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        var response = await http.GetAsync("admin/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<AdminDashboardDocument>(AdminJson.Options);
        Assert.NotNull(doc);
        Assert.Matches(@"^\d+\.\d{4}$", doc.Status.Risk!.Balance);
        var signal = Assert.Single(doc.RecentSignals!.Lines);
        Assert.Equal((Ticker, OutcomeSide.Yes, "0.5300", "10.00", "placed"), (signal.Ticker, signal.Side, signal.LimitPrice, signal.Count, signal.Outcome));
        Assert.Equal("0.6000", signal.FairYes);
        // The paper book: YES asks 0.52 (5) then 0.53 (10): the order takes 5 at 0.52 and 5 at 0.53.
        var fills = doc.RecentFills!.Lines;
        Assert.Equal(["0.5200", "0.5300"], fills.Select(f => f.Price).Order().ToArray());
        Assert.All(fills, f => Assert.Equal(("5.00", "taker", ExecutionIds.FromSignal("sig-dashboard")), (f.Count, f.Liquidity, f.ExecutionId)));
        Assert.All(fills, f => Assert.Matches(@"^\d+\.\d{4}$", f.Fee));
        // No market region in this kit: the section is absent, not invented.
        Assert.Null(doc.Markets);
    }

    [Fact]
    public async Task A_refused_signal_is_listed_with_its_reason()
    {
        await using var endpoint = await EndpointWithAdmissionAsync("refused");
        using var http = new HttpClient { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminAccess.TryRead(Path.Combine(DataDirectory, "refused"), out _)!.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("admin/kill", JsonContent.Create(new { mode = "halt", reason = "test" }))).StatusCode);
        SignalRefusedWhileHalted("sig-refused");

        var doc = await http.GetFromJsonAsync<AdminDashboardDocument>("admin/dashboard", AdminJson.Options);
        Assert.Equal("refused: Halted", Assert.Single(doc!.RecentSignals!.Lines).Outcome);
        Assert.Empty(doc.RecentFills!.Lines);
    }

    [Fact]
    public async Task Only_the_page_and_the_dashboard_are_readable_without_the_token_and_only_as_loopback()
    {
        using var http = new HttpClient { BaseAddress = Endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        foreach (var path in new[] { "", "web/dashboard.js", "web/dashboard.css", "web/pnl-chart.js", "admin/dashboard" })
        {
            var ok = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Contains("frame-ancestors 'none'", ok.Headers.GetValues("Content-Security-Policy").Single());
        }
        Assert.Contains("<h2>Markets</h2>", await http.GetStringAsync(""));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("admin/kill", JsonContent.Create(new { mode = "halt", reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("admin/dashboard", null)).StatusCode);

        // A web site re-pointed at 127.0.0.1 (DNS rebinding) arrives with its own name as Host: it gets nothing.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "admin/dashboard");
        rebound.Headers.Host = "attacker.example:" + Endpoint.Port;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(rebound)).StatusCode);
    }
}
