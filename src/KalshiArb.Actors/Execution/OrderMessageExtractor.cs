using Akka.Cluster.Sharding;
using KalshiArb.Actors.Contracts;
using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>
/// For the "order" shard region: the entity id is the execution id (= the client_order_id at the venue). A
/// <see cref="TradeSignal"/> becomes the <see cref="PlaceOrder"/> of the execution id derived from its signal id,
/// so a repeated signal lands on the same entity and never makes a second order. Venue reports are routed by
/// their client order id; reports that only carry an exchange order id arrive wrapped in a
/// <see cref="ShardingEnvelope"/> by whoever knows the mapping (Akka unwraps envelopes before this runs).
/// </summary>
public sealed class OrderMessageExtractor(int maxShards = 100) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        IOrderMessage m => m.ExecutionId,
        TradeSignal s => ExecutionIds.FromSignal(s.SignalId),
        VenueFill { ClientOrderId: { Length: > 0 } id } => id,
        VenueOrderUpdate { Order.ClientOrderId: { Length: > 0 } id } => id,
        _ => null,
    };

    public override object EntityMessage(object message) => message switch
    {
        TradeSignal s => new PlaceOrder(ExecutionIds.FromSignal(s.SignalId), s),
        _ => message,
    };
}
