using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;

namespace KalshiArb.Actors.Cluster;

/// <summary>Where this member listens, which roles it carries and which seeds it joins (none: it forms a cluster alone).</summary>
public sealed record ClusterMembership(string Hostname, int Port, IReadOnlyList<string> Roles, IReadOnlyList<string> SeedNodes);

public static class ClusterHosting
{
    /// <summary>
    /// Remoting, roles and seeds through the typed options; under them the shipped hocon/cluster.conf with one overlay per
    /// role (split-brain resolver, failure detector, sharding store, hand-over timing: settings with no typed option, or
    /// whose typed option would not say why the value was chosen) and the reference configuration of sharding and
    /// singletons (<see cref="ClusterDefaults"/>, below everything). The shipped files are prepended, as each layer of the
    /// manifest's configuration is: over the reference configuration (Akka's sharding default would keep the coordinator
    /// state in the journal), under the typed options and whatever the manifest adds later.
    /// </summary>
    public static AkkaConfigurationBuilder WithTradingCluster(this AkkaConfigurationBuilder akka, ClusterMembership member) =>
        akka
            .AddHocon(ClusterDefaults.Create(), HoconAddMode.Append)
            .AddHocon(ClusterConfig.WithRoles(member.Roles), HoconAddMode.Prepend)
            .WithRemoting(member.Hostname, member.Port)
            .WithClustering(new ClusterOptions { Roles = [.. member.Roles], SeedNodes = [.. member.SeedNodes] });

    /// <summary>
    /// Joins the cluster before any singleton or region starts: with no seed nodes this member forms a cluster of its own
    /// (the embedded default), otherwise the seeds are joined. Not a member within <paramref name="timeout"/>: the start ends.
    /// </summary>
    public static AkkaConfigurationBuilder WithClusterJoin(this AkkaConfigurationBuilder akka, ClusterMembership member, TimeSpan timeout,
        Action<Exception> failed, Action<Akka.Actor.Address> joined) =>
        akka.WithActors(async (system, _) =>
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            if (member.SeedNodes.Count == 0) cluster.Join(cluster.SelfAddress);
            try
            {
                await up.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                var notJoined = new InvalidOperationException(
                    $"not a cluster member after {timeout}: no seed node answered ({string.Join(", ", member.SeedNodes)})");
                failed(notJoined);
                throw notJoined;
            }
            joined(cluster.SelfAddress);
        });
}
