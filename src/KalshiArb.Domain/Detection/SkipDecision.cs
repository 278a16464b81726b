namespace KalshiArb.Domain.Detection;

/// <summary>No trade, with the coded reason; <see cref="Side"/> is set when the reason belongs to one side.</summary>
public sealed record SkipDecision(string Ticker, SkipReason Reason, OutcomeSide? Side, string Detail) : DetectionDecision(Ticker)
{
    private DeferredText _detail = new(Detail);

    /// <summary>A skip whose detail is formatted only when read (<see cref="DeferredText"/>).</summary>
    internal SkipDecision(string ticker, SkipReason reason, OutcomeSide? side, Func<string> describe) : this(ticker, reason, side, "") =>
        _detail = new DeferredText(describe);

    public string Detail
    {
        get => _detail.Value;
        init => _detail = new DeferredText(value);
    }
}
