using System.Globalization;

namespace KalshiArb.Exchange.Catalog;

/// <summary>The listed series, events and markets, fixed for the life of a simulator.</summary>
public sealed class ExchangeCatalog
{
    public const string GameFeeType = "quadratic_with_maker_fees";
    public const string PlainFeeType = "quadratic";

    private readonly Dictionary<string, SeriesInfo> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventInfo> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarketInfo> _marketsByTicker = new(StringComparer.Ordinal);
    private readonly List<MarketInfo> _markets = [];
    private readonly List<EventInfo> _eventList = [];

    public ExchangeCatalog(IReadOnlyList<GameSpec> games, bool includeNonGameSeries)
    {
        Games = games;
        for (var i = 0; i < games.Count; i++) AddGame(i, games[i], includeNonGameSeries);
    }

    public IReadOnlyList<GameSpec> Games { get; }
    public IReadOnlyList<MarketInfo> Markets => _markets;
    public IReadOnlyList<EventInfo> Events => _eventList;
    public IEnumerable<SeriesInfo> Series => _series.Values;

    public MarketInfo? FindMarket(string ticker) => _marketsByTicker.GetValueOrDefault(ticker);
    public SeriesInfo? FindSeries(string ticker) => _series.GetValueOrDefault(ticker);
    public EventInfo? FindEvent(string ticker) => _events.GetValueOrDefault(ticker);

    /// <summary>"KXNFLGAME-26SEP20PHITEN": series, yyMMMdd in upper case, away code then home code.</summary>
    public static string EventTickerFor(string seriesTicker, GameSpec game) =>
        $"{seriesTicker}-{game.CommenceTime.UtcDateTime.ToString("yyMMMdd", CultureInfo.InvariantCulture).ToUpperInvariant()}{game.Away.Code}{game.Home.Code}";

    public string GameEventTicker(int gameIndex) => EventTickerFor(Games[gameIndex].SeriesTicker, Games[gameIndex]);

    private void AddGame(int index, GameSpec game, bool includeNonGameSeries)
    {
        var (title, tag) = DefaultCatalog.DescribeSeries(game.SeriesTicker);
        AddSeries(new SeriesInfo(game.SeriesTicker, title, "Sports", [tag], GameFeeType, 1m, true));

        var open = game.CommenceTime.AddDays(-7);
        var close = game.CommenceTime.AddDays(14);
        var expectedExpiry = game.CommenceTime.AddHours(3);
        var eventTicker = EventTickerFor(game.SeriesTicker, game);
        var awayTicker = $"{eventTicker}-{game.Away.Code}";
        var homeTicker = $"{eventTicker}-{game.Home.Code}";
        AddEvent(new EventInfo(eventTicker, game.SeriesTicker, $"{game.Away.FullName} at {game.Home.FullName}",
            $"{game.Away.Code} at {game.Home.Code}", game.CommenceTime, [awayTicker, homeTicker]));
        AddMarket(new MarketInfo(awayTicker, eventTicker, game.SeriesTicker, game.Away.ShortName, game.Away.ShortName,
            open, close, expectedExpiry, PriceGrid.Cents, index, MarketKind.GameWinner, YesIsHome: false, game.FractionalTrading));
        AddMarket(new MarketInfo(homeTicker, eventTicker, game.SeriesTicker, game.Home.ShortName, game.Home.ShortName,
            open, close, expectedExpiry, PriceGrid.Cents, index, MarketKind.GameWinner, YesIsHome: true, game.FractionalTrading));

        if (!includeNonGameSeries || !game.SeriesTicker.EndsWith("GAME", StringComparison.Ordinal)) return;

        // Same league prefix, different series: a prefix filter like "KXNFL" would wrongly match these.
        var league = game.SeriesTicker[..^"GAME".Length];
        var spreadSeries = league + "SPREAD";
        var totalSeries = league + "TOTAL";
        AddSeries(new SeriesInfo(spreadSeries, title.Replace("Game", "Spread"), "Sports", [tag], PlainFeeType, 1m, false));
        AddSeries(new SeriesInfo(totalSeries, title.Replace("Game", "Total"), "Sports", [tag], PlainFeeType, 1m, false));

        var spreadEvent = EventTickerFor(spreadSeries, game);
        var spreadTicker = $"{spreadEvent}-{game.Home.Code}7";
        AddEvent(new EventInfo(spreadEvent, spreadSeries, $"{game.Away.FullName} at {game.Home.FullName}: spread",
            $"{game.Away.Code} at {game.Home.Code}", game.CommenceTime, [spreadTicker]));
        AddMarket(new MarketInfo(spreadTicker, spreadEvent, spreadSeries, $"{game.Home.ShortName} wins by over 7.5",
            $"{game.Home.ShortName} wins by over 7.5", open, close, expectedExpiry, PriceGrid.Cents, index, MarketKind.Spread, YesIsHome: true, game.FractionalTrading));

        var totalEvent = EventTickerFor(totalSeries, game);
        var totalTicker = $"{totalEvent}-45";
        AddEvent(new EventInfo(totalEvent, totalSeries, $"{game.Away.FullName} at {game.Home.FullName}: total",
            $"{game.Away.Code} at {game.Home.Code}", game.CommenceTime, [totalTicker]));
        AddMarket(new MarketInfo(totalTicker, totalEvent, totalSeries, "Over 45.5 points scored", "Over 45.5 points scored",
            open, close, expectedExpiry, PriceGrid.Cents, index, MarketKind.Total, YesIsHome: true, game.FractionalTrading));
    }

    private void AddSeries(SeriesInfo s) => _series.TryAdd(s.Ticker, s);

    private void AddEvent(EventInfo e)
    {
        if (!_events.TryAdd(e.EventTicker, e))
            throw new ArgumentException($"duplicate event {e.EventTicker}: two games with the same teams and date");
        _eventList.Add(e);
    }

    private void AddMarket(MarketInfo m)
    {
        if (!_marketsByTicker.TryAdd(m.Ticker, m)) throw new ArgumentException($"duplicate market {m.Ticker}");
        _markets.Add(m);
    }
}
