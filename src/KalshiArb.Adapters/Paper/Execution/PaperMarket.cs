using KalshiArb.Domain.Paper;

namespace KalshiArb.Adapters.Paper.Execution;

/// <summary>One market of the paper venue: its fill model, status and our (netted) position. Guarded by the venue's lock.</summary>
internal sealed class PaperMarket(string ticker, PaperFillModel model)
{
    public string Ticker { get; } = ticker;
    public PaperFillModel Model { get; } = model;
    public PaperMarketStatus Status { get; set; } = PaperMarketStatus.Open;

    /// <summary>YES contracts held (Kalshi nets: we never hold YES and NO at once).</summary>
    public Quantity Yes { get; set; }

    /// <summary>NO contracts held.</summary>
    public Quantity No { get; set; }

    /// <summary>Signed position as Kalshi reports it: &gt; 0 YES, &lt; 0 NO.</summary>
    public Quantity Position => Yes - No;
}
