using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalshiArb.Actors.Hosting;

/// <summary>
/// A generic host with one actor system built from the same hosting extensions as the node's manifest, for what runs
/// parts of a node without the node (specs, benchmarks): <paramref name="config"/> over the reference configuration, then
/// the parts in order.
/// </summary>
public sealed class ActorHost : IAsyncDisposable
{
    private ActorHost(IHost host)
    {
        Host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    public IHost Host { get; }
    public ActorSystem System { get; }
    public IReadOnlyActorRegistry Registry => ActorRegistry.For(System);

    public static async Task<ActorHost> StartAsync(string systemName, Config config, Action<AkkaConfigurationBuilder> parts)
    {
        // The empty builder: no appsettings files or their change watchers, no environment/command-line configuration and
        // no logging providers (the host's own lines would only interleave with the caller's output). The full builder cost
        // the memory harness 11 MB resident for nothing its parts use.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka(systemName, akka =>
        {
            akka.AddHocon(config, HoconAddMode.Prepend);
            parts(akka);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return new ActorHost(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Coordinated shutdown (leave, hand-over), then the host goes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!System.WhenTerminated.IsCompleted) await Host.StopAsync();
        Host.Dispose();
    }
}
