namespace KalshiArb.Domain.Orders;

/// <summary>Why an order ended Expired. Every value but <see cref="VenueExpired"/> means it never reached a venue after its horizon.</summary>
public enum OrderExpiryReason
{
    /// <summary>Journals written before reasons existed.</summary>
    Unknown = 0,
    /// <summary>The horizon passed while the order waited for the risk gate (or was approved but not yet sent).</summary>
    HorizonPassedBeforeSubmit,
    /// <summary>The horizon passed while the "submitting" write was on its way to the journal; the venue was never called.</summary>
    HorizonPassedInJournal,
    /// <summary>
    /// A submit was (or may have been) sent but the venue confirms it never got the order, and the horizon has passed, so
    /// it is not sent again (after a crash, or a submit whose answer was lost).
    /// </summary>
    HorizonPassedNeverSeen,
    /// <summary>The signal was already past its horizon when the order was created.</summary>
    SignalTooOld,
    /// <summary>The venue ended the order at its expiration time.</summary>
    VenueExpired,
}

public static class OrderExpiryReasonExtensions
{
    /// <summary>Expired because its horizon passed before it reached the venue (not the venue's own expiry).</summary>
    public static bool IsHorizon(this OrderExpiryReason reason) => reason is not (OrderExpiryReason.Unknown or OrderExpiryReason.VenueExpired);
}
