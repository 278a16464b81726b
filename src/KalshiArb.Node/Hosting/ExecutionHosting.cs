using Akka.Actor;
using Akka.Hosting;
using Akka.Streams;
using KalshiArb.Actors.Cluster;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Risk;
using KalshiArb.Actors.Venues;
using KalshiArb.Adapters.Kalshi.Config;
using KalshiArb.Adapters.Kalshi.Data;
using KalshiArb.Adapters.Kalshi.Execution;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Actors.Venues.Paper;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Hosting;

/// <summary>The node's own steps around the execution side: the exchange, the venue, the venue state, the drain at shutdown.</summary>
public static class ExecutionHosting
{
    public const string SettlementCatchUpName = "settlement-catch-up";
    public const string PaperFeedName = "paper-feed";

    /// <summary>
    /// The node's one market-data connection (<see cref="MarketDataHub"/>) on the exchange's WebSocket, on a member that
    /// consumes market data: one that may run the market feed singleton (market role), or the paper venue's feed. With
    /// <c>--record</c> every frame goes to the recorder as it arrives; a replay's connection is the recording.
    /// </summary>
    public static AkkaConfigurationBuilder WithMarketData(this AkkaConfigurationBuilder akka, TradingMode mode, NodeStartup start,
        IReadOnlyCollection<string> memberRoles) =>
        akka.WithMarketDataHub(() =>
            {
                if (start.Replay is { } replay) return replay.MarketData;
                var exchange = start.Exchange!;
                var recorder = start.Recorder;
                return new KalshiMarketDataSource(new KalshiFeed(new KalshiFeedOptions
                {
                    Url = exchange.WebSocketUrl,
                    MaxFrameBytes = start.Config.FeedMaxFrameBytes,
                    FrameReceived = recorder is null ? null : (frame, at) => recorder.RecordFrame(frame, at),
                }, exchange.Signer));
            },
            memberRoles.Contains(ClusterRoles.Market) || (mode == TradingMode.Paper && memberRoles.Contains(ClusterRoles.Execution)));

    /// <summary>The exchange connection (embedded or external simulator, or live Kalshi) and a REST client on it.</summary>
    public static AkkaConfigurationBuilder WithExchange(this AkkaConfigurationBuilder akka, NodeStartup start) =>
        akka.WithActors((_, _) => start.StepAsync(async () =>
        {
            var exchange = start.Exchange = await start.Connect(start.Config, start.Cancellation);
            start.Log.Information("exchange: {Exchange}", exchange.ToString());
            var http = start.Own(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
            start.Rest = new KalshiRestClient(http, new KalshiRestOptions { BaseUrl = exchange.RestBaseUrl }, exchange.Signer);
        }));

    /// <summary>
    /// The venue orders go to (execution role): <see cref="KalshiVenue"/> on the simulator or live Kalshi, or in paper mode
    /// a <see cref="PaperVenue"/> kept on the market by a <see cref="PaperVenueFeed"/> (registered under its type), which
    /// takes its events from the member's <see cref="MarketDataHub"/> (the node's one market-data connection).
    /// </summary>
    public static AkkaConfigurationBuilder WithVenue(this AkkaConfigurationBuilder akka, TradingMode mode, NodeStartup start, IReadOnlyCollection<string> memberRoles) =>
        !memberRoles.Contains(ClusterRoles.Execution)
            ? akka
            : akka.WithActors((system, registry) => start.StepAsync(() =>
            {
                var exchange = start.Exchange!;
                if (mode == TradingMode.Paper)
                {
                    var paper = new PaperVenue(new PaperVenueOptions { StartingBalance = start.Config.Paper.StartingBalance, OrderLatency = PaperLatency(start) },
                        start.Replay?.Clock);
                    start.Venue = paper;
                    registry.Register<PaperVenueFeed>(system.ActorOf(PaperVenueFeed.Props(registry.Get<MarketDataHub>(), paper), PaperFeedName));
                }
                else
                {
                    var options = exchange.IsLive
                        ? KalshiVenueOptions.Live with { RestBaseUrl = exchange.RestBaseUrl, WebSocketUrl = exchange.WebSocketUrl }
                        : KalshiVenueOptions.Simulator(exchange.RestBaseUrl, exchange.WebSocketUrl);
                    start.Venue = KalshiVenue.Create(options, exchange.Signer, system.Materializer());
                }
                return Task.CompletedTask;
            }));

    /// <summary>
    /// The paper venue's order latency: the configured one, except in a replay at <c>--speed max</c>. There the recording
    /// does not move while an order travels (the replay waits for every order before its next record), so the order meets
    /// the same book after any delay: a real-time wait would change no fill, only the replay's wall time.
    /// </summary>
    private static TimeSpan PaperLatency(NodeStartup start) =>
        start.Replay is { MarketData.Options.RealTime: false } ? TimeSpan.Zero : start.Config.Paper.OrderLatency;

    /// <summary>
    /// Fail-closed start: the venue is the truth, its balance and positions replace the gate's view (paper: a flat book
    /// with the configured balance). Failing here means the node does not trade. Outside paper mode the
    /// <see cref="SettlementCatchUp"/> starts too (in paper mode the paper venue pays out from its own feed, and a
    /// settlement it missed would leave its cash behind the desk's P&amp;L).
    /// </summary>
    public static AkkaConfigurationBuilder WithVenueState(this AkkaConfigurationBuilder akka, NodeStartup start, IReadOnlyCollection<string> memberRoles) =>
        !memberRoles.Contains(ClusterRoles.Execution)
            ? akka
            : akka.WithActors((system, registry) => start.StepAsync(async () =>
            {
                var gate = registry.Get<RiskGateSupervisor>();
                if (start.Venue is PaperVenue paper)
                {
                    await gate.Ask<VenueStateLoaded>(new LoadVenueState(paper.Cash, [], []), start.Config.Cluster.JoinTimeout, start.Cancellation);
                    start.Log.Information("risk gate loaded from the paper venue: balance {Balance}", paper.Cash);
                    return;
                }
                await LoadVenueStateAsync(start.Rest, gate, start);
                var config = start.Config;
                registry.Register<SettlementCatchUp>(system.ActorOf(SettlementCatchUp.Props(registry.Get<OrderDesk>(), start.Rest.GetMarketAsync,
                    new SettlementCatchUpSettings(config.SettlementCheckInterval, config.Orders.Policy.VenueCallTimeout, config.RiskAnswerTimeout)),
                    SettlementCatchUpName));
            }));

    private static async Task LoadVenueStateAsync(KalshiRestClient rest, IActorRef gate, NodeStartup start)
    {
        var ct = start.Cancellation;
        var balance = await rest.GetBalanceAsync(ct);
        if (!balance.IsSuccess) throw new InvalidOperationException($"cannot read the venue balance: {balance.Error}");
        var positions = await KalshiRestClient.CollectAllAsync(cursor => rest.GetPositionsAsync(null, cursor, ct));
        if (!positions.IsSuccess) throw new InvalidOperationException($"cannot read the venue positions: {positions.Error}");
        var seeds = positions.Value!
            .Where(p => !p.Position.IsZero)
            .Select(p => new VenuePositionSeed(p.Ticker, p.Position, p.Exposure))
            .ToList();
        // The gate may be starting on another node: give its singleton time to come up and recover.
        var loaded = await gate.Ask<VenueStateLoaded>(new LoadVenueState(balance.Value!.Balance, seeds, []), start.Config.Cluster.JoinTimeout, ct);
        start.Log.Information("risk gate loaded from the venue: balance {Balance}, {Positions} positions", balance.Value.Balance, loaded.Positions);
    }

    /// <summary>
    /// Shutdown, then: the desk takes no new orders and (kalshiarb.shutdown.resting-orders = cancel) cancels its open
    /// orders and waits for the venue to confirm, before the shard region hands its entities off and the journal closes
    /// (in-flight writes finish before an entity processes its stop message).
    /// </summary>
    public static AkkaConfigurationBuilder WithOrderDrain(this AkkaConfigurationBuilder akka, NodeStartup start, IReadOnlyCollection<string> memberRoles) =>
        !memberRoles.Contains(ClusterRoles.Execution)
            ? akka
            : akka.WithActors((system, registry) =>
            {
                var orders = registry.Get<OrderDesk>();
                var shutdown = start.Config.Shutdown;
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-orders", async () =>
                {
                    try
                    {
                        var drained = await orders.Ask<OrdersDrained>(new DrainOrders(shutdown.CancelResting), shutdown.DrainTimeout);
                        start.Log.Information("orders drained ({Policy}); {Open} still open", shutdown.CancelResting ? "canceled" : "kept", drained.StillOpen);
                    }
                    catch (AskTimeoutException)
                    {
                        start.Log.Warning("orders not drained within {Timeout}; the journal keeps them and the next start reconciles", shutdown.DrainTimeout);
                    }
                    return Akka.Done.Instance;
                });
            });
}
