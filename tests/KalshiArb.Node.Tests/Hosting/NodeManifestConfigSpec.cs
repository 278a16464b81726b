using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalshiArb.Node.Tests.Hosting;

/// <summary>
/// The running node's configuration comes from the manifest's extensions (typed remoting and clustering over the shipped
/// HOCON); offline readers compose it with <see cref="AkkaConfigComposer"/>. Both must say the same, and the operator's
/// overlay must win over the typed options too.
/// </summary>
public sealed class NodeManifestConfigSpec : IDisposable
{
    private static readonly string[] Keys =
    [
        "akka.cluster.downing-provider-class", "akka.cluster.split-brain-resolver.active-strategy",
        "akka.cluster.split-brain-resolver.stable-after", "akka.cluster.split-brain-resolver.down-all-when-unstable",
        "akka.cluster.down-removal-margin", "akka.cluster.failure-detector.acceptable-heartbeat-pause", "akka.cluster.sharding.state-store-mode",
        "akka.cluster.sharding.remember-entities-store", "akka.cluster.singleton.hand-over-retry-interval", "akka.remote.dot-netty.tcp.hostname",
        "akka.remote.dot-netty.tcp.maximum-frame-size", "akka.persistence.journal.sql.class", "akka.persistence.journal.sql.connection-string",
        "akka.actor.serialization-settings.allow-unregistered-types", "akka.loglevel", "kalshiarb.orders.settlement-check-interval",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("ka-manifest-config-").FullName;

    [Fact]
    public async Task The_hosted_node_runs_on_the_configuration_offline_readers_compose()
    {
        var overlay = Path.Combine(_dir, "overlay.conf");
        await File.WriteAllTextAsync(overlay, "akka.cluster.split-brain-resolver.stable-after = 5s\nkalshiarb.orders.settlement-check-interval = 7s\n");
        var settings = new NodeSettings
        {
            DataDirectory = _dir,
            Roles = ["market", "execution"],
            SeedNodes = ["akka.tcp://kalshiarb@127.0.0.1:1"],
            ConfigOverlayPath = overlay,
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka(settings.SystemName, akka => akka
            .AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend)
            .WithNodeConfig(settings));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var hosted = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
            var composed = AkkaConfigComposer.Compose(settings);
            foreach (var key in Keys) Assert.True(composed.GetString(key) == hosted.GetString(key), $"{key}: composed {composed.GetString(key)}, hosted {hosted.GetString(key)}");
            Assert.Equal(composed.GetStringList("akka.cluster.roles"), hosted.GetStringList("akka.cluster.roles"));
            Assert.Equal(["market", "execution"], hosted.GetStringList("akka.cluster.roles"));
            Assert.Equal(settings.SeedNodes, hosted.GetStringList("akka.cluster.seed-nodes"));
            Assert.Equal(TimeSpan.FromSeconds(5), hosted.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
            Assert.Contains("Cluster", hosted.GetString("akka.actor.provider"), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(TimeSpan.FromSeconds(7), TradingConfig.From(hosted).SettlementCheckInterval);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
