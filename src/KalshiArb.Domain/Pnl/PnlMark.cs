using KalshiArb.Domain.Primitives;

namespace KalshiArb.Domain.Pnl;

/// <summary>Where one market could be marked, in YES terms: the book's mid and the consensus fair value (null when unknown).</summary>
public sealed record PnlMark(Price? Mid, Price? Fair);
