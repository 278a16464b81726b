using Microsoft.Extensions.Hosting;

namespace KalshiArb.Node.Tests.Cluster;

/// <summary>One in-process cluster member: its generic host, actor system and trading node.</summary>
public sealed class ClusterNode
{
    public required string Name { get; init; }
    public required TradingNode Trading { get; init; }
    public required Serilog.ILogger Logger { get; init; }
    public bool Stopped { get; set; }

    public IHost Host => Trading.Host;

    public ActorSystem System => Trading.System;

    public Akka.Actor.Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    public override string ToString() => $"{Name} ({Address})";
}
