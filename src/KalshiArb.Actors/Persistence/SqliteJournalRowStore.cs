using Microsoft.Data.Sqlite;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Journal rows on SQLite through one open connection with prepared statements: a group is one transaction (one fsync),
/// a row one execution of the prepared insert. The only writer of the file (snapshots have their own file), so its
/// write lock is never contended; should another process hold it anyway, SQLite's own busy handler waits (up to 5 s)
/// instead of Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqliteJournalRowStore : IJournalRowStore
{
    private const string Columns = "timestamp, is_deleted, persistence_id, sequence_nr, payload, tags, manifest, serializer_id";

    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _highest;

    public SqliteJournalRowStore(string connectionString) => _connectionString = connectionString;

    public Task InsertAsync(IReadOnlyList<JournalRow> rows)
    {
        var insert = Insert();
        using var tx = _connection!.BeginTransaction(deferred: false);
        insert.Transaction = tx;
        try
        {
            foreach (var row in rows)
            {
                insert.Parameters[0].Value = row.TimestampTicks;
                insert.Parameters[1].Value = row.PersistenceId;
                insert.Parameters[2].Value = row.SequenceNr;
                insert.Parameters[3].Value = row.Payload;
                insert.Parameters[4].Value = (object?)row.Tags ?? DBNull.Value;
                insert.Parameters[5].Value = row.Manifest;
                insert.Parameters[6].Value = row.SerializerId;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        finally
        {
            insert.Transaction = null;
        }
        return Task.CompletedTask;
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
        SqliteCommand? highest = null;
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                pragma.ExecuteNonQuery();
            }
            insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO event_journal ({Columns}) VALUES ($ts, 0, $pid, $seq, $payload, $tags, $manifest, $serializer)";
            foreach (var name in new[] { "$ts", "$pid", "$seq", "$payload", "$tags", "$manifest", "$serializer" })
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            insert.Prepare();
            highest = connection.CreateCommand();
            highest.CommandText = "SELECT MAX(sequence_nr) FROM event_journal WHERE persistence_id = $pid";
            highest.Parameters.Add(new SqliteParameter { ParameterName = "$pid" });
            highest.Prepare();
        }
        catch
        {
            // Not ready yet (the plugin has not created the table): the next call tries again, on a new connection.
            insert?.Dispose();
            highest?.Dispose();
            connection.Dispose();
            throw;
        }
        _connection = connection;
        _highest = highest;
        return _insert = insert;
    }

    public ValueTask DisposeAsync()
    {
        _insert?.Dispose();
        _highest?.Dispose();
        _connection?.Dispose();
        return ValueTask.CompletedTask;
    }
}
