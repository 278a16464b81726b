namespace KalshiArb.Domain.Detection;

/// <summary>The outcome of evaluating one market: a <see cref="SignalDecision"/> or a <see cref="SkipDecision"/>.</summary>
public abstract record DetectionDecision(string Ticker);
