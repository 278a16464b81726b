namespace KalshiArb.Domain.Odds;

/// <summary>
/// Fair probabilities in the input order. <see cref="Parameter"/> is the solved model parameter:
/// Shin z, power k, odds-ratio c; 0 for multiplicative and additive.
/// </summary>
public sealed record DevigResult(DevigMethod Method, IReadOnlyList<double> Probabilities, double Overround, double Parameter);
