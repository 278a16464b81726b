namespace KalshiArb.Domain.Odds;

public enum BookDropReason
{
    Stale,
    FutureTimestamp,
    /// <summary>An older line from a book that also sent a newer one.</summary>
    Superseded,
    /// <summary>The prices could not be de-vigged; see <see cref="DroppedBook.OddsError"/>.</summary>
    Unusable,
}

public sealed record DroppedBook(string BookKey, BookDropReason Reason, OddsRejection OddsError = OddsRejection.None);
