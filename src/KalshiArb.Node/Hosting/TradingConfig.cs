using Akka.Configuration;
using KalshiArb.Actors.Market;
using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Primitives;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Node.Hosting;

/// <summary>The `kalshiarb { … }` section of the composed HOCON, turned into the actors' settings.</summary>
public sealed record TradingConfig(
    RiskLimits Limits,
    TimeSpan RiskAnswerTimeout,
    MarketActorSettings Market,
    OrderActorSettings Orders,
    TimeSpan MaxOddsBookAge,
    int MinFreshBooks,
    int SimulatorSeed,
    TimeSpan SimulatorTick,
    Money SimulatorBalance,
    TimeSpan StatusInterval)
{
    public ClusterShape Cluster { get; init; } = new(100, 100, TimeSpan.FromSeconds(60));

    public ShutdownPolicy Shutdown { get; init; } = new(true, TimeSpan.FromSeconds(10));

    public PaperSettings Paper { get; init; } = new(Money.FromDollars(1000), TimeSpan.FromMilliseconds(50));

    public OpenOrderWatchSettings OpenOrders { get; init; } = new();

    /// <summary>kalshiarb.orders.settlement-check-interval: how often unsettled markets are asked about over REST.</summary>
    public TimeSpan SettlementCheckInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>kalshiarb.feed.max-frame-bytes: the market-data feed refuses bigger frames.</summary>
    public int FeedMaxFrameBytes { get; init; } = KalshiArb.Kalshi.Feed.KalshiFeedOptions.DefaultMaxFrameBytes;

    /// <summary>kalshiarb.simulator.drift-per-tick: how far the embedded simulator's fair values walk each tick (log-odds σ).</summary>
    public double SimulatorDriftPerTick { get; init; } = 0.005;

    public static TradingConfig From(Config config)
    {
        var k = config.GetConfig("kalshiarb") ?? throw new InvalidOperationException("the kalshiarb section is missing from the configuration");
        var risk = k.GetConfig("risk");
        var market = k.GetConfig("market");
        var orders = k.GetConfig("orders");
        var odds = k.GetConfig("odds");
        var sim = k.GetConfig("simulator");
        var riskTimeout = risk.GetTimeSpan("answer-timeout");
        return new TradingConfig(
            new RiskLimits
            {
                MaxContractsPerMarket = Quantity.FromContracts(Positive(risk, "max-contracts-per-market")),
                MaxExposurePerMarket = Money.FromDollars(Positive(risk, "max-exposure-per-market-dollars")),
                MaxExposurePerGame = Money.FromDollars(Positive(risk, "max-exposure-per-game-dollars")),
                MaxTotalExposure = Money.FromDollars(Positive(risk, "max-total-exposure-dollars")),
                MaxOpenMarkets = (int)Positive(risk, "max-open-markets"),
                DailyLossLimit = Money.FromDollars(Positive(risk, "daily-loss-limit-dollars")),
                LossStreakLimit = (int)Positive(risk, "loss-streak-limit"),
                LossStreakCooldown = risk.GetTimeSpan("loss-streak-cooldown"),
                MaxOrdersPerMinute = (int)Positive(risk, "max-orders-per-minute"),
            },
            riskTimeout,
            StrategyConfig.Apply(MarketActorSettings.Default with
            {
                MinEvaluationInterval = market.GetTimeSpan("min-evaluation-interval"),
                Bankroll = Money.FromDollars(Positive(market, "bankroll-dollars")),
                PerMarketCap = Quantity.FromContracts(Positive(market, "per-market-cap-contracts")),
                SignalBucket = market.GetTimeSpan("signal-bucket"),
                Policy = MarketActorSettings.Default.Policy with
                {
                    MaxEdge = PositiveMoney(market, "max-edge"),
                    MaxBookSpread = Fraction(market, "max-book-spread"),
                    MinEdge = OpenFraction(market, "min-edge"),
                    KellyFraction = Fraction(market, "kelly-fraction"),
                },
            }, market.GetConfig("strategies")),
            new OrderActorSettings
            {
                Policy = new OrderPolicy
                {
                    MaxSignalAge = PositiveSpan(orders, "max-signal-age"),
                    RiskTimeout = riskTimeout,
                    CancelAfter = PositiveSpan(orders, "cancel-after"),
                    VenueCallTimeout = PositiveSpan(orders, "venue-call-timeout"),
                    InFlightGrace = orders.GetTimeSpan("in-flight-grace"),
                    FinishedStopAfter = PositiveSpan(orders, "finished-stop-after"),
                },
                ReserveAhead = orders.GetBoolean("reserve-ahead", true),
            },
            odds.GetTimeSpan("max-book-age"),
            (int)Positive(odds, "min-fresh-books"),
            sim.GetInt("seed"),
            sim.GetTimeSpan("tick-interval"),
            Money.FromDollars(Positive(sim, "starting-balance-dollars")),
            k.GetTimeSpan("status-interval"))
        {
            Cluster = new ClusterShape(
                (int)Positive(k.GetConfig("cluster"), "market-shards"),
                (int)Positive(k.GetConfig("cluster"), "order-shards"),
                k.GetTimeSpan("cluster.join-timeout")),
            Shutdown = new ShutdownPolicy(RestingOrdersPolicy(k.GetString("shutdown.resting-orders")), k.GetTimeSpan("shutdown.drain-timeout")),
            Paper = new PaperSettings(Money.FromDollars(Positive(k.GetConfig("paper"), "starting-balance-dollars")), k.GetTimeSpan("paper.order-latency")),
            OpenOrders = new OpenOrderWatchSettings { SweepInterval = PositiveSpan(orders, "open-order-sweep") },
            SettlementCheckInterval = PositiveSpan(orders, "settlement-check-interval"),
            FeedMaxFrameBytes = (int)Math.Min(int.MaxValue, Positive(k.GetConfig("feed"), "max-frame-bytes")),
            SimulatorDriftPerTick = NonNegative(sim, "drift-per-tick"),
        };
    }

    private static bool RestingOrdersPolicy(string? text) => text switch
    {
        "cancel" => true,
        "keep" => false,
        _ => throw new InvalidOperationException($"kalshiarb.shutdown.resting-orders must be cancel or keep, got '{text}'"),
    };

    private static TimeSpan PositiveSpan(Config c, string key)
    {
        var v = c.GetTimeSpan(key);
        return v > TimeSpan.Zero ? v : throw new InvalidOperationException($"kalshiarb setting '{key}' must be a positive duration, got {v}");
    }

    /// <summary>Dollars as exact fixed-point text (e.g. 0.10), never through a double.</summary>
    private static Money PositiveMoney(Config c, string key)
    {
        var text = c.GetString(key);
        return Money.TryParse(text, out var v) == WireParseError.None && v > Money.Zero
            ? v
            : throw new InvalidOperationException($"kalshiarb setting '{key}' must be a positive dollar amount such as 0.10, got '{text}'");
    }

    private static double Fraction(Config c, string key)
    {
        var v = c.GetDouble(key);
        return v is > 0 and <= 1 ? v : throw new InvalidOperationException($"kalshiarb setting '{key}' must be a probability in (0, 1], got {v}");
    }

    private static double OpenFraction(Config c, string key)
    {
        var v = c.GetDouble(key);
        return v is > 0 and < 1 ? v : throw new InvalidOperationException($"kalshiarb setting '{key}' must be in (0, 1) dollars, got {v}");
    }

    private static double NonNegative(Config c, string key)
    {
        var v = c.GetDouble(key);
        return v is >= 0 and < 1 ? v : throw new InvalidOperationException($"kalshiarb setting '{key}' must be in [0, 1), got {v}");
    }

    private static long Positive(Config c, string key)
    {
        var v = c.GetLong(key);
        return v > 0 ? v : throw new InvalidOperationException($"kalshiarb setting '{key}' must be positive, got {v}");
    }
}

/// <summary>Shard counts (equal on every node) and how long a node waits to become a cluster member.</summary>
public sealed record ClusterShape(int MarketShards, int OrderShards, TimeSpan JoinTimeout);

/// <summary>What a node does with its resting orders when it shuts down, and how long it waits for that.</summary>
public sealed record ShutdownPolicy(bool CancelResting, TimeSpan DrainTimeout);

/// <summary>The paper venue's account.</summary>
public sealed record PaperSettings(Money StartingBalance, TimeSpan OrderLatency);
