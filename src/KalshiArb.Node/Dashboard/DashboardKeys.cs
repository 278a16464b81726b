namespace KalshiArb.Node.Dashboard;

/// <summary>
/// The dashboard's keys: H asks to halt trading, R asks to resume, y confirms, any other key cancels the question, Q
/// quits (like Ctrl-C). Pure: the session performs the action.
/// </summary>
public static class DashboardKeys
{
    public const string Hint = "H halt trading · R resume · Q quit";

    public static (DashboardPrompt Prompt, DashboardAction Action) Press(DashboardPrompt prompt, char key)
    {
        var k = char.ToLowerInvariant(key);
        if (prompt != DashboardPrompt.None)
        {
            // Only an explicit yes acts; anything else (n, Esc, a stray key) withdraws the question.
            if (k != 'y') return (DashboardPrompt.None, DashboardAction.None);
            return (DashboardPrompt.None, prompt == DashboardPrompt.ConfirmHalt ? DashboardAction.Halt : DashboardAction.Resume);
        }
        return k switch
        {
            'h' => (DashboardPrompt.ConfirmHalt, DashboardAction.None),
            'r' => (DashboardPrompt.ConfirmResume, DashboardAction.None),
            'q' => (DashboardPrompt.None, DashboardAction.Quit),
            _ => (DashboardPrompt.None, DashboardAction.None),
        };
    }

    public static string? Question(DashboardPrompt prompt) => prompt switch
    {
        DashboardPrompt.ConfirmHalt => "HALT trading (every resting order is canceled)? press y to confirm, any other key cancels",
        DashboardPrompt.ConfirmResume => "RESUME trading? press y to confirm, any other key cancels",
        _ => null,
    };
}
