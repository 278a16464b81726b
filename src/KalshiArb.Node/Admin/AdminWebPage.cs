using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KalshiArb.Node.Admin;

/// <summary>
/// The web status page on the admin endpoint: GET / is the page, /web/dashboard.css and /web/dashboard.js its parts; the
/// script reads GET /admin/dashboard every few seconds. Halt and resume post to /admin/kill and /admin/resume with the
/// token the person types in (kept in the page's memory only).
/// </summary>
public static class AdminWebPage
{
    private static readonly Dictionary<string, (string File, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["/"] = ("index.html", "text/html; charset=utf-8"),
        ["/web/dashboard.css"] = ("dashboard.css", "text/css; charset=utf-8"),
        ["/web/dashboard.js"] = ("dashboard.js", "text/javascript; charset=utf-8"),
        ["/web/pnl-chart.js"] = ("pnl-chart.js", "text/javascript; charset=utf-8"),
    };

    /// <summary>Scripts and styles only from this endpoint, no inline script, never inside another site's frame.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'";

    /// <summary>
    /// What a browser on this machine may read without the token: the page's files and the dashboard document, by GET
    /// only, and only when addressed as loopback. Why: the listener is bound to 127.0.0.1, so only local processes reach
    /// it; the dashboard is read-only and carries no secret (no token, no key, no credentials); the page must load
    /// before a person has typed a token. The Host check defeats DNS rebinding (a web site whose name was re-pointed at
    /// 127.0.0.1 sends its own name as Host), and other origins cannot read answers without CORS headers, which are
    /// never sent. Kept behind the token: every command (POST), and GET /admin/status, the CLI's contract, which has
    /// the token anyway.
    /// </summary>
    public static bool ReadableWithoutToken(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (Files.ContainsKey(request.Path.Value ?? "") || request.Path.Value == "/admin/dashboard")
        && IsLoopbackName(request.Host.Host);

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    public static void Map(WebApplication app)
    {
        foreach (var (path, (file, contentType)) in Files)
            app.MapGet(path, () => Results.Text(WebAssets.Text(file), contentType));
    }
}
