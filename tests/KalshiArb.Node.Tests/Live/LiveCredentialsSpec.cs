using System.Security.Cryptography;
using KalshiArb.Node.Live;

namespace KalshiArb.Node.Tests.Live;

public sealed class LiveCredentialsSpec : IDisposable
{
    private const string KeyId = "a1b2c3d4-key-id-9f8e7d6c";
    private const string OddsKey = "odds-secret-0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-live-creds-").FullName;
    private readonly string _pem;
    private readonly string _keyPath;

    public LiveCredentialsSpec()
    {
        using var rsa = RSA.Create(2048);
        _pem = rsa.ExportPkcs8PrivateKeyPem();
        _keyPath = WriteKey("kalshi.pem", _pem, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private string WriteKey(string name, string text, UnixFileMode mode)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        return path;
    }

    private Dictionary<string, string?> Env(string? keyPath = null) => new()
    {
        [LiveCredentials.KeyIdVariable] = KeyId,
        [LiveCredentials.KeyPathVariable] = keyPath ?? _keyPath,
        [LiveCredentials.OddsApiKeyVariable] = OddsKey,
    };

    private static LiveCredentialsResult Load(Dictionary<string, string?> env) => LiveCredentials.Load(name => env.GetValueOrDefault(name));

    [Fact]
    public void Complete_environment_loads_with_production_defaults_and_a_working_signer()
    {
        var result = Load(Env());

        Assert.True(result.IsSuccess, result.ToString());
        var c = result.Credentials!;
        Assert.Equal(KeyId, c.KeyId);
        Assert.Equal(Path.GetFullPath(_keyPath), c.PrivateKeyPath);
        Assert.Equal(new Uri("https://external-api.kalshi.com/trade-api/v2"), c.RestUrl);
        Assert.Equal(new Uri("wss://external-api-ws.kalshi.com/trade-api/ws/v2"), c.WsUrl);
        Assert.Equal(new Uri("https://api.the-odds-api.com"), c.OddsApiUrl);
        Assert.Equal(OddsKey, c.OddsApiKey);
        Assert.Equal(c.RestUrl, c.RestOptions().BaseUrl);

        var signer = c.CreateSigner();
        Assert.True(signer.IsSuccess, signer.ToString());
        using var s = signer.Signer!;
        var headers = s.HeadersFor("GET", "/trade-api/v2/portfolio/balance");
        Assert.Equal(KeyId, headers.KeyId);
        Assert.False(string.IsNullOrEmpty(headers.Signature));
    }

    [Fact]
    public void Configured_hosts_override_the_defaults_and_loopback_may_be_plain()
    {
        var env = Env();
        env[LiveCredentials.RestUrlVariable] = "http://127.0.0.1:5001/trade-api/v2";
        env[LiveCredentials.WsUrlVariable] = "ws://127.0.0.1:5001/trade-api/ws/v2";
        env[LiveCredentials.OddsApiUrlVariable] = "https://odds.example.org";

        var result = Load(env);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Uri("http://127.0.0.1:5001/trade-api/v2"), result.Credentials!.RestUrl);
        Assert.Equal(new Uri("ws://127.0.0.1:5001/trade-api/ws/v2"), result.Credentials.WsUrl);
        Assert.Equal(new Uri("https://odds.example.org"), result.Credentials.OddsApiUrl);
    }

    [Theory]
    [InlineData(LiveCredentials.KeyIdVariable, LiveCredentialsFailure.MissingKeyId)]
    [InlineData(LiveCredentials.KeyPathVariable, LiveCredentialsFailure.MissingKeyPath)]
    [InlineData(LiveCredentials.OddsApiKeyVariable, LiveCredentialsFailure.MissingOddsApiKey)]
    public void A_missing_required_variable_is_refused_by_name(string variable, LiveCredentialsFailure expected)
    {
        foreach (var missing in new[] { null, "", "   " })
        {
            var env = Env();
            env[variable] = missing;

            var result = Load(env);

            Assert.False(result.IsSuccess);
            Assert.Null(result.Credentials);
            Assert.Equal(expected, result.Failure);
            Assert.Contains(variable, result.Detail);
        }
    }

    [Theory]
    [InlineData(LiveCredentials.RestUrlVariable, "http://api.example.com/trade-api/v2", LiveCredentialsFailure.InsecureUrl)]
    [InlineData(LiveCredentials.WsUrlVariable, "ws://ws.example.com/trade-api/ws/v2", LiveCredentialsFailure.InsecureUrl)]
    [InlineData(LiveCredentials.OddsApiUrlVariable, "http://odds.example.com", LiveCredentialsFailure.InsecureUrl)]
    [InlineData(LiveCredentials.RestUrlVariable, "not a url", LiveCredentialsFailure.InvalidUrl)]
    [InlineData(LiveCredentials.WsUrlVariable, "https://ws.example.com/trade-api/ws/v2", LiveCredentialsFailure.InvalidUrl)]
    public void Bad_or_unencrypted_hosts_are_refused(string variable, string value, LiveCredentialsFailure expected)
    {
        var env = Env();
        env[variable] = value;

        var result = Load(env);

        Assert.Equal(expected, result.Failure);
        Assert.Contains(variable, result.Detail);
    }

    [Fact]
    public void A_missing_key_file_is_refused()
    {
        var result = Load(Env(Path.Combine(_dir, "no-such.pem")));

        Assert.Equal(LiveCredentialsFailure.KeyFileNotFound, result.Failure);
        Assert.Contains("no-such.pem", result.Detail);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    public void A_key_file_others_can_read_is_refused(UnixFileMode mode)
    {
        var path = WriteKey("open.pem", _pem, mode);

        var result = Load(Env(path));

        Assert.Equal(LiveCredentialsFailure.KeyFileTooOpen, result.Failure);
        Assert.Contains("chmod 600", result.Detail);
        Assert.DoesNotContain("PRIVATE KEY", result.Detail);
    }

    [Theory]
    [InlineData("this is not a key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    [InlineData("")]
    public void A_file_without_a_usable_RSA_key_is_refused_with_a_reason_not_an_exception(string text)
    {
        var path = WriteKey("bad.pem", text, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = Load(Env(path));

        Assert.Equal(LiveCredentialsFailure.BadPrivateKey, result.Failure);
        Assert.Contains("bad.pem", result.Detail);
    }

    [Fact]
    public void A_key_broken_after_loading_makes_the_signer_fail_with_a_reason()
    {
        var result = Load(Env());
        Assert.True(result.IsSuccess, result.ToString());
        File.WriteAllText(_keyPath, "gone bad");

        var signer = result.Credentials!.CreateSigner();

        Assert.False(signer.IsSuccess);
        Assert.Null(signer.Signer);
        Assert.Equal(LiveCredentialsFailure.BadPrivateKey, signer.Failure);
    }

    [Fact]
    public void ToString_shows_no_key_id_no_key_material_and_no_odds_key()
    {
        var result = Load(Env());
        var c = result.Credentials!;

        foreach (var text in new[] { c.ToString(), result.ToString(), c.TradingTarget })
        {
            Assert.DoesNotContain(KeyId, text);
            Assert.DoesNotContain(OddsKey, text);
            Assert.DoesNotContain("PRIVATE KEY", text);
            Assert.DoesNotContain(_pem.Split('\n')[1], text);
        }
        Assert.Contains("external-api.kalshi.com", c.ToString());
        Assert.Contains("****7d6c", c.TradingTarget);
        Assert.Contains("https://external-api.kalshi.com/trade-api/v2", c.TradingTarget);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // only a temp folder left behind
        }
    }
}
