namespace KalshiArb.Domain.Book;

/// <summary>One price level: a price and the contracts resting (or derived as an ask) there.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size);
