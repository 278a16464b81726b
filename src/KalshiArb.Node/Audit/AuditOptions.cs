using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Audit;

/// <summary>What `audit` reads and how it reports. <see cref="RequireTerminal"/> is off with --allow-open (a running system).</summary>
public sealed record AuditOptions
{
    public NodeSettings Settings { get; init; } = new();
    public AuditFormat Format { get; init; } = AuditFormat.Text;
    public string? OutFile { get; init; }

    /// <summary>--report FILE.html: also write the self-contained HTML report (<see cref="AuditHtmlReport"/>) there.</summary>
    public string? HtmlReportFile { get; init; }
    public bool RequireTerminal { get; init; } = true;

    /// <summary>Only this order: an execution id or its "order-…" persistence id.</summary>
    public string? OrderId { get; init; }
}
