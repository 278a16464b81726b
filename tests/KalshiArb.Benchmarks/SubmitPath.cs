namespace KalshiArb.Benchmarks;

/// <summary>Which order host the submit harness drives.</summary>
public enum SubmitPath
{
    /// <summary>The local OrderSupervisor: open-order index write, then the child OrderActor.</summary>
    LocalSupervisor,

    /// <summary>The node's path: the "order" shard region with remember-entities in a single-node cluster.</summary>
    ShardRegion,
}
