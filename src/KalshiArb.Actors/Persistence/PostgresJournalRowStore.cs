using Npgsql;
using NpgsqlTypes;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Journal rows on PostgreSQL: a group is one statement (arrays unnested into rows, so one round trip and one commit
/// whatever its size, open-order table changes included), the highest sequence numbers of all ids asked for meanwhile one query.
/// </summary>
public sealed class PostgresJournalRowStore : IJournalRowStore
{
    private const string InsertSql =
        "INSERT INTO public.event_journal (created_at, is_deleted, persistence_id, sequence_nr, payload, tags, manifest, serializer_id) "
        + "SELECT t.created_at, false, t.persistence_id, t.sequence_nr, t.payload, t.tags, t.manifest, t.serializer_id "
        + "FROM unnest(@ts, @pid, @seq, @payload, @tags, @manifest, @serializer) WITH ORDINALITY "
        + "AS t(created_at, persistence_id, sequence_nr, payload, tags, manifest, serializer_id, n) "
        // The ordering column (what tag queries follow) must follow the group's order: each id's events in sequence.
        + "ORDER BY t.n";

    // The open-order table's changes ride in the same statement as data-modifying CTEs: still one round trip, one commit.
    private static readonly string InsertWithOpenOrdersSql =
        $"WITH opened AS (INSERT INTO public.{OpenOrderTable.Name} (persistence_id, opened_seq) SELECT * FROM unnest(@opened, @opened_seq) "
        + "ON CONFLICT (persistence_id) DO UPDATE SET opened_seq = EXCLUDED.opened_seq), "
        + $"ended AS (DELETE FROM public.{OpenOrderTable.Name} WHERE persistence_id = ANY(@ended)) "
        + InsertSql;

    // One index probe per id (the unique index on persistence_id, sequence_nr, read backwards). A GROUP BY over
    // "persistence_id = ANY(ids)" was planned as a parallel scan of the table on a young journal whose statistics lag
    // (measured: workers started per query, lifecycles falling from 1,250/s to 630/s within a minute as the table grew).
    private const string HighestSql =
        "SELECT i.id, (SELECT j.sequence_nr FROM public.event_journal j WHERE j.persistence_id = i.id ORDER BY j.sequence_nr DESC LIMIT 1) "
        + "FROM unnest(@ids) AS i(id)";

    private const long AdvisoryLockKey = 0x4b41_4f4f_5044; // "KAOOPD": creating the open-order table
    private readonly NpgsqlDataSource _dataSource;
    private bool _openOrderTableReady;

    public PostgresJournalRowStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(WithPreparedStatements(connectionString));

    /// <summary>
    /// The same few statements run thousands of times a second: Npgsql prepares them on the server after a few uses
    /// (no parse and plan per group), unless the connection string already says how many to prepare.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 16;
        return builder.ConnectionString;
    }

    public async Task InsertAsync(IReadOnlyList<JournalRow> rows)
    {
        await EnsureOpenOrderTableAsync().ConfigureAwait(false);
        var n = rows.Count;
        var ts = new long[n];
        var pid = new string[n];
        var seq = new long[n];
        var payload = new byte[n][];
        var tags = new string?[n];
        var manifest = new string[n];
        var serializer = new int[n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            ts[i] = row.TimestampTicks;
            pid[i] = row.PersistenceId;
            seq[i] = row.SequenceNr;
            payload[i] = row.Payload;
            tags[i] = row.Tags;
            manifest[i] = row.Manifest;
            serializer[i] = row.SerializerId;
        }
        var changes = OpenOrderChanges.Of(rows);
        await using var cmd = _dataSource.CreateCommand(changes is null ? InsertSql : InsertWithOpenOrdersSql);
        if (changes is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter("opened", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = changes.OpenedIds.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("opened_seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = changes.OpenedAtSequenceNr.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("ended", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = changes.EndedIds.ToArray() });
        }
        cmd.Parameters.Add(new NpgsqlParameter("ts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ts });
        cmd.Parameters.Add(new NpgsqlParameter("pid", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pid });
        cmd.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = seq });
        cmd.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payload });
        cmd.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags });
        cmd.Parameters.Add(new NpgsqlParameter("manifest", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = manifest });
        cmd.Parameters.Add(new NpgsqlParameter("serializer", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = serializer });
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, long>> HighestSequenceNrsAsync(IReadOnlyCollection<string> persistenceIds)
    {
        await EnsureOpenOrderTableAsync().ConfigureAwait(false);
        var result = new Dictionary<string, long>(persistenceIds.Count, StringComparer.Ordinal);
        await using var cmd = _dataSource.CreateCommand(HighestSql);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = persistenceIds.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) result[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        return result;
    }

    /// <summary>
    /// Creates the open-order table once (listing the open orders of a journal written before it); nodes of a cluster
    /// sharing the database take an advisory lock so exactly one of them creates and fills it.
    /// </summary>
    private async Task EnsureOpenOrderTableAsync()
    {
        if (_openOrderTableReady) return;
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({AdvisoryLockKey}); SELECT to_regclass('public.{OpenOrderTable.Name}') IS NOT NULL";
        await using (var reader = await cmd.ExecuteReaderAsync().ConfigureAwait(false))
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            if (reader.GetBoolean(0))
            {
                _openOrderTableReady = true;
                return;
            }
        }
        cmd.CommandText = $"CREATE TABLE public.{OpenOrderTable.Name} (persistence_id TEXT NOT NULL PRIMARY KEY, opened_seq BIGINT NOT NULL); "
                          + OpenOrderTable.BackfillSql("public." + OpenOrderTable.Name, "public.event_journal");
        await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        _openOrderTableReady = true;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
