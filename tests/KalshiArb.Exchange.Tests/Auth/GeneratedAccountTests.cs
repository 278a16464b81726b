using System.Security.Cryptography;

namespace KalshiArb.Exchange.Tests.Auth;

public sealed class GeneratedAccountTests
{
    [Fact]
    public async Task Generated_private_key_signs_requests_the_simulator_accepts()
    {
        var generated = GeneratedAccount.Create("demo", Money.FromDollars(250));
        Assert.Contains("BEGIN PRIVATE KEY", generated.PrivateKeyPem);
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Accounts = [generated.Account], TickInterval = null });

        using var rsa = RSA.Create();
        rsa.ImportFromPem(generated.PrivateKeyPem);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, sim.RestBaseUrl + "/portfolio/balance");
        req.Headers.Add("KALSHI-ACCESS-KEY", "demo");
        req.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts);
        req.Headers.Add("KALSHI-ACCESS-SIGNATURE", Convert.ToBase64String(rsa.SignData(
            Encoding.UTF8.GetBytes(ts + "GET" + sim.RestBaseUrl.AbsolutePath + "/portfolio/balance"), HashAlgorithmName.SHA256, RSASignaturePadding.Pss)));
        using var resp = await http.SendAsync(req);
        Assert.Contains("\"balance_dollars\":\"250.0000\"", await resp.Content.ReadAsStringAsync());
    }
}
