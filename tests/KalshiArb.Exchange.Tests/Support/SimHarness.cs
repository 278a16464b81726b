using KalshiArb.Exchange.Liquidity;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>A simulator with three signed accounts (alice, bob with $1000; carol with $5), manual ticks by default.</summary>
public sealed class SimHarness : IAsyncDisposable
{
    public const string Market = "KXNFLGAME-26SEP20PHITEN-PHI";

    private SimHarness(ExchangeSimulator sim, TestAccount alice, TestAccount bob, TestAccount carol)
    {
        Sim = sim;
        Alice = new SignedApi(sim, alice);
        Bob = new SignedApi(sim, bob);
        Carol = new SignedApi(sim, carol);
    }

    public ExchangeSimulator Sim { get; }
    public SimulatedExchange X => Sim.Exchange;
    public SignedApi Alice { get; }
    public SignedApi Bob { get; }
    public SignedApi Carol { get; }

    /// <summary>Fixed slate whose first game is PHI at TEN on 2026-09-20, so tickers are known in advance.</summary>
    public static IReadOnlyList<Exchange.Catalog.GameSpec> Games =>
    [
        new("KXNFLGAME", new("PHI", "Philadelphia", "Philadelphia Eagles"), new("TEN", "Tennessee", "Tennessee Titans"),
            new DateTimeOffset(2026, 9, 20, 17, 0, 0, TimeSpan.Zero), 0.42),
        .. Exchange.Catalog.DefaultCatalog.Games(new DateOnly(2026, 9, 21)),
    ];

    /// <summary><see cref="Games"/> with fractional trading enabled on the first game (so on <see cref="Market"/>).</summary>
    public static IReadOnlyList<Exchange.Catalog.GameSpec> FractionalGames =>
        [Games[0] with { FractionalTrading = true }, .. Games.Skip(1)];

    public static async Task<SimHarness> Start(bool liquidity = false, Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var alice = new TestAccount("alice");
        var bob = new TestAccount("bob");
        var carol = new TestAccount("carol", startingDollars: 5);
        var options = new SimulatorOptions
        {
            Accounts = [alice.Registration, bob.Registration, carol.Registration],
            Games = Games,
            TickInterval = null,
            Liquidity = new LiquidityOptions { Enabled = liquidity },
            Seed = 7,
        };
        if (configure is not null) options = configure(options);
        var sim = await ExchangeSimulator.StartAsync(options);
        return new SimHarness(sim, alice, bob, carol);
    }

    public static object Order(string side, string price, string count, string? clientId = null, string ticker = Market,
        string tif = "good_till_canceled", bool postOnly = false) => new Dictionary<string, object?>
    {
        ["ticker"] = ticker,
        ["client_order_id"] = clientId ?? Guid.NewGuid().ToString("N"),
        ["side"] = side,
        ["price"] = price,
        ["count"] = count,
        ["time_in_force"] = tif,
        ["post_only"] = postOnly,
    };

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        foreach (var api in new[] { Alice, Bob, Carol }) api.Dispose();
    }
}
