namespace KalshiArb.Kalshi.Errors;

/// <summary>A typed Kalshi failure with the raw code/message/details kept for audit.</summary>
public sealed record KalshiError(KalshiErrorKind Kind, int HttpStatus, string? Code, string? Message, string? Details)
{
    public static KalshiError Malformed(string what) => new(KalshiErrorKind.MalformedResponse, 0, "malformed_response", what, null);

    public bool IsRetryable => Kind is KalshiErrorKind.RateLimited or KalshiErrorKind.ServerError or KalshiErrorKind.Timeout or KalshiErrorKind.Transport;

    public override string ToString() => $"{Kind} (HTTP {HttpStatus}) code={Code} message={Message} details={Details}";
}
