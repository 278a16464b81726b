using System.Security.Cryptography;
using Akka.Actor;
using Akka.Streams;
using KalshiArb.Actors.Venues;
using KalshiArb.Adapters.Kalshi.Config;
using KalshiArb.Adapters.Kalshi.Execution;
using KalshiArb.Adapters.Tests.Common;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Adapters.Tests.Kalshi.Execution;

/// <summary>KalshiVenue end to end against the in-process exchange simulator (loopback only).</summary>
public sealed class KalshiVenueSimulatorTests : IAsyncLifetime
{
    private const string KeyId = "venue-test-key";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly LosingResponsesHandler _handler = new();
    private readonly RecordingVenueListener _listener = new();
    private ExchangeSimulator _sim = null!;
    private ActorSystem _system = null!;
    private KalshiSigner _signer = null!;
    private KalshiVenue _venue = null!;
    private string _ticker = null!;
    private string _otherTicker = null!;

    private static Quantity N(long contracts) => Quantity.FromContracts(contracts);

    public async Task InitializeAsync()
    {
        _sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [new SimAccount(KeyId, _rsa.ExportSubjectPublicKeyInfoPem(), Money.FromDollars(1000))],
            TickInterval = null,
            Seed = 7,
        });
        _ticker = _sim.Exchange.Games()[0].HomeMarketTicker;
        _otherTicker = _sim.Exchange.Games()[1].AwayMarketTicker;
        _system = ActorSystem.Create("venue-tests");
        _signer = KalshiSigner.FromPem(KeyId, _rsa.ExportPkcs8PrivateKeyPem());
        var options = KalshiVenueOptions.Simulator(_sim.RestBaseUrl, _sim.WsUrl) with
        {
            Rest = new KalshiRestOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(10) },
        };
        _venue = KalshiVenue.Create(options, _signer, _system.Materializer(), _handler);
        _venue.Subscribe(_listener);
        await _venue.AccountFeedReady.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await _venue.DisposeAsync();
        await _sim.DisposeAsync();
        await _system.Terminate();
        _signer.Dispose();
        _handler.Dispose();
        _rsa.Dispose();
    }

    private VenueOrderRequest Buy(string clientId, OutcomeSide side, Price limit, Quantity count,
        TimeInForce tif = TimeInForce.GoodTillCanceled, string? ticker = null, bool postOnly = false) =>
        new(clientId, ticker ?? _ticker, side, limit, count, tif, postOnly);

    private async Task<List<VenueFill>> FillsOf(string orderId, Quantity total)
    {
        var fills = new List<VenueFill>();
        while (fills.Sum(f => f.Count.Hundredths) < total.Hundredths)
            fills.Add(await _listener.FillMatchingAsync(f => f.ExchangeOrderId == orderId));
        return fills;
    }

    [Fact]
    public async Task Create_fills_through_the_private_socket_then_cancel_the_rest()
    {
        var top = _sim.Exchange.MarketState(_ticker)!.Top;
        var yesAsk = top.YesAsk!.Value;
        var askSize = top.NoBidSize;

        var r = await _venue.SubmitAsync(Buy("e2e-1", OutcomeSide.Yes, yesAsk, askSize + N(2)), default);

        Assert.Equal(VenueResultKind.Accepted, r.Kind);
        Assert.Equal((askSize, N(2), VenueOrderStatus.Resting), (r.FilledCount, r.RemainingCount, r.Status));
        var fills = await FillsOf(r.ExchangeOrderId!, askSize);
        Assert.All(fills, f => Assert.Equal((OutcomeSide.Yes, yesAsk, true, "e2e-1", _ticker), (f.Side, f.Price, f.IsTaker, f.ClientOrderId, f.Ticker)));
        Assert.All(fills, f => Assert.True(f.Fee.Units > 0));

        var cancel = await _venue.CancelAsync(r.ExchangeOrderId!, default);
        Assert.Equal((VenueResultKind.Accepted, N(2)), (cancel.Kind, cancel.ReducedBy));
        var update = await _listener.UpdateMatchingAsync(u => u.Order.ExchangeOrderId == r.ExchangeOrderId && u.Order.Status == VenueOrderStatus.Canceled);
        Assert.Equal((askSize, Quantity.Zero, "e2e-1"), (update.Order.FilledCount, update.Order.RemainingCount, update.Order.ClientOrderId));

        var restFills = await _venue.GetFillsAsync(r.ExchangeOrderId!, default);
        Assert.Equal(askSize, new Quantity(restFills.Sum(f => f.Count.Hundredths)));
        Assert.Equal(fills.Select(f => f.TradeId).Order(), restFills.Select(f => f.TradeId).Order());
        Assert.Equal(VenueResultKind.NotFound, (await _venue.CancelAsync(r.ExchangeOrderId!, default)).Kind);
    }

    [Fact]
    public async Task Buying_no_is_sent_as_a_v2_ask_and_reported_in_no_prices()
    {
        var top = _sim.Exchange.MarketState(_ticker)!.Top;
        var noAsk = top.YesBid!.Value.Complement;
        var count = Quantity.Min(top.YesBidSize, N(1));

        var r = await _venue.SubmitAsync(Buy("no-1", OutcomeSide.No, noAsk, count, TimeInForce.ImmediateOrCancel), default);

        Assert.Equal((VenueResultKind.Accepted, count, VenueOrderStatus.Executed), (r.Kind, r.FilledCount, r.Status));
        var fill = (await FillsOf(r.ExchangeOrderId!, count))[0];
        Assert.Equal((OutcomeSide.No, noAsk), (fill.Side, fill.Price));
        var found = await _venue.FindOrderAsync(_ticker, "no-1", default);
        Assert.Equal((OutcomeSide.No, noAsk, VenueOrderStatus.Executed), (found.Order!.Side, found.Order.LimitPrice, found.Order.Status));
        var order = _sim.Exchange.Account(KeyId)!.Orders().Single(o => o.Snapshot.ClientOrderId == "no-1");
        Assert.Equal(noAsk.Complement, order.Snapshot.YesPrice);
    }

    [Fact]
    public async Task A_repeated_client_order_id_answers_already_exists()
    {
        var first = await _venue.SubmitAsync(Buy("dup-1", OutcomeSide.Yes, Price.FromCents(2), N(1)), default);
        var again = await _venue.SubmitAsync(Buy("dup-1", OutcomeSide.Yes, Price.FromCents(2), N(1)), default);

        Assert.True(first.IsAccepted);
        Assert.Equal(VenueResultKind.AlreadyExists, again.Kind);
        Assert.Single(_sim.Exchange.Account(KeyId)!.Orders(), o => o.Snapshot.ClientOrderId == "dup-1");
    }

    [Fact]
    public async Task The_venue_expiry_reaches_the_exchange_which_refuses_one_already_past()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var past = await _venue.SubmitAsync(Buy("exp-1", OutcomeSide.Yes, Price.FromCents(2), N(1)) with { ExpiresAtMs = now - 5_000 }, default);
        Assert.Equal(VenueResultKind.InvalidOrder, past.Kind);
        Assert.Contains("expiration_time is in the past", past.Message);

        // refused, so the client id is still free; a future expiry (sub-second, rounded up on the wire) rests
        var future = await _venue.SubmitAsync(Buy("exp-1", OutcomeSide.Yes, Price.FromCents(2), N(1)) with { ExpiresAtMs = now + 3_600_123 }, default);
        Assert.Equal((VenueResultKind.Accepted, VenueOrderStatus.Resting), (future.Kind, future.Status));
        Assert.Equal(VenueResultKind.Accepted, (await _venue.CancelAsync(future.ExchangeOrderId!, default)).Kind);
    }

    [Fact]
    public async Task Exchange_rejections_map_to_reason_kinds()
    {
        Assert.Equal(VenueResultKind.InsufficientBalance,
            (await _venue.SubmitAsync(Buy("poor-1", OutcomeSide.Yes, Price.FromCents(50), N(5000)), default)).Kind);
        Assert.Equal(VenueResultKind.InvalidPrice,
            (await _venue.SubmitAsync(Buy("grid-1", OutcomeSide.Yes, new Price(5050), N(1)), default)).Kind);
        var yesAsk = _sim.Exchange.MarketState(_ticker)!.Top.YesAsk!.Value;
        Assert.Equal(VenueResultKind.InvalidOrder,
            (await _venue.SubmitAsync(Buy("post-1", OutcomeSide.Yes, yesAsk, N(1), postOnly: true), default)).Kind);
        _sim.Exchange.CloseMarket(_otherTicker);
        Assert.Equal(VenueResultKind.MarketInactive,
            (await _venue.SubmitAsync(Buy("closed-1", OutcomeSide.Yes, Price.FromCents(2), N(1), ticker: _otherTicker), default)).Kind);
        Assert.Equal(VenueResultKind.NotFound, (await _venue.CancelAsync("no-such-order", default)).Kind);
    }

    [Fact]
    public async Task A_lost_create_is_found_by_client_id_and_never_doubled()
    {
        _handler.LoseCreateResponses = true;
        var lost = await Assert.ThrowsAsync<VenueOutcomeUnknownException>(() =>
            _venue.SubmitAsync(Buy("lost-1", OutcomeSide.Yes, Price.FromCents(3), N(2)), default));
        Assert.Equal(VenueResultKind.ServerError, lost.Kind);
        _handler.LoseCreateResponses = false;

        var found = await _venue.FindOrderAsync(_ticker, "lost-1", default);

        Assert.Equal(VenueResultKind.Accepted, found.Kind);
        Assert.Equal(("lost-1", VenueOrderStatus.Resting, N(2), Price.FromCents(3), OutcomeSide.Yes),
            (found.Order!.ClientOrderId, found.Order.Status, found.Order.RemainingCount, found.Order.LimitPrice, found.Order.Side));
        Assert.Equal(VenueResultKind.AlreadyExists, (await _venue.SubmitAsync(Buy("lost-1", OutcomeSide.Yes, Price.FromCents(3), N(2)), default)).Kind);
        var atExchange = Assert.Single(_sim.Exchange.Account(KeyId)!.Orders(), o => o.Snapshot.ClientOrderId == "lost-1");
        Assert.Equal(atExchange.Snapshot.OrderId, found.Order.ExchangeOrderId);
        Assert.Empty(await _venue.GetFillsAsync(found.Order.ExchangeOrderId, default));

        Assert.Equal(VenueResultKind.NotFound, (await _venue.FindOrderAsync(_ticker, "never-sent", default)).Kind);
    }
}
