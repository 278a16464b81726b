using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KalshiArb.Odds.Api;

/// <summary>
/// The Odds API v4 client: h2h odds per sport, quota tracking, typed errors. Retries 429, 5xx,
/// timeouts and network failures with exponential backoff and jitter (Polly); each attempt has its
/// own timeout. The API key travels only in the query string and never reaches a log or an error.
/// Thread-safe; one instance per process is enough.
/// </summary>
public sealed class OddsApiClient
{
    private readonly HttpClient _http;
    private readonly OddsApiOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string? _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public OddsApiClient(HttpClient http, OddsApiOptions options, ILogger<OddsApiClient> logger,
        TimeProvider? time = null, Func<string, string?>? environment = null)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _apiKey = options.ResolveApiKey(environment);
        _pipeline = BuildPipeline();
    }

    public QuotaTracker QuotaTracker { get; } = new();

    public QuotaSnapshot Quota => QuotaTracker.Current;

    public OddsApiCounters Counters { get; } = new();

    public bool HasApiKey => _apiKey is not null;

    /// <summary>
    /// Called with every 200 answer's body, byte for byte, its sport key and receive time, before parsing (the
    /// recorder's tap: it must return at once). Only the body: the request URL with the API key is never passed.
    /// </summary>
    public Action<string, byte[], DateTimeOffset>? BodyReceived { get; init; }

    /// <summary>Opened for every answer with a body (its <see cref="OddsApiResult.ReceivedAt"/>); whoever applies it closes it.</summary>
    public OddsArrivals? Arrivals { get; init; }

    /// <summary>GET /v4/sports/{sport}/odds with markets=h2h. Never throws except when <paramref name="ct"/> is cancelled.</summary>
    public async Task<OddsApiResult> GetOddsAsync(string sportKey, OddsQuery? query = null, CancellationToken ct = default)
    {
        Counters.Call();
        if (_apiKey is null)
            return Fail(sportKey, new OddsApiError(OddsApiErrorKind.MissingApiKey, null,
                $"no API key: set OddsApi:ApiKey or {OddsApiOptions.ApiKeyEnvironmentVariable}"));
        if (sportKey.Length == 0 || !sportKey.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            return Fail(sportKey, new OddsApiError(OddsApiErrorKind.InvalidRequest, null, $"bad sport key '{Scrub(sportKey)}'"));

        var uri = OddsUri(sportKey, query ?? new OddsQuery());
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token => await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false),
                ct).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return Fail(sportKey, new OddsApiError(OddsApiErrorKind.Timeout, null, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException ex)
        {
            return Fail(sportKey, new OddsApiError(OddsApiErrorKind.Network, null, Scrub(ex.Message)));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout fired (not our caller cancelling).
            return Fail(sportKey, new OddsApiError(OddsApiErrorKind.Timeout, null, "HttpClient timeout"));
        }

        using (response)
        {
            var quota = QuotaTracker.Observe(response.Headers, _time.GetUtcNow());
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                return Fail(sportKey, new OddsApiError(OddsApiErrorKind.Network, (int)response.StatusCode, Scrub(ex.Message)));
            }

            if (response.StatusCode != HttpStatusCode.OK)
                return Fail(sportKey, StatusError(response.StatusCode, body));

            // one reading for the recorder and the result: a replay then dates the consensus as live did
            var receivedAt = Arrivals?.Open(_time) ?? _time.GetUtcNow();
            BodyReceived?.Invoke(sportKey, body, receivedAt);
            var parsed = OddsApiParser.Parse(body, _options.OddsFormat);
            if (!parsed.IsOk)
            {
                Counters.AddMalformed(parsed.BodyRejection!.Value, 1);
                return Fail(sportKey, new OddsApiError(OddsApiErrorKind.MalformedBody, 200, parsed.BodyRejection.Value.ToString())) with { ReceivedAt = receivedAt };
            }
            foreach (var (reason, count) in parsed.Skipped) Counters.AddMalformed(reason, count);
            if (parsed.Skipped.Count > 0)
                _logger.LogWarning("Odds API {Sport}: skipped malformed elements {Skipped}", sportKey,
                    string.Join(", ", parsed.Skipped.Select(kv => $"{kv.Key}={kv.Value}")));
            Counters.Success();
            _logger.LogDebug("Odds API {Sport}: {Events} events, quota remaining {Remaining} used {Used} last {Last}",
                sportKey, parsed.Events.Count, quota.Remaining, quota.Used, quota.LastCost);
            return new OddsApiResult(sportKey, parsed.Events, null, quota, parsed.Skipped) { ReceivedAt = receivedAt };
        }
    }

    private OddsApiResult Fail(string sportKey, OddsApiError error)
    {
        Counters.Error(error.Kind);
        _logger.LogWarning("Odds API {Sport} failed: {Kind} (HTTP {Status}): {Reason}", Scrub(sportKey), error.Kind, error.HttpStatus, error.Reason);
        return new OddsApiResult(sportKey, [], error, Quota, new Dictionary<MalformedReason, int>());
    }

    private OddsApiError StatusError(HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        var kind = code switch
        {
            401 or 403 => OddsApiErrorKind.Unauthorized,
            429 => OddsApiErrorKind.RateLimited,
            >= 500 => OddsApiErrorKind.ServerError,
            _ => OddsApiErrorKind.ClientError,
        };
        return new OddsApiError(kind, code, $"HTTP {code}: {Scrub(MessageOf(body))}");
    }

    /// <summary>The API answers errors as {"message": "...", "error_code": "..."}; fall back to the raw text, shortened.</summary>
    private static string MessageOf(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                var parts = new List<string>();
                if (doc.RootElement.TryGetProperty("error_code", out var c) && c.ValueKind == JsonValueKind.String) parts.Add(c.GetString()!);
                if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) parts.Add(m.GetString()!);
                if (parts.Count > 0) return Shorten(string.Join(": ", parts));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or strings that cannot be read (invalid UTF-8, lone surrogates): the raw text below, decoded
            // with replacement characters, is the best reason we have.
        }
        return body.Length == 0 ? "(empty body)" : Shorten(Encoding.UTF8.GetString(body));
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";

    /// <summary>Removes the key from any text that might echo the request (server messages, exception texts).</summary>
    private string Scrub(string text) =>
        _apiKey is null || text.Length == 0 ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    private Uri OddsUri(string sportKey, OddsQuery q)
    {
        var sb = new StringBuilder(_options.BaseUrl.ToString().TrimEnd('/'));
        sb.Append("/v4/sports/").Append(sportKey).Append("/odds?apiKey=").Append(Uri.EscapeDataString(_apiKey!));
        var bookmakers = q.Bookmakers ?? _options.Bookmakers;
        if (bookmakers.Count > 0) sb.Append("&bookmakers=").Append(Uri.EscapeDataString(string.Join(',', bookmakers)));
        else sb.Append("&regions=").Append(Uri.EscapeDataString(q.Regions ?? _options.Regions));
        sb.Append("&markets=h2h&dateFormat=iso&oddsFormat=").Append(_options.OddsFormat == Domain.Odds.OddsFormat.American ? "american" : "decimal");
        if (q.EventIds is { Count: > 0 } ids) sb.Append("&eventIds=").Append(Uri.EscapeDataString(string.Join(',', ids)));
        if (q.CommenceTimeFrom is { } from) sb.Append("&commenceTimeFrom=").Append(Uri.EscapeDataString(IsoSeconds(from)));
        if (q.CommenceTimeTo is { } to) sb.Append("&commenceTimeTo=").Append(Uri.EscapeDataString(IsoSeconds(to)));
        return new Uri(sb.ToString());
    }

    // The API wants YYYY-MM-DDTHH:MM:SSZ without fractions.
    private static string IsoSeconds(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                MaxRetryAttempts = _options.MaxRetryAttempts,
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    args.Outcome.Result?.Dispose();
                    _logger.LogInformation("Odds API retry {Attempt} after {Why}, waiting {Delay} ms", args.AttemptNumber + 1, why, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        builder.AddTimeout(_options.RequestTimeout);
        return builder.Build();
    }
}
