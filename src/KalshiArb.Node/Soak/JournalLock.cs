using Microsoft.Data.Sqlite;

namespace KalshiArb.Node.Soak;

/// <summary>
/// The "journal refuses writes" fault, from outside the node: another connection takes SQLite's exclusive write lock
/// on the node's journal file and holds it, so the node's commits cannot land until it lets go. No hook in the node.
/// </summary>
public static class JournalLock
{
    public static async Task HoldSqliteAsync(string databasePath, TimeSpan hold, CancellationToken ct)
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
