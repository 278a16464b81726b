namespace KalshiArb.Node.Dashboard;

/// <summary>What a key press asks the session to do.</summary>
public enum DashboardAction
{
    None,
    Halt,
    Resume,
    Quit,
}
