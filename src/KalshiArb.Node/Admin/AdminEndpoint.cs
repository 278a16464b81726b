using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using KalshiArb.Actors.Risk;
using KalshiArb.Node.Hosting;
using KalshiArb.Node.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiArb.Node.Admin;

/// <summary>
/// The running node's control surface for the CLI and the web status page: a Kestrel app bound to 127.0.0.1 only.
/// Every request needs the per-run bearer token from admin.json, except the read-only page and its dashboard
/// document (see <see cref="AdminWebPage.ReadableWithoutToken"/>). Actors are asked with timeouts; a silent actor
/// means 503 or a null section, never a hang.
/// Disposing stops the listener and deletes admin.json.
/// </summary>
public sealed class AdminEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _accessFile;
    private int _disposed;

    private AdminEndpoint(WebApplication app, int port, string accessFile)
    {
        _app = app;
        Port = port;
        _accessFile = accessFile;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<AdminEndpoint> StartAsync(AdminTargets targets, AdminEndpointOptions options, CancellationToken ct)
    {
        var token = AdminAccess.NewToken();
        // Empty builder: no appsettings.json, ASPNETCORE_URLS or Kestrel config section can add a non-loopback binding.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        MetricsRoute.Use(app, targets.Pnl); // before the token check: /metrics is readable on loopback without it
        app.Use(async (ctx, next) =>
        {
            // Nothing here may be cached, framed by another page or sniffed into another content type.
            ctx.Response.Headers.CacheControl = "no-store";
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.ContentSecurityPolicy = AdminWebPage.ContentSecurityPolicy;
            if (!AdminWebPage.ReadableWithoutToken(ctx.Request)
                && !Authorized(ctx.Request.Headers.Authorization.ToString(), expected))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            await next(ctx);
        });
        Map(app, targets, options.AskTimeout);

        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var port = new Uri(address).Port;
            new AdminAccess(port, token).WriteTo(options.DataDirectory);
            return new AdminEndpoint(app, port, AdminAccess.PathIn(options.DataDirectory));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Hashing both sides first makes the compare constant-time whatever length was sent.</summary>
    private static bool Authorized(string header, byte[] expectedHash)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.Ordinal)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, expectedHash);
    }

    private static void Map(WebApplication app, AdminTargets t, TimeSpan timeout)
    {
        app.MapGet("/admin/status", async Task<IResult> (HttpContext ctx) =>
            Results.Json(await AdminStatusQuery.QueryAsync(t, timeout, ctx.RequestAborted), AdminJson.Options)).AddEndpointFilter(AnswerUnavailable);

        app.MapGet("/admin/dashboard", async Task<IResult> (HttpContext ctx) =>
            Results.Json(await AdminDashboardQuery.QueryAsync(t, timeout, ctx.RequestAborted), AdminJson.Options)).AddEndpointFilter(AnswerUnavailable);

        AdminWebPage.Map(app);

        app.MapPost("/admin/kill", async (HttpContext ctx) =>
        {
            var body = await ReadAsync<AdminKillRequest>(ctx);
            if (body is null || string.IsNullOrWhiteSpace(body.Reason))
                return Error(StatusCodes.Status400BadRequest, "a non-empty \"reason\" is required");
            object? command = body.Mode switch
            {
                "halt" => new HaltTrading(body.Reason),
                "reduce-only" => new EnterReduceOnly(body.Reason),
                _ => null,
            };
            if (command is null) return Error(StatusCodes.Status400BadRequest, "\"mode\" must be \"halt\" or \"reduce-only\"");
            return await ChangeAsync(t.RiskGate, command, timeout, ctx.RequestAborted);
        }).AddEndpointFilter(AnswerUnavailable);

        app.MapPost("/admin/resume", async (HttpContext ctx) =>
        {
            var body = await ReadAsync<AdminResumeRequest>(ctx);
            if (body is null || string.IsNullOrWhiteSpace(body.Reason))
                return Error(StatusCodes.Status400BadRequest, "a non-empty \"reason\" is required");
            return await ChangeAsync(t.RiskGate, new ResumeTrading(body.Reason), timeout, ctx.RequestAborted);
        }).AddEndpointFilter(AnswerUnavailable);
    }

    private static async Task<IResult> ChangeAsync(IActorRef gate, object command, TimeSpan timeout, CancellationToken ct)
    {
        var changed = await gate.Ask<KillSwitchChanged>(command, timeout, ct);
        return Results.Json(new AdminKillSwitchAnswer(changed.State, changed.Reason, changed.InFlightExecutionIds), AdminJson.Options);
    }

    /// <summary>An actor that does not answer in time is reported, not waited on.</summary>
    private static async ValueTask<object?> AnswerUnavailable(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        try
        {
            return await next(ctx);
        }
        catch (AskTimeoutException ex)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, $"the node did not answer in time: {ex.Message}");
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext ctx) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, AdminJson.Options, ctx.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new AdminError(message), AdminJson.Options, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // The file goes first: a CLI must not find a token for a listener that is shutting down.
        File.Delete(_accessFile);
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
