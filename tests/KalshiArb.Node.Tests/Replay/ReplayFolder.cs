using KalshiArb.Node.Replay;

namespace KalshiArb.Node.Tests.Replay;

/// <summary>A replay spec's temp folder: replays a recording into a journal under it, and deletes it when disposed.</summary>
internal sealed class ReplayFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary><c>kalshiarb replay</c>'s code on a fresh journal <paramref name="journal"/> (logs beside it), bounded by two minutes.</summary>
    public async Task<ReplayReport> ReplayAsync(string recording, string journal, string? configOverlay = null)
    {
        var settings = new NodeSettings
        {
            DataDirectory = System.IO.Path.Combine(Path, journal), LogDirectory = System.IO.Path.Combine(Path, "logs-" + journal),
        };
        var logger = NodeHostFactory.CreateLogger(settings);
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await ReplayRun.RunAsync(new ReplayRequest(recording, settings.DataDirectory, configOverlay), logger, bound.Token);
        }
        finally
        {
            (logger as IDisposable)?.Dispose();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
