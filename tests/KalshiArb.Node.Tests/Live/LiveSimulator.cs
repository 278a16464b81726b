using KalshiArb.Domain.Matching;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Model;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Tests.Live;

/// <summary>The exchange simulator on loopback with one signed account, and a REST client for it.</summary>
public sealed class LiveSimulator : IAsyncDisposable
{
    public const string KeyId = "live-start-account";
    private readonly HttpClient _http = new();
    private readonly KalshiSigner _signer;

    private LiveSimulator(ExchangeSimulator sim, GeneratedAccount account)
    {
        Sim = sim;
        Account = account;
        _signer = KalshiSigner.FromPem(KeyId, account.PrivateKeyPem);
        Rest = ClientWith(_signer);
    }

    public ExchangeSimulator Sim { get; }
    public GeneratedAccount Account { get; }
    public KalshiRestClient Rest { get; }

    /// <summary>A market of the default slate; orders far below its book rest without filling.</summary>
    public string Ticker => Sim.Exchange.Games()[0].HomeMarketTicker;

    public static async Task<LiveSimulator> StartAsync()
    {
        var account = GeneratedAccount.Create(KeyId, Money.FromDollars(1_000));
        var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Port = 0, Accounts = [account.Account], TickInterval = null, Seed = 11 });
        return new LiveSimulator(sim, account);
    }

    /// <summary>A client for the same simulator signing with <paramref name="signer"/> (fast retries, no rate wait).</summary>
    public KalshiRestClient ClientWith(KalshiSigner signer) => new(_http, new KalshiRestOptions
    {
        BaseUrl = Sim.RestBaseUrl,
        PageSize = 2,
        MaxRetries = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        Tier = new KalshiRateTier("test", 100_000, 100_000),
    }, signer);

    /// <summary>Places a post-only bid at $0.02 that rests (nothing in the book sells that low).</summary>
    public async Task<string> PlaceRestingAsync(string clientOrderId, int contracts = 3)
    {
        var ack = await Rest.CreateOrderAsync(new KalshiOrderRequest(Ticker, clientOrderId, OrderSide.Bid, Quantity.FromContracts(contracts),
            Price.FromCents(2), PostOnly: true));
        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Equal(Quantity.FromContracts(contracts), ack.Value.RemainingCount);
        return ack.Value.OrderId;
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        _signer.Dispose();
        _http.Dispose();
    }
}
