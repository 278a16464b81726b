using Akka.Configuration;

namespace KalshiArb.Actors.Persistence;

/// <summary>The open-order table as its reader sees it (the journal writes it; see <see cref="OpenOrderTable"/>).</summary>
public interface IOpenOrderList : IAsyncDisposable
{
    /// <summary>Every listed order; empty while the table does not exist yet (nothing has been journaled).</summary>
    Task<IReadOnlyList<OpenOrderEntry>> ListAsync(CancellationToken ct);

    /// <summary>
    /// Takes an order off the list that was found finished at <paramref name="finishedAtSequenceNr"/> (an entry left by a
    /// journal written before the table existed). Kept if it was opened again after that: the journal listed it anew.
    /// </summary>
    Task RemoveFinishedAsync(string persistenceId, long finishedAtSequenceNr, CancellationToken ct);
}

public static class OpenOrderList
{
    /// <summary>The list beside the journal that <paramref name="journalConfig"/> (akka.persistence.journal.sql) describes.</summary>
    public static IOpenOrderList For(Config journalConfig)
    {
        var provider = journalConfig.GetString("provider-name", "");
        var connectionString = journalConfig.GetString("connection-string", "");
        if (provider.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase)) return new SqliteOpenOrderList(connectionString);
        if (provider.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return new PostgresOpenOrderList(connectionString);
        throw new ConfigurationException($"the open-order list supports SQLite and PostgreSQL journals, not provider-name '{provider}'");
    }
}
