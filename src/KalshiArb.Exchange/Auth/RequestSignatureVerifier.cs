using System.Security.Cryptography;
using System.Text;
using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Exchange.Auth;

/// <summary>
/// Checks Kalshi's request signature: RSA-PSS / SHA-256 / salt 32 over timestamp + METHOD + path (no query),
/// with the timestamp within a window of the server clock.
/// </summary>
public sealed class RequestSignatureVerifier : IDisposable
{
    public const string KeyHeader = "KALSHI-ACCESS-KEY";
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";

    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;

    public RequestSignatureVerifier(IEnumerable<SimAccount> accounts, TimeSpan window, TimeProvider clock)
    {
        _window = window;
        _clock = clock;
        foreach (var account in accounts)
        {
            var rsa = RSA.Create();
            // ImportFromPem takes SPKI "PUBLIC KEY", PKCS#1 "RSA PUBLIC KEY" and private keys alike
            rsa.ImportFromPem(account.PublicKeyPem);
            _keys[account.KeyId] = rsa;
        }
    }

    public AuthFailure Verify(string? keyId, string? timestamp, string? signature, string method, string path)
    {
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return AuthFailure.MissingHeaders;
        if (!_keys.TryGetValue(keyId, out var rsa)) return AuthFailure.UnknownKey;
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms))
            return AuthFailure.MalformedTimestamp;
        var skew = Math.Abs(_clock.GetUtcNow().ToUnixTimeMilliseconds() - ms);
        if (skew > _window.TotalMilliseconds) return AuthFailure.TimestampExpired;

        var sigBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, sigBytes, out var sigLength)) return AuthFailure.IncorrectSignature;
        var message = Encoding.UTF8.GetBytes(timestamp + method.ToUpperInvariant() + path);
        // RSA instances are not safe for concurrent use on every platform
        lock (rsa)
        {
            return rsa.VerifyData(message, sigBytes.AsSpan(0, sigLength), HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
                ? AuthFailure.None
                : AuthFailure.IncorrectSignature;
        }
    }

    public void Dispose()
    {
        foreach (var rsa in _keys.Values) rsa.Dispose();
    }
}
