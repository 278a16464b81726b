using Npgsql;

namespace KalshiArb.Actors.Persistence;

/// <summary>Reads the open-order table from the PostgreSQL journal database.</summary>
public sealed class PostgresOpenOrderList(string connectionString) : IOpenOrderList
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<IReadOnlyList<OpenOrderEntry>> ListAsync(CancellationToken ct)
    {
        await using (var exists = _dataSource.CreateCommand($"SELECT to_regclass('public.{OpenOrderTable.Name}') IS NOT NULL"))
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not true) return [];
        await using var cmd = _dataSource.CreateCommand($"SELECT persistence_id, opened_seq FROM public.{OpenOrderTable.Name}");
        var entries = new List<OpenOrderEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) entries.Add(new OpenOrderEntry(reader.GetString(0), reader.GetInt64(1)));
        return entries;
    }

    public async Task RemoveFinishedAsync(string persistenceId, long finishedAtSequenceNr, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"DELETE FROM public.{OpenOrderTable.Name} WHERE persistence_id = @pid AND opened_seq <= @seq");
        cmd.Parameters.AddWithValue("pid", persistenceId);
        cmd.Parameters.AddWithValue("seq", finishedAtSequenceNr);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
