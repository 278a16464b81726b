namespace KalshiArb.Domain.Odds;

/// <summary>
/// One sportsbook's two-way moneyline for a game, seen from one team: its price and the opponent's.
/// <paramref name="BookKey"/> is The Odds API bookmaker key ("pinnacle", "draftkings").
/// </summary>
public sealed record BookLine(string BookKey, DateTimeOffset LastUpdate, double TeamPrice, double OpponentPrice, OddsFormat Format);
