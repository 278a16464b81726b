namespace KalshiArb.Node.Tests.Cluster;

/// <summary>Multi-node cluster specs bind ports and run several actor systems each: never in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
