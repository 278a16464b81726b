namespace KalshiArb.Domain.Detection;

/// <summary>Inputs a strategy cannot work without, beyond the book every strategy reads.</summary>
[Flags]
public enum StrategyNeeds
{
    None = 0,

    /// <summary>A sportsbook consensus for the market (<see cref="StrategyInput.Consensus"/>).</summary>
    Consensus = 1,

    /// <summary>Candles from the market's trade tape (<see cref="StrategyInput.Candles"/>).</summary>
    Candles = 2,
}
