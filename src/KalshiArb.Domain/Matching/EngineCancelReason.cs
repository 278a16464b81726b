namespace KalshiArb.Domain.Matching;

/// <summary>Why (part of) an order was canceled by the engine.</summary>
public enum EngineCancelReason
{
    None = 0,
    UserCanceled,
    ImmediateOrCancelRemainder,
    FillOrKillUnfillable,
    SelfTradePrevention,
    DecreasedToZero,
    MarketClosed,
    Expired,
}
