namespace KalshiArb.Exchange.Auth;

/// <summary>Why a request's signature headers were refused.</summary>
public enum AuthFailure
{
    None = 0,
    MissingHeaders,
    UnknownKey,
    MalformedTimestamp,
    TimestampExpired,
    IncorrectSignature,
}
