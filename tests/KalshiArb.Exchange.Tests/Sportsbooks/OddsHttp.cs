using System.Net;

namespace KalshiArb.Exchange.Tests.Sportsbooks;

/// <summary>Plain HTTP against the simulator's /v4 routes: status, quota headers and the parsed body.</summary>
public sealed class OddsHttp(ExchangeSimulator sim) : IDisposable
{
    public const string Key = "sim-odds-key";
    private readonly HttpClient _http = new() { BaseAddress = sim.OddsApiBaseUrl };

    public async Task<OddsAnswer> Get(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        return new OddsAnswer(response.StatusCode, Header(response, "x-requests-remaining"), Header(response, "x-requests-used"),
            Header(response, "x-requests-last"), JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<OddsAnswer> Odds(string sport, string query = "regions=us,eu&markets=h2h&oddsFormat=decimal") =>
        Get($"/v4/sports/{sport}/odds?apiKey={Key}&{query}");

    private static long? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? long.Parse(v.First(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public void Dispose() => _http.Dispose();
}

public sealed record OddsAnswer(HttpStatusCode Status, long? Remaining, long? Used, long? Last, JsonElement Body);
