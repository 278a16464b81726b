using Microsoft.Data.Sqlite;

namespace KalshiArb.Actors.Persistence;

/// <summary>Reads the open-order table from the SQLite journal file on a connection of its own (WAL: never blocks the writer).</summary>
public sealed class SqliteOpenOrderList(string connectionString) : IOpenOrderList
{
    public async Task<IReadOnlyList<OpenOrderEntry>> ListAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{OpenOrderTable.Name}'";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            return [];
        cmd.CommandText = $"SELECT persistence_id, opened_seq FROM {OpenOrderTable.Name}";
        var entries = new List<OpenOrderEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) entries.Add(new OpenOrderEntry(reader.GetString(0), reader.GetInt64(1)));
        return entries;
    }

    public async Task RemoveFinishedAsync(string persistenceId, long finishedAtSequenceNr, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        // SQLite's own busy handler, not Microsoft.Data.Sqlite's 150 ms sleeps, should the journal's writer hold the lock.
        cmd.CommandText = "PRAGMA busy_timeout = 5000;";
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        cmd.CommandText = $"DELETE FROM {OpenOrderTable.Name} WHERE persistence_id = $pid AND opened_seq <= $seq";
        cmd.Parameters.AddWithValue("$pid", persistenceId);
        cmd.Parameters.AddWithValue("$seq", finishedAtSequenceNr);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
