using System.Globalization;
using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Rest;

public sealed partial class KalshiRestClient
{
    public Task<KalshiResult<KalshiBalance>> GetBalanceAsync(CancellationToken ct = default) =>
        SendAsync(Get("/portfolio/balance"), KalshiJsonContext.Default.BalanceDto, WireMapper.ToBalance, ct);

    public Task<KalshiResult<Page<KalshiPosition>>> GetPositionsAsync(string? ticker = null, string? cursor = null, CancellationToken ct = default) =>
        SendAsync(Get("/portfolio/positions", Query(("ticker", ticker), ("cursor", cursor), ("limit", Options.PageSize.ToString(CultureInfo.InvariantCulture)))),
            KalshiJsonContext.Default.PositionsPageDto, dto => MapPage(dto.MarketPositions, dto.Cursor, WireMapper.ToPosition), ct);

    public Task<KalshiResult<Page<KalshiFill>>> GetFillsAsync(string? ticker = null, string? orderId = null, long? minTs = null,
        string? cursor = null, CancellationToken ct = default) =>
        SendAsync(Get("/portfolio/fills", Query(("ticker", ticker), ("order_id", orderId), ("min_ts", minTs?.ToString(CultureInfo.InvariantCulture)),
                ("cursor", cursor), ("limit", Options.PageSize.ToString(CultureInfo.InvariantCulture)))),
            KalshiJsonContext.Default.FillsPageDto, dto => MapPage(dto.Fills, dto.Cursor, WireMapper.ToFill), ct);

    public Task<KalshiResult<Page<KalshiOrder>>> GetOrdersAsync(string? ticker = null, string? status = null, string? cursor = null, CancellationToken ct = default) =>
        SendAsync(Get("/portfolio/orders", Query(("ticker", ticker), ("status", status), ("cursor", cursor), ("limit", Options.PageSize.ToString(CultureInfo.InvariantCulture)))),
            KalshiJsonContext.Default.OrdersPageDto, dto => MapPage(dto.Orders, dto.Cursor, WireMapper.ToOrder), ct);

    public Task<KalshiResult<KalshiOrder>> GetOrderAsync(string orderId, CancellationToken ct = default) =>
        SendAsync(Get($"/portfolio/orders/{Seg(orderId)}"), KalshiJsonContext.Default.OrderEnvelopeDto,
            dto => dto.Order is null ? Errors.KalshiError.Malformed("GET /portfolio/orders/{id}: no order") : WireMapper.ToOrder(dto.Order), ct);

    /// <summary>Follows cursors of any paged call until the last page.</summary>
    public static async Task<KalshiResult<IReadOnlyList<T>>> CollectAllAsync<T>(Func<string?, Task<KalshiResult<Page<T>>>> fetchPage, int maxPages = 10_000)
    {
        var all = new List<T>();
        string? cursor = null;
        for (var i = 0; i < maxPages; i++)
        {
            var page = await fetchPage(cursor).ConfigureAwait(false);
            if (!page.IsSuccess) return page.Error;
            all.AddRange(page.Value.Items);
            cursor = page.Value.Cursor;
            if (cursor is null) return all;
        }
        return Errors.KalshiError.Malformed($"paging did not end after {maxPages} pages");
    }
}
