using KalshiArb.Domain.Venues;

namespace KalshiArb.Actors.Venues;

/// <summary>
/// Where orders live: the paper matching engine or Kalshi (real or the simulator). A venue keeps no order
/// state beyond what the exchange keeps; OrderActors own the lifecycle. Every call is async and must
/// never throw for expected outcomes: the result says what happened. Exceptions mean "outcome unknown"
/// (timeouts, transport errors) and the caller must reconcile.
/// </summary>
public interface IVenue
{
    /// <summary>Short name for logs and audit ("paper", "kalshi-sim", "kalshi-live").</summary>
    string Name { get; }

    /// <summary>
    /// Creates an order whose client_order_id is <see cref="VenueOrderRequest.ClientOrderId"/>. A repeat with
    /// the same client id must answer <see cref="VenueResultKind.AlreadyExists"/>, never a second order.
    /// </summary>
    Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct);

    /// <summary>Cancels the remainder. NotFound when the venue no longer has the order resting.</summary>
    Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct);

    /// <summary>The venue's view of an order, found by our client order id (used by reconciliation).</summary>
    Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct);

    /// <summary>Every fill of one exchange order so far (used by reconciliation; de-duplicated by trade id upstream).</summary>
    Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct);

    /// <summary>Starts pushing <see cref="VenueFill"/> and <see cref="VenueOrderUpdate"/> messages to the listener.</summary>
    void Subscribe(IVenueListener listener);
}
