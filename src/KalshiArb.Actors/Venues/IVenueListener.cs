using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Venues;

/// <summary>Receives what a venue reports on its own (fills, status changes). Implementations must not block.</summary>
public interface IVenueListener
{
    void OnFill(VenueFill fill);
    void OnOrderUpdate(VenueOrderUpdate update);
}
