namespace KalshiArb.Domain.Matching;

/// <summary>
/// What happens when an incoming (taker) order would trade with a resting order of the same account.
/// The taker's mode decides.
/// </summary>
public enum SelfTradePrevention
{
    /// <summary>Kalshi "taker_at_cross": fills made before reaching the own order stand; the taker's remainder is canceled.</summary>
    TakerAtCross = 0,

    /// <summary>Kalshi "maker": each own resting order met is canceled, and the taker keeps matching behind it.</summary>
    Maker = 1,
}
