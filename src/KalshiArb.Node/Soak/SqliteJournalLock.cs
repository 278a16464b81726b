using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Soak;

/// <summary>SQLite's exclusive lock on the node's journal file (BEGIN EXCLUSIVE), held for a while.</summary>
public sealed class SqliteJournalLock(string databasePath) : JournalLock
{
    public override async Task HoldAsync(TimeSpan hold, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 10, Mode = SqliteOpenMode.ReadWrite };
        await using var connection = new SqliteConnection(cs.ToString());
        await connection.OpenAsync(ct);
        await Execute(connection, "BEGIN EXCLUSIVE", ct);
        try
        {
            await Task.Delay(hold, ct);
        }
        finally
        {
            await Execute(connection, "ROLLBACK", CancellationToken.None);
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
