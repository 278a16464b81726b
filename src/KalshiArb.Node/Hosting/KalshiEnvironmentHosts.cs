using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Hosting;

/// <summary>The Kalshi hosts of each environment and which explicit URLs an environment accepts.</summary>
public static class KalshiEnvironmentHosts
{
    /// <summary>The REST base (with /trade-api/v2) live mode uses when KALSHI_REST_URL is not set.</summary>
    public static string DefaultRestUrl(KalshiEnvironment env) => env == KalshiEnvironment.Demo ? KalshiRestOptions.DemoBaseUrl : KalshiRestOptions.ProdBaseUrl;

    /// <summary>The WebSocket URL live mode uses when KALSHI_WS_URL is not set.</summary>
    public static string DefaultWsUrl(KalshiEnvironment env) => env == KalshiEnvironment.Demo ? KalshiFeedOptions.DemoUrl : KalshiFeedOptions.ProdUrl;

    // The demo exchange's hosts (protocol notes): api and ws, under both of its names.
    private static readonly string[] DemoHosts = ["external-api.demo.kalshi.co", "demo-api.kalshi.co", "external-api-ws.demo.kalshi.co"];

    /// <summary>
    /// Null when <paramref name="url"/> may be used with <paramref name="env"/>; otherwise why not. With --env demo an
    /// explicit URL must be a demo host (or loopback, for a local stand-in): demo keys sent to production would be
    /// refused at best, and a production key must never be pointed at by a "demo" run.
    /// </summary>
    public static string? Mismatch(KalshiEnvironment env, Uri url, string variable)
    {
        if (env != KalshiEnvironment.Demo || url.IsLoopback) return null;
        return DemoHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"--env demo, but {variable} names {url.Host}, which is not Kalshi's demo exchange (unset it to use {DefaultRestUrlHost})";
    }

    private static string DefaultRestUrlHost => new Uri(KalshiRestOptions.DemoBaseUrl).Host;
}
