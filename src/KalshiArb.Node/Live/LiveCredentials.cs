using System.Security.Cryptography;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Rest;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Live;

/// <summary>
/// What a live run needs from its environment: the Kalshi key (id + PEM file path, never the key text), the
/// Kalshi hosts and the Odds API key/host. Only <see cref="Load"/> makes one, after checking that the key file is
/// private and holds a usable RSA key. ToString shows hosts only: no key id, no key, no Odds API key.
/// </summary>
public sealed record LiveCredentials
{
    public const string KeyIdVariable = KalshiCredentials.KeyIdVariable;
    public const string KeyPathVariable = KalshiCredentials.KeyPathVariable;
    public const string RestUrlVariable = "KALSHI_REST_URL";
    public const string WsUrlVariable = "KALSHI_WS_URL";
    public const string OddsApiKeyVariable = "ODDS_API_KEY";
    public const string OddsApiUrlVariable = "ODDS_API_URL";

    public const string DefaultOddsApiUrl = "https://api.the-odds-api.com";

    // Any group/other bit: a key others can read (or replace) is a key others can trade with.
    private const UnixFileMode NotOwner = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                          | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private LiveCredentials(string keyId, string privateKeyPath, Uri restUrl, Uri wsUrl, string oddsApiKey, Uri oddsApiUrl)
    {
        KeyId = keyId;
        PrivateKeyPath = privateKeyPath;
        RestUrl = restUrl;
        WsUrl = wsUrl;
        OddsApiKey = oddsApiKey;
        OddsApiUrl = oddsApiUrl;
    }

    public string KeyId { get; }

    /// <summary>Full path of the PEM file; the key text itself is never kept.</summary>
    public string PrivateKeyPath { get; }

    /// <summary>REST base including /trade-api/v2.</summary>
    public Uri RestUrl { get; }

    public Uri WsUrl { get; }
    public string OddsApiKey { get; }
    public Uri OddsApiUrl { get; }

    /// <summary>For the confirmation prompt and the log: the account (key id masked to its last 4 characters) and REST host.</summary>
    public string TradingTarget => $"Kalshi account key {MaskedKeyId} at {RestUrl}";

    public string MaskedKeyId => KeyId.Length >= 12 ? "****" + KeyId[^4..] : "****";

    /// <summary>
    /// Reads and checks every variable; <paramref name="env"/> is usually Environment.GetEnvironmentVariable.
    /// <paramref name="exchange"/> picks the default Kalshi hosts (production or demo) and, for demo, refuses others.
    /// </summary>
    public static LiveCredentialsResult Load(Func<string, string?> env, KalshiEnvironment exchange = KalshiEnvironment.Prod)
    {
        ArgumentNullException.ThrowIfNull(env);
        var keyId = Value(env, KeyIdVariable);
        if (keyId is null) return LiveCredentialsResult.Fail(LiveCredentialsFailure.MissingKeyId, $"{KeyIdVariable} is not set");
        var keyPath = Value(env, KeyPathVariable);
        if (keyPath is null) return LiveCredentialsResult.Fail(LiveCredentialsFailure.MissingKeyPath, $"{KeyPathVariable} is not set");
        var oddsKey = Value(env, OddsApiKeyVariable);
        if (oddsKey is null) return LiveCredentialsResult.Fail(LiveCredentialsFailure.MissingOddsApiKey, $"{OddsApiKeyVariable} is not set");

        var rest = ParseUrl(env, RestUrlVariable, KalshiEnvironmentHosts.DefaultRestUrl(exchange), secure: "https", plain: "http");
        if (rest.Error is { } restError) return restError;
        var ws = ParseUrl(env, WsUrlVariable, KalshiEnvironmentHosts.DefaultWsUrl(exchange), secure: "wss", plain: "ws");
        if (ws.Error is { } wsError) return wsError;
        if ((KalshiEnvironmentHosts.Mismatch(exchange, rest.Url!, RestUrlVariable) ?? KalshiEnvironmentHosts.Mismatch(exchange, ws.Url!, WsUrlVariable))
            is { } mismatch)
            return LiveCredentialsResult.Fail(LiveCredentialsFailure.WrongEnvironment, mismatch);
        var odds = ParseUrl(env, OddsApiUrlVariable, DefaultOddsApiUrl, secure: "https", plain: "http");
        if (odds.Error is { } oddsError) return oddsError;

        var fullPath = Path.GetFullPath(keyPath);
        // Proves the key is usable now, so a bad file stops start-up instead of the first order.
        var probe = OpenSigner(keyId, fullPath, null);
        if (!probe.IsSuccess) return LiveCredentialsResult.Fail(probe.Failure, probe.Detail);
        probe.Signer!.Dispose();
        return LiveCredentialsResult.Ok(new LiveCredentials(keyId, fullPath, rest.Url!, ws.Url!, oddsKey, odds.Url!));
    }

    /// <summary>A signer from the key file (read again: the key text is not kept in memory here). The caller disposes it.</summary>
    public LiveSignerResult CreateSigner(TimeProvider? clock = null) => OpenSigner(KeyId, PrivateKeyPath, clock);

    /// <summary>REST options pointing at <see cref="RestUrl"/>; everything else stays at its default.</summary>
    public KalshiRestOptions RestOptions() => new() { BaseUrl = RestUrl };

    public override string ToString() =>
        $"LiveCredentials(key id: ***, key file: {PrivateKeyPath}, rest: {RestUrl}, ws: {WsUrl}, odds api: {OddsApiUrl}, odds api key: ***)";

    private static string? Value(Func<string, string?> env, string name) => env(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private readonly record struct UrlCheck(Uri? Url, LiveCredentialsResult? Error);

    private static UrlCheck ParseUrl(Func<string, string?> env, string variable, string fallback, string secure, string plain)
    {
        var text = Value(env, variable) ?? fallback;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != secure && url.Scheme != plain))
            return new UrlCheck(null, LiveCredentialsResult.Fail(LiveCredentialsFailure.InvalidUrl, $"{variable} must be an absolute {secure}:// URL, got '{text}'"));
        if (url.Scheme == plain && !url.IsLoopback)
            return new UrlCheck(null, LiveCredentialsResult.Fail(LiveCredentialsFailure.InsecureUrl, $"{variable} uses {plain}:// to {url.Host}: only loopback may skip {secure}://"));
        return new UrlCheck(url, null);
    }

    private static LiveSignerResult OpenSigner(string keyId, string path, TimeProvider? clock)
    {
        if (!File.Exists(path)) return Fail(LiveCredentialsFailure.KeyFileNotFound, $"{KeyPathVariable}: no file at {path}");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & NotOwner) != 0)
            {
                return Fail(LiveCredentialsFailure.KeyFileTooOpen,
                    $"{path} has mode {Convert.ToString((int)mode, 8)}: group/other may access the private key; run chmod 600 on it");
            }
        }

        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(LiveCredentialsFailure.KeyFileUnreadable, $"cannot read {path}: {ex.Message}");
        }

        try
        {
            return new LiveSignerResult(KalshiSigner.FromPem(keyId, pem, clock), LiveCredentialsFailure.None, "");
        }
        catch (CryptographicException)
        {
            // the exception text is ours and key-free, but nothing from the file is echoed either way
            return Fail(LiveCredentialsFailure.BadPrivateKey, $"{path} is not an RSA private key PEM (PKCS#1 or PKCS#8)");
        }
    }

    private static LiveSignerResult Fail(LiveCredentialsFailure failure, string detail) => new(null, failure, detail);
}
