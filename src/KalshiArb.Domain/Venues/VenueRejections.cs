namespace KalshiArb.Domain.Venues;

/// <summary>Maps a venue's refusal class to the order's reject reason code.</summary>
public static class VenueRejections
{
    public static OrderRejectReason ToRejectReason(this VenueResultKind kind) => kind switch
    {
        VenueResultKind.InsufficientBalance => OrderRejectReason.InsufficientBalance,
        VenueResultKind.InvalidPrice => OrderRejectReason.InvalidPrice,
        VenueResultKind.InvalidOrder => OrderRejectReason.InvalidOrder,
        VenueResultKind.MarketInactive => OrderRejectReason.MarketInactive,
        VenueResultKind.RateLimited => OrderRejectReason.RateLimited,
        VenueResultKind.AuthFailed => OrderRejectReason.AuthenticationFailed,
        VenueResultKind.AlreadyExists => OrderRejectReason.OrderAlreadyExists,
        VenueResultKind.ServerError or VenueResultKind.NotFound => OrderRejectReason.VenueError,
        _ => OrderRejectReason.Unknown,
    };
}
