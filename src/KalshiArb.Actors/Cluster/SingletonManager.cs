namespace KalshiArb.Actors.Cluster;

/// <summary>The registry key of this member's ClusterSingletonManager for the singleton registered under <typeparamref name="TKey"/>.</summary>
public sealed class SingletonManager<TKey>
{
    private SingletonManager()
    {
    }
}
