using Microsoft.Extensions.Configuration;

namespace KalshiArb.Kalshi.Auth;

/// <summary>
/// Where the API key lives. Holds only the key id and a file path, never key material;
/// ToString redacts the id too so a logged options object leaks nothing.
/// </summary>
public sealed class KalshiCredentials
{
    public const string KeyIdVariable = "KALSHI_API_KEY_ID";
    public const string KeyPathVariable = "KALSHI_PRIVATE_KEY_PATH";

    public KalshiCredentials(string keyId, string privateKeyPath)
    {
        if (string.IsNullOrWhiteSpace(keyId)) throw new ArgumentException("key id is required", nameof(keyId));
        if (string.IsNullOrWhiteSpace(privateKeyPath)) throw new ArgumentException("key path is required", nameof(privateKeyPath));
        KeyId = keyId;
        PrivateKeyPath = privateKeyPath;
    }

    public string KeyId { get; }
    public string PrivateKeyPath { get; }

    /// <summary>Reads Kalshi:ApiKeyId / Kalshi:PrivateKeyPath, falling back to KALSHI_API_KEY_ID / KALSHI_PRIVATE_KEY_PATH.</summary>
    public static KalshiCredentials? FromConfiguration(IConfiguration configuration)
    {
        var id = configuration["Kalshi:ApiKeyId"] ?? configuration[KeyIdVariable];
        var path = configuration["Kalshi:PrivateKeyPath"] ?? configuration[KeyPathVariable];
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(path) ? null : new KalshiCredentials(id, path);
    }

    public static KalshiCredentials? FromEnvironment()
    {
        var id = Environment.GetEnvironmentVariable(KeyIdVariable);
        var path = Environment.GetEnvironmentVariable(KeyPathVariable);
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(path) ? null : new KalshiCredentials(id, path);
    }

    public override string ToString() => "KalshiCredentials(key id: ***, key path: ***)";
}
