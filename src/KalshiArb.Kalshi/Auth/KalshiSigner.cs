using System.Security.Cryptography;
using System.Text;

namespace KalshiArb.Kalshi.Auth;

/// <summary>
/// Signs Kalshi requests: RSA-PSS / SHA-256 / MGF1-SHA-256 / salt 32 over
/// timestamp(ms) + UPPERCASE method + path (from /trade-api/..., no query string).
/// Thread-safe: RSA signing on one key instance is safe to call concurrently on .NET.
/// </summary>
public sealed class KalshiSigner : IDisposable
{
    public const string KeyHeader = "KALSHI-ACCESS-KEY";
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";
    public const string WebSocketPath = "/trade-api/ws/v2";

    private readonly RSA _rsa;
    private readonly string _keyId;
    private readonly TimeProvider _clock;

    private KalshiSigner(string keyId, RSA rsa, TimeProvider clock)
    {
        _keyId = keyId;
        _rsa = rsa;
        _clock = clock;
    }

    /// <summary>From PEM text (PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY").</summary>
    public static KalshiSigner FromPem(string keyId, string pem, TimeProvider? clock = null)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            // deliberately no key text in the message
            throw new CryptographicException("the Kalshi private key is not a valid RSA PEM (PKCS#1 or PKCS#8)", ex);
        }
        return new KalshiSigner(keyId, rsa, clock ?? TimeProvider.System);
    }

    public static KalshiSigner FromCredentials(KalshiCredentials credentials, TimeProvider? clock = null) =>
        FromPem(credentials.KeyId, File.ReadAllText(credentials.PrivateKeyPath), clock);

    /// <summary>Strips scheme/host and query so only /trade-api/... is signed.</summary>
    public static string SignablePath(string pathOrUrl)
    {
        var path = pathOrUrl;
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var abs) && (abs.Scheme is "http" or "https" or "ws" or "wss"))
            path = abs.AbsolutePath;
        var q = path.IndexOf('?');
        if (q >= 0) path = path[..q];
        return path;
    }

    public static string SignedText(long timestampMs, string method, string path) =>
        timestampMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + method.ToUpperInvariant() + SignablePath(path);

    /// <summary>Base64 RSA-PSS signature of the signed text.</summary>
    public string Sign(long timestampMs, string method, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(SignedText(timestampMs, method, path));
        return Convert.ToBase64String(_rsa.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    /// <summary>The three auth headers for a request at the current time.</summary>
    public KalshiAuthHeaders HeadersFor(string method, string path)
    {
        var ts = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new KalshiAuthHeaders(_keyId, ts, Sign(ts, method, path));
    }

    /// <summary>The WebSocket handshake headers: signed over GET + /trade-api/ws/v2.</summary>
    public KalshiAuthHeaders WebSocketHeaders() => HeadersFor("GET", WebSocketPath);

    public void Dispose() => _rsa.Dispose();

    public override string ToString() => "KalshiSigner(key: ***)";
}
