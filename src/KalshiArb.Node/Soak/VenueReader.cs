using KalshiArb.Domain.Primitives;
using KalshiArb.Kalshi.Auth;
using KalshiArb.Kalshi.Rest;

namespace KalshiArb.Node.Soak;

/// <summary>Reads the account's orders, fills and positions from the simulator's Kalshi API, signed like the node's own calls.</summary>
public static class VenueReader
{
    public static async Task<VenueBook> ReadAsync(SimulatorEndpoints sim, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var signer = KalshiSigner.FromPem(sim.KeyId, await File.ReadAllTextAsync(sim.PrivateKeyPath, ct));
        var rest = new KalshiRestClient(http, new KalshiRestOptions { BaseUrl = sim.Rest }, signer);
        var orders = await KalshiRestClient.CollectAllAsync(c => rest.GetOrdersAsync(null, null, c, ct));
        var fills = await KalshiRestClient.CollectAllAsync(c => rest.GetFillsAsync(null, null, null, c, ct));
        var positions = await KalshiRestClient.CollectAllAsync(c => rest.GetPositionsAsync(null, c, ct));
        if (!orders.IsSuccess) throw new InvalidOperationException($"cannot read the venue's orders: {orders.Error}");
        if (!fills.IsSuccess) throw new InvalidOperationException($"cannot read the venue's fills: {fills.Error}");
        if (!positions.IsSuccess) throw new InvalidOperationException($"cannot read the venue's positions: {positions.Error}");
        return new VenueBook(
            orders.Value!.Select(o => new VenueOrder(o.OrderId, o.ClientOrderId, o.Ticker, o.CreatedTime?.ToUnixTimeMilliseconds())).ToArray(),
            fills.Value!.Select(f => new VenueBookFill(f.TradeId, f.OrderId, f.ClientOrderId, f.Ticker, f.Count)).ToArray(),
            positions.Value!.Where(p => !p.Position.IsZero).ToDictionary(p => p.Ticker, p => p.Position, StringComparer.Ordinal));
    }
}
