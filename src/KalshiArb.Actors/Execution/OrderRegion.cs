namespace KalshiArb.Actors.Execution;

/// <summary>
/// The registry key of the "order" shard region (a proxy on a member without the execution role): OrderActors by
/// execution id, routed by <see cref="OrderMessageExtractor"/>.
/// </summary>
public sealed class OrderRegion
{
    public const string TypeName = "order";

    private OrderRegion()
    {
    }
}
