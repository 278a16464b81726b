using KalshiArb.Actors.Venues;
using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Execution;

/// <summary>Turns a venue's callbacks into messages for one actor (the node's order desk): never blocks the venue.</summary>
public sealed class ActorVenueListener(IActorRef target) : IVenueListener
{
    public void OnFill(VenueFill fill) => target.Tell(fill);

    public void OnOrderUpdate(VenueOrderUpdate update) => target.Tell(update);
}
