using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Market;

/// <summary>Configuration of every MarketActor (not state; the same for all tickers).</summary>
public sealed record MarketActorSettings
{
    /// <summary>
    /// Least time between two evaluations of one market, on its event clock (the changes' receive times); changes inside
    /// it coalesce into one evaluation, due at the last evaluation + this (see <see cref="EvaluationGate"/>).
    /// </summary>
    public TimeSpan MinEvaluationInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A pending evaluation whose due time passes with no later change runs on a wall-clock timer this long after its due
    /// time (room for changes received before it that are still on their way to the market). Null: no timer, the due
    /// evaluation waits for the next change or an <see cref="EvaluateDueBy"/> (a replay, whose clock is not the wall's).
    /// </summary>
    public TimeSpan? DueEvaluationGrace { get; init; } = TimeSpan.FromMilliseconds(20);

    public DetectionPolicy Policy { get; init; } = DetectionPolicy.Default;

    /// <summary>Run the sportsbook-consensus strategy (with <see cref="Policy"/>). On by default.</summary>
    public bool ConsensusEdge { get; init; } = true;

    /// <summary>Run mean reversion on the trade tape with this policy; null (the default): off, and no candles are kept.</summary>
    public MeanReversionPolicy? MeanReversion { get; init; }

    /// <summary>Bankroll share one market may size against (the RiskGate still has the last word).</summary>
    public Money Bankroll { get; init; } = Money.FromDollars(1_000);

    /// <summary>Most contracts one signal may ask for.</summary>
    public Quantity PerMarketCap { get; init; } = Quantity.FromContracts(100);

    /// <summary>
    /// Width of the decision bucket in the signal id: the same opportunity (ticker, side, limit) inside one bucket
    /// is the same signal, so re-evaluations never produce a second order for it.
    /// </summary>
    public TimeSpan SignalBucket { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many sent signal ids the actor remembers to refuse repeats (oldest forgotten first).</summary>
    public int RememberedSignalIds { get; init; } = 1_024;

    public static MarketActorSettings Default { get; } = new();
}
