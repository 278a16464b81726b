namespace KalshiArb.Domain.Matching;

/// <summary>
/// Fee charged on one fill. Kalshi's quadratic fee is symmetric in P and 1 − P, so the YES price
/// suffices for either side. Per fill Kalshi rounds up to $0.0001 (whole cents are settled per order).
/// </summary>
public interface IFillFeeModel
{
    Money FeeFor(Price yesPrice, Quantity count, bool isTaker);
}
