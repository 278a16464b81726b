namespace KalshiArb.Domain.Pnl;

/// <summary>Where one market could be marked, in YES terms: the book's mid and the consensus fair value (null when unknown).</summary>
public sealed record PnlMark(Price? Mid, Price? Fair)
{
    /// <summary>The mid of a two-sided book (YES bid and YES ask); null when either side is missing.</summary>
    public static Price? MidOf(Price? yesBid, Price? yesAsk) =>
        yesBid is { } bid && yesAsk is { } ask ? new Price((bid.Ticks + ask.Ticks) / 2) : null;

    /// <summary>A fair YES probability as a price (nearest $0.0001); null when unknown or not a probability.</summary>
    public static Price? FairOf(double? fairYes) =>
        fairYes is { } q && double.IsFinite(q) && q is >= 0 and <= 1 ? new Price((int)Math.Round(q * Price.TicksPerDollar)) : null;
}
