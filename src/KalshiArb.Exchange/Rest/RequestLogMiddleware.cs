using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KalshiArb.Exchange.Rest;

/// <summary>
/// The simulator's request log: one Information line per request (method, path, query with secrets masked, status,
/// time) and, at Debug, its headers with secrets masked. It replaces ASP.NET Core's own "Request starting" line, which
/// prints the raw URL including an Odds API key.
/// </summary>
internal sealed class RequestLogMiddleware(ILogger logger)
{
    public const string Category = "KalshiArb.Exchange.Requests";

    /// <summary>ASP.NET Core's request log, which writes the unredacted URL: kept at Warning and above.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var target = ctx.Request.Path + SecretRedaction.Query(ctx.Request.QueryString);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("{Method} {Target} headers: {Headers}", ctx.Request.Method, target, SecretRedaction.Headers(ctx.Request.Headers));
        try
        {
            await next(ctx);
        }
        finally
        {
            logger.LogInformation("{Method} {Target} -> {Status} in {Elapsed:F1} ms", ctx.Request.Method, target,
                ctx.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
