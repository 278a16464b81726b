namespace KalshiArb.Exchange.Catalog;

/// <summary>How a market's fair value follows its game's hidden home-win probability.</summary>
public enum MarketKind
{
    /// <summary>YES = a team wins the game.</summary>
    GameWinner,
    /// <summary>YES = the team covers a spread: priced below its win probability.</summary>
    Spread,
    /// <summary>YES = total points over a line: loosely tied to the game, drifts on its own.</summary>
    Total,
}
