namespace KalshiArb.Domain.Risk;

/// <summary>An order asking the gate for room. Price in the side's own terms; buying is the only action.</summary>
public sealed record ReservationRequest(string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice, Quantity Count);
