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
    /// <summary>Recovered after a crash past its horizon, and the venue confirmed it never saw the order.</summary>
    HorizonPassedAfterRecovery,
    /// <summary>The signal was already past its horizon when the order was created.</summary>
    SignalTooOld,
    /// <summary>The venue ended the order at its expiration time.</summary>
    VenueExpired,
}
