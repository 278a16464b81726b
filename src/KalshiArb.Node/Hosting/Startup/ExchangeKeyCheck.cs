namespace KalshiArb.Node.Hosting.Startup;

/// <summary>A separately started exchange (KALSHI_* variables): URLs well formed, the key file present and a real RSA key.</summary>
public static class ExchangeKeyCheck
{
    public static IReadOnlyList<StartupProblem> External(Func<string, string?> env)
    {
        var problems = new List<StartupProblem>();
        foreach (var name in new[] { "KALSHI_REST_URL", "KALSHI_WS_URL", "ODDS_API_URL" })
        {
            var text = env(name);
            if (string.IsNullOrWhiteSpace(text)) problems.Add(new(name, "is not set (an external exchange needs KALSHI_REST_URL, KALSHI_WS_URL and ODDS_API_URL)"));
            else if (!Uri.TryCreate(text, UriKind.Absolute, out _)) problems.Add(new(name, $"'{text}' is not an absolute URL"));
        }
        if (string.IsNullOrWhiteSpace(env("KALSHI_API_KEY_ID"))) problems.Add(new("KALSHI_API_KEY_ID", "is not set (the account's API key id)"));
        var keyPath = env("KALSHI_PRIVATE_KEY_PATH");
        if (string.IsNullOrWhiteSpace(keyPath))
        {
            problems.Add(new("KALSHI_PRIVATE_KEY_PATH", "is not set (the file holding the account's RSA private key)"));
            return problems;
        }
        if (!File.Exists(keyPath))
        {
            problems.Add(new($"KALSHI_PRIVATE_KEY_PATH {keyPath}", "no such file"));
            return problems;
        }
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(keyPath));
            _ = rsa.ExportParameters(includePrivateParameters: true); // a public key imports too, but cannot sign
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            problems.Add(new($"KALSHI_PRIVATE_KEY_PATH {keyPath}", "is not an RSA private key PEM (PKCS#1 or PKCS#8); give the key file Kalshi issued"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new($"KALSHI_PRIVATE_KEY_PATH {keyPath}", $"cannot be read: {ex.Message}"));
        }
        return problems;
    }
}
