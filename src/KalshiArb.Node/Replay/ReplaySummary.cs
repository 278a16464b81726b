using System.Text.Json;

namespace KalshiArb.Node.Replay;

/// <summary>
/// A replay's totals as one sweep row needs them, written by <c>replay --summary FILE</c> (JSON) and read by the sweep
/// that started that replay. Money and contracts are exact fixed-point text, never a double.
/// </summary>
public sealed record ReplaySummary(
    long Signals,
    long Orders,
    long Fills,
    string ContractsFilled,
    string Fees,
    string Realized,
    string? AtMid,
    string MaxDrawdown,
    IReadOnlyList<ReplayStrategySummary> Strategies)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ReplaySummary From(ReplayReport report) => new(
        report.SignalsDetected,
        report.Admission.Placed,
        report.Fills,
        report.ContractsFilled.ToString(),
        report.Fees.ToString(),
        (report.RealizedBeforeFees - report.Fees).ToString(),
        report.PnlAtMid?.ToString(),
        report.MaxDrawdown.ToString(),
        report.Strategies.Select(s => new ReplayStrategySummary(s.StrategyId, s.OrdersEnded, s.OrdersFilled, s.Realized.ToString())).ToArray());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The summary in <paramref name="json"/>; null when it is not one (a replay cut short mid-write).</summary>
    public static ReplaySummary? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReplaySummary>(json, Json) is { Strategies: not null } s ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One detection strategy's orders (ended, of which filled) and realized P&amp;L after fees in a replay.</summary>
public sealed record ReplayStrategySummary(string Id, int OrdersEnded, int OrdersFilled, string Realized);
