namespace KalshiArb.Kalshi.Model;

/// <summary>Why a text is not a Kalshi market ticker (see <see cref="MarketTickerGrammar"/>).</summary>
public enum TickerFault
{
    None = 0,
    Empty,

    /// <summary>Longer than <see cref="MarketTickerGrammar.MaxLength"/>.</summary>
    TooLong,

    /// <summary>The bytes are not valid UTF-8 (a corrupted or hostile frame).</summary>
    InvalidUtf8,

    /// <summary>A character outside A–Z, 0–9, '.', '-' (lower case, spaces, control or non-ASCII characters).</summary>
    BadCharacter,

    /// <summary>Not SERIES-EVENT-MARKET: too few or too many parts, an empty part, or a part that starts or ends with '.'.</summary>
    WrongShape,
}
