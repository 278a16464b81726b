using System.Security.Cryptography;

namespace KalshiArb.Exchange.Accounts;

/// <summary>
/// A fresh RSA key pair for a simulator account: the simulator gets the public half, the client (demo run, tests)
/// signs with the PKCS#8 private PEM. Never a real Kalshi key.
/// </summary>
public sealed record GeneratedAccount(SimAccount Account, string PrivateKeyPem)
{
    public static GeneratedAccount Create(string keyId, Money startingBalance)
    {
        using var rsa = RSA.Create(2048);
        return new GeneratedAccount(new SimAccount(keyId, rsa.ExportSubjectPublicKeyInfoPem(), startingBalance), rsa.ExportPkcs8PrivateKeyPem());
    }
}
