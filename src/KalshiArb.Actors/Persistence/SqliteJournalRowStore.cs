using Microsoft.Data.Sqlite;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Journal rows on SQLite through one open connection with prepared statements: a group is one transaction (one fsync),
/// a row one execution of the prepared insert. The only writer of the file (snapshots have their own file), so its
/// write lock is never contended; should another process hold it anyway, SQLite's own busy handler waits (up to 5 s)
/// instead of Microsoft.Data.Sqlite's 150 ms sleeps. The open-order table changes in the same transaction as the rows.
/// </summary>
public sealed class SqliteJournalRowStore : IJournalRowStore
{
    private const string Columns = "timestamp, is_deleted, persistence_id, sequence_nr, payload, tags, manifest, serializer_id";

    private readonly string _connectionString;
    private SqliteConnection? _connection;
    // A group's rows go in RowsPerChunk at a time through one multi-row insert, the rest one by one: Microsoft.Data.Sqlite
    // builds a data reader and statement enumerators for every execution (measured ~1.5 KB per order lifecycle one by one).
    private const int RowsPerChunk = 16;
    private const int ParametersPerRow = 7;

    private SqliteCommand? _insert;
    private SqliteCommand? _insertChunk;
    private SqliteCommand? _highest;
    private SqliteCommand? _open;
    private SqliteCommand? _end;

    public SqliteJournalRowStore(string connectionString) => _connectionString = connectionString;

    public Task InsertAsync(IReadOnlyList<JournalRow> rows)
    {
        var insert = Insert();
        using var tx = _connection!.BeginTransaction(deferred: false);
        insert.Transaction = tx;
        try
        {
            var chunk = _insertChunk!;
            chunk.Transaction = tx;
            var i = 0;
            for (; rows.Count - i >= RowsPerChunk; i += RowsPerChunk)
            {
                for (var k = 0; k < RowsPerChunk; k++) Bind(chunk, k * ParametersPerRow, rows[i + k]);
                chunk.ExecuteNonQuery();
            }
            for (; i < rows.Count; i++)
            {
                Bind(insert, 0, rows[i]);
                insert.ExecuteNonQuery();
            }
            if (OpenOrderChanges.Of(rows) is { } changes) ApplyOpenOrders(changes, tx);
            tx.Commit();
        }
        finally
        {
            insert.Transaction = null;
            _insertChunk!.Transaction = null;
        }
        return Task.CompletedTask;
    }

    private static void Bind(SqliteCommand command, int first, JournalRow row)
    {
        var p = command.Parameters;
        p[first].Value = row.TimestampTicks;
        p[first + 1].Value = row.PersistenceId;
        p[first + 2].Value = row.SequenceNr;
        p[first + 3].Value = row.Payload;
        p[first + 4].Value = (object?)row.Tags ?? DBNull.Value;
        p[first + 5].Value = row.Manifest;
        p[first + 6].Value = row.SerializerId;
    }

    /// <summary>One row's values in the insert, <paramref name="n"/> naming its parameters apart from the other rows'.</summary>
    private static string RowValues(int n) => $"($ts{n}, 0, $pid{n}, $seq{n}, $payload{n}, $tags{n}, $manifest{n}, $serializer{n})";

    private static void AddRowParameters(SqliteCommand command, int n)
    {
        foreach (var name in new[] { "$ts", "$pid", "$seq", "$payload", "$tags", "$manifest", "$serializer" })
            command.Parameters.Add(new SqliteParameter { ParameterName = name + n });
    }

    private void ApplyOpenOrders(OpenOrderChanges changes, SqliteTransaction tx)
    {
        var open = _open!;
        var end = _end!;
        open.Transaction = tx;
        end.Transaction = tx;
        try
        {
            for (var i = 0; i < changes.OpenedIds.Count; i++)
            {
                open.Parameters[0].Value = changes.OpenedIds[i];
                open.Parameters[1].Value = changes.OpenedAtSequenceNr[i];
                open.ExecuteNonQuery();
            }
            foreach (var id in changes.EndedIds)
            {
                end.Parameters[0].Value = id;
                end.ExecuteNonQuery();
            }
        }
        finally
        {
            open.Transaction = null;
            end.Transaction = null;
        }
    }

    public Task<IReadOnlyDictionary<string, long>> HighestSequenceNrsAsync(IReadOnlyCollection<string> persistenceIds)
    {
        Insert(); // opens the connection
        var highest = _highest!;
        var result = new Dictionary<string, long>(persistenceIds.Count, StringComparer.Ordinal);
        foreach (var id in persistenceIds)
        {
            highest.Parameters[0].Value = id;
            var value = highest.ExecuteScalar();
            result[id] = value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return Task.FromResult<IReadOnlyDictionary<string, long>>(result);
    }

    /// <summary>Opened on first use: the plugin creates the table during its own start, before the first write.</summary>
    private SqliteCommand Insert()
    {
        if (_insert is not null) return _insert;
        var connection = new SqliteConnection(_connectionString);
        SqliteCommand? insert = null;
        SqliteCommand? chunk = null;
        SqliteCommand? highest = null;
        SqliteCommand? open = null;
        SqliteCommand? end = null;
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                pragma.ExecuteNonQuery();
            }
            CreateOpenOrderTable(connection);
            insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO event_journal ({Columns}) VALUES {RowValues(0)}";
            AddRowParameters(insert, 0);
            insert.Prepare();
            chunk = connection.CreateCommand();
            chunk.CommandText = $"INSERT INTO event_journal ({Columns}) VALUES "
                                + string.Join(", ", Enumerable.Range(0, RowsPerChunk).Select(RowValues));
            for (var n = 0; n < RowsPerChunk; n++) AddRowParameters(chunk, n);
            chunk.Prepare();
            highest = connection.CreateCommand();
            highest.CommandText = "SELECT MAX(sequence_nr) FROM event_journal WHERE persistence_id = $pid";
            highest.Parameters.Add(new SqliteParameter { ParameterName = "$pid" });
            highest.Prepare();
            open = connection.CreateCommand();
            open.CommandText = $"INSERT INTO {OpenOrderTable.Name} (persistence_id, opened_seq) VALUES ($pid, $seq) "
                               + "ON CONFLICT (persistence_id) DO UPDATE SET opened_seq = excluded.opened_seq";
            open.Parameters.Add(new SqliteParameter { ParameterName = "$pid" });
            open.Parameters.Add(new SqliteParameter { ParameterName = "$seq" });
            open.Prepare();
            end = connection.CreateCommand();
            end.CommandText = $"DELETE FROM {OpenOrderTable.Name} WHERE persistence_id = $pid";
            end.Parameters.Add(new SqliteParameter { ParameterName = "$pid" });
            end.Prepare();
        }
        catch
        {
            // Not ready yet (the plugin has not created the table): the next call tries again, on a new connection.
            insert?.Dispose();
            chunk?.Dispose();
            highest?.Dispose();
            open?.Dispose();
            end?.Dispose();
            connection.Dispose();
            throw;
        }
        _connection = connection;
        _insertChunk = chunk;
        _highest = highest;
        _open = open;
        _end = end;
        return _insert = insert;
    }

    /// <summary>Creates the open-order table on first use, listing the open orders of a journal written before it.</summary>
    private static void CreateOpenOrderTable(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{OpenOrderTable.Name}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0) return;
        cmd.CommandText = $"CREATE TABLE {OpenOrderTable.Name} (persistence_id TEXT NOT NULL PRIMARY KEY, opened_seq INTEGER NOT NULL)";
        cmd.ExecuteNonQuery();
        cmd.CommandText = OpenOrderTable.BackfillSql(OpenOrderTable.Name, "event_journal");
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    public ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _insertChunk?.Dispose();
        _highest?.Dispose();
        _open?.Dispose();
        _end?.Dispose();
        _connection?.Dispose();
        return ValueTask.CompletedTask;
    }
}
