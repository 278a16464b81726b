namespace KalshiArb.Odds.Api;

public enum OddsApiErrorKind
{
    MissingApiKey,
    InvalidRequest,
    /// <summary>401: bad key, or the usage quota is spent.</summary>
    Unauthorized,
    /// <summary>429: too many requests too fast.</summary>
    RateLimited,
    /// <summary>Any other 4xx (e.g. 422 unknown sport or bad parameter).</summary>
    ClientError,
    ServerError,
    Timeout,
    Network,
    MalformedBody,
}

/// <summary>A failed call with a reason fit for a log line (never contains the API key).</summary>
public sealed record OddsApiError(OddsApiErrorKind Kind, int? HttpStatus, string Reason);
