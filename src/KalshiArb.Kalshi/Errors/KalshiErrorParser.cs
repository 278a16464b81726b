using System.Text.Json;

namespace KalshiArb.Kalshi.Errors;

/// <summary>
/// Turns any of Kalshi's three error bodies — {"error":{code,message,details}}, {code,message,details}
/// and {"msg":...} — plus the HTTP status into a <see cref="KalshiError"/>. Never throws.
/// </summary>
public static class KalshiErrorParser
{
    public static KalshiError Parse(int httpStatus, ReadOnlySpan<byte> body)
    {
        string? code = null, message = null, details = null;
        // not UTF-8 (a corrupted or binary body): its strings cannot be read, so keep only a replacement-decoded excerpt
        if (!System.Text.Unicode.Utf8.IsValid(body)) message = Excerpt(body);
        else if (!body.IsEmpty)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var doc = JsonDocument.ParseValue(ref reader);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    var src = root.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
                    code = Text(src, "code");
                    message = Text(src, "message") ?? Text(src, "msg") ?? Text(root, "msg");
                    details = Text(src, "details");
                    if (src.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String)
                        message ??= e.GetString();
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string with an escaped lone surrogate cannot be read
                // not JSON (a proxy's HTML page, say): keep a bounded excerpt as the message
                message = Excerpt(body);
            }
        }
        return new KalshiError(Classify(httpStatus, code, message, details), httpStatus, code, message, details);
    }

    private static string Excerpt(ReadOnlySpan<byte> body) => System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]);

    public static KalshiError Parse(int httpStatus, string body) => Parse(httpStatus, System.Text.Encoding.UTF8.GetBytes(body));

    private static string? Text(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        };
    }

    public static KalshiErrorKind Classify(int status, string? code, string? message, string? details)
    {
        // codes first: Kalshi reuses 400 for many distinct failures
        if (Has(code, details, "market_inactive") || Has(message, null, "market_inactive") || Has(code, details, "market_closed"))
            return KalshiErrorKind.MarketInactive;
        if (Has(code, details, "insufficient_balance")) return KalshiErrorKind.InsufficientBalance;
        if (Has(code, null, "order_already_exists")) return KalshiErrorKind.OrderAlreadyExists;
        if (Has(code, null, "invalid_price")) return KalshiErrorKind.InvalidPrice;
        if (Has(code, null, "authentication") || Has(code, null, "signature") || Has(code, null, "header_timestamp")
            || Has(code, null, "unauthorized")) return KalshiErrorKind.Auth;
        if (Has(code, null, "not_found")) return KalshiErrorKind.NotFound;
        if (Has(code, null, "rate_limit") || Has(code, null, "too_many_requests")) return KalshiErrorKind.RateLimited;
        if (Has(code, null, "invalid_order") || Has(code, null, "invalid_parameters") || Has(code, null, "bad_request"))
            return KalshiErrorKind.InvalidOrder;
        return status switch
        {
            401 or 403 => KalshiErrorKind.Auth,
            404 => KalshiErrorKind.NotFound,
            409 => KalshiErrorKind.OrderAlreadyExists,
            429 => KalshiErrorKind.RateLimited,
            >= 500 and <= 599 => KalshiErrorKind.ServerError,
            400 or 422 => KalshiErrorKind.InvalidOrder,
            _ => KalshiErrorKind.Unknown,
        };
    }

    private static bool Has(string? a, string? b, string needle) =>
        (a is not null && a.Contains(needle, StringComparison.OrdinalIgnoreCase))
        || (b is not null && b.Contains(needle, StringComparison.OrdinalIgnoreCase));
}
