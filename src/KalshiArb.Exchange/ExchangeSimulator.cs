using System.Net;
using KalshiArb.Exchange.Rest;
using KalshiArb.Exchange.Sportsbooks;
using KalshiArb.Exchange.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Exchange;

/// <summary>
/// A running Kalshi-compatible exchange (127.0.0.1 unless configured otherwise): REST under /trade-api/v2, WebSocket at /trade-api/ws/v2,
/// admin under /admin. <c>await using var sim = await ExchangeSimulator.StartAsync(options);</c>
/// </summary>
public sealed class ExchangeSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private Task? _tickLoop;
    private int _disposed;

    private ExchangeSimulator(WebApplication app, SimulatedExchange exchange, Uri listening, IPAddress bound, string advertisedHost)
    {
        _app = app;
        Exchange = exchange;
        Port = listening.Port;
        ListenAddress = IPAddress.TryParse(listening.Host.Trim('[', ']'), out var actual) ? actual : bound;
        AdvertisedHost = advertisedHost;
        RestBaseUrl = Advertised("http", GatewayMiddleware.RestPrefix);
        WsUrl = Advertised("ws", GatewayMiddleware.WsPath);
        AdminUrl = Advertised("http", "/admin");
        OddsApiBaseUrl = Advertised("http", "");
    }

    /// <summary>The exchange behind the HTTP shell: catalog, fair values, accounts, faults, lifecycle.</summary>
    public SimulatedExchange Exchange { get; }

    public int Port { get; }

    /// <summary>The interface Kestrel actually listens on (127.0.0.1 unless <see cref="SimulatorOptions.BindAddress"/> says otherwise).</summary>
    public IPAddress ListenAddress { get; }

    /// <summary>The host used in every URL below (<see cref="SimulatorOptions.ResolveAdvertisedHost"/>).</summary>
    public string AdvertisedHost { get; }

    /// <summary>http://HOST:PORT/trade-api/v2 (no trailing slash).</summary>
    public Uri RestBaseUrl { get; }

    /// <summary>ws://HOST:PORT/trade-api/ws/v2</summary>
    public Uri WsUrl { get; }

    /// <summary>http://HOST:PORT (no trailing slash): the Odds API base URL; routes live under /v4.</summary>
    public Uri OddsApiBaseUrl { get; }

    /// <summary>http://HOST:PORT/admin (admin routes answer loopback callers only).</summary>
    public Uri AdminUrl { get; }

    public static async Task<ExchangeSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var advertisedHost = options.ResolveAdvertisedHost();
        var exchange = new SimulatedExchange(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.BindAddress, options.Port));
        if (!options.ConsoleLogging) builder.Logging.ClearProviders();
        if (options.LogProvider is { } sink) builder.Logging.AddProvider(sink);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter(RequestLogMiddleware.HostingDiagnosticsCategory, LogLevel.Warning);
        // at the usual level our request log is the one line per request (routing and result writers add three more)
        if (options.MinimumLogLevel >= LogLevel.Information) builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => WireJson.ConfigureInto(o.SerializerOptions));

        var app = builder.Build();
        var requestLog = new RequestLogMiddleware(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLogMiddleware.Category));
        app.Use((ctx, next) => requestLog.InvokeAsync(ctx, next));
        app.UseWebSockets();
        var gateway = new GatewayMiddleware(exchange);
        app.Use((ctx, next) => gateway.InvokeAsync(ctx, next));

        var api = app.MapGroup(GatewayMiddleware.RestPrefix);
        ExchangeEndpoints.Map(api, exchange);
        MarketEndpoints.Map(api, exchange);
        PortfolioEndpoints.Map(api, exchange);
        OrderEndpoints.Map(api, exchange);
        var stream = new StreamEndpoint(exchange);
        app.Map(GatewayMiddleware.WsPath, (RequestDelegate)stream.HandleAsync);
        AdminEndpoints.Map(app, exchange);
        if (options.Sportsbooks.Enabled) SportsbookEndpoints.Map(app, exchange);
        options.MapExtraEndpoints?.Invoke(app, exchange);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var sim = new ExchangeSimulator(app, exchange, new Uri(address), options.BindAddress, advertisedHost);

        // books are never empty at start: one round of maker quotes before anyone connects
        exchange.RefreshLiquidity();
        if (options.TickInterval is { } interval && interval > TimeSpan.Zero)
            sim._tickLoop = Task.Run(() => sim.TickLoopAsync(interval));
        return sim;
    }

    /// <summary>Runs a simulator until <paramref name="cancellationToken"/> fires (the command-line entry point).</summary>
    public static async Task RunAsync(SimulatorOptions options, CancellationToken cancellationToken, Action<ExchangeSimulator>? onStarted = null)
    {
        await using var sim = await StartAsync(options, cancellationToken);
        onStarted?.Invoke(sim);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task;
        }
    }

    // UriBuilder brackets IPv6 literals, which string interpolation would not
    private Uri Advertised(string scheme, string path) => new UriBuilder(scheme, AdvertisedHost, Port, path).Uri;

    private async Task TickLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, Exchange.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Exchange.Tick();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // normal shutdown
            return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync();
        if (_tickLoop is not null) await _tickLoop;
        Exchange.Hub.AbortAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Exchange.Dispose();
        _stop.Dispose();
    }
}
