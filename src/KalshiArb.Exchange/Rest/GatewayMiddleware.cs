using System.Net;
using KalshiArb.Exchange.Auth;
using KalshiArb.Exchange.Faults;
using Microsoft.AspNetCore.Http.Features;

namespace KalshiArb.Exchange.Rest;

/// <summary>
/// In front of every endpoint: admin paths only from loopback; API and WS paths signature-checked over the raw
/// path without query; API paths also get the injected delay and 429/5xx share. Like Kalshi, public market data
/// (GET /markets…, /events…, /series…, /exchange…) also answers a caller that sends no KALSHI-ACCESS-* header at all,
/// so third-party scripts work unsigned; a request that does carry them is verified as usual.
/// </summary>
internal sealed class GatewayMiddleware(SimulatedExchange exchange)
{
    public const string RestPrefix = "/trade-api/v2";
    public const string WsPath = "/trade-api/ws/v2";

    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path.StartsWith("/admin", StringComparison.Ordinal))
        {
            if (ctx.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
            {
                await ApiErrors.Write(ctx, 403, "forbidden", "admin endpoints answer loopback only", null);
                return;
            }
            await next(ctx);
            return;
        }

        var isRest = path.StartsWith(RestPrefix + "/", StringComparison.Ordinal) || path == RestPrefix;
        var isWs = path == WsPath;
        if (!isRest && !isWs)
        {
            await next(ctx);
            return;
        }

        if (isRest)
        {
            var delay = exchange.Faults.RestDelay;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, exchange.Clock, ctx.RequestAborted);
        }

        var h = ctx.Request.Headers;
        Accounts.AccountLedger? account = null;
        if (!(isRest && IsPublicRead(ctx.Request.Method, path) && !CarriesAuthHeaders(h)))
        {
            var failure = exchange.Verifier.Verify(h[RequestSignatureVerifier.KeyHeader], h[RequestSignatureVerifier.TimestampHeader],
                h[RequestSignatureVerifier.SignatureHeader], ctx.Request.Method, SignedPath(ctx));
            if (failure != AuthFailure.None)
            {
                var (code, message, details) = Describe(failure);
                await ApiErrors.Write(ctx, 401, code, message, details);
                return;
            }
            account = exchange.Account(h[RequestSignatureVerifier.KeyHeader]!)!;
        }

        if (isRest)
        {
            switch (exchange.Faults.SampleRest())
            {
                case RestFault.TooManyRequests:
                    await ApiErrors.Write(ctx, 429, "too_many_requests", "too many requests", null);
                    return;
                case RestFault.InternalServerError:
                    await ApiErrors.Write(ctx, 500, "internal_server_error", "injected server error", null);
                    return;
                case RestFault.ServiceUnavailable:
                    await ApiErrors.Write(ctx, 503, "service_unavailable", "injected unavailability", null);
                    return;
            }
        }

        if (account is not null) RequestAccount.Set(ctx, account);
        // reads of orders and balance come from the ledgers, so orders whose time is up end before anyone looks
        if (isRest) exchange.ExpireOrders();
        await next(ctx);
    }

    private static readonly string[] PublicPrefixes =
        [RestPrefix + "/markets", RestPrefix + "/events", RestPrefix + "/series", RestPrefix + "/exchange"];

    private static bool IsPublicRead(string method, string path) =>
        HttpMethods.IsGet(method) &&
        PublicPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal) && (path.Length == p.Length || path[p.Length] == '/'));

    private static bool CarriesAuthHeaders(IHeaderDictionary h) =>
        h.ContainsKey(RequestSignatureVerifier.KeyHeader) || h.ContainsKey(RequestSignatureVerifier.TimestampHeader) ||
        h.ContainsKey(RequestSignatureVerifier.SignatureHeader);

    /// <summary>The path exactly as the client sent it, without the query: what Kalshi signs.</summary>
    private static string SignedPath(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) return ctx.Request.PathBase + ctx.Request.Path;
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        return q >= 0 ? raw[..q] : raw;
    }

    private static (string Code, string Message, string? Details) Describe(AuthFailure f) => f switch
    {
        AuthFailure.MissingHeaders => ("signature_is_missing_from_headers", "KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP and KALSHI-ACCESS-SIGNATURE are required", null),
        AuthFailure.TimestampExpired => ("header_timestamp_expired", "KALSHI-ACCESS-TIMESTAMP is too far from server time", null),
        AuthFailure.MalformedTimestamp => ("authentication_error", "KALSHI-ACCESS-TIMESTAMP must be unix milliseconds", "INVALID_TIMESTAMP"),
        AuthFailure.UnknownKey => ("authentication_error", "unknown API key", "API_KEY_NOT_FOUND"),
        _ => ("authentication_error", "signature does not verify", "INCORRECT_API_KEY_SIGNATURE"),
    };
}
