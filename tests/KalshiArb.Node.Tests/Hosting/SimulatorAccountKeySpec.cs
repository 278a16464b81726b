using System.Security.Cryptography;
using System.Text;

namespace KalshiArb.Node.Tests.Hosting;

public sealed class SimulatorAccountKeySpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-key-").FullName;

    [Fact]
    public void The_key_is_created_once_and_reused_so_the_account_stays_the_same()
    {
        var first = SimulatorAccountKey.LoadOrCreate(_dir);
        var second = SimulatorAccountKey.LoadOrCreate(_dir);
        Assert.Equal(first.PublicKeyPem, second.PublicKeyPem);
        Assert.Equal(first.PrivateKeyPath, second.PrivateKeyPath);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.PrivateKeyPath));
    }

    [Fact]
    public void The_private_key_signs_what_the_public_key_verifies()
    {
        var key = SimulatorAccountKey.LoadOrCreate(_dir);
        using var priv = RSA.Create();
        priv.ImportFromPem(File.ReadAllText(key.PrivateKeyPath));
        using var pub = RSA.Create();
        pub.ImportFromPem(key.PublicKeyPem);
        var msg = Encoding.ASCII.GetBytes("1703123456789GET/trade-api/v2/portfolio/balance");
        var sig = priv.SignData(msg, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        Assert.True(pub.VerifyData(msg, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    [Fact]
    public void ToString_never_shows_key_material()
    {
        var key = SimulatorAccountKey.LoadOrCreate(_dir);
        Assert.DoesNotContain("BEGIN", key.ToString());
        Assert.DoesNotContain(key.PublicKeyPem[30..60], key.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
