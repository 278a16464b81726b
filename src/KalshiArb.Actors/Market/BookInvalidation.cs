namespace KalshiArb.Actors.Market;

/// <summary>Why a book was marked not whole from outside the book itself.</summary>
public enum BookInvalidation
{
    /// <summary>The feed saw a seq gap on the book's subscription (a snapshot was requested).</summary>
    Gap,

    /// <summary>The feed connection ended; every book waits for the snapshots of the next connection.</summary>
    Disconnect,
}
