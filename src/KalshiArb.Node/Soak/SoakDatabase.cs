using Npgsql;

namespace KalshiArb.Node.Soak;

/// <summary>A fresh PostgreSQL database for one cluster soak (its shared journal); dropped at the end unless kept.</summary>
public sealed class SoakDatabase
{
    private readonly string _server;

    private SoakDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 25 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<SoakDatabase> CreateAsync(string server, CancellationToken ct)
    {
        var db = new SoakDatabase(server, "ka_soak_" + Guid.NewGuid().ToString("N")[..12]);
        await db.ExecuteAsync($"CREATE DATABASE {db.Name}", ct);
        return db;
    }

    public Task DropAsync(CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        return ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
