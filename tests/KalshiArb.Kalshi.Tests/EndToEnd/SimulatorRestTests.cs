using System.Net.Http;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Kalshi.Tests.EndToEnd;

public sealed class SimulatorRestTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly HttpClient _http = new();
    private ExchangeSimulator _sim = null!;
    private KalshiSigner _signer = null!;

    public async Task InitializeAsync()
    {
        _sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Accounts = [new SimAccount("key-e2e", _key.ExportSubjectPublicKeyInfoPem(), Money.FromDollars(1000))],
            TickInterval = null,
            Seed = 7,
        });
        _signer = KalshiSigner.FromPem("key-e2e", _key.ExportPkcs8PrivateKeyPem());
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _signer.Dispose();
        _http.Dispose();
        _key.Dispose();
    }

    private KalshiRestClient Client(int pageSize = 100) => new(_http, new KalshiRestOptions
    {
        BaseUrl = _sim.RestBaseUrl,
        PageSize = pageSize,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        MaxRetries = 6,
        Tier = new KalshiRateTier("test", 100_000, 100_000),
    }, _signer);

    [Fact]
    public async Task Discovery_pages_through_and_keeps_only_game_series()
    {
        var client = Client(pageSize: 1);

        var found = await client.DiscoverMarketsAsync();

        Assert.True(found.IsSuccess, found.ToString());
        var expected = _sim.Exchange.Games().SelectMany(g => new[] { g.AwayMarketTicker, g.HomeMarketTicker }).Order().ToArray();
        Assert.Equal(expected, found.Value.Markets.Select(m => m.Ticker).Order());
        Assert.All(found.Value.Markets, m => Assert.Contains(m.SeriesTicker, KalshiRestOptions.DefaultSportsSeries));
        Assert.Empty(found.Value.Rejected);
        Assert.True(client.AttemptCount > expected.Length / 2, "page size 1 must have paged");

        // the simulator's game markets trade whole contracts on a cent grid, and say so
        Assert.All(found.Value.Markets, m =>
        {
            Assert.False(m.FractionalTradingEnabled);
            Assert.Equal(PriceLevelStructure.LinearCent, m.PriceLevelStructure);
        });

        var series = await client.GetSeriesAsync("KXNFLGAME");
        Assert.True(series.Value.ChargesMakerFees);
    }

    [Fact]
    public async Task Create_amend_decrease_cancel_and_duplicate_client_id()
    {
        var client = Client();
        var ticker = _sim.Exchange.Games()[0].HomeMarketTicker;
        var book = await client.GetOrderbookAsync(ticker);
        Assert.True(book.IsSuccess, book.ToString());
        // rest well below the market so nothing fills
        var order = new KalshiOrderRequest(ticker, "e2e-1", OrderSide.Bid, Quantity.FromContracts(5), Price.FromCents(2), PostOnly: true);

        var ack = await client.CreateOrderAsync(order);
        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Equal(Quantity.FromContracts(5), ack.Value.RemainingCount);

        var resting = await client.GetOrderAsync(ack.Value.OrderId);
        Assert.Equal(KalshiOrderStatus.Resting, resting.Value.Status);
        Assert.Equal(OrderSide.Bid, resting.Value.Side);

        var dup = await client.CreateOrderAsync(order);
        Assert.Equal(KalshiErrorKind.OrderAlreadyExists, dup.Error!.Kind);

        var amended = await client.AmendOrderAsync(ack.Value.OrderId, new OrderAmend(ticker, Price.FromCents(3), Quantity.FromContracts(4)));
        Assert.True(amended.IsSuccess, amended.ToString());
        Assert.Equal(Price.FromCents(3), amended.Value.Price);

        var decreased = await client.DecreaseOrderAsync(ack.Value.OrderId, new OrderDecrease(null, Quantity.FromContracts(2)));
        Assert.True(decreased.IsSuccess, decreased.ToString());

        var canceled = await client.CancelOrderAsync(ack.Value.OrderId);
        Assert.True(canceled.IsSuccess, canceled.ToString());
        Assert.Equal(Quantity.FromContracts(2), canceled.Value.ReducedBy);
        var gone = await client.CancelOrderAsync(ack.Value.OrderId);
        Assert.Equal(KalshiErrorKind.NotFound, gone.Error!.Kind);

        var orders = await KalshiRestClient.CollectAllAsync(c => client.GetOrdersAsync(ticker, cursor: c));
        Assert.Contains(orders.Value, o => o.OrderId == ack.Value.OrderId && o.Status == KalshiOrderStatus.Canceled);
    }

    [Fact]
    public async Task Taking_liquidity_fills_and_shows_in_fills_positions_balance()
    {
        var client = Client();
        var ticker = _sim.Exchange.Games()[1].AwayMarketTicker;
        var before = await client.GetBalanceAsync();
        var market = await client.GetMarketAsync(ticker);
        Assert.True(market.IsSuccess, market.ToString());
        var ask = market.Value.YesAsk!.Value;

        var ack = await client.CreateOrderAsync(new KalshiOrderRequest(ticker, "e2e-take", OrderSide.Bid, Quantity.FromContracts(1), ask, TimeInForce.ImmediateOrCancel));

        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Equal(Quantity.FromContracts(1), ack.Value.FillCount);
        var fills = await client.GetFillsAsync(orderId: ack.Value.OrderId);
        var fill = Assert.Single(fills.Value.Items);
        Assert.True(fill.IsTaker);
        Assert.True(fill.Fee > Money.Zero);
        var positions = await client.GetPositionsAsync(ticker);
        Assert.Equal(Quantity.FromContracts(1), Assert.Single(positions.Value.Items).Position);
        var after = await client.GetBalanceAsync();
        Assert.True(after.Value.Balance < before.Value.Balance);
    }

    [Fact]
    public async Task Injected_429_and_5xx_are_retried_for_reads_but_not_for_unkeyed_creates()
    {
        var client = Client();
        _sim.Exchange.Faults.TooManyRequestsShare = 0.3;
        _sim.Exchange.Faults.ServerErrorShare = 0.2;

        for (var i = 0; i < 10; i++)
        {
            var balance = await client.GetBalanceAsync();
            Assert.True(balance.IsSuccess, balance.ToString());
        }
        Assert.True(client.RetryCount > 0);

        _sim.Exchange.Faults.TooManyRequestsShare = 0;
        _sim.Exchange.Faults.ServerErrorShare = 1.0;
        var attempts = client.AttemptCount;
        var unkeyed = await client.CreateOrderAsync(new KalshiOrderRequest(_sim.Exchange.Games()[0].HomeMarketTicker, null, OrderSide.Bid,
            Quantity.FromContracts(1), Price.FromCents(2)));
        Assert.Equal(KalshiErrorKind.ServerError, unkeyed.Error!.Kind);
        Assert.Equal(attempts + 1, client.AttemptCount);
    }

    [Fact]
    public async Task Wrong_key_is_an_auth_error()
    {
        using var other = RSA.Create(2048);
        using var wrong = KalshiSigner.FromPem("key-e2e", other.ExportPkcs8PrivateKeyPem());
        var client = new KalshiRestClient(_http, new KalshiRestOptions { BaseUrl = _sim.RestBaseUrl }, wrong);

        var r = await client.GetBalanceAsync();

        Assert.Equal(KalshiErrorKind.Auth, r.Error!.Kind);
        Assert.Equal(401, r.Error.HttpStatus);
    }
}
