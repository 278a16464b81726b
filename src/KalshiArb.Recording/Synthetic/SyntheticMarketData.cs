namespace KalshiArb.Recording.Synthetic;

/// <summary>
/// Generates a recording's worth of Kalshi-shaped WS frames (2026 wire format: dollar and _fp strings) and The Odds API
/// snapshots, in receive order, deterministically for a seed. The feed connection first gets the three "subscribed"
/// replies (orderbook_delta sid 1, trade sid 2, ticker sid 3) and one orderbook_snapshot per market, then a random mix
/// of orderbook_delta (seq consecutive on sid 1 across all markets), trade and ticker frames; every OddsInterval, one
/// basketball_nba odds answer for all games. Markets come in pairs (one game: away team, home team).
/// </summary>
public sealed class SyntheticMarketData
{
    public const string SportKey = "basketball_nba";
    private static readonly (string Key, string Title)[] Books = [("draftkings", "DraftKings"), ("fanduel", "FanDuel"), ("betmgm", "BetMGM"), ("pinnacle", "Pinnacle")];

    private readonly SyntheticRecordingOptions _options;
    private readonly Random _random;
    private readonly SyntheticMarket[] _markets;
    private readonly (string Id, int Away, int Home, long CommenceTicks)[] _games;
    private readonly long _endTicks;
    private readonly long _meanGapTicks;
    private readonly int _weightDelta;
    private readonly int _weightTrade;
    private readonly int _weightTotal;
    private readonly long _oddsIntervalTicks;
    private long _nextFrameTicks;
    private long _nextOddsTicks;
    private long _seq;
    private long _tradeCounter;
    private int _openingStep;
    private readonly List<(string Ticker, string EventTicker, string YesTeam)> _catalog = [];
    private bool _catalogWritten;

    public SyntheticMarketData(SyntheticRecordingOptions options)
    {
        options.Validate();
        _options = options;
        _random = new Random(options.Seed);
        var start = options.StartUtc.Ticks;
        _endTicks = start + TimeSpan.TicksPerMinute * options.Minutes;
        _oddsIntervalTicks = options.OddsInterval.Ticks;
        var teams = NbaTeams.All.Length;
        var gameCount = (options.Markets + 1) / 2;
        _games = new (string, int, int, long)[gameCount];
        var markets = new List<SyntheticMarket>(options.Markets);
        for (var g = 0; g < gameCount; g++)
        {
            // 15 games a day use all 30 teams; later games move to the next day so tickers stay unique
            var day = g / (teams / 2);
            var away = (2 * g) % teams;
            var home = (2 * g + 1) % teams;
            var date = options.StartUtc.Date.AddDays(day);
            var eventTicker = $"KXNBAGAME-{date:yy}{date.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant()}{date:dd}{NbaTeams.All[away].Code}{NbaTeams.All[home].Code}";
            _games[g] = (HexId(), away, home, date.AddHours(24).AddMinutes(10 + 30 * (g % 4)).Ticks);
            var centre = 15 + _random.Next(66);
            markets.Add(new SyntheticMarket($"{eventTicker}-{NbaTeams.All[away].Code}", centre, _random));
            _catalog.Add((markets[^1].Ticker, eventTicker, NbaTeams.All[away].Name));
            if (markets.Count < options.Markets)
            {
                markets.Add(new SyntheticMarket($"{eventTicker}-{NbaTeams.All[home].Code}", 99 - centre - 1, _random));
                _catalog.Add((markets[^1].Ticker, eventTicker, NbaTeams.All[home].Name));
            }
        }
        _markets = [.. markets];

        _weightDelta = options.DeltasPerMarketPerMinute;
        _weightTrade = options.TradesPerMarketPerMinute;
        _weightTotal = _weightDelta + _weightTrade + options.TickersPerMarketPerMinute;
        _meanGapTicks = Math.Max(1, TimeSpan.TicksPerMinute / ((long)_weightTotal * options.Markets));
        _nextFrameTicks = start;
        _nextOddsTicks = start;
    }

    public IReadOnlyList<string> Tickers => _markets.Select(m => m.Ticker).ToList();

    /// <summary>Fills the batch (cleared first) with the next records; false once everything was generated.</summary>
    public bool Fill(SyntheticBatch batch)
    {
        batch.Clear();
        while (!batch.IsFull)
        {
            if (_options.CatalogMarkers && !_catalogWritten)
            {
                Catalog(batch, _nextFrameTicks);
                _catalogWritten = true;
                continue;
            }
            if (_nextOddsTicks <= _nextFrameTicks && _nextOddsTicks < _endTicks)
            {
                Odds(batch, _nextOddsTicks);
                _nextOddsTicks += _oddsIntervalTicks;
                continue;
            }
            if (_openingStep < 3 + _markets.Length)
            {
                Opening(batch, _openingStep++);
                continue;
            }
            if (_nextFrameTicks >= _endTicks) break;
            var market = _markets[_random.Next(_markets.Length)];
            var pick = _random.Next(_weightTotal);
            if (pick < _weightDelta) Delta(batch, market, _nextFrameTicks);
            else if (pick < _weightDelta + _weightTrade) Trade(batch, market, _nextFrameTicks);
            else Ticker(batch, market, _nextFrameTicks);
            _nextFrameTicks += _random.NextInt64(2 * _meanGapTicks + 1);
        }
        return batch.Count > 0;
    }

    /// <summary>The catalog markers <c>run --record</c> writes (FORMAT.md, "Catalog markers"): the series' fee rule, then the markets.</summary>
    private void Catalog(SyntheticBatch batch, long ticks)
    {
        // the generated odds answers quote American prices
        "American"u8.CopyTo(batch.Reserve(8));
        batch.Commit(RecordKind.Marker, ticks, _options.OddsSourceId, "odds.format.v1", 8);
        Marker(batch, ticks, "catalog.series.v1", w =>
        {
            w.WriteStartObject();
            w.WriteString("ticker", "KXNBAGAME");
            w.WriteString("fee_type", "QuadraticWithMakerFees");
            w.WriteNumber("fee_multiplier_ten_thousandths", 10_000);
            w.WriteEndObject();
        });
        Marker(batch, ticks, "catalog.markets.v1", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("markets");
            foreach (var (ticker, eventTicker, yesTeam) in _catalog)
            {
                w.WriteStartObject();
                w.WriteString("ticker", ticker);
                w.WriteString("event_ticker", eventTicker);
                w.WriteString("series_ticker", "KXNBAGAME");
                w.WriteString("market_type", "binary");
                w.WriteString("yes_sub_title", yesTeam);
                w.WriteString("status", "Active");
                w.WriteStartArray("grid");
                w.WriteStartObject();
                w.WriteNumber("start", 100);
                w.WriteNumber("end", 9_900);
                w.WriteNumber("step", 100);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("fractional", false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rejected");
            w.WriteEndArray();
            w.WriteStartArray("invalid_tickers");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private void Marker(SyntheticBatch batch, long ticks, string key, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer)) write(w);
        buffer.WrittenSpan.CopyTo(batch.Reserve(buffer.WrittenCount));
        batch.Commit(RecordKind.Marker, ticks, _options.OddsSourceId, key, buffer.WrittenCount);
    }

    private void Opening(SyntheticBatch batch, int step)
    {
        var ticks = _nextFrameTicks;
        if (step < 3)
        {
            var t = new Utf8Text(batch.Reserve(128));
            t.Raw("{\"type\":\"subscribed\",\"id\":"u8); t.Int(step + 1);
            t.Raw(",\"msg\":{\"channel\":\""u8); t.Ascii(step switch { 0 => "orderbook_delta", 1 => "trade", _ => "ticker" });
            t.Raw("\",\"sid\":"u8); t.Int(step + 1); t.Raw("}}"u8);
            batch.Commit(RecordKind.MarketDataFrame, ticks, _options.FeedSourceId, null, t.Length);
        }
        else Snapshot(batch, _markets[step - 3], ticks);
        // the opening frames arrive within a few hundred microseconds of each other
        _nextFrameTicks += 20 + _random.Next(200);
    }

    private void Snapshot(SyntheticBatch batch, SyntheticMarket m, long ticks)
    {
        var t = new Utf8Text(batch.Reserve(1024));
        t.Raw("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":"u8); t.Int(++_seq);
        t.Raw(",\"msg\":{\"market_ticker\":\""u8); t.Ascii(m.Ticker); t.Raw("\",\"yes_dollars_fp\":["u8);
        for (var i = 0; i < SyntheticMarket.Levels; i++) Level(ref t, i, m.YesLevelCents(i), m.YesSizes[i]);
        t.Raw("],\"no_dollars_fp\":["u8);
        for (var i = 0; i < SyntheticMarket.Levels; i++) Level(ref t, i, m.NoLevelCents(i), m.NoSizes[i]);
        t.Raw("]}}"u8);
        batch.Commit(RecordKind.MarketDataFrame, ticks, _options.FeedSourceId, m.Ticker, t.Length);

        static void Level(ref Utf8Text t, int i, int cents, long size)
        {
            t.Raw(i == 0 ? "[\""u8 : ",[\""u8); t.Fixed(cents * 100L, 4); t.Raw("\",\""u8); t.Fixed(size, 2); t.Raw("\"]"u8);
        }
    }

    private void Delta(SyntheticBatch batch, SyntheticMarket m, long ticks)
    {
        var yes = _random.Next(2) == 0;
        var level = _random.Next(SyntheticMarket.Levels);
        var sizes = yes ? m.YesSizes : m.NoSizes;
        long change = (1 + _random.Next(20)) * 100L;
        if (_random.Next(2) == 0 && sizes[level] - change >= 100) change = -change;
        sizes[level] += change;
        var t = new Utf8Text(batch.Reserve(256));
        t.Raw("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":"u8); t.Int(++_seq);
        t.Raw(",\"msg\":{\"market_ticker\":\""u8); t.Ascii(m.Ticker);
        t.Raw("\",\"price_dollars\":\""u8); t.Fixed((yes ? m.YesLevelCents(level) : m.NoLevelCents(level)) * 100L, 4);
        t.Raw("\",\"delta_fp\":\""u8); t.Fixed(change, 2);
        t.Raw(yes ? "\",\"side\":\"yes\",\"ts_ms\":"u8 : "\",\"side\":\"no\",\"ts_ms\":"u8); t.Int(UnixMs(ticks) - _random.Next(30));
        t.Raw("}}"u8);
        batch.Commit(RecordKind.MarketDataFrame, ticks, _options.FeedSourceId, m.Ticker, t.Length);
    }

    private void Trade(SyntheticBatch batch, SyntheticMarket m, long ticks)
    {
        var takerYes = _random.Next(2) == 0;
        var yesCents = takerYes ? m.CentreCents + 1 : m.CentreCents;
        long count = (1 + _random.Next(50)) * 100L;
        m.VolumeHundredths += count;
        m.LastTradeCents = yesCents;
        var t = new Utf8Text(batch.Reserve(320));
        t.Raw("{\"type\":\"trade\",\"sid\":2,\"msg\":{\"trade_id\":\""u8); t.Ascii(TradeId());
        t.Raw("\",\"market_ticker\":\""u8); t.Ascii(m.Ticker);
        t.Raw("\",\"yes_price_dollars\":\""u8); t.Fixed(yesCents * 100L, 4);
        t.Raw("\",\"no_price_dollars\":\""u8); t.Fixed((100 - yesCents) * 100L, 4);
        t.Raw("\",\"count_fp\":\""u8); t.Fixed(count, 2);
        t.Raw(takerYes ? "\",\"taker_side\":\"yes\",\"ts_ms\":"u8 : "\",\"taker_side\":\"no\",\"ts_ms\":"u8); t.Int(UnixMs(ticks) - _random.Next(30));
        t.Raw("}}"u8);
        batch.Commit(RecordKind.MarketDataFrame, ticks, _options.FeedSourceId, m.Ticker, t.Length);
    }

    private void Ticker(SyntheticBatch batch, SyntheticMarket m, long ticks)
    {
        var t = new Utf8Text(batch.Reserve(320));
        t.Raw("{\"type\":\"ticker\",\"sid\":3,\"msg\":{\"market_ticker\":\""u8); t.Ascii(m.Ticker);
        t.Raw("\",\"price_dollars\":\""u8); t.Fixed(m.LastPriceCents * 100L, 4);
        t.Raw("\",\"yes_bid_dollars\":\""u8); t.Fixed(m.CentreCents * 100L, 4);
        t.Raw("\",\"yes_ask_dollars\":\""u8); t.Fixed((m.CentreCents + 1) * 100L, 4);
        t.Raw("\",\"volume_fp\":\""u8); t.Fixed(m.VolumeHundredths, 2);
        t.Raw("\",\"open_interest_fp\":\""u8); t.Fixed(m.VolumeHundredths * 3 / 5, 2);
        t.Raw("\",\"ts_ms\":"u8); t.Int(UnixMs(ticks) - _random.Next(30));
        t.Raw("}}"u8);
        batch.Commit(RecordKind.MarketDataFrame, ticks, _options.FeedSourceId, m.Ticker, t.Length);
    }

    private void Odds(SyntheticBatch batch, long ticks)
    {
        var t = new Utf8Text(batch.Reserve(256 + _games.Length * 2048));
        t.Raw("["u8);
        for (var g = 0; g < _games.Length; g++)
        {
            var (id, away, home, commence) = _games[g];
            var homeName = NbaTeams.All[home].Name;
            var awayName = NbaTeams.All[away].Name;
            t.Raw(g == 0 ? "{\"id\":\""u8 : ",{\"id\":\""u8); t.Ascii(id);
            t.Raw("\",\"sport_key\":\"basketball_nba\",\"sport_title\":\"NBA\",\"commence_time\":\""u8); t.IsoSeconds(commence);
            t.Raw("\",\"home_team\":\""u8); t.Ascii(homeName); t.Raw("\",\"away_team\":\""u8); t.Ascii(awayName); t.Raw("\",\"bookmakers\":["u8);
            // the home market's centre sets who is favoured; each book quotes around it with its own margin
            var homeFavoured = _markets[Math.Min(2 * g + 1, _markets.Length - 1)].CentreCents >= 50;
            for (var b = 0; b < Books.Length; b++)
            {
                var favourite = -(110 + _random.Next(80));
                var underdog = 100 + _random.Next(70);
                var updated = ticks - TimeSpan.TicksPerSecond * _random.Next(120);
                t.Raw(b == 0 ? "{\"key\":\""u8 : ",{\"key\":\""u8); t.Ascii(Books[b].Key);
                t.Raw("\",\"title\":\""u8); t.Ascii(Books[b].Title);
                t.Raw("\",\"last_update\":\""u8); t.IsoSeconds(updated);
                t.Raw("\",\"markets\":[{\"key\":\"h2h\",\"last_update\":\""u8); t.IsoSeconds(updated);
                t.Raw("\",\"outcomes\":[{\"name\":\""u8); t.Ascii(homeName); t.Raw("\",\"price\":"u8); t.Int(homeFavoured ? favourite : underdog);
                t.Raw("},{\"name\":\""u8); t.Ascii(awayName); t.Raw("\",\"price\":"u8); t.Int(homeFavoured ? underdog : favourite);
                t.Raw("}]}]}"u8);
            }
            t.Raw("]}"u8);
        }
        t.Raw("]"u8);
        batch.Commit(RecordKind.OddsSnapshot, ticks, _options.OddsSourceId, SportKey, t.Length);
    }

    private string HexId() => $"{_random.NextInt64():x16}{_random.NextInt64():x16}";

    private string TradeId()
    {
        var n = ++_tradeCounter;
        return $"{n:x8}-{_random.Next(0x10000):x4}-4{_random.Next(0x1000):x3}-a{_random.Next(0x1000):x3}-{_random.NextInt64(1L << 48):x12}";
    }

    private static long UnixMs(long utcTicks) => (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
