using Npgsql;
using NpgsqlTypes;

namespace KalshiArb.Actors.Persistence;

/// <summary>
/// Journal rows on PostgreSQL: a group is one statement (arrays unnested into rows, so one round trip and one commit
/// whatever its size), the highest sequence numbers of all ids asked for meanwhile one query.
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

    private const string HighestSql =
        "SELECT persistence_id, MAX(sequence_nr) FROM public.event_journal WHERE persistence_id = ANY(@ids) GROUP BY persistence_id";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresJournalRowStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InsertAsync(IReadOnlyList<JournalRow> rows)
    {
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
        await using var cmd = _dataSource.CreateCommand(InsertSql);
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
        var result = new Dictionary<string, long>(persistenceIds.Count, StringComparer.Ordinal);
        await using var cmd = _dataSource.CreateCommand(HighestSql);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = persistenceIds.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
