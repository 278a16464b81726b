using Akka.Actor;
using Akka.Streams;
using KalshiArb.Actors.Execution;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.OddsFeed;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues.Kalshi;
using KalshiArb.Domain.Odds;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Odds.Api;
using KalshiArb.Odds.Teams;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The embedded default: the built-in exchange simulator on loopback plays Kalshi (REST, market WS, private
/// WS) and The Odds API; the node trades it through exactly the code paths it uses against real Kalshi
/// (signed client, KalshiVenue, risk gate, event-sourced orders).
/// </summary>
public sealed class SimTradingNode : IAsyncDisposable
{
    public const string SimulatorOddsApiKey = "sim-odds-key";

    private readonly List<IDisposable> _owned = [];
    private ExchangeSimulator? _simulator;
    private KalshiVenue? _venue;

    public required IActorRef RiskGate { get; init; }
    public required IActorRef Orders { get; init; }
    public required MarketSideRefs Markets { get; init; }
    public required ExchangeSimulator Simulator { get; init; }

    public static async Task<SimTradingNode> StartAsync(
        ActorSystem system, NodeSettings settings, TradingConfig config, ILoggerFactory loggers, Serilog.ILogger log, CancellationToken ct)
    {
        var key = SimulatorAccountKey.LoadOrCreate(Path.Combine(settings.DataDirectory, "sim-keys"));
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Seed = config.SimulatorSeed,
            TickInterval = config.SimulatorTick,
            Accounts = [new SimAccount(key.KeyId, key.PublicKeyPem, config.SimulatorBalance)],
        }, ct);
        log.Information("exchange simulator on {Rest} (account {Account})", simulator.RestBaseUrl, key.KeyId);

        var owned = new List<IDisposable>();
        try
        {
            var signer = KalshiSigner.FromPem(key.KeyId, await File.ReadAllTextAsync(key.PrivateKeyPath, ct));
            var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            owned.Add(http);
            var rest = new KalshiRestClient(http, new KalshiRestOptions { BaseUrl = simulator.RestBaseUrl }, signer);

            var venue = KalshiVenue.Create(KalshiVenueOptions.Simulator(simulator.RestBaseUrl, simulator.WsUrl), signer, system.Materializer());

            var gate = system.ActorOf(RiskGateActor.Props(new RiskGateSettings(config.Limits)), "risk-gate");
            await LoadVenueStateAsync(rest, gate, config, log, ct);

            var orders = system.ActorOf(OrderSupervisor.Props(gate, venue, new OrderSupervisorSettings { Order = config.Orders }), "orders");

            var oddsHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            owned.Add(oddsHttp);
            var oddsOptions = new OddsApiOptions { BaseUrl = new Uri(simulator.RestBaseUrl.GetLeftPart(UriPartial.Authority)), ApiKey = SimulatorOddsApiKey };
            var oddsClient = new OddsApiClient(oddsHttp, oddsOptions, loggers.CreateLogger<OddsApiClient>());
            var feed = new KalshiFeed(new KalshiFeedOptions { Url = simulator.WsUrl }, signer);

            var markets = MarketSide.Start(system, new MarketSideOptions
            {
                Discovery = new KalshiMarketDiscovery(rest),
                MarketData = new KalshiMarketDataSource(feed),
                Odds = new OddsApiSource(oddsClient, oddsOptions),
                Teams = TeamTables.LoadShipped(),
                SignalSink = orders,
                Market = config.Market,
                OddsPoller = OddsPollerSettings.Default with
                {
                    Consensus = ConsensusSettings.Default with { MaxBookAge = config.MaxOddsBookAge, MinFreshBooks = config.MinFreshBooks },
                },
            });

            var node = new SimTradingNode { RiskGate = gate, Orders = orders, Markets = markets, Simulator = simulator };
            node._simulator = simulator;
            node._venue = venue;
            node._owned.AddRange(owned);
            return node;
        }
        catch
        {
            foreach (var d in owned) d.Dispose();
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The venue is the truth at start-up: its balance and positions replace the gate's view. Failing here
    /// means the node does not trade.
    /// </summary>
    private static async Task LoadVenueStateAsync(KalshiRestClient rest, IActorRef gate, TradingConfig config, Serilog.ILogger log, CancellationToken ct)
    {
        var balance = await rest.GetBalanceAsync(ct);
        if (!balance.IsSuccess) throw new InvalidOperationException($"cannot read the venue balance: {balance.Error}");
        var positions = await KalshiRestClient.CollectAllAsync(cursor => rest.GetPositionsAsync(null, cursor, ct));
        if (!positions.IsSuccess) throw new InvalidOperationException($"cannot read the venue positions: {positions.Error}");
        var seeds = positions.Value!
            .Where(p => !p.Position.IsZero)
            .Select(p => new VenuePositionSeed(p.Ticker, p.Position, p.Exposure))
            .ToList();
        var loaded = await gate.Ask<VenueStateLoaded>(new LoadVenueState(balance.Value!.Balance, seeds, []), config.RiskAnswerTimeout * 3, ct);
        log.Information("risk gate loaded from the venue: balance {Balance}, {Positions} positions", balance.Value.Balance, loaded.Positions);
    }

    public async ValueTask DisposeAsync()
    {
        if (_venue is not null) await _venue.DisposeAsync();
        foreach (var d in _owned) d.Dispose();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }
}
