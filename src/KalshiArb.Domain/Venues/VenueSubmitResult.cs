namespace KalshiArb.Domain.Venues;

/// <summary>Result of a create. On Accepted the order id and the fills that happened immediately are known.</summary>
public sealed record VenueSubmitResult(
    VenueResultKind Kind,
    string? ExchangeOrderId,
    VenueOrderStatus? Status,
    Quantity FilledCount,
    Quantity RemainingCount,
    string? Message)
{
    public bool IsAccepted => Kind == VenueResultKind.Accepted;

    public static VenueSubmitResult Rejected(VenueResultKind kind, string message) =>
        new(kind, null, null, Quantity.Zero, Quantity.Zero, message);
}
