using KalshiArb.Actors.Persistence;

namespace KalshiArb.Node.Tests.Hosting;

public sealed class NodeSettingsSpec
{
    [Fact]
    public void Defaults_are_the_embedded_demo()
    {
        var s = NodeSettings.FromEnvironment(_ => null);
        Assert.Equal(TradingMode.Sim, s.Mode);
        Assert.Equal(PersistenceStore.Sqlite, s.Store);
        Assert.Equal($"Data Source={Path.Combine("data", "kalshiarb.db")}", s.EffectiveConnectionString);
    }

    [Fact]
    public void Environment_overrides_apply()
    {
        var env = new Dictionary<string, string>
        {
            ["KA_DATA_DIR"] = "/var/lib/ka",
            ["KA_PERSISTENCE"] = "postgres",
            ["KA_CONNECTION_STRING"] = "Host=db;Password=secret",
        };
        var s = NodeSettings.FromEnvironment(k => env.GetValueOrDefault(k));
        Assert.Equal("/var/lib/ka", s.DataDirectory);
        Assert.Equal(PersistenceStore.PostgreSql, s.Store);
        Assert.Equal("Host=db;Password=secret", s.EffectiveConnectionString);
        Assert.DoesNotContain("secret", s.ToString());
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_a_clear_error()
    {
        var s = new NodeSettings { Store = PersistenceStore.PostgreSql };
        var ex = Assert.Throws<InvalidOperationException>(() => s.EffectiveConnectionString);
        Assert.Contains("KA_CONNECTION_STRING", ex.Message);
    }

    [Fact]
    public void Unknown_store_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NodeSettings.ParseStore("mongo"));
    }
}
