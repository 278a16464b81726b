namespace KalshiArb.Node.Admin;

/// <summary>
/// The admin endpoint's calls as an operator surface makes them (the CLI's `status`/`kill`/`resume`, the dashboard's
/// H and R keys): one path to the kill switch, with its token and its failures mapped to outcomes.
/// </summary>
public interface INodeControl
{
    Task<AdminReply<AdminStatusDocument>> GetStatusAsync(CancellationToken ct);

    /// <summary>The status plus markets, recent signals and recent fills (GET /admin/dashboard).</summary>
    Task<AdminReply<AdminDashboardDocument>> GetDashboardAsync(CancellationToken ct);

    Task<AdminReply<AdminKillSwitchAnswer>> KillAsync(bool reduceOnly, string reason, CancellationToken ct);

    Task<AdminReply<AdminKillSwitchAnswer>> ResumeAsync(string reason, CancellationToken ct);
}
