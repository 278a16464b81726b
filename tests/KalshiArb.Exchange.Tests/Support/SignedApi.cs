using System.Net.Http.Headers;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>Minimal signed REST client for tests: every call returns status + parsed JSON body.</summary>
public sealed class SignedApi(ExchangeSimulator sim, TestAccount account) : IDisposable
{
    private readonly HttpClient _http = new();

    public TestAccount Account => account;

    public Task<ApiResponse> Get(string relative) => Send(HttpMethod.Get, relative, null);
    public Task<ApiResponse> Post(string relative, object body) => Send(HttpMethod.Post, relative, body);
    public Task<ApiResponse> Delete(string relative, object? body = null) => Send(HttpMethod.Delete, relative, body);

    /// <summary>Sends with a signature; <paramref name="tamper"/> may change headers after signing.</summary>
    public async Task<ApiResponse> Send(HttpMethod method, string relative, object? body, Action<HttpRequestMessage>? tamper = null,
        long? timestampMs = null, bool signQuery = false)
    {
        var uri = new Uri(sim.RestBaseUrl + relative);
        using var req = new HttpRequestMessage(method, uri);
        var ts = (timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signedPath = signQuery ? uri.PathAndQuery : uri.AbsolutePath;
        req.Headers.Add("KALSHI-ACCESS-KEY", account.KeyId);
        req.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts);
        req.Headers.Add("KALSHI-ACCESS-SIGNATURE", account.Sign(ts, method.Method, signedPath));
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            req.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        tamper?.Invoke(req);
        using var resp = await _http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        var parsed = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse((int)resp.StatusCode, parsed, text);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record ApiResponse(int Status, JsonElement Body, string Text)
{
    public string Str(params string[] path)
    {
        var e = Body;
        foreach (var p in path) e = e.GetProperty(p);
        return e.GetString()!;
    }

    public string ErrorCode => Body.GetProperty("error").GetProperty("code").GetString()!;
}
