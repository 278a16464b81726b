using Akka.Actor;
using Akka.Hosting;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Hosting;

namespace KalshiArb.Node.Hosting;

/// <summary>The node's coordinated-shutdown steps that are not part of one actor's hosting.</summary>
public static class ShutdownHosting
{
    /// <summary>
    /// Akka's loggers stop before remoting does, and what remoting says then ("Remoting shut down") goes to Akka's own
    /// stdout logger in its own format: past the last phase that matters only warnings are worth a line.
    /// </summary>
    public static AkkaConfigurationBuilder WithQuietEnd(this AkkaConfigurationBuilder akka) =>
        akka.WithActors((system, _) =>
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "quiet-end", () =>
            {
                system.EventStream.SetLogLevel(Akka.Event.LogLevel.WarningLevel);
                return Task.FromResult(Akka.Done.Instance);
            }));

    /// <summary>
    /// Shutdown, first: this member's feed, odds poller and catalog stop (where they run; another market member takes over
    /// after the leave). MarketActors evaluate only on new book or consensus input, so no new signals start from here.
    /// </summary>
    public static AkkaConfigurationBuilder WithFeedStop(this AkkaConfigurationBuilder akka, IReadOnlyCollection<string> memberRoles) =>
        !memberRoles.Contains(ClusterRoles.Market)
            ? akka
            : akka.WithActors((system, _) =>
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "stop-market-feed", () =>
                {
                    MarketsHosting.StopLocalSingletons(system);
                    return Task.FromResult(Akka.Done.Instance);
                }));
}
