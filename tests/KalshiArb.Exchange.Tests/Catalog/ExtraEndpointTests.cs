namespace KalshiArb.Exchange.Tests.Catalog;

public sealed class ExtraEndpointTests
{
    [Fact]
    public async Task Extra_endpoints_share_the_host_and_see_the_fair_values()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            TickInterval = null,
            Games = SimHarness.Games,
            MapExtraEndpoints = (routes, x) => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(routes, "/v4/probe",
                () => x.Games()[0].HomeWinProbability.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        });
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{sim.Port}/v4/probe");
        Assert.Equal(0.42, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 9);
    }
}
