namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>
/// One book's h2h line on one game. <see cref="NoVigHomeProbability"/> is what de-vigging the line gives back
/// (before price rounding); prices are already rounded as the wire shows them.
/// </summary>
public sealed record SportsbookLine(
    Sportsbook Book,
    int GameIndex,
    DateTimeOffset LastUpdate,
    bool IsStale,
    double NoVigHomeProbability,
    double HomeDecimal,
    double AwayDecimal,
    int HomeAmerican,
    int AwayAmerican);
