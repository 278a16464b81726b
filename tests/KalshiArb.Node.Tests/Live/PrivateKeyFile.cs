using System.Security.Cryptography;

namespace KalshiArb.Node.Tests.Live;

/// <summary>A fresh RSA key as an owner-only PKCS#8 PEM file, as live mode requires it.</summary>
internal static class PrivateKeyFile
{
    public static string Write(string directory, string name)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
