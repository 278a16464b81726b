using Akka.Cluster.Sharding;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// For the "order" shard region: the entity id is the execution id (= the client_order_id at the venue). Orders are
/// created only by a <see cref="PlaceOrder"/> from an <see cref="OrderAdmission"/> (a bare signal has no entity).
/// Venue reports are routed by their client order id; reports that only carry an exchange order id arrive wrapped in
/// a <see cref="ShardingEnvelope"/> by whoever knows the mapping (Akka unwraps envelopes before this runs).
/// </summary>
public sealed class OrderMessageExtractor(int maxShards = 100) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        IOrderMessage m => m.ExecutionId,
        VenueFill { ClientOrderId: { Length: > 0 } id } => id,
        VenueOrderUpdate { Order.ClientOrderId: { Length: > 0 } id } => id,
        _ => null,
    };
}
