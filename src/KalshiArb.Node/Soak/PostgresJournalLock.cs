using Npgsql;

namespace KalshiArb.Node.Soak;

/// <summary>
/// LOCK TABLE … IN EXCLUSIVE MODE on the shared PostgreSQL journal table, held for a while: reads go on, every insert
/// waits for it.
/// </summary>
public sealed class PostgresJournalLock(string connectionString) : JournalLock
{
    public const string JournalTable = "event_journal";

    public override async Task HoldAsync(TimeSpan hold, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand($"LOCK TABLE {JournalTable} IN EXCLUSIVE MODE", connection, tx))
            await command.ExecuteNonQueryAsync(ct);
        try
        {
            await Task.Delay(hold, ct);
        }
        finally
        {
            await tx.RollbackAsync(CancellationToken.None);
        }
    }
}
