namespace KalshiArb.Domain.Book;

/// <summary>Outcome of applying a snapshot or delta. Anything but Applied is a refusal, counted by the caller.</summary>
public enum BookUpdateResult
{
    Applied = 0,

    /// <summary>Delta seq was not last seq + 1: the book is no longer whole until the next snapshot.</summary>
    Gap,

    /// <summary>No snapshot yet, or the book lost wholeness: deltas wait for a snapshot.</summary>
    AwaitingSnapshot,

    /// <summary>The delta would take a level below zero.</summary>
    NegativeLevel,

    /// <summary>A price outside 0..1 exclusive, or off the market's price grid.</summary>
    InvalidPrice,

    /// <summary>A snapshot level with a negative size.</summary>
    InvalidSize,

    /// <summary>A snapshot listed the same price twice on one side.</summary>
    DuplicateLevel,

    /// <summary>Marked not whole from outside (e.g. the feed saw a gap or a disconnect).</summary>
    Invalidated,
}
