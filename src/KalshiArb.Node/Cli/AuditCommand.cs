using System.CommandLine;
using System.Text;
using KalshiArb.Actors.Persistence;
using KalshiArb.Node.Audit;
using KalshiArb.Node.Dashboard;
using KalshiArb.Node.Hosting;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Cli;

/// <summary>
/// `audit`: reads the order journals back through the SQL read journal, prints each order's timeline and checks
/// the order invariants. Exit codes: 0 every order clean, 1 any violation, 2 the journal cannot be read.
/// </summary>
public static class AuditCommand
{
    public const int ExitClean = 0;
    public const int ExitViolations = 1;
    public const int ExitUnreadable = 2;

    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "where the SQLite journal lives (default ./data); KA_PERSISTENCE / KA_CONNECTION_STRING select PostgreSQL like the node" };
        var format = new Option<AuditFormat>("--format") { Description = "text | json | csv", DefaultValueFactory = _ => AuditFormat.Text };
        var outFile = new Option<string?>("--out") { Description = "write the report to this file (default: stdout)" };
        var allowOpen = new Option<bool>("--allow-open") { Description = "do not require every order to be terminal or flagged (auditing a running system)" };
        var order = new Option<string?>("--order") { Description = "audit only this order (execution id or order-… persistence id)" };
        var htmlReport = new Option<string?>("--report") { Description = "also write a self-contained HTML report (P&L chart, invariants, reasons, order timelines) to this .html file" };

        var cmd = new Command("audit",
            "Audit the order journals: timelines and invariant checks; exit 0 clean, 1 violations, 2 journal unreadable. " +
            "CSV columns: record,execution_id,ticker,seq,timestamp_ms,time_utc,event,details,kind,detail (record = event | violation)");
        cmd.Options.Add(dataDir);
        cmd.Options.Add(format);
        cmd.Options.Add(outFile);
        cmd.Options.Add(allowOpen);
        cmd.Options.Add(order);
        cmd.Options.Add(htmlReport);
        cmd.SetAction((parse, ct) =>
        {
            NodeSettings settings;
            try
            {
                settings = NodeSettings.FromEnvironment();
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"audit: {ex.Message}");
                return Task.FromResult(ExitUnreadable);
            }
            if (parse.GetValue(dataDir) is { } d) settings = settings with { DataDirectory = d };
            var options = new AuditOptions
            {
                Settings = settings,
                Format = parse.GetValue(format),
                OutFile = parse.GetValue(outFile),
                RequireTerminal = !parse.GetValue(allowOpen),
                OrderId = parse.GetValue(order),
                HtmlReportFile = parse.GetValue(htmlReport),
            };
            return RunAsync(options, Console.Out, Console.Error, ct, terminal: !Console.IsErrorRedirected);
        });
        return cmd;
    }

    /// <param name="terminal">stderr is a terminal: reading the journal shows a progress bar there (else plain lines every few seconds)</param>
    public static async Task<int> RunAsync(AuditOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct, bool terminal = false)
    {
        IReadOnlyList<JournaledOrder> orders;
        try
        {
            var config = AkkaConfigComposer.Compose(options.Settings);
            if (options.Settings.Store == PersistenceStore.Sqlite && MissingSqliteFile(options.Settings.EffectiveConnectionString) is { } missing)
            {
                await stderr.WriteLineAsync($"audit: no journal at {missing}");
                return ExitUnreadable;
            }
            orders = await TerminalProgress.RunAsync("audit: reading the journal", "journals", terminal, stderr,
                progress => OrderJournalReader.ReadAsync(config, options.OrderId, ct, progress));
        }
        catch (Exception ex) when (ex is JournalReadException or InvalidOperationException or FileNotFoundException or ArgumentException)
        {
            await stderr.WriteLineAsync($"audit: cannot read the journal: {ex.Message}");
            return ExitUnreadable;
        }
        if (options.OrderId is { } only && orders.Count == 0)
        {
            await stderr.WriteLineAsync($"audit: order {only} is not in the journal");
            return ExitUnreadable;
        }

        var run = JournalAuditor.AuditAll(orders, options.RequireTerminal);
        var report = Render(run, options.Format);
        if (options.HtmlReportFile is { } htmlPath)
        {
            var html = new StringWriter();
            AuditHtmlReport.Write(run, html, DateTimeOffset.UtcNow);
            await File.WriteAllTextAsync(htmlPath, html.ToString(), new UTF8Encoding(false), ct);
            await stderr.WriteLineAsync($"audit: HTML report written to {Path.GetFullPath(htmlPath)}");
        }
        if (options.OutFile is { } path)
        {
            await File.WriteAllTextAsync(path, report, new UTF8Encoding(false), ct);
            await stderr.WriteLineAsync(AuditTextReport.SummaryLine(run.Summary));
        }
        else
        {
            await stdout.WriteAsync(report);
        }
        return run.IsClean ? ExitClean : ExitViolations;
    }

    public static string Render(AuditRun run, AuditFormat format)
    {
        switch (format)
        {
            case AuditFormat.Json:
                using (var ms = new MemoryStream())
                {
                    AuditJsonReport.Write(run, ms);
                    return Encoding.UTF8.GetString(ms.ToArray()) + Environment.NewLine;
                }
            case AuditFormat.Csv:
                var csv = new StringWriter();
                AuditCsvReport.Write(run, csv);
                return csv.ToString();
            default:
                var text = new StringWriter();
                AuditTextReport.Write(run, text);
                return text.ToString();
        }
    }

    private static string? MissingSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return null;
        return File.Exists(builder.DataSource) ? null : Path.GetFullPath(builder.DataSource);
    }
}
