using System.Security.Cryptography;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The RSA key pair of the simulator's demo account: created once under the data folder (never in the
/// repository), reused on later runs so a restarted node reconciles against the same account.
/// </summary>
public sealed record SimulatorAccountKey(string KeyId, string PrivateKeyPath, string PublicKeyPem)
{
    public const string DefaultKeyId = "sim-account";

    public static SimulatorAccountKey LoadOrCreate(string directory, string keyId = DefaultKeyId)
    {
        Directory.CreateDirectory(directory);
        var privatePath = Path.Combine(directory, keyId + ".pem");
        using var rsa = RSA.Create();
        if (File.Exists(privatePath))
        {
            rsa.ImportFromPem(File.ReadAllText(privatePath));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            File.WriteAllText(privatePath, pem);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new SimulatorAccountKey(keyId, Path.GetFullPath(privatePath), rsa.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Never prints key material.</summary>
    public override string ToString() => $"{KeyId} (private key at {PrivateKeyPath})";
}
