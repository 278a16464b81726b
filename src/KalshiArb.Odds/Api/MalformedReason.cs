namespace KalshiArb.Odds.Api;

/// <summary>
/// Why (part of) an answer was refused. NotJson, NotAnArray and NotUtf8 reject the whole body; the others skip one
/// element (event, bookmaker, market or outcome) and keep the rest.
/// </summary>
public enum MalformedReason
{
    NotJson,
    NotAnArray,
    EventNotAnObject,
    EventMissingField,
    EventBadCommenceTime,
    BookmakerMissingField,
    BookmakerBadLastUpdate,
    MarketMissingField,
    OutcomeMissingField,
    /// <summary>A price that is not a valid number in the requested odds format (e.g. American +50, decimal 1.0).</summary>
    OutcomeBadPrice,

    /// <summary>The body is not valid UTF-8 (JSON must be): refused whole, its strings cannot be read.</summary>
    NotUtf8,
}
