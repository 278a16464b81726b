using System.Text;

namespace KalshiArb.Exchange.Rest;

/// <summary>
/// What a request log may show: query parameters and headers that carry credentials (the Odds API's apiKey, Kalshi's
/// key id and signature, bearer tokens) are replaced by <see cref="Mask"/>, so a shared log never hands out a key.
/// </summary>
internal static class SecretRedaction
{
    public const string Mask = "***";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "apiKey", "api_key", "key", "access_key", "token", "access_token", "secret", "password", "signature",
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
        Auth.RequestSignatureVerifier.KeyHeader, Auth.RequestSignatureVerifier.SignatureHeader,
    };

    public static bool IsSecret(string name) => SecretNames.Contains(name);

    /// <summary>The query as the client sent it ("?a=1&amp;apiKey=***"), secret values masked; "" for none.</summary>
    public static string Query(QueryString query)
    {
        if (!query.HasValue || query.Value is not { Length: > 1 } text) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var part in text[1..].Split('&'))
        {
            sb.Append(sb.Length == 0 ? '?' : '&');
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((eq < 0 ? part : part[..eq]).Replace('+', ' '));
            sb.Append(eq >= 0 && IsSecret(name) ? part[..(eq + 1)] + Mask : part);
        }
        return sb.ToString();
    }

    /// <summary>"Name=value; …" of every header, secret values masked.</summary>
    public static string Headers(IHeaderDictionary headers) =>
        string.Join("; ", headers.Select(h => $"{h.Key}={(IsSecret(h.Key) ? Mask : h.Value.ToString())}"));
}
