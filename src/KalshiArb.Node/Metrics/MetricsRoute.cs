using KalshiArb.Actors.Metrics;
using KalshiArb.Node.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalshiArb.Node.Metrics;

/// <summary>
/// GET /metrics on the admin endpoint, in Prometheus text format, readable without the admin token: the endpoint listens
/// on loopback only, and the figures are counts and latencies, nothing that moves money or names a market.
/// Must be added before the token check. The exporter and the P&amp;L gauges' source live as long as the endpoint.
/// </summary>
public static class MetricsRoute
{
    public const string Path = "/metrics";

    public static void Use(WebApplication app, Func<AdminPnlStatus?> pnl)
    {
        var exporter = new PrometheusExporter();
        var pnlSource = TradingInstruments.ObservePnl(() => PnlReadings.From(pnl()));
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
        {
            pnlSource.Dispose();
            exporter.Dispose();
        });
        app.Use(async (ctx, next) =>
        {
            if (!string.Equals(ctx.Request.Path.Value, Path, StringComparison.Ordinal))
            {
                await next(ctx);
                return;
            }
            if (!HttpMethods.IsGet(ctx.Request.Method))
            {
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                ctx.Response.Headers.Allow = "GET";
                return;
            }
            ctx.Response.ContentType = PrometheusExporter.ContentType;
            await ctx.Response.WriteAsync(exporter.Scrape(), ctx.RequestAborted);
        });
    }
}
