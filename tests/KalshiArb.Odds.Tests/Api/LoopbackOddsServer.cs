using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Odds.Tests.Api;

/// <summary>A Kestrel server on 127.0.0.1 with a replaceable handler that records every request it gets.</summary>
internal sealed class LoopbackOddsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackOddsServer(WebApplication app) => _app = app;

    public Func<HttpContext, int, Task> Handler { get; set; } = (ctx, _) => { ctx.Response.StatusCode = 404; return Task.CompletedTask; };

    /// <summary>Path and query of each request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<LoopbackOddsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOddsServer(app);
        app.Run(ctx =>
        {
            server.Requests.Enqueue(ctx.Request.Path + ctx.Request.QueryString);
            return server.Handler(ctx, server.Requests.Count);
        });
        await app.StartAsync();
        return server;
    }

    public static async Task Json(HttpContext ctx, int status, string body, long? remaining = null, long? used = null, long? last = null)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        if (remaining is { } r) ctx.Response.Headers["x-requests-remaining"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (used is { } u) ctx.Response.Headers["x-requests-used"] = u.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (last is { } l) ctx.Response.Headers["x-requests-last"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ctx.Response.WriteAsync(body);
    }

    /// <summary>Never answers; completes only when the client gives up.</summary>
    public static Task Hang(HttpContext ctx)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ctx.RequestAborted.Register(() => tcs.TrySetResult());
        return tcs.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
