namespace KalshiArb.Node.Dashboard;

/// <summary>The question on screen, if any: halting and resuming are asked before they are done.</summary>
public enum DashboardPrompt
{
    None,
    ConfirmHalt,
    ConfirmResume,
}
