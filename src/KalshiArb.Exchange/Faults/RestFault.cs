namespace KalshiArb.Exchange.Faults;

/// <summary>What the fault sampler decided for one REST call.</summary>
public enum RestFault
{
    None,
    TooManyRequests,
    InternalServerError,
    ServiceUnavailable,
}
