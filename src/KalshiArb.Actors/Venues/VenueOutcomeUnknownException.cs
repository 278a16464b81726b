using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Venues;

/// <summary>
/// The venue gave no usable answer (timeout, transport failure, unreadable reply): the order may or may not
/// exist. Callers reconcile (FindOrderAsync by client id) instead of assuming either way.
/// </summary>
public sealed class VenueOutcomeUnknownException(VenueResultKind kind, string message) : Exception(message)
{
    public VenueResultKind Kind { get; } = kind;
}
