namespace KalshiArb.Domain.Risk;

/// <summary>
/// Which game a market belongs to: its event ticker, i.e. the market ticker without its last "-XXX" segment
/// (KXNBAGAME-26NOV24LALBOS-LAL → KXNBAGAME-26NOV24LALBOS). YES on one team and NO on the other are the same
/// bet, so the risk rules sum exposure per game. A ticker with no '-' (or nothing before its last one) is its
/// own game: grouping it with unrelated markets would deny for the wrong reason.
/// </summary>
public static class GameKey
{
    public static string Of(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var length = KeyLength(ticker);
        return length == ticker.Length ? ticker : ticker[..length];
    }

    /// <summary>Same as <c>Of(ticker) == game</c> without allocating: the gate asks this for every market on every order.</summary>
    public static bool IsIn(string ticker, string game)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(game);
        return ticker.AsSpan(0, KeyLength(ticker)).SequenceEqual(game);
    }

    private static int KeyLength(string ticker)
    {
        var dash = ticker.LastIndexOf('-');
        return dash <= 0 ? ticker.Length : dash;
    }
}
