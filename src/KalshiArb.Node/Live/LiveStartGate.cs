using KalshiArb.Actors.Persistence;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Node.Audit;
using KalshiArb.Node.Hosting;
using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Live;

/// <summary>Why `run --mode live` did not start (the process exit code).</summary>
public enum LiveStartRefusal
{
    None = 0,
    Credentials = 2,
    NotConfirmed = 5,
    JournalUnreadable = 6,
    ReconciliationFailed = 4,
}

public sealed record LiveStartResult(LiveStartRefusal Refusal, string Detail, ExchangeConnection? Exchange)
{
    public bool Started => Refusal == LiveStartRefusal.None;
}

/// <summary>
/// Everything that must hold before a node trades real money, in order: credentials present and usable, the
/// user's explicit confirmation, the order journal readable, start-up reconciliation against the venue passed.
/// Runs before the node's actor system starts (the journal is read with a short-lived system of its own).
/// </summary>
public static class LiveStartGate
{
    public static async Task<LiveStartResult> CheckAsync(NodeSettings settings, Func<string, string?> env, string? confirmFlag, bool allowForeignOrders,
        TextReader stdin, bool stdinIsInteractive, TextWriter prompt, Serilog.ILogger log, CancellationToken ct)
    {
        var loaded = LiveCredentials.Load(env, settings.Exchange);
        if (!loaded.IsSuccess) return Refuse(LiveStartRefusal.Credentials, $"credentials: {loaded.Failure} ({loaded.Detail})");
        var creds = loaded.Credentials!;

        var confirmation = LiveConfirmation.Check(confirmFlag, stdin, stdinIsInteractive, prompt, creds.TradingTarget);
        if (!confirmation.Confirmed)
        {
            return Refuse(LiveStartRefusal.NotConfirmed,
                $"live trading not confirmed ({confirmation.Refusal}): pass --confirm-live {LiveConfirmation.FlagPhrase} or type {LiveConfirmation.TypedWord} at the prompt");
        }

        JournalOrderIndex index;
        try
        {
            index = JournalExists(settings) ? await JournalOrderIndex.ReadAsync(AkkaConfigComposer.Compose(settings), ct) : JournalOrderIndex.Empty;
        }
        catch (JournalReadException ex)
        {
            return Refuse(LiveStartRefusal.JournalUnreadable, $"the order journal cannot be read: {ex.Message}");
        }
        if (index.Damaged.Count > 0)
            log.Warning("orders with unreadable journal rows (treated as open): {Orders}", string.Join(", ", index.Damaged));

        var signer = creds.CreateSigner();
        if (!signer.IsSuccess) return Refuse(LiveStartRefusal.Credentials, $"credentials: {signer.Failure} ({signer.Detail})");
        using (var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan })
        {
            var rest = new KalshiRestClient(http, creds.RestOptions(), signer.Signer!);
            var report = await StartupReconciliation.RunAsync(rest, index.Open.ToArray(), index.Known, allowForeignOrders, ct);
            log.Information("start-up reconciliation:\n{Report}", report.ToText());
            if (!report.Passed) return Refuse(LiveStartRefusal.ReconciliationFailed, $"start-up reconciliation failed with {report.Failures.Count()} failures");
        }

        return new LiveStartResult(LiveStartRefusal.None, "confirmed and reconciled", new ExchangeConnection
        {
            VenueName = ExchangeConnection.LiveVenueName,
            RestBaseUrl = creds.RestUrl,
            WebSocketUrl = creds.WsUrl,
            OddsBaseUrl = creds.OddsApiUrl,
            OddsApiKey = creds.OddsApiKey,
            Signer = signer.Signer!,
        });
    }

    private static bool JournalExists(NodeSettings settings)
    {
        if (settings.Store != PersistenceStore.Sqlite) return true;
        var file = new SqliteConnectionStringBuilder(settings.EffectiveConnectionString).DataSource;
        return File.Exists(file);
    }

    private static LiveStartResult Refuse(LiveStartRefusal why, string detail) => new(why, detail, null);
}
