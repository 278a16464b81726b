namespace KalshiArb.Domain.Detection;

/// <summary>No trade, with the coded reason; <see cref="Side"/> is set when the reason belongs to one side.</summary>
public sealed record SkipDecision(string Ticker, SkipReason Reason, OutcomeSide? Side, string Detail)
    : DetectionDecision(Ticker);
