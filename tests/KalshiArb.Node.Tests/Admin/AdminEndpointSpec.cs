using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace KalshiArb.Node.Tests.Admin;

public sealed class AdminEndpointSpec : AdminNodeKit
{
    private HttpClient Http(string? token)
    {
        var http = new HttpClient { BaseAddress = Endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Requests_without_the_right_token_get_401()
    {
        using var none = Http(null);
        using var wrong = Http(AdminAccess.NewToken());
        using var basic = Http(null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Access().Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync("admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.GetAsync("admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await wrong.PostAsync("admin/kill", Json("""{"mode":"halt","reason":"intruder"}"""))).StatusCode);
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());
    }

    [Fact]
    public async Task Status_reports_the_risk_state_against_its_limits()
    {
        using var http = Http(Access().Token);
        var response = await http.GetAsync("admin/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"killSwitch\": \"trading\"", raw);

        var doc = await response.Content.ReadFromJsonAsync<AdminStatusDocument>(AdminJson.Options);
        Assert.NotNull(doc);
        Assert.Equal(KillSwitchState.Trading, doc.Risk!.KillSwitch);
        Assert.Equal("1000.0000", doc.Risk.Balance);
        Assert.Equal("0.0000", doc.Risk.Reserved);
        Assert.Equal("500.0000", doc.Risk.Limits!.MaxTotalExposure);
        Assert.Equal(10, doc.Risk.Limits.MaxOpenMarkets);
        Assert.True(doc.Feed!.Connected);
        Assert.Equal(3, doc.Feed.TrackedMarkets);
        Assert.Equal(2, doc.Odds!.MatchedMarkets);
        Assert.Empty(doc.Orders.Open);
    }

    [Fact]
    public async Task Status_lists_orders_and_positions()
    {
        SignalReaches("sig-filled", ExecutionOrderState.Filled);
        using var http = Http(Access().Token);
        var doc = await http.GetFromJsonAsync<AdminStatusDocument>("admin/status", AdminJson.Options);
        Assert.NotNull(doc);
        var position = Assert.Single(doc.Risk!.Positions);
        Assert.Equal(Ticker, position.Ticker);
        Assert.Equal("10.00", position.Contracts);
        Assert.Equal(1, doc.Risk.OpenMarkets);
    }

    [Fact]
    public async Task Kill_halts_the_gate_and_resume_restores_trading()
    {
        using var http = Http(Access().Token);
        var kill = await http.PostAsync("admin/kill", Json("""{"mode":"halt","reason":"operator test"}"""));
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        var killed = await kill.Content.ReadFromJsonAsync<AdminKillSwitchAnswer>(AdminJson.Options);
        Assert.Equal(KillSwitchState.Halted, killed!.State);
        Assert.Equal("operator test", killed.Reason);
        Assert.Equal(KillSwitchState.Halted, GateKillSwitch());

        SignalRefusedWhileHalted("sig-while-halted");

        var resume = await http.PostAsync("admin/resume", Json("""{"reason":"all clear"}"""));
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal(KillSwitchState.Trading, (await resume.Content.ReadFromJsonAsync<AdminKillSwitchAnswer>(AdminJson.Options))!.State);
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());

        SignalReaches("sig-after-resume", ExecutionOrderState.Filled);
    }

    [Fact]
    public async Task Kill_can_switch_to_reduce_only()
    {
        using var http = Http(Access().Token);
        var kill = await http.PostAsync("admin/kill", Json("""{"mode":"reduce-only","reason":"winding down"}"""));
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        Assert.Equal(KillSwitchState.ReduceOnly, GateKillSwitch());
    }

    [Theory]
    [InlineData("admin/kill", """{"mode":"halt"}""")]
    [InlineData("admin/kill", """{"mode":"halt","reason":"  "}""")]
    [InlineData("admin/kill", """{"mode":"stop","reason":"x"}""")]
    [InlineData("admin/kill", """not json""")]
    [InlineData("admin/resume", """{}""")]
    public async Task Malformed_commands_get_400_and_change_nothing(string path, string body)
    {
        using var http = Http(Access().Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(path, Json(body))).StatusCode);
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());
    }

    [Fact]
    public async Task A_gate_that_does_not_answer_is_shown_as_such_in_status_and_a_command_to_it_gives_503()
    {
        var silent = Sys.ActorOf(FixedAnswerActor.Silent(), "silent-gate");
        var dir = Path.Combine(DataDirectory, "silent");
        await using var endpoint = await AdminEndpoint.StartAsync(Targets with { RiskGate = silent },
            new AdminEndpointOptions { DataDirectory = dir, AskTimeout = TimeSpan.FromMilliseconds(200) }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminAccess.TryRead(dir, out _)!.Token);

        // The rest of the status stands; the gate is named as not answering, with no figures (it never answered).
        var answer = await http.GetAsync("admin/status");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var doc = await answer.Content.ReadFromJsonAsync<AdminStatusDocument>(AdminJson.Options);
        Assert.Null(doc!.Risk);
        Assert.NotNull(doc.Feed);
        var silence = Assert.Single(doc.NotAnswering);
        Assert.Equal(("risk gate", (DateTimeOffset?)null), (silence.Component, silence.LastAnsweredAt));
        var text = AdminStatusText.Render(doc);
        Assert.StartsWith("kill switch: UNKNOWN (the risk gate has not answered)", text);
        Assert.Contains("NO ANSWER    risk gate NOT ANSWERING (no answer since this node started)", text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable,
            (await http.PostAsync("admin/kill", Json("""{"mode":"halt","reason":"x"}"""))).StatusCode);
    }

    [Fact]
    public async Task The_access_file_is_owner_only_and_removed_on_stop()
    {
        var dir = Path.Combine(DataDirectory, "second");
        var endpoint = await AdminEndpoint.StartAsync(Targets, new AdminEndpointOptions { DataDirectory = dir }, CancellationToken.None);
        var path = AdminAccess.PathIn(dir);
        var access = AdminAccess.TryRead(dir, out _);
        Assert.NotNull(access);
        Assert.Equal(endpoint.Port, access.Port);
        Assert.Equal(64, access.Token.Length);
        Assert.NotEqual(Access().Token, access.Token);
        Assert.Equal("127.0.0.1", endpoint.BaseAddress.Host);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        await endpoint.DisposeAsync();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_malformed_admin_port_variable_is_an_error()
    {
        Assert.Equal(0, AdminEndpointOptions.PortFromEnvironment(_ => null));
        Assert.Equal(9123, AdminEndpointOptions.PortFromEnvironment(_ => "9123"));
        Assert.Throws<ArgumentException>(() => AdminEndpointOptions.PortFromEnvironment(_ => "http"));
        Assert.Throws<ArgumentException>(() => AdminEndpointOptions.PortFromEnvironment(_ => "70000"));
    }
}
