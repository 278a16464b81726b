using System.Diagnostics;

namespace KalshiArb.Exchange.Tests.Auth;

/// <summary>An independent signer (the openssl CLI, PSS salt 32) must be accepted: the verifier is not just .NET talking to itself.</summary>
public sealed class OpensslSignatureTests
{
    [Fact]
    public async Task Signature_made_by_openssl_is_accepted()
    {
        var generated = GeneratedAccount.Create("ossl", Money.FromDollars(10));
        var dir = Directory.CreateTempSubdirectory("ka-sim-");
        try
        {
            var keyPath = Path.Combine(dir.FullName, "key.pem");
            var msgPath = Path.Combine(dir.FullName, "msg.txt");
            await File.WriteAllTextAsync(keyPath, generated.PrivateKeyPem);
            await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { Accounts = [generated.Account], TickInterval = null });
            var path = sim.RestBaseUrl.AbsolutePath + "/portfolio/balance";
            var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(msgPath, ts + "GET" + path);

            var psi = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sign", keyPath, msgPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var proc = Process.Start(psi)!;
            using var sig = new MemoryStream();
            await proc.StandardOutput.BaseStream.CopyToAsync(sig);
            await proc.WaitForExitAsync();
            Assert.Equal(0, proc.ExitCode);

            using var http = new HttpClient();
            using var req = new HttpRequestMessage(HttpMethod.Get, sim.RestBaseUrl + "/portfolio/balance");
            req.Headers.Add("KALSHI-ACCESS-KEY", "ossl");
            req.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts);
            req.Headers.Add("KALSHI-ACCESS-SIGNATURE", Convert.ToBase64String(sig.ToArray()));
            using var resp = await http.SendAsync(req);
            Assert.Equal(200, (int)resp.StatusCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
