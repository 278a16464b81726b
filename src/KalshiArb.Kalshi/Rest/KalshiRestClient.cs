using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KalshiArb.Kalshi.Rest;

/// <summary>
/// Typed, signed, rate-limited Kalshi REST v2 client. Expected failures come back as
/// <see cref="KalshiResult{T}"/> errors; only caller cancellation throws.
/// Retries (429/5xx/timeouts, exponential backoff with jitter) apply only to idempotent calls:
/// GETs, cancels, decrease-to, and creates that carry a client_order_id (a repeat of those answers
/// 409 order_already_exists instead of doubling the order).
/// </summary>
public sealed partial class KalshiRestClient
{
    private readonly HttpClient _http;
    private readonly KalshiSigner? _signer;
    private readonly KalshiRateLimiter _limiter;
    private readonly ResiliencePipeline<Attempt> _retrying;
    private readonly ResiliencePipeline<Attempt> _single;
    private readonly string _base;
    private long _attempts;
    private long _retries;

    public KalshiRestClient(HttpClient http, KalshiRestOptions options, KalshiSigner? signer = null, TimeProvider? clock = null)
    {
        _http = http;
        Options = options;
        _signer = signer;
        _limiter = new KalshiRateLimiter(options.Tier, clock);
        _base = options.BaseUrl.ToString().TrimEnd('/');
        _retrying = new ResiliencePipelineBuilder<Attempt>()
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Status == 429 || a.Status >= 500),
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        _single = new ResiliencePipelineBuilder<Attempt>().AddTimeout(options.AttemptTimeout).Build();
    }

    public KalshiRestOptions Options { get; }

    public KalshiRateLimiter RateLimiter => _limiter;

    /// <summary>HTTP attempts made (each retry counts).</summary>
    public long AttemptCount => Interlocked.Read(ref _attempts);

    public long RetryCount => Interlocked.Read(ref _retries);

    private readonly record struct Attempt(int Status, byte[] Body);

    private sealed record Call(HttpMethod Method, string Path, string? Query, byte[]? Body, bool Retryable, bool IsWrite, double Cost);

    private async Task<KalshiResult<T>> SendAsync<TDto, T>(Call call, JsonTypeInfo<TDto> type, Func<TDto, KalshiResult<T>> map, CancellationToken ct)
    {
        Attempt attempt;
        try
        {
            var pipeline = call.Retryable ? _retrying : _single;
            attempt = await pipeline.ExecuteAsync(static (s, token) => s.Self.AttemptAsync(s.Call, token), (Self: this, Call: call), ct)
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            return new KalshiError(KalshiErrorKind.Timeout, 0, "timeout", $"{call.Method} {call.Path}: no answer in {Options.AttemptTimeout}", ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new KalshiError(KalshiErrorKind.Transport, 0, "transport", $"{call.Method} {call.Path}: {ex.Message}", ex.HttpRequestError.ToString());
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own Timeout fires as a cancellation the caller did not ask for
            return new KalshiError(KalshiErrorKind.Timeout, 0, "timeout", $"{call.Method} {call.Path}: {ex.Message}", null);
        }

        if (attempt.Status is < 200 or > 299) return KalshiErrorParser.Parse(attempt.Status, attempt.Body);
        TDto? dto;
        if (!System.Text.Unicode.Utf8.IsValid(attempt.Body)) return KalshiError.Malformed($"{call.Method} {call.Path}: body is not valid UTF-8");
        try
        {
            dto = attempt.Body.Length == 0 ? default : JsonSerializer.Deserialize(attempt.Body, type);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string holding an escaped lone surrogate
            return KalshiError.Malformed($"{call.Method} {call.Path}: {ex.Message}");
        }
        return dto is null ? KalshiError.Malformed($"{call.Method} {call.Path}: empty body") : map(dto);
    }

    private async ValueTask<Attempt> AttemptAsync(Call call, CancellationToken ct)
    {
        if (call.IsWrite) await _limiter.WaitWriteAsync(call.Cost, ct).ConfigureAwait(false);
        else await _limiter.WaitReadAsync(call.Cost, ct).ConfigureAwait(false);
        Interlocked.Increment(ref _attempts);

        var url = _base + call.Path + (string.IsNullOrEmpty(call.Query) ? "" : "?" + call.Query);
        using var request = new HttpRequestMessage(call.Method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        // signed per attempt: a retry needs a fresh timestamp
        _signer?.HeadersFor(call.Method.Method, request.RequestUri!.AbsolutePath).ApplyTo(request.Headers);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return new Attempt((int)response.StatusCode, body);
    }

    private Call Get(string path, string? query = null) =>
        new(HttpMethod.Get, path, query, null, Retryable: true, IsWrite: false, KalshiRateTier.RequestCost);

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string Seg(string value) => Uri.EscapeDataString(value);

    private static string? Query(params (string Key, string? Value)[] pairs)
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in pairs)
        {
            if (string.IsNullOrEmpty(v)) continue;
            if (sb.Length > 0) sb.Append('&');
            sb.Append(k).Append('=').Append(Uri.EscapeDataString(v));
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string? CursorOrNull(string? cursor) => string.IsNullOrEmpty(cursor) ? null : cursor;

    /// <summary>Maps each item; the first refused item fails the page with its reason.</summary>
    private static KalshiResult<Page<TOut>> MapPage<TIn, TOut>(List<TIn>? items, string? cursor, Func<TIn, KalshiResult<TOut>> map)
    {
        var list = new List<TOut>(items?.Count ?? 0);
        foreach (var item in items ?? [])
        {
            if (item is null) return KalshiError.Malformed("list holds a null item");
            var r = map(item);
            if (!r.IsSuccess) return r.Error;
            list.Add(r.Value);
        }
        return new Page<TOut>(list, CursorOrNull(cursor));
    }
}
