namespace KalshiArb.Odds.Tests.Api;

internal static class OddsSamples
{
    /// <summary>Two NFL events in decimal odds, shaped like The Odds API's /odds answer.</summary>
    public const string TwoEventsDecimal = """
    [
      {"id":"ev1","sport_key":"americanfootball_nfl","sport_title":"NFL","commence_time":"2026-09-20T17:00:00Z",
       "home_team":"Tennessee Titans","away_team":"Philadelphia Eagles",
       "bookmakers":[
         {"key":"pinnacle","title":"Pinnacle","last_update":"2026-09-20T15:58:00Z",
          "markets":[{"key":"h2h","last_update":"2026-09-20T15:58:30Z","outcomes":[
            {"name":"Philadelphia Eagles","price":1.5},{"name":"Tennessee Titans","price":2.74}]}]},
         {"key":"draftkings","title":"DraftKings","last_update":"2026-09-20T15:50:00Z",
          "markets":[{"key":"h2h","outcomes":[
            {"name":"Philadelphia Eagles","price":1.48},{"name":"Tennessee Titans","price":2.75}]}]}
       ]},
      {"id":"ev2","sport_key":"americanfootball_nfl","commence_time":"2026-09-21T00:20:00Z",
       "home_team":"Kansas City Chiefs","away_team":"Los Angeles Chargers","bookmakers":[]}
    ]
    """;
}
