using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // the host's own lines ("Application is shutting down...") would only interleave with the caller's output
        builder.Logging.ClearProviders();
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
