using System.CommandLine;
using KalshiArb.Node.Soak;

namespace KalshiArb.Node.Cli;

/// <summary>
/// `soak`: the simulator and a node (or with --cluster three nodes on a PostgreSQL journal) as child processes, seeded faults (kill -9, SIGTERM, WS drops, sequence gaps, REST
/// delays, 5xx/429 storms, a locked journal), then the journal held against the venue. Exit 0 only when nothing was
/// lost, doubled, unapproved or late, positions are equal, the audit is clean and every fault healed; 1 otherwise;
/// 2 when the soak itself could not run.
/// </summary>
public static class SoakCommand
{
    public const int ExitCannotRun = 2;

    public static Command Create()
    {
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = $"how long to trade under faults ({OperatorDuration.Examples})",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(3),
            CustomParser = result => OperatorDuration.FromArgument(result, "--duration") ?? TimeSpan.Zero,
        };
        var seed = new Option<int>("--seed") { Description = "seed of the fault schedule and of the simulator: same seed, same faults", DefaultValueFactory = _ => 1 };
        var cluster = new Option<bool>("--cluster") { Description = "three nodes on loopback sharing a PostgreSQL journal (a fresh database on --pg / KA_PG_CONNECTION)" };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL server for --cluster (default KA_PG_CONNECTION), e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\"" };
        var keep = new Option<bool>("--keep") { Description = "keep the temp dir (journal, logs) instead of deleting it" };

        var cmd = new Command("soak", "Trade against the simulator under seeded faults, then compare the journal with the venue; exit 0 only if nothing was lost, doubled, unapproved or late and positions are equal");
        cmd.Options.Add(duration);
        cmd.Options.Add(seed);
        cmd.Options.Add(cluster);
        cmd.Options.Add(keep);
        cmd.Options.Add(pg);
        cmd.SetAction(async (parse, ct) =>
        {
            var server = parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("KA_PG_CONNECTION");
            if (parse.GetValue(cluster) && string.IsNullOrWhiteSpace(server))
            {
                await Console.Error.WriteLineAsync("soak: --cluster needs a PostgreSQL server: set KA_PG_CONNECTION or pass --pg \"Host=…;Port=…;Username=…\"");
                return ExitCannotRun;
            }
            var d = parse.GetValue(duration);
            if (d < TimeSpan.FromSeconds(30))
            {
                await Console.Error.WriteLineAsync($"soak: --duration must be at least 30 s (warm-up and quiet tail take 40 s), got {d}");
                return ExitCannotRun;
            }
            var options = new SoakOptions
            {
                Duration = d,
                Seed = parse.GetValue(seed),
                Keep = parse.GetValue(keep),
                Cluster = parse.GetValue(cluster),
                PostgresServer = server,
            };
            try
            {
                var summary = await SoakRunner.RunAsync(options, Console.Out, ct);
                await Console.Out.WriteAsync(summary.Render());
                return summary.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("soak: stopped before the end; no verdict");
                return ExitCannotRun;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException or HttpRequestException or OperationCanceledException
                                           or Npgsql.NpgsqlException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"soak: could not run: {ex.Message}");
                return ExitCannotRun;
            }
        });
        return cmd;
    }
}
