using System.Security.Cryptography;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>A key pair registered with the simulator; signs like a Kalshi client (our own code, independent of the client project).</summary>
public sealed class TestAccount
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RSA> Keys = new();

    /// <summary>Keys are cached per name: RSA key generation would dominate the suite's run time.</summary>
    public TestAccount(string keyId, long startingDollars = 1000, string? keyName = null)
    {
        KeyId = keyId;
        Key = Keys.GetOrAdd(keyName ?? keyId, _ => RSA.Create(2048));
        StartingBalance = Money.FromDollars(startingDollars);
    }

    public string KeyId { get; }
    public RSA Key { get; }
    public Money StartingBalance { get; }

    public SimAccount Registration => new(KeyId, Key.ExportSubjectPublicKeyInfoPem(), StartingBalance);

    /// <summary>RSA-PSS SHA-256 salt 32 over timestamp + METHOD + path, base64.</summary>
    public string Sign(string timestampMs, string method, string path) =>
        Convert.ToBase64String(Key.SignData(Encoding.UTF8.GetBytes(timestampMs + method + path), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
}
