namespace KalshiArb.Exchange.Markets;

/// <summary>A refusal with its wire mapping: HTTP status, Kalshi error code and details.</summary>
public sealed record ExchangeRejection(ExchangeRejectCode Code, string Message)
{
    public int HttpStatus => Code switch
    {
        ExchangeRejectCode.NotFound => 404,
        ExchangeRejectCode.OrderAlreadyExists => 409,
        _ => 400,
    };

    public string WireCode => Code switch
    {
        ExchangeRejectCode.InvalidParameters => "invalid_parameters",
        ExchangeRejectCode.InvalidPrice => "invalid_price",
        ExchangeRejectCode.PostOnlyCross => "invalid_order",
        ExchangeRejectCode.InsufficientBalance => "insufficient_balance",
        ExchangeRejectCode.OrderAlreadyExists => "order_already_exists",
        ExchangeRejectCode.NotFound => "not_found",
        ExchangeRejectCode.MarketInactive => "market_inactive",
        ExchangeRejectCode.InvalidOrder => "invalid_order",
        ExchangeRejectCode.FractionalCountNotAllowed => "invalid_parameters",
        _ => "internal_error",
    };

    public string? Details => Code switch
    {
        ExchangeRejectCode.MarketInactive => "MARKET_INACTIVE",
        ExchangeRejectCode.PostOnlyCross => "post only cross",
        ExchangeRejectCode.FractionalCountNotAllowed => "FRACTIONAL_TRADING_NOT_ENABLED",
        _ => null,
    };
}
