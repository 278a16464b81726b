using KalshiArb.Node.Admin;
using KalshiArb.Node.Hosting;

namespace KalshiArb.Node.Dashboard;

/// <summary>
/// Everything one frame of the dashboard shows; <see cref="DashboardRenderer"/> turns it into a renderable, nothing else.
/// </summary>
/// <param name="Node">who is running: mode, exchange, admin port ("sim · kalshi-sim at http://… · admin 127.0.0.1:4711")</param>
/// <param name="At">when the frame was taken</param>
/// <param name="Document">the node's dashboard document as the admin endpoint answers it (GET /admin/dashboard); null before the first answer</param>
/// <param name="StatusProblem">why the last status call failed (the figures shown are then from the last answer)</param>
/// <param name="Activity">the last fills, order ends and warnings, oldest first</param>
/// <param name="Prompt">a question waiting for y/n</param>
/// <param name="Notice">what the last key did ("kill switch: HALTED (…)") or why it failed</param>
public sealed record DashboardView(
    string Node,
    DateTimeOffset At,
    AdminDashboardDocument? Document,
    string? StatusProblem,
    IReadOnlyList<RecentLogLine> Activity,
    DashboardPrompt Prompt,
    string? Notice)
{
    public AdminStatusDocument? Status => Document?.Status;
}
