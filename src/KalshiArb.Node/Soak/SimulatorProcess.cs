using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KalshiArb.Node.Soak;

/// <summary>The simulator child (`kalshiarb exchange --port 0`): its endpoints and its fault switchboard (POST /admin/faults).</summary>
public sealed class SimulatorProcess : IDisposable
{
    private readonly HttpClient _admin;

    private SimulatorProcess(ChildProcess child, SimulatorEndpoints endpoints)
    {
        Child = child;
        Endpoints = endpoints;
        _admin = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public ChildProcess Child { get; }

    public SimulatorEndpoints Endpoints { get; }

    public static async Task<SimulatorProcess> StartAsync(ProcessSupervisor supervisor, SoakLauncher launcher, int seed, string directory,
        TimeSpan bound, CancellationToken ct)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource<SimulatorEndpoints>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = ChildProcess.Start("simulator", launcher,
            ["exchange", "--port", "0", "--bind", "127.0.0.1", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key-dir", Path.Combine(directory, "sim-keys")],
            new Dictionary<string, string>(), Path.Combine(directory, "simulator.log"));
        supervisor.Track(child);
        child.LineReceived += line =>
        {
            lock (seen)
            {
                if (SimulatorEndpoints.Accept(line, seen) is { } endpoints) ready.TrySetResult(endpoints);
            }
        };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(bound);
        try
        {
            while (!ready.Task.IsCompleted)
            {
                if (child.HasExited) throw new InvalidOperationException($"the simulator exited with {child.ExitCode} before it listened (see simulator.log)");
                await Task.WhenAny(ready.Task, Task.Delay(200, cts.Token));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the simulator did not print its URLs within {bound.TotalSeconds:F0} s (see simulator.log)");
        }
        return new SimulatorProcess(child, await ready.Task);
    }

    /// <summary>POST /admin/faults with the given fields (e.g. rest_delay_ms, server_error_share, drop_connections).</summary>
    public async Task SetFaultsAsync(JsonObject body, CancellationToken ct)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri(Endpoints.Admin + "/faults"), body, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every market ticker the simulator lists (for sequence gaps in all of them).</summary>
    public async Task<IReadOnlyList<string>> MarketTickersAsync(CancellationToken ct)
    {
        var games = await _admin.GetFromJsonAsync<JsonArray>(new Uri(Endpoints.Admin + "/games"), ct) ?? [];
        return games.OfType<JsonObject>()
            .SelectMany(g => new[] { g["away_market_ticker"]?.GetValue<string>(), g["home_market_ticker"]?.GetValue<string>() })
            .OfType<string>().ToArray();
    }

    /// <summary>No delay, no storms: the state the run ends in before the venue is read.</summary>
    public Task ClearFaultsAsync(CancellationToken ct) =>
        SetFaultsAsync(new JsonObject { ["rest_delay_ms"] = 0, ["too_many_requests_share"] = 0.0, ["server_error_share"] = 0.0 }, ct);

    public void Dispose()
    {
        _admin.Dispose();
        Child.Dispose();
    }
}
