namespace KalshiArb.Exchange.Accounts;

/// <summary>An API account: the key id signs requests, the PEM public key (SPKI or PKCS#1) verifies them.</summary>
public sealed record SimAccount(string KeyId, string PublicKeyPem, Money StartingBalance)
{
    /// <summary>Reads the public key (or a private key, whose public half is used) from a PEM file.</summary>
    public static SimAccount FromPemFile(string keyId, string pemPath, Money startingBalance) =>
        new(keyId, File.ReadAllText(pemPath), startingBalance);
}
