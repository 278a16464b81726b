using KalshiArb.Exchange.Accounts;
using KalshiArb.Exchange.Auth;
using KalshiArb.Exchange.Catalog;
using KalshiArb.Exchange.Faults;
using KalshiArb.Exchange.Liquidity;
using KalshiArb.Exchange.Sportsbooks;
using KalshiArb.Exchange.Streaming;

namespace KalshiArb.Exchange;

/// <summary>
/// The exchange itself, without HTTP: catalog, hidden fair values, accounts, one matching engine per market,
/// synthetic liquidity, lifecycle and faults. The web host (<see cref="ExchangeSimulator"/>) is a thin shell over it.
/// </summary>
public sealed class SimulatedExchange : IDisposable
{
    /// <summary>Account id of the simulated market makers.</summary>
    public const string MakerAccountId = "sim-maker";

    /// <summary>Account id of the simulated takers.</summary>
    public const string TakerAccountId = "sim-taker";

    private readonly Dictionary<string, AccountLedger> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarketRuntime> _marketsByTicker = new(StringComparer.Ordinal);
    private readonly List<MarketRuntime> _markets = [];
    private readonly SyntheticLiquidity _liquidity;
    private readonly Random _settlementRng;
    private readonly Lock _tickGate = new();

    public SimulatedExchange(SimulatorOptions options)
    {
        Options = options;
        Clock = options.Clock;
        var games = options.Games ?? DefaultCatalog.Games(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(1));
        Catalog = new ExchangeCatalog(games, options.IncludeNonGameSeries);
        FairValues = new FairValueBoard(games, options.Seed, options.DriftPerTick);
        var offsets = options.KalshiMispricing.Resolve(games.Count, options.Seed);
        for (var i = 0; i < offsets.Length; i++) FairValues.SetKalshiOffset(i, offsets[i]);
        Sportsbooks = new SportsbookBoard(options.Sportsbooks, Catalog, FairValues, Clock, options.Seed);
        Faults = new FaultController(options.Faults, options.Seed);
        Hub = new StreamHub();
        Trades = new TradeTape(options.TradeTapeCapacity);
        Faults.OnDropConnections(Hub.AbortAll);
        Verifier = new RequestSignatureVerifier(options.Accounts, options.SignatureWindow, Clock);
        _settlementRng = new Random(unchecked(options.Seed * 13 + 101));

        foreach (var account in options.Accounts)
        {
            if (account.KeyId is MakerAccountId or TakerAccountId)
                throw new ArgumentException($"account id {account.KeyId} is reserved for simulated liquidity");
            if (!_accounts.TryAdd(account.KeyId, new AccountLedger(account.KeyId, account.StartingBalance, synthetic: false)))
                throw new ArgumentException($"duplicate account {account.KeyId}");
        }
        var maker = new AccountLedger(MakerAccountId, Money.Zero, synthetic: true);
        var taker = new AccountLedger(TakerAccountId, Money.Zero, synthetic: true);
        _accounts[MakerAccountId] = maker;
        _accounts[TakerAccountId] = taker;

        for (var i = 0; i < Catalog.Markets.Count; i++)
        {
            var info = Catalog.Markets[i];
            var runtime = new MarketRuntime(i, info, Catalog.FindSeries(info.SeriesTicker)!, _accounts, Hub, Trades, Faults, Clock, options.CancelVisibilityLag);
            _markets.Add(runtime);
            _marketsByTicker[info.Ticker] = runtime;
        }
        _liquidity = new SyntheticLiquidity(options.Liquidity, _markets, FairValues, Faults, maker, taker, options.Seed);
    }

    public SimulatorOptions Options { get; }

    /// <summary>Every print, newest first, for GET /markets/trades.</summary>
    internal TradeTape Trades { get; }
    public TimeProvider Clock { get; }
    public ExchangeCatalog Catalog { get; }

    /// <summary>The hidden probabilities the synthetic makers quote around.</summary>
    public FairValueBoard FairValues { get; }

    public FaultController Faults { get; }

    /// <summary>Sportsbook lines served by the /v4 Odds API endpoint (same hidden fair values, no Kalshi offset).</summary>
    public SportsbookBoard Sportsbooks { get; }

    internal StreamHub Hub { get; }
    internal RequestSignatureVerifier Verifier { get; }
    internal IReadOnlyList<MarketRuntime> Markets => _markets;
    internal MarketRuntime? Market(string ticker) => _marketsByTicker.GetValueOrDefault(ticker);

    /// <summary>Open WebSocket connections right now.</summary>
    public int ConnectionCount => Hub.ConnectionCount;

    /// <summary>WebSocket connections failed with error 25 (outbox over <see cref="SimulatorOptions.MaxQueuedFramesPerConnection"/>).</summary>
    public long OverflowedConnections => Hub.Overflows;

    /// <summary>An API account (or a synthetic one) by key id.</summary>
    public AccountLedger? Account(string keyId) => _accounts.GetValueOrDefault(keyId);

    /// <summary>One clock step: due orders expire, fair values drift, makers re-quote, takers maybe trade.</summary>
    public void Tick()
    {
        lock (_tickGate)
        {
            ExpireOrders();
            FairValues.Drift();
            _liquidity.Tick();
        }
    }

    /// <summary>Cancels, in every market, the resting orders whose expiration_time has come (as of <see cref="Clock"/>).</summary>
    public void ExpireOrders()
    {
        foreach (var market in _markets) market.ExpireDue();
    }

    /// <summary>Only the synthetic makers/takers act (fair values stay put): fills an empty book at once.</summary>
    public void RefreshLiquidity()
    {
        lock (_tickGate) _liquidity.Tick();
    }

    // ------------------------------------------------------------------ what the outside world may see

    public IReadOnlyList<GameView> Games()
    {
        var list = new List<GameView>(Catalog.Games.Count);
        for (var i = 0; i < Catalog.Games.Count; i++) list.Add(Game(i));
        return list;
    }

    public GameView Game(int index)
    {
        var g = Catalog.Games[index];
        var eventTicker = Catalog.GameEventTicker(index);
        return new GameView(index, g.SeriesTicker, eventTicker, g.Away, g.Home, g.CommenceTime,
            FairValues.HomeWinProbability(index), $"{eventTicker}-{g.Away.Code}", $"{eventTicker}-{g.Home.Code}",
            FairValues.KalshiOffset(index));
    }

    /// <summary>Hidden YES probability of a market (null for an unknown ticker).</summary>
    public double? FairValue(string marketTicker)
    {
        var info = Catalog.FindMarket(marketTicker);
        return info is null ? null : FairValues.YesProbability(info);
    }

    /// <summary>
    /// How far Kalshi makers quote a market's YES probability from the hidden one (home market +offset, away market
    /// −offset, other markets 0); null for an unknown ticker. Negative = YES is cheap on Kalshi.
    /// </summary>
    public double? KalshiOffset(string marketTicker)
    {
        var info = Catalog.FindMarket(marketTicker);
        if (info is null) return null;
        return QuotedFairValue(marketTicker)!.Value - FairValues.YesProbability(info);
    }

    /// <summary>The YES probability the synthetic Kalshi makers quote around (fair value plus the game's offset).</summary>
    public double? QuotedFairValue(string marketTicker)
    {
        var info = Catalog.FindMarket(marketTicker);
        return info is null ? null : FairValues.QuotedYesProbability(info);
    }

    public MarketSnapshot? MarketState(string ticker, bool withLevels = true) => Market(ticker)?.Snapshot(withLevels);

    // ------------------------------------------------------------------ lifecycle

    /// <summary>Closes a market: MARKET_INACTIVE for new orders, resting orders canceled, lifecycle "deactivated".</summary>
    public bool CloseMarket(string ticker) => Market(ticker)?.Close() ?? false;

    /// <summary>Settles one market at YES = $1 (true), $0 (false), or by a seeded draw from its hidden fair value (null).</summary>
    public bool SettleMarket(string ticker, bool? yesWins = null)
    {
        var market = Market(ticker);
        if (market is null) return false;
        var yes = yesWins ?? Draw(FairValues.YesProbability(market.Info));
        return market.Settle(yes ? Price.One : Price.Zero);
    }

    /// <summary>Settles a market at a scalar YES value (a cancelled game).</summary>
    public bool SettleMarketAt(string ticker, Price yesValue) => Market(ticker)?.Settle(yesValue) ?? false;

    /// <summary>Settles every market of a game consistently: the winner's market YES, the loser's NO.</summary>
    public void SettleGame(int gameIndex, bool? homeWins = null)
    {
        var home = homeWins ?? Draw(FairValues.HomeWinProbability(gameIndex));
        foreach (var market in _markets.Where(m => m.Info.GameIndex == gameIndex))
        {
            var yes = market.Info.Kind switch
            {
                MarketKind.GameWinner => market.Info.YesIsHome == home,
                MarketKind.Spread => home && Draw(0.6),
                _ => Draw(FairValues.YesProbability(market.Info)),
            };
            market.Settle(yes ? Price.One : Price.Zero);
        }
    }

    private bool Draw(double probability)
    {
        lock (_settlementRng) return _settlementRng.NextDouble() < probability;
    }

    public void Dispose()
    {
        Hub.AbortAll();
        Verifier.Dispose();
    }
}
