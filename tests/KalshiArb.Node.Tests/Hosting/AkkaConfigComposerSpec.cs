using KalshiArb.Actors.Serialization;

namespace KalshiArb.Node.Tests.Hosting;

public sealed class AkkaConfigComposerSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-node-").FullName;

    [Fact]
    public void Composed_config_forbids_unregistered_types_and_binds_our_serializer()
    {
        var c = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir });
        Assert.False(c.GetBoolean("akka.actor.serialization-settings.allow-unregistered-types", true));
        Assert.Equal(KalshiArbSerializer.SerializerId,
            c.GetInt($"akka.actor.serialization-identifiers.\"{typeof(KalshiArbSerializer).AssemblyQualifiedName}\""));
    }

    [Fact]
    public void Connection_string_reaches_journal_and_read_journal_and_snapshots_get_the_file_beside_it()
    {
        var c = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir });
        var expected = $"Data Source={Path.Combine(_dir, "kalshiarb.db")}";
        Assert.Equal(expected, c.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal($"Data Source={Path.Combine(_dir, "kalshiarb-snapshots.db")}", c.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal(expected, c.GetString("akka.persistence.query.journal.sql.connection-string"));
        Assert.Equal("SQLite.MS", c.GetString("akka.persistence.query.journal.sql.provider-name"));
    }

    [Fact]
    public void A_user_overlay_wins_over_shipped_files()
    {
        var overlay = Path.Combine(_dir, "overlay.conf");
        File.WriteAllText(overlay, "akka.loglevel = DEBUG\n");
        var c = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir, ConfigOverlayPath = overlay });
        Assert.Equal("DEBUG", c.GetString("akka.loglevel"));
    }

    [Fact]
    public void A_missing_overlay_is_a_clear_error()
    {
        Assert.Throws<FileNotFoundException>(() =>
            AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir, ConfigOverlayPath = Path.Combine(_dir, "nope.conf") }));
    }

    [Fact]
    public void An_overlay_cut_short_is_refused_with_the_line_left_open()
    {
        var overlay = Path.Combine(_dir, "cut.conf");
        File.WriteAllText(overlay, "kalshiarb {\n  risk {\n    max-contracts-per-market = 5\n");
        var ex = Assert.Throws<Akka.Configuration.ConfigurationException>(() =>
            AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir, ConfigOverlayPath = overlay }));
        Assert.Contains("cut.conf, line 2: '{' is never closed", ex.Message);
    }

    [Fact]
    public void Each_role_overlay_adds_its_role()
    {
        var all = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir });
        Assert.Equal(["market", "execution", "risk"], all.GetStringList("akka.cluster.roles"));
        var two = AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir, Roles = ["execution", "risk"] });
        Assert.Equal(["execution", "risk"], two.GetStringList("akka.cluster.roles"));
        Assert.Equal("cluster", two.GetString("akka.actor.provider"));
    }

    [Fact]
    public void Address_and_seeds_come_from_the_settings()
    {
        var c = AkkaConfigComposer.Compose(new NodeSettings
        {
            DataDirectory = _dir, Hostname = "node2", Port = 4054, SeedNodes = ["akka.tcp://kalshiarb@node1:4053"],
        });
        Assert.Equal("node2", c.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4054, c.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.tcp://kalshiarb@node1:4053"], c.GetStringList("akka.cluster.seed-nodes"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
