namespace KalshiArb.Actors.Tests;

/// <summary>A throwaway SQLite journal file per test class, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kalshiarb-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "journal.db");
        ConnectionString = $"Data Source={FilePath}";
    }

    public string Directory { get; }
    public string FilePath { get; }
    public string ConnectionString { get; }

    public Config AkkaConfig(string? extraHocon = null) =>
        ConfigurationFactory.ParseString(extraHocon ?? "")
            .WithFallback(SerializationConfig.Create())
            .WithFallback(PersistenceConfig.Create(PersistenceStore.Sqlite, ConnectionString))
            .WithFallback(HoconFiles.Load("base.conf"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a finishing plugin only leaves a temp folder behind
        }
    }
}
