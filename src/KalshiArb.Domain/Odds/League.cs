namespace KalshiArb.Domain.Odds;

public enum League
{
    Nfl,
    Nba,
    Mlb,
    Nhl,
    Ncaaf,
    /// <summary>Men's college basketball.</summary>
    Ncaamb,
    /// <summary>Women's college basketball.</summary>
    Ncaawb,
}
