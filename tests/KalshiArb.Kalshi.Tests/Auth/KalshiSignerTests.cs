using Microsoft.Extensions.Configuration;

namespace KalshiArb.Kalshi.Tests.Auth;

public sealed class KalshiSignerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kalshi-signer-").FullName;
    private readonly RSA _key = RSA.Create(2048);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string WritePublicPem()
    {
        var path = Path.Combine(_dir, "pub.pem");
        File.WriteAllText(path, _key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    private static async Task<(int Code, string Output)> OpenSslVerify(string pubPath, string sigPath, string msgPath)
    {
        var psi = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
                     "-sigopt", "rsa_mgf1_md:sha256", "-verify", pubPath, "-signature", sigPath, msgPath })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    private async Task<(int Code, string Output)> Verify(string signatureBase64, string signedText)
    {
        var sig = Path.Combine(_dir, "sig.bin");
        var msg = Path.Combine(_dir, "msg.txt");
        await File.WriteAllBytesAsync(sig, Convert.FromBase64String(signatureBase64));
        await File.WriteAllBytesAsync(msg, Encoding.UTF8.GetBytes(signedText));
        return await OpenSslVerify(WritePublicPem(), sig, msg);
    }

    [Theory]
    [InlineData("pkcs1")]
    [InlineData("pkcs8")]
    public async Task Openssl_verifies_signature_from_either_pem_format(string format)
    {
        var pem = format == "pkcs1" ? _key.ExportRSAPrivateKeyPem() : _key.ExportPkcs8PrivateKeyPem();
        Assert.Contains(format == "pkcs1" ? "BEGIN RSA PRIVATE KEY" : "BEGIN PRIVATE KEY", pem);
        using var signer = KalshiSigner.FromPem("key-1", pem);

        var sig = signer.Sign(1703123456789, "get", "/trade-api/v2/portfolio/orders?limit=5");
        var (code, output) = await Verify(sig, "1703123456789GET/trade-api/v2/portfolio/orders");

        Assert.True(code == 0, output);
        Assert.Contains("Verified OK", output);
    }

    [Fact]
    public async Task Tampered_message_fails_verification()
    {
        using var signer = KalshiSigner.FromPem("key-1", _key.ExportPkcs8PrivateKeyPem());
        var sig = signer.Sign(1703123456789, "GET", "/trade-api/v2/portfolio/orders");

        var (code, output) = await Verify(sig, "1703123456789GET/trade-api/v2/portfolio/fills");

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("Verified OK", output);
    }

    [Fact]
    public async Task Tampered_signature_fails_verification()
    {
        using var signer = KalshiSigner.FromPem("key-1", _key.ExportRSAPrivateKeyPem());
        var bytes = Convert.FromBase64String(signer.Sign(1703123456789, "POST", "/trade-api/v2/portfolio/events/orders"));
        bytes[10] ^= 0x40;

        var (code, _) = await Verify(Convert.ToBase64String(bytes), "1703123456789POST/trade-api/v2/portfolio/events/orders");

        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task WebSocket_headers_sign_get_and_ws_path_at_clock_time()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1781159387354));
        using var signer = KalshiSigner.FromPem("key-ws", _key.ExportPkcs8PrivateKeyPem(), clock);

        var headers = signer.WebSocketHeaders();

        Assert.Equal("key-ws", headers.KeyId);
        Assert.Equal(1781159387354, headers.TimestampMs);
        var (code, output) = await Verify(headers.Signature, "1781159387354GET/trade-api/ws/v2");
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("https://demo-api.kalshi.co/trade-api/v2/markets?limit=100&cursor=abc", "/trade-api/v2/markets")]
    [InlineData("/trade-api/v2/portfolio/orders?status=resting", "/trade-api/v2/portfolio/orders")]
    [InlineData("wss://x.kalshi.com/trade-api/ws/v2", "/trade-api/ws/v2")]
    public void Signable_path_drops_host_and_query(string input, string expected) =>
        Assert.Equal(expected, KalshiSigner.SignablePath(input));

    [Fact]
    public void ToString_never_prints_secrets()
    {
        var pem = _key.ExportPkcs8PrivateKeyPem();
        using var signer = KalshiSigner.FromPem("secret-key-id", pem);
        var headers = signer.HeadersFor("GET", "/trade-api/v2/markets");
        var creds = new KalshiCredentials("secret-key-id", "/secret/path.pem");

        foreach (var text in new[] { signer.ToString(), headers.ToString(), creds.ToString() })
        {
            Assert.DoesNotContain("secret-key-id", text);
            Assert.DoesNotContain(headers.Signature, text);
            Assert.DoesNotContain("/secret/path.pem", text);
        }
    }

    [Fact]
    public void Garbage_pem_is_refused_without_echoing_it()
    {
        var ex = Assert.ThrowsAny<CryptographicException>(() => KalshiSigner.FromPem("k", "-----BEGIN PRIVATE KEY-----\nnotbase64 SECRET\n-----END PRIVATE KEY-----"));
        Assert.DoesNotContain("SECRET", ex.Message);
    }

    [Fact]
    public void Credentials_come_from_configuration_keys()
    {
        var cfg = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [KalshiCredentials.KeyIdVariable] = "abc",
                [KalshiCredentials.KeyPathVariable] = "/k.pem",
            }).Build();
        var creds = KalshiCredentials.FromConfiguration(cfg);
        Assert.NotNull(creds);
        Assert.Equal("abc", creds.KeyId);
        Assert.Equal("/k.pem", creds.PrivateKeyPath);
        Assert.Null(KalshiCredentials.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
