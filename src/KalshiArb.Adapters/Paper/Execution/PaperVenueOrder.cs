namespace KalshiArb.Adapters.Paper.Execution;

/// <summary>What the paper venue remembers of one order it accepted: where it lives and its fills.</summary>
internal sealed class PaperVenueOrder(string ticker, string orderId, string clientOrderId)
{
    public string Ticker { get; } = ticker;
    public string OrderId { get; } = orderId;
    public string ClientOrderId { get; } = clientOrderId;
    public List<VenueFill> Fills { get; } = [];
}
