using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Market;

public enum EvaluationKind
{
    /// <summary>A new signal: send it.</summary>
    Signal,

    /// <summary>The detector produced a signal id already sent: do not send it again.</summary>
    DuplicateSignal,

    /// <summary>The detector said no, with a reason.</summary>
    Skipped,

    /// <summary>The actor did not ask the detector (no metadata, market not open, no consensus).</summary>
    Blocked,
}

/// <summary>The result of one evaluation of one market.</summary>
public readonly record struct MarketEvaluation(EvaluationKind Kind, TradeSignal? Signal, SkipDecision? Skip, MarketPrecondition? Precondition);
