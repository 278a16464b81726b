namespace KalshiArb.Node.Soak;

/// <summary>Where a `kalshiarb exchange` child listens and which account key it generated, read from its start-up banner.</summary>
public sealed record SimulatorEndpoints(Uri Rest, Uri WebSocket, Uri OddsApi, Uri Admin, string KeyId, string PrivateKeyPath)
{
    /// <summary>
    /// Feeds one banner line (see ExchangeCommand); returns the endpoints once every line needed has been seen.
    /// <paramref name="seen"/> collects the values between calls.
    /// </summary>
    public static SimulatorEndpoints? Accept(string line, Dictionary<string, string> seen)
    {
        Take(line, "simulator REST", "rest", seen);
        Take(line, "simulator WS", "ws", seen);
        Take(line, "odds API", "odds", seen);
        Take(line, "admin", "admin", seen);
        if (line.StartsWith("account", StringComparison.Ordinal))
        {
            foreach (var part in line["account".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) seen[part[..eq]] = part[(eq + 1)..];
            }
        }
        return seen.TryGetValue("rest", out var rest) && seen.TryGetValue("ws", out var ws) && seen.TryGetValue("odds", out var odds)
               && seen.TryGetValue("admin", out var admin) && seen.TryGetValue("KALSHI_API_KEY_ID", out var keyId)
               && seen.TryGetValue("KALSHI_PRIVATE_KEY_PATH", out var keyPath)
               && Uri.TryCreate(rest, UriKind.Absolute, out var restUri) && Uri.TryCreate(ws, UriKind.Absolute, out var wsUri)
               && Uri.TryCreate(odds, UriKind.Absolute, out var oddsUri) && Uri.TryCreate(admin, UriKind.Absolute, out var adminUri)
            ? new SimulatorEndpoints(restUri, wsUri, oddsUri, adminUri, keyId, keyPath)
            : null;
    }

    private static void Take(string line, string label, string key, Dictionary<string, string> seen)
    {
        if (!line.StartsWith(label, StringComparison.Ordinal)) return;
        var rest = line[label.Length..].TrimStart();
        var end = rest.IndexOf(' ', StringComparison.Ordinal);
        var value = end < 0 ? rest : rest[..end];
        if (value.Contains("://", StringComparison.Ordinal)) seen[key] = value;
    }

    /// <summary>The environment a node needs to trade on this simulator (see ExchangeConnection.ExternalSimulatorAsync).</summary>
    public IReadOnlyDictionary<string, string> NodeEnvironment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KALSHI_REST_URL"] = Rest.ToString(),
        ["KALSHI_WS_URL"] = WebSocket.ToString(),
        ["ODDS_API_URL"] = OddsApi.ToString(),
        ["ODDS_API_KEY"] = Hosting.ExchangeConnection.SimulatorOddsApiKey,
        ["KALSHI_API_KEY_ID"] = KeyId,
        ["KALSHI_PRIVATE_KEY_PATH"] = PrivateKeyPath,
    };
}
