using System.Globalization;

namespace KalshiArb.Domain.Odds;

/// <summary>
/// The structure of a game-winner market ticker, before team lookup:
/// <c>KXNFLGAME-26SEP20PHITEN-PHI</c> = series, date 2026-09-20, away+home letters "PHITEN", YES code "PHI".
/// An optional HHMM start time may follow the date (<c>26SEP201300PHITEN</c>); Kalshi writes it in
/// US Eastern time (UNCONFIRMED), so it is only used to break ties between same-day games.
/// </summary>
public sealed record KalshiGameTicker(
    string Ticker, string Series, League League, string EventTicker, DateOnly Date, TimeOnly? Time, string TeamBlock, string YesCode)
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static TickerRejection TryParse(string? ticker, out KalshiGameTicker parsed)
    {
        parsed = null!;
        if (string.IsNullOrWhiteSpace(ticker)) return TickerRejection.Empty;
        var parts = ticker.Split('-');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return TickerRejection.WrongShape;
        var (series, middle, yes) = (parts[0], parts[1], parts[2]);
        if (!GameSeries.TryGetLeague(series, out var league)) return TickerRejection.UnknownSeries;

        // YYMMMDD
        if (middle.Length < 7) return TickerRejection.BadDate;
        if (!TwoDigits(middle, 0, out var yy) || !TwoDigits(middle, 5, out var dd)) return TickerRejection.BadDate;
        var month = Array.IndexOf(Months, middle.Substring(2, 3)) + 1;
        if (month == 0 || dd < 1 || dd > DateTime.DaysInMonth(2000 + yy, month)) return TickerRejection.BadDate;
        var date = new DateOnly(2000 + yy, month, dd);

        var rest = middle[7..];
        TimeOnly? time = null;
        var digits = rest.TakeWhile(char.IsAsciiDigit).Count();
        if (digits != 0)
        {
            if (digits != 4) return TickerRejection.BadTime;
            var hh = int.Parse(rest.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var mm = int.Parse(rest.AsSpan(2, 2), CultureInfo.InvariantCulture);
            if (hh > 23 || mm > 59) return TickerRejection.BadTime;
            time = new TimeOnly(hh, mm);
            rest = rest[4..];
        }

        if (rest.Length is < 4 or > 8 || !rest.All(char.IsAsciiLetterUpper)) return TickerRejection.BadTeamBlock;
        if (!TeamTable.IsCode(yes)) return TickerRejection.YesTeamNotInGame;

        parsed = new KalshiGameTicker(ticker, series, league, $"{series}-{middle}", date, time, rest, yes);
        return TickerRejection.None;
    }

    private static bool TwoDigits(string s, int at, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1])) return false;
        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }
}
