using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace KalshiArb.Node.Tests.Admin;

public sealed class AdminCommandsSpec : AdminNodeKit
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Fact]
    public async Task Status_prints_the_kill_switch_and_the_risk_state()
    {
        var rc = await StatusCommand.RunAsync(DataDirectory, json: false, _out, _err, CancellationToken.None);
        Assert.Equal(0, rc);
        var text = _out.ToString();
        Assert.Contains("kill switch: trading", text);
        Assert.Contains("balance 1000.0000", text);
        Assert.Contains("of 500.0000", text);
        Assert.Contains("feed:        up", text);
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task Status_json_is_the_endpoint_document()
    {
        var rc = await StatusCommand.RunAsync(DataDirectory, json: true, _out, _err, CancellationToken.None);
        Assert.Equal(0, rc);
        var doc = JsonSerializer.Deserialize<AdminStatusDocument>(_out.ToString(), AdminJson.Options);
        Assert.Equal(KillSwitchState.Trading, doc!.Risk!.KillSwitch);
    }

    [Fact]
    public async Task Kill_and_resume_move_the_kill_switch()
    {
        Assert.Equal(0, await KillCommand.RunAsync(DataDirectory, reduceOnly: false, "cli test", _out, _err, CancellationToken.None));
        Assert.Contains("kill switch: HALTED (cli test)", _out.ToString());
        Assert.Equal(KillSwitchState.Halted, GateKillSwitch());

        Assert.Equal(0, await StatusCommand.RunAsync(DataDirectory, json: false, _out, _err, CancellationToken.None));
        Assert.Contains("kill switch: HALTED", _out.ToString());

        Assert.Equal(0, await ResumeCommand.RunAsync(DataDirectory, "cli test over", _out, _err, CancellationToken.None));
        Assert.Contains("kill switch: trading (cli test over)", _out.ToString());
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());

        Assert.Equal(0, await KillCommand.RunAsync(DataDirectory, reduceOnly: true, "wind down", _out, _err, CancellationToken.None));
        Assert.Equal(KillSwitchState.ReduceOnly, GateKillSwitch());
    }

    [Fact]
    public async Task The_command_line_parses_kill_and_resume()
    {
        var root = CommandLineApp.Build();
        Assert.Equal(0, await root.Parse(["kill", "--data-dir", DataDirectory, "--reason", "from argv"]).InvokeAsync());
        Assert.Equal(KillSwitchState.Halted, GateKillSwitch());
        Assert.Equal(0, await root.Parse(["resume", "--data-dir", DataDirectory, "--reason", "from argv"]).InvokeAsync());
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());
        // A kill switch change must say why.
        Assert.NotEqual(0, await root.Parse(["kill", "--data-dir", DataDirectory]).InvokeAsync());
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());
    }

    [Fact]
    public async Task No_admin_file_means_no_node()
    {
        var empty = Path.Combine(DataDirectory, "empty");
        Assert.Equal((int)AdminCallOutcome.NoNode, await StatusCommand.RunAsync(empty, json: false, _out, _err, CancellationToken.None));
        Assert.Contains("no node running", _err.ToString());
        Assert.Equal((int)AdminCallOutcome.NoNode, await KillCommand.RunAsync(empty, false, "x", _out, _err, CancellationToken.None));
        Assert.Equal((int)AdminCallOutcome.NoNode, await ResumeCommand.RunAsync(empty, "x", _out, _err, CancellationToken.None));
    }

    [Fact]
    public async Task A_stale_admin_file_means_no_node()
    {
        var stale = Path.Combine(DataDirectory, "stale");
        new AdminAccess(ClosedLoopbackPort(), AdminAccess.NewToken()).WriteTo(stale);
        Assert.Equal((int)AdminCallOutcome.NoNode, await StatusCommand.RunAsync(stale, json: false, _out, _err, CancellationToken.None));
        Assert.Contains("no node running", _err.ToString());
    }

    [Fact]
    public async Task A_rejected_token_is_reported()
    {
        var other = Path.Combine(DataDirectory, "other-run");
        new AdminAccess(Endpoint.Port, AdminAccess.NewToken()).WriteTo(other);
        Assert.Equal((int)AdminCallOutcome.Unauthorized, await KillCommand.RunAsync(other, false, "x", _out, _err, CancellationToken.None));
        Assert.Contains("rejected the admin token", _err.ToString());
        Assert.Equal(KillSwitchState.Trading, GateKillSwitch());
    }

    /// <summary>A port nothing listens on: bound once to learn a free number, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
