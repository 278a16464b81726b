namespace KalshiArb.Actors.Tests;

/// <summary>A TestKit over its own throwaway SQLite journal, deleted when the spec ends.</summary>
public abstract class JournalTestKit : TestKit
{
    private readonly TestDatabase _db;

    /// <param name="config">The system's configuration when it needs more than the database's (default <c>db.AkkaConfig()</c>).</param>
    protected JournalTestKit(TestDatabase db, string systemName, Config? config = null) : base(config ?? db.AkkaConfig(), systemName) => _db = db;

    protected string ConnectionString => _db.ConnectionString;

    /// <summary>How many snapshots the (separate) snapshot file holds for a persistence id.</summary>
    protected long SnapshotCount(string persistenceId)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection(KalshiArb.Actors.Persistence.SqliteJournalFile.SnapshotConnectionString(ConnectionString));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM snapshot WHERE persistence_id = $id";
        cmd.Parameters.AddWithValue("$id", persistenceId);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _db.Dispose();
    }
}
