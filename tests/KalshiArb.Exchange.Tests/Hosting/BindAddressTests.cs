using System.Net;
using System.Net.Sockets;

namespace KalshiArb.Exchange.Tests.Hosting;

public sealed class BindAddressTests
{
    [Fact]
    public async Task Default_listens_on_loopback_and_reports_loopback_urls()
    {
        Assert.Equal(IPAddress.Loopback, new SimulatorOptions().BindAddress);
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null });

        Assert.Equal(IPAddress.Loopback, sim.ListenAddress);
        Assert.Equal($"http://127.0.0.1:{sim.Port}/trade-api/v2", sim.RestBaseUrl.ToString());
        Assert.Equal($"ws://127.0.0.1:{sim.Port}/trade-api/ws/v2", sim.WsUrl.ToString());
        Assert.Equal($"http://127.0.0.1:{sim.Port}/", sim.OddsApiBaseUrl.ToString());
        Assert.Equal($"http://127.0.0.1:{sim.Port}/admin", sim.AdminUrl.ToString());
        Assert.True(await Answers(IPAddress.Loopback, sim.Port));
    }

    [Fact]
    public async Task Advertised_host_appears_in_every_url()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null, AdvertisedHost = "exchange" });

        Assert.Equal("exchange", sim.AdvertisedHost);
        Assert.Equal($"http://exchange:{sim.Port}/trade-api/v2", sim.RestBaseUrl.ToString());
        Assert.Equal($"ws://exchange:{sim.Port}/trade-api/ws/v2", sim.WsUrl.ToString());
        Assert.Equal($"http://exchange:{sim.Port}/", sim.OddsApiBaseUrl.ToString());
        Assert.Equal($"http://exchange:{sim.Port}/admin", sim.AdminUrl.ToString());
        // the name only changes what is reported, not where it listens
        Assert.Equal(IPAddress.Loopback, sim.ListenAddress);
    }

    [Fact]
    public async Task Bind_address_is_where_it_listens_and_nowhere_else()
    {
        // 127.0.0.2 is loopback on Linux yet distinct from 127.0.0.1: proves the option reaches Kestrel without leaving the host
        var other = IPAddress.Parse("127.0.0.2");
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null, BindAddress = other });

        Assert.Equal(other, sim.ListenAddress);
        Assert.Equal($"http://127.0.0.2:{sim.Port}/trade-api/v2", sim.RestBaseUrl.ToString());
        Assert.True(await Answers(other, sim.Port));
        Assert.False(await Answers(IPAddress.Loopback, sim.Port));
    }

    [Theory]
    [InlineData("0.0.0.0", null, "127.0.0.1")]
    [InlineData("::", null, "::1")]
    [InlineData("127.0.0.1", null, "127.0.0.1")]
    [InlineData("10.1.2.3", null, "10.1.2.3")]
    [InlineData("0.0.0.0", "exchange", "exchange")]
    [InlineData("0.0.0.0", "sim.internal.example", "sim.internal.example")]
    public void Advertised_host_resolution(string bind, string? advertised, string expected)
    {
        var options = new SimulatorOptions { BindAddress = IPAddress.Parse(bind), AdvertisedHost = advertised };
        Assert.Equal(expected, options.ResolveAdvertisedHost());
    }

    [Fact]
    public async Task Ipv6_advertised_host_is_bracketed_in_urls()
    {
        await using var sim = await ExchangeSimulator.StartAsync(new SimulatorOptions { TickInterval = null, AdvertisedHost = "::1" });
        Assert.Equal($"http://[::1]:{sim.Port}/trade-api/v2", sim.RestBaseUrl.ToString());
    }

    [Theory]
    [InlineData("not a host")]
    [InlineData("")]
    [InlineData("exchange:8787")]
    public async Task Invalid_advertised_host_is_refused_at_start(string advertised)
    {
        var options = new SimulatorOptions { TickInterval = null, AdvertisedHost = advertised };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ExchangeSimulator.StartAsync(options));
        Assert.Contains("advertised host", error.Message);
    }

    private static async Task<bool> Answers(IPAddress address, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var resp = await http.GetAsync(new UriBuilder("http", address.ToString(), port, "/trade-api/v2/portfolio/balance").Uri);
            // unsigned private call: 401 from the gateway still proves the simulator answered on that address
            return resp.StatusCode == HttpStatusCode.Unauthorized;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return false;
        }
    }
}
